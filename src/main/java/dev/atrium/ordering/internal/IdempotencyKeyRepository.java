package dev.atrium.ordering.internal;

import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.problem.ServiceUnavailable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Keys, all of their handling and the {@code idempotency_keys} table: a request's key is looked up without
 * locks before its order queues ({@link #answered}), claimed in the same transaction that places the order, so that a
 * second request with the same key blocks on the first one's uncommitted row ({@link #claim}), and then either given
 * the order's answer ({@link #complete}), given back when the order is refused ({@link #release}), or found taken by
 * a transaction that committed first, whose answer is replayed ({@link #replay}).
 *
 * <p>{@code JdbcClient} on purpose: keys are claimed inside the order batch's transaction, all of a batch's keys in one
 * array-bound {@code INSERT ... ON CONFLICT DO NOTHING}, whose result tells the claimed keys from the taken ones.
 */
@Repository
class IdempotencyKeyRepository {

    /** How long a key's first answer is replayed. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

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

    /**
     * What claiming found for each order of a batch, by its place in the batch: the first order with a key claims it,
     * later orders with the same key follow the first, and a key that a committed transaction holds is replayed.
     */
    static final class Claims {

        private final @Nullable Integer[] leaders;
        private final Set<Key> claimed;

        private Claims(@Nullable Integer[] leaders, Set<Key> claimed) {
            this.leaders = leaders;
            this.claimed = claimed;
        }

        /** The earlier order of the batch with the same key, whose outcome decides this one's; null for none. */
        @Nullable Integer leader(int order) {
            return leaders[order];
        }

        /** Whether the key was claimed by this batch, rather than held by a transaction that committed first. */
        boolean claimed(Key key) {
            return claimed.contains(key);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotencyKeyRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The request's key with the hash of what the request asks ({@code fingerprint}); null when it sent no key.
     *
     * @throws InvalidRequest when the key is not 1 to 255 visible ASCII characters
     */
    @Nullable Key of(long userId, @Nullable String idempotencyKey, String fingerprint) {
        if (idempotencyKey == null) {
            return null;
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw InvalidRequest.field(
                    "Idempotency-Key", "must be 1 to 255 visible ASCII characters (a UUID is a good choice)");
        }
        return new Key(userId, idempotencyKey, sha256(fingerprint));
    }

    /**
     * The first answer of the key, when it answered the same request in the last 24 hours; looked up without locks,
     * so that a replay need not queue.
     *
     * @throws IdempotencyKeyReused when the key answered a different request
     */
    Optional<String> answered(@Nullable Key key, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<Stored> stored = find(key.userId(), key.key(), now);
        if (stored.isEmpty() || stored.get().response() == null) {
            return Optional.empty();
        }
        if (!stored.get().requestHash().equals(key.requestHash())) {
            throw IdempotencyKeyReused.key(key.key());
        }
        return Optional.of(stored.get().response());
    }

    /**
     * Claims the keys of a batch's orders (null for an order without one) in this transaction, in (user, key) order so
     * that two transactions claiming the same keys wait on each other in one order and never deadlock. Waits while
     * another transaction holds a key, until it commits or rolls back.
     */
    Claims claim(List<@Nullable Key> keys, Instant now) {
        @Nullable Integer[] leaders = new Integer[keys.size()];
        Map<String, Integer> firstWithKey = new HashMap<>();
        List<Key> toClaim = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            if (key == null) {
                continue;
            }
            Integer first = firstWithKey.putIfAbsent(key.userId() + "\n" + key.key(), i);
            if (first != null) {
                leaders[i] = first;
            } else {
                toClaim.add(key);
            }
        }
        return new Claims(leaders, toClaim.isEmpty() ? Set.of() : insert(toClaim, now));
    }

    /**
     * The outcome of an order whose key another order of its batch claimed first: the same request is answered as the
     * first was (placed: its answer replayed), another request with the key is refused.
     */
    PendingOrder.Outcome follow(Key key, Key leader, PendingOrder.Outcome leaderOutcome) {
        if (!leader.requestHash().equals(key.requestHash())) {
            return new PendingOrder.Outcome.Refused(IdempotencyKeyReused.key(key.key()));
        }
        return switch (leaderOutcome) {
            case PendingOrder.Outcome.Placed placed ->
                new PendingOrder.Outcome.Replayed(Objects.requireNonNull(placed.answer()));
            case PendingOrder.Outcome.Replayed replayed -> replayed;
            case PendingOrder.Outcome.Refused refused -> refused;
            case PendingOrder.Outcome.Failed failed -> failed;
        };
    }

    /** The outcome of an order whose key a transaction, now committed, held: that transaction's answer. */
    PendingOrder.Outcome replay(Key key, Instant now) {
        try {
            Optional<Stored> stored = find(key.userId(), key.key(), now);
            if (stored.isEmpty() || stored.get().response() == null) {
                return new PendingOrder.Outcome.Refused(ProblemException.conflict(
                        "idempotency-key-busy",
                        "Idempotency key busy",
                        "Another request with this Idempotency-Key was being placed; send the request again"));
            }
            if (!stored.get().requestHash().equals(key.requestHash())) {
                return new PendingOrder.Outcome.Refused(IdempotencyKeyReused.key(key.key()));
            }
            return new PendingOrder.Outcome.Replayed(stored.get().response());
        } catch (DataAccessException ex) {
            return new PendingOrder.Outcome.Refused(ServiceUnavailable.dataStore());
        }
    }

    /** The answer of a key used in the last 24 hours, if any. */
    private Optional<Stored> find(long userId, String key, Instant now) {
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
     * Inserts the keys' rows; a key whose row is older than 24 hours is claimed anew.
     *
     * @return the keys claimed; the others were taken by a transaction that has committed
     */
    private Set<Key> insert(List<Key> keys, Instant now) {
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

    /**
     * Keeps the first answer of each key: the order it placed and the body it answers with, which is replayed byte
     * for byte.
     *
     * @return the answers kept, in the keys' order
     */
    List<String> complete(List<Key> keys, List<Order> orders) {
        List<Long> orderIds = orders.stream().map(Order::id).toList();
        List<String> responses = orders.stream()
                .map(order -> json.writeValueAsString(OrderView.of(order)))
                .toList();
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
        return responses;
    }

    /**
     * Gives back the keys this batch claimed for orders it refused, so that nothing is kept and a key may be used
     * again.
     */
    void release(Claims claims, List<Key> refused) {
        List<Key> keys = refused.stream().filter(claims::claimed).toList();
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        DELETE FROM idempotency_keys k
                        USING unnest(:users::bigint[], :keys::text[]) AS v(user_id, key)
                        WHERE k.user_id = v.user_id AND k.key = v.key""")
                .param("users", keys.stream().map(Key::userId).toArray(Long[]::new))
                .param("keys", keys.stream().map(Key::key).toArray(String[]::new))
                .update();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }

    /** Forgets the keys older than 24 hours. */
    int sweep(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at <= :expired")
                .param("expired", Timestamp.from(now.minus(LIFETIME)))
                .update();
    }
}
