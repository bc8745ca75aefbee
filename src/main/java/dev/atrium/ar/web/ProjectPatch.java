package dev.atrium.ar.web;

import dev.atrium.ar.internal.ProjectService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A change to a project: the fields sent are changed and the others kept. */
@Schema(name = "ProjectPatch")
record ProjectPatch(
        @Schema(description = "A new name; absent leaves it as it is", example = "Museum tour (winter)")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @Size(max = ProjectService.MAX_NAME_LENGTH) @Nullable String name) {}
