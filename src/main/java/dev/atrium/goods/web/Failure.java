package dev.atrium.goods.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atrium.shared.problem.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A refused sign-in on the sign-in page, in the page's own JSON shape rather than problem details. */
record Failure(
        String status,
        String message,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<FieldError> errors,

        @Schema(description = "With 429: seconds to wait, as in Retry-After")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable Long retryAfterSeconds) {

    Failure(String message, @Nullable List<FieldError> errors) {
        this("error", message, errors, null);
    }
}
