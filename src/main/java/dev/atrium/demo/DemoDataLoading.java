package dev.atrium.demo;

import dev.atrium.shared.demo.DemoData;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data for the {@code seed} command, and on every start in embedded mode (unless
 * {@code atrium.demo-data.enabled=false}), after the migrations and before the first request is served.
 */
@Component
class DemoDataLoading implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoDataLoading.class);

    private final List<DemoData> loaders;
    private final boolean enabled;

    DemoDataLoading(
            List<DemoData> loaders,
            @Value("${atrium.command:serve}") String command,
            @Value("${atrium.mode}") String mode,
            @Value("${atrium.demo-data.enabled:true}") boolean demoDataInEmbeddedMode) {
        this.loaders = loaders;
        this.enabled = command.equals("seed")
                || (command.equals("serve") && mode.equals("embedded") && demoDataInEmbeddedMode);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        for (DemoData loader : loaders) {
            String added = loader.load();
            log.info("Demo data: " + added);
        }
    }
}
