package dev.atrium.catalog;

/** What other modules may know of a shop: enough to name it. */
public record ShopSummary(long id, String name) {}
