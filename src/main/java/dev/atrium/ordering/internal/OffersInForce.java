package dev.atrium.ordering.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The part of {@link OfferRepository} that placing an order (and showing a cart) reads; see {@link OffersInForceImpl}
 * for why.
 */
interface OffersInForce {

    /** The offers that apply at that moment to these products or to whole orders. */
    List<Offer> inForce(Instant at, Collection<Long> productIds);
}
