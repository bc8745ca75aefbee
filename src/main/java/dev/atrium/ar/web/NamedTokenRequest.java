package dev.atrium.ar.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.atrium.ar.internal.AppTokenService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * An app token named in the body, with its new lifetime for a change. AR clients use one path, /api/project/{id}/jwt,
 * for all four operations: an update or delete sent there names its token in the body or the query instead of the path.
 */
@Schema(name = "AppTokenNamed", example = "{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"ttl_seconds\":86400}")
record NamedTokenRequest(
        @Schema(
                description = "The token's id, as listed; also accepted as token_id, or in the query as ?id= or "
                        + "?token_id=",
                example = "0f8fad5b-d9cb-469f-a165-70867728950e")
        @JsonAlias("token_id")
        @Nullable String id,

        @Schema(description = "The token itself (the JWT), in place of its id") @Nullable String token,

        @Schema(
                description = "For PATCH and PUT: the new lifetime in seconds counted from now, from 60 to "
                        + "31536000. Also accepted as ttl.",
                example = "86400")
        @JsonAlias("ttl")
        @Min(AppTokenService.MIN_TTL_SECONDS) @Max(AppTokenService.MAX_TTL_SECONDS) @Nullable Long ttlSeconds) {}
