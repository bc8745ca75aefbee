package dev.atrium.organization.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** A user to add to an organization. */
public record NewMember(
        @Schema(description = "The user's id", example = "7") @NotNull @Nullable Long user) {}
