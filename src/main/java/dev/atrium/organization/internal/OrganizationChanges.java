package dev.atrium.organization.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Changes to an organization; a field left out (or null) stays as it is. */
public record OrganizationChanges(
        @Schema(description = "Unique whatever its case", example = "Atrium Labs")
        @Size(min = 1, max = NewOrganization.NAME_MAX) @Pattern(regexp = NewOrganization.NO_CONTROL, message = NewOrganization.NO_CONTROL_MESSAGE) @Nullable String name,

        @Schema(description = "A short description", example = "Builds Atrium")
        @Size(max = NewOrganization.DESCRIPTION_MAX) @Nullable String description) {}
