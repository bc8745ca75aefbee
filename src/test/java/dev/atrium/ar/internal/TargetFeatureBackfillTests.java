package dev.atrium.ar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Targets stored before Atrium computed features get them once it is ready, and then a rating in every answer. */
@AtriumTest
class TargetFeatureBackfillTests {

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TargetFeatureBackfill backfill;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_target_without_features_is_analysed_and_rated() {
        SignedInUser alice = accounts.signedInUser();
        long project = body(api.as(alice).post("/api/project", Map.of("name", "Project " + UUID.randomUUID())))
                .get("id")
                .asLong();
        String image = TargetImages.photoBase64("forest-stream.jpg");
        long target = body(api.as(alice).post("/api/project/" + project + "/imagetarget", Map.of("image", image)))
                .get("id")
                .asLong();
        int rating = jdbc.sql("SELECT tracking_rating FROM image_target_features WHERE target_id = ?")
                .param(target)
                .query(Integer.class)
                .single();
        // As if stored before features were computed.
        jdbc.sql("DELETE FROM image_target_features WHERE target_id = ?")
                .param(target)
                .update();
        String path = "/api/project/" + project + "/imagetarget/" + target;
        assertThat(body(api.as(alice).get(path)).get("tracking_rating").isNull())
                .isTrue();

        assertThat(backfill.run()).isPositive();

        JsonNode after = body(api.as(alice).get(path));
        assertThat(after.get("tracking_rating").asInt()).isEqualTo(rating);
        assertThat(after.get("tracking").get("features").get("reason").asString())
                .isNotBlank();
        assertThat(backfill.run()).isZero();
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
