package dev.atrium.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.ModuleTestUsers;
import dev.atrium.organization.internal.NewOrganization;
import dev.atrium.organization.internal.OrganizationChanges;
import dev.atrium.organization.internal.OrganizationNameTaken;
import dev.atrium.organization.internal.OrganizationService;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * The organization module's own rules, with the module and what it depends on and nothing else: no catalogue, orders,
 * AR or web platform, so a rule of organizations is seen without the HTTP layer in front of it.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "storage")
@ActiveProfiles("test")
class OrganizationModuleTests {

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void only_the_creator_or_an_administrator_changes_an_organization() {
        CurrentUser creator = ModuleTestUsers.user(jdbc);
        CurrentUser someoneElse = ModuleTestUsers.user(jdbc);
        CurrentUser administrator = ModuleTestUsers.administrator(jdbc);
        long id = organizations
                .create(creator, new NewOrganization("Module rules " + UUID.randomUUID(), "first"))
                .organization()
                .id();

        assertThatThrownBy(() -> organizations.update(someoneElse, id, new OrganizationChanges(null, "taken over")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(organizations
                        .update(administrator, id, new OrganizationChanges(null, "second"))
                        .organization()
                        .description())
                .isEqualTo("second");
        assertThat(organizations.view(id).organization().description()).isEqualTo("second");
    }

    @Test
    void a_name_is_taken_whatever_its_case() {
        CurrentUser creator = ModuleTestUsers.user(jdbc);
        String name = "Case rules " + UUID.randomUUID();
        organizations.create(creator, new NewOrganization(name, ""));

        assertThatThrownBy(() -> organizations.create(creator, new NewOrganization(name.toUpperCase(), "")))
                .isInstanceOf(OrganizationNameTaken.class);
    }
}
