package dev.atrium.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One limit, such as "registrations per client address", counted per key (the address, the account, the user) in
 * Redis. Made by {@link RateLimits}; a bean holds it for as long as it lives.
 */
public final class RateLimit {

    private final RateLimits store;
    private final String prefix;
    private final BucketConfiguration configuration;

    RateLimit(RateLimits store, String name, BucketConfiguration configuration) {
        this.store = store;
        this.prefix = "atrium:rate-limit:" + name + ":";
        this.configuration = configuration;
    }

    /**
     * Takes one permit for the key, in one atomic step in Redis.
     *
     * @return empty when the permit was taken; otherwise how long until the next one, and nothing was taken
     */
    public Optional<Duration> take(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Takes one permit for the key, or refuses the request.
     *
     * @param what what is limited, for the refusal's detail: "Too many {what}; try again in 60 seconds"
     * @throws TooManyRequests when the key has no permit left
     */
    public void takeOrRefuse(String key, String what) {
        take(key).ifPresent(wait -> {
            throw TooManyRequests.of(what, wait);
        });
    }

    /** Returns a permit taken for something that, in the end, did not count (never beyond the limit). */
    public void giveBack(String key) {
        bucket(key).addTokens(1);
    }

    /**
     * Returns a permit taken for something that failed with {@code failure}, before the failure is rethrown. A
     * give-back that fails too (Redis is away) is attached to it as suppressed: what propagates is the first failure.
     */
    public void giveBackAfter(String key, Throwable failure) {
        try {
            giveBack(key);
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    /** Forgets everything taken for the key: it starts afresh. */
    public void reset(String key) {
        store.buckets().removeProxy(redisKey(key));
    }

    private BucketProxy bucket(String key) {
        return store.buckets().getProxy(redisKey(key), () -> configuration);
    }

    private byte[] redisKey(String key) {
        return (prefix + key).getBytes(StandardCharsets.UTF_8);
    }
}
