package dev.atrium.ordering.internal;

import java.util.Locale;

/** What an offer gives. */
public enum OfferKind {
    /** Of every buy + free units of the product in an order, the free ones cost nothing ("buy 2, get 1 free"). */
    BUY_X_GET_Y_FREE,
    /** A percentage off every unit of the product. */
    PERCENT_OFF_PRODUCT,
    /** A percentage off the whole order, after the line discounts. */
    PERCENT_OFF_ORDER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OfferKind of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
