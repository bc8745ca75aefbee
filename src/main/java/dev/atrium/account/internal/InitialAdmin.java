package dev.atrium.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates the first administrator from {@code ATRIUM_ADMIN_EMAIL} and {@code ATRIUM_ADMIN_PASSWORD} at start-up when no
 * active administrator exists yet, so that a new deployment can be administered without touching the database. It does
 * nothing once an administrator exists; an existing user with that email is made an administrator (keeping their
 * password). A weak password stops the start-up with the reason.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAdmin implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(InitialAdmin.class);

    private final UserRepository users;
    private final PasswordHashing passwords;
    private final PasswordPolicy policy;
    private final SessionRegistry sessions;
    private final Clock clock;
    private final String email;
    private final String password;
    private final boolean serving;
    private final boolean hasSessions;

    InitialAdmin(
            UserRepository users,
            PasswordHashing passwords,
            PasswordPolicy policy,
            SessionRegistry sessions,
            Clock clock,
            @Value("${atrium.admin.email:}") String email,
            @Value("${atrium.admin.password:}") String password,
            @Value("${atrium.command:serve}") String command) {
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.sessions = sessions;
        this.clock = clock;
        this.email = email.strip();
        this.password = password;
        this.serving = !command.equals("migrate");
        // Seed runs without Redis in embedded mode. Sessions it cannot update keep fewer rights than their user has,
        // which is no risk: they gain the new role when the user signs in again.
        this.hasSessions = command.equals("serve");
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // A password of spaces only counts as set, so that the policy refuses it rather than Atrium starting with no
        // administrator and no word about why.
        if (!serving || !StringUtils.hasText(email) || password.isEmpty() || users.anyActiveAdmin()) {
            return;
        }
        EmailAddresses.refusal(email).ifPresent(reason -> {
            throw new IllegalStateException("ATRIUM_ADMIN_EMAIL " + reason);
        });
        String address = EmailAddresses.normalise(email);
        policy.weakness(password, address).ifPresent(reason -> {
            throw new IllegalStateException("ATRIUM_ADMIN_PASSWORD " + reason);
        });
        var existing = users.findByEmail(address);
        if (existing.isPresent()) {
            User user = users.lock(existing.get().id()).orElseThrow();
            Set<String> roles = new LinkedHashSet<>(user.roles());
            roles.add("ADMIN");
            Instant now = clock.instant();
            users.update(
                    new User(
                            user.id(),
                            user.email(),
                            user.passwordHash(),
                            user.firstName(),
                            user.lastName(),
                            user.phone(),
                            user.avatarKey(),
                            Set.copyOf(roles),
                            true,
                            user.createdAt(),
                            now,
                            user.lastLoginAt()),
                    now);
            if (hasSessions) {
                // Like any change of roles: the user's open sessions are an administrator's from their next request.
                sessions.updateRoles(user.id(), roles);
            }
            log.info("Made " + address + " an administrator (ATRIUM_ADMIN_EMAIL)");
            return;
        }
        users.insert(address, passwords.hash(password), "", "", "", Set.of("USER", "ADMIN"));
        log.info("Created the administrator " + address + " (ATRIUM_ADMIN_EMAIL)");
    }
}
