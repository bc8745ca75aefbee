package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.catalog.CatalogFixtures;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API list answers a page past its end the same way, as Django REST framework does: a 404 problem that says how
 * many items there are and which page is the last. The first page of a list is never past its end. An endpoint that takes a
 * {@link PageQuery} or answers a {@link PageResponse} and is not in the table fails the test.
 */
@AtriumTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PastTheEndTests {

    /**
     * Every list of the API. {@code /api/my-orders} answers a plain list without paging parameters, as its assignment
     * says, and a page with them.
     */
    static final List<String> LISTS = List.of(
            "/api/users",
            "/api/sessions",
            "/api/organizations",
            "/api/products",
            "/api/shops",
            "/api/shops/{shop}/products",
            "/api/offers",
            "/api/orders",
            "/api/my-orders",
            "/api/project",
            "/api/project/{project}/jwt",
            "/api/project/{project}/imagetarget");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    final JsonMapper json = JsonMapper.builder().build();
    SignedInUser admin;
    long shop;
    long project;

    @BeforeAll
    void things() {
        admin = accounts.signedInAdmin();
        shop = new CatalogFixtures(jdbc).shop("Past the end");
        MvcTestResult created = mvc.post()
                .uri("/api/project")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Past the end " + admin.id() + "\"}")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        project = body(created).get("id").asLong();
    }

    Stream<String> lists() {
        return LISTS.stream();
    }

    @ParameterizedTest
    @MethodSource("lists")
    void a_page_past_the_end_is_a_404_with_the_count_and_the_last_page(String list) {
        MvcTestResult first = get(list, "?page=1&limit=1000");
        assertThat(first).hasStatusOk();
        long count = body(first).get("count").asLong();

        MvcTestResult past = get(list, "?page=1000000&limit=1000");

        assertThat(past).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(past.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(body(past).get("count").asLong()).isEqualTo(count);
        assertThat(body(past).get("last_page").asLong()).isEqualTo(Math.max(1, (count + 999) / 1000));
    }

    @Test
    void every_list_of_the_api_is_in_the_table() {
        Set<String> lists = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            // The catalogue lists answer the JSON bytes they keep in memory; their listing parameters name them.
            boolean paged = method.getReturnType().getParameterType() == PageResponse.class
                    || Stream.of(method.getMethodParameters())
                            .anyMatch(parameter -> parameter.getParameterType() == PageQuery.class)
                    || Stream.of(method.getMethod().getAnnotations())
                            .anyMatch(annotation ->
                                    annotation.annotationType().getSimpleName().equals("ListingParametersDoc"));
            if (paged && info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                info.getPatternValues().forEach(pattern -> lists.add(pattern.replaceAll("\\{[^}]+}", "*")));
            }
        });
        assertThat(lists)
                .containsExactlyInAnyOrderElementsOf(LISTS.stream()
                        .map(list -> list.replaceAll("\\{[^}]+}", "*"))
                        .toList());
    }

    private MvcTestResult get(String list, String query) {
        String uri = list.replace("{shop}", String.valueOf(shop)).replace("{project}", String.valueOf(project));
        return mvc.get()
                .uri(uri + query)
                .header("Authorization", admin.bearer())
                .exchange();
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
