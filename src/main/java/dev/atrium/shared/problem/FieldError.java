package dev.atrium.shared.problem;

/**
 * One reason a request was refused, tied to the field that caused it ({@code parts[0].quantity_in_order}).
 *
 * @param field the field's path in the request as the caller wrote it, in snake_case
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {}
