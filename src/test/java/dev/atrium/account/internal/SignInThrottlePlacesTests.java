package dev.atrium.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.atrium.account.TooManySignInAttempts;
import dev.atrium.ratelimit.RateLimit;
import dev.atrium.ratelimit.RateLimits;
import dev.atrium.shared.problem.ServiceUnavailable;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/**
 * Every place {@link SignInThrottle} takes in Redis is given back unless a password was checked and was wrong, whatever
 * fails on the way (Redis between the two takes, the hashing pool, the reset after a success); and the failure the
 * caller sees is the first one, not a give-back's.
 */
class SignInThrottlePlacesTests {

    static final String EMAIL = "Someone@Example.org";
    static final String ADDRESS = "192.0.2.44";

    final RateLimit perAccount = mock(RateLimit.class);
    final RateLimit perAddress = mock(RateLimit.class);
    final SignInThrottle throttle;
    final String account = SignInThrottle.accountKey(EMAIL);

    SignInThrottlePlacesTests() {
        RateLimits limits = mock(RateLimits.class);
        when(limits.fixedWindow(eq("sign-in-failures:account"), anyInt(), any()))
                .thenReturn(perAccount);
        when(limits.fixedWindow(eq("sign-in-failures:address"), anyInt(), any()))
                .thenReturn(perAddress);
        throttle = new SignInThrottle(limits, 5, 20, Duration.ofMinutes(15));
        when(perAccount.take(any())).thenReturn(Optional.empty());
        when(perAddress.take(any())).thenReturn(Optional.empty());
    }

    @Test
    void a_right_password_gives_both_places_back() {
        assertThat(throttle.check(EMAIL, ADDRESS, () -> true, right -> right)).isTrue();
        verify(perAccount).reset(account);
        verify(perAddress).giveBack(ADDRESS);
    }

    @Test
    void a_wrong_password_keeps_both_places() {
        assertThat(throttle.check(EMAIL, ADDRESS, () -> false, right -> right)).isFalse();
        verify(perAccount, never()).reset(any());
        verify(perAccount, never()).giveBack(any());
        verify(perAddress, never()).giveBack(any());
    }

    @Test
    void a_busy_hashing_pool_gives_both_places_back() {
        ServiceUnavailable busy = ServiceUnavailable.busy("Too many sign-ins at once; try again in a few seconds");
        assertThatThrownBy(() -> throttle.check(
                        EMAIL,
                        ADDRESS,
                        () -> {
                            throw busy;
                        },
                        right -> true))
                .isSameAs(busy);
        verify(perAccount).giveBackAfter(account, busy);
        verify(perAddress).giveBackAfter(ADDRESS, busy);
    }

    @Test
    void when_redis_fails_between_the_two_takes_the_address_place_is_given_back() {
        QueryTimeoutException redisAway = new QueryTimeoutException("Redis command timed out");
        when(perAccount.take(account)).thenThrow(redisAway);
        assertThatThrownBy(() -> throttle.check(EMAIL, ADDRESS, () -> true, right -> right))
                .isSameAs(redisAway);
        verify(perAddress).giveBackAfter(ADDRESS, redisAway);
    }

    @Test
    void a_refused_account_gives_the_address_place_back() {
        when(perAccount.take(account)).thenReturn(Optional.of(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> throttle.check(EMAIL, ADDRESS, () -> true, right -> right))
                .isInstanceOf(TooManySignInAttempts.class);
        verify(perAddress).giveBackAfter(eq(ADDRESS), any(TooManySignInAttempts.class));
    }

    @Test
    void when_the_reset_after_a_right_password_fails_the_address_place_is_still_given_back() {
        QueryTimeoutException redisAway = new QueryTimeoutException("Redis command timed out");
        doThrow(redisAway).when(perAccount).reset(account);
        assertThatThrownBy(() -> throttle.check(EMAIL, ADDRESS, () -> true, right -> right))
                .isSameAs(redisAway);
        verify(perAddress).giveBackAfter(ADDRESS, redisAway);
    }

    @Test
    void the_account_count_is_keyed_by_a_digest_of_the_normalised_email_never_the_email() {
        assertThat(account)
                .isEqualTo(SignInThrottle.accountKey("  someone@example.ORG "))
                .matches("[0-9a-f]{64}")
                .doesNotContain("example");
        throttle.unlock(" SOMEONE@example.org");
        verify(perAccount).reset(account);
    }
}
