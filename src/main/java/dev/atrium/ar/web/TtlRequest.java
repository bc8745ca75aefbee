package dev.atrium.ar.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.atrium.ar.internal.AppTokenService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** An app token's new lifetime, for PATCH and PUT of /api/project/{projectId}/jwt/{tokenId}. */
@Schema(name = "AppTokenTtl")
record TtlRequest(
        @Schema(
                description =
                        "New lifetime in seconds counted from now, from 60 to 31536000. Also accepted as " + "ttl.",
                example = "86400")
        @JsonAlias("ttl")
        @NotNull @Min(AppTokenService.MIN_TTL_SECONDS) @Max(AppTokenService.MAX_TTL_SECONDS) Long ttlSeconds) {}
