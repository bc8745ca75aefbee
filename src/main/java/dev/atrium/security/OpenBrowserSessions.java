package dev.atrium.security;

import dev.atrium.shared.security.BrowserSessions;
import dev.atrium.shared.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks on every browser request that the user session behind the cookie is still open: an ended session signs the
 * browser out at once, and a change of roles applies at once.
 */
class OpenBrowserSessions extends OncePerRequestFilter {

    private final BrowserSessions sessions;

    OpenBrowserSessions(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            Optional<CurrentUser> current = sessions.current(user.sessionId());
            if (current.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                // For this request only: the stored context keeps what it had, the roles come from the session.
                CurrentUser now = current.get();
                var refreshed = UsernamePasswordAuthenticationToken.authenticated(
                        now,
                        null,
                        now.roles().stream()
                                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                                .toList());
                SecurityContextHolder.setContext(new SecurityContextImpl(refreshed));
            }
        }
        chain.doFilter(request, response);
    }
}
