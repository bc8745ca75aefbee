package dev.atrium.ratelimit;

import dev.atrium.shared.security.CurrentUser;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many camera frames an AR app may send to be recognised. Not an upload: an app that looks for its targets sends
 * a few frames a second for as long as it looks, and the hundred uploads an hour that adding targets needs would stop
 * it within a minute. A frame costs tens to hundreds of milliseconds of CPU, so the default of 600 a minute (ten a
 * second, in bursts of up to 600) keeps one project from taking more than about a core of a replica for long.
 */
@Component
public class RecognitionLimit {

    private static final String WHAT = "recognitions";

    private final RateLimit limit;

    RecognitionLimit(
            RateLimits limits,
            @Value("${atrium.limits.recognitions:600}") int permits,
            @Value("${atrium.limits.recognitions-window:1m}") Duration window) {
        this.limit = limits.steady("recognitions", permits, window);
    }

    /** @throws TooManyRequests when the user has sent as many frames as they may for now */
    public void take(CurrentUser user) {
        limit.takeOrRefuse("user:" + user.id(), WHAT);
    }

    /**
     * An application holding an app token is counted on its project.
     *
     * @throws TooManyRequests when the project has sent as many frames as it may for now
     */
    public void takeForProject(long projectId) {
        limit.takeOrRefuse("project:" + projectId, WHAT);
    }
}
