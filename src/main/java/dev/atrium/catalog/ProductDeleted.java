package dev.atrium.catalog;

/**
 * A product was deleted, with its stock in every shop. Published inside the deleting transaction, so a listener's
 * changes commit or roll back with it. Past orders keep the product's name and price of their own.
 */
public record ProductDeleted(long productId) {}
