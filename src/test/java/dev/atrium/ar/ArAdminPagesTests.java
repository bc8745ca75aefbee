package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.AdminBrowser;
import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.ar.internal.TargetImages;
import jakarta.servlet.http.Cookie;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** The admin panel's AR pages: projects (deleted ones too), image targets with thumbnails, app tokens. */
@AtriumTest
class ArAdminPagesTests {

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
    void the_projects_page_finds_projects_by_name_or_id_deleted_ones_included() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        String name = ArCalls.uniqueName();
        long live = ar.project(alice.access(), name);
        long deleted = ar.project(alice.access(), name + " (old)");
        ar.delete(alice.access(), "/api/project/{id}", deleted);

        MvcTestResult all = page(admin, "/admin/projects?q=" + name);
        assertThat(all).hasStatusOk();
        assertThat(all).bodyText().contains("<!DOCTYPE html>", name, name + " (old)", alice.email(), "Deleted");
        assertThat(all)
                .bodyText()
                .contains("id=\"restore-project-" + deleted + "\"", "id=\"delete-project-" + live + "\"");

        assertThat(page(admin, "/admin/projects?status=deleted&q=" + name))
                .bodyText()
                .contains(name + " (old)")
                .doesNotContain("id=\"project-" + live + "\"");
        assertThat(page(admin, "/admin/projects?q=" + live)).bodyText().contains("id=\"project-" + live + "\"");
        assertThat(page(admin, "/admin/projects?q=no-such-project-" + name))
                .bodyText()
                .contains("No project matches");
        assertThat(page(admin, "/admin/projects?q=" + name + "&page=9")).hasStatusOk();
    }

    @Test
    void an_htmx_search_gets_only_the_rows_and_a_history_restore_the_whole_page() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        String name = ArCalls.uniqueName();
        ar.project(alice.access(), name);

        MvcTestResult rows = mvc.get()
                .uri("/admin/projects?q=" + name)
                .cookie(admin)
                .header("HX-Request", "true")
                .exchange();
        assertThat(rows).hasStatusOk();
        assertThat(rows).bodyText().contains(name).doesNotContain("<html", "<nav class=\"shell");
        assertThat(rows.getResponse().getHeader("Vary")).contains("HX-Request");

        MvcTestResult restored = mvc.get()
                .uri("/admin/projects?q=" + name)
                .cookie(admin)
                .header("HX-Request", "true")
                .header("HX-History-Restore-Request", "true")
                .exchange();
        assertThat(restored).bodyText().contains("<html");

        MvcTestResult tokens = mvc.get()
                .uri("/admin/tokens?q=" + name)
                .cookie(admin)
                .header("HX-Request", "true")
                .exchange();
        assertThat(tokens).hasStatusOk();
        assertThat(tokens).bodyText().doesNotContain("<html");
    }

    @Test
    void an_administrator_restores_and_deletes_projects_with_a_flash_message() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        long id = ar.project(alice.access());
        ar.delete(alice.access(), "/api/project/{id}", id);

        MvcTestResult restored = mvc.post()
                .uri("/admin/projects/{id}/restore", id)
                .cookie(admin)
                .with(csrf())
                .param("back", "/admin/projects?status=deleted")
                .exchange();
        assertThat(restored).hasStatus(HttpStatus.FOUND);
        assertThat(restored.getResponse().getRedirectedUrl()).isEqualTo("/admin/projects?status=deleted");
        assertThat(restored).flash().containsKey("success");
        assertThat(ar.get(alice.access(), "/api/project/{id}", id)).hasStatusOk();

        MvcTestResult again = mvc.post()
                .uri("/admin/projects/{id}/restore", id)
                .cookie(admin)
                .with(csrf())
                .exchange();
        assertThat(again).flash().containsKey("failure");
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/admin/projects/" + id);

        MvcTestResult deleted = mvc.post()
                .uri("/admin/projects/{id}/delete", id)
                .cookie(admin)
                .with(csrf())
                .param("back", "https://elsewhere.example/phish")
                .exchange();
        assertThat(deleted).flash().containsKey("success");
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/admin/projects/" + id);
        assertThat(ar.get(alice.access(), "/api/project/{id}", id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void the_flash_message_is_shown_on_the_next_page() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        long id = ar.project(alice.access());
        MvcTestResult deleted = mvc.post()
                .uri("/admin/projects/{id}/delete", id)
                .cookie(admin)
                .with(csrf())
                .exchange();
        MvcTestResult next = mvc.get()
                .uri(deleted.getResponse().getRedirectedUrl())
                .cookie(admin)
                .flashAttrs(deleted.getMvcResult().getFlashMap())
                .exchange();
        assertThat(next).hasStatusOk();
        assertThat(next).bodyText().contains("role=\"status\"", "Deleted project");
    }

    @Test
    void a_projects_page_shows_its_image_targets_with_thumbnails() throws Exception {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode target = ar.body(
                ar.createTarget(alice.access(), project, TestImages.base64(TestImages.jpeg(1200, 600)), "Wide poster"));
        long id = target.get("id").asLong();

        MvcTestResult page = page(admin, "/admin/projects/" + project);
        assertThat(page).hasStatusOk();
        String thumbnailUrl = "/admin/projects/" + project + "/targets/" + id + "/thumbnail";
        assertThat(page).bodyText().contains("Wide poster", "1200×600", "src=\"" + thumbnailUrl + "\"", alice.email());

        MvcTestResult thumbnail = mvc.get().uri(thumbnailUrl).cookie(admin).exchange();
        assertThat(thumbnail).hasStatusOk().hasContentType(MediaType.IMAGE_JPEG);
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(thumbnail.getResponse().getContentAsByteArray()));
        assertThat(image.getWidth()).isEqualTo(240);
        assertThat(image.getHeight()).isEqualTo(120);

        MvcTestResult deleted = mvc.post()
                .uri("/admin/projects/{p}/targets/{t}/delete", project, id)
                .cookie(admin)
                .with(csrf())
                .exchange();
        assertThat(deleted).flash().containsKey("success");
        assertThat(ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}", project, id))
                .hasStatus(HttpStatus.NOT_FOUND);
        // Deleted targets keep their thumbnail for the panel.
        assertThat(mvc.get().uri(thumbnailUrl).cookie(admin).exchange()).hasStatusOk();
        assertThat(page(admin, "/admin/projects/" + project)).bodyText().contains("Deleted");
        assertThat(page(admin, "/admin/projects/999999999")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_projects_page_shows_its_recognitions_on_this_replica() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        assertThat(page(admin, "/admin/projects/" + project))
                .bodyText()
                .contains("on this replica", "id=\"recognition-hits\">0<", "id=\"recognition-misses\">0<");

        MvcTestResult recognised = ar.send(
                mvc.post().uri("/api/project/{p}/recognize", project),
                alice.access(),
                ar.object().put("image", TestImages.base64(TestImages.jpeg(320, 240))));
        assertThat(recognised).hasStatusOk();

        assertThat(page(admin, "/admin/projects/" + project))
                .bodyText()
                .contains("id=\"recognition-hits\">0<", "id=\"recognition-misses\">1<", " ms</dd>");
    }

    @Test
    void a_projects_page_shows_each_targets_stars_name_and_state() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode rated = ar.body(createTarget(alice, project, TargetImages.photoBase64("forest-stream.jpg"), "Forest"));
        long unrated = ar.target(alice.access(), project);
        // As a target added before ratings were computed is, until it is analysed.
        jdbc.sql("DELETE FROM image_target_features WHERE target_id = ?")
                .param(unrated)
                .update();

        int rating = rated.get("tracking_rating").asInt();
        String stars = "★".repeat(rating) + "☆".repeat(5 - rating) + " " + rating + "/5";
        assertThat(page(admin, "/admin/projects/" + project))
                .bodyText()
                .contains(
                        stars,
                        "Forest",
                        "not rated yet",
                        "href=\"/admin/projects/" + project + "/targets/" + unrated + "\"");
    }

    @Test
    void a_targets_page_shows_its_features_rating_reasons_and_duplicates() throws Exception {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode original =
                ar.body(createTarget(alice, project, TargetImages.photoBase64("mountain-path.jpg"), "Path"));
        long originalId = original.get("id").asLong();
        BufferedImage photo = TargetImages.photo("mountain-path.jpg");
        long copy = ar.body(createTarget(
                        alice,
                        project,
                        Base64.getEncoder().encodeToString(TargetImages.jpeg(TargetImages.scaled(photo, 0.5), 0.85f)),
                        "Half-size copy"))
                .get("id")
                .asLong();

        String url = "/admin/projects/" + project + "/targets/" + originalId;
        MvcTestResult page = page(admin, url);
        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString();
        int rating = original.get("tracking_rating").asInt();
        assertThat(html).contains("Path", "★".repeat(rating) + "☆".repeat(5 - rating) + " " + rating + "/5");
        for (String part : new String[] {"features", "coverage", "contrast", "ambiguity"}) {
            assertThat(html)
                    .as(part)
                    .contains(original.get("tracking").get(part).get("reason").asString());
        }
        // The pages' content security policy allows no inline styles: the drawing is laid out by SVG alone.
        assertThat(html).doesNotContain("<style", " style=\"");
        // Every feature found is drawn, in the analysed image's coordinates (at most 640 px a side): at most 300 at
        // full size and 150 + 75 found again on the image halved and quartered.
        int circles = html.split("<circle ", -1).length - 1;
        assertThat(circles).isBetween(20, 525);
        assertThat(html).containsPattern("viewBox=\"0 0 640 \\d+\"");
        assertThat(html).contains(circles + " features drawn", "href=\"" + url + "/image\"");
        assertThat(html)
                .contains(
                        "href=\"/admin/projects/" + project + "/targets/" + copy + "\"",
                        "id=\"duplicate-" + copy + "\"");

        MvcTestResult image = page(admin, url + "/image");
        assertThat(image).hasStatusOk().hasContentType(MediaType.IMAGE_JPEG);
        assertThat(ImageIO.read(new ByteArrayInputStream(image.getResponse().getContentAsByteArray()))
                        .getWidth())
                .isEqualTo(photo.getWidth());

        // A deleted target is still shown to the administrator, without duplicates, and is no one's duplicate.
        ar.delete(alice.access(), "/api/project/{p}/imagetarget/{t}", project, copy);
        assertThat(page(admin, "/admin/projects/" + project + "/targets/" + copy))
                .hasStatusOk()
                .bodyText()
                .contains("Deleted", "A deleted target has no duplicates.")
                .doesNotContain("id=\"duplicate-" + originalId + "\"");
        assertThat(page(admin, url)).bodyText().doesNotContain("id=\"duplicate-" + copy + "\"");
        assertThat(page(admin, "/admin/projects/" + project + "/targets/999999999"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private MvcTestResult createTarget(SignedInUser user, long project, String image, String name) {
        return ar.send(
                mvc.post().uri("/api/project/{p}/imagetarget", project),
                user.access(),
                ar.object().put("image", image).put("name", name));
    }

    @Test
    void the_tokens_page_finds_a_projects_tokens_and_revoking_one_refuses_it_at_once() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode token = ar.token(alice.access(), project);
        String id = token.get("id").asString();
        String app = token.get("token").asString();

        MvcTestResult page = page(admin, "/admin/tokens?q=" + project);
        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains(id, "id=\"revoke-" + id + "\"");

        MvcTestResult revoked = mvc.post()
                .uri("/admin/tokens/{id}/revoke", id)
                .cookie(admin)
                .with(csrf())
                .param("back", "/admin/tokens?q=" + project)
                .exchange();
        assertThat(revoked).flash().containsKey("success");
        assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/admin/tokens?q=" + project);
        assertThat(ar.get(app, "/api/project/{id}/imagetarget", project)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(page(admin, "/admin/tokens?q=" + project))
                .bodyText()
                .contains("Revoked app token " + id)
                .doesNotContain("id=\"revoke-" + id + "\"");

        MvcTestResult unknown = mvc.post()
                .uri("/admin/tokens/{id}/revoke", id)
                .cookie(admin)
                .with(csrf())
                .exchange();
        assertThat(unknown).flash().containsKey("failure");
    }

    @Test
    void the_dashboard_and_the_navigation_show_the_ar_pages() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        MvcTestResult dashboard = page(admin, "/admin");
        assertThat(dashboard).hasStatusOk();
        assertThat(dashboard)
                .bodyText()
                .contains(
                        "AR projects",
                        "Image targets",
                        "Live app tokens",
                        "href=\"/admin/projects\"",
                        "href=\"/admin/tokens\"");
    }

    @Test
    void a_signed_in_user_who_is_not_an_administrator_gets_403_everywhere() {
        Cookie user = AdminBrowser.signIn(mvc, accounts.user());
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        long target = ar.target(alice.access(), project);
        String token = ar.token(alice.access(), project).get("id").asString();

        for (String path : new String[] {
            "/admin/projects",
            "/admin/projects/" + project,
            "/admin/projects/" + project + "/targets/" + target + "/thumbnail",
            "/admin/projects/" + project + "/targets/" + target,
            "/admin/projects/" + project + "/targets/" + target + "/image",
            "/admin/tokens"
        }) {
            assertThat(mvc.get().uri(path).cookie(user).exchange()).as(path).hasStatus(HttpStatus.FORBIDDEN);
        }
        for (String path : new String[] {
            "/admin/projects/" + project + "/delete",
            "/admin/projects/" + project + "/restore",
            "/admin/projects/" + project + "/targets/" + target + "/delete",
            "/admin/tokens/" + token + "/revoke"
        }) {
            assertThat(mvc.post().uri(path).cookie(user).with(csrf()).exchange())
                    .as(path)
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(ar.get(alice.access(), "/api/project/{id}", project)).hasStatusOk();
        assertThat(ar.get(alice.access(), "/api/project/{p}/jwt/{t}", project, token))
                .hasStatusOk();

        MvcTestResult stranger = mvc.get().uri("/admin/projects").exchange();
        assertThat(stranger).hasStatus(HttpStatus.FOUND);
        assertThat(stranger.getResponse().getRedirectedUrl()).endsWith("/admin/login");
    }

    @Test
    void an_action_without_its_csrf_token_is_refused_and_changes_nothing() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        long target = ar.target(alice.access(), project);
        String token = ar.token(alice.access(), project).get("id").asString();
        long deleted = ar.project(alice.access());
        ar.delete(alice.access(), "/api/project/{id}", deleted);

        for (String path : new String[] {
            "/admin/projects/" + project + "/delete",
            "/admin/projects/" + deleted + "/restore",
            "/admin/projects/" + project + "/targets/" + target + "/delete",
            "/admin/tokens/" + token + "/revoke"
        }) {
            assertThat(mvc.post().uri(path).cookie(admin).exchange()).as(path).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(ar.get(alice.access(), "/api/project/{id}", project)).hasStatusOk();
        assertThat(ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}", project, target))
                .hasStatusOk();
        assertThat(ar.get(alice.access(), "/api/project/{p}/jwt/{t}", project, token))
                .hasStatusOk();
        assertThat(ar.get(alice.access(), "/api/project/{id}", deleted)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void every_form_of_the_pages_carries_its_csrf_token() throws Exception {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser alice = accounts.signedInUser();
        String name = ArCalls.uniqueName();
        long project = ar.project(alice.access(), name);
        ar.target(alice.access(), project);
        ar.token(alice.access(), project);
        for (String path :
                new String[] {"/admin/projects?q=" + name, "/admin/projects/" + project, "/admin/tokens?q=" + project
                }) {
            String html = page(admin, path).getResponse().getContentAsString();
            int forms = html.split("method=\"post\"", -1).length - 1;
            int tokens = html.split("<input type=\"hidden\" name=\"_csrf\"", -1).length - 1;
            assertThat(forms).as(path).isGreaterThanOrEqualTo(2);
            assertThat(tokens).as(path).isEqualTo(forms);
        }
    }

    private MvcTestResult page(Cookie browser, String uri) {
        return mvc.get().uri(uri).cookie(browser).exchange();
    }
}
