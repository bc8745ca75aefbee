package dev.atrium.shared.image;

import dev.atrium.shared.problem.ServiceUnavailable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds how many uploaded images are decoded at once, whichever module decodes them: a decode keeps a core busy and
 * holds tens of megabytes, so no more run together than there are cores, and a burst of uploads waits its turn (up to
 * 10 s, then 503) instead of exhausting the heap.
 */
@Component
public class ImageDecoding {

    private final Semaphore slots = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public <T> T bounded(Supplier<T> decode) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ServiceUnavailable.busy("Interrupted while waiting to process an image");
        }
        if (!acquired) {
            throw ServiceUnavailable.busy("Too many images are being processed; try again in a few seconds");
        }
        try {
            return decode.get();
        } finally {
            slots.release();
        }
    }
}
