package dev.atrium.goods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Browser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The sign-in page in a real browser: a person types a login and a password, presses the button, reads the answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInPageBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_demo_user_signs_in_and_sees_the_success_answer() {
        long goodsBefore =
                jdbc.sql("SELECT count(*) FROM goods").query(Long.class).single();
        try (Browser browser = Browser.open(false)) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/");
            browser.screenshot("sign-in-page");
            page.findElement(By.id("login")).sendKeys("demo@atrium.dev");
            page.findElement(By.id("password")).sendKeys("demo-password");
            page.findElement(By.id("submit")).click();
            String json = answer(page);
            browser.screenshot("sign-in-page-success");
            assertThat(json).contains("\"status\": \"success\"", "\"goods_imported\": 999");
            assertThat(page.findElement(By.id("answer-status")).getText()).isEqualTo("200 success");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM goods").query(Long.class).single())
                .isEqualTo(goodsBefore + 999);
    }

    @Test
    void an_unknown_user_is_told_the_user_does_not_exist() {
        try (Browser browser = Browser.open(true)) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/");
            page.findElement(By.id("login")).sendKeys("nobody@example.com");
            page.findElement(By.id("password")).sendKeys("whatever-it-is");
            page.findElement(By.id("submit")).click();
            String json = answer(page);
            browser.screenshot("sign-in-page-failure-phone");
            assertThat(json).contains("\"status\": \"error\"", "\"message\": \"user does not exist\"");
            assertThat(page.findElement(By.id("answer-message")).getText()).isEqualTo("user does not exist");
        }
    }

    private static String answer(WebDriver page) {
        // Generous, for a busy machine: the wait ends as soon as the answer shows.
        new WebDriverWait(page, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        return page.findElement(By.id("answer-json")).getText();
    }
}
