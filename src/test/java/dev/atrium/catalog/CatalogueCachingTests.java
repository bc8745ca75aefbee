package dev.atrium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.catalog.internal.CataloguePages;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue lists as a browser or a proxy sees them: a strong ETag, 304 when it still has the page, a
 * Cache-Control that lets it keep the page, none of that on a problem; and an administrator's change seen at once.
 */
@AtriumTest
class CatalogueCachingTests {

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CataloguePages pages;

    final JsonMapper json = JsonMapper.builder().build();
    CatalogFixtures catalog;

    @BeforeEach
    void fixtures() {
        catalog = new CatalogFixtures(jdbc);
    }

    @Test
    void a_page_carries_a_strong_etag_and_a_cache_control_any_cache_may_follow() {
        String token = CatalogFixtures.token();
        catalog.product("Lantern " + token, "12.50");

        for (String uri :
                new String[] {"/api/products?q=" + token, "/api/shops/" + catalog.defaultShop() + "/products?q=" + token
                }) {
            MvcTestResult page = api.anonymous().get(uri);

            assertThat(page).hasStatus(200);
            assertThat(page.getResponse().getContentType()).startsWith("application/json");
            assertThat(page.getResponse().getHeader("ETag")).matches("\"[A-Za-z0-9_-]+\"");
            assertThat(page.getResponse().getHeader("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate");
            assertThat(page.getResponse().getHeader("X-Accel-Expires")).matches("@\\d+");
        }
    }

    @Test
    void the_etag_sent_back_answers_304_without_a_body() {
        String token = CatalogFixtures.token();
        catalog.product("Lantern " + token, "12.50");
        String uri = "/api/products?q=" + token;
        String etag = api.anonymous().get(uri).getResponse().getHeader("ETag");

        for (String ifNoneMatch : new String[] {etag, "\"other\", " + etag, "W/" + etag, "*"}) {
            MvcTestResult again =
                    api.anonymous().header("If-None-Match", ifNoneMatch).get(uri);

            assertThat(again).hasStatus(304);
            assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
            assertThat(again.getResponse().getHeader("ETag")).isEqualTo(etag);
            assertThat(again.getResponse().getHeader("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate");
        }
        MvcTestResult other =
                api.anonymous().header("If-None-Match", "\"other\"").get(uri);
        assertThat(other).hasStatus(200);
        assertThat(other.getResponse().getHeader("ETag")).isEqualTo(etag);
    }

    @Test
    void the_same_page_asked_for_again_is_read_from_the_database_once() {
        String token = CatalogFixtures.token();
        catalog.product("Lantern " + token, "12.50");
        String uri = "/api/products?q=" + token;
        Api.Client signedIn = api.as(accounts.signedInUser());
        long before = pages.reads();

        String first = body(api.anonymous().get(uri));
        String second = body(signedIn.get(uri));
        assertThat(api.anonymous().header("If-None-Match", "*").get(uri)).hasStatus(304);

        assertThat(second).isEqualTo(first);
        assertThat(pages.reads() - before).isEqualTo(1);
    }

    @Test
    void a_problem_carries_no_etag_and_is_never_cacheable() {
        String token = CatalogFixtures.token();
        catalog.product("Lantern " + token, "12.50");

        for (String uri : new String[] {
            "/api/products?page=0",
            "/api/products?shop=999999999",
            "/api/products?q=" + token + "&page=9",
            "/api/shops/999999999/products"
        }) {
            MvcTestResult problem = api.anonymous().get(uri);

            assertThat(problem.getResponse().getStatus()).isBetween(400, 499);
            assertThat(problem.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(problem.getResponse().getHeader("ETag")).isNull();
            assertThat(problem.getResponse().getHeader("X-Accel-Expires")).isNull();
            assertThat(problem.getResponse().getHeader("Cache-Control")).doesNotContain("public");
        }
    }

    @Test
    void an_administrators_changes_show_at_once_on_the_replica_that_made_them() {
        String token = CatalogFixtures.token();
        long shop = catalog.shop("Shop " + token);
        long lantern = catalog.product("Lantern " + token, "12.50");
        catalog.stock(shop, lantern, 3);
        String uri = "/api/shops/" + shop + "/products?q=" + token;
        assertThat(first(uri).get("price").decimalValue()).isEqualByComparingTo("12.50");
        Api.Client admin = api.as(accounts.signedInAdmin());

        assertThat(admin.patch(
                        "/api/products/" + lantern, Map.of("name", "Lamp " + token, "price", new BigDecimal("14.00"))))
                .hasStatus(200);
        JsonNode renamed = first(uri);
        assertThat(renamed.get("name").asString()).isEqualTo("Lamp " + token);
        assertThat(renamed.get("list_price").decimalValue()).isEqualByComparingTo("14.00");

        assertThat(admin.put(
                        "/api/shops/" + shop + "/stock/" + lantern,
                        Map.of("quantity", 9, "price", new BigDecimal("13.00"))))
                .hasStatus(200);
        JsonNode restocked = first(uri);
        assertThat(restocked.get("quantity").asInt()).isEqualTo(9);
        assertThat(restocked.get("price").decimalValue()).isEqualByComparingTo("13.00");

        assertThat(admin.delete("/api/shops/" + shop + "/stock/" + lantern)).hasStatus(204);
        assertThat(json.readTree(body(api.anonymous().get(uri))).get("count").asLong())
                .isZero();
    }

    private JsonNode first(String uri) {
        return json.readTree(body(api.anonymous().get(uri))).get("results").get(0);
    }

    private static String body(MvcTestResult result) {
        assertThat(result).hasStatus(200);
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
