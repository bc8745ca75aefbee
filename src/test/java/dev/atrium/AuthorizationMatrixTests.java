package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.TestAccounts.SignedInUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what: every API operation, called by each kind of caller (nobody, the owner of the things it acts on,
 * another user, an app token of the owner's AR project, an app token of another project, an administrator), answers the
 * status the table says. An operation that appears without a row fails the test: a new endpoint must say who may call
 * it. Operations that destroy what they act on get fresh things to destroy for every call.
 */
@AtriumTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    enum Caller {
        ANONYMOUS,
        OWNER,
        OTHER,
        APP,
        OTHER_APP,
        ADMIN
    }

    /**
     * One operation: the statuses expected for each caller, in {@link Caller} order, and how to call it.
     *
     * @param fresh whether each call needs things of its own (the operation ends, deletes or uses them up)
     */
    record Row(String operation, int[] expected, Body body, boolean fresh, BiConsumer<World, Caller> before) {}

    sealed interface Body {}

    record None() implements Body {}

    record Json(String template) implements Body {}

    record Form(String template) implements Body {}

    record Image(String field) implements Body {}

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    final JsonMapper json = JsonMapper.builder().build();
    final List<Row> rows = new ArrayList<>();
    World shared;
    byte[] png;
    String jpeg;

    @BeforeAll
    void theTable() throws Exception {
        png = Files.readAllBytes(Path.of("postman/avatar.png"));
        jpeg = jpegBase64();

        String anyone = "200 200 200 200 200 200";
        String users = "401 200 200 403 403 200";
        String ownerOnly = "401 200 403 403 403 200";
        String adminOnly = "401 403 403 403 403 200";

        // Signing in, seed 000's page, sessions
        row("POST /api", anyone, new Form("login={ownerEmail}&password=" + TestAccounts.PASSWORD));
        for (String path : List.of("/api/auth", "/api/login", "/api/login/")) {
            row(
                    "POST " + path,
                    anyone,
                    json("{\"email\":\"{ownerEmail}\",\"password\":\"" + TestAccounts.PASSWORD + "\"}"));
        }
        fresh("POST /api/refresh", anyone, json("{\"refresh\":\"{ownerRefresh}\"}"));
        fresh("POST /api/logout", "401 204 204 403 403 204", new None());
        row("GET /api/sessions", users, new None());
        fresh("DELETE /api/sessions/{ownerSession}", "401 204 404 403 403 404", new None());
        row("GET /api/schema", anyone, new None());
        row("GET /api/schema.yaml", anyone, new None());
        row("GET /api/schema/swagger-config", anyone, new None());
        row("GET /api/docs", "302 302 302 302 302 302", new None());

        // Users
        row(
                "POST /api/users",
                "201 201 201 201 201 201",
                json("{\"email\":\"{newEmail}\",\"password\":\"a fresh passphrase\"}"));
        // Seed 003: users are read without a token (public fields only), but not by app tokens.
        String anyoneButApps = "200 200 200 403 403 200";
        row("GET /api/users", anyoneButApps, new None());
        row("GET /api/users/{owner}", anyoneButApps, new None());
        row("PATCH /api/users/{owner}", ownerOnly, json("{\"first_name\":\"Changed\"}"));
        String wholeProfile = "{\"email\":\"{ownerEmail}\",\"first_name\":\"Whole\",\"last_name\":\"Profile\","
                + "\"phone\":\"\",\"organizations\":[]}";
        row("PUT /api/users/{owner}", ownerOnly, json(wholeProfile));
        fresh("DELETE /api/users/{owner}", "401 204 403 403 403 204", new None());
        row("GET /api/users/me", users, new None());
        row("PATCH /api/users/me", users, json("{\"last_name\":\"Changed\"}"));
        row("PUT /api/users/me", users, json(wholeProfile.replace("{ownerEmail}", "{callerEmail}")));
        fresh("DELETE /api/users/me", "401 204 204 403 403 204", new None());
        fresh(
                "POST /api/users/me/password",
                "401 204 204 403 403 204",
                json("{\"old_password\":\"" + TestAccounts.PASSWORD + "\",\"new_password\":\"another passphrase\"}"));
        rows.add(new Row(
                "GET /api/users/me/avatar",
                statuses("401 200 404 403 403 404"),
                new None(),
                false,
                (world, caller) -> world.value("avatarFile")));
        row("PUT /api/users/me/avatar", users, new Image("avatar"));
        row("POST /api/users/me/avatar", users, new Image("avatar"));
        fresh("DELETE /api/users/me/avatar", "401 204 204 403 403 204", new None());
        row("GET /api/users/{owner}/avatar", anyone, new None());
        row("GET /api/users/{owner}/avatar/{avatarFile}", anyone, new None());

        // Organizations
        row("GET /api/organizations", users, new None());
        row("POST /api/organizations", "401 201 201 403 403 201", json("{\"name\":\"Org {unique}\"}"));
        row("GET /api/organizations/{organization}", users, new None());
        row("PATCH /api/organizations/{organization}", ownerOnly, json("{\"description\":\"Changed\"}"));
        fresh("DELETE /api/organizations/{organization}", "401 204 403 403 403 204", new None());
        fresh(
                "POST /api/organizations/{organization}/members",
                "401 201 403 403 403 201",
                json("{\"user\":{newMember}}"));
        fresh("DELETE /api/organizations/{organization}/members/{member}", "401 204 403 403 403 204", new None());

        // Catalogue
        for (String path : List.of(
                "/api/products",
                "/api/products/{product}",
                "/api/products/{product}/photo",
                "/api/shops",
                "/api/shops/{shop}",
                "/api/shops/{shop}/products",
                "/api/offers",
                "/api/offers/{offer}")) {
            row("GET " + path, anyone, new None());
        }
        row("POST /api/products", "401 403 403 403 403 201", json("{\"name\":\"Widget {unique}\",\"price\":9.99}"));
        row("PATCH /api/products/{product}", adminOnly, json("{\"description\":\"Changed\"}"));
        fresh("DELETE /api/products/{product}", "401 403 403 403 403 204", new None());
        row("PUT /api/products/{product}/photo", adminOnly, new Image("photo"));
        fresh("DELETE /api/products/{product}/photo", "401 403 403 403 403 204", new None());
        row("POST /api/shops", "401 403 403 403 403 201", json("{\"name\":\"Shop {unique}\"}"));
        row("PATCH /api/shops/{shop}", adminOnly, json("{\"name\":\"Shop {unique}\"}"));
        fresh("DELETE /api/shops/{shop}", "401 403 403 403 403 204", new None());
        row("PUT /api/shops/{shop}/stock/{product}", adminOnly, json("{\"quantity\":500,\"reason\":\"matrix\"}"));
        fresh("DELETE /api/shops/{shop}/stock/{product}", "401 403 403 403 403 204", new None());
        row("GET /api/shops/{shop}/stock-adjustments", adminOnly, new None());
        row(
                "POST /api/offers",
                "401 403 403 403 403 201",
                json(
                        "{\"name\":\"Offer {unique}\",\"kind\":\"percent_off_product\",\"product\":{product},\"percent\":5}"));
        row("PATCH /api/offers/{offer}", adminOnly, json("{\"name\":\"Offer {unique}\"}"));

        // Orders and carts
        String order = "{\"parts\":[{\"product\":{product},\"quantity_in_order\":1}],\"shop\":{shop}}";
        row("POST /api/order", "401 201 201 403 403 201", json(order));
        row("POST /api/order/quote", users, json(order));
        row("GET /api/my-orders", users, new None());
        row("GET /api/orders", adminOnly, new None());
        row("GET /api/orders/{order}", "401 200 404 403 403 200", new None());
        fresh("PATCH /api/orders/{order}", adminOnly, json("{\"status\":\"paid\"}"));
        String cart = "{\"items\":[{\"product\":{product},\"quantity\":1,\"shop\":{shop}}]}";
        row("GET /api/cart", users, new None());
        row("PUT /api/cart", users, json(cart));
        row("POST /api/cart/items", users, json("{\"product\":{product},\"quantity\":1,\"shop\":{shop}}"));
        rows.add(new Row("DELETE /api/cart/items/{product}", statuses(users), new None(), false, this::fillCart));
        rows.add(new Row(
                "POST /api/cart/checkout", statuses("401 201 201 403 403 201"), new None(), false, this::fillCart));

        // AR projects, app tokens, image targets
        String projectOwner = "401 200 404 403 403 200";
        String targets = "401 200 404 200 403 200";
        row("GET /api/project", users, new None());
        row("POST /api/project", "401 201 201 403 403 201", json("{\"name\":\"Project {unique}\"}"));
        row("GET /api/project/{project}", projectOwner, new None());
        row("PUT /api/project/{project}", projectOwner, json("{\"name\":\"Project {unique}\"}"));
        row("PATCH /api/project/{project}", projectOwner, json("{\"name\":\"Project {unique}\"}"));
        fresh("DELETE /api/project/{project}", "401 204 404 403 403 204", new None());
        rows.add(new Row(
                "POST /api/project/{project}/restore",
                statuses("401 403 403 403 403 200"),
                new None(),
                true,
                (world, caller) -> {
                    if (caller == Caller.ADMIN) {
                        call(world, Caller.OWNER, "DELETE", "/api/project/" + world.value("project"), new None());
                    }
                }));
        row("POST /api/project/{project}/jwt", "401 201 404 403 403 201", json("{}"));
        row("GET /api/project/{project}/jwt", projectOwner, new None());
        row("GET /api/project/{project}/jwt/{token}", projectOwner, new None());
        row("PATCH /api/project/{project}/jwt/{token}", projectOwner, json("{\"ttl_seconds\":3600}"));
        row("PUT /api/project/{project}/jwt/{token}", projectOwner, json("{\"ttl_seconds\":3600}"));
        fresh("DELETE /api/project/{project}/jwt/{token}", "401 204 404 403 403 204", new None());
        // Seed 003's one path, the token named in the body or the query
        row("PATCH /api/project/{project}/jwt", projectOwner, json("{\"id\":\"{token}\",\"ttl_seconds\":3600}"));
        row("PUT /api/project/{project}/jwt", projectOwner, json("{\"token_id\":\"{token}\",\"ttl\":3600}"));
        row("PATCH /api/project/{project}/jwt?id={token}", projectOwner, json("{\"ttl_seconds\":3600}"));
        fresh("DELETE /api/project/{project}/jwt", "401 204 404 403 403 204", json("{\"id\":\"{token}\"}"));
        fresh("DELETE /api/project/{project}/jwt?token_id={token}", "401 204 404 403 403 204", new None());
        row("GET /api/project/{project}/imagetarget", targets, new None());
        row(
                "POST /api/project/{project}/imagetarget",
                "401 201 404 201 403 201",
                json("{\"image\":\"{jpeg}\",\"description\":\"matrix\"}"));
        row("GET /api/project/{project}/imagetarget/{target}", targets, new None());
        row("GET /api/project/{project}/imagetarget/{target}/image", targets, new None());
        row("GET /api/project/{project}/imagetarget/{target}/duplicates", targets, new None());
        row("GET /api/project/{project}/imagetarget/summary", targets, new None());
        row(
                "POST /api/project/{project}/imagetarget/similar",
                "401 200 404 200 403 200",
                json("{\"image\":\"{jpeg}\"}"));
        row("POST /api/project/{project}/recognize", "401 200 404 200 403 200", json("{\"image\":\"{jpeg}\"}"));
        row(
                "PUT /api/project/{project}/imagetarget/{target}",
                targets,
                json("{\"image\":\"{jpeg}\",\"description\":\"put\"}"));
        row("PATCH /api/project/{project}/imagetarget/{target}", targets, json("{\"description\":\"patched\"}"));
        fresh("DELETE /api/project/{project}/imagetarget/{target}", "401 204 404 204 403 204", new None());

        shared = new World();
    }

    @Test
    void every_api_operation_has_a_row() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api"))
                        .forEach(pattern -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method ->
                                        served.add(method.name() + " " + pattern.replaceAll("\\{[^}]+}", "*")))));
        Set<String> inTable = new TreeSet<>();
        rows.forEach(row -> inTable.add(row.operation().replaceAll("\\{[^}]+}", "*")));
        served.removeIf(operation -> operation.startsWith("GET /api/probe") || operation.startsWith("POST /api/probe"));
        assertThat(inTable).as("operations served but missing from the table").containsAll(served);
    }

    @TestFactory
    Stream<DynamicTest> each_caller_gets_the_status_the_table_says() {
        return rows.stream()
                .map(row -> DynamicTest.dynamicTest(row.operation(), () -> {
                    Map<Caller, Integer> actual = new LinkedHashMap<>();
                    for (Caller caller : Caller.values()) {
                        // Refusals leave things as they were, so only callers expected to succeed need things of their
                        // own.
                        boolean succeeds = row.expected()[caller.ordinal()] < 300;
                        World world = row.fresh() && succeeds ? new World() : shared;
                        row.before().accept(world, caller);
                        String[] parts = row.operation().split(" ", 2);
                        actual.put(caller, call(world, caller, parts[0], world.resolve(parts[1]), row.body()));
                    }
                    Map<Caller, Integer> expected = new LinkedHashMap<>();
                    for (Caller caller : Caller.values()) {
                        expected.put(caller, row.expected()[caller.ordinal()]);
                    }
                    assertThat(actual).as(row.operation()).isEqualTo(expected);
                }));
    }

    private int call(World world, Caller caller, String method, String path, Body body) {
        String token = world.token(caller);
        Api.Client client = token == null ? api.anonymous() : api.as(token);
        var request = mvc.method(HttpMethod.valueOf(method))
                .uri(path)
                .with(TestAccounts.freshAddress())
                .with(client);
        if (body instanceof Json(String template)) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .content(world.resolve(template.replace("{callerEmail}", world.email(caller))));
        } else if (body instanceof Form(String template)) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(world.resolve(template));
        }
        MvcTestResult result;
        if (body instanceof Image(String field)) {
            var multipart = mvc.method(HttpMethod.valueOf(method))
                    .uri(path)
                    .with(TestAccounts.freshAddress())
                    .multipart()
                    .file(new MockMultipartFile(field, "picture.png", "image/png", png))
                    .with(client);
            result = multipart.exchange();
        } else {
            result = request.exchange();
        }
        return result.getResponse().getStatus();
    }

    private void fillCart(World world, Caller caller) {
        call(
                world,
                caller,
                "PUT",
                "/api/cart",
                json("{\"items\":[{\"product\":{product},\"quantity\":1,\"shop\":{shop}}]}"));
    }

    /**
     * Everything the operations act on, owned by a user of its own, made when first needed; the other callers are
     * users of their own too.
     */
    final class World {
        final SignedInUser owner = accounts.signedInUser();
        final SignedInUser other = accounts.signedInUser();
        final SignedInUser admin = accounts.signedInAdmin();
        private final Map<String, String> made = new LinkedHashMap<>();

        String token(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> null;
                case OWNER -> owner.access();
                case OTHER -> other.access();
                case APP -> value("appToken");
                case OTHER_APP -> value("otherAppToken");
                case ADMIN -> admin.access();
            };
        }

        /** The caller's own email, for a body that must name it (a full update of one's profile). */
        String email(Caller caller) {
            return switch (caller) {
                case OWNER -> owner.email();
                case OTHER -> other.email();
                case ADMIN -> admin.email();
                default -> "nobody@example.com";
            };
        }

        String resolve(String template) {
            String resolved = template.replace("{ownerEmail}", owner.email())
                    .replace("{ownerRefresh}", owner.refresh())
                    .replace("{owner}", Long.toString(owner.id()))
                    .replace("{newEmail}", "matrix-" + UUID.randomUUID() + "@example.com")
                    .replace("{unique}", UUID.randomUUID().toString());
            for (String name : List.of(
                    "ownerSession",
                    "member",
                    "newMember",
                    "avatarFile",
                    "organization",
                    "project",
                    "token",
                    "target",
                    "shop",
                    "product",
                    "offer",
                    "order",
                    "jpeg")) {
                if (resolved.contains("{" + name + "}")) {
                    resolved = resolved.replace("{" + name + "}", value(name));
                }
            }
            return resolved;
        }

        String value(String name) {
            if (name.equals("avatarFile")) {
                // Uploads replace the file under a new name: always the current one.
                value("avatar");
                String avatar = body(get(owner, "/api/users/me")).get("avatar").asString();
                return avatar.substring(avatar.lastIndexOf('/') + 1);
            }
            String known = made.get(name);
            if (known != null) {
                return known;
            }
            String value = switch (name) {
                case "jpeg" -> jpeg;
                case "ownerSession" ->
                    body(get(owner, "/api/sessions"))
                            .get("results")
                            .get(0)
                            .get("id")
                            .asString();
                case "member" -> {
                    String member = Long.toString(accounts.user().id());
                    post(
                            owner,
                            "/api/organizations/" + value("organization") + "/members",
                            "{\"user\":" + member + "}");
                    yield member;
                }
                case "newMember" -> Long.toString(accounts.user().id());
                case "avatar" -> {
                    call(this, Caller.OWNER, "PUT", "/api/users/me/avatar", new Image("avatar"));
                    yield "uploaded";
                }

                case "organization" ->
                    id(post(owner, "/api/organizations", "{\"name\":\"Matrix " + UUID.randomUUID() + "\"}"));
                case "project" -> id(post(owner, "/api/project", "{\"name\":\"Matrix " + UUID.randomUUID() + "\"}"));
                case "otherProject" ->
                    id(post(other, "/api/project", "{\"name\":\"Matrix " + UUID.randomUUID() + "\"}"));
                case "appToken", "token" -> {
                    JsonNode token = body(post(owner, "/api/project/" + value("project") + "/jwt", "{}"));
                    made.put("token", token.get("id").asString());
                    made.put("appToken", token.get("token").asString());
                    yield made.get(name);
                }
                case "otherAppToken" ->
                    body(post(other, "/api/project/" + value("otherProject") + "/jwt", "{}"))
                            .get("token")
                            .asString();
                case "target" ->
                    id(post(
                            owner,
                            "/api/project/" + value("project") + "/imagetarget",
                            "{\"image\":\"" + jpeg + "\",\"description\":\"matrix\"}"));
                case "shop" -> id(post(admin, "/api/shops", "{\"name\":\"Matrix " + UUID.randomUUID() + "\"}"));
                case "product" -> {
                    String product = id(post(admin, "/api/products", "{\"name\":\"Matrix widget\",\"price\":4.50}"));
                    made.put("product", product);
                    put(
                            admin,
                            "/api/shops/" + value("shop") + "/stock/" + product,
                            "{\"quantity\":100000,\"reason\":\"matrix\"}");
                    call(this, Caller.ADMIN, "PUT", "/api/products/" + product + "/photo", new Image("photo"));
                    yield product;
                }
                case "offer" ->
                    id(post(
                            admin,
                            "/api/offers",
                            "{\"name\":\"Matrix offer\",\"kind\":\"percent_off_product\",\"product\":"
                                    + value("product") + ",\"percent\":5}"));
                case "order" ->
                    id(post(
                            owner,
                            "/api/order",
                            "{\"parts\":[{\"product\":" + value("product") + ",\"quantity_in_order\":1}],\"shop\":"
                                    + value("shop") + "}"));
                default -> throw new IllegalArgumentException(name);
            };
            made.put(name, value);
            return value;
        }

        private String id(String answer) {
            return body(answer).get("id").asString();
        }

        private String get(SignedInUser user, String path) {
            return answer(
                    "GET " + path,
                    api.as(user).with(TestAccounts.freshAddress()).get(path));
        }

        private String post(SignedInUser user, String path, String body) {
            return answer(
                    "POST " + path,
                    api.as(user).with(TestAccounts.freshAddress()).post(path, body));
        }

        private String put(SignedInUser user, String path, String body) {
            return answer(
                    "PUT " + path,
                    api.as(user).with(TestAccounts.freshAddress()).put(path, body));
        }

        /** The body of a call that makes the world; a refusal there is a broken fixture, not a finding. */
        private String answer(String call, MvcTestResult result) {
            try {
                String answer = result.getResponse().getContentAsString();
                if (result.getResponse().getStatus() >= 300) {
                    throw new IllegalStateException(
                            call + " -> " + result.getResponse().getStatus() + ": " + answer);
                }
                return answer;
            } catch (java.io.UnsupportedEncodingException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private JsonNode body(String answer) {
            return json.readTree(answer);
        }
    }

    private void row(String operation, String expected, Body body) {
        rows.add(new Row(operation, statuses(expected), body, false, (world, caller) -> {}));
    }

    private void fresh(String operation, String expected, Body body) {
        rows.add(new Row(operation, statuses(expected), body, true, (world, caller) -> {}));
    }

    private static Json json(String template) {
        return new Json(template);
    }

    private static int[] statuses(String expected) {
        return Stream.of(expected.split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    private static String jpegBase64() throws Exception {
        var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
