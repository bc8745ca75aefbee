package dev.atrium.account.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** The body of POST /api/refresh: the refresh token to exchange. */
record RefreshRequest(
        @Schema(
                description = "The refresh token of the last sign-in or refresh",
                example = "the refresh token that POST /api/auth returned")
        @NotBlank String refresh) {

    @Override
    public String toString() {
        return "RefreshRequest[refresh=<redacted>]";
    }
}
