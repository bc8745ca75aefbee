package dev.atrium.organization.internal;

import dev.atrium.account.UserOrganizations.OrganizationRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code organization_members} table. Written with {@code JdbcClient} on purpose: memberships are written from
 * both sides (an organization's members, a user's profile) and under concurrency, so each change is one set-based
 * statement that tolerates a concurrent twin ({@code ON CONFLICT DO NOTHING}) instead of rewriting an organization's
 * whole member list as a {@code @MappedCollection} would; and lists load the memberships of a whole page in one
 * query bound to an array ({@code = ANY}), never one query per organization or per user.
 */
@Repository
class MembershipRepository {

    private final JdbcClient jdbc;

    MembershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member ids of each organization, in id order; organizations without members map to an empty list. */
    public Map<Long, List<Long>> memberIds(Collection<Long> organizationIds) {
        Map<Long, List<Long>> members = new LinkedHashMap<>();
        organizationIds.forEach(id -> members.put(id, new ArrayList<>()));
        if (organizationIds.isEmpty()) {
            return members;
        }
        jdbc.sql("""
                        SELECT organization_id, user_id FROM organization_members
                        WHERE organization_id = ANY (:ids) ORDER BY organization_id, user_id""")
                .param("ids", organizationIds.toArray(Long[]::new))
                .query((rs, row) -> {
                    members.get(rs.getLong("organization_id")).add(rs.getLong("user_id"));
                    return null;
                })
                .list();
        return members;
    }

    /** The organizations of each user, by name; users in none map to an empty list. */
    public Map<Long, List<OrganizationRef>> organizationsOf(Collection<Long> userIds) {
        Map<Long, List<OrganizationRef>> organizations = new LinkedHashMap<>();
        userIds.forEach(id -> organizations.put(id, new ArrayList<>()));
        if (userIds.isEmpty()) {
            return organizations;
        }
        jdbc.sql("""
                        SELECT m.user_id, o.id, o.name FROM organization_members m
                        JOIN organizations o ON o.id = m.organization_id
                        WHERE m.user_id = ANY (:ids) ORDER BY m.user_id, lower(o.name), o.id""")
                .param("ids", userIds.toArray(Long[]::new))
                .query((rs, row) -> {
                    organizations
                            .get(rs.getLong("user_id"))
                            .add(new OrganizationRef(rs.getLong("id"), rs.getString("name")));
                    return null;
                })
                .list();
        return organizations;
    }

    /** Makes the user a member of exactly these organizations: two statements, whatever the number of changes. */
    public void replaceMemberships(long userId, Set<Long> organizationIds, Instant at) {
        Long[] ids = organizationIds.toArray(Long[]::new);
        jdbc.sql("DELETE FROM organization_members WHERE user_id = :user AND NOT (organization_id = ANY (:ids))")
                .param("user", userId)
                .param("ids", ids)
                .update();
        jdbc.sql("""
                        INSERT INTO organization_members (organization_id, user_id, joined_at)
                        SELECT id, :user, :at FROM unnest(CAST(:ids AS bigint[])) AS id
                        ON CONFLICT DO NOTHING""")
                .param("user", userId)
                .param("ids", ids)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Adds the member; false when they already were one. */
    public boolean addMember(long organizationId, long userId, Instant at) {
        return jdbc.sql("""
                        INSERT INTO organization_members (organization_id, user_id, joined_at)
                        VALUES (:organization, :user, :at) ON CONFLICT DO NOTHING""")
                        .param("organization", organizationId)
                        .param("user", userId)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Removes the member; false when they were none. */
    public boolean removeMember(long organizationId, long userId) {
        return jdbc.sql("DELETE FROM organization_members WHERE organization_id = :organization AND user_id = :user")
                        .param("organization", organizationId)
                        .param("user", userId)
                        .update()
                == 1;
    }
}
