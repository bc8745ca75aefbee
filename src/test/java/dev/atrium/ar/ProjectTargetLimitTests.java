package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A project holds no more targets than its index of features fits in memory (ATRIUM_AR_INDEX_FEATURES / 525, the
 * most features a target has): here 1,575 features, so 3 targets.
 */
@AtriumTest
@TestPropertySource(properties = "atrium.ar.index-features=1575")
class ProjectTargetLimitTests {

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Test
    void a_full_project_refuses_another_target_until_one_is_deleted() {
        ArCalls ar = new ArCalls(api);
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        long first = ar.target(alice.access(), project);
        ar.target(alice.access(), project);
        ar.target(alice.access(), project);

        MvcTestResult full =
                ar.createTarget(alice.access(), project, TestImages.base64(TestImages.jpeg(120, 80)), "one too many");
        assertThat(full).hasStatus(HttpStatus.CONFLICT);
        assertThat(full.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(ar.body(full).get("type").asString()).endsWith("project-full");
        assertThat(ar.body(full).get("limit").asLong()).isEqualTo(3);
        assertThat(ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget", project))
                        .get("count")
                        .asLong())
                .isEqualTo(3);

        assertThat(ar.delete(alice.access(), "/api/project/{p}/imagetarget/{t}", project, first))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(ar.createTarget(alice.access(), project, TestImages.base64(TestImages.jpeg(120, 80)), "room again"))
                .hasStatus(HttpStatus.CREATED);
    }
}
