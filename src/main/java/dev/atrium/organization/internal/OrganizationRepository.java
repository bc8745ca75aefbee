package dev.atrium.organization.internal;

import dev.atrium.account.UserOrganizations.OrganizationRef;
import dev.atrium.shared.paging.LikePattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code organizations} and {@code organization_members} tables. Lists load their memberships for a whole page in
 * one query ({@code = ANY}), never one query per organization or per user.
 */
@Repository
public class OrganizationRepository {

    private static final String COLUMNS = "id, name, description, creator_id, created_at, updated_at";

    private static final RowMapper<Organization> MAPPER = OrganizationRepository::map;

    /** Organizations whose name or description contains the pattern, any case; all of them when it is null. */
    private static final String FILTER = """
            (CAST(:pattern AS text) IS NULL
                OR name ILIKE :pattern ESCAPE '\\' OR description ILIKE :pattern ESCAPE '\\')""";

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Organization insert(String name, String description, long creatorId, Instant at) {
        return jdbc.sql("INSERT INTO organizations (name, description, creator_id, created_at, updated_at) "
                        + "VALUES (:name, :description, :creator, :at, :at) RETURNING " + COLUMNS)
                .param("name", name)
                .param("description", description)
                .param("creator", creatorId)
                .param("at", Timestamp.from(at))
                .query(MAPPER)
                .single();
    }

    public Optional<Organization> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organizations WHERE id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    public Optional<Organization> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organizations WHERE lower(name) = lower(:name)")
                .param("name", name)
                .query(MAPPER)
                .optional();
    }

    /** Reads the organization and locks its row until the transaction ends. */
    public Optional<Organization> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organizations WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    public boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizations WHERE lower(name) = lower(:name) AND id <> :id)")
                .param("name", name)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    public void update(Organization organization) {
        jdbc.sql("UPDATE organizations SET name = :name, description = :description, updated_at = :at WHERE id = :id")
                .param("name", organization.name())
                .param("description", organization.description())
                .param("at", Timestamp.from(organization.updatedAt()))
                .param("id", organization.id())
                .update();
    }

    /** Deletes the organization; its memberships go with it. */
    public void delete(long id) {
        jdbc.sql("DELETE FROM organizations WHERE id = :id").param("id", id).update();
    }

    public List<Organization> page(@Nullable String search, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organizations WHERE " + FILTER
                        + " ORDER BY id LIMIT :limit OFFSET :offset")
                .param("pattern", pattern(search))
                .param("limit", limit)
                .param("offset", offset)
                .query(MAPPER)
                .list();
    }

    public long count(@Nullable String search) {
        return jdbc.sql("SELECT count(*) FROM organizations WHERE " + FILTER)
                .param("pattern", pattern(search))
                .query(Long.class)
                .single();
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

    /** Those of the ids that name no organization. */
    public Set<Long> unknown(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<Long> unknown = new HashSet<>(ids);
        unknown.removeAll(jdbc.sql("SELECT id FROM organizations WHERE id = ANY (:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(Long.class)
                .list());
        return unknown;
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

    public long countAll() {
        return jdbc.sql("SELECT count(*) FROM organizations").query(Long.class).single();
    }

    /** A LIKE pattern matching any text that contains the search, its own % and _ taken literally. */
    static @Nullable String pattern(@Nullable String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        return LikePattern.containing(search.strip());
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        Long creator = rs.getObject("creator_id", Long.class);
        return new Organization(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                creator,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
