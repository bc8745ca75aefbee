package dev.atrium.account;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.Replica;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Wrong passwords fired at once at two replicas: the throttle counts each attempt in Redis before its password is
 * checked, so no more than the limit (5 per account) are ever checked, however the requests interleave.
 */
@AtriumTest
class SignInRaceTests {

    static final int LIMIT = 5;
    static final int WRONG = 40;

    static Replica second;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSecondReplica(@Autowired Environment environment) {
        second = Replica.of(environment);
    }

    @AfterAll
    static void stopSecondReplica() {
        second.close();
    }

    @Test
    void forty_concurrent_wrong_passwords_on_two_replicas_get_at_most_five_checked_and_then_the_right_one_waits()
            throws Exception {
        TestUser user = accounts.user();
        String wrong = credentials(user, "wrong password");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < WRONG; i++) {
                // Half on this instance (each from its own address), half on the replica, all released together.
                Callable<Integer> attempt = i % 2 == 0 ? () -> here(wrong) : () -> onReplica(wrong);
                answers.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }

        // A 401 is an answer from a checked password; a 429 was refused before its password was looked at.
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 401).count()).isEqualTo(LIMIT);
        assertThat(statuses.stream().filter(status -> status == 429).count()).isEqualTo(WRONG - LIMIT);

        String right = credentials(user, TestAccounts.PASSWORD);
        assertThat(onReplica(right)).isEqualTo(429);
        assertThat(here(right)).isEqualTo(429);
        assertThat(jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ?")
                        .param(user.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void the_right_password_among_concurrent_wrong_ones_is_only_accepted_within_the_limit() throws Exception {
        TestUser user = accounts.user();
        String wrong = credentials(user, "wrong password");
        String right = credentials(user, TestAccounts.PASSWORD);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> wrongAnswers = new ArrayList<>();
        Future<Integer> rightAnswer;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < WRONG; i++) {
                Callable<Integer> attempt = i % 2 == 0 ? () -> here(wrong) : () -> onReplica(wrong);
                wrongAnswers.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            rightAnswer = pool.submit(() -> {
                start.await();
                return onReplica(right);
            });
            start.countDown();
        }
        long checkedWrong = 0;
        for (Future<Integer> answer : wrongAnswers) {
            checkedWrong += answer.get() == 401 ? 1 : 0;
        }
        int rightStatus = rightAnswer.get();
        assertThat(rightStatus).isIn(200, 429);
        if (rightStatus == 429) {
            // Refused: the five places went to wrong passwords, and no more than those were checked.
            assertThat(checkedWrong).isEqualTo(LIMIT);
        } else {
            // It won one of the five places; its success then cleared the account's count, so later wrong
            // passwords may have been checked too, but never more than the limit before it and after it.
            assertThat(checkedWrong).isLessThanOrEqualTo(2L * LIMIT - 1);
        }
    }

    private static String credentials(TestUser user, String password) {
        return "{\"email\":\"" + user.email() + "\",\"password\":\"" + password + "\"}";
    }

    private int here(String body) {
        return mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange()
                .getResponse()
                .getStatus();
    }

    private int onReplica(String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(second.baseUrl() + "/api/auth"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
