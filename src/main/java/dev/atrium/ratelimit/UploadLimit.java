package dev.atrium.ratelimit;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many images one uploader may send: avatars, AR image targets and product photos share one count, so that
 * spreading uploads over the three buys nothing. Each upload is counted when it arrives, before it is decoded or
 * stored, whether or not it is then accepted: decoding is the expensive part.
 */
@Component
public class UploadLimit extends UserOrProjectLimit {

    UploadLimit(
            RateLimits limits,
            @Value("${atrium.limits.uploads-per-user:100}") int perUser,
            @Value("${atrium.limits.uploads-window:1h}") Duration window) {
        super(limits.steady("uploads", perUser, window), "uploads");
    }
}
