package dev.atrium.ar.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A target as a write (POST, PUT, PATCH) left it, with the project's targets that show the same picture. */
@Schema(name = "ImageTargetWritten")
record WrittenTarget(
        @JsonUnwrapped ImageTargetView target,

        @Schema(
                description = "The project's other live, active targets that show the same picture, most similar "
                        + "first; adding a duplicate is allowed")
        List<DuplicateView> duplicates) {}
