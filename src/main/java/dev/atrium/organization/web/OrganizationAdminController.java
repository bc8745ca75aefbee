package dev.atrium.organization.web;

import dev.atrium.account.AccountApi;
import dev.atrium.account.UserSummary;
import dev.atrium.admin.AdminList;
import dev.atrium.admin.AdminPages;
import dev.atrium.organization.internal.NewOrganization;
import dev.atrium.organization.internal.Organization;
import dev.atrium.organization.internal.OrganizationChanges;
import dev.atrium.organization.internal.OrganizationService;
import dev.atrium.organization.internal.OrganizationService.Details;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
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
 * The admin panel's organizations: search and pages, creating one, its name and description, deleting it, and its
 * members. Every change goes through {@link OrganizationService}, under the same rules as the API.
 */
@Controller
@AdminPages
@RequestMapping("/admin/organizations")
class OrganizationAdminController {

    private final OrganizationService organizations;
    private final AccountApi accounts;

    OrganizationAdminController(OrganizationService organizations, AccountApi accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        AdminList<Details> found = AdminList.of(AdminList.pageNumber(page), query -> organizations.page(q, query));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("organizations", found);
        model.addAttribute("creators", creators(found));
        return htmx != null ? "admin/organization/organizations-rows :: rows" : "admin/organization/organizations";
    }

    @PostMapping
    String create(
            @AuthenticationPrincipal CurrentUser admin,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            RedirectAttributes flash) {
        try {
            Details created = organizations.create(admin, new NewOrganization(name, description));
            flash.addFlashAttribute(
                    "success", "Created " + created.organization().name() + ".");
            return "redirect:/admin/organizations/" + created.organization().id();
        } catch (ProblemException ex) {
            flash.addFlashAttribute("failure", ex.getMessage());
            return "redirect:/admin/organizations";
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Details details = organizations.view(id);
        Long creator = details.organization().creatorId();
        model.addAttribute("details", details);
        model.addAttribute(
                "creator", creator == null ? null : accounts.findUser(creator).orElse(null));
        return "admin/organization/organization";
    }

    @PostMapping("/{id}")
    String update(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            RedirectAttributes flash) {
        return act(
                flash,
                id,
                () -> "Saved the name and description.",
                () -> organizations.update(admin, id, new OrganizationChanges(name, description)));
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes flash) {
        try {
            String name = organizations.view(id).organization().name();
            organizations.delete(admin, id);
            flash.addFlashAttribute("success", "Deleted " + name + ".");
            return "redirect:/admin/organizations";
        } catch (ProblemException ex) {
            flash.addFlashAttribute("failure", ex.getMessage());
            return "redirect:/admin/organizations/" + id;
        }
    }

    @PostMapping("/{id}/members")
    String addMember(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String email,
            RedirectAttributes flash) {
        try {
            boolean added = organizations.addMemberByEmail(admin, id, email).added();
            flash.addFlashAttribute(
                    "success", added ? "Added " + email.strip() + "." : email.strip() + " was already a member.");
        } catch (ProblemException ex) {
            flash.addFlashAttribute("failure", ex.getMessage());
        }
        return "redirect:/admin/organizations/" + id;
    }

    @PostMapping("/{id}/members/{userId}/remove")
    String removeMember(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @PathVariable long userId,
            RedirectAttributes flash) {
        return act(flash, id, () -> "Removed the member.", () -> organizations.removeMember(admin, id, userId));
    }

    /** An organization that does not exist: back to the list, saying so, rather than a JSON error. */
    @ExceptionHandler(ProblemException.class)
    String refused(ProblemException ex, RedirectAttributes flash) {
        flash.addFlashAttribute("failure", ex.getMessage());
        return "redirect:/admin/organizations";
    }

    private static String act(RedirectAttributes flash, long id, Supplier<String> success, Runnable change) {
        try {
            change.run();
            flash.addFlashAttribute("success", success.get());
        } catch (ProblemException ex) {
            flash.addFlashAttribute("failure", ex.getMessage());
        }
        return "redirect:/admin/organizations/" + id;
    }

    /** The creators of the listed organizations, by id, to show their emails. */
    private Map<Long, UserSummary> creators(AdminList<Details> list) {
        return accounts.findUsers(list.rows().stream()
                .map(Details::organization)
                .map(Organization::creatorId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
    }
}
