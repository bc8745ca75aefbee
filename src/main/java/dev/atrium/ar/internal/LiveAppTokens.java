package dev.atrium.ar.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The part of {@link AppTokenRepository} that every request made with an app token reads; see its implementation. */
interface LiveAppTokens {

    /** The project of the token, when the token is live and its project too. */
    Optional<Long> liveProjectOf(UUID id, Instant now);
}
