package dev.atrium.ar.internal;

import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.blob.BlobStore;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
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
    public static final int MAX_NAME_LENGTH = 64;
    /** The most duplicates an answer lists. */
    public static final int MAX_DUPLICATES = 20;

    public static final int MAX_METADATA_BYTES = 1_048_576;
    static final double MAX_SCENE_WIDTH = 1_000_000;
    private static final String JPEG = "image/jpeg";

    private final ImageTargetRepository targets;
    private final ProjectService projects;
    private final JpegCheck jpegs;
    private final BlobStore blobs;
    private final TargetMetadata metadataStore;
    private final TargetFeatureStore featureStore;
    private final TargetIndexes indexes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImageTargetService(
            ImageTargetRepository targets,
            ProjectService projects,
            JpegCheck jpegs,
            BlobStore blobs,
            TargetMetadata metadataStore,
            TargetFeatureStore featureStore,
            TargetIndexes indexes,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.targets = targets;
        this.projects = projects;
        this.jpegs = jpegs;
        this.blobs = blobs;
        this.metadataStore = metadataStore;
        this.featureStore = featureStore;
        this.indexes = indexes;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Adds a target. The access check comes first, so that nobody gets an image decoded for them who may not add it;
     * the decode then runs outside any transaction, so that no database connection waits on it (with virtual threads
     * the pool, not the threads, is what runs out).
     */
    public ImageTarget create(Caller caller, long projectId, TargetChange change) {
        accessible(caller, projectId, false);
        TargetDetails details = details(change, null);
        byte[] metadata = metadata(change.applicationMetadata());
        // Counted before the decode, so that a full project costs nothing, and again under the project's lock.
        roomFor(projectId);
        CheckedJpeg jpeg = jpegs.check(required(change.image()));
        return transactions.execute(status -> {
            accessible(caller, projectId, true);
            roomFor(projectId);
            ImageTarget target = saved(projectId, ImageTarget.create(projectId, details, store(jpeg), now()));
            featureStore.put(target.id(), target.sha256(), jpeg.analysis());
            if (metadata != null) {
                metadataStore.put(target.id(), metadata);
            }
            return target;
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

    /** The application metadata of a target obtained from {@link #get}; empty when it has none. */
    @Transactional(readOnly = true)
    public byte[] metadataOf(ImageTarget target) {
        return metadataStore.of(target.id()).orElse(new byte[0]);
    }

    /**
     * Replaces the whole target: the image is required and every other field left out takes its default, as on
     * creation.
     */
    public ImageTarget replace(Caller caller, long projectId, long targetId, TargetChange change) {
        required(change.image());
        return change(caller, projectId, targetId, change, true);
    }

    /** Changes what is given (a null leaves that part as it is); a new image is checked as on creation. */
    public ImageTarget update(Caller caller, long projectId, long targetId, TargetChange change) {
        return change(caller, projectId, targetId, change, false);
    }

    private ImageTarget change(Caller caller, long projectId, long targetId, TargetChange change, boolean whole) {
        accessible(caller, projectId, false);
        ImageTarget current = live(projectId, targetId);
        // Checked before the image is decoded, so that a bad field costs nothing.
        details(change, whole ? null : current);
        byte[] metadata = metadata(change.applicationMetadata());
        CheckedJpeg jpeg = change.image() == null ? null : jpegs.check(change.image());
        return transactions.execute(status -> {
            accessible(caller, projectId, true);
            ImageTarget target = targets.lockLive(projectId, targetId)
                    .orElseThrow(() -> ImageTargetNotFound.byId(projectId, targetId));
            StoredImage stored = jpeg == null ? storedOf(target) : store(jpeg);
            // Checked again against the locked row, so that a concurrent change of another field is not undone.
            TargetDetails locked = details(change, whole ? null : target);
            // A whole replacement without a width makes the target as wide as its new image; a change keeps it.
            TargetDetails resolved = whole && locked.sceneWidth() == null
                    ? new TargetDetails(locked.name(), locked.description(), (double) stored.width(), locked.active())
                    : locked;
            // Locked above: saving the whole row writes back what it read, besides the changes.
            ImageTarget updated = saved(projectId, target.changed(resolved, stored, now()));
            if (metadata != null || whole) {
                metadataStore.put(targetId, metadata == null ? new byte[0] : metadata);
            }
            if (jpeg != null) {
                featureStore.put(targetId, updated.sha256(), jpeg.analysis());
                // A soft-deleted target keeps its image; a replaced image is gone for good.
                blobs.delete(target.imageKey());
                blobs.delete(target.thumbnailKey());
            }
            return updated;
        });
    }

    private void roomFor(long projectId) {
        long max = indexes.maxTargets();
        if (targets.countLive(projectId) >= max) {
            throw ProblemException.conflict(
                            "project-full",
                            "Project full",
                            "Project " + projectId + " has " + max + " image targets, as many as one project may "
                                    + "have (ATRIUM_AR_INDEX_FEATURES / 525); delete one first")
                    .with("limit", max);
        }
    }

    /** Saves the row; a name another live target of the project has is refused (the unique index decides). */
    private ImageTarget saved(long projectId, ImageTarget target) {
        try {
            return targets.save(target);
        } catch (DuplicateKeyException ex) {
            throw ImageTargetNameTaken.named(projectId, Objects.requireNonNull(target.name()));
        }
    }

    /** The tracking quality of each of these targets that has been analysed. */
    @Transactional(readOnly = true)
    public Map<Long, TrackingQuality> qualitiesOf(List<ImageTarget> some) {
        return featureStore.qualities(some.stream().map(ImageTarget::id).toList());
    }

    public @Nullable TrackingQuality qualityOf(ImageTarget target) {
        return qualitiesOf(List.of(target)).get(target.id());
    }

    /**
     * The project's other live, active targets that show the same picture as this one (re-encoded, scaled, cropped
     * or relit), most similar first.
     */
    public List<TargetDuplicate> duplicatesOf(Caller caller, long projectId, long targetId) {
        accessible(caller, projectId, false);
        return duplicatesOf(live(projectId, targetId));
    }

    /** As {@link #duplicatesOf(Caller, long, long)}, for a target just read or written by its caller. */
    public List<TargetDuplicate> duplicatesOf(ImageTarget target) {
        // A deleted target is in no index: it neither has duplicates nor is one.
        if (target.deleted()) {
            return List.of();
        }
        return featureStore
                .featuresOf(target.id())
                .map(features -> matching(target.projectId(), features, target.id()))
                .orElse(List.of());
    }

    /** The project's live, active targets that show the same picture as this image, which is checked but not kept. */
    public List<TargetDuplicate> similarTo(Caller caller, long projectId, @Nullable String image) {
        accessible(caller, projectId, false);
        CheckedJpeg jpeg = jpegs.check(required(image));
        return matching(projectId, jpeg.analysis().features(), TargetIndex.NO_TARGET);
    }

    private List<TargetDuplicate> matching(long projectId, TargetFeatures features, long exceptId) {
        return liveMatches(projectId, indexes.matches(projectId, features, MAX_DUPLICATES, exceptId)).stream()
                .map(found -> new TargetDuplicate(
                        found.target(), found.match().score(), found.match().inliers()))
                .toList();
    }

    /**
     * The matches whose targets are still the project's live, active targets, with their rows: one deleted or
     * deactivated since the index was read is not found any more.
     */
    List<MatchedTarget> liveMatches(long projectId, List<TargetMatch> matches) {
        if (matches.isEmpty()) {
            return List.of();
        }
        Map<Long, ImageTarget> rows = new HashMap<>();
        targets.findAllById(matches.stream().map(TargetMatch::targetId).toList())
                .forEach(target -> rows.put(target.id(), target));
        List<MatchedTarget> live = new ArrayList<>();
        for (TargetMatch match : matches) {
            ImageTarget target = rows.get(match.targetId());
            if (target != null && !target.deleted() && target.active() && target.projectId() == projectId) {
                live.add(new MatchedTarget(target, match));
            }
        }
        return live;
    }

    /** A target found by the index, and its row as it is now. */
    record MatchedTarget(ImageTarget target, TargetMatch match) {}

    /** Refuses a caller who may not read the project's targets, as {@link #list} would. */
    void checkReadable(Caller caller, long projectId) {
        accessible(caller, projectId, false);
    }

    /** Counts of the project's live targets by state and by tracking rating. */
    @Transactional(readOnly = true)
    public TargetSummary summary(Caller caller, long projectId) {
        accessible(caller, projectId, false);
        return TargetSummary.of(featureStore.summary(projectId));
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
        ImageTarget target = getForAdministration(admin, projectId, targetId);
        return blob(target.thumbnailKey(), target);
    }

    /** How many targets of live projects are not deleted: a number on the admin dashboard. */
    public long countLive() {
        return targets.countAllLive();
    }

    /** Any target of a project, deleted or not: administrators only (the admin panel's target page). */
    @Transactional(readOnly = true)
    public ImageTarget getForAdministration(CurrentUser admin, long projectId, long targetId) {
        projects.getForAdministration(admin, projectId);
        return targets.find(projectId, targetId).orElseThrow(() -> ImageTargetNotFound.byId(projectId, targetId));
    }

    /**
     * Where the features of a target obtained from {@link #getForAdministration} were found, to draw them over its
     * image; empty when it has not been analysed yet.
     */
    @Transactional(readOnly = true)
    public Optional<FeaturePoints> featurePointsOf(ImageTarget target) {
        return featureStore
                .featuresOf(target.id())
                .map(features -> new FeaturePoints(features.width(), features.height(), features.xs(), features.ys()));
    }

    /**
     * The positions of a target's features in the image they were found on (the target scaled to {@code width} ×
     * {@code height}): positions only, as the descriptors mean nothing outside matching.
     */
    public record FeaturePoints(int width, int height, float[] xs, float[] ys) {

        public int count() {
            return xs.length;
        }
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

    /**
     * The checked details of a request: for a new or wholly replaced target (no current one) what is left out takes its
     * default; for a change, what is left out keeps the current value.
     */
    static TargetDetails details(TargetChange change, @Nullable ImageTarget current) {
        String name = change.name() == null ? (current == null ? null : current.name()) : checkedName(change.name());
        String description = change.description() == null
                ? (current == null ? "" : current.description())
                : checkedDescription(change.description());
        Double width = change.width() == null ? null : checkedWidth(change.width());
        boolean active = change.active() == null ? current == null || current.active() : change.active();
        return new TargetDetails(name, description, width, active);
    }

    /** An empty name removes it; otherwise 1 to 64 characters without control characters, trimmed. */
    static @Nullable String checkedName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw InvalidRequest.field("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw InvalidRequest.field("name", "must not contain control characters");
        }
        return trimmed;
    }

    static double checkedWidth(double width) {
        if (!Double.isFinite(width) || width <= 0 || width > MAX_SCENE_WIDTH) {
            throw InvalidRequest.field("width", "must be a number above 0 and at most 1000000 (scene units)");
        }
        return width;
    }

    /** The decoded metadata; empty to remove it; null when not sent. Base64, at most 1 MB once decoded. */
    static byte @Nullable [] metadata(@Nullable String base64) {
        if (base64 == null) {
            return null;
        }
        // Four characters for three bytes: too long a text is refused before a byte of it is decoded.
        if (base64.length() > (MAX_METADATA_BYTES + 2) / 3 * 4) {
            throw InvalidRequest.field("application_metadata", "must be at most 1 MB (1048576 bytes) once decoded");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException ex) {
            throw InvalidRequest.field("application_metadata", "must be base64 (standard alphabet)");
        }
        if (decoded.length > MAX_METADATA_BYTES) {
            throw InvalidRequest.field("application_metadata", "must be at most 1 MB (1048576 bytes) once decoded");
        }
        return decoded;
    }

    private static String required(@Nullable String image) {
        if (image == null) {
            throw InvalidRequest.field("image", "is required: a base64-encoded JPEG or PNG");
        }
        return image;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
