package dev.atrium.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.atrium.AtriumTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Migrations at start are not held to the limits that keep requests quick: a long one is not cancelled half way. */
@AtriumTest
class MigrationConnectionTests {

    @Autowired
    Flyway flyway;

    @Test
    void migrations_at_start_run_outside_the_pool_without_a_statement_timeout() throws Exception {
        DataSource migrations = flyway.getConfiguration().getDataSource();
        assertThat(migrations).isNotInstanceOf(HikariDataSource.class);
        try (Connection connection = migrations.getConnection();
                Statement statement = connection.createStatement();
                ResultSet timeout = statement.executeQuery("SHOW statement_timeout")) {
            assertThat(timeout.next()).isTrue();
            assertThat(timeout.getString(1)).isEqualTo("0");
        }
    }
}
