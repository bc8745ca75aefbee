package dev.atrium.shared.openapi;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An upload counted against the user's one upload limit ({@code UploadLimit}), which answers 429 when spent. */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(
        responseCode = "429",
        description = "Too many uploads (avatars, image targets and product photos together) lately; "
                + "Retry-After says when to try again")
public @interface UploadLimited {}
