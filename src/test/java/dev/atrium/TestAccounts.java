package dev.atrium;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Users and signed-in clients for tests: users are inserted directly (with a hash made once), tokens come from the
 * real {@code POST /api/auth}. Every user gets a fresh email and every client a fresh address, so that tests never
 * share a throttle or a session. Imported by {@link AtriumTest}; not a scanned component.
 */
public class TestAccounts {

    /** The password of every test user. */
    public static final String PASSWORD = "correct horse battery";

    /** bcrypt (cost 10) of {@link #PASSWORD}. */
    private static final String PASSWORD_HASH = "{bcrypt}$2a$10$O6uXu1TSEv.y9JjK8eW7xuURa2wOS/rPqTdn.tRabjOf8zdj5UrjK";

    private static final AtomicInteger addresses = new AtomicInteger();

    private final JdbcClient jdbc;
    private final MockMvcTester mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    TestAccounts(JdbcClient jdbc, MockMvcTester mvc) {
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    public record TestUser(long id, String email) {}

    public record SignedInUser(long id, String email, String access, String refresh) {
        public String bearer() {
            return "Bearer " + access;
        }
    }

    public TestUser user() {
        return user("USER");
    }

    public TestUser admin() {
        return user("USER", "ADMIN");
    }

    public TestUser user(String... roles) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        long id = jdbc.sql("""
                        INSERT INTO users (email, password_hash, first_name, last_name, roles)
                        VALUES (:email, :hash, 'Test', 'User', :roles) RETURNING id""")
                .param("email", email)
                .param("hash", PASSWORD_HASH)
                .param("roles", Set.of(roles).toArray(String[]::new))
                .query(Long.class)
                .single();
        return new TestUser(id, email);
    }

    public SignedInUser signedInUser() {
        return signIn(user());
    }

    public SignedInUser signedInAdmin() {
        return signIn(admin());
    }

    public SignedInUser signIn(TestUser user) {
        MvcTestResult result = mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + user.email() + "\",\"password\":\"" + PASSWORD + "\"}")
                .exchange();
        if (result.getResponse().getStatus() != 200) {
            throw new IllegalStateException(
                    "Sign-in failed: " + result.getResponse().getStatus());
        }
        JsonNode body = json.readTree(result.getResponse().getContentAsByteArray());
        return new SignedInUser(
                user.id(),
                user.email(),
                body.get("access").asString(),
                body.get("refresh").asString());
    }

    /** A client address no other test has used, so that per-address throttling never spills between tests. */
    public static RequestPostProcessor freshAddress() {
        String address = "10.1." + (addresses.incrementAndGet() / 250) + "." + (addresses.get() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
