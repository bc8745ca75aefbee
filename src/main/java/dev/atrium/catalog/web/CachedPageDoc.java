package dev.atrium.catalog.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The 200 and 304 answers of a product list, which carry an ETag and may be reused (see {@link CatalogueAnswer}). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(
        responseCode = "200",
        description = "A page of products",
        headers = {
            @Header(name = "ETag", description = "A strong tag of this answer; send it back in If-None-Match"),
            @Header(name = "Cache-Control", description = CatalogueAnswer.CACHE_CONTROL_DOC)
        },
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductPage.class)))
@ApiResponse(
        responseCode = "304",
        description = "Not modified: the If-None-Match sent names this answer's ETag (or is *); no body",
        headers = {
            @Header(name = "ETag", description = "The answer's tag"),
            @Header(name = "Cache-Control", description = CatalogueAnswer.CACHE_CONTROL_DOC)
        },
        content = @Content)
@interface CachedPageDoc {}
