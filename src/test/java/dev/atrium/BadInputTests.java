package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throws random and malformed input at every operation of the OpenAPI document: wrong types, huge numbers, deep nesting,
 * 10 MB strings, invalid UTF-8, duplicate keys, nulls, junk query parameters and headers. Whatever comes in, the answer
 * is never a 5xx and never a stack trace; a refusal is a problem ({@code application/problem+json}) and writes nothing.
 * The inputs come from a seeded generator, so a failure can be replayed ({@code -Datrium.fuzz.seed=...}); new endpoints
 * are covered as soon as they are in the document.
 */
@AtriumTest
class BadInputTests {

    static final long SEED = Long.getLong("atrium.fuzz.seed", 20261122L);
    static final int INPUTS_PER_OPERATION = Integer.getInteger("atrium.fuzz.inputs", 40);
    static final AtomicInteger tried = new AtomicInteger();

    /** Endpoints whose refusals keep an older contract's JSON shape instead of a problem (seed 000's page). */
    static final List<String> SEED_SHAPED = List.of("POST /api");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void report() {
        System.out.println("BadInputTests: " + tried.get() + " malformed inputs tried, seed " + SEED);
    }

    @TestFactory
    Stream<DynamicTest> no_malformed_input_gets_a_server_error_or_writes_anything() throws Exception {
        JsonNode document = json.readTree(
                mvc.get().uri("/api/schema").exchange().getResponse().getContentAsString());
        String bearer = accounts.signedInUser().bearer();
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : document.get("paths").propertyNames()) {
            for (String method : document.get("paths").get(path).propertyNames()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase() + " " + path;
                tests.add(DynamicTest.dynamicTest(operation, () -> fuzz(operation, path, method, bearer)));
            }
        }
        return tests.stream();
    }

    private void fuzz(String operation, String path, String method, String bearer) throws Exception {
        Random random = new Random(SEED ^ operation.hashCode());
        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        boolean anyAccepted = false;
        for (int i = 0; i < INPUTS_PER_OPERATION; i++) {
            Input input = input(random, method);
            String uri = path.replaceAll("\\{[^}]+}", pathValue(random)) + input.query();
            var request = mvc.method(HttpMethod.valueOf(method.toUpperCase()))
                    .uri(uri)
                    .with(TestAccounts.freshAddress())
                    .header("Authorization", random.nextInt(4) == 0 ? junkAuthorization(random) : bearer);
            input.headers().forEach(request::header);
            if (input.body() != null) {
                request.contentType(input.contentType()).content(input.body());
            }
            MvcTestResult result = request.exchange();
            tried.incrementAndGet();
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString();
            String described = operation + " with " + input.description() + " -> " + status;
            if (status >= 500) {
                failures.add(described + ": " + body);
            } else if (status >= 400
                    && !SEED_SHAPED.contains(operation)
                    && !String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")) {
                failures.add(
                        described + ": not a problem (" + result.getResponse().getContentType() + ")");
            } else if (body.contains("\tat ") || body.contains("Exception")) {
                failures.add(described + ": leaks internals: " + body);
            }
            anyAccepted |= status < 400;
        }
        assertThat(failures).as(operation).isEmpty();
        if (!anyAccepted) {
            assertThat(rowCounts())
                    .as(operation + ": refused inputs must write nothing")
                    .isEqualTo(before);
        }
    }

    record Input(String description, String query, Map<String, String> headers, MediaType contentType, byte[] body) {}

    private Input input(Random random, String method) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextInt(5) == 0) {
            headers.put("Idempotency-Key", pick(random, "", "x".repeat(300), "é\u0000", "key with spaces", "42"));
        }
        if (random.nextInt(6) == 0) {
            headers.put("Accept", pick(random, "text/csv", "*/*", "application/json", "nonsense"));
        }
        String query = random.nextInt(3) == 0 ? junkQuery(random) : "";
        if (method.equals("get") || method.equals("delete")) {
            return new Input("query " + query, query, headers, MediaType.APPLICATION_JSON, null);
        }
        List<Supplier<Input>> kinds = List.of(
                () -> body("wrong types", wrongTypes(random)),
                () -> body(
                        "huge numbers",
                        "{\"quantity_in_order\": 1e309, \"price\": 99999999999999999999999999, "
                                + "\"product\": -9223372036854775809, \"ttl_seconds\": 1.7976931348623157E309}"),
                () -> body("deep nesting", "[".repeat(5000) + "]".repeat(5000)),
                () -> body("a 10 MB string", "{\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}"),
                () -> new Input("invalid UTF-8", "", Map.of(), MediaType.APPLICATION_JSON, invalidUtf8()),
                () -> body("duplicate keys", "{\"name\":\"a\",\"name\":\"b\",\"email\":\"x@y.z\",\"email\":\"u@v.w\"}"),
                () -> body(
                        "nulls",
                        "{\"name\":null,\"email\":null,\"password\":null,\"parts\":null,"
                                + "\"items\":null,\"image\":null,\"description\":null,\"organizations\":null}"),
                () -> body("null", "null"),
                () -> body("an array", "[1,2,3]"),
                () -> body("a string", "\"just a string\""),
                () -> body("broken JSON", pick(random, "{", "{\"a\":}", "{'single':'quotes'}", "{\"a\":1,}", "")),
                () -> body("random bytes", randomText(random)),
                () -> new Input(
                        "a form",
                        "",
                        Map.of(),
                        MediaType.APPLICATION_FORM_URLENCODED,
                        "name=%ZZ&&=&email".getBytes(StandardCharsets.UTF_8)),
                () -> new Input("XML", "", Map.of(), MediaType.APPLICATION_XML, "<a><b/></a>".getBytes()));
        Input kind = kinds.get(random.nextInt(kinds.size())).get();
        return new Input(kind.description(), query, headers, kind.contentType(), kind.body());
    }

    private static Input body(String description, String json) {
        return new Input(description, "", Map.of(), MediaType.APPLICATION_JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String wrongTypes(Random random) {
        String[] values = {"true", "\"a string\"", "[]", "{}", "-1", "0", "3.5", "\"\"", "\"2026-13-45\"", "1e3"};
        String[] fields = {
            "name",
            "email",
            "password",
            "first_name",
            "phone",
            "organizations",
            "parts",
            "product",
            "quantity_in_order",
            "shop",
            "items",
            "quantity",
            "price",
            "description",
            "image",
            "ttl_seconds",
            "refresh",
            "username",
            "login",
            "user",
            "status",
            "old_password",
            "new_password",
            "roles",
            "active"
        };
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append('"').append(fields[i]).append("\":").append(values[random.nextInt(values.length)]);
        }
        return body.append('}').toString();
    }

    private static String junkQuery(Random random) {
        return "?"
                + pick(
                        random,
                        "page=0&limit=0",
                        "page=-1",
                        "page=abc&limit=xyz",
                        "page=99999999999999999999",
                        "limit=1000000",
                        "min_price=abc&max_price=-5",
                        "min_price=10&max_price=1",
                        "in_stock=maybe",
                        "ordering=drop%20table",
                        "shop=%27%3B--",
                        "q=" + "%F0%9F%92%A9".repeat(200),
                        "q=%00%FF");
    }

    private static String pathValue(Random random) {
        return pick(random, "1", "0", "-1", "999999999", "abc", "99999999999999999999", "%20", "1.5");
    }

    private static String junkAuthorization(Random random) {
        return pick(
                random, "Bearer", "Bearer garbage", "Basic Zm9vOmJhcg==", "Bearer a.b.c", "bearer " + "x".repeat(9000));
    }

    private static byte[] invalidUtf8() {
        byte[] prefix = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(bad, 0, all, prefix.length, bad.length);
        System.arraycopy(suffix, 0, all, prefix.length + bad.length, suffix.length);
        return all;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(0x2FFF) + 1));
        }
        return text.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    /** Rows in every table of Atrium's schema, to see that a refused request wrote nothing. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name""").query(String.class).list();
        for (String table : tables) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM \"" + table + "\"")
                            .query(Long.class)
                            .single());
        }
        return counts;
    }
}
