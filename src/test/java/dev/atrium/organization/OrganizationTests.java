package dev.atrium.organization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
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
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_signed_in_user_creates_an_organization_and_becomes_its_creator() {
        SignedInUser user = accounts.signedInUser();
        String name = unique("Acme");
        MvcTestResult result = api.as(user).post("/api/organizations", """
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
        assertThat(api.as(user).post("/api/organizations", "{\"name\":\"" + name + "\"}"))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult twice = api.as(user).post("/api/organizations", "{\"name\":\"" + name.toUpperCase() + "\"}");
        assertThat(twice).hasStatus(HttpStatus.CONFLICT);
        assertThat(twice).bodyJson().extractingPath("$.type").asString().endsWith("/organization-name-taken");
        MvcTestResult blank = api.as(user).post("/api/organizations", "{\"name\":\"   \",\"description\":\"x\"}");
        assertThat(blank).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(blank)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("name");
        MvcTestResult tooLong = api.as(user)
                .post(
                        "/api/organizations",
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
        long id = id(api.as(creator).post("/api/organizations", "{\"name\":\"" + unique("Initech") + "\"}"));
        TestUser member = accounts.user();
        assertThat(api.as(creator).post("/api/organizations/" + id + "/members", "{\"user\":" + member.id() + "}"))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult one = api.as(accounts.signedInUser()).get("/api/organizations/" + id);
        assertThat(one).hasStatusOk();
        assertThat(one).bodyJson().extractingPath("$.members[0].id").isEqualTo((int) member.id());
        assertThat(one).bodyJson().extractingPath("$.members[0].email").isEqualTo(member.email());
        assertThat(one).bodyJson().extractingPath("$.members[0].first_name").isEqualTo("Test");
        assertThat(one).bodyJson().extractingPath("$.members[0].last_name").isEqualTo("User");
        MvcTestResult list = api.as(creator).get("/api/organizations?limit=1000");
        assertThat(list).hasStatusOk();
        assertThat(list)
                .bodyJson()
                .extractingPath("$.results[?(@.id == " + id + ")].members[*].email")
                .asArray()
                .containsExactly(member.email());
        assertThat(list).bodyJson().extractingPath("$.count").isNotNull();
        assertThat(api.as(creator).get("/api/organizations?limit=1"))
                .bodyJson()
                .extractingPath("$.results")
                .asArray()
                .hasSize(1);
        assertThat(api.as(creator).get("/api/organizations/987654321")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/organizations").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void deactivated_users_are_not_shown_as_members() {
        SignedInUser creator = accounts.signedInUser();
        long id = id(api.as(creator).post("/api/organizations", "{\"name\":\"" + unique("Hooli") + "\"}"));
        TestUser member = accounts.user();
        api.as(creator).post("/api/organizations/" + id + "/members", "{\"user\":" + member.id() + "}");
        jdbc.sql("UPDATE users SET active = false WHERE id = ?")
                .param(member.id())
                .update();
        assertThat(api.as(creator).get("/api/organizations/" + id))
                .bodyJson()
                .extractingPath("$.members")
                .asArray()
                .isEmpty();
        assertThat(api.as(creator).post("/api/organizations/" + id + "/members", "{\"user\":" + member.id() + "}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_creator_and_administrators_change_and_delete_it_and_nobody_else() {
        SignedInUser creator = accounts.signedInUser();
        SignedInUser stranger = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        long id = id(api.as(creator).post("/api/organizations", "{\"name\":\"" + unique("Umbrella") + "\"}"));

        MvcTestResult refused =
                api.as(stranger).patch("/api/organizations/" + id, "{\"name\":\"" + unique("Taken") + "\"}");
        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(refused).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.as(stranger).delete("/api/organizations/" + id)).hasStatus(HttpStatus.FORBIDDEN);

        String renamed = unique("Renamed");
        MvcTestResult byCreator = api.as(creator).patch("/api/organizations/" + id, "{\"name\":\"" + renamed + "\"}");
        assertThat(byCreator).hasStatusOk();
        assertThat(byCreator).bodyJson().extractingPath("$.name").isEqualTo(renamed);
        assertThat(api.as(admin).patch("/api/organizations/" + id, "{\"description\":\"Changed by an admin\"}"))
                .bodyJson()
                .extractingPath("$.description")
                .isEqualTo("Changed by an admin");
        assertThat(api.as(stranger).get("/api/organizations/" + id))
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo(renamed);

        String other = unique("Other");
        api.as(stranger).post("/api/organizations", "{\"name\":\"" + other + "\"}");
        assertThat(api.as(creator).patch("/api/organizations/" + id, "{\"name\":\"" + other.toLowerCase() + "\"}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(api.as(creator).patch("/api/organizations/" + id, "{\"name\":\"\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.as(admin).patch("/api/organizations/987654321", "{\"name\":\"x\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);

        long second = id(api.as(creator).post("/api/organizations", "{\"name\":\"" + unique("Second") + "\"}"));
        assertThat(api.as(creator).delete("/api/organizations/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.as(admin).delete("/api/organizations/" + second)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.as(creator).get("/api/organizations/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.as(creator).delete("/api/organizations/" + id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void members_are_added_and_removed_by_the_creator_or_an_administrator() {
        SignedInUser creator = accounts.signedInUser();
        SignedInUser stranger = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        TestUser member = accounts.user();
        long id = id(api.as(creator).post("/api/organizations", "{\"name\":\"" + unique("Stark") + "\"}"));
        String members = "/api/organizations/" + id + "/members";

        assertThat(api.as(stranger).post(members, "{\"user\":" + member.id() + "}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.as(creator).post(members, "{\"user\":" + member.id() + "}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(api.as(admin).post(members, "{\"user\":" + member.id() + "}"))
                .hasStatus(HttpStatus.OK);
        assertThat(api.as(admin).post(members, "{\"user\":" + stranger.id() + "}"))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult unknown = api.as(creator).post(members, "{\"user\":987654321}");
        assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("user");
        assertThat(api.as(creator).post(members, "{}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.as(creator).post(members, "{\"user\":\"seven\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.as(admin).post("/api/organizations/987654321/members", "{\"user\":" + member.id() + "}"))
                .hasStatus(HttpStatus.NOT_FOUND);

        // A member may leave, but not remove others; the creator and administrators may remove anyone.
        assertThat(api.as(stranger).delete(members + "/" + member.id())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.as(stranger).delete(members + "/" + stranger.id())).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.as(creator).delete(members + "/" + member.id())).hasStatus(HttpStatus.NO_CONTENT);
        MvcTestResult notMember = api.as(admin).delete(members + "/" + member.id());
        assertThat(notMember).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(notMember).bodyJson().extractingPath("$.type").asString().endsWith("/not-a-member");
        assertThat(api.as(creator).get("/api/organizations/" + id))
                .bodyJson()
                .extractingPath("$.members")
                .asArray()
                .isEmpty();
    }

    @Test
    void deleting_an_organization_takes_it_off_its_members_profiles() {
        SignedInUser creator = accounts.signedInUser();
        long id = id(api.as(creator).post("/api/organizations", "{\"name\":\"" + unique("Wayne") + "\"}"));
        api.as(creator).post("/api/organizations/" + id + "/members", "{\"user\":" + creator.id() + "}");
        assertThat(api.as(creator).get("/api/users/me"))
                .bodyJson()
                .extractingPath("$.organizations[*].id")
                .asArray()
                .containsExactly((int) id);
        api.as(creator).delete("/api/organizations/" + id);
        assertThat(api.as(creator).get("/api/users/me"))
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

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
