package dev.atrium.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtriumTest
class EmbeddedServersTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Value("${atrium.mode}")
    String mode;

    @Test
    void runs_in_embedded_mode_when_nothing_is_configured() {
        assertThat(mode).isEqualTo("embedded");
    }

    @Test
    void the_database_is_a_real_postgresql() {
        String version = jdbc.sql("SHOW server_version").query(String.class).single();
        assertThat(version).startsWith("17.");
        // Trigram similarity and full-text ranking: things only PostgreSQL (with its contrib modules) answers.
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_trgm").update();
        Double similarity = jdbc.sql("SELECT similarity('atrium', 'atrum')")
                .query(Double.class)
                .single();
        assertThat(similarity).isBetween(0.3, 1.0);
        String tsvector = jdbc.sql("SELECT to_tsvector('english', 'The shops were selling books')::text")
                .query(String.class)
                .single();
        assertThat(tsvector).contains("'book':5", "'sell':4", "'shop':2");
    }

    @Test
    void the_cache_is_a_real_redis() {
        RedisCallback<String> version =
                connection -> connection.serverCommands().info("server").getProperty("redis_version");
        assertThat(redis.execute(version)).matches("\\d+\\.\\d+\\.\\d+");
        redis.opsForValue().set("embedded-test", "1", Duration.ofSeconds(60));
        assertThat(redis.getExpire("embedded-test")).isBetween(1L, 60L);
        assertThat(redis.opsForValue().increment("embedded-test")).isEqualTo(2L);
    }
}
