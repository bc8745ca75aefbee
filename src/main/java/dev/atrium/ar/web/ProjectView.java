package dev.atrium.ar.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atrium.ar.internal.Project;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A project, as every project endpoint answers it. */
@Schema(name = "Project")
record ProjectView(
        long id,
        @Schema(example = "Museum tour") String name,

        @Schema(description = "The user who owns the project")
        long ownerId,

        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "Set on deleted projects only (listed to administrators with deleted=true)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable Instant deletedAt) {

    static ProjectView of(Project project) {
        return new ProjectView(
                project.id(),
                project.name(),
                project.ownerId(),
                project.createdAt(),
                project.updatedAt(),
                project.deletedAt());
    }
}
