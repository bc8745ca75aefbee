package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.web.RawHttp;
import dev.atrium.web.RawHttp.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link BadInputTests}' companion below HTTP: raw requests, byte for byte, sent over a socket to a real Tomcat (MockMvc
 * bypasses it, and with it everything Tomcat parses and refuses itself). For every operation of the OpenAPI document it
 * sends request lines with broken or overlong percent-escapes in the path, the query and parameter names, NULs and
 * other control characters and raw bytes above 127, characters RFC 3986 does not allow, oversized and malformed
 * headers, odd or invalid media types, and form bodies with broken escapes. Whatever arrives, the answer is never a
 * 5xx; a refusal is {@code application/problem+json}; every answer carries {@code X-Request-Id} and the security
 * headers. The inputs come from a seeded generator ({@code -Datrium.fuzz.seed}); {@code -Datrium.fuzz.raw-inputs}
 * sets how many per operation (24 by default; the long run in docs/reliability.md uses 1,200).
 */
@AtriumTest
class RawBadInputTests {

    static final long SEED = Long.getLong("atrium.fuzz.seed", 20261207L);
    static final int INPUTS_PER_OPERATION = Integer.getInteger("atrium.fuzz.raw-inputs", 24);
    static final AtomicInteger tried = new AtomicInteger();
    static final AtomicInteger refused = new AtomicInteger();
    static final AtomicInteger failed = new AtomicInteger();

    static Replica replica;
    static int port;
    static String bearer;

    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    TestAccounts accounts;

