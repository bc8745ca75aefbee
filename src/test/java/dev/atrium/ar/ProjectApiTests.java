package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Seed 003's project CRUD: signed-in users only, their own projects (administrators all), soft delete, restore. */
@AtriumTest
class ProjectApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    ArCalls ar;

    @Autowired
    void calls(MockMvcTester mvc) {
        this.ar = new ArCalls(api);
    }

    @Test
    void a_user_creates_reads_renames_and_deletes_a_project() {
        SignedInUser alice = accounts.signedInUser();
        String name = ArCalls.uniqueName();
        MvcTestResult created = ar.createProject(alice.access(), "  " + name + "  ");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode project = ar.body(created);
        long id = project.get("id").asLong();
        assertThat(project.get("name").asString()).isEqualTo(name);
        assertThat(project.get("owner_id").asLong()).isEqualTo(alice.id());
        assertThat(project.has("created_at")).isTrue();
        assertThat(project.has("deleted_at")).isFalse();
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/project/" + id);

        assertThat(ar.get(alice.access(), "/api/project/{id}", id))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo(name);

        String renamed = ArCalls.uniqueName();
        MvcTestResult put = ar.send(
                mvc.put().uri("/api/project/{id}", id),
                alice.access(),
                ar.object().put("name", renamed));
        assertThat(put).hasStatusOk().bodyJson().extractingPath("$.name").isEqualTo(renamed);

        String patched = ArCalls.uniqueName();
        MvcTestResult patch = ar.send(
                mvc.patch().uri("/api/project/{id}", id),
                alice.access(),
                ar.object().put("name", patched));
        assertThat(patch).hasStatusOk().bodyJson().extractingPath("$.name").isEqualTo(patched);
        assertThat(ar.send(mvc.patch().uri("/api/project/{id}", id), alice.access(), ar.object()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo(patched);

        assertThat(ar.delete(alice.access(), "/api/project/{id}", id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(ar.get(alice.access(), "/api/project/{id}", id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.delete(alice.access(), "/api/project/{id}", id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT deleted_at IS NOT NULL FROM projects WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void names_are_unique_whatever_their_case_until_the_project_is_deleted() {
        SignedInUser alice = accounts.signedInUser();
        SignedInUser bob = accounts.signedInUser();
        String name = ArCalls.uniqueName();
        long first = ar.project(alice.access(), name);

        MvcTestResult taken = ar.createProject(bob.access(), name.toUpperCase());
        assertThat(taken).hasStatus(HttpStatus.CONFLICT);
        assertThat(taken).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(taken).bodyJson().extractingPath("$.type").asString().endsWith("/project-name-taken");

        long other = ar.project(alice.access());
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{id}", other),
                        alice.access(),
                        ar.object().put("name", name.toLowerCase())))
                .hasStatus(HttpStatus.CONFLICT);

        assertThat(ar.delete(alice.access(), "/api/project/{id}", first)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(ar.createProject(bob.access(), name.toUpperCase())).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void a_project_can_be_renamed_to_its_own_name_in_another_case() {
        SignedInUser alice = accounts.signedInUser();
        String name = ArCalls.uniqueName();
        long id = ar.project(alice.access(), name);
        assertThat(ar.send(
                        mvc.put().uri("/api/project/{id}", id),
                        alice.access(),
                        ar.object().put("name", name.toUpperCase())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo(name.toUpperCase());
    }

    @Test
    void bad_names_are_refused_with_field_errors() {
        SignedInUser alice = accounts.signedInUser();
        for (String body : new String[] {"{}", "{\"name\":\"\"}", "{\"name\":\"   \"}"}) {
            MvcTestResult result = api.as(alice).post("/api/project", body);
            assertThat(result).as(body).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        }
        assertThat(ar.createProject(alice.access(), "x".repeat(201))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ar.createProject(alice.access(), "tab\tinside")).hasStatus(HttpStatus.BAD_REQUEST);
        long id = ar.project(alice.access());
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{id}", id),
                        alice.access(),
                        ar.object().put("name", " ")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ar.send(mvc.put().uri("/api/project/{id}", id), alice.access(), ar.object()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ar.get(alice.access(), "/api/project/not-a-number")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void users_see_only_their_own_projects_and_administrators_see_all() {
        SignedInUser alice = accounts.signedInUser();
        SignedInUser bob = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        long alices = ar.project(alice.access());
        ar.project(alice.access());
        long bobs = ar.project(bob.access());

        MvcTestResult list = ar.get(alice.access(), "/api/project");
        assertThat(list).hasStatusOk().bodyJson().extractingPath("$.count").isEqualTo(2);
        assertThat(list).bodyJson().extractingPath("$.results[0].id").asNumber().isEqualTo((int) alices);
        assertThat(ar.get(alice.access(), "/api/project?limit=1"))
                .bodyJson()
                .extractingPath("$.next")
                .asString()
                .endsWith("/api/project?limit=1&page=2");

        assertThat(ar.get(alice.access(), "/api/project/{id}", bobs)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.send(
                        mvc.put().uri("/api/project/{id}", bobs),
                        alice.access(),
                        ar.object().put("name", "mine")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.delete(alice.access(), "/api/project/{id}", bobs)).hasStatus(HttpStatus.NOT_FOUND);

        JsonNode all = ar.body(ar.get(admin.access(), "/api/project?limit=1000"));
        assertThat(all.get("count").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(ar.get(admin.access(), "/api/project/{id}", bobs)).hasStatusOk();
        String renamed = ArCalls.uniqueName();
        assertThat(ar.send(
                        mvc.put().uri("/api/project/{id}", bobs),
                        admin.access(),
                        ar.object().put("name", renamed)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.owner_id")
                .asNumber()
                .isEqualTo((int) bob.id());
    }

    @Test
    void only_signed_in_users_reach_projects_and_an_app_token_gets_403() {
        SignedInUser alice = accounts.signedInUser();
        long id = ar.project(alice.access());
        String app = ar.appToken(alice.access(), id);

        assertThat(mvc.get().uri("/api/project").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/project/{id}", id).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(ar.get(app, "/api/project")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.get(app, "/api/project/{id}", id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.createProject(app, ArCalls.uniqueName())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.send(
                        mvc.put().uri("/api/project/{id}", id), app, ar.object().put("name", "x")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{id}", id),
                        app,
                        ar.object().put("name", "x")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.delete(app, "/api/project/{id}", id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.get(app, "/api/project/{id}/jwt", id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.createToken(app, id, null)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.get(app, "/api/sessions")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.get(alice.access(), "/api/project/{id}", id)).hasStatusOk();
    }

    @Test
    void deleting_a_project_hides_its_targets_revokes_its_tokens_and_frees_its_name() {
        SignedInUser alice = accounts.signedInUser();
        String name = ArCalls.uniqueName();
        long id = ar.project(alice.access(), name);
        long target = ar.target(alice.access(), id);
        String app = ar.appToken(alice.access(), id);
        assertThat(ar.get(app, "/api/project/{id}/imagetarget", id)).hasStatusOk();

        assertThat(ar.delete(alice.access(), "/api/project/{id}", id)).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(ar.get(app, "/api/project/{id}/imagetarget", id)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(ar.get(alice.access(), "/api/project/{id}/imagetarget", id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.get(alice.access(), "/api/project/{id}/imagetarget/{t}", id, target))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.get(alice.access(), "/api/project/{id}/jwt", id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT count(*) FROM app_tokens WHERE project_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT deleted_at IS NOT NULL FROM image_targets WHERE id = ?")
                        .param(target)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(ar.createProject(alice.access(), name)).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void administrators_list_deleted_projects_and_restore_them_with_their_targets() {
        SignedInUser alice = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        long id = ar.project(alice.access());
        long keptTarget = ar.target(alice.access(), id);
        long deletedBefore = ar.target(alice.access(), id);
        assertThat(ar.delete(alice.access(), "/api/project/{p}/imagetarget/{t}", id, deletedBefore))
                .hasStatus(HttpStatus.NO_CONTENT);
        String app = ar.appToken(alice.access(), id);
        assertThat(ar.delete(alice.access(), "/api/project/{id}", id)).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(ar.get(alice.access(), "/api/project?deleted=true")).hasStatus(HttpStatus.FORBIDDEN);
        JsonNode deleted = ar.body(ar.get(admin.access(), "/api/project?deleted=true&limit=1000"));
        assertThat(deleted.get("results").valueStream().filter(p -> p.get("id").asLong() == id))
                .singleElement()
                .satisfies(p -> assertThat(p.get("deleted_at").isNull()).isFalse());

        assertThat(api.as(alice).post("/api/project/" + id + "/restore")).hasStatus(HttpStatus.FORBIDDEN);
        MvcTestResult restored = api.as(admin).post("/api/project/" + id + "/restore");
        assertThat(restored).hasStatusOk();
        assertThat(ar.body(restored).has("deleted_at")).isFalse();

        assertThat(ar.get(alice.access(), "/api/project/{id}", id)).hasStatusOk();
        JsonNode targets = ar.body(ar.get(alice.access(), "/api/project/{id}/imagetarget", id));
        assertThat(targets.get("count").asLong()).isEqualTo(1);
        assertThat(targets.get("results").get(0).get("id").asLong()).isEqualTo(keptTarget);
        assertThat(ar.get(app, "/api/project/{id}/imagetarget", id)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.as(admin).post("/api/project/" + id + "/restore")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_project_whose_name_was_taken_meanwhile_cannot_be_restored() {
        SignedInUser alice = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        String name = ArCalls.uniqueName();
        long id = ar.project(alice.access(), name);
        assertThat(ar.delete(alice.access(), "/api/project/{id}", id)).hasStatus(HttpStatus.NO_CONTENT);
        ar.project(alice.access(), name);
        assertThat(api.as(admin).post("/api/project/" + id + "/restore")).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void paths_with_a_trailing_slash_are_served_too() {
        SignedInUser alice = accounts.signedInUser();
        MvcTestResult created = ar.send(
                mvc.post().uri("/api/project/"), alice.access(), ar.object().put("name", ArCalls.uniqueName()));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        long id = ar.body(created).get("id").asLong();
        assertThat(ar.get(alice.access(), "/api/project/")).hasStatusOk();
        assertThat(ar.get(alice.access(), "/api/project/{id}/", id)).hasStatusOk();
        assertThat(ar.get(alice.access(), "/api/project/{id}/jwt/", id)).hasStatusOk();
        assertThat(mvc.get().uri("/api/project/").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
