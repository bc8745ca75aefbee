package dev.atrium.ar.internal;

import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.blob.BlobStore;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Computes the features and rating of the targets stored before Atrium computed them, or computed the way it did
 * before ({@link FeatureExtraction#EXTRACTION}: after an upgrade, every target once), when it is ready, on one
 * background thread, a batch at a time, through the same bounded decoding as an upload. Until then targets without
 * features answer without a rating and are no one's duplicate, and those of an older extraction match by what they
 * have. Every replica may do this at once: each keeps only what no
 * one kept first, so the work is at worst repeated, never wrong. A target whose stored image cannot be analysed is
 * logged and skipped.
 */
@Component
@ConditionalOnWebApplication
class TargetFeatureBackfill {

    private static final Log log = LogFactory.getLog(TargetFeatureBackfill.class);
    private static final int BATCH = 20;

    private final TargetFeatureStore store;
    private final BlobStore blobs;
    private final JpegCheck jpegs;
    private volatile boolean stopping;

    TargetFeatureBackfill(TargetFeatureStore store, BlobStore blobs, JpegCheck jpegs) {
        this.store = store;
        this.blobs = blobs;
        this.jpegs = jpegs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofPlatform().daemon().name("target-feature-backfill").start(() -> {
            try {
                int done = run();
                if (done > 0) {
                    log.info("Computed the features of " + done
                            + " image targets stored without them or extracted the older way");
                }
            } catch (RuntimeException ex) {
                // The database went away (an outage, or shutdown): the next start goes on where this stopped.
                if (!stopping) {
                    log.warn("Stopped computing the features of older image targets: " + ex.getMessage());
                }
            }
        });
    }

    /** Computes what is missing and returns for how many targets. */
    int run() {
        int done = 0;
        long after = 0;
        while (!stopping) {
            List<ImageTarget> batch = store.needingFeatures(after, BATCH);
            if (batch.isEmpty()) {
                return done;
            }
            for (ImageTarget target : batch) {
                after = target.id();
                if (!stopping && analysed(target)) {
                    done++;
                }
            }
        }
        return done;
    }

    private boolean analysed(ImageTarget target) {
        Optional<Blob> image = blobs.get(target.imageKey());
        if (image.isEmpty()) {
            log.warn("Image target " + target.id() + " has no stored image; its features are not computed");
            return false;
        }
        try {
            return store.putUnlessNewer(
                    target.id(),
                    target.sha256(),
                    jpegs.analyseStored(image.get().content()));
        } catch (InvalidImage | IllegalStateException ex) {
            log.warn("Image target " + target.id() + " could not be analysed: " + ex.getMessage());
            return false;
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }
}
