package dev.atrium.ordering.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table. A key is claimed in the same transaction that places its order, so a second
 * request with the same key blocks on the first one's uncommitted row and, once that commits, finds its answer.
 */
@Repository
class IdempotencyKeys {

    /** How long a key's first answer is replayed. */
    static final Duration LIFETIME = Duration.ofHours(24);

    /** A user's key and the hash of the request that came with it. */
    record Key(long userId, String key, String requestHash) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byUser = Long.compare(userId, other.userId);
            return byUser != 0 ? byUser : key.compareTo(other.key);
        }
    }

    /** A key's first answer, as stored. */
    record Stored(
            String requestHash,
            @Nullable Integer status,
            @Nullable String response) {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The answer of a key used in the last 24 hours, if any. */
    Optional<Stored> find(long userId, String key, Instant now) {
        return jdbc.sql("""
                        SELECT request_hash, status, response FROM idempotency_keys
                        WHERE user_id = :user AND key = :key AND created_at > :since""")
                .param("user", userId)
                .param("key", key)
                .param("since", Timestamp.from(now.minus(LIFETIME)))
                .query((rs, row) -> new Stored(
                        rs.getString("request_hash"), rs.getObject("status", Integer.class), rs.getString("response")))
                .optional();
    }

    /**
     * Claims the keys for orders of this transaction, in (user, key) order so that two transactions claiming the same
     * keys wait on each other in one order and never deadlock. A key whose row is older than 24 hours is claimed anew.
     * Waits while another transaction holds a key, until it commits or rolls back.
     *
     * @return the keys claimed; the others were taken by a transaction that has committed
     */
    Set<Key> claim(List<Key> keys, Instant now) {
        List<Key> sorted = keys.stream().sorted().toList();
        Set<Key> claimed = new HashSet<>();
        jdbc.sql("""
                        INSERT INTO idempotency_keys (user_id, key, request_hash, created_at)
                        SELECT v.user_id, v.key, v.request_hash, :now
                        FROM unnest(:users::bigint[], :keys::text[], :hashes::text[]) WITH ORDINALITY
                             AS v(user_id, key, request_hash, n)
                        ORDER BY v.n
                        ON CONFLICT (user_id, key) DO UPDATE
                        SET request_hash = EXCLUDED.request_hash, order_id = NULL, status = NULL, response = NULL,
                            created_at = EXCLUDED.created_at
                        WHERE idempotency_keys.created_at <= :expired
                        RETURNING user_id, key""")
                .param("users", sorted.stream().map(Key::userId).toArray(Long[]::new))
                .param("keys", sorted.stream().map(Key::key).toArray(String[]::new))
                .param("hashes", sorted.stream().map(Key::requestHash).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .param("expired", Timestamp.from(now.minus(LIFETIME)))
                .query((rs, row) -> {
                    long user = rs.getLong("user_id");
                    String key = rs.getString("key");
                    sorted.stream()
                            .filter(k -> k.userId() == user && k.key().equals(key))
                            .findFirst()
                            .ifPresent(claimed::add);
                    return row;
                })
                .list();
        return claimed;
    }

    /** Keeps the first answer of each key: the order it placed and the body it answered with. */
    void complete(List<Key> keys, List<Long> orderIds, List<String> responses) {
        jdbc.sql("""
                        UPDATE idempotency_keys k SET order_id = v.order_id, status = 201, response = v.response
                        FROM unnest(:users::bigint[], :keys::text[], :orders::bigint[], :responses::text[])
                             AS v(user_id, key, order_id, response)
                        WHERE k.user_id = v.user_id AND k.key = v.key""")
                .param("users", keys.stream().map(Key::userId).toArray(Long[]::new))
                .param("keys", keys.stream().map(Key::key).toArray(String[]::new))
                .param("orders", orderIds.toArray(Long[]::new))
                .param("responses", responses.toArray(String[]::new))
                .update();
    }

    /** Gives claimed keys back: their orders were refused, so nothing is kept and the key may be used again. */
    void release(List<Key> keys) {
        jdbc.sql("""
                        DELETE FROM idempotency_keys k
                        USING unnest(:users::bigint[], :keys::text[]) AS v(user_id, key)
                        WHERE k.user_id = v.user_id AND k.key = v.key""")
                .param("users", keys.stream().map(Key::userId).toArray(Long[]::new))
                .param("keys", keys.stream().map(Key::key).toArray(String[]::new))
                .update();
    }

    /** Forgets the keys older than 24 hours. */
    int sweep(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at <= :expired")
                .param("expired", Timestamp.from(now.minus(LIFETIME)))
                .update();
    }
}
