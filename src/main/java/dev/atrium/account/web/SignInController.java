package dev.atrium.account.web;

import dev.atrium.account.TokenPair;
import dev.atrium.account.internal.ClientInfo;
import dev.atrium.account.internal.RefreshTokenExchange;
import dev.atrium.account.internal.SessionRegistry;
import dev.atrium.account.internal.SignIn;
import dev.atrium.shared.openapi.SignedIn;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication", description = "Sign in with email and password, refresh tokens, sign out")
class SignInController {

    private final SignIn signIn;
    private final RefreshTokenExchange refresh;
    private final SessionRegistry sessions;

    SignInController(SignIn signIn, RefreshTokenExchange refresh, SessionRegistry sessions) {
        this.signIn = signIn;
        this.refresh = refresh;
        this.sessions = sessions;
    }

    @PostMapping({"/api/auth", "/api/login", "/api/login/"})
    @Operation(
            summary = "Sign in with email and password",
            description = "Opens a session and returns its tokens. Unknown emails, wrong passwords and deactivated "
                    + "accounts all get the same 401. After 5 failures for one account (or 20 from one address) within "
                    + "15 minutes, 429 with Retry-After. /api/login and /api/login/ are aliases.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "400", description = "Email or password missing")
    @ApiResponse(responseCode = "401", description = "No active user has this email and password")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins lately")
    TokenPair signIn(@RequestBody Credentials credentials, HttpServletRequest request) {
        List<FieldError> missing = new ArrayList<>();
        if (credentials.identifier().isEmpty()) {
            missing.add(new FieldError("username", "the email is required, as 'username', 'email' or 'login'"));
        }
        if (!StringUtils.hasLength(credentials.password())) {
            missing.add(new FieldError("password", "must not be blank"));
        }
        if (!missing.isEmpty()) {
            throw InvalidRequest.of(missing);
        }
        return signIn.signIn(credentials.identifier(), credentials.password(), client(request))
                .tokens();
    }

    @PostMapping("/api/refresh")
    @Operation(
            summary = "Exchange a refresh token for new tokens",
            description = "Each refresh token works once. Presenting one that was already used ends the session.")
    @ApiResponse(responseCode = "200", description = "New access and refresh tokens")
    @ApiResponse(responseCode = "401", description = "Expired, invalid or already used refresh token")
    TokenPair refresh(@Valid @RequestBody RefreshRequest request) {
        return refresh.refresh(request.refresh());
    }

    @PostMapping("/api/logout")
    @SignedIn
    @Operation(summary = "Sign out: end the current session", description = "Its tokens stop working at once.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    ResponseEntity<Void> signOut(@AuthenticationPrincipal CurrentUser user) {
        sessions.end(user);
        return ResponseEntity.noContent().build();
    }

    static ClientInfo client(HttpServletRequest request) {
        return ClientInfo.of(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
