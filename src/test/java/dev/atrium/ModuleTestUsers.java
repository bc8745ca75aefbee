package dev.atrium;

import dev.atrium.shared.security.CurrentUser;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users for {@code @ApplicationModuleTest}s, which boot a module without the web platform and so cannot sign in
 * through the API as {@code TestAccounts} does: a row in {@code users} (with a fresh email) and the {@link CurrentUser}
 * a signed-in request would carry. No session stands behind it; module tests call services, which do not look.
 */
public final class ModuleTestUsers {

    private ModuleTestUsers() {}

    public static CurrentUser user(JdbcClient jdbc) {
        return insert(jdbc, Set.of("USER"));
    }

    public static CurrentUser administrator(JdbcClient jdbc) {
        return insert(jdbc, Set.of("USER", "ADMIN"));
    }

    private static CurrentUser insert(JdbcClient jdbc, Set<String> roles) {
        String email = "module-" + UUID.randomUUID() + "@example.com";
        long id = jdbc.sql(
                        "INSERT INTO users (email, password_hash, roles) VALUES (:email, 'unused', :roles) RETURNING id")
                .param("email", email)
                .param("roles", roles.toArray(String[]::new))
                .query(Long.class)
                .single();
        return new CurrentUser(id, email, roles, "no-session");
    }
}
