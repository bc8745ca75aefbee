package dev.atrium.account.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. Emails are compared without regard to case, as the unique index does. */
@Repository
public class UserRepository {

    static final String COLUMNS = """
            id, email, password_hash, first_name, last_name, phone, avatar_key, roles, active,
            created_at, updated_at, last_login_at""";

    static final RowMapper<User> MAPPER = UserRepository::map;

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

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(MAPPER)
                .optional();
    }

    public List<User> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query(MAPPER)
                .list();
    }

    public boolean anyActiveAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE 'ADMIN' = ANY (roles) AND active)")
                .query(Boolean.class)
                .single();
    }

    /** Inserts a user and returns it as stored. */
    public User insert(
            String email, String passwordHash, String firstName, String lastName, String phone, Set<String> roles) {
        return jdbc.sql("""
                        INSERT INTO users (email, password_hash, first_name, last_name, phone, roles)
                        VALUES (:email, :passwordHash, :firstName, :lastName, :phone, :roles)
                        RETURNING """ + " " + COLUMNS)
                .param("email", email)
                .param("passwordHash", passwordHash)
                .param("firstName", firstName)
                .param("lastName", lastName)
                .param("phone", phone)
                .param("roles", roles.toArray(String[]::new))
                .query(MAPPER)
                .single();
    }

    public void recordLogin(long id, Instant at) {
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
