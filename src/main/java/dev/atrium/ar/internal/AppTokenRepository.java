package dev.atrium.ar.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Persistable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The {@code app_tokens} table. A token is live while its row exists and {@code expires_at} is in the future. The
 * check of every app-token request is {@link LiveAppTokensImpl}.
 */
interface AppTokenRepository extends ListCrudRepository<AppTokenRepository.Row, UUID>, LiveAppTokens {

    /**
     * A row, without the signed token (which is made from it). Its id is the token's jti, chosen by Atrium, so it tells
     * Spring Data itself that it is new: a row is only ever inserted by {@code save}, every change to it being one of
     * the conditional statements below.
     */
    @Table("app_tokens")
    record Row(@Id UUID id, long projectId, Instant createdAt, Instant expiresAt) implements Persistable<UUID> {

        @Override
        public UUID getId() {
            return id;
        }

        @Override
        public boolean isNew() {
            return true;
        }
    }

    /** A live token as the admin panel lists it, with its project's name. */
    record Listed(@Embedded.Empty Row row, String projectName) {}

    @Query("SELECT * FROM app_tokens WHERE id = :id AND project_id = :projectId AND expires_at > :now")
    Optional<Row> findLive(long projectId, UUID id, Instant now);

    @Query("SELECT * FROM app_tokens WHERE id = :id AND expires_at > :now")
    Optional<Row> findLive(UUID id, Instant now);

    /** Live tokens of a project, oldest first. */
    @Query("""
            SELECT * FROM app_tokens WHERE project_id = :projectId AND expires_at > :now
            ORDER BY created_at, id LIMIT :limit OFFSET :offset""")
    List<Row> listLive(long projectId, Instant now, long offset, int limit);

    @Query("SELECT count(*) FROM app_tokens WHERE project_id = :projectId AND expires_at > :now")
    long countLive(long projectId, Instant now);

    /** Moves a live token's expiry; false when there is no such live token. */
    @Modifying
    @Query("""
            UPDATE app_tokens SET expires_at = :expiresAt
            WHERE id = :id AND project_id = :projectId AND expires_at > :now""")
    boolean expireAt(long projectId, UUID id, Instant expiresAt, Instant now);

    /** Deletes a live token; false when there is no such live token. */
    @Modifying
    @Query("DELETE FROM app_tokens WHERE id = :id AND project_id = :projectId AND expires_at > :now")
    boolean deleteLive(long projectId, UUID id, Instant now);

    @Modifying
    @Query("DELETE FROM app_tokens WHERE project_id = :projectId")
    void deleteAllOf(long projectId);

    /**
     * Deletes every token of the owner's projects. The projects are locked first, in a statement of their own: a token
     * being issued holds its project's share lock, so the delete, whose snapshot is taken after the wait, sees that
     * token once it is committed.
     */
    default int deleteAllOfOwner(long ownerId) {
        lockProjectsOf(ownerId);
        return deleteAllOfProjectsOf(ownerId);
    }

    @Query("SELECT id FROM projects WHERE owner_id = :ownerId ORDER BY id FOR UPDATE")
    List<Long> lockProjectsOf(long ownerId);

    @Modifying
    @Query("DELETE FROM app_tokens t USING projects p WHERE t.project_id = p.id AND p.owner_id = :ownerId")
    int deleteAllOfProjectsOf(long ownerId);

    /**
     * Deletes up to {@code batch} expired tokens and returns how many. Rows another replica's purge is deleting at the
     * same moment are skipped, not waited for, so that replicas running the job together share the work.
     */
    @Modifying
    @Query("""
            DELETE FROM app_tokens WHERE id IN (
                SELECT id FROM app_tokens WHERE expires_at <= :now LIMIT :batch FOR UPDATE SKIP LOCKED)""")
    int deleteExpired(Instant now, int batch);

    /** What the admin panel searches: a project name containing the text, or the project's or token's id it is. */
    String SEARCHED = """
            AND (:query = '' OR lower(p.name) LIKE :pattern OR CAST(p.id AS text) = :query
                OR CAST(t.id AS text) = lower(:query))""";

    /**
     * Live tokens of live projects matching the {@link #SEARCHED search} ({@code pattern} being
     * {@link ProjectRepository#likePattern(String)} of the query), newest first.
     */
    @Query("""
            SELECT t.*, p.name AS project_name FROM app_tokens t JOIN projects p ON p.id = t.project_id
            WHERE t.expires_at > :now AND p.deleted_at IS NULL
            """ + SEARCHED + " ORDER BY t.created_at DESC, t.id LIMIT :limit OFFSET :offset")
    List<Listed> search(String query, String pattern, Instant now, long offset, int limit);

    @Query("""
            SELECT count(*) FROM app_tokens t JOIN projects p ON p.id = t.project_id
            WHERE t.expires_at > :now AND p.deleted_at IS NULL
            """ + SEARCHED)
    long countSearch(String query, String pattern, Instant now);
}
