package dev.atrium.shared.demo;

/**
 * A module's share of the demo data: shops and products, demo users, and so on. Loading must be idempotent, since it
 * runs on every start in embedded mode and whenever the {@code seed} command is run. Loaders run in {@code @Order}.
 */
public interface DemoData {

    /** Loads what is missing and returns a short account of what was added, e.g. "3 shops, 1000 products". */
    String load();
}
