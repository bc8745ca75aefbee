package dev.atrium.ar.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired app tokens from the database, every {@code atrium.ar.token-purge-interval} (10 minutes by default).
 * Expired tokens are refused whether or not this has run; it only keeps the table small. Every replica runs it: each
 * deletes what it finds and skips rows another replica is deleting at the same moment.
 */
@Component
class AppTokenPurge {

    private static final Log log = LogFactory.getLog(AppTokenPurge.class);

    private final AppTokenService tokens;

    AppTokenPurge(AppTokenService tokens) {
        this.tokens = tokens;
    }

    @Scheduled(
            fixedDelayString = "${atrium.ar.token-purge-interval:10m}",
            initialDelayString = "${atrium.ar.token-purge-initial-delay:1m}")
    void deleteExpiredTokens() {
        int deleted = tokens.purgeExpired();
        if (deleted > 0) {
            log.info("Deleted " + deleted + " expired app tokens");
        }
    }
}
