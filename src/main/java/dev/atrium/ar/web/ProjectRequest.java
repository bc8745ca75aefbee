package dev.atrium.ar.web;

import dev.atrium.ar.internal.ProjectService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new project, or a project's new name (PUT). */
@Schema(name = "ProjectRequest")
record ProjectRequest(
        @Schema(
                description = "Unique among projects not deleted, whatever its case; at most 200 characters",
                example = "Museum tour")
        @NotBlank @Size(max = ProjectService.MAX_NAME_LENGTH) String name) {}
