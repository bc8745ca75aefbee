package dev.atrium.ratelimit;

import dev.atrium.shared.security.CurrentUser;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many images one uploader may send: avatars, AR image targets and product photos share one count, so that
 * spreading uploads over the three buys nothing. Each upload is counted when it arrives, before it is decoded or
 * stored, whether or not it is then accepted: decoding is the expensive part.
 */
@Component
public class UploadLimit {

    private static final String WHAT = "uploads";

    private final RateLimit limit;

    UploadLimit(
            RateLimits limits,
            @Value("${atrium.limits.uploads-per-user:100}") int perUser,
            @Value("${atrium.limits.uploads-window:1h}") Duration window) {
        this.limit = limits.steady("uploads", perUser, window);
    }

    /** @throws TooManyRequests when the user has used up their uploads for now */
    public void take(CurrentUser user) {
        limit.takeOrRefuse("user:" + user.id(), WHAT);
    }

    /**
     * An application holding an app token uploads on its project's count, not its owner's.
     *
     * @throws TooManyRequests when the project has used up its uploads for now
     */
    public void takeForProject(long projectId) {
        limit.takeOrRefuse("project:" + projectId, WHAT);
    }
}
