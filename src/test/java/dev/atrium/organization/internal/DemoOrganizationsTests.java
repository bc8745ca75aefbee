package dev.atrium.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.shared.demo.DemoData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo organizations come with their members once, and loading them again changes nothing. */
@AtriumTest
class DemoOrganizationsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    DemoOrganizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loads_two_organizations_with_the_demo_users_once_and_leaves_later_changes_alone() {
        context.getBean("demoAccounts", DemoData.class).load();
        organizations.load();
        assertThat(members("Atrium Labs")).containsExactly("admin@atrium.dev", "alice@atrium.dev");
        assertThat(members("Baker Street Readers")).containsExactly("alice@atrium.dev", "bob@atrium.dev");

        // Alice leaves; loading again neither duplicates anything nor brings her back.
        jdbc.sql("""
                        DELETE FROM organization_members WHERE user_id = (SELECT id FROM users WHERE email = ?)
                        AND organization_id = (SELECT id FROM organizations WHERE name = ?)""").params("alice@atrium.dev", "Atrium Labs").update();
        assertThat(organizations.load()).startsWith("0 demo organizations added");
        assertThat(members("Atrium Labs")).containsExactly("admin@atrium.dev");
        assertThat(jdbc.sql("SELECT count(*) FROM organizations WHERE name IN ('Atrium Labs', 'Baker Street Readers')")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    private List<String> members(String organization) {
        return jdbc.sql("""
                        SELECT u.email FROM organization_members m
                        JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.organization_id
                        WHERE o.name = ? ORDER BY u.email""").param(organization).query(String.class).list();
    }
}
