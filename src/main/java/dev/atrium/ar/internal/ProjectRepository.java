package dev.atrium.ar.internal;

import dev.atrium.shared.paging.LikePattern;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The {@code projects} table. "Live" means not deleted. A live project with the same name (whatever its case) makes a
 * save, a rename or a restore throw DuplicateKey. Renaming and restoring are one {@code UPDATE ... RETURNING} each, so
 * that a project deleted (or restored) meanwhile is left alone; they answer the changed row, hence {@code @Query}
 * without {@code @Modifying}.
 */
interface ProjectRepository extends ListCrudRepository<Project, Long> {

    /** What the admin panel searches: a name containing the text, or the id it is, any status when null. */
    String SEARCHED = """
            (:query = '' OR lower(p.name) LIKE :pattern OR CAST(p.id AS text) = :query)
            AND (CAST(:deleted AS boolean) IS NULL OR (p.deleted_at IS NOT NULL) = :deleted)""";

    @Query(
            value = "SELECT * FROM projects WHERE id = :id AND deleted_at IS NULL",
            rowMapperClass = ArRowMappers.Projects.class)
    Optional<Project> findLive(long id);

    /**
     * The live project, share-locked until the transaction ends: what is added to it (an image target, an app token)
     * cannot slip in while it is being deleted.
     */
    @Query("SELECT * FROM projects WHERE id = :id AND deleted_at IS NULL FOR SHARE")
    Optional<Project> lockLive(long id);

    /** Live projects of everyone, oldest first. */
    @Query("SELECT * FROM projects WHERE deleted_at IS NULL ORDER BY id LIMIT :limit OFFSET :offset")
    List<Project> listLive(long offset, int limit);

    @Query("SELECT count(*) FROM projects WHERE deleted_at IS NULL")
    long countLive();

    /** Live projects of one owner, oldest first. */
    @Query("""
            SELECT * FROM projects WHERE deleted_at IS NULL AND owner_id = :ownerId
            ORDER BY id LIMIT :limit OFFSET :offset""")
    List<Project> listLiveOf(long ownerId, long offset, int limit);

    @Query("SELECT count(*) FROM projects WHERE deleted_at IS NULL AND owner_id = :ownerId")
    long countLiveOf(long ownerId);

    /** Deleted projects, most recently deleted first. */
    @Query("""
            SELECT * FROM projects WHERE deleted_at IS NOT NULL
            ORDER BY deleted_at DESC, id DESC LIMIT :limit OFFSET :offset""")
    List<Project> listDeleted(long offset, int limit);

    @Query("SELECT count(*) FROM projects WHERE deleted_at IS NOT NULL")
    long countDeleted();

    @Query("UPDATE projects SET name = :name, updated_at = :at WHERE id = :id AND deleted_at IS NULL RETURNING *")
    Optional<Project> rename(long id, String name, Instant at);

    @Modifying
    @Query("UPDATE projects SET deleted_at = :at, updated_at = :at WHERE id = :id AND deleted_at IS NULL")
    boolean softDelete(long id, Instant at);

    /** Brings a deleted project back; its name must be free again (else DuplicateKey). */
    @Query("""
            UPDATE projects SET deleted_at = NULL, updated_at = :at WHERE id = :id AND deleted_at IS NOT NULL
            RETURNING *""")
    Optional<Project> restore(long id, Instant at);

    /**
     * Projects matching the {@link #SEARCHED search} ({@code pattern} being {@link #likePattern(String)} of the query),
     * newest first, with their live image targets and live app tokens counted.
     */
    @Query("""
            SELECT p.*,
                (SELECT count(*) FROM image_targets t WHERE t.project_id = p.id AND t.deleted_at IS NULL)
                    AS image_targets,
                (SELECT count(*) FROM app_tokens a WHERE a.project_id = p.id AND a.expires_at > :now) AS live_tokens
            FROM projects p WHERE
            """ + SEARCHED + " ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
    List<ProjectService.Overview> overview(
            String query, String pattern, @Nullable Boolean deleted, Instant now, long offset, int limit);

    @Query("SELECT count(*) FROM projects p WHERE " + SEARCHED)
    long countOverview(String query, String pattern, @Nullable Boolean deleted);

    /** A LIKE pattern matching names that contain the text, with LIKE's own characters taken literally. */
    static String likePattern(String text) {
        return LikePattern.containing(text.toLowerCase());
    }
}
