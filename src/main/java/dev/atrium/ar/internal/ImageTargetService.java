package dev.atrium.ar.internal;

import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.blob.BlobStore;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The image targets of a project, for its owner (or an administrator) and for applications holding an app token of
 * that same project. Every image is checked in full before anything is written; the JPEG and its thumbnail are written
 * to the blob store in the same transaction as the row, so a target is never half made.
 */
@Service
public class ImageTargetService {

    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    private static final String JPEG = "image/jpeg";

    private final ImageTargetRepository targets;
    private final ProjectService projects;
    private final JpegCheck jpegs;
    private final BlobStore blobs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImageTargetService(
            ImageTargetRepository targets,
            ProjectService projects,
            JpegCheck jpegs,
            BlobStore blobs,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.targets = targets;
        this.projects = projects;
        this.jpegs = jpegs;
        this.blobs = blobs;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Adds a target. The access check comes first, so that nobody gets an image decoded for them who may not add it;
     * the decode then runs outside any transaction, so that no database connection waits on it (with virtual threads
     * the pool, not the threads, is what runs out).
     */
    public ImageTarget create(Caller caller, long projectId, String image, @Nullable String description) {
        accessible(caller, projectId, false);
        String checkedDescription = checkedDescription(description);
        CheckedJpeg jpeg = jpegs.check(image);
        return transactions.execute(status -> {
            accessible(caller, projectId, true);
            return targets.save(ImageTarget.create(projectId, checkedDescription, store(jpeg), now()));
        });
    }

    @Transactional(readOnly = true)
    public Page<ImageTarget> list(Caller caller, long projectId, PageQuery page) {
        accessible(caller, projectId, false);
        return new Page<>(targets.listLive(projectId, page.offset(), page.size()), targets.countLive(projectId));
    }

    @Transactional(readOnly = true)
    public ImageTarget get(Caller caller, long projectId, long targetId) {
        accessible(caller, projectId, false);
        return live(projectId, targetId);
    }

    /** The JPEG of a target obtained from {@link #get} (whose access check covers this). */
    public Blob imageOf(ImageTarget target) {
        return blob(target.imageKey(), target);
    }

    /** Replaces the image and the description (an absent description becomes empty). */
    public ImageTarget replace(
            Caller caller, long projectId, long targetId, String image, @Nullable String description) {
        return update(caller, projectId, targetId, image, description == null ? "" : description);
    }

    /** Changes what is given (a null leaves that part as it is); a new image is checked as on creation. */
    public ImageTarget update(
            Caller caller, long projectId, long targetId, @Nullable String image, @Nullable String description) {
        accessible(caller, projectId, false);
        live(projectId, targetId);
        String checkedDescription = description == null ? null : checkedDescription(description);
        CheckedJpeg jpeg = image == null ? null : jpegs.check(image);
        return transactions.execute(status -> {
            accessible(caller, projectId, true);
            ImageTarget target = targets.lockLive(projectId, targetId)
                    .orElseThrow(() -> ImageTargetNotFound.byId(projectId, targetId));
            StoredImage stored = jpeg == null ? storedOf(target) : store(jpeg);
            // Locked above: saving the whole row writes back what it read, besides the changes.
            ImageTarget updated = targets.save(target.changed(
                    checkedDescription == null ? target.description() : checkedDescription, stored, now()));
            if (jpeg != null) {
                // A soft-deleted target keeps its image; a replaced image is gone for good.
                blobs.delete(target.imageKey());
                blobs.delete(target.thumbnailKey());
            }
            return updated;
        });
    }

    /** Deletes a target softly: it vanishes from the API, its image is kept. */
    @Transactional
    public void delete(Caller caller, long projectId, long targetId) {
        accessible(caller, projectId, true);
        if (!targets.softDelete(projectId, targetId, now())) {
            throw ImageTargetNotFound.byId(projectId, targetId);
        }
    }

    /** Every target of a project, deleted ones too, newest first: administrators only (the admin panel). */
    @Transactional(readOnly = true)
    public Page<ImageTarget> listForAdministration(CurrentUser admin, long projectId, PageQuery page) {
        projects.getForAdministration(admin, projectId);
        return new Page<>(targets.listAll(projectId, page.offset(), page.size()), targets.countAll(projectId));
    }

    /** The thumbnail of any target, deleted or not: administrators only (the admin panel). */
    @Transactional(readOnly = true)
    public Blob thumbnailForAdministration(CurrentUser admin, long projectId, long targetId) {
        projects.getForAdministration(admin, projectId);
        ImageTarget target =
                targets.find(projectId, targetId).orElseThrow(() -> ImageTargetNotFound.byId(projectId, targetId));
        return blob(target.thumbnailKey(), target);
    }

    /** How many targets of live projects are not deleted: a number on the admin dashboard. */
    public long countLive() {
        return targets.countAllLive();
    }

    /**
     * The project, if the caller may work with its targets: its owner or an administrator (anyone else is told it
     * does not exist), or an app token of this very project (a token of another project is refused).
     */
    private Project accessible(Caller caller, long projectId, boolean lock) {
        return switch (caller) {
            case Caller.User(CurrentUser user) ->
                lock ? projects.lockManageable(user, projectId) : projects.get(user, projectId);
            case Caller.App(AppClient client) -> {
                if (client.projectId() != projectId) {
                    throw ProjectAccessDenied.appTokenOfAnotherProject(projectId);
                }
                yield lock ? projects.lockLive(projectId) : projects.live(projectId);
            }
        };
    }

    private ImageTarget live(long projectId, long targetId) {
        return targets.findLive(projectId, targetId).orElseThrow(() -> ImageTargetNotFound.byId(projectId, targetId));
    }

    private Blob blob(String key, ImageTarget target) {
        return blobs.get(key).orElseThrow(() -> ImageTargetNotFound.byId(target.projectId(), target.id()));
    }

    private StoredImage store(CheckedJpeg jpeg) {
        String name = "image-targets/" + UUID.randomUUID().toString().replace("-", "");
        Blob image = blobs.put(name + ".jpg", JPEG, jpeg.bytes());
        Blob thumbnail = blobs.put(name + "-thumbnail.jpg", JPEG, jpeg.thumbnail());
        return new StoredImage(
                image.key(), thumbnail.key(), jpeg.width(), jpeg.height(), image.sizeBytes(), image.sha256());
    }

    private static StoredImage storedOf(ImageTarget target) {
        return new StoredImage(
                target.imageKey(),
                target.thumbnailKey(),
                target.width(),
                target.height(),
                target.sizeBytes(),
                target.sha256());
    }

    static String checkedDescription(@Nullable String description) {
        if (description == null) {
            return "";
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw InvalidRequest.field("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (description.indexOf('\0') >= 0) {
            throw InvalidRequest.field("description", "must not contain NUL characters");
        }
        return description;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
