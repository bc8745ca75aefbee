package dev.atrium.ar.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The {@code image_targets} table. "Live" means not deleted; a target is always looked up within its project. */
interface ImageTargetRepository extends ListCrudRepository<ImageTarget, Long> {

    @Query(
            value = "SELECT * FROM image_targets WHERE id = :id AND project_id = :projectId AND deleted_at IS NULL",
            rowMapperClass = ArRowMappers.ImageTargets.class)
    Optional<ImageTarget> findLive(long projectId, long id);

    @Query("SELECT * FROM image_targets WHERE id = :id AND project_id = :projectId")
    Optional<ImageTarget> find(long projectId, long id);

    /** The live target, row-locked until the transaction ends, for a change that reads it first. */
    @Query("SELECT * FROM image_targets WHERE id = :id AND project_id = :projectId AND deleted_at IS NULL FOR UPDATE")
    Optional<ImageTarget> lockLive(long projectId, long id);

    /** Live targets of a project, oldest first. */
    @Query(value = """
            SELECT * FROM image_targets WHERE project_id = :projectId AND deleted_at IS NULL
            ORDER BY id LIMIT :limit OFFSET :offset""", rowMapperClass = ArRowMappers.ImageTargets.class)
    List<ImageTarget> listLive(long projectId, long offset, int limit);

    @Query("SELECT count(*) FROM image_targets WHERE project_id = :projectId AND deleted_at IS NULL")
    long countLive(long projectId);

    /** Every target of a project, deleted ones included, newest first: what the admin panel shows. */
    @Query("SELECT * FROM image_targets WHERE project_id = :projectId ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<ImageTarget> listAll(long projectId, long offset, int limit);

    @Query("SELECT count(*) FROM image_targets WHERE project_id = :projectId")
    long countAll(long projectId);

    @Query("""
            SELECT count(*) FROM image_targets t JOIN projects p ON p.id = t.project_id
            WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL""")
    long countAllLive();

    @Modifying
    @Query("""
            UPDATE image_targets SET deleted_at = :at, updated_at = :at
            WHERE id = :id AND project_id = :projectId AND deleted_at IS NULL""")
    boolean softDelete(long projectId, long id, Instant at);

    /** Deletes the project's live targets along with it, marking them with the project's own deletion time. */
    @Modifying
    @Query("UPDATE image_targets SET deleted_at = :at WHERE project_id = :projectId AND deleted_at IS NULL")
    void softDeleteAllOf(long projectId, Instant at);

    /** Brings back the targets that were deleted with the project, and only those. */
    @Modifying
    @Query(
            "UPDATE image_targets SET deleted_at = NULL WHERE project_id = :projectId AND deleted_at = :projectDeletedAt")
    void restoreDeletedWith(long projectId, Instant projectDeletedAt);
}
