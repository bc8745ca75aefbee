package dev.atrium.ordering.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Prices an order: each line at its unit price, less the best offer in force for its product; then the best
 * order-wide offer off what is left. Offers do not stack on one line. Amounts are exact decimals, rounded half up to
 * the cent only where a percentage is taken.
 */
public final class Pricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {}

    /** One line to price: a quantity of a product at the price the shop sells it for. */
    public record LineInput(long productId, String productName, int quantity, BigDecimal unitPrice) {}

    /** The offer that gave a line (or the order) its discount. */
    public record AppliedOffer(long id, String name) {}

    public record PricedLine(
            long productId,
            String productName,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal discount,
            BigDecimal lineTotal,
            @Nullable AppliedOffer offer) {}

    /**
     * @param discount every discount: the lines' and the order-wide offer's
     * @param orderDiscount the order-wide offer's share of the discount
     */
    public record PricedOrder(
            List<PricedLine> lines,
            BigDecimal subtotal,
            BigDecimal discount,
            BigDecimal total,
            @Nullable AppliedOffer orderOffer,
            BigDecimal orderDiscount) {}

    public static PricedOrder price(List<LineInput> lines, List<Offer> offers, Instant at) {
        List<PricedLine> priced = new ArrayList<>(lines.size());
        BigDecimal subtotal = cents(BigDecimal.ZERO);
        BigDecimal lineDiscounts = cents(BigDecimal.ZERO);
        for (LineInput line : lines) {
            BigDecimal gross = cents(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
            BigDecimal best = cents(BigDecimal.ZERO);
            Offer bestOffer = null;
            for (Offer offer : offers) {
                if (offer.productId() == null || offer.productId() != line.productId() || !offer.inForce(at)) {
                    continue;
                }
                BigDecimal discount = lineDiscount(offer, line, gross);
                if (discount.compareTo(best) > 0) {
                    best = discount;
                    bestOffer = offer;
                }
            }
            subtotal = subtotal.add(gross);
            lineDiscounts = lineDiscounts.add(best);
            priced.add(new PricedLine(
                    line.productId(),
                    line.productName(),
                    line.quantity(),
                    cents(line.unitPrice()),
                    best,
                    gross.subtract(best),
                    bestOffer == null ? null : new AppliedOffer(bestOffer.id(), bestOffer.name())));
        }
        BigDecimal rest = subtotal.subtract(lineDiscounts);
        BigDecimal orderDiscount = cents(BigDecimal.ZERO);
        Offer orderOffer = null;
        for (Offer offer : offers) {
            if (offer.kind() != OfferKind.PERCENT_OFF_ORDER || !offer.inForce(at) || offer.percent() == null) {
                continue;
            }
            BigDecimal discount = percentOf(rest, offer.percent());
            if (discount.compareTo(orderDiscount) > 0) {
                orderDiscount = discount;
                orderOffer = offer;
            }
        }
        BigDecimal discount = lineDiscounts.add(orderDiscount);
        return new PricedOrder(
                priced,
                subtotal,
                discount,
                subtotal.subtract(discount),
                orderOffer == null ? null : new AppliedOffer(orderOffer.id(), orderOffer.name()),
                orderDiscount);
    }

    private static BigDecimal lineDiscount(Offer offer, LineInput line, BigDecimal gross) {
        return switch (offer.kind()) {
            case BUY_X_GET_Y_FREE -> {
                int buy = offer.buyQuantity() == null ? 0 : offer.buyQuantity();
                int free = offer.freeQuantity() == null ? 0 : offer.freeQuantity();
                if (buy < 1 || free < 1) {
                    yield cents(BigDecimal.ZERO);
                }
                long freeUnits = (long) (line.quantity() / (buy + free)) * free;
                yield cents(line.unitPrice().multiply(BigDecimal.valueOf(freeUnits)));
            }
            case PERCENT_OFF_PRODUCT ->
                offer.percent() == null ? cents(BigDecimal.ZERO) : percentOf(gross, offer.percent());
            case PERCENT_OFF_ORDER -> cents(BigDecimal.ZERO);
        };
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
