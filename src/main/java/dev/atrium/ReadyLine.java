package dev.atrium;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Says, in one line once Atrium serves, where to go: the sign-in page, the API docs and the admin panel, and in
 * embedded mode how to sign in. The demo accounts are public (the README lists them); a configured administrator's
 * password is never printed.
 */
@Component
@ConditionalOnWebApplication
class ReadyLine {

    private static final Log log = LogFactory.getLog(ReadyLine.class);

    /** Created by the migrations, in every mode that has run them. */
    private static final String SEED_USER = "demo@atrium.dev / demo-password";

    /** Loaded with the demo data, which embedded mode loads unless told not to. */
    private static final List<String> DEMO_USERS = List.of(
            "admin@atrium.dev / admin-password (administrator)",
            "alice@atrium.dev / alice-password",
            "bob@atrium.dev / bob-password");

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web) {
            log.info(line(
                    ready.getApplicationContext().getEnvironment(),
                    web.getWebServer().getPort()));
        }
    }

    static String line(Environment environment, int port) {
        String base = environment.getProperty("atrium.http.public-base-url", "");
        String origin = StringUtils.hasText(base) ? base.replaceAll("/+$", "") : "http://localhost:" + port;
        String line = "Atrium is ready at " + origin + ": the sign-in page is " + origin + "/, the API docs " + origin
                + "/api/docs, the admin panel " + origin + "/admin";
        if (!"embedded".equals(environment.getProperty("atrium.mode"))) {
            return line;
        }
        List<String> users = new ArrayList<>(List.of(SEED_USER));
        if (environment.getProperty("atrium.demo-data.enabled", Boolean.class, true)) {
            users.addAll(DEMO_USERS);
        }
        return line + "; demo sign-ins: " + String.join(", ", users);
    }
}
