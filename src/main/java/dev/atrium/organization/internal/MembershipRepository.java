package dev.atrium.organization.internal;

import dev.atrium.account.UserOrganizations.OrganizationRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.repository.Repository;

/**
 * The {@code organization_members} table, the member side of the organization aggregate. Not a
 * {@code @MappedCollection} of {@link Organization}: memberships are written from both sides (an organization's
 * members, a user's profile) and under concurrency, so each change is one set-based statement that tolerates a
 * concurrent twin ({@code ON CONFLICT DO NOTHING}) instead of a rewrite of an organization's whole member list; and
 * lists load the memberships of a whole page in one query, never one query per organization or per user.
 */
interface MembershipRepository extends Repository<Organization, Long> {

    record Member(long organizationId, long userId) {}

    record MemberOf(long userId, @Embedded.Empty OrganizationRef organization) {}

    /** The member ids of each organization, in id order; organizations without members map to an empty list. */
    default Map<Long, List<Long>> memberIds(Collection<Long> organizationIds) {
        Map<Long, List<Long>> members = new LinkedHashMap<>();
        organizationIds.forEach(id -> members.put(id, new ArrayList<>()));
        if (!organizationIds.isEmpty()) {
            membersOf(organizationIds)
                    .forEach(m -> members.get(m.organizationId()).add(m.userId()));
        }
        return members;
    }

    @Query("""
            SELECT organization_id, user_id FROM organization_members
            WHERE organization_id IN (:organizationIds) ORDER BY organization_id, user_id""")
    List<Member> membersOf(Collection<Long> organizationIds);

    /** The organizations of each user, by name; users in none map to an empty list. */
    default Map<Long, List<OrganizationRef>> organizationsOf(Collection<Long> userIds) {
        Map<Long, List<OrganizationRef>> organizations = new LinkedHashMap<>();
        userIds.forEach(id -> organizations.put(id, new ArrayList<>()));
        if (!userIds.isEmpty()) {
            membershipsOf(userIds).forEach(m -> organizations.get(m.userId()).add(m.organization()));
        }
        return organizations;
    }

    @Query("""
            SELECT m.user_id, o.id, o.name FROM organization_members m JOIN organizations o ON o.id = m.organization_id
            WHERE m.user_id IN (:userIds) ORDER BY m.user_id, lower(o.name), o.id""")
    List<MemberOf> membershipsOf(Collection<Long> userIds);

    /** Makes the user a member of exactly these organizations: two statements, whatever the number of changes. */
    default void replaceMemberships(long userId, Set<Long> organizationIds, Instant at) {
        if (organizationIds.isEmpty()) {
            leaveAll(userId);
        } else {
            leaveAllBut(userId, organizationIds);
            join(userId, organizationIds, at);
        }
    }

    @Modifying
    @Query("DELETE FROM organization_members WHERE user_id = :userId")
    void leaveAll(long userId);

    @Modifying
    @Query("DELETE FROM organization_members WHERE user_id = :userId AND organization_id NOT IN (:organizationIds)")
    void leaveAllBut(long userId, Collection<Long> organizationIds);

    @Modifying
    @Query("""
            INSERT INTO organization_members (organization_id, user_id, joined_at)
            SELECT id, :userId, :at FROM organizations WHERE id IN (:organizationIds)
            ON CONFLICT DO NOTHING""")
    void join(long userId, Collection<Long> organizationIds, Instant at);

    /** Adds the member; false when they already were one. */
    @Modifying
    @Query("""
            INSERT INTO organization_members (organization_id, user_id, joined_at)
            VALUES (:organizationId, :userId, :at) ON CONFLICT DO NOTHING""")
    boolean addMember(long organizationId, long userId, Instant at);

    /** Removes the member; false when they were none. */
    @Modifying
    @Query("DELETE FROM organization_members WHERE organization_id = :organizationId AND user_id = :userId")
    boolean removeMember(long organizationId, long userId);
}
