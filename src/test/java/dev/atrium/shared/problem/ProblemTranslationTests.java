package dev.atrium.shared.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.AtriumTest;
import dev.atrium.shared.ProbeEndpoints;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every kind of failure a client can provoke comes back as problem+json with the right status, a request id, and
 * nothing of Atrium's insides. A probe controller stands in for the modules' endpoints.
 */
@AtriumTest
@Import(ProbeEndpoints.class)
class ProblemTranslationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_statement_slower_than_the_limit_is_a_503_problem_and_the_next_request_is_served() throws Exception {
        MvcTestResult slow = mvc.get().uri("/api/probe/sleep?seconds=3").exchange();
        assertProblem(slow, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(slow.getResponse().getHeader("Retry-After")).isEqualTo(ServiceUnavailable.RETRY_AFTER_SECONDS);
        assertThat(mvc.get().uri("/api/probe/sleep?seconds=0").exchange()).hasStatusOk();
    }

    @Test
    void postgresql_itself_cancels_a_slow_statement_rather_than_the_connection_being_cut() {
        // Cancelled by statement_timeout (57014), the connection stays usable; a socket read timing out would close it.
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single())
                .isEqualTo("800ms");
        assertThatThrownBy(() -> jdbc.sql("SELECT 1 FROM pg_sleep(3)")
                        .query(Integer.class)
                        .single())
                .satisfies(failure -> assertThat(ServiceUnavailable.isDataStoreOutage(failure))
                        .isTrue())
                .rootCause()
                .isInstanceOf(SQLException.class)
                .extracting(cause -> ((SQLException) cause).getSQLState())
                .isEqualTo("57014");
    }

    @Test
    void an_unknown_path_is_a_404_problem() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/no-such-thing").exchange();
        assertProblem(result, HttpStatus.NOT_FOUND);
    }

    @Test
    void malformed_json_is_a_400_problem_that_says_where() throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/probe/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parts\": [")
                .exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("The body is not valid JSON");
    }

    @Test
    void duplicate_keys_are_refused() throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/probe/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customer\":\"a\",\"customer\":\"b\",\"parts\":[]}")
                .exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST);
    }

    @Test
    void validation_failures_name_each_field_in_snake_case() throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/probe/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customer\":\"\",\"parts\":[{\"quantity_in_order\":0}]}")
                .exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("customer", "parts[0].quantity_in_order");
    }

    @Test
    void a_value_of_the_wrong_type_names_the_field() throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/probe/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customer\":\"a\",\"parts\":[{\"quantity_in_order\":1.5}]}")
                .exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("parts[0].quantity_in_order");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be a whole number");
    }

    @Test
    void a_query_parameter_of_the_wrong_type_is_a_400_problem() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/probe/count?at_least=many").exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("at_least");
    }

    @Test
    void a_number_is_not_a_string() throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/probe/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customer\":12,\"parts\":[]}")
                .exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("customer");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be a string");
    }

    @Test
    void a_nul_character_the_database_cannot_store_is_a_400_problem() throws Exception {
        MvcTestResult result =
                mvc.get().uri("/api/products").param("q", "a\u0000b").exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST);
        assertThat(result.getResponse().getContentAsString()).contains("NUL");
    }

    @Test
    void a_wrong_method_is_a_405_problem() throws Exception {

        MvcTestResult result = mvc.delete().uri("/api/probe/orders").exchange();
        assertProblem(result, HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void a_wrong_media_type_is_a_415_problem() throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/probe/orders")
                .contentType(MediaType.TEXT_PLAIN)
                .content("parts")
                .exchange();
        assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem() throws Exception {
        String huge = "{\"customer\":\"" + "x".repeat(1_100_000) + "\",\"parts\":[]}";
        MvcTestResult result = mvc.post()
                .uri("/api/probe/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content(huge)
                .exchange();
        assertProblem(result, HttpStatus.CONTENT_TOO_LARGE);
        assertThat(result).bodyJson().extractingPath("$.limit_bytes").isEqualTo(1024 * 1024);
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_without_internals() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/probe/crash").exchange();
        assertProblem(result, HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain("IllegalStateException", "secret-internal-detail", "at dev.atrium");
    }

    @Test
    void a_caller_supplied_request_id_is_kept() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/no-such-thing")
                .header("X-Request-Id", "edge-42")
                .exchange();
        assertThat(result).hasHeader("X-Request-Id", "edge-42");
        assertThat(result).bodyJson().extractingPath("$.request_id").isEqualTo("edge-42");
    }

    @Test
    void a_hostile_request_id_is_replaced() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/no-such-thing")
                .header("X-Request-Id", "bad id\nwith a newline")
                .exchange();
        assertThat(result.getResponse().getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    private static void assertProblem(MvcTestResult result, HttpStatus status) throws Exception {
        assertThat(result).hasStatus(status);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
        assertThat(result).bodyJson().extractingPath("$.request_id").asString().isNotBlank();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception", "\tat ");
    }
}
