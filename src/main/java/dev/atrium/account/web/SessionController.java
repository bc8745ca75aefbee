package dev.atrium.account.web;

import dev.atrium.account.internal.Session;
import dev.atrium.account.internal.SessionEnding;
import dev.atrium.shared.openapi.SignedIn;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Sessions", description = "One's own open sessions: where one is signed in")
class SessionController {

    private final SessionEnding sessions;

    SessionController(SessionEnding sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/api/sessions")
    @SignedIn
    @Operation(summary = "List one's open sessions, most recently used first")
    @ApiResponse(responseCode = "200", description = "A page of sessions")
    PageResponse<SessionView> list(@AuthenticationPrincipal CurrentUser user, @Valid @ParameterObject PageQuery page) {
        List<Session> open = sessions.openSessions(user, user.id());
        List<SessionView> views = open.stream()
                .skip(page.offset())
                .limit(page.size())
                .map(session -> new SessionView(
                        session.id(),
                        session.createdAt(),
                        session.lastSeenAt(),
                        session.clientAddress(),
                        session.userAgent(),
                        session.id().equals(user.sessionId())))
                .toList();
        return PageResponse.of(views, open.size(), page);
    }

    @DeleteMapping("/api/sessions/{id}")
    @SignedIn
    @Operation(summary = "End one of one's sessions", description = "Its tokens stop working at once.")
    @ApiResponse(responseCode = "204", description = "Ended")
    @ApiResponse(responseCode = "404", description = "No such open session of one's own")
    ResponseEntity<Void> end(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        sessions.end(user, user.id(), id);
        return ResponseEntity.noContent().build();
    }
}
