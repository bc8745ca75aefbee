package dev.atrium.ratelimit;

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
public class RecognitionLimit extends UserOrProjectLimit {

    RecognitionLimit(
            RateLimits limits,
            @Value("${atrium.limits.recognitions:600}") int permits,
            @Value("${atrium.limits.recognitions-window:1m}") Duration window) {
        super(limits.steady("recognitions", permits, window), "recognitions");
    }
}
