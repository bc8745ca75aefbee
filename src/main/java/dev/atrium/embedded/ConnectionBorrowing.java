package dev.atrium.embedded;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Tells a pool that is busy from a PostgreSQL that does not answer, which look alike to a request waiting for a
 * connection. The pool gives up after {@code spring.datasource.hikari.connection-timeout} (1 s), so that a request
 * meeting a frozen or stopped PostgreSQL answers 503 within 2 s. But a burst of work (200 sign-ins at once on two
 * cores) can keep all connections busy for longer than that while the pool hands out connections every few
 * milliseconds; refusing it would turn a busy minute into 503s. So when the pool times out while connections have
 * been handed out in the last quarter of a second, the request waits again, up to {@code atrium.database.busy-wait}
 * in all (5 s, what the pool itself allowed before); when none has been handed out for longer, PostgreSQL is not
 * answering and the failure stands.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionBorrowing {

    private static final long MOVING_NANOS = Duration.ofMillis(250).toNanos();

    @Bean
    static BeanPostProcessor poolTellsBusyFromDown(@Value("${atrium.database.busy-wait:5s}") Duration busyWait) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof HikariDataSource pool ? new PatientDataSource(pool, busyWait) : bean;
            }
        };
    }

    /** The pool, borrowed from again while it is moving. */
    static final class PatientDataSource extends DelegatingDataSource {

        private final long busyWaitNanos;
        private final AtomicLong lastHandedOut = new AtomicLong(System.nanoTime());

        PatientDataSource(DataSource pool, Duration busyWait) {
            super(pool);
            this.busyWaitNanos = busyWait.toNanos();
        }

        @Override
        public Connection getConnection() throws SQLException {
            long started = System.nanoTime();
            while (true) {
                try {
                    Connection connection = super.getConnection();
                    lastHandedOut.set(System.nanoTime());
                    return connection;
                } catch (SQLTransientConnectionException timedOut) {
                    long now = System.nanoTime();
                    boolean moving = now - lastHandedOut.get() < MOVING_NANOS;
                    if (!moving || now - started >= busyWaitNanos) {
                        throw timedOut;
                    }
                }
            }
        }
    }
}
