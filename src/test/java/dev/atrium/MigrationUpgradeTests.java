package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Each module numbers its migrations in its own range, so a module may add one below another module's latest: a
 * database made before it must take it on the next start, not refuse to start. Here a database made by the
 * migrations of an earlier release (everything but the account module's V5 and V6, which came later) is upgraded by
 * Atrium's own Flyway configuration.
 */
@AtriumTest
class MigrationUpgradeTests {

    @Autowired
    Flyway flyway;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void a_database_made_before_a_lower_numbered_migration_takes_it_on_the_next_start(@TempDir Path earlierRelease)
            throws IOException, SQLException {
        copyMigrationsExcept(earlierRelease, "V5__", "V6__");
        String database = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE DATABASE " + database).update();
        try {
            DataSource upgraded = dataSourceFor(database);
            Flyway.configure()
                    .dataSource(upgraded)
                    .locations("filesystem:" + earlierRelease)
                    .load()
                    .migrate();
            JdbcClient old = JdbcClient.create(upgraded);
            old.sql("INSERT INTO users (email, password_hash) VALUES ('Carol@Example.COM', 'x'), "
                            + "('ｄａｖｅ@example.com', 'x'), ('erin@example.com', 'x'), ('ｅrin@example.com', 'x')")
                    .update();

            var result = Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .dataSource(upgraded)
                    .load()
                    .migrate();

            assertThat(result.success).isTrue();
            List<String> applied = result.migrations.stream()
                    .map(migration -> migration.version)
                    .toList();
            assertThat(applied).containsExactly("5", "6");
            Flyway now = Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .dataSource(upgraded)
                    .load();
            assertThat(now.validateWithResult().validationSuccessful).isTrue();
            assertThat(now.info().pending()).isEmpty();
            // At the newest version, as the application's own database is.
            assertThat(now.info().current().getVersion())
                    .isEqualTo(flyway.info().current().getVersion());
            assertThat(old.sql("SELECT email FROM users WHERE password_hash = 'x' ORDER BY id")
                            .query(String.class)
                            .list())
                    .as("emails in their normal form, a look-alike left for an administrator, no account lost")
                    .containsExactly("carol@example.com", "dave@example.com", "erin@example.com", "ｅrin@example.com");
            assertThat(old.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'user_sessions_opened_idx'")
                            .query(Integer.class)
                            .single())
                    .isOne();
        } finally {
            jdbc.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
        }
    }

    private static void copyMigrationsExcept(Path folder, String... laterPrefixes) throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql");
        assertThat(migrations).isNotEmpty();
        for (Resource migration : migrations) {
            String name = migration.getFilename();
            if (name == null || List.of(laterPrefixes).stream().anyMatch(name::startsWith)) {
                continue;
            }
            try (InputStream in = migration.getInputStream()) {
                Files.copy(in, folder.resolve(name));
            }
        }
    }

    private DataSource dataSourceFor(String database) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData server = connection.getMetaData();
            String url = server.getURL().replaceFirst("(//[^/]+/)[^?]*", "$1" + database);
            return new SimpleDriverDataSource(
                    new org.postgresql.Driver(),
                    url,
                    server.getUserName(),
                    environment.getProperty("spring.datasource.password"));
        }
    }
}
