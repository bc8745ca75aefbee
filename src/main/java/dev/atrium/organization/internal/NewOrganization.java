package dev.atrium.organization.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new organization, as {@code POST /api/organizations} and the admin panel take it. */
public record NewOrganization(
        @Schema(description = "Unique whatever its case", example = "Atrium Labs")
        @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) @Nullable String name,

        @Schema(description = "A short description", example = "Builds Atrium") @Size(max = DESCRIPTION_MAX) @Nullable String description) {

    static final int NAME_MAX = 150;
    static final int DESCRIPTION_MAX = 1000;
    static final String NO_CONTROL = "[^\\p{Cntrl}]*";
    static final String NO_CONTROL_MESSAGE = "must not contain control characters such as line breaks";
}
