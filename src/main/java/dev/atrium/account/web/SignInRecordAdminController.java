package dev.atrium.account.web;

import dev.atrium.account.internal.SignInRecordService;
import dev.atrium.admin.AdminList;
import dev.atrium.admin.AdminPages;
import dev.atrium.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in records: every sign-in ({@code user_sessions}), newest first, searchable by email. */
@Controller
@AdminPages
class SignInRecordAdminController {

    private final SignInRecordService history;

    SignInRecordAdminController(SignInRecordService history) {
        this.history = history;
    }

    @GetMapping("/admin/sessions")
    String list(
            @AuthenticationPrincipal CurrentUser admin,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("signIns", AdminList.of(AdminList.pageNumber(page), query -> history.page(admin, q, query)));
        return htmx != null ? "admin/account/sessions-rows :: rows" : "admin/account/sessions";
    }
}
