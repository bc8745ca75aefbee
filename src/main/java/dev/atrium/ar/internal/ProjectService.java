package dev.atrium.ar.internal;

import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects, for the API and the admin panel alike. A user sees and changes their own projects, an administrator
 * everyone's; a project someone else owns is answered as missing, exactly like a deleted one.
 */
@Service
public class ProjectService {

    public static final int MAX_NAME_LENGTH = 200;

    private final ProjectRepository projects;
    private final ImageTargetRepository targets;
    private final AppTokenRepository tokens;
    private final Clock clock;

    ProjectService(ProjectRepository projects, ImageTargetRepository targets, AppTokenRepository tokens, Clock clock) {
        this.projects = projects;
        this.targets = targets;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public Project create(CurrentUser user, String name) {
        String checked = checkedName(name);
        try {
            return projects.save(Project.create(checked, user.id(), now()));
        } catch (DuplicateKeyException ex) {
            throw ProjectNameTaken.named(checked);
        }
    }

    /** The caller's live projects (an administrator's: everyone's), or, for administrators only, the deleted ones. */
    @Transactional(readOnly = true)
    public Page<Project> list(CurrentUser user, boolean deleted, PageQuery page) {
        if (deleted) {
            if (!user.isAdmin()) {
                throw ProjectAccessDenied.administratorsOnly("list deleted projects");
            }
            return new Page<>(projects.listDeleted(page.offset(), page.size()), projects.countDeleted());
        }
        if (user.isAdmin()) {
            return new Page<>(projects.listLive(page.offset(), page.size()), projects.countLive());
        }
        return new Page<>(projects.listLiveOf(user.id(), page.offset(), page.size()), projects.countLiveOf(user.id()));
    }

    @Transactional(readOnly = true)
    public Project get(CurrentUser user, long id) {
        return manageable(user, projects.findLive(id), id);
    }

    @Transactional
    public Project rename(CurrentUser user, long id, String name) {
        Project project = get(user, id);
        String checked = checkedName(name);
        if (checked.equals(project.name())) {
            return project;
        }
        try {
            return projects.rename(id, checked, now()).orElseThrow(() -> ProjectNotFound.byId(id));
        } catch (DuplicateKeyException ex) {
            throw ProjectNameTaken.named(checked);
        }
    }

    /**
     * Deletes a project softly: it and its image targets vanish from the API (the targets keep the project's deletion
     * time, so that a restore brings back exactly them), its app tokens are deleted for good, and its name is free.
     */
    @Transactional
    public void delete(CurrentUser user, long id) {
        get(user, id);
        Instant at = now();
        if (!projects.softDelete(id, at)) {
            throw ProjectNotFound.byId(id);
        }
        targets.softDeleteAllOf(id, at);
        tokens.deleteAllOf(id);
    }

    /**
     * Brings a deleted project back with the image targets deleted along with it; its app tokens stay revoked.
     * Administrators only; refused while another live project has taken its name.
     */
    @Transactional
    public Project restore(CurrentUser user, long id) {
        if (!user.isAdmin()) {
            throw ProjectAccessDenied.administratorsOnly("restore deleted projects");
        }
        Project deleted = projects.findById(id).filter(Project::deleted).orElseThrow(() -> ProjectNotFound.byId(id));
        Project restored;
        try {
            restored = projects.restore(id, now()).orElseThrow(() -> ProjectNotFound.byId(id));
        } catch (DuplicateKeyException ex) {
            throw ProjectNameTaken.named(deleted.name());
        }
        targets.restoreDeletedWith(id, deleted.deletedAt());
        return restored;
    }

    /** A live project the user may manage, share-locked until the transaction ends; 404 otherwise. */
    public Project lockManageable(CurrentUser user, long id) {
        return manageable(user, projects.lockLive(id), id);
    }

    /** A live project, share-locked until the transaction ends, whoever owns it; 404 otherwise. */
    public Project lockLive(long id) {
        return projects.lockLive(id).orElseThrow(() -> ProjectNotFound.byId(id));
    }

    public Project live(long id) {
        return projects.findLive(id).orElseThrow(() -> ProjectNotFound.byId(id));
    }

    /** Any project, deleted or not: administrators only (the admin panel). */
    @Transactional(readOnly = true)
    public Project getForAdministration(CurrentUser admin, long id) {
        if (!admin.isAdmin()) {
            throw ProjectAccessDenied.administratorsOnly("see deleted projects");
        }
        return projects.findById(id).orElseThrow(() -> ProjectNotFound.byId(id));
    }

    /** What the admin panel lists about a project. */
    public record Overview(@Embedded.Empty Project project, long imageTargets, long liveTokens) {}

    /** Which projects the admin panel lists. */
    public enum Status {
        ALL,
        LIVE,
        DELETED
    }

    /** Projects whose name contains the query (or whose id it is), newest first: administrators only. */
    @Transactional(readOnly = true)
    public Page<Overview> search(CurrentUser admin, String query, Status status, PageQuery page) {
        if (!admin.isAdmin()) {
            throw ProjectAccessDenied.administratorsOnly("search every project");
        }
        String q = query.strip();
        String pattern = ProjectRepository.likePattern(q);
        Boolean deleted = switch (status) {
            case ALL -> null;
            case LIVE -> false;
            case DELETED -> true;
        };
        return new Page<>(
                projects.overview(q, pattern, deleted, now(), page.offset(), page.size()),
                projects.countOverview(q, pattern, deleted));
    }

    /** How many projects are not deleted: a number on the admin dashboard. */
    public long countLive() {
        return projects.countLive();
    }

    private static Project manageable(CurrentUser user, Optional<Project> project, long id) {
        return project.filter(found -> user.mayManage(found.ownerId())).orElseThrow(() -> ProjectNotFound.byId(id));
    }

    /** Names are kept as given, minus surrounding spaces; blank, overlong and control-character names are refused. */
    static String checkedName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            throw InvalidRequest.field("name", "must not be blank");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw InvalidRequest.field("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw InvalidRequest.field("name", "must not contain control characters");
        }
        return stripped;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
