package dev.atrium.ar.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hot path of every request made with an app token: one primary-key lookup joined to its project, so that a
 * deleted token, an expired one (whether or not the purge has run) and one of a deleted project are all refused by the
 * same query, on every replica, with nothing cached that could go stale. {@code JdbcClient} rather than a Spring Data
 * query, whose query execution and conversions cost a tenth of the rate of the cheapest app-token requests
 * ({@code bench/ar-auth.sh}). Spring Data finds this class as the implementation of {@link LiveAppTokens} by its
 * {@code Impl} name.
 */
class LiveAppTokensImpl implements LiveAppTokens {

    private final JdbcClient jdbc;

    LiveAppTokensImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> liveProjectOf(UUID id, Instant now) {
        return jdbc.sql("""
                        SELECT t.project_id FROM app_tokens t JOIN projects p ON p.id = t.project_id
                        WHERE t.id = :id AND t.expires_at > :now AND p.deleted_at IS NULL""")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }
}
