package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.TestAccounts.TestUser;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A browser signed in to the admin panel through its real form, for tests of the admin pages: through MockMvc for the
 * pages' answers, or in Chromium ({@link Browser}) for what a person sees. One sign-in for all of them, so that a change
 * to the form is made in one place.
 */
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

    /** Signs the user in with the panel's form in a real browser, from the application at the port. */
    public static void signIn(WebDriver page, int port, TestUser user) {
        page.get("http://localhost:" + port + "/admin");
        // Generous, for a busy machine: a wait ends as soon as its condition holds.
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.urlContains("/admin/login"));
        page.findElement(By.id("username")).sendKeys(user.email());
        page.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        page.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Dashboard"));
    }
}
