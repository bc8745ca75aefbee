package dev.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.ModuleTestUsers;
import dev.atrium.account.internal.ClientInfo;
import dev.atrium.account.internal.Deactivation;
import dev.atrium.account.internal.EmailTaken;
import dev.atrium.account.internal.LastAdministrator;
import dev.atrium.account.internal.ProfileChanges;
import dev.atrium.account.internal.ProfileUpdate;
import dev.atrium.account.internal.Registration;
import dev.atrium.account.internal.SignIn;
import dev.atrium.account.internal.User;
import dev.atrium.account.internal.UserRegistration;
import dev.atrium.account.internal.UserService;
import dev.atrium.shared.security.CurrentUser;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account module's own rules, with the module and what it depends on and nothing else: one active administrator
 * always remains, a deactivated account cannot sign in, and an email names one account whatever its case.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "storage")
@ActiveProfiles("test")
class AccountModuleTests {

    static final String PASSWORD = "a module test passphrase";

    @Autowired
    UserService users;

    @Autowired
    UserRegistration registration;

    @Autowired
    ProfileUpdate profiles;

    @Autowired
    Deactivation deactivation;

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcClient jdbc;

    /**
     * Every test of the JVM shares one database, which holds the administrators other tests made; the rule counts
     * them all. So the test sets every other active administrator aside inside its own transaction, which is rolled
     * back when the test ends: the administrator it makes is then the last one whatever other tests left behind, and
     * no other test ever sees the others set aside. The services join that transaction, so they count exactly what the
     * test arranged (and the rows it set aside stay locked until the rollback, so nobody else changes them meanwhile).
     */
    @Test
    @Transactional
    void the_last_administrator_can_be_neither_demoted_nor_deactivated() {
        CurrentUser last = ModuleTestUsers.administrator(jdbc);
        jdbc.sql("UPDATE users SET active = false WHERE 'ADMIN' = ANY (roles) AND active AND id <> :id")
                .param("id", last.id())
                .update();

        assertThatThrownBy(() -> profiles.update(last, last.id(), roles("USER")))
                .isInstanceOf(LastAdministrator.class);
        assertThatThrownBy(() -> profiles.update(last, last.id(), deactivated()))
                .isInstanceOf(LastAdministrator.class);
        assertThatThrownBy(() -> deactivation.deactivate(last, last.id())).isInstanceOf(LastAdministrator.class);
        User unchanged = users.find(last.id()).orElseThrow();
        assertThat(unchanged.isAdmin()).isTrue();
        assertThat(unchanged.active()).isTrue();

        // As the refusal says: make another one first, and then the first may step down.
        CurrentUser another = ModuleTestUsers.administrator(jdbc);
        profiles.update(another, last.id(), roles("USER"));
        assertThat(users.find(last.id()).orElseThrow().isAdmin()).isFalse();
        assertThatThrownBy(() -> deactivation.deactivate(another, another.id())).isInstanceOf(LastAdministrator.class);
    }

    @Test
    void a_deactivated_account_cannot_sign_in(AssertablePublishedEvents events) {
        String email = freshEmail();
        long id = register(email).user().id();
        assertThat(signIn.signIn(email, PASSWORD, client()).userId()).isEqualTo(id);

        deactivation.deactivate(ModuleTestUsers.administrator(jdbc), id);

        assertThat(events).contains(UserDeactivated.class).matching(UserDeactivated::userId, id);
        assertThatThrownBy(() -> signIn.signIn(email, PASSWORD, client())).isInstanceOf(BadCredentials.class);
    }

    @Test
    void an_email_names_one_account_whatever_its_case() {
        String email = freshEmail();
        long id = register(email).user().id();

        assertThatThrownBy(() -> register(email.toUpperCase())).isInstanceOf(EmailTaken.class);
        CurrentUser other = ModuleTestUsers.user(jdbc);
        assertThatThrownBy(() -> profiles.update(other, other.id(), email(email.toUpperCase())))
                .isInstanceOf(EmailTaken.class);

        assertThat(users.findByEmail(email.toUpperCase()).orElseThrow().id()).isEqualTo(id);
    }

    private UserService.Profile register(String email) {
        return registration.register(new Registration(email, PASSWORD, null, null, null, null));
    }

    private static String freshEmail() {
        return "account-" + UUID.randomUUID() + "@example.com";
    }

    /** A client address of its own for each sign-in, so that no other test's failures count against it. */
    private static ClientInfo client() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return ClientInfo.of("10.2." + random.nextInt(256) + "." + random.nextInt(1, 255), "module test");
    }

    private static ProfileChanges roles(String... roles) {
        return new ProfileChanges(null, null, null, null, null, List.of(roles), null);
    }

    private static ProfileChanges deactivated() {
        return new ProfileChanges(null, null, null, null, null, null, false);
    }

    private static ProfileChanges email(String email) {
        return new ProfileChanges(email, null, null, null, null, null, null);
    }
}
