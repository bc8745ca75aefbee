package dev.atrium.account.internal;

import dev.atrium.account.UserSummary;
import dev.atrium.shared.paging.LikePattern;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table. Emails are stored and looked up in their normal form ({@link EmailAddresses#normalise}),
 * and compared without regard to case as the unique index does, so that rows written before emails were normalised
 * are still found.
 */
@Repository
public class UserRepository {

    static final String COLUMNS = """
            id, email, password_hash, first_name, last_name, phone, avatar_key, roles, active,
            created_at, updated_at, last_login_at""";

    static final RowMapper<User> MAPPER = UserRepository::map;

    /** Active users only unless :all, and those whose email or name contains :pattern when it is not null. */
    private static final String FILTER = """
            (active OR :all) AND (CAST(:pattern AS text) IS NULL
                OR email ILIKE :pattern ESCAPE '\\' OR first_name ILIKE :pattern ESCAPE '\\'
                OR last_name ILIKE :pattern ESCAPE '\\' OR (first_name || ' ' || last_name) ILIKE :pattern ESCAPE '\\')""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    /** The user with this email once normalised: every look-up by email (sign-in included) comes through here. */
    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
                .param("email", EmailAddresses.normalise(email))
                .query(MAPPER)
                .optional();
    }

    public List<User> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // One array parameter, however many ids: a statement holds at most 65535 placeholders, and an organization
        // page can name more members than that.
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ANY (:ids) ORDER BY id")
                .param("ids", ids.toArray(Long[]::new))
                .query(MAPPER)
                .list();
    }

    /**
     * The names of the active users among the ids, by id. Organization pages name thousands of members at once: only
     * the four columns they show are read.
     */
    public Map<Long, UserSummary> activeSummaries(Collection<Long> ids) {
        Map<Long, UserSummary> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT id, email, first_name, last_name FROM users
                        WHERE id = ANY (:ids) AND active ORDER BY id""")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, row) -> found.put(
                        rs.getLong(1),
                        new UserSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
        return found;
    }

    public boolean anyActiveAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE 'ADMIN' = ANY (roles) AND active)")
                .query(Boolean.class)
                .single();
    }

    /** Inserts a user, with the email in its normal form, and returns it as stored. */
    public User insert(
            String email, String passwordHash, String firstName, String lastName, String phone, Set<String> roles) {
        return jdbc.sql("""
                        INSERT INTO users (email, password_hash, first_name, last_name, phone, roles)
                        VALUES (:email, :passwordHash, :firstName, :lastName, :phone, :roles)
                        RETURNING """ + " " + COLUMNS)
                .param("email", EmailAddresses.normalise(email))
                .param("passwordHash", passwordHash)
                .param("firstName", firstName)
                .param("lastName", lastName)
                .param("phone", phone)
                .param("roles", roles.toArray(String[]::new))
                .query(MAPPER)
                .single();
    }

    /**
     * A page of users in id order: only the active ones unless {@code includeInactive}, and only those whose email or
     * name contains {@code search} (any case) when it is given.
     */
    public List<User> page(boolean includeInactive, @Nullable String search, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE " + FILTER
                        + " ORDER BY id LIMIT :limit OFFSET :offset")
                .param("all", includeInactive)
                .param("pattern", pattern(search))
                .param("limit", limit)
                .param("offset", offset)
                .query(MAPPER)
                .list();
    }

    public long count(boolean includeInactive, @Nullable String search) {
        return jdbc.sql("SELECT count(*) FROM users WHERE " + FILTER)
                .param("all", includeInactive)
                .param("pattern", pattern(search))
                .query(Long.class)
                .single();
    }

    /** A LIKE pattern matching any text that contains the search, its own % and _ taken literally. */
    static @Nullable String pattern(@Nullable String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        return LikePattern.containing(search.strip());
    }

    /** Reads the user and locks the row until the transaction ends, so that concurrent changes to it take turns. */
    public Optional<User> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    /** Whether another user than {@code exceptId} has this email, compared as {@link #findByEmail} does. */
    public boolean emailTaken(String email, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(:email) AND id <> :id)")
                .param("email", EmailAddresses.normalise(email))
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    /**
     * The active administrators other than the given user, locked until the transaction ends: two administrators
     * demoting each other at once must not both find the other one still there.
     */
    public int lockOtherActiveAdmins(long exceptId) {
        return jdbc.sql("SELECT id FROM users WHERE 'ADMIN' = ANY (roles) AND active AND id <> :id FOR UPDATE")
                .param("id", exceptId)
                .query(Long.class)
                .list()
                .size();
    }

    public long countActive() {
        return jdbc.sql("SELECT count(*) FROM users WHERE active")
                .query(Long.class)
                .single();
    }

    /** Writes every field a profile or an administrator may change; the caller has checked them. */
    public void update(User user, Instant at) {
        jdbc.sql("""
                        UPDATE users SET email = :email, first_name = :firstName, last_name = :lastName, phone = :phone,
                            roles = :roles, active = :active, updated_at = :at
                        WHERE id = :id""")
                .param("email", user.email())
                .param("firstName", user.firstName())
                .param("lastName", user.lastName())
                .param("phone", user.phone())
                .param("roles", user.roles().toArray(String[]::new))
                .param("active", user.active())
                .param("at", Timestamp.from(at))
                .param("id", user.id())
                .update();
    }

    public void setPasswordHash(long id, String passwordHash, Instant at) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = :at WHERE id = :id")
                .param("hash", passwordHash)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void setAvatarKey(long id, @Nullable String avatarKey, Instant at) {
        jdbc.sql("UPDATE users SET avatar_key = :key, updated_at = :at WHERE id = :id")
                .param("key", avatarKey)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void recordSignIn(long id, Instant at) {
        jdbc.sql("UPDATE users SET last_login_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("password_hash"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("phone"),
                rs.getString("avatar_key"),
                roles(rs.getArray("roles")),
                rs.getBoolean("active"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                nullableInstant(rs.getTimestamp("last_login_at")));
    }

    private static Set<String> roles(Array array) throws SQLException {
        Set<String> roles = new LinkedHashSet<>(List.of((String[]) array.getArray()));
        return Set.copyOf(roles);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    static @Nullable Instant nullableInstant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
