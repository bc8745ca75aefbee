package dev.atrium;

import dev.atrium.account.SignInUnlockCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
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

    static final String USAGE = """
            Usage: java -jar atrium.jar [command] [--property=value ...]

            Commands:
              serve     serve the API, the login page and the admin panel (the default)
              migrate   apply the database migrations, then exit
              seed      apply the migrations and load the demo data (idempotent), then exit
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
                SpringApplication.run(AtriumApplication.class, properties);
                yield SERVING;
            }
            case "migrate", "seed" -> runToCompletion(command, properties, AtriumApplication.class);
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
     * Runs a one-shot command in an application made of {@code source}: the work happens while the context starts;
     * closing it ends the command.
     */
    private static int runToCompletion(String command, String[] properties, Class<?> source) {
        SpringApplication application = new SpringApplication(source);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("atrium.command", command));
        try {
            ConfigurableApplicationContext context = application.run(properties);
            return SpringApplication.exit(context);
        } catch (RuntimeException ex) {
            // Spring Boot has already reported why the context failed to start.
            return 1;
        }
    }

    private static void usage(PrintStream out) {
        out.print(USAGE);
    }
}
