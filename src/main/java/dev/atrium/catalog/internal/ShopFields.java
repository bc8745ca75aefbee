package dev.atrium.catalog.internal;

/** What a shop is made of when it is created or changed, already checked by {@link ShopService}. */
public record ShopFields(String name, String description, String address, String site) {}
