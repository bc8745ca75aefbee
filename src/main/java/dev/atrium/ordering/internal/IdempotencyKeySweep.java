package dev.atrium.ordering.internal;

import java.time.Clock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets Idempotency-Keys once their 24 hours are over. Safe on every replica at once: it is one DELETE. */
@Component
class IdempotencyKeySweep {

    private static final Log log = LogFactory.getLog(IdempotencyKeySweep.class);

    private final IdempotencyKeyRepository keys;
    private final Clock clock;

    IdempotencyKeySweep(IdempotencyKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${atrium.ordering.idempotency-sweep:PT1H}", initialDelayString = "PT5M")
    void sweep() {
        try {
            int removed = keys.sweep(clock.instant());
            if (removed > 0) {
                log.info("Forgot " + removed + " Idempotency-Keys older than 24 hours");
            }
        } catch (RuntimeException ex) {
            log.warn("Could not forget old Idempotency-Keys: " + ex.getMessage());
        }
    }
}
