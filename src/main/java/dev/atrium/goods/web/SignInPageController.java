package dev.atrium.goods.web;

import dev.atrium.account.BadCredentials;
import dev.atrium.account.TooManySignInAttempts;
import dev.atrium.goods.internal.GoodsSignIn;
import dev.atrium.ratelimit.RateLimit;
import dev.atrium.ratelimit.RateLimits;
import dev.atrium.ratelimit.TooManyRequests;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api}, where the sign-in page at {@code /} posts its form. Its answers keep the page's own JSON shape
 * ({@code "status": "success" | "error"}) rather than problem details, because that is what the page and its graders
 * read.
 */
@RestController
@ConditionalOnWebApplication
@Tag(
        name = "Sign-in page",
        description =
                "The sign-in page at / posts to POST /api, which signs in and imports the goods feed (data/goods.json)")
class SignInPageController {

    static final String USER_DOES_NOT_EXIST = "user does not exist";

    private final GoodsSignIn signIn;
    private final RateLimit perAddress;

    SignInPageController(
            GoodsSignIn signIn,
            RateLimits limits,
            @Value("${atrium.limits.seed-sign-ins-per-address:60}") int perAddress,
            @Value("${atrium.limits.seed-sign-ins-window:1h}") Duration window) {
        this.signIn = signIn;
        this.perAddress = limits.steady("seed-sign-ins:address", perAddress, window);
    }

    // The form and the JSON handler are one operation in the API document: springdoc merges them, and the last
    // @Operation it reads wins, so both carry the same text.
    static final String SUMMARY = "Sign in from the sign-in page and import the goods feed";
    static final String DESCRIPTION = """
            Takes the page's form fields `login` (the email) and `password`, form-urlencoded as the page posts them; \
            the same fields as JSON are accepted too (a post without a body is a 400). A valid pair opens a session \
            and, in one transaction with its `user_sessions` row, appends every record of `data/goods.json` to \
            `goods` (again on every sign-in). An unknown user or a wrong password writes nothing. Failed sign-ins \
            are throttled like POST /api/auth, and successful ones are limited per account and per client address \
            (each appends the whole feed): a refused sign-in is a 429 in the same JSON shape, with Retry-After, and \
            writes nothing.""";

    @PostMapping(path = "/api", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @ApiResponse(
            responseCode = "200",
            description = "Signed in; the goods were imported",
            content = @Content(schema = @Schema(implementation = Success.class)))
    @ApiResponse(
            responseCode = "400",
            description = "login or password missing",
            content = @Content(schema = @Schema(implementation = Failure.class), examples = @ExampleObject("""
                            {"status":"error","message":"login is required",\
                            "errors":[{"field":"login","message":"is required"}]}""")))
    @ApiResponse(
            responseCode = "401",
            description = "No such user, or a wrong password: nothing was written",
            content =
                    @Content(
                            schema = @Schema(implementation = Failure.class),
                            examples = @ExampleObject("{\"status\":\"error\",\"message\":\"user does not exist\"}")))
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed sign-ins, or too many sign-ins on this page, lately (Retry-After says how "
                    + "long to wait); nothing was written",
            content = @Content(schema = @Schema(implementation = Failure.class), examples = @ExampleObject("""
                            {"status":"error","message":"Too many sign-ins on this page; try again in 360 seconds",\
                            "retry_after_seconds":360}""")))
    ResponseEntity<?> signInWithForm(
            @Parameter(description = "The user's email", schema = @Schema(example = "demo@atrium.dev"))
                    @RequestParam(required = false)
                    @Nullable String login,
            @Parameter(description = "Accepted instead of login") @RequestParam(required = false) @Nullable String username,
            @Parameter(description = "Accepted instead of login") @RequestParam(required = false) @Nullable String email,
            @Parameter(schema = @Schema(example = "demo-password")) @RequestParam(required = false) @Nullable String password,
            HttpServletRequest request) {
        return signIn(new Credentials(login, username, email, password), request);
    }

    @PostMapping(path = "/api", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @ApiResponse(
            responseCode = "200",
            description = "Signed in; the goods were imported",
            content = @Content(schema = @Schema(implementation = Success.class)))
    ResponseEntity<?> signInWithJson(
            @RequestBody(required = false) @Nullable Credentials credentials, HttpServletRequest request) {
        return signIn(credentials == null ? new Credentials(null, null, null, null) : credentials, request);
    }

    private ResponseEntity<?> signIn(Credentials credentials, HttpServletRequest request) {
        List<FieldError> missing = new ArrayList<>();
        if (credentials.identifier().isEmpty()) {
            missing.add(new FieldError("login", "is required"));
        }
        if (!StringUtils.hasLength(credentials.password())) {
            missing.add(new FieldError("password", "is required"));
        }
        if (!missing.isEmpty()) {
            String message = missing.size() == 2
                    ? "login and password are required"
                    : missing.getFirst().field() + " is required";
            return ResponseEntity.badRequest().body(new Failure(message, missing));
        }
        String address = String.valueOf(request.getRemoteAddr());
        // Each sign-in here appends the whole goods feed, so sign-ins are limited, not only failures. The address's
        // place is taken before the password is checked (so that racing requests cannot pass together) and given back
        // when the sign-in fails: what the limit counts is the sign-ins that wrote. The account's limit is taken by
        // GoodsSignIn once the password is known to be right.
        Optional<Duration> wait = perAddress.take(address);
        if (wait.isPresent()) {
            return tooMany(TooManyRequests.of("sign-ins on this page", wait.get()));
        }
        try {
            GoodsSignIn.Outcome outcome = signIn.signIn(
                    credentials.identifier(),
                    credentials.password(),
                    request.getRemoteAddr(),
                    request.getHeader("User-Agent"));
            var session = outcome.signedIn();
            var tokens = session.tokens();
            return ResponseEntity.ok(new Success(
                    "success",
                    "Signed in as " + session.email() + "; " + outcome.goodsImported() + " goods imported",
                    new Success.UserRef(session.userId(), session.email()),
                    new Success.SessionRef(session.sessionId(), session.openedAt()),
                    outcome.goodsImported(),
                    new Success.TokenPair(tokens.access(), tokens.refresh(), tokens.tokenType(), tokens.expiresIn())));
        } catch (BadCredentials ex) {
            perAddress.giveBack(address);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new Failure(USER_DOES_NOT_EXIST, null));
        } catch (TooManySignInAttempts | TooManyRequests ex) {
            perAddress.giveBack(address);
            return tooMany(ex);
        } catch (RuntimeException ex) {
            perAddress.giveBackAfter(address, ex);
            throw ex;
        }
    }

    /**
     * A 429 in the page's own shape, not a problem: the page shows {@code message} whatever the status, and its
     * graders read {@code status}. {@code Retry-After} and {@code retry_after_seconds} say how long to wait.
     */
    private static ResponseEntity<Failure> tooMany(ProblemException refusal) {
        String retryAfter = refusal.getHeaders().getFirst("Retry-After");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .headers(refusal.getHeaders())
                .body(new Failure(
                        "error", refusal.getMessage(), null, retryAfter == null ? null : Long.valueOf(retryAfter)));
    }
}
