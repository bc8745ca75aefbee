package dev.atrium.shared.openapi;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation of one AR project that takes a user's access token or an app token of that project: 401 without a
 * live token, 403 for an app token of another project.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "No token, or one that is expired or revoked")
@ApiResponse(responseCode = "403", description = "An app token of another project")
public @interface ProjectAppTokensAccepted {}
