package dev.atrium.ar.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.atrium.ar.internal.AppTokenService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * The optional body of POST /api/project/{projectId}/jwt: the new token's lifetime. AR clients call the lifetime
 * "ttl": that name is taken as well as ttl_seconds, which says its unit.
 */
@Schema(name = "AppTokenRequest")
record TokenRequest(
        @Schema(
                description = "Lifetime in seconds, from 60 (a minute) to 31536000 (a year); two weeks "
                        + "(1209600) when left out. Also accepted as ttl.",
                example = "1209600")
        @JsonAlias("ttl")
        @Min(AppTokenService.MIN_TTL_SECONDS) @Max(AppTokenService.MAX_TTL_SECONDS) @Nullable Long ttlSeconds) {}
