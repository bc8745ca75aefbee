package dev.atrium.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Where every {@link RateLimit} keeps its counts: Bucket4j buckets in Redis, one per limit and key, so that a limit
 * holds across replicas. Each take is one compare-and-swap in Redis, so concurrent requests on any number of replicas
 * can never take more than the limit allows between them.
 */
@Component
public class RateLimits {

    private final LettuceConnectionFactory connections;
    private volatile @Nullable Buckets buckets;

    /** The bucket store, with the Redis client it was built on. */
    private record Buckets(AbstractRedisClient client, ProxyManager<byte[]> manager) {}

    RateLimits(LettuceConnectionFactory connections) {
        this.connections = connections;
    }

    /**
     * At most {@code permits} within a window that opens at the first take and lasts {@code window}; when it ends, all
     * the permits come back at once. For counting failures: a lockout lasts until the window ends.
     *
     * @param name names the limit in Redis keys ({@code atrium:rate-limit:<name>:<key>}); unique per limit
     */
    public RateLimit fixedWindow(String name, int permits, Duration window) {
        return new RateLimit(this, name, configuration(permits, window, true));
    }

    /**
     * A burst of up to {@code permits}, then one more each {@code window / permits}: never more than {@code permits}
     * within any {@code window}, and a client that stopped early waits only for the next permit.
     *
     * @param name names the limit in Redis keys ({@code atrium:rate-limit:<name>:<key>}); unique per limit
     */
    public RateLimit steady(String name, int permits, Duration window) {
        return new RateLimit(this, name, configuration(permits, window, false));
    }

    private static BucketConfiguration configuration(int permits, Duration window, boolean intervally) {
        if (permits < 1) {
            throw new IllegalArgumentException("A limit must allow at least 1, not " + permits);
        }
        return BucketConfiguration.builder()
                .addLimit(limit -> intervally
                        ? limit.capacity(permits).refillIntervally(permits, window)
                        : limit.capacity(permits).refillGreedy(permits, window))
                .build();
    }

    ProxyManager<byte[]> buckets() {
        // The connection factory replaces its client when it is stopped and started again (a paused and resumed
        // context does that), and the old client is shut down: the buckets follow the current client.
        AbstractRedisClient client = connections.getNativeClient();
        Buckets current = buckets;
        if (current == null || current.client() != client) {
            synchronized (this) {
                current = buckets;
                if (current == null || current.client() != client) {
                    // Built on first use, so that Atrium starts (and serves what it can) while Redis is away.
                    current = new Buckets(
                            client,
                            Bucket4jLettuce.casBasedBuilder((RedisClient) client)
                                    // A bucket that has filled up again is the same as none: Redis forgets it.
                                    .expirationAfterWrite(
                                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                                    Duration.ofMinutes(1)))
                                    .build());
                    buckets = current;
                }
            }
        }
        return current.manager();
    }
}
