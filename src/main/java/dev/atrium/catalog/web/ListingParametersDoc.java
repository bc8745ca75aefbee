package dev.atrium.catalog.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The product lists' query parameters, for the API document (they are read by {@link ListingParameters}). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
    @Parameter(
            name = "page",
            in = ParameterIn.QUERY,
            description = "Page number, counting from 1",
            schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")),
    @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "Items per page (default 50, at most 1000: more is served as 1000)",
            schema = @Schema(type = "integer", minimum = "1", defaultValue = "50")),
    @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "Text to find, in any case, in the name, description or author (at most 200 characters)",
            schema = @Schema(type = "string")),
    @Parameter(
            name = "search",
            in = ParameterIn.QUERY,
            description = "The same as q, by the name Django REST framework gives it; q wins when both are sent",
            schema = @Schema(type = "string")),
    @Parameter(
            name = "min_price",
            in = ParameterIn.QUERY,
            description = "Lowest price in the shop asked about, inclusive",
            schema = @Schema(type = "number", example = "5.00")),
    @Parameter(
            name = "max_price",
            in = ParameterIn.QUERY,
            description = "Highest price in the shop asked about, inclusive (not below min_price)",
            schema = @Schema(type = "number", example = "20.00")),
    @Parameter(
            name = "in_stock",
            in = ParameterIn.QUERY,
            description = "true: only products the shop has; false: only those it has none of",
            schema = @Schema(type = "boolean")),
    @Parameter(
            name = "shop",
            in = ParameterIn.QUERY,
            description = "GET /api/products only: the shop whose prices and quantities to show (default: the "
                    + "default shop)",
            schema = @Schema(type = "integer")),
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "Instead of page: the products that follow the product with this id, in the order by id "
                    + "(ordering id or -id only; not with page). However deep, it costs what the first page does, "
                    + "where a page number skips every product before it. The answer's next link carries the "
                    + "next cursor (after= the page's last id) while the page is full; it has no previous link, "
                    + "and count is the whole list's",
            schema = @Schema(type = "integer", minimum = "1")),
    @Parameter(
            name = "ordering",
            in = ParameterIn.QUERY,
            description = "Sort order (default id)",
            schema =
                    @Schema(
                            type = "string",
                            allowableValues = {"id", "-id", "price", "-price", "name", "-name"}))
})
@interface ListingParametersDoc {}