    @BeforeAll
    static void start(@Autowired Environment environment) {
        replica = Replica.of(environment);
        port = Integer.parseInt(replica.baseUrl().substring(replica.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stop() {
        replica.close();
        System.out.println("RawBadInputTests: " + tried.get() + " raw inputs sent over a socket, " + refused.get()
                + " refused with a 4xx, " + failed.get() + " failed (a 5xx, or an answer without a problem body, a "
                + "request id or the security headers); seed " + SEED);
    }

    @TestFactory
    Stream<DynamicTest> no_raw_request_gets_a_server_error_or_an_answer_without_a_request_id() throws Exception {
        JsonNode document = json.readTree(send(get("/api/schema")).body());
        bearer = "Bearer " + signIn(accounts.user());
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : document.get("paths").propertyNames()) {
            for (String method : document.get("paths").get(path).propertyNames()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase() + " " + path;
                tests.add(DynamicTest.dynamicTest(operation, () -> fuzz(operation, method.toUpperCase(), path)));
            }
        }
        return tests.stream();
    }

    private void fuzz(String operation, String method, String path) throws IOException {
        Random random = new Random(SEED ^ operation.hashCode());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < INPUTS_PER_OPERATION; i++) {
            Input input = input(random, method, path);
            Answer answer = send(input.bytes());
            tried.incrementAndGet();
            String problem = problemWith(operation, answer);
            if (problem != null) {
                failures.add(input.description() + ": " + problem + " [" + answer + "]");
            } else if (answer.status() >= 400) {
                refused.incrementAndGet();
            }
        }
        failed.addAndGet(failures.size());
        assertThat(failures).as(operation).isEmpty();
    }

    private static String problemWith(String operation, Answer answer) {
        if (answer.status() == 0) {
            // HTTP/0.9 has no headers to carry anything: a refusal must still be a problem naming a request id.
            boolean refusal = answer.body().contains("\"status\":");
            return !refusal
                            || (answer.body().contains("\"status\":4")
                                    && answer.body().contains("\"request_id\""))
                    ? null
                    : "an HTTP/0.9 refusal that is not a problem";
        }
        if (answer.status() >= 500) {
            return "a server error";
        }
        if (answer.header("X-Request-Id") == null) {
            return "no X-Request-Id";
        }
        if (!"DENY".equals(answer.header("X-Frame-Options")) || answer.header("Content-Security-Policy") == null) {
            return "no security headers";
        }
        boolean seedShaped = BadInputTests.SEED_SHAPED.contains(operation)
                && String.valueOf(answer.header("Content-Type")).startsWith("application/json")
                && answer.body().contains("\"status\":\"error\"");
        if (answer.status() >= 400
                && !seedShaped
                && !String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
            return "a refusal that is not a problem";
        }
        if (answer.body().contains("Exception") || answer.body().contains("<html")) {
            return "a stack trace or an HTML page";
        }
        return null;
    }

    record Input(String description, byte[] bytes) {}

    /** One raw request: mostly well-formed around one broken part, so that each part gets through to its parser. */
    private Input input(Random random, String method, String path) {
        String target = concrete(random, path);
        String auth = random.nextBoolean() ? "Authorization: " + bearer + "\r\n" : "";
        int kind = random.nextInt(12);
        return switch (kind) {
            case 0 -> {
                String segment = pick(random, BAD_ESCAPES);
                yield request("bad escape in path " + segment, method, brokenPath(random, target, segment), auth, "");
            }
            case 1 -> {
                String escape = pick(random, BAD_ESCAPES);
                String name = pick(random, "q", "page", "limit", "ordering", "shop", "status", "in_stock", "x");
                yield request(
                        "bad escape in query " + name + "=" + escape,
                        method,
                        target + "?" + name + "=a" + escape + "b",
                        auth,
                        "");
            }
            case 2 -> {
                String escape = pick(random, BAD_ESCAPES);
                yield request(
                        "bad escape in a parameter name " + escape, method, target + "?" + escape + "=1", auth, "");
            }
            case 3 -> {
                String raw = pick(random, RAW_CHARACTERS);
                boolean inPath = random.nextBoolean();
                String where = inPath ? target + raw : target + "?q=" + raw;
                yield request(
                        "raw character " + printable(raw) + (inPath ? " in path" : " in query"),
                        method,
                        where,
                        auth,
                        "");
            }
            case 4 -> {
                int size = pick(random, 9_000, 20_000, 70_000);
                yield request(
                        "header of " + size + " bytes",
                        method,
                        target,
                        auth + "X-Big: " + "a".repeat(size) + "\r\n",
                        "");
            }
            case 5 -> {
                int size = pick(random, 9_000, 20_000, 70_000);
                yield request("URI of " + size + " characters", method, target + "?q=" + "b".repeat(size), auth, "");
            }
            case 6 -> {
                String header = pick(random, ODD_HEADERS);
                yield request("odd header " + printable(header), method, target, auth + header + "\r\n", "");
            }
            case 7 -> {
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 150; i++) {
                    many.append("X-Many-")
                            .append(i)
                            .append(": ")
                            .append("v".repeat(100))
                            .append("\r\n");
                }
                yield request("150 headers", method, target, auth + many, "");
            }
            case 8 -> {
                String type = pick(random, ODD_MEDIA_TYPES);
                String body = pick(random, "{}", "{\"email\":\"a@b.c\",\"password\":\"x\"}", "a=1", "", "\u0000");
                yield request(
                        "Content-Type " + printable(type),
                        method,
                        target,
                        auth + (type == null ? "" : "Content-Type: " + type + "\r\n"),
                        body);
            }
            case 9 -> {
                String body = pick(random, FORM_BODIES);
                yield request(
                        "form body " + printable(body),
                        method,
                        target,
                        auth + "Content-Type: application/x-www-form-urlencoded\r\n",
                        body);
            }
            case 10 -> {
                String accept = pick(random, "*/", "application/*;q=x", "\u0001", "text/html;;;", "a/b/c", "");
                yield request("Accept " + printable(accept), method, target, auth + "Accept: " + accept + "\r\n", "");
            }
            default -> {
                String line = pick(
                        random,
                        method.toLowerCase() + " " + target + " HTTP/1.1",
                        method + " " + target + " HTTP/1.0",
                        method + " " + target + " HTTP/2.0",
                        method + "  " + target + " HTTP/1.1",
                        method + " " + target,
                        method + " " + target + " HTTP/1.1 extra",
                        method + "\t" + target + " HTTP/1.1",
                        method + " http://evil.example" + target + " HTTP/1.1",
                        method + " *" + " HTTP/1.1",
                        "CONNECT evil.example:443 HTTP/1.1",
                        method + " " + target.substring(1) + " HTTP/1.1");
                yield raw(
                        "request line " + printable(line),
                        line + "\r\nHost: localhost\r\n" + auth + "Connection: close\r\n\r\n");
            }
        };
    }

