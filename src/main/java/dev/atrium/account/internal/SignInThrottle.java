package dev.atrium.account.internal;

import dev.atrium.account.TooManySignInAttempts;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address in Redis (Bucket4j), so the limit holds across replicas:
 * after {@code per-account} failures (5) for one email, or {@code per-address} failures (20) from one address, within a
 * window of 15 minutes counted from the first failure, sign-ins are refused with 429 until the window ends. A
 * successful sign-in clears the account's count.
 */
@Component
public class SignInThrottle {

    private static final String ACCOUNT = "atrium:sign-in-failures:account:";
    private static final String ADDRESS = "atrium:sign-in-failures:address:";

    private final LettuceConnectionFactory connections;
    private final BucketConfiguration perAccount;
    private final BucketConfiguration perAddress;
    private volatile @Nullable Buckets buckets;

    /** The buckets, and the client whose connection they use. */
    private record Buckets(AbstractRedisClient client, ProxyManager<byte[]> manager) {}

    SignInThrottle(
            LettuceConnectionFactory connections,
            @Value("${atrium.sign-in.failures-per-account:5}") int failuresPerAccount,
            @Value("${atrium.sign-in.failures-per-address:20}") int failuresPerAddress,
            @Value("${atrium.sign-in.failure-window:15m}") Duration window) {
        this.connections = connections;
        this.perAccount = window(failuresPerAccount, window);
        this.perAddress = window(failuresPerAddress, window);
    }

    /** Refuses the attempt when the account or the address has used up its failures. */
    public void checkAllowed(String email, String address) {
        check(buckets().getProxy(accountKey(email), () -> perAccount).estimateAbilityToConsume(1));
        check(buckets().getProxy(addressKey(address), () -> perAddress).estimateAbilityToConsume(1));
    }

    public void recordFailure(String email, String address) {
        buckets().getProxy(accountKey(email), () -> perAccount).tryConsume(1);
        buckets().getProxy(addressKey(address), () -> perAddress).tryConsume(1);
    }

    public void recordSuccess(String email) {
        buckets().removeProxy(accountKey(email));
    }

    private static void check(EstimationProbe probe) {
        if (!probe.canBeConsumed()) {
            throw TooManySignInAttempts.retryAfter(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private ProxyManager<byte[]> buckets() {
        AbstractRedisClient client = connections.getNativeClient();
        Buckets current = buckets;
        if (current == null || current.client() != client) {
            synchronized (this) {
                current = buckets;
                if (current == null || current.client() != client) {
                    // Built on first use, so that Atrium starts (and serves what it can) while Redis is away, and
                    // again when the connection factory has been restarted with a new client: stopping it closes the
                    // connection the buckets had (a paused test context does exactly that).
                    current = new Buckets(
                            client,
                            Bucket4jLettuce.casBasedBuilder((RedisClient) client)
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

    private static BucketConfiguration window(int failures, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(failures).refillIntervally(failures, window))
                .build();
    }

    private static byte[] accountKey(String email) {
        return (ACCOUNT + email.trim().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] addressKey(String address) {
        return (ADDRESS + address).getBytes(StandardCharsets.UTF_8);
    }
}
