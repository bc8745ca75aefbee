package dev.atrium.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Embedded mode runs natively wherever a developer is likely to start it: the PostgreSQL and Redis binaries for
 * x86-64 and arm64 (Apple Silicon, arm64 Linux) travel on the class path, hence in the jar.
 */
class EmbeddedBinariesTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "postgres-linux-x86_64.txz",
                "postgres-linux-x86_64-alpine_linux.txz",
                "postgres-linux-arm_64.txz",
                "postgres-darwin-x86_64.txz",
                "postgres-darwin-arm_64.txz",
                "postgres-windows-x86_64.txz"
            })
    void the_postgresql_binaries_are_on_the_class_path(String archive) {
        assertThat(getClass().getClassLoader().getResource(archive)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "redis-server-6.2.6-v5-linux-amd64",
                "redis-server-6.2.7-linux-arm64",
                "redis-server-6.2.6-v5-darwin-amd64",
                "redis-server-6.2.6-v5-darwin-arm64"
            })
    void the_redis_binaries_are_on_the_class_path(String binary) {
        assertThat(getClass().getClassLoader().getResource(binary)).isNotNull();
    }
}
