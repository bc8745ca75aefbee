package dev.atrium.ordering.internal;

import dev.atrium.shared.problem.ProblemException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** An order checked as far as it can be without locks, waiting for the batch that will place or refuse it. */
final class PendingOrder {

    /** One product and quantity, with its position in the request or the cart (for naming it in a refusal). */
    record Part(long productId, int quantity, int position) {}

    /** What became of the order. */
    sealed interface Outcome {

        /**
         * Placed and committed.
         *
         * @param answer the answer kept for the order's Idempotency-Key; null without a key
         */
        record Placed(Order order, @Nullable String answer) implements Outcome {}

        /** Its Idempotency-Key had answered before: the first answer, as stored. */
        record Replayed(String response) implements Outcome {}

        /** Refused, changing nothing. */
        record Refused(ProblemException problem) implements Outcome {}

        /** Its batch failed on something other than the order itself (the database went away, say). */
        record Failed(RuntimeException error) implements Outcome {}
    }

    final long userId;
    final long shopId;
    final String shopName;
    final List<Part> parts;
    final IdempotencyKeyRepository.@Nullable Key key;
    final CartRepository.@Nullable Cart cart;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    PendingOrder(
            long userId,
            long shopId,
            String shopName,
            List<Part> parts,
            IdempotencyKeyRepository.@Nullable Key key,
            CartRepository.@Nullable Cart cart) {
        this.userId = userId;
        this.shopId = shopId;
        this.shopName = shopName;
        this.parts = List.copyOf(parts);
        this.key = key;
        this.cart = cart;
    }

    /** The product that decides which lane the order queues in: its lowest product id. */
    long firstProductId() {
        return parts.stream().mapToLong(Part::productId).min().orElse(0);
    }

    void complete(Outcome result) {
        outcome.complete(result);
    }

    /** Waits for the batch; never gives up, since an order handed to a batch may commit at any moment. */
    Outcome await() {
        return outcome.join();
    }

    boolean done() {
        return outcome.isDone();
    }
}
