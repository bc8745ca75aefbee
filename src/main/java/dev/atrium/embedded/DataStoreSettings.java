package dev.atrium.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides where PostgreSQL and Redis are before anything connects to them.
 *
 * <p>External mode: {@code ATRIUM_DATABASE_URL} and {@code ATRIUM_REDIS_URL} (or Spring's own
 * {@code spring.datasource.url} and {@code spring.data.redis.*}) name both servers, and nothing is started.
 * Embedded mode: neither is named, and both are started here, keeping their data under {@code ATRIUM_DATA_DIR}.
 * Naming only one of the two is refused: replicas that shared a database but not their sessions would break
 * Atrium's promises silently.
 */
public final class DataStoreSettings implements EnvironmentPostProcessor, Ordered {

    /** The JVM-wide servers of throwaway (test) data, shared by every application context of that JVM. */
    private static @Nullable EmbeddedServers ephemeralServers;

    private final Log log;

    public DataStoreSettings(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DataStoreSettings.class);
    }

    @Override
    public int getOrder() {
        // After application.yml and the profiles have been read.
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> settings = new LinkedHashMap<>();
        String databaseUrl = environment.getProperty("atrium.database.url");
        String redisUrl = environment.getProperty("atrium.redis.url");
        if (StringUtils.hasText(databaseUrl)) {
            settings.putAll(jdbcSettings(
                    databaseUrl,
                    environment.getProperty("atrium.database.username"),
                    environment.getProperty("atrium.database.password")));
        }
        if (StringUtils.hasText(redisUrl)) {
            settings.put("spring.data.redis.url", redisUrl);
        }
        boolean databaseNamed = StringUtils.hasText(databaseUrl)
                || StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean redisNamed = StringUtils.hasText(redisUrl)
                || StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(environment.getProperty("spring.data.redis.host"));
        String command = environment.getProperty("atrium.command", "serve");
        if (command.equals("unlock")) {
            // The unlock command works on the sign-in throttle's counts in Redis alone: it needs no database (which may
            // be the very thing in trouble) and starts no server; without a Redis named it refuses, saying why.
            settings.put("atrium.mode", redisNamed ? "external" : "embedded");
            environment.getPropertySources().addFirst(new MapPropertySource("atriumDataStores", settings));
            return;
        }
        if (databaseNamed != redisNamed) {
            throw new IllegalStateException(
                    databaseNamed
                            ? "A database is configured but Redis is not: set ATRIUM_REDIS_URL too (or neither, for embedded mode)"
                            : "Redis is configured but the database is not: set ATRIUM_DATABASE_URL too (or neither, for embedded mode)");
        }
        boolean embedded = !databaseNamed;
        if (embedded && !environment.getProperty("atrium.embedded.enabled", Boolean.class, true)) {
            // The container image: there is nothing to embed, and starting without a database must say so plainly.
            throw new IllegalStateException(
                    "No database is configured and embedded mode is off: set ATRIUM_DATABASE_URL and ATRIUM_REDIS_URL");
        }
        settings.put("atrium.mode", embedded ? "embedded" : "external");
        if (embedded) {
            EmbeddedServers servers = startServers(environment, command.equals("serve"), application);
            settings.put("spring.datasource.url", servers.jdbcUrl());
            settings.put("spring.datasource.username", "postgres");
            settings.put("spring.datasource.password", "");
            if (servers.hasRedis()) {
                settings.put("spring.data.redis.url", servers.redisUrl());
            }
        }
        if (!command.equals("serve")) {
            // A one-shot command answers no request: it may wait on the database as long as its work takes.
            settings.put("spring.datasource.hikari.data-source-properties[socketTimeout]", "0");
            settings.put("spring.datasource.hikari.data-source-properties[options]", "-c statement_timeout=0");
            settings.put("spring.datasource.hikari.connection-timeout", "30000");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("atriumDataStores", settings));

        // Serving in embedded mode brings its own schema up to date; external deployments run `migrate` once instead,
        // so that several replicas never race to change the schema. Explicit settings win over these defaults.
        boolean migrate = command.equals("migrate")
                || command.equals("seed")
                || embedded
                || environment.getProperty("atrium.migrate-on-start", Boolean.class, false);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.flyway.enabled", migrate);
        String url = environment.getProperty("spring.datasource.url");
        if (migrate && command.equals("serve") && url != null) {
            // Migrations at start run on a connection of their own rather than one of the pool, whose limits
            // (statement_timeout, the socket read limit) are there to answer requests quickly: a migration is none.
            defaults.put("spring.flyway.url", url);
            String username = environment.getProperty("spring.datasource.username");
            if (username != null) {
                defaults.put("spring.flyway.user", username);
                defaults.put("spring.flyway.password", environment.getProperty("spring.datasource.password", ""));
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource("atriumDataStoreDefaults", defaults));
    }

    private EmbeddedServers startServers(
            ConfigurableEnvironment environment, boolean withRedis, SpringApplication application) {
        boolean ephemeral = environment.getProperty("atrium.embedded.ephemeral", Boolean.class, false);
        boolean durable = environment.getProperty("atrium.embedded.durable", Boolean.class, true);
        if (ephemeral) {
            synchronized (DataStoreSettings.class) {
                if (ephemeralServers == null) {
                    Path directory = createTempDirectory();
                    ephemeralServers = EmbeddedServers.launch(directory, true, true, durable, true);
                }
                EmbeddedServers servers = ephemeralServers;
                application.addInitializers(
                        context -> context.getBeanFactory().registerSingleton(EmbeddedServers.BEAN_NAME, servers));
                return servers;
            }
        }
        Path directory = Path.of(environment.getProperty("atrium.data-dir", "data"));
        log.info("Embedded mode: starting PostgreSQL" + (withRedis ? " and Redis" : "") + " with data in "
                + directory.toAbsolutePath().normalize());
        EmbeddedServers servers = EmbeddedServers.launch(directory, true, withRedis, durable, false);
        application.addInitializers((ConfigurableApplicationContext context) -> {
            var beanFactory = context.getBeanFactory();
            beanFactory.registerSingleton(EmbeddedServers.BEAN_NAME, servers);
            ((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(EmbeddedServers.BEAN_NAME, servers);
        });
        return servers;
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("atrium-embedded-");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Accepts {@code jdbc:postgresql://host/db} as it is, and {@code postgres://user:password@host:port/db} (the form
     * most hosting platforms hand out) turned into a JDBC URL with its credentials taken apart.
     */
    static Map<String, Object> jdbcSettings(String url, @Nullable String username, @Nullable String password) {
        Map<String, Object> settings = new LinkedHashMap<>();
        String jdbcUrl = url;
        String user = username;
        String secret = password;
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null) {
                String[] parts = userInfo.split(":", 2);
                if (!StringUtils.hasText(user)) {
                    user = decode(parts[0]);
                }
                if (parts.length == 2 && !StringUtils.hasText(secret)) {
                    secret = decode(parts[1]);
                }
            }
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            jdbcUrl = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
        } else if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(
                    "ATRIUM_DATABASE_URL must be a jdbc:postgresql:// or postgres:// URL, not " + redactedScheme(url));
        }
        settings.put("spring.datasource.url", jdbcUrl);
        if (StringUtils.hasText(user)) {
            settings.put("spring.datasource.username", user);
        }
        if (secret != null) {
            settings.put("spring.datasource.password", secret);
        }
        return settings;
    }

    private static String redactedScheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "a URL without a scheme" : "a '" + url.substring(0, colon) + ":' URL";
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
