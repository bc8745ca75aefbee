package dev.atrium.admin.web;

import dev.atrium.admin.AdminPages;
import dev.atrium.admin.AdminSection;
import dev.atrium.shared.security.CurrentUser;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the navigation and the signed-in administrator into the model of every admin page, whichever module owns it. */
@ControllerAdvice(annotations = AdminPages.class)
class AdminPageModel {

    private final List<AdminSection> sections;

    AdminPageModel(List<AdminSection> sections) {
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(AdminSection::order))
                .toList();
    }

    @ModelAttribute("sections")
    List<AdminSection> sections() {
        return sections;
    }

    @ModelAttribute("admin")
    @Nullable CurrentUser admin(@AuthenticationPrincipal @Nullable CurrentUser user) {
        return user;
    }
}
