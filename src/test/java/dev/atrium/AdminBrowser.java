package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.TestAccounts.TestUser;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A browser signed in to the admin panel through its real form, for tests of the admin pages. */
public final class AdminBrowser {

    private AdminBrowser() {}

    /** Signs the user in with the panel's form and returns the session cookie the browser would keep. */
    public static Cookie signIn(MockMvcTester mvc, TestUser user) {
        MvcTestResult result = mvc.post()
                .uri("/admin/login")
                .with(csrf())
                .with(TestAccounts.freshAddress())
                .param("username", user.email())
                .param("password", TestAccounts.PASSWORD)
                .exchange();
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/admin");
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }
}
