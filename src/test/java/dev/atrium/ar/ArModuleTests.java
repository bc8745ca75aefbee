package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.ModuleTestUsers;
import dev.atrium.ar.internal.ProjectNotFound;
import dev.atrium.ar.internal.ProjectService;
import dev.atrium.shared.security.CurrentUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * The AR module's own rules about who sees a project, with the module and what it depends on and nothing else: a
 * project is its owner's and the administrators', and to anyone else it does not exist (so its id tells nothing).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "storage")
@ActiveProfiles("test")
class ArModuleTests {

    @Autowired
    ProjectService projects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_project_is_its_owners_and_the_administrators_and_nobody_elses() {
        CurrentUser owner = ModuleTestUsers.user(jdbc);
        long id = projects.create(owner, "Gallery " + UUID.randomUUID()).id();

        assertThat(projects.get(owner, id).ownerId()).isEqualTo(owner.id());
        assertThat(projects.get(ModuleTestUsers.administrator(jdbc), id).id()).isEqualTo(id);
        assertThatThrownBy(() -> projects.get(ModuleTestUsers.user(jdbc), id)).isInstanceOf(ProjectNotFound.class);
    }

    @Test
    void a_deleted_project_is_gone_for_its_owner_until_an_administrator_restores_it() {
        CurrentUser owner = ModuleTestUsers.user(jdbc);
        long id = projects.create(owner, "Tour " + UUID.randomUUID()).id();

        projects.delete(owner, id);
        assertThatThrownBy(() -> projects.get(owner, id)).isInstanceOf(ProjectNotFound.class);

        projects.restore(ModuleTestUsers.administrator(jdbc), id);
        assertThat(projects.get(owner, id).deleted()).isFalse();
    }
}
