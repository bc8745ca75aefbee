package dev.atrium.organization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.TestAccounts.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** Organizations: anyone signed in creates and lists them; their creator or an administrator manages them. */
@AtriumTest
class OrganizationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_signed_in_user_creates_an_organization_and_becomes_its_creator() {
        SignedInUser user = accounts.signedInUser();
        String name = unique("Acme");
        MvcTestResult result = post("/api/organizations", user, """
                {"name":"  %s ","description":"Makes everything"}""".formatted(name));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo(name);
        assertThat(result).bodyJson().extractingPath("$.description").isEqualTo("Makes everything");
        assertThat(result).bodyJson().extractingPath("$.creator").isEqualTo((int) user.id());
        assertThat(result).bodyJson().extractingPath("$.members").asArray().isEmpty();
        assertThat(result).bodyJson().extractingPath("$.created_at").isNotNull();
        long id = id(result);
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/organizations/" + id);
        assertThat(mvc.post()
                        .uri("/api/organizations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + unique("Anonymous") + "\"}")
                        .exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void names_are_unique_whatever_their_case_and_must_be_given() {
        SignedInUser user = accounts.signedInUser();
        String name = unique("Globex");
        assertThat(post("/api/organizations", user, "{\"name\":\"" + name + "\"}"))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult twice = post("/api/organizations", user, "{\"name\":\"" + name.toUpperCase() + "\"}");
        assertThat(twice).hasStatus(HttpStatus.CONFLICT);
        assertThat(twice).bodyJson().extractingPath("$.type").asString().endsWith("/organization-name-taken");
        MvcTestResult blank = post("/api/organizations", user, "{\"name\":\"   \",\"description\":\"x\"}");
        assertThat(blank).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(blank)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("name");
        MvcTestResult tooLong = post(
                "/api/organizations",
                user,
                "{\"name\":\"" + "n".repeat(151) + "\",\"description\":\"" + "d".repeat(1001) + "\"}");
        assertThat(tooLong)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("description", "name");
        assertThat(jdbc.sql("SELECT count(*) FROM organizations WHERE lower(name) = lower(?)")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void the_list_and_one_organization_show_their_member_users() {
        SignedInUser creator = accounts.signedInUser();
        long id = id(post("/api/organizations", creator, "{\"name\":\"" + unique("Initech") + "\"}"));
        TestUser member = accounts.user();
        assertThat(post("/api/organizations/" + id + "/members", creator, "{\"user\":" + member.id() + "}"))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult one = get("/api/organizations/" + id, accounts.signedInUser());
        assertThat(one).hasStatusOk();
        assertThat(one).bodyJson().extractingPath("$.members[0].id").isEqualTo((int) member.id());
        assertThat(one).bodyJson().extractingPath("$.members[0].email").isEqualTo(member.email());
        assertThat(one).bodyJson().extractingPath("$.members[0].first_name").isEqualTo("Test");
        assertThat(one).bodyJson().extractingPath("$.members[0].last_name").isEqualTo("User");
        MvcTestResult list = get("/api/organizations?limit=1000", creator);
        assertThat(list).hasStatusOk();
        assertThat(list)
                .bodyJson()
                .extractingPath("$.results[?(@.id == " + id + ")].members[*].email")
                .asArray()
                .containsExactly(member.email());
        assertThat(list).bodyJson().extractingPath("$.count").isNotNull();
        assertThat(get("/api/organizations?limit=1", creator))
                .bodyJson()
                .extractingPath("$.results")
                .asArray()
                .hasSize(1);
        assertThat(get("/api/organizations/987654321", creator)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/organizations").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void deactivated_users_are_not_shown_as_members() {
        SignedInUser creator = accounts.signedInUser();
        long id = id(post("/api/organizations", creator, "{\"name\":\"" + unique("Hooli") + "\"}"));
        TestUser member = accounts.user();
        post("/api/organizations/" + id + "/members", creator, "{\"user\":" + member.id() + "}");
        jdbc.sql("UPDATE users SET active = false WHERE id = ?")
                .param(member.id())
                .update();
        assertThat(get("/api/organizations/" + id, creator))
                .bodyJson()
                .extractingPath("$.members")
                .asArray()
                .isEmpty();
        assertThat(post("/api/organizations/" + id + "/members", creator, "{\"user\":" + member.id() + "}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_creator_and_administrators_change_and_delete_it_and_nobody_else() {
        SignedInUser creator = accounts.signedInUser();
        SignedInUser stranger = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        long id = id(post("/api/organizations", creator, "{\"name\":\"" + unique("Umbrella") + "\"}"));

        MvcTestResult refused = patch("/api/organizations/" + id, stranger, "{\"name\":\"" + unique("Taken") + "\"}");
        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(refused).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(delete("/api/organizations/" + id, stranger)).hasStatus(HttpStatus.FORBIDDEN);

        String renamed = unique("Renamed");
        MvcTestResult byCreator = patch("/api/organizations/" + id, creator, "{\"name\":\"" + renamed + "\"}");
        assertThat(byCreator).hasStatusOk();
        assertThat(byCreator).bodyJson().extractingPath("$.name").isEqualTo(renamed);
        assertThat(patch("/api/organizations/" + id, admin, "{\"description\":\"Changed by an admin\"}"))
                .bodyJson()
                .extractingPath("$.description")
                .isEqualTo("Changed by an admin");
        assertThat(get("/api/organizations/" + id, stranger))
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo(renamed);

        String other = unique("Other");
        post("/api/organizations", stranger, "{\"name\":\"" + other + "\"}");
        assertThat(patch("/api/organizations/" + id, creator, "{\"name\":\"" + other.toLowerCase() + "\"}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(patch("/api/organizations/" + id, creator, "{\"name\":\"\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(patch("/api/organizations/987654321", admin, "{\"name\":\"x\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);

        long second = id(post("/api/organizations", creator, "{\"name\":\"" + unique("Second") + "\"}"));
        assertThat(delete("/api/organizations/" + id, creator)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(delete("/api/organizations/" + second, admin)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(get("/api/organizations/" + id, creator)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(delete("/api/organizations/" + id, creator)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void members_are_added_and_removed_by_the_creator_or_an_administrator() {
        SignedInUser creator = accounts.signedInUser();
        SignedInUser stranger = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        TestUser member = accounts.user();
        long id = id(post("/api/organizations", creator, "{\"name\":\"" + unique("Stark") + "\"}"));
        String members = "/api/organizations/" + id + "/members";

        assertThat(post(members, stranger, "{\"user\":" + member.id() + "}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(members, creator, "{\"user\":" + member.id() + "}")).hasStatus(HttpStatus.CREATED);
        assertThat(post(members, admin, "{\"user\":" + member.id() + "}")).hasStatus(HttpStatus.OK);
        assertThat(post(members, admin, "{\"user\":" + stranger.id() + "}")).hasStatus(HttpStatus.CREATED);
        MvcTestResult unknown = post(members, creator, "{\"user\":987654321}");
        assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("user");
        assertThat(post(members, creator, "{}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post(members, creator, "{\"user\":\"seven\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/organizations/987654321/members", admin, "{\"user\":" + member.id() + "}"))
                .hasStatus(HttpStatus.NOT_FOUND);

        // A member may leave, but not remove others; the creator and administrators may remove anyone.
        assertThat(delete(members + "/" + member.id(), stranger)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(delete(members + "/" + stranger.id(), stranger)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(delete(members + "/" + member.id(), creator)).hasStatus(HttpStatus.NO_CONTENT);
        MvcTestResult notMember = delete(members + "/" + member.id(), admin);
        assertThat(notMember).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(notMember).bodyJson().extractingPath("$.type").asString().endsWith("/not-a-member");
        assertThat(get("/api/organizations/" + id, creator))
                .bodyJson()
                .extractingPath("$.members")
                .asArray()
                .isEmpty();
    }

    @Test
    void deleting_an_organization_takes_it_off_its_members_profiles() {
        SignedInUser creator = accounts.signedInUser();
        long id = id(post("/api/organizations", creator, "{\"name\":\"" + unique("Wayne") + "\"}"));
        post("/api/organizations/" + id + "/members", creator, "{\"user\":" + creator.id() + "}");
        assertThat(get("/api/users/me", creator))
                .bodyJson()
                .extractingPath("$.organizations[*].id")
                .asArray()
                .containsExactly((int) id);
        delete("/api/organizations/" + id, creator);
        assertThat(get("/api/users/me", creator))
                .bodyJson()
                .extractingPath("$.organizations")
                .asArray()
                .isEmpty();
    }

    private long id(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray())
                .get("id")
                .asLong();
    }

    private MvcTestResult get(String path, SignedInUser user) {
        return mvc.get().uri(path).header("Authorization", user.bearer()).exchange();
    }

    private MvcTestResult delete(String path, SignedInUser user) {
        return mvc.delete().uri(path).header("Authorization", user.bearer()).exchange();
    }

    private MvcTestResult post(String path, SignedInUser user, String body) {
        return mvc.post()
                .uri(path)
                .header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult patch(String path, SignedInUser user, String body) {
        return mvc.patch()
                .uri(path)
                .header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
