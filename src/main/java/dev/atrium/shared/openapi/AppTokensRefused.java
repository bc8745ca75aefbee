package dev.atrium.shared.openapi;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An operation for signed-in users themselves: 401 without a token, 403 for a project's app token. */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SignedIn
@ApiResponse(responseCode = "403", description = "An app token was sent")
public @interface AppTokensRefused {}
