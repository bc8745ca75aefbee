package dev.atrium.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.TestAccounts.TestUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions lost with Redis's data (wiped, or restarted without its files) or idled out leave {@code user_sessions}
 * rows that nobody closes; the sweep closes them, a bounded number of rows at a time, and leaves open sessions alone.
 */
@AtriumTest
class SignInRecordSweepTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    Api api;

    @Autowired
    SignInRecordSweep sweep;

    @Autowired
    SignInRecordRepository records;

    @Test
    void a_session_lost_with_redis_has_its_row_closed_by_the_sweep_and_an_open_one_keeps_working() throws Exception {
        TestUser user = accounts.user();
        SignedInUser live = accounts.signIn(user);
        accounts.signIn(user);
        List<String> rows = sessionRows(user);
        assertThat(rows).hasSize(2);
        // Both signed in ten minutes ago; then Redis lost one of the two sessions.
        jdbc.sql("UPDATE user_sessions SET opened_at = opened_at - interval '10 minutes' WHERE user_id = ?")
                .param(user.id())
                .update();
        String lost = isCurrent(live, rows.get(0)) ? rows.get(1) : rows.get(0);
        redis.delete("atrium:session:" + lost);

        // The sweep resumes where it stopped and starts over at the end, so a bounded number of runs reaches every row.
        long open = jdbc.sql("SELECT count(*) FROM user_sessions WHERE closed_at IS NULL")
                .query(Long.class)
                .single();
        for (long run = 0; run <= open / 1000 + 2 && closedAt(lost) == null; run++) {
            sweep.sweepOnce();
        }

        assertThat(closedAt(lost)).isNotNull();
        String kept = rows.stream().filter(id -> !id.equals(lost)).findFirst().orElseThrow();
        assertThat(closedAt(kept)).isNull();
        assertThat(api.as(live).get("/api/sessions")).hasStatusOk();
    }

    @Test
    void each_run_looks_at_no_more_rows_than_its_batch_and_the_next_run_carries_on_from_there() {
        // Rows dated a day ahead, seen by a registry whose clock is a day ahead too: no other test's rows come after
        // them, and the application's own scheduled sweep, on the real clock, never takes them as old enough.
        Instant ahead = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TestUser user = accounts.user();
        for (int i = 0; i < 4; i++) {
            accounts.signIn(user);
        }
        List<String> rows = sessionRows(user);
        for (int i = 0; i < rows.size(); i++) {
            jdbc.sql("UPDATE user_sessions SET opened_at = ? WHERE id = ?")
                    .param(Timestamp.from(ahead.plusSeconds(i)))
                    .param(UUID.fromString(rows.get(i)))
                    .update();
        }
        // Redis lost the first three; the fourth is still open.
        rows.subList(0, 3).forEach(id -> redis.delete("atrium:session:" + id));
        SessionRegistry registry = new SessionRegistry(
                redis,
                records,
                Clock.fixed(ahead.plus(Duration.ofHours(1)), ZoneOffset.UTC),
                Duration.ofDays(7),
                Duration.ofSeconds(60));
        SignInRecordRepository.OpenRow start =
                new SignInRecordRepository.OpenRow("00000000-0000-0000-0000-000000000000", ahead.minusSeconds(1));

        SessionRegistry.RecordSweep first = registry.closeEndedSignInRecords(start, 2);
        assertThat(first.looked()).isEqualTo(2);
        assertThat(first.closed()).isEqualTo(2);
        assertThat(first.resumeAfter()).isNotNull();
        assertThat(first.resumeAfter().id()).isEqualTo(rows.get(1));
        assertThat(closedAt(rows.get(2))).isNull();

        SessionRegistry.RecordSweep second = registry.closeEndedSignInRecords(first.resumeAfter(), 2);
        assertThat(second.looked()).isEqualTo(2);
        assertThat(second.closed()).isEqualTo(1);

        SessionRegistry.RecordSweep third = registry.closeEndedSignInRecords(second.resumeAfter(), 2);
        assertThat(third.looked()).isZero();
        assertThat(third.resumeAfter())
                .as("at the end, the next run starts over")
                .isNull();

        assertThat(rows.subList(0, 3)).allSatisfy(id -> assertThat(closedAt(id)).isNotNull());
        assertThat(closedAt(rows.get(3))).isNull();
    }

    private List<String> sessionRows(TestUser user) {
        return jdbc.sql("SELECT id FROM user_sessions WHERE user_id = ? ORDER BY opened_at, id")
                .param(user.id())
                .query(String.class)
                .list();
    }

    private Instant closedAt(String sessionId) {
        Timestamp closed = jdbc.sql("SELECT closed_at FROM user_sessions WHERE id = ?")
                .param(UUID.fromString(sessionId))
                .query((rs, row) -> rs.getTimestamp(1))
                .list()
                .getFirst();
        return closed == null ? null : closed.toInstant();
    }

    /** Whether the user's token stands for this session, as the session list answered to it says. */
    private boolean isCurrent(SignedInUser user, String sessionId) throws Exception {
        byte[] body = api.as(user).get("/api/sessions").getResponse().getContentAsByteArray();
        for (JsonNode session : JsonMapper.builder().build().readTree(body).get("results")) {
            if (session.get("current").asBoolean()) {
                return session.get("id").asString().equals(sessionId);
            }
        }
        return false;
    }
}
