package dev.atrium.embedded;

import io.lettuce.core.RedisCommandTimeoutException;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Serving starts only with a Redis that answers. Redis is connected lazily, so a wrong ATRIUM_REDIS_URL would
 * otherwise show up as a server that starts and then refuses every sign-in with 503; failing the start names it at
 * once. (Once serving, a Redis that goes away is an outage to ride out, not a reason to stop.)
 *
 * <p>The first connection of a JVM also loads and warms the whole client, which on a busy machine takes longer than
 * the one second a connection is given while serving: so a start whose Redis is slow to answer tries again until
 * {@code atrium.redis.start-timeout} has passed, and only then fails with the last error.
 *
 * <p>A training run of the JVM's AOT cache ({@code -Dspring.context.exit=onRefresh}, made while the container image is
 * built) has no Redis to reach and serves nothing: it tries once, so that the client's classes are loaded and go into
 * the cache, and starts whatever the answer.
 */
@Component
@ConditionalOnWebApplication
class RedisAtStart implements InitializingBean {

    private final RedisConnectionFactory connections;
    private final Duration startTimeout;
    private final boolean trainingRun;

    RedisAtStart(
            RedisConnectionFactory connections,
            @Value("${atrium.redis.start-timeout:20s}") Duration startTimeout,
            @Value("${spring.context.exit:}") String contextExit) {
        this.connections = connections;
        this.startTimeout = startTimeout;
        this.trainingRun = contextExit.equals("onRefresh");
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        if (trainingRun) {
            try (RedisConnection connection = connections.getConnection()) {
                connection.ping();
            } catch (DataAccessException expected) {
                // No Redis at image build time: the attempt was for the classes it loads.
            }
            return;
        }
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            try (RedisConnection connection = connections.getConnection()) {
                connection.ping();
                return;
            } catch (DataAccessException notYet) {
                if (!slowToAnswer(notYet) || System.nanoTime() - deadline >= 0) {
                    throw notYet;
                }
                Thread.sleep(250);
            }
        }
    }

    /** A refused connection or a wrong password fails at once; only a Redis too slow to answer is given time. */
    private static boolean slowToAnswer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisCommandTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
