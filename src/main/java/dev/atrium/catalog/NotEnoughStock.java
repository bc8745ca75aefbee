package dev.atrium.catalog;

import dev.atrium.shared.problem.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A shop has fewer of a product than asked (or does not sell it at all, which is having none). The body names the
 * product, the quantity asked and the quantity available, for the first shortage and in {@code shortages} for all.
 */
public final class NotEnoughStock extends ProblemException {

    /** One product the shop cannot supply in the quantity asked. */
    public record Shortage(long shopId, long productId, String productName, int requested, int available) {}

    private final List<Shortage> shortages;

    private NotEnoughStock(List<Shortage> shortages) {
        super(HttpStatus.BAD_REQUEST, "not-enough-stock", "Not enough stock", describe(shortages));
        this.shortages = List.copyOf(shortages);
        Shortage first = shortages.getFirst();
        with("product", first.productId());
        with("product_name", first.productName());
        with("requested", first.requested());
        with("available", first.available());
        with("shortages", shortages);
    }

    public static NotEnoughStock of(List<Shortage> shortages) {
        if (shortages.isEmpty()) {
            throw new IllegalArgumentException("A shortage of nothing");
        }
        return new NotEnoughStock(shortages);
    }

    public List<Shortage> shortages() {
        return shortages;
    }

    private static String describe(List<Shortage> shortages) {
        Shortage first = shortages.getFirst();
        String detail = "Not enough of product " + first.productId() + " (" + first.productName() + "): "
                + first.requested() + " asked, " + first.available() + " available";
        return shortages.size() == 1 ? detail : detail + ", and " + (shortages.size() - 1) + " more short";
    }
}
