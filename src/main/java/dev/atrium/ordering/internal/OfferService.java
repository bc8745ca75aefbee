package dev.atrium.ordering.internal;

import dev.atrium.catalog.CatalogApi;
import dev.atrium.catalog.ProductDeleted;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Special offers: created, changed and switched off by administrators, through the API and the admin panel alike. */
@Service
public class OfferService {

    private final OfferRepository offers;
    private final CatalogApi catalog;

    OfferService(OfferRepository offers, CatalogApi catalog) {
        this.offers = offers;
        this.catalog = catalog;
    }

    /** An offer as a client or the admin panel describes it, not yet checked. */
    public record OfferDraft(
            @Nullable String name,
            @Nullable String kind,
            @Nullable Long product,
            @Nullable Integer buyQuantity,
            @Nullable Integer freeQuantity,
            @Nullable BigDecimal percent,
            @Nullable Instant validFrom,
            @Nullable Instant validTo,
            @Nullable Boolean active) {

        public static OfferDraft of(Offer offer) {
            return new OfferDraft(
                    offer.name(),
                    offer.kind().value(),
                    offer.productId(),
                    offer.buyQuantity(),
                    offer.freeQuantity(),
                    offer.percent(),
                    offer.validFrom(),
                    offer.validTo(),
                    offer.active());
        }
    }

    public Optional<Offer> find(long id) {
        return offers.findById(id);
    }

    /**
     * Offers by newest first; {@code inForceAt} keeps those in force then, {@code q} those whose name contains the
     * text (any case).
     */
    public List<Offer> list(@Nullable Instant inForceAt, @Nullable String q, PageQuery page) {
        return offers.list(inForceAt, q, page);
    }

    /** How many offers {@link #list} finds, over all its pages. */
    public long count(@Nullable Instant inForceAt, @Nullable String q) {
        return offers.count(inForceAt, q);
    }

    public Offer get(long id) {
        return offers.findById(id).orElseThrow(() -> ProblemException.notFound("Offer " + id));
    }

    @Transactional
    public Offer create(CurrentUser actor, OfferDraft draft) {
        requireAdmin(actor);
        return offers.insert(check(draft, null));
    }

    @Transactional
    public Offer update(CurrentUser actor, long id, Function<Offer, OfferDraft> change) {
        requireAdmin(actor);
        Offer current = get(id);
        return offers.update(id, check(change.apply(current), current.productId()))
                .orElseThrow(() -> ProblemException.notFound("Offer " + id));
    }

    /** Switches an offer off: orders placed from now on no longer get it; orders placed before keep their discount. */
    @Transactional
    public Offer deactivate(CurrentUser actor, long id) {
        return update(actor, id, offer -> {
            OfferDraft draft = OfferDraft.of(offer);
            return new OfferDraft(
                    draft.name(),
                    draft.kind(),
                    draft.product(),
                    draft.buyQuantity(),
                    draft.freeQuantity(),
                    draft.percent(),
                    draft.validFrom(),
                    draft.validTo(),
                    false);
        });
    }

    /**
     * A deleted product's offers can never apply again (product ids are not reused), so they are switched off in the
     * deleting transaction rather than left showing as in force.
     */
    @EventListener
    void productDeleted(ProductDeleted event) {
        offers.switchOffForProduct(event.productId());
    }

    /**
     * @param currentProduct the product the offer is for now (null for a new offer): an offer kept for a product
     *     deleted since may still be changed and switched off, but not switched on again
     */
    private OfferFields check(OfferDraft draft, @Nullable Long currentProduct) {
        List<FieldError> errors = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        OfferKind kind = null;
        try {
            kind = draft.kind() == null
                    ? null
                    : OfferKind.of(draft.kind().strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            kind = null;
        }
        if (kind == null) {
            errors.add(
                    new FieldError("kind", "must be one of buy_x_get_y_free, percent_off_product, percent_off_order"));
        }
        BigDecimal percent = draft.percent();
        if (kind == OfferKind.BUY_X_GET_Y_FREE) {
            range(draft.buyQuantity(), "buy_quantity", errors);
            range(draft.freeQuantity(), "free_quantity", errors);
            if (percent != null) {
                errors.add(new FieldError("percent", "is only for percentage offers"));
            }
        } else if (kind != null) {
            if (percent == null) {
                errors.add(new FieldError("percent", "is required"));
            } else if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new FieldError("percent", "must be above 0 and at most 100"));
            } else if (percent.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("percent", "must have at most two decimals"));
            } else {
                percent = percent.setScale(2, RoundingMode.UNNECESSARY);
            }
            if (draft.buyQuantity() != null) {
                errors.add(new FieldError("buy_quantity", "is only for buy_x_get_y_free offers"));
            }
            if (draft.freeQuantity() != null) {
                errors.add(new FieldError("free_quantity", "is only for buy_x_get_y_free offers"));
            }
        }
        if (kind == OfferKind.PERCENT_OFF_ORDER) {
            if (draft.product() != null) {
                errors.add(new FieldError("product", "an order-wide offer is for no product in particular"));
            }
        } else if (kind != null) {
            boolean active = draft.active() == null || draft.active();
            if (draft.product() == null) {
                errors.add(new FieldError("product", "is required"));
            } else if ((active || !draft.product().equals(currentProduct))
                    && catalog.productNames(List.of(draft.product())).isEmpty()) {
                errors.add(new FieldError("product", "no product has the id " + draft.product()));
            }
        }
        if (draft.validFrom() != null
                && draft.validTo() != null
                && !draft.validTo().isAfter(draft.validFrom())) {
            errors.add(new FieldError("valid_to", "must be after valid_from"));
        }
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        return new OfferFields(
                name,
                kind,
                kind == OfferKind.PERCENT_OFF_ORDER ? null : draft.product(),
                kind == OfferKind.BUY_X_GET_Y_FREE ? draft.buyQuantity() : null,
                kind == OfferKind.BUY_X_GET_Y_FREE ? draft.freeQuantity() : null,
                kind == OfferKind.BUY_X_GET_Y_FREE ? null : percent,
                draft.validFrom(),
                draft.validTo(),
                draft.active() == null || draft.active());
    }

    private static void range(@Nullable Integer value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value < 1 || value > 1000) {
            errors.add(new FieldError(field, "must be between 1 and 1000"));
        }
    }

    private static void requireAdmin(CurrentUser actor) {
        if (!actor.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may manage offers");
        }
    }
}