    static final List<String> BAD_ESCAPES = List.of(
            "%ff",
            "%FF%FE",
            "%C0%AE",
            "%C0%AF",
            "%e2%82",
            "%ED%A0%80",
            "%F8%88%80%80%80",
            "%",
            "%z",
            "%zz",
            "%0",
            "%%",
            "%00",
            "%01",
            "%1f",
            "%7f",
            "%0d%0a",
            "%09",
            "%c2%85",
            "%ef%bf%bf",
            "%f4%8f%bf%bf",
            "%u0041",
            "%2e%2e",
            "%2f",
            "%5c",
            "%25",
            "%c3%28");

    static final List<String> RAW_CHARACTERS = List.of(
            "[", "]", "{", "}", "|", "\\", "^", "`", "\"", "<", ">", "\u0000", "\u0001", "\u007f", "\u0080", "\u00ff",
            "\u00e9", "\t", "#frag", "%", ";x=1", "/../..", "//");

    static final List<String> ODD_HEADERS = List.of(
            "X-Odd: a\u0000b",
            "X-Odd: a\u0001b",
            "X-Odd: a\u007fb",
            "X-Odd: \u00ff\u00fe",
            "X-Odd: a\u0085b",
            "X-Odd: \u0080\u009f",
            "X-Odd\u0085: 1",
            "X-Odd: a\u0085b",
            "X-Odd: \u0080\u009f",
            "X-Odd\u0085: 1",
            "Bad Header: 1",
            ": empty-name",
            "NoColon",
            "X-Folded: a\r\n  folded",
            "Content-Length: -1",
            "Content-Length: abc",
            "Transfer-Encoding: chunked, gzip",
            "Transfer-Encoding: gzip",
            "Transfer-Encoding: identity",
            "Host: second.example",
            "X-Request-Id: \u0000",
            "X-Request-Id: " + "r".repeat(500),
            "Cookie: SESSION=%ff; x=\u0001",
            "Authorization: Bearer \u00ff\u00fe",
            "If-None-Match: \u0000",
            "Range: bytes=abc",
            "Expect: 100-continue-not");

    static final List<String> ODD_MEDIA_TYPES = java.util.Arrays.asList(
            "*/*",
            "application/*",
            "*/json",
            "garbage",
            "",
            " ",
            "application/",
            "/json",
            "application/json; charset=\"",
            "application/json; charset=bogus",
            "application/json;;;",
            "application/json; =x",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "text/plain\u0001",
            "application/x-www-form-urlencoded; charset=utf-99",
            null);

    static final List<String> FORM_BODIES = List.of(
            "email=%ff&password=x", "%00=1", "a=%", "a=%zz&b=2", "%ff%fe=%ff", "a=1&&&=&", "=", "a=\u0000", "a=%C0%AE");

    private static String brokenPath(Random random, String target, String segment) {
        int slash = target.lastIndexOf('/');
        return random.nextBoolean() ? target.substring(0, slash + 1) + segment : target + "/" + segment;
    }

    /** The path with each variable given a plausible value, so that the request reaches the operation's parsers. */
    private static String concrete(Random random, String path) {
        return path.replaceAll("\\{[^}]+}", String.valueOf(1 + random.nextInt(3)));
    }

    private static Input request(String description, String method, String target, String headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + (content.length > 0 || !"GET".equals(method) ? "Content-Length: " + content.length + "\r\n" : "")
                + "Connection: close\r\n\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(content);
        return new Input(method + " " + description, bytes.toByteArray());
    }

    private static Input raw(String description, String request) {
        return new Input(description, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        text.chars().limit(60).forEach(c -> out.append(c < 0x20 || c >= 0x7f ? String.format("\\x%02x", c) : (char) c));
        return out.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static Answer send(byte[] request) throws IOException {
        return RawHttp.send(port, request);
    }

    private static Answer send(String request) throws IOException {
        return RawHttp.send(port, request);
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    private static String signIn(TestAccounts.TestUser user) throws IOException {
        String body = "{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        Answer answer = send("POST /api/auth HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body().replaceAll(".*\"access\":\"([^\"]+)\".*", "$1");
    }
}
