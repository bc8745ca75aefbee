package dev.atrium.admin.web;

import dev.atrium.admin.AdminPages;
import dev.atrium.admin.DashboardCount;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
@AdminPages
class AdminShellController {

    private final List<DashboardCount> counts;

    AdminShellController(List<DashboardCount> counts) {
        this.counts = counts.stream()
                .sorted(Comparator.comparingInt(DashboardCount::order))
                .toList();
    }

    record Tile(String label, String path, long count) {}

    @GetMapping("/admin/login")
    String signInPage(@Nullable HttpSession session, Model model) {
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LockedException || failure instanceof AuthenticationServiceException) {
            // Throttled, or not checkable right now: saying "wrong password" would send the user the wrong way.
            model.addAttribute("failure", ((Exception) failure).getMessage());
        } else if (failure != null) {
            model.addAttribute("failure", "Wrong email or password");
        }
        if (failure instanceof AuthenticationException refused && refused.getAuthenticationRequest() != null) {
            // Only the e-mail goes back into the form: retyping it after a mistyped password is a needless chore.
            model.addAttribute("email", refused.getAuthenticationRequest().getName());
        }
        return "admin/login";
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        model.addAttribute(
                "tiles",
                counts.stream()
                        .map(count -> new Tile(count.label(), count.path(), count.count()))
                        .toList());
        return "admin/dashboard";
    }

    /** Where Spring Security forwards a signed-in user who is not an administrator. */
    @RequestMapping("/admin/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "admin/denied";
    }
}
