package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** Once Atrium serves, one line says where to go and, in embedded mode, how to sign in. */
class ReadyLineTests {

    @Test
    void serving_in_embedded_mode_logs_one_line_with_the_address_the_pages_and_the_demo_sign_ins() {
        PrintStream out = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        int port;
        try (ConfigurableApplicationContext context = SpringApplication.run(
                AtriumApplication.class,
                "--spring.profiles.active=test",
                "--server.port=0",
                "--logging.level.dev.atrium.ReadyLine=info",
                "--atrium.demo-data.enabled=true",
                "--atrium.admin.email=root@example.com",
                "--atrium.admin.password=configured-admin-secret-42")) {
            port = ((WebServerApplicationContext) context).getWebServer().getPort();
        } finally {
            System.setOut(out);
        }
        String origin = "http://localhost:" + port;
        assertThat(captured.toString().lines().filter(line -> line.contains("Atrium is ready at")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(" INFO ")
                        .contains(origin + "/,", origin + "/api/docs", origin + "/admin")
                        .contains("demo@atrium.dev / demo-password", "admin@atrium.dev / admin-password")
                        .contains("alice@atrium.dev / alice-password", "bob@atrium.dev / bob-password")
                        .doesNotContain("configured-admin-secret-42"));
    }

    @Test
    void outside_embedded_mode_the_line_names_no_sign_ins() {
        var environment = new MockEnvironment()
                .withProperty("atrium.mode", "external")
                .withProperty("atrium.http.public-base-url", "https://atrium.example.com/");
        assertThat(ReadyLine.line(environment, 8080))
                .isEqualTo("Atrium is ready at https://atrium.example.com: the sign-in page is"
                        + " https://atrium.example.com/, the API docs https://atrium.example.com/api/docs,"
                        + " the admin panel https://atrium.example.com/admin")
                .doesNotContain("password");
    }

    @Test
    void without_demo_data_only_the_migrations_demo_user_is_named() {
        var environment = new MockEnvironment()
                .withProperty("atrium.mode", "embedded")
                .withProperty("atrium.demo-data.enabled", "false");
        assertThat(ReadyLine.line(environment, 8080))
                .startsWith("Atrium is ready at http://localhost:8080:")
                .endsWith("; demo sign-ins: demo@atrium.dev / demo-password");
    }
}
