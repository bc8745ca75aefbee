package dev.atrium.ordering.web;

import dev.atrium.ordering.internal.Offer;
import dev.atrium.ordering.internal.OfferService.OfferDraft;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The admin panel's offer form, as typed; dates are UTC, as the page says. */
class OfferForm {

    private String name = "";
    private String kind = "percent_off_product";
    private String product = "";
    private String buyQuantity = "";
    private String freeQuantity = "";
    private String percent = "";
    private String validFrom = "";
    private String validTo = "";
    private boolean active = true;

    static OfferForm of(Offer offer) {
        OfferForm form = new OfferForm();
        form.name = offer.name();
        form.kind = offer.kind().value();
        form.product = offer.productId() == null ? "" : offer.productId().toString();
        form.buyQuantity =
                offer.buyQuantity() == null ? "" : offer.buyQuantity().toString();
        form.freeQuantity =
                offer.freeQuantity() == null ? "" : offer.freeQuantity().toString();
        form.percent = offer.percent() == null ? "" : offer.percent().toPlainString();
        form.validFrom = local(offer.validFrom());
        form.validTo = local(offer.validTo());
        form.active = offer.active();
        return form;
    }

    OfferDraft draft() {
        List<FieldError> errors = new ArrayList<>();
        Long productId = whole(product, "product", errors);
        Long buy = whole(buyQuantity, "buy_quantity", errors);
        Long free = whole(freeQuantity, "free_quantity", errors);
        BigDecimal pct = null;
        try {
            pct = percent.isBlank() ? null : new BigDecimal(percent.strip());
        } catch (NumberFormatException ex) {
            errors.add(new FieldError("percent", "must be a number, such as 15"));
        }
        Instant from = instant(validFrom, "valid_from", errors);
        Instant to = instant(validTo, "valid_to", errors);
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        return new OfferDraft(name, kind, productId, quantity(buy), quantity(free), pct, from, to, active);
    }

    private static @Nullable Long whole(String value, String field, List<FieldError> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException ex) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    /** Clamped, not cast: a cast would wrap -4294967294 round to a valid 2; clamped, it is refused as out of range. */
    private static @Nullable Integer quantity(@Nullable Long value) {
        return value == null ? null : Math.clamp(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static @Nullable Instant instant(String value, String field, List<FieldError> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ex) {
            errors.add(new FieldError(field, "must be a date and time, such as 2026-06-01T09:00"));
            return null;
        }
    }

    private static String local(@Nullable Instant instant) {
        return instant == null
                ? ""
                : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC)
                        .toString();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = text(name);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(@Nullable String kind) {
        this.kind = text(kind);
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(@Nullable String product) {
        this.product = text(product);
    }

    public String getBuyQuantity() {
        return buyQuantity;
    }

    public void setBuyQuantity(@Nullable String buyQuantity) {
        this.buyQuantity = text(buyQuantity);
    }

    public String getFreeQuantity() {
        return freeQuantity;
    }

    public void setFreeQuantity(@Nullable String freeQuantity) {
        this.freeQuantity = text(freeQuantity);
    }

    public String getPercent() {
        return percent;
    }

    public void setPercent(@Nullable String percent) {
        this.percent = text(percent);
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(@Nullable String validFrom) {
        this.validFrom = text(validFrom);
    }

    public String getValidTo() {
        return validTo;
    }

    public void setValidTo(@Nullable String validTo) {
        this.validTo = text(validTo);
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
