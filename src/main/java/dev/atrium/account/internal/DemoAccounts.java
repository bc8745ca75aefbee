package dev.atrium.account.internal;

import dev.atrium.shared.demo.DemoData;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo users the README names: an administrator and two customers. (The migrations themselves add
 * {@code demo@atrium.dev}, the sign-in page's demo user.)
 */
@Component
@Order(10)
class DemoAccounts implements DemoData {

    record DemoUser(String email, String password, String firstName, String lastName, Set<String> roles) {}

    static final DemoUser[] USERS = {
        new DemoUser("admin@atrium.dev", "admin-password", "Ada", "Admin", Set.of("USER", "ADMIN")),
        new DemoUser("alice@atrium.dev", "alice-password", "Alice", "Archer", Set.of("USER")),
        new DemoUser("bob@atrium.dev", "bob-password", "Bob", "Baker", Set.of("USER")),
    };

    private final UserRepository users;
    private final PasswordHashing passwords;

    DemoAccounts(UserRepository users, PasswordHashing passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public String load() {
        int added = 0;
        for (DemoUser user : USERS) {
            if (users.findByEmail(user.email()).isEmpty()) {
                users.insert(
                        user.email(),
                        passwords.hash(user.password()),
                        user.firstName(),
                        user.lastName(),
                        "",
                        user.roles());
                added++;
            }
        }
        return added + " demo users added (" + USERS.length + " in all)";
    }
}
