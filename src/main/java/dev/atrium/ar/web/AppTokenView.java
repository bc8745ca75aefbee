package dev.atrium.ar.web;

import dev.atrium.ar.internal.AppToken;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** An app token as its project's owner sees it, the JWT included. */
@Schema(name = "AppToken")
record AppTokenView(
        @Schema(description = "The token's id (its jti)") UUID id,

        @Schema(description = "The JWT to send as 'Authorization: Bearer <token>'")
        String token,

        Instant createdAt,

        @Schema(description = "When it stops working, unless its TTL is changed")
        Instant expiresAt) {

    static AppTokenView of(AppToken token) {
        return new AppTokenView(token.id(), token.token(), token.createdAt(), token.expiresAt());
    }
}
