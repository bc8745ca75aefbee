package dev.atrium.admin;

/**
 * An entry of the admin panel's navigation, declared as a bean by the module that owns the page.
 *
 * @param title what the navigation shows, e.g. "Users"
 * @param path where the page is, e.g. {@code /admin/users}
 * @param order where it goes in the navigation, lowest first
 */
public record AdminSection(String title, String path, int order) {}
