package dev.atrium.ar.web;

import dev.atrium.admin.AdminList;
import dev.atrium.admin.AdminPages;
import dev.atrium.admin.AdminPanel;
import dev.atrium.ar.internal.AppTokenService;
import dev.atrium.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin panel's live app tokens, searched by project, and their revocation through the same service as the API. */
@Controller
@AdminPages
class AppTokenAdminController {

    static final String PATH = "/admin/tokens";

    private final AppTokenService tokens;

    AppTokenAdminController(AppTokenService tokens) {
        this.tokens = tokens;
    }

    record TokenRow(UUID id, long projectId, String projectName, String created, String expires) {}

    @GetMapping(PATH)
    String list(
            @AuthenticationPrincipal CurrentUser admin,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String hxRequest,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute(
                "listing",
                AdminList.of(page, query -> tokens.search(admin, q, query))
                        .map(listed -> new TokenRow(
                                listed.token().id(),
                                listed.token().projectId(),
                                listed.projectName(),
                                AdminPanel.when(listed.token().createdAt()),
                                AdminPanel.when(listed.token().expiresAt()))));
        response.setHeader("Vary", "HX-Request");
        return AdminPanel.fragmentWanted(hxRequest, historyRestore)
                ? "admin/ar/tokens-rows :: rows"
                : "admin/ar/tokens";
    }

    @PostMapping(PATH + "/{id}/revoke")
    String revoke(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes flash) {
        ProjectAdminController.act(flash, () -> {
            tokens.revoke(admin, id);
            return "Revoked app token " + id + ": it is refused from now on.";
        });
        return "redirect:" + AdminPanel.back(back, PATH);
    }
}
