package dev.atrium.organization.internal;

import dev.atrium.shared.paging.LikePattern;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The {@code organizations} table; the memberships are {@link MembershipRepository}. Names are unique whatever their case, so
 * looking one up compares lower-case names, as the unique index does.
 */
interface OrganizationRepository extends ListCrudRepository<Organization, Long> {

    /** Organizations whose name or description contains the pattern, any case; all of them when it is null. */
    String MATCHING = """
            (CAST(:pattern AS text) IS NULL
                OR name ILIKE :pattern ESCAPE '\\' OR description ILIKE :pattern ESCAPE '\\')""";

    @Query("SELECT * FROM organizations WHERE lower(name) = lower(:name)")
    Optional<Organization> findByName(String name);

    /** Reads the organization and locks its row until the transaction ends. */
    @Query("SELECT * FROM organizations WHERE id = :id FOR UPDATE")
    Optional<Organization> lock(long id);

    @Query("SELECT EXISTS (SELECT 1 FROM organizations WHERE lower(name) = lower(:name) AND id <> :exceptId)")
    boolean nameTaken(String name, long exceptId);

    /** A page in id order of the organizations matching the {@link LikePattern#searchOrNull pattern}. */
    @Query("SELECT * FROM organizations WHERE " + MATCHING + " ORDER BY id LIMIT :limit OFFSET :offset")
    List<Organization> page(@Nullable String pattern, long offset, int limit);

    @Query("SELECT count(*) FROM organizations WHERE " + MATCHING)
    long countMatching(@Nullable String pattern);
}
