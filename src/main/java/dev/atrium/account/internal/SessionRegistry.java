package dev.atrium.account.internal;

import dev.atrium.shared.security.BrowserSessions;
import dev.atrium.shared.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every open session, in Redis, so that all replicas see the same ones: ending a session on one replica refuses its
 * tokens on every replica at the next request. A session lives for {@code atrium.session.idle-timeout} after its last
 * use (7 days by default); each successful sign-in also leaves a row in {@code user_sessions}, closed when the session
 * ends.
 */
@Component
public class SessionRegistry implements BrowserSessions {

    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

    private static final String SESSION = "atrium:session:";
    private static final String USER_SESSIONS = "atrium:user-sessions:";
    private static final List<Object> CHECKED_FIELDS = List.of("user_id", "email", "roles", "last_seen_at");

    /**
     * Spends the current refresh token and names the next one, atomically, so that two requests presenting the same
     * refresh token cannot both succeed: 1 rotated, 0 the token was already spent, -1 no such session. KEYS[2] is the
     * user's list of sessions, renewed with the session.
     */
    private static final RedisScript<Long> ROTATE_REFRESH = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'refresh_id')
            if not current then return -1 end
            if current ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'refresh_id', ARGV[2], 'last_seen_at', ARGV[3])
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            redis.call('EXPIRE', KEYS[2], ARGV[4])
            return 1
            """, Long.class);

    /**
     * Writes a new session, adds it to the user's list and starts both idle timers, in one round trip: a sign-in waits
     * for it, and the four commands one by one cost four. Atomic too, so that no session is ever left without an expiry.
     * KEYS[1] the session, KEYS[2] the user's list; ARGV[1] the session's id, ARGV[2] the idle timeout in milliseconds, then
     * the session's fields and values.
     */
    private static final RedisScript<Long> OPEN = RedisScript.of("""
            redis.call('HSET', KEYS[1], unpack(ARGV, 3))
            redis.call('SADD', KEYS[2], ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return 1
            """, Long.class);

    /**
     * Sets a field of a session only while the session exists: a session that ended in the meantime must not come back
     * as a stray key without an expiry.
     */
    private static final RedisScript<Long> SET_IF_OPEN = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """, Long.class);

    public enum Rotation {
        ROTATED,
        ALREADY_SPENT,
        NO_SESSION
    }

    private final StringRedisTemplate redis;
    private final SignInRecordRepository records;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration touchInterval;

    SessionRegistry(
            StringRedisTemplate redis,
            SignInRecordRepository records,
            Clock clock,
            @Value("${atrium.session.idle-timeout:7d}") Duration idleTimeout,
            @Value("${atrium.session.touch-interval:60s}") Duration touchInterval) {
        this.redis = redis;
        this.records = records;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.touchInterval = touchInterval;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * Opens a session and records it in {@code user_sessions}. Inside a transaction the row commits with it, and a
     * rollback closes the session again, so that a sign-in is never half made.
     */
    public Session open(User user, ClientInfo client, String refreshId) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        records.opened(id, user.id(), now, client);
        redis.execute(
                OPEN,
                List.of(SESSION + id, USER_SESSIONS + user.id()),
                id,
                Long.toString(idleTimeout.toMillis()),
                "user_id",
                Long.toString(user.id()),
                "email",
                user.email(),
                "roles",
                String.join(",", user.roles()),
                "created_at",
                now.toString(),
                "last_seen_at",
                now.toString(),
                "client_address",
                client.address(),
                "user_agent",
                client.userAgent(),
                "refresh_id",
                refreshId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        forget(user.id(), List.of(id));
                    }
                }
            });
        }
        return new Session(id, user.id(), user.email(), user.roles(), now, now, client.address(), client.userAgent());
    }

    /**
     * The hot path of every authenticated request: one round trip to Redis. The session's idle timer restarts at most
     * once a minute, not on every request.
     */
    public Optional<Session> check(String sessionId) {
        String key = SESSION + sessionId;
        List<Object> values = redis.opsForHash().multiGet(key, CHECKED_FIELDS);
        if (values.get(0) == null) {
            return Optional.empty();
        }
        Instant lastSeen = Instant.parse((String) values.get(3));
        Instant now = clock.instant();
        long userId = Long.parseLong((String) values.get(0));
        if (Duration.between(lastSeen, now).compareTo(touchInterval) > 0) {
            redis.opsForHash().put(key, "last_seen_at", now.toString());
            renew(userId, sessionId);
            lastSeen = now;
        }
        return Optional.of(new Session(
                sessionId, userId, (String) values.get(1), roles((String) values.get(2)), lastSeen, lastSeen, "", ""));
    }

    @Override
    public Optional<CurrentUser> current(String sessionId) {
        return check(sessionId)
                .map(session -> new CurrentUser(session.userId(), session.email(), session.roles(), session.id()));
    }

    /** Signs out: ends the session the user is signed in with (the API's sign-out and the admin panel's). */
    @Override
    public void end(CurrentUser user) {
        end(user.id(), user.sessionId());
        log.atInfo()
                .addKeyValue("event", "sign-out")
                .addKeyValue("user_id", user.id())
                .log("Signed out: user=" + user.id());
    }

    public boolean isAlive(String sessionId) {
        return Boolean.TRUE.equals(redis.hasKey(SESSION + sessionId));
    }

    /** The session as listed to its owner, or empty when it has ended. */
    public Optional<Session> find(String sessionId) {
        Map<Object, Object> fields = redis.opsForHash().entries(SESSION + sessionId);
        if (fields.isEmpty() || fields.get("user_id") == null) {
            return Optional.empty();
        }
        return Optional.of(new Session(
                sessionId,
                Long.parseLong((String) fields.get("user_id")),
                (String) fields.get("email"),
                roles((String) fields.get("roles")),
                Instant.parse((String) fields.get("created_at")),
                Instant.parse((String) fields.get("last_seen_at")),
                (String) fields.getOrDefault("client_address", ""),
                (String) fields.getOrDefault("user_agent", "")));
    }

    /** The user's open sessions, most recently used first. */
    public List<Session> openSessionsOf(long userId) {
        Set<String> ids = redis.opsForSet().members(USER_SESSIONS + userId);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Session> open = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        for (String id : ids) {
            find(id).ifPresentOrElse(open::add, () -> ended.add(id));
        }
        if (!ended.isEmpty()) {
            redis.opsForSet().remove(USER_SESSIONS + userId, ended.toArray());
        }
        open.sort(Comparator.comparing(Session::lastSeenAt).reversed());
        return open;
    }

    public Rotation rotateRefresh(long userId, String sessionId, String presentedRefreshId, String nextRefreshId) {
        Long result = redis.execute(
                ROTATE_REFRESH,
                List.of(SESSION + sessionId, USER_SESSIONS + userId),
                presentedRefreshId,
                nextRefreshId,
                clock.instant().toString(),
                Long.toString(idleTimeout.toSeconds()));
        if (result == null || result < 0) {
            return Rotation.NO_SESSION;
        }
        return result == 1 ? Rotation.ROTATED : Rotation.ALREADY_SPENT;
    }

    /** Ends one session: its tokens (or cookie) stop working at the next request, on every replica. */
    public void end(long userId, String sessionId) {
        forget(userId, List.of(sessionId));
        records.closed(List.of(sessionId), clock.instant());
    }

    /** Ends all of a user's sessions but one (or all, when {@code keep} is null). */
    public void endAll(long userId, @Nullable String keep) {
        Set<String> ids = redis.opsForSet().members(USER_SESSIONS + userId);
        List<String> ending = new ArrayList<>(ids == null ? Set.of() : ids);
        ending.remove(keep);
        forget(userId, ending);
        records.closed(ending, clock.instant());
    }

    /** New roles take effect on the user's open sessions at their next request. */
    public void updateRoles(long userId, Set<String> roles) {
        for (Session session : openSessionsOf(userId)) {
            redis.execute(SET_IF_OPEN, List.of(SESSION + session.id()), "roles", String.join(",", roles));
        }
    }

    /** A new email (the name one signs in with) shows on the user's open sessions at their next request. */
    public void updateEmail(long userId, String email) {
        for (Session session : openSessionsOf(userId)) {
            redis.execute(SET_IF_OPEN, List.of(SESSION + session.id()), "email", email);
        }
    }

    /** One pass of the sweep of sign-in records: rows looked at, rows closed, and the row the next pass starts after. */
    record RecordSweep(int looked, int closed, SignInRecordRepository.@Nullable OpenRow resumeAfter) {}

    /**
     * Closes the sign-in records, among the next {@code limit} still marked open after {@code after}, whose session no
     * longer exists in Redis: sessions that idled out, which nobody ended explicitly, and sessions lost with Redis's
     * data (wiped, or restarted without its files). One query, one pipelined round trip to Redis and one update, however
     * many rows are open. Rows opened in the last minute are left alone: a sign-in writes its row before its session.
     */
    RecordSweep closeEndedSignInRecords(SignInRecordRepository.@Nullable OpenRow after, int limit) {
        Instant before = clock.instant().minus(Duration.ofMinutes(1));
        List<SignInRecordRepository.OpenRow> page = after == null
                ? records.stillOpen(before, Instant.EPOCH, "00000000-0000-0000-0000-000000000000", limit)
                : records.stillOpen(before, after.openedAt(), after.id(), limit);
        if (page.isEmpty()) {
            return new RecordSweep(0, 0, null);
        }
        List<Object> exists = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (SignInRecordRepository.OpenRow row : page) {
                connection.keyCommands().exists((SESSION + row.id()).getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        List<String> ended = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (!Boolean.TRUE.equals(exists.get(i))) {
                ended.add(page.get(i).id());
            }
        }
        records.closed(ended, clock.instant());
        // A short page reached the end: the next pass starts again from the oldest open row.
        return new RecordSweep(page.size(), ended.size(), page.size() < limit ? null : page.getLast());
    }

    /**
     * Restarts a session's idle timer, and its user's list of sessions' with it. The list must live as long as the
     * longest-lived of its sessions, or ending them all (a deactivation, a new password) and changing their roles would
     * miss a session kept alive by use long after it was opened; the session renewed now is that one. The list still
     * expires with its last session, rather than keep for ever the ids of sessions that idled out.
     */
    private void renew(long userId, String sessionId) {
        redis.expire(SESSION + sessionId, idleTimeout);
        redis.expire(USER_SESSIONS + userId, idleTimeout);
    }

    private void forget(long userId, Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        redis.delete(sessionIds.stream().map(id -> SESSION + id).toList());
        redis.opsForSet().remove(USER_SESSIONS + userId, sessionIds.toArray());
    }

    private static Set<String> roles(@Nullable String joined) {
        if (joined == null || joined.isBlank()) {
            return Set.of("USER");
        }
        return Set.copyOf(new LinkedHashSet<>(Arrays.asList(joined.split(","))));
    }
}
