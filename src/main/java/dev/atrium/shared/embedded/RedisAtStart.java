package dev.atrium.shared.embedded;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Serving starts only with a Redis that answers. Redis is connected lazily, so a wrong ATRIUM_REDIS_URL would
 * otherwise show up as a server that starts and then refuses every sign-in with 503; failing the start names it at
 * once. (Once serving, a Redis that goes away is an outage to ride out, not a reason to stop.)
 */
@Component
@ConditionalOnWebApplication
class RedisAtStart implements InitializingBean {

    private final RedisConnectionFactory connections;

    RedisAtStart(RedisConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public void afterPropertiesSet() {
        try (RedisConnection connection = connections.getConnection()) {
            connection.ping();
        }
    }
}
