package dev.atrium.ar.web;

import dev.atrium.account.AccountApi;
import dev.atrium.account.UserSummary;
import dev.atrium.admin.AdminList;
import dev.atrium.admin.AdminPages;
import dev.atrium.admin.AdminPanel;
import dev.atrium.admin.AdminProblems;
import dev.atrium.ar.internal.Caller;
import dev.atrium.ar.internal.ImageTarget;
import dev.atrium.ar.internal.ImageTargetService;
import dev.atrium.ar.internal.Project;
import dev.atrium.ar.internal.ProjectService;
import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin panel's AR projects, deleted ones included, and each project's image targets with thumbnails. Every action
 * goes through the same services as the API.
 */
@Controller
@AdminPages
class ProjectAdminController {

    static final String PATH = "/admin/projects";

    private final ProjectService projects;
    private final ImageTargetService targets;
    private final AccountApi accounts;

    ProjectAdminController(ProjectService projects, ImageTargetService targets, AccountApi accounts) {
        this.projects = projects;
        this.targets = targets;
        this.accounts = accounts;
    }

    record ProjectRow(
            long id,
            String name,
            String owner,
            long imageTargets,
            long liveTokens,
            String created,
            String deletedAt,
            boolean deleted) {}

    record TargetRow(
            long id,
            String description,
            int width,
            int height,
            String size,
            String sha256,
            String created,
            String updated,
            String deletedAt,
            boolean deleted) {}

    @GetMapping(PATH)
    String list(
            @AuthenticationPrincipal CurrentUser admin,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "all") String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String hxRequest,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            HttpServletResponse response,
            Model model) {
        ProjectService.Status shown = status(status);
        AdminList<ProjectService.Overview> found = AdminList.of(page, query -> projects.search(admin, q, shown, query));
        Map<Long, UserSummary> owners = accounts.findUsers(found.rows().stream()
                .map(overview -> overview.project().ownerId())
                .distinct()
                .toList());
        model.addAttribute("q", q);
        model.addAttribute("status", shown.name().toLowerCase(Locale.ROOT));
        model.addAttribute(
                "listing",
                found.map(overview -> new ProjectRow(
                        overview.project().id(),
                        overview.project().name(),
                        owner(owners, overview.project().ownerId()),
                        overview.imageTargets(),
                        overview.liveTokens(),
                        AdminPanel.when(overview.project().createdAt()),
                        AdminPanel.when(overview.project().deletedAt()),
                        overview.project().deleted())));
        response.setHeader("Vary", "HX-Request");
        return AdminPanel.fragmentWanted(hxRequest, historyRestore)
                ? "admin/ar/projects-rows :: rows"
                : "admin/ar/projects";
    }

    @GetMapping(PATH + "/{id}")
    String project(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        Project project = projects.getForAdministration(admin, id);
        model.addAttribute("project", project);
        model.addAttribute("owner", owner(accounts.findUsers(java.util.List.of(project.ownerId())), project.ownerId()));
        model.addAttribute("created", AdminPanel.when(project.createdAt()));
        model.addAttribute("updated", AdminPanel.when(project.updatedAt()));
        model.addAttribute("deleted", AdminPanel.when(project.deletedAt()));
        model.addAttribute(
                "listing",
                AdminList.of(page, query -> targets.listForAdministration(admin, id, query))
                        .map(ProjectAdminController::targetRow));
        return "admin/ar/project";
    }

    @GetMapping(PATH + "/{id}/targets/{targetId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(
            @AuthenticationPrincipal CurrentUser admin, @PathVariable long id, @PathVariable long targetId) {
        Blob thumbnail = targets.thumbnailForAdministration(admin, id, targetId);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .eTag("\"" + thumbnail.sha256() + "\"")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(thumbnail.content());
    }

    @PostMapping(PATH + "/{id}/restore")
    String restore(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes flash) {
        act(flash, () -> "Restored project “" + projects.restore(admin, id).name() + "” with its image targets.");
        return "redirect:" + AdminPanel.back(back, PATH + "/" + id);
    }

    @PostMapping(PATH + "/{id}/delete")
    String delete(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes flash) {
        act(flash, () -> {
            String name = projects.get(admin, id).name();
            projects.delete(admin, id);
            return "Deleted project “" + name + "”: its image targets are hidden and its app tokens revoked.";
        });
        return "redirect:" + AdminPanel.back(back, PATH + "/" + id);
    }

    @PostMapping(PATH + "/{id}/targets/{targetId}/delete")
    String deleteTarget(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @PathVariable long targetId,
            RedirectAttributes flash) {
        act(flash, () -> {
            targets.delete(new Caller.User(admin), id, targetId);
            return "Deleted image target " + targetId + ".";
        });
        return "redirect:" + PATH + "/" + id;
    }

    /** Runs an action and leaves its outcome as a flash message: what was done, or why it was refused. */
    static void act(RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("success", action.get());
        } catch (ProblemException ex) {
            flash.addFlashAttribute("failure", AdminProblems.message(ex));
        }
    }

    private static TargetRow targetRow(ImageTarget target) {
        return new TargetRow(
                target.id(),
                target.description(),
                target.width(),
                target.height(),
                size(target.sizeBytes()),
                target.sha256().substring(0, 12),
                AdminPanel.when(target.createdAt()),
                AdminPanel.when(target.updatedAt()),
                AdminPanel.when(target.deletedAt()),
                target.deleted());
    }

    private static String owner(Map<Long, UserSummary> owners, long id) {
        UserSummary owner = owners.get(id);
        return owner == null ? "user " + id : owner.email();
    }

    private static ProjectService.Status status(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "live" -> ProjectService.Status.LIVE;
            case "deleted" -> ProjectService.Status.DELETED;
            default -> ProjectService.Status.ALL;
        };
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return bytes + " B";
    }
}
