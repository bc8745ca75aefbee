package dev.atrium.catalog.internal;

import dev.atrium.catalog.ShopSummary;
import java.util.Optional;

/** The part of {@link ShopRepository} that placing an order reads; see {@link ShopSummariesImpl} for why. */
interface ShopSummaries {

    Optional<ShopSummary> summaryOf(long id);

    /** The shop standing for every request that names none: the configured one, or else the oldest shop. */
    Optional<ShopSummary> defaultSummary(String configuredName);
}
