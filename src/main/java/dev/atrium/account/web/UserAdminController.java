package dev.atrium.account.web;

import dev.atrium.account.internal.Deactivation;
import dev.atrium.account.internal.PasswordReplacement;
import dev.atrium.account.internal.ProfileChanges;
import dev.atrium.account.internal.ProfileUpdate;
import dev.atrium.account.internal.SessionEnding;
import dev.atrium.account.internal.SignInRecordService;
import dev.atrium.account.internal.SignInUnlock;
import dev.atrium.account.internal.UserService;
import dev.atrium.admin.AdminList;
import dev.atrium.admin.AdminPages;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin panel's users: search and pages, one user's profile, names and roles, deactivation, a new password, an
 * unlocked sign-in, and their sessions. Every change goes through the use case the API calls too ({@link ProfileUpdate},
 * {@link Deactivation}, {@link PasswordReplacement}, ...), under the same rules; a refusal comes back as a flash
 * message.
 */
@Controller
@AdminPages
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserService accounts;
    private final ProfileUpdate profiles;
    private final Deactivation deactivation;
    private final PasswordReplacement passwords;
    private final SignInUnlock unlock;
    private final SessionEnding sessions;
    private final SignInRecordService history;

    UserAdminController(
            UserService accounts,
            ProfileUpdate profiles,
            Deactivation deactivation,
            PasswordReplacement passwords,
            SignInUnlock unlock,
            SessionEnding sessions,
            SignInRecordService history) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.deactivation = deactivation;
        this.passwords = passwords;
        this.unlock = unlock;
        this.sessions = sessions;
        this.history = history;
    }

    @GetMapping
    String list(
            @AuthenticationPrincipal CurrentUser admin,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("users", AdminList.of(AdminList.pageNumber(page), query -> accounts.page(admin, q, query)));
        // htmx asks for the rows alone, as the search box is typed into.
        return htmx != null ? "admin/account/users-rows :: rows" : "admin/account/users";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, Model model) {
        model.addAttribute("profile", accounts.view(admin, id));
        model.addAttribute("sessions", sessions.openSessions(admin, id));
        model.addAttribute("signIns", history.latestOf(admin, id, 10));
        return "admin/account/user";
    }

    @PostMapping("/{id}")
    String update(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String firstName,
            @RequestParam(defaultValue = "") String lastName,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "false") boolean administrator,
            RedirectAttributes flash) {
        List<String> roles = administrator ? List.of("USER", "ADMIN") : List.of("USER");
        return act(
                flash,
                id,
                "Saved the user's names and roles.",
                () -> profiles.update(
                        admin, id, new ProfileChanges(null, firstName, lastName, phone, null, roles, null)));
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes flash) {
        return act(
                flash, id, "Deactivated the user and ended their sessions.", () -> deactivation.deactivate(admin, id));
    }

    @PostMapping("/{id}/activate")
    String activate(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes flash) {
        return act(
                flash,
                id,
                "Reactivated the user: they can sign in again.",
                () -> profiles.update(admin, id, new ProfileChanges(null, null, null, null, null, null, true)));
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String newPassword,
            RedirectAttributes flash) {
        return act(
                flash,
                id,
                "Set a new password and ended the user's sessions.",
                () -> passwords.reset(admin, id, newPassword));
    }

    @PostMapping("/{id}/unlock")
    String unlock(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes flash) {
        return act(
                flash,
                id,
                "Unlocked sign-in: the user's failed sign-ins are forgotten.",
                () -> unlock.unlock(admin, id));
    }

    @PostMapping("/{id}/sessions/{sessionId}/end")
    String endSession(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @PathVariable String sessionId,
            RedirectAttributes flash) {
        return act(flash, id, "Ended the session.", () -> sessions.end(admin, id, sessionId));
    }

    @PostMapping("/{id}/sessions/end")
    String endAllSessions(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, id, "Ended every session of the user.", () -> sessions.endAll(admin, id));
    }

    /** A user who does not exist (or a refused read): back to the list, saying why, rather than a JSON error. */
    @ExceptionHandler(ProblemException.class)
    String refused(ProblemException ex, RedirectAttributes flash) {
        flash.addFlashAttribute("failure", ex.getMessage());
        return "redirect:/admin/users";
    }

    /** Runs the change and returns to the user's page with a message saying how it went. */
    private static String act(RedirectAttributes flash, long id, String success, Runnable change) {
        try {
            change.run();
            flash.addFlashAttribute("success", success);
        } catch (ProblemException ex) {
            flash.addFlashAttribute("failure", ex.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }
}
