package dev.atrium.ordering.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where orders queue to be written, in a few lanes per replica chosen by shop and product, so that the orders of one
 * hot product share a lane.
 *
 * <p>Why: when every order takes its own transaction, all the buyers of one product queue on PostgreSQL's lock of
 * its stock row, and each commit (a disk flush) releases them one at a time; past a few dozen buyers the row lock's
 * queue itself costs more than the work. Here a lane writes whatever has queued while its last transaction ran as one
 * transaction: one lock of the stock row, one decrement per product, one insert of all the orders, one commit. So at
 * most one writer per lane and replica waits on a stock row, and a flush commits many orders at once. Nothing is
 * answered before its transaction has committed.
 */
@Component
class OrderDesk {

    private static final Log log = LogFactory.getLog(OrderDesk.class);

    private final OrderBatchWriter writer;
    private final int maxBatch;
    private final Lane[] lanes;

    OrderDesk(
            OrderBatchWriter writer,
            @Value("${atrium.ordering.lanes:8}") int laneCount,
            @Value("${atrium.ordering.max-batch:100}") int maxBatch) {
        this.writer = writer;
        this.maxBatch = Math.max(1, maxBatch);
        this.lanes = new Lane[Math.max(1, laneCount)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(i);
        }
    }

    /** Queues the order and waits until its batch has committed (or refused it, or failed). */
    PendingOrder.Outcome place(PendingOrder order) {
        long hash = order.shopId * 31 + order.firstProductId();
        lanes[(int) Math.floorMod(hash, (long) lanes.length)].enqueue(order);
        return order.await();
    }

    private final class Lane {

        private final int number;
        private final ConcurrentLinkedQueue<PendingOrder> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        Lane(int number) {
            this.number = number;
        }

        void enqueue(PendingOrder order) {
            queue.add(order);
            if (draining.compareAndSet(false, true)) {
                // A platform thread, not a virtual one: the drainer is the one thread all of a lane's orders wait for,
                // and it waits a dozen times per batch (stock lock, statements, commit). A virtual thread would queue
                // for a carrier behind every runnable request each time it resumes, so a flood of catalogue reads
                // would slow every order; the kernel wakes a platform thread at once.
                Thread.ofPlatform().daemon().name("order-lane-" + number).start(this::drain);
            }
        }

        /** Writes batches until the queue is empty; one drainer per lane at a time. */
        private void drain() {
            while (true) {
                List<PendingOrder> batch = new ArrayList<>();
                PendingOrder next;
                while (batch.size() < maxBatch && (next = queue.poll()) != null) {
                    batch.add(next);
                }
                if (batch.isEmpty()) {
                    draining.set(false);
                    // An order queued after the last poll but before the flag went down has no drainer yet.
                    if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                try {
                    writer.write(batch);
                } catch (Throwable unexpected) {
                    // Whatever went wrong, no caller may be left waiting for an answer that will never come.
                    RuntimeException failure = unexpected instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException("Writing a batch of orders failed", unexpected);
                    log.error("Writing a batch of " + batch.size() + " orders failed", unexpected);
                    batch.stream()
                            .filter(order -> !order.done())
                            .forEach(order -> order.complete(new PendingOrder.Outcome.Failed(failure)));
                }
            }
        }
    }
}
