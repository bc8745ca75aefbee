package dev.atrium.embedded;

import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a Redis command may take before it fails (and the request answers 503), apart from how long setting up a
 * connection may take. Lettuce uses {@code spring.data.redis.timeout} for both; a connection's handshake, made once
 * and then again after a reconnect, can take longer than a command on a JVM still warming up, where a command timeout
 * short enough to answer quickly while Redis is frozen refused the very first request.
 */
@Configuration(proxyBeanMethods = false)
class RedisCommandTimeout {

    @Bean
    LettuceClientOptionsBuilderCustomizer commandTimeoutOfEveryRedisClient(
            @Value("${atrium.redis.command-timeout:500ms}") Duration timeout) {
        // Applies to every command of the client, Spring Data's and Spring Session's as well as Bucket4j's (the
        // sign-in throttle), which waits on its futures without a limit of its own.
        return options -> options.timeoutOptions(TimeoutOptions.enabled(timeout));
    }
}
