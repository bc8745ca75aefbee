package dev.atrium.shared.openapi;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A camera frame counted against the recognition limit ({@code RecognitionLimit}), which answers 429 when spent. */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(
        responseCode = "429",
        description = "Too many frames lately from this project (app token) or user (user token); Retry-After says "
                + "when to try again")
public @interface RecognitionLimited {}
