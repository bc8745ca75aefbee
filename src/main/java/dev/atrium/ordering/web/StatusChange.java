package dev.atrium.ordering.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An order's new status, for PATCH /api/orders/{id}. */
record StatusChange(
        @Schema(
                description = "The new status",
                allowableValues = {"created", "paid", "shipped", "cancelled"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String status) {}
