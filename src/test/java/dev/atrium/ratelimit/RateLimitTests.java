package dev.atrium.ratelimit;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.AdminBrowser;
import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.TestAccounts.TestUser;
import dev.atrium.catalog.CatalogFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The abuse limits, set low here: the request past each limit is a 429 with Retry-After and stores nothing, and the
 * limit is per address, per account or per user as it says.
 */
@AtriumTest
@TestPropertySource(
        properties = {
            "atrium.limits.registrations-per-address=3",
            "atrium.limits.seed-sign-ins-per-account=2",
            "atrium.limits.seed-sign-ins-per-address=3",
            "atrium.limits.uploads-per-user=3",
            "atrium.limits.recognitions=3"
        })
class RateLimitTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void the_fourth_registration_from_one_address_is_refused_with_429_and_stores_nothing() {
        RequestPostProcessor address = freshAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(register(newEmail(), address)).hasStatus(HttpStatus.CREATED);
        }
        String refusedEmail = newEmail();
        MvcTestResult refused = register(refusedEmail, address);

        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertRetryAfter(refused);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(refused).bodyJson().extractingPath("$.type").asString().endsWith("/too-many-requests");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = ?")
                        .param(refusedEmail)
                        .query(Integer.class)
                        .single())
                .isZero();
        // Another address is not held back.
        assertThat(register(newEmail(), freshAddress())).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void the_third_sign_in_of_one_account_on_the_page_is_refused_in_the_pages_shape_and_imports_nothing() {
        TestUser user = accounts.user();
        for (int i = 0; i < 2; i++) {
            assertThat(seedSignIn(user.email(), TestAccounts.PASSWORD, freshAddress()))
                    .hasStatusOk();
        }
        long goods = goods();
        long sessions = sessions(user);

        MvcTestResult refused = seedSignIn(user.email(), TestAccounts.PASSWORD, freshAddress());

        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        long wait = assertRetryAfter(refused);
        assertThat(refused).bodyJson().extractingPath("$.status").isEqualTo("error");
        assertThat(refused).bodyJson().extractingPath("$.message").asString().contains("Too many sign-ins");
        assertThat(refused)
                .bodyJson()
                .extractingPath("$.retry_after_seconds")
                .asNumber()
                .isEqualTo((int) wait);
        assertThat(goods()).isEqualTo(goods);
        assertThat(sessions(user)).isEqualTo(sessions);
        // The API's own sign-in is not this page's: it still works.
        assertThat(accounts.signIn(user).access()).isNotBlank();
    }

    @Test
    void sign_ins_on_the_page_from_one_address_are_limited_across_accounts() {
        RequestPostProcessor address = freshAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(seedSignIn(accounts.user().email(), TestAccounts.PASSWORD, address))
                    .hasStatusOk();
        }
        long goods = goods();
        MvcTestResult refused = seedSignIn(accounts.user().email(), TestAccounts.PASSWORD, address);
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertRetryAfter(refused);
        assertThat(goods()).isEqualTo(goods);
    }

    @Test
    void sign_ins_on_the_page_that_fail_half_way_use_up_neither_the_accounts_nor_the_addresss_sign_ins() {
        TestUser user = accounts.user();
        RequestPostProcessor address = freshAddress();
        // The database refuses the goods half-way through each sign-in's transaction, after both places were taken.
        jdbc.sql("ALTER TABLE goods ADD CONSTRAINT refuse_everything CHECK (price < 0) NOT VALID")
                .update();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(seedSignIn(user.email(), TestAccounts.PASSWORD, address)
                                .getResponse()
                                .getStatus())
                        .isGreaterThanOrEqualTo(400)
                        .isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS.value());
            }
        } finally {
            jdbc.sql("ALTER TABLE goods DROP CONSTRAINT refuse_everything").update();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(seedSignIn(user.email(), TestAccounts.PASSWORD, address)).hasStatusOk();
        }
    }

    @Test
    void failed_sign_ins_on_the_page_do_not_use_up_the_accounts_sign_ins() {
        TestUser user = accounts.user();
        for (int i = 0; i < 3; i++) {
            assertThat(seedSignIn(user.email(), "wrong password", freshAddress()))
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(seedSignIn(user.email(), TestAccounts.PASSWORD, freshAddress()))
                    .hasStatusOk();
        }
    }

    @Test
    void avatars_image_targets_and_product_photos_share_one_count_per_user() throws Exception {
        TestUser administrator = accounts.admin();
        SignedInUser admin = accounts.signIn(administrator);
        long project = project(admin);
        long product = new CatalogFixtures(jdbc).product("Limited " + UUID.randomUUID(), "9.99");

        assertThat(avatar(admin)).hasStatusOk();
        assertThat(imageTarget(admin, project)).hasStatus(HttpStatus.CREATED);
        assertThat(productPhoto(admin, product)).hasStatusOk();
        long blobs = blobs();
        long targets = targets(project);

        for (MvcTestResult refused :
                new MvcTestResult[] {avatar(admin), imageTarget(admin, project), productPhoto(admin, product)}) {
            assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            assertRetryAfter(refused);
            assertThat(refused).bodyJson().extractingPath("$.type").asString().endsWith("/too-many-requests");
        }
        // The admin panel's photo form is on the same count.
        MvcTestResult panel = mvc.post()
                .uri("/admin/products/{id}/photo", product)
                .cookie(AdminBrowser.signIn(mvc, administrator))
                .with(csrf())
                .multipart()
                .file(new MockMultipartFile("photo", "photo.jpg", MediaType.IMAGE_JPEG_VALUE, jpeg()))
                .exchange();
        assertThat(panel).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/products/" + product);
        assertThat(panel).flash().extractingByKey("failure").asString().contains("Too many uploads");
        assertThat(blobs()).isEqualTo(blobs);
        assertThat(targets(project)).isEqualTo(targets);

        // Each user has their own count.
        assertThat(avatar(accounts.signedInUser())).hasStatusOk();
    }

    @Test
    void camera_frames_have_a_count_of_their_own_and_leave_uploads_alone() throws Exception {
        SignedInUser user = accounts.signedInUser();
        long project = project(user);
        for (int i = 0; i < 3; i++) {
            assertThat(recognition(user, project)).hasStatusOk();
        }

        MvcTestResult refused = recognition(user, project);

        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertRetryAfter(refused);
        assertThat(refused).bodyJson().extractingPath("$.type").asString().endsWith("/too-many-requests");
        assertThat(imageTarget(user, project)).hasStatus(HttpStatus.CREATED);
        // Another user has their own count.
        SignedInUser other = accounts.signedInUser();
        assertThat(recognition(other, project(other))).hasStatusOk();
    }

    @Test
    void the_app_tokens_of_one_project_send_camera_frames_on_the_projects_count() throws Exception {
        SignedInUser owner = accounts.signedInUser();
        long project = project(owner);
        String first = appToken(owner, project);
        String second = appToken(owner, project);
        for (int i = 0; i < 3; i++) {
            assertThat(recognition(i % 2 == 0 ? first : second, project)).hasStatusOk();
        }

        assertThat(recognition(second, project)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        // The owner's own frames are on the owner's count.
        assertThat(recognition(owner, project)).hasStatusOk();
    }

    private static String newEmail() {
        return "limited-" + UUID.randomUUID() + "@example.com";
    }

    private MvcTestResult register(String email, RequestPostProcessor address) {
        return mvc.post()
                .uri("/api/users")
                .with(address)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}")
                .exchange();
    }

    private MvcTestResult seedSignIn(String login, String password, RequestPostProcessor address) {
        return mvc.post()
                .uri("/api")
                .with(address)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("login", login)
                .param("password", password)
                .exchange();
    }

    private long project(SignedInUser user) {
        MvcTestResult created = api.as(user).post("/api/project", "{\"name\":\"Project " + UUID.randomUUID() + "\"}");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return json.readTree(created.getResponse().getContentAsByteArray())
                .get("id")
                .asLong();
    }

    private MvcTestResult avatar(SignedInUser user) throws IOException {
        return mvc.put()
                .uri("/api/users/me/avatar")
                .with(api.as(user))
                .multipart()
                .file(new MockMultipartFile("avatar", "a.jpg", MediaType.IMAGE_JPEG_VALUE, jpeg()))
                .exchange();
    }

    private MvcTestResult imageTarget(SignedInUser user, long project) throws IOException {
        return api.as(user)
                .post(
                        "/api/project/" + project + "/imagetarget",
                        "{\"image\":\"" + Base64.getEncoder().encodeToString(jpeg()) + "\"}");
    }

    private MvcTestResult recognition(SignedInUser user, long project) throws IOException {
        return api.as(user)
                .post(
                        "/api/project/" + project + "/recognize",
                        "{\"image\":\"" + Base64.getEncoder().encodeToString(jpeg()) + "\"}");
    }

    private String appToken(SignedInUser owner, long project) {
        MvcTestResult created = api.as(owner).post("/api/project/" + project + "/jwt", "{}");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return json.readTree(created.getResponse().getContentAsByteArray())
                .get("token")
                .asString();
    }

    private MvcTestResult recognition(String appToken, long project) throws IOException {
        return mvc.post()
                .uri("/api/project/{id}/recognize", project)
                .header("Authorization", "Bearer " + appToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"image\":\"" + Base64.getEncoder().encodeToString(jpeg()) + "\"}")
                .exchange();
    }

    private MvcTestResult productPhoto(SignedInUser user, long product) throws IOException {
        return mvc.put()
                .uri("/api/products/{id}/photo", product)
                .with(api.as(user))
                .multipart()
                .file(new MockMultipartFile("photo", "photo.jpg", MediaType.IMAGE_JPEG_VALUE, jpeg()))
                .exchange();
    }

    private static byte[] jpeg() throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    /** Retry-After is a whole number of seconds, the same as the body says where it says it. */
    private static long assertRetryAfter(MvcTestResult refused) {
        String retryAfter = refused.getResponse().getHeader("Retry-After");
        assertThat(retryAfter).isNotNull().matches("[1-9]\\d*");
        return Long.parseLong(retryAfter);
    }

    private long goods() {
        return jdbc.sql("SELECT count(*) FROM goods").query(Long.class).single();
    }

    private long sessions(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ?")
                .param(user.id())
                .query(Long.class)
                .single();
    }

    private long blobs() {
        return jdbc.sql("SELECT count(*) FROM blobs").query(Long.class).single();
    }

    private long targets(long project) {
        return jdbc.sql("SELECT count(*) FROM image_targets WHERE project_id = ?")
                .param(project)
                .query(Long.class)
                .single();
    }
}
