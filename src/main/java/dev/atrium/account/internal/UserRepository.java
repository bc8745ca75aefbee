package dev.atrium.account.internal;

import dev.atrium.account.UserSummary;
import dev.atrium.shared.paging.LikePattern;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The {@code users} table. Emails are stored and looked up in their normal form ({@link EmailAddresses#normalise}),
 * and compared without regard to case as the unique index does, so that rows written before emails were normalised
 * are still found. A user's {@code created_at} is the database's own, so adding one is an {@code INSERT ... RETURNING}
 * that answers the stored row rather than {@code save}; changes write only the columns they mean to.
 */
interface UserRepository extends ListCrudRepository<User, Long> {

    /** Active users only unless :all, and those whose email or name contains :pattern when it is not null. */
    String FILTER = """
            (active OR :all) AND (CAST(:pattern AS text) IS NULL
                OR email ILIKE :pattern ESCAPE '\\' OR first_name ILIKE :pattern ESCAPE '\\'
                OR last_name ILIKE :pattern ESCAPE '\\' OR (first_name || ' ' || last_name) ILIKE :pattern ESCAPE '\\')""";

    /** The user with this email once normalised: every look-up by email (sign-in included) comes through here. */
    default Optional<User> findByEmail(String email) {
        return findByNormalEmail(EmailAddresses.normalise(email));
    }

    @Query("SELECT * FROM users WHERE lower(email) = lower(:email)")
    Optional<User> findByNormalEmail(String email);

    /** The users among the ids that exist, in id order. */
    default List<User> findAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return findAmongIds(ids.toArray(Long[]::new));
    }

    // One array parameter, however many ids: a statement holds at most 65535 placeholders, and an organization page
    // can name more members than that.
    @Query("SELECT * FROM users WHERE id = ANY (:ids) ORDER BY id")
    List<User> findAmongIds(Long[] ids);

    /**
     * The names of the active users among the ids, by id. Organization pages name thousands of members at once: only
     * the four columns they show are read.
     */
    default Map<Long, UserSummary> activeSummaries(Collection<Long> ids) {
        Map<Long, UserSummary> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            activeSummariesAmong(ids.toArray(Long[]::new)).forEach(user -> found.put(user.id(), user));
        }
        return found;
    }

    @Query("SELECT id, email, first_name, last_name FROM users WHERE id = ANY (:ids) AND active ORDER BY id")
    List<UserSummary> activeSummariesAmong(Long[] ids);

    @Query("SELECT EXISTS (SELECT 1 FROM users WHERE 'ADMIN' = ANY (roles) AND active)")
    boolean anyActiveAdmin();

    /** Inserts a user, with the email in its normal form, and returns it as stored. */
    default User insert(
            String email, String passwordHash, String firstName, String lastName, String phone, Set<String> roles) {
        return insertRow(
                EmailAddresses.normalise(email),
                passwordHash,
                firstName,
                lastName,
                phone,
                roles.toArray(String[]::new));
    }

    @Query("""
            INSERT INTO users (email, password_hash, first_name, last_name, phone, roles)
            VALUES (:email, :passwordHash, :firstName, :lastName, :phone, :roles)
            RETURNING *""")
    User insertRow(String email, String passwordHash, String firstName, String lastName, String phone, String[] roles);

    /**
     * A page of users in id order: only the active ones unless {@code includeInactive}, and only those whose email or
     * name contains {@code search} (any case) when it is given.
     */
    default List<User> page(boolean includeInactive, @Nullable String search, long offset, int limit) {
        return pageMatching(includeInactive, LikePattern.searchOrNull(search), offset, limit);
    }

    @Query("SELECT * FROM users WHERE " + FILTER + " ORDER BY id LIMIT :limit OFFSET :offset")
    List<User> pageMatching(boolean all, @Nullable String pattern, long offset, int limit);

    default long count(boolean includeInactive, @Nullable String search) {
        return countMatching(includeInactive, LikePattern.searchOrNull(search));
    }

    @Query("SELECT count(*) FROM users WHERE " + FILTER)
    long countMatching(boolean all, @Nullable String pattern);

    /** Reads the user and locks the row until the transaction ends, so that concurrent changes to it take turns. */
    @Query("SELECT * FROM users WHERE id = :id FOR UPDATE")
    Optional<User> lock(long id);

    /** Whether another user than {@code exceptId} has this email, compared as {@link #findByEmail} does. */
    default boolean emailTaken(String email, long exceptId) {
        return normalEmailTaken(EmailAddresses.normalise(email), exceptId);
    }

    @Query("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(:email) AND id <> :exceptId)")
    boolean normalEmailTaken(String email, long exceptId);

    /**
     * The ids of the active administrators other than the given user, locked until the transaction ends: two
     * administrators demoting each other at once must not both find the other one still there.
     */
    @Query("SELECT id FROM users WHERE 'ADMIN' = ANY (roles) AND active AND id <> :exceptId FOR UPDATE")
    List<Long> lockOtherActiveAdmins(long exceptId);

    @Query("SELECT count(*) FROM users WHERE active")
    long countActive();

    /** Writes every field a profile or an administrator may change; the caller has checked them. */
    default void update(User user, Instant at) {
        updateRow(
                user.id(),
                user.email(),
                user.firstName(),
                user.lastName(),
                user.phone(),
                user.roles().toArray(String[]::new),
                user.active(),
                at);
    }

    @Modifying
    @Query("""
            UPDATE users SET email = :email, first_name = :firstName, last_name = :lastName, phone = :phone,
                roles = :roles, active = :active, updated_at = :at
            WHERE id = :id""")
    void updateRow(
            long id,
            String email,
            String firstName,
            String lastName,
            String phone,
            String[] roles,
            boolean active,
            Instant at);

    @Modifying
    @Query("UPDATE users SET password_hash = :passwordHash, updated_at = :at WHERE id = :id")
    void setPasswordHash(long id, String passwordHash, Instant at);

    @Modifying
    @Query("UPDATE users SET avatar_key = :avatarKey, updated_at = :at WHERE id = :id")
    void setAvatarKey(long id, @Nullable String avatarKey, Instant at);

    @Modifying
    @Query("UPDATE users SET last_login_at = :at WHERE id = :id")
    void recordSignIn(long id, Instant at);
}
