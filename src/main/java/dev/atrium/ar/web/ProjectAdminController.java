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
import dev.atrium.ar.internal.TargetDuplicate;
import dev.atrium.ar.internal.TargetRecognition;
import dev.atrium.ar.internal.TrackingQuality;
import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
    private static final int MAX_STARS = 5;

    private final ProjectService projects;
    private final ImageTargetService targets;
    private final AccountApi accounts;
    private final TargetRecognition recognition;

    ProjectAdminController(
            ProjectService projects, ImageTargetService targets, AccountApi accounts, TargetRecognition recognition) {
        this.projects = projects;
        this.targets = targets;
        this.accounts = accounts;
        this.recognition = recognition;
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
            @Nullable String name,
            String description,
            boolean active,
            String stars,
            int width,
            int height,
            String size,
            String sha256,
            String created,
            String updated,
            String deletedAt,
            boolean deleted) {}

    /** One measure of a target's tracking rating, its value as the page shows it and why it counts. */
    record QualityRow(String name, String value, String reason) {}

    /**
     * A project's recognitions on this replica since it started; the max is the longest of the last few minutes, as
     * Micrometer keeps it.
     */
    record RecognitionRow(long hits, long misses, String mean, String max) {

        static RecognitionRow of(TargetRecognition.RecognitionFigures figures) {
            boolean none = figures.hits() + figures.misses() == 0;
            return new RecognitionRow(
                    figures.hits(),
                    figures.misses(),
                    none ? "–" : Math.round(figures.meanMillis()) + " ms",
                    none ? "–" : Math.round(figures.maxMillis()) + " ms");
        }
    }

    /** Another target of the project that shows the same picture. */
    record DuplicateRow(long id, String label, String similarity, int matchingFeatures) {}

    /**
     * The features to draw over the image: the view box is the analysed image, so that the browser scales the points
     * with the image to whatever size it is shown at.
     */
    record FeatureOverlay(int width, int height, double radius, List<FeatureCircle> circles) {}

    record FeatureCircle(String x, String y) {}

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
        model.addAttribute("owner", owner(accounts.findUsers(List.of(project.ownerId())), project.ownerId()));
        model.addAttribute("created", AdminPanel.when(project.createdAt()));
        model.addAttribute("updated", AdminPanel.when(project.updatedAt()));
        model.addAttribute("deleted", AdminPanel.when(project.deletedAt()));
        model.addAttribute("recognitions", RecognitionRow.of(recognition.figuresOf(id)));
        AdminList<ImageTarget> listing = AdminList.of(page, query -> targets.listForAdministration(admin, id, query));
        Map<Long, TrackingQuality> qualities = targets.qualitiesOf(listing.rows());
        model.addAttribute("listing", listing.map(target -> targetRow(target, qualities.get(target.id()))));
        return "admin/ar/project";
    }

    @GetMapping(PATH + "/{id}/targets/{targetId}")
    String target(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @PathVariable long targetId,
            Model model) {
        Project project = projects.getForAdministration(admin, id);
        ImageTarget target = targets.getForAdministration(admin, id, targetId);
        TrackingQuality quality = targets.qualityOf(target);
        model.addAttribute("project", project);
        model.addAttribute("target", targetRow(target, quality));
        model.addAttribute(
                "sceneWidth",
                BigDecimal.valueOf(target.sceneWidth()).stripTrailingZeros().toPlainString());
        model.addAttribute("quality", quality == null ? List.of() : qualityRows(quality));
        model.addAttribute(
                "overlay",
                targets.featurePointsOf(target)
                        .map(ProjectAdminController::overlay)
                        .orElse(null));
        model.addAttribute(
                "duplicates",
                targets.duplicatesOf(target).stream()
                        .map(ProjectAdminController::duplicateRow)
                        .toList());
        return "admin/ar/target";
    }

    /** The target's own JPEG, deleted or not, for its page: the thumbnail is too small to see features on. */
    @GetMapping(PATH + "/{id}/targets/{targetId}/image")
    ResponseEntity<byte[]> image(
            @AuthenticationPrincipal CurrentUser admin, @PathVariable long id, @PathVariable long targetId) {
        Blob image = targets.imageOf(targets.getForAdministration(admin, id, targetId));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .eTag("\"" + image.sha256() + "\"")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(image.content());
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

    private static TargetRow targetRow(ImageTarget target, @Nullable TrackingQuality quality) {
        return new TargetRow(
                target.id(),
                target.name(),
                target.description(),
                target.active(),
                stars(quality),
                target.width(),
                target.height(),
                size(target.sizeBytes()),
                target.sha256().substring(0, 12),
                AdminPanel.when(target.createdAt()),
                AdminPanel.when(target.updatedAt()),
                AdminPanel.when(target.deletedAt()),
                target.deleted());
    }

    /** The rating as five stars and its number, such as "★★★☆☆ 3/5". */
    static String stars(@Nullable TrackingQuality quality) {
        if (quality == null) {
            return "not rated yet";
        }
        int rating = Math.clamp(quality.rating(), 0, MAX_STARS);
        return "★".repeat(rating) + "☆".repeat(MAX_STARS - rating) + " " + rating + "/" + MAX_STARS;
    }

    private static List<QualityRow> qualityRows(TrackingQuality quality) {
        return List.of(
                new QualityRow(
                        "Features",
                        String.format(
                                Locale.ROOT, "%.0f distinct", quality.features().value()),
                        quality.features().reason()),
                new QualityRow(
                        "Coverage",
                        percent(quality.coverage().value()),
                        quality.coverage().reason()),
                new QualityRow(
                        "Contrast",
                        String.format(
                                Locale.ROOT, "%.1f of 255", quality.contrast().value()),
                        quality.contrast().reason()),
                new QualityRow(
                        "Ambiguity",
                        percent(quality.ambiguity().value()),
                        quality.ambiguity().reason()));
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static FeatureOverlay overlay(ImageTargetService.FeaturePoints points) {
        List<FeatureCircle> circles = new ArrayList<>(points.count());
        for (int i = 0; i < points.count(); i++) {
            circles.add(new FeatureCircle(coordinate(points.xs()[i]), coordinate(points.ys()[i])));
        }
        // About 1 % of the long side, so that the circles look the same on any image.
        double radius = Math.max(2, Math.max(points.width(), points.height()) / 100.0);
        return new FeatureOverlay(points.width(), points.height(), radius, circles);
    }

    private static String coordinate(float value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static DuplicateRow duplicateRow(TargetDuplicate duplicate) {
        ImageTarget target = duplicate.target();
        String label = target.name() != null ? target.name() : "Image target " + target.id();
        return new DuplicateRow(target.id(), label, percent(duplicate.similarity()), duplicate.matchingFeatures());
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
