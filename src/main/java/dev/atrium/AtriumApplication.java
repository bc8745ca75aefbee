package dev.atrium;

import dev.atrium.account.SignInUnlockCommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts Atrium. The first argument chooses what to do: {@code serve} (the default), {@code migrate} (bring the
 * database schema up to date and exit), {@code seed} (migrate, load the demo data and exit) or {@code unlock EMAIL}
 * (forget the account's failed sign-ins and exit). Arguments starting with {@code --} are Spring Boot properties.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AtriumApplication {

    private static final Log log = LogFactory.getLog(AtriumApplication.class);

    static final String USAGE = """
            Usage: java -jar atrium.jar [command] [--property=value ...]

            Commands:
              serve     serve the API, the sign-in page and the admin panel (the default)
              migrate   apply the database migrations, then exit
              seed      apply the migrations and load the demo data (idempotent), then exit
              seed --products N
                        the same, and add generated products until the catalogue has N (idempotent), then exit
              unlock EMAIL
                        forget the account's failed sign-ins, so that it may sign in at once, then exit
              help      show this text
            """;

    public static void main(String[] args) {
        int exitCode = run(args);
        if (exitCode != SERVING) {
            System.exit(exitCode);
        }
    }

    /** What {@link #run} returns while the server goes on serving. */
    static final int SERVING = -1;

    /** Runs the command named by the first argument and returns its exit code, or {@link #SERVING}. */
    static int run(String... args) {
        boolean named = args.length > 0 && (!args[0].startsWith("--") || args[0].equals("--help"));
        String command = named ? args[0] : "serve";
        String[] properties = named ? Arrays.copyOfRange(args, 1, args.length) : args;
        return switch (command) {
            case "serve" -> {
                SpringApplication application = new SpringApplication(AtriumApplication.class);
                yield start(application, properties, Map.of()) != null ? SERVING : 1;
            }
            case "migrate" -> runToCompletion(command, properties, AtriumApplication.class);
            case "seed" -> {
                String[] seed;
                try {
                    seed = seedProperties(properties);
                } catch (IllegalArgumentException ex) {
                    System.err.println(ex.getMessage());
                    usage(System.err);
                    yield 2;
                }
                yield runToCompletion(command, seed, AtriumApplication.class);
            }
            case "unlock" -> {
                if (Arrays.stream(properties).allMatch(argument -> argument.startsWith("--"))) {
                    System.err.println("unlock needs the email of the account to unlock");
                    usage(System.err);
                    yield 2;
                }
                // Only Redis: the lockout is counted there, and the database may be the thing that is in trouble.
                yield runToCompletion(command, properties, SignInUnlockCommand.class);
            }
            case "help", "--help", "-h" -> {
                usage(System.out);
                yield 0;
            }
            default -> {
                System.err.println("Unknown command: " + command);
                usage(System.err);
                yield 2;
            }
        };
    }

    /**
     * The seed command's arguments with {@code --products N} (or {@code --products=N}) as the property the generated
     * catalogue reads: Spring Boot would take {@code --products} for a flag and N for an argument of its own. N is a
     * whole number up to {@link #MAX_PRODUCTS}, the most the generated SKUs number (else IllegalArgumentException).
     */
    static String[] seedProperties(String[] properties) {
        List<String> translated = new ArrayList<>();
        for (int i = 0; i < properties.length; i++) {
            if (properties[i].equals("--products") && i + 1 < properties.length) {
                translated.add("--atrium.demo-data.products=" + productCount(properties[++i]));
            } else if (properties[i].startsWith("--products=")) {
                translated.add(
                        "--atrium.demo-data.products=" + productCount(properties[i].substring("--products=".length())));
            } else {
                translated.add(properties[i]);
            }
        }
        return translated.toArray(String[]::new);
    }

    /** The largest catalogue {@code seed --products} makes: generated SKUs have seven digits. */
    static final long MAX_PRODUCTS = 10_000_000;

    private static long productCount(String text) {
        try {
            long count = Long.parseLong(text.strip());
            if (count >= 0 && count <= MAX_PRODUCTS) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below, as a number out of range is.
        }
        throw new IllegalArgumentException(
                "--products needs a whole number from 0 to " + MAX_PRODUCTS + ", not '" + text + "'");
    }

    /**
     * Runs a one-shot command in an application made of {@code source}: the work happens while the context starts;
     * closing it ends the command.
     */
    private static int runToCompletion(String command, String[] properties, Class<?> source) {
        SpringApplication application = new SpringApplication(source);
        application.setWebApplicationType(WebApplicationType.NONE);
        ConfigurableApplicationContext context = start(application, properties, Map.of("atrium.command", command));
        return context != null ? SpringApplication.exit(context) : 1;
    }

    /**
     * Loggers that repeat a failed start at length (the context's warning with the whole chain of causes, the hint
     * about the condition report): while Atrium says why in one line, they keep to errors.
     */
    private static final Map<String, Object> QUIET_ON_FAILURE = Map.of(
            "logging.level.org.springframework.boot.web.server.servlet.context"
                    + ".AnnotationConfigServletWebServerApplicationContext",
            "error",
            "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext",
            "error",
            "logging.level.org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger",
            "warn");

    /**
     * Starts the application; when it cannot start, prints one line saying why and what to do, and returns null. The
     * stack trace is logged at DEBUG, and with {@code --debug} Spring Boot's full report is printed as well.
     */
    private static @Nullable ConfigurableApplicationContext start(
            SpringApplication application, String[] properties, Map<String, Object> defaults) {
        boolean debug = Arrays.asList(properties).contains("--debug");
        Map<String, Object> defaultProperties = new HashMap<>(defaults);
        if (!debug) {
            defaultProperties.putAll(QUIET_ON_FAILURE);
            StartupFailure.Quiet.activate();
        }
        application.setDefaultProperties(defaultProperties);
        try {
            return application.run(properties);
        } catch (RuntimeException ex) {
            System.err.println("Atrium could not start: " + StartupFailure.reason(ex));
            log.debug("Atrium could not start", ex);
            return null;
        } finally {
            StartupFailure.Quiet.deactivate();
        }
    }

    private static void usage(PrintStream out) {
        out.print(USAGE);
    }
}
