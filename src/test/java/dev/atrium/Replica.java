package dev.atrium;

import java.io.IOException;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * A second Atrium, started next to the one a test runs, on the same PostgreSQL and Redis (so in external mode): what a
 * deployment with several replicas looks like, inside one test.
 */
public final class Replica implements AutoCloseable {

    /** The signing key both replicas of a test share; replicas of one deployment must. */
    public static final String SHARED_JWT_SECRET = "a-signing-key-shared-by-every-replica-in-tests";

    private final ConfigurableApplicationContext context;

    private Replica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a replica on the stores of the given application, on a free port. */
    public static Replica of(Environment first) {
        return of(first, new String[0]);
    }

    /** Starts a replica as above, with more settings ({@code --name=value}), e.g. the edge's trust settings. */
    public static Replica of(Environment first, String... settings) {
        SpringApplication application = new SpringApplication(AtriumApplication.class);
        // Only Atrium itself: the test sources' components (test helpers, probe endpoints) stay out of the replica.
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("replicaSkipsTestClasses", new TypeExcludeFilter() {
                    @Override
                    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
                        return reader.getResource().getURI().toString().contains("/test-classes/");
                    }
                }));
        String[] arguments = Stream.concat(
                        Stream.of(
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--logging.level.root=warn",
                                "--atrium.database.url=" + first.getRequiredProperty("spring.datasource.url"),
                                "--atrium.database.username=" + first.getRequiredProperty("spring.datasource.username"),
                                "--atrium.database.password=",
                                "--atrium.redis.url=" + first.getRequiredProperty("spring.data.redis.url"),
                                "--atrium.jwt.secret=" + SHARED_JWT_SECRET),
                        Stream.of(settings))
                .toArray(String[]::new);
        ConfigurableApplicationContext context = application.run(arguments);
        return new Replica(context);
    }

    public String baseUrl() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
