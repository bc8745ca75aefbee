package dev.atrium.ar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtriumTest
class ArDemoDataTests {

    @Autowired
    DemoProjects demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void alice_gets_two_projects_with_image_targets_and_loading_again_adds_nothing() {
        jdbc.sql("""
                        INSERT INTO users (email, password_hash, first_name, last_name)
                        VALUES ('alice@atrium.dev', '{noop}unused', 'Alice', 'Archer') ON CONFLICT DO NOTHING""").update();

        demo.load();
        String again = demo.load();

        assertThat(again).startsWith("0 demo AR projects added");
        assertThat(jdbc.sql("""
                        SELECT p.name, count(t.id) FROM projects p
                        JOIN users u ON u.id = p.owner_id
                        LEFT JOIN image_targets t ON t.project_id = p.id AND t.deleted_at IS NULL
                        WHERE lower(u.email) = 'alice@atrium.dev' AND p.deleted_at IS NULL
                        GROUP BY p.name ORDER BY p.name""")
                        .query((rs, row) -> rs.getString(1) + ": " + rs.getLong(2))
                        .list())
                .containsExactly("Alice's gallery: 2", "Museum tour: 1");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM app_tokens a JOIN projects p ON p.id = a.project_id
                        WHERE p.name = 'Alice''s gallery' AND p.deleted_at IS NULL""").query(Long.class).single()).isEqualTo(1);
    }
}
