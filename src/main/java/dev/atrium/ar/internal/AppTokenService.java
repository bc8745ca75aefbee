package dev.atrium.ar.internal;

import dev.atrium.account.AccountApi;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import dev.atrium.shared.security.JwtSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * App tokens: JWTs that let an application work with one project's image targets, managed by the project's owner (or
 * an administrator).
 *
 * <p>The token carries no {@code exp}: its expiry is kept in {@code app_tokens.expires_at} and checked on every
 * request, so that it can be moved ({@code PATCH}) while the application keeps the token it has, and so that deleting
 * the row revokes the token at once on every replica. An {@code exp} in the token could only be the longest lifetime a
 * row may ever reach, which a {@code PATCH} can always push further, and adding one would change the tokens that
 * applications already hold; so {@link JwtSigner} exempts this one {@code typ} from requiring it, and the row is the
 * expiry. What the token does carry (its id, project, issue time, issuer
 * and audience) is fixed when it is made, and HMAC signing is deterministic, so the token is made again from its row
 * whenever it is listed rather than stored: the table alone is not enough to use a token.
 */
@Service
public class AppTokenService {

    /** The {@code typ} claim of app tokens: the one kind of token verification lets through without {@code exp}. */
    public static final String TYPE = JwtSigner.APP_TYPE;

    public static final Duration DEFAULT_TTL = Duration.ofDays(14);
    /** The shortest lifetime a token may be given, in seconds: a minute. */
    public static final long MIN_TTL_SECONDS = 60;
    /** The longest lifetime a token may be given, in seconds: a year. */
    public static final long MAX_TTL_SECONDS = 31_536_000;

    private static final int PURGE_BATCH = 1000;

    private final AppTokenRepository tokens;
    private final ProjectService projects;
    private final AccountApi accounts;
    private final JwtSigner signer;
    private final Clock clock;

    AppTokenService(
            AppTokenRepository tokens, ProjectService projects, AccountApi accounts, JwtSigner signer, Clock clock) {
        this.tokens = tokens;
        this.projects = projects;
        this.accounts = accounts;
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * Makes a token for the project, living {@code ttlSeconds} (two weeks when null). Not for a deactivated owner's
     * project: the project's lock orders this against the deactivation, which revokes the owner's tokens.
     */
    @Transactional
    public AppToken issue(CurrentUser user, long projectId, @Nullable Long ttlSeconds) {
        Project project = projects.lockManageable(user, projectId);
        if (accounts.findActiveUsers(List.of(project.ownerId())).isEmpty()) {
            throw ProblemException.conflict(
                    "owner-deactivated",
                    "Owner deactivated",
                    "The project's owner is deactivated: their projects get no app tokens until they are reactivated");
        }
        Duration ttl = ttlSeconds == null ? DEFAULT_TTL : checkedTtl(ttlSeconds);
        Instant now = now();
        return signed(tokens.save(new AppTokenRepository.Row(UUID.randomUUID(), projectId, now, now.plus(ttl))));
    }

    /** The project's live tokens (not expired), oldest first, each with its token. */
    @Transactional(readOnly = true)
    public Page<AppToken> list(CurrentUser user, long projectId, PageQuery page) {
        projects.get(user, projectId);
        Instant now = now();
        return new Page<>(
                tokens.listLive(projectId, now, page.offset(), page.size()).stream()
                        .map(this::signed)
                        .toList(),
                tokens.countLive(projectId, now));
    }

    @Transactional(readOnly = true)
    public AppToken get(CurrentUser user, long projectId, String tokenId) {
        projects.get(user, projectId);
        return signed(
                tokens.findLive(projectId, tokenId(tokenId), now()).orElseThrow(() -> AppTokenNotFound.byId(tokenId)));
    }

    /** Gives a live token a new expiry, {@code ttlSeconds} from now; the token itself does not change. */
    @Transactional
    public AppToken extend(CurrentUser user, long projectId, String tokenId, long ttlSeconds) {
        projects.lockManageable(user, projectId);
        Duration ttl = checkedTtl(ttlSeconds);
        UUID id = tokenId(tokenId);
        Instant now = now();
        if (!tokens.expireAt(projectId, id, now.plus(ttl), now)) {
            throw AppTokenNotFound.byId(tokenId);
        }
        return signed(tokens.findLive(projectId, id, now).orElseThrow(() -> AppTokenNotFound.byId(tokenId)));
    }

    /**
     * The id of a token given as the JWT itself, as a client that kept only the token names it. A string that is not an
     * app token signed by Atrium is refused naming {@code field}; whether the token is live, and in which project, is
     * for {@link #extend} and {@link #revoke} to find.
     */
    public String idOf(String token, String field) {
        try {
            Jwt jwt = signer.verify(token.strip(), JwtSigner.API_AUDIENCE);
            if (TYPE.equals(jwt.getClaimAsString("typ")) && jwt.getId() != null) {
                return jwt.getId();
            }
        } catch (JwtException ex) {
            // Refused below, as every string that is not one of our app tokens is.
        }
        throw InvalidRequest.field(field, "is not an app token of Atrium");
    }

    /** Revokes a token: it is refused from the next request on, on every replica. */
    @Transactional
    public void revoke(CurrentUser user, long projectId, String tokenId) {
        projects.get(user, projectId);
        if (!tokens.deleteLive(projectId, tokenId(tokenId), now())) {
            throw AppTokenNotFound.byId(tokenId);
        }
    }

    /** Revokes a token knowing only its id, as the admin panel does; administrators only. */
    @Transactional
    public void revoke(CurrentUser admin, String tokenId) {
        if (!admin.isAdmin()) {
            throw ProjectAccessDenied.administratorsOnly("revoke any app token");
        }
        UUID id = tokenId(tokenId);
        AppTokenRepository.Row row = tokens.findLive(id, now()).orElseThrow(() -> AppTokenNotFound.byId(tokenId));
        revoke(admin, row.projectId(), tokenId);
    }

    /**
     * The project an app token works for, if the token is still honoured: its row exists, it has not expired and its
     * project is not deleted.
     */
    public Optional<Long> liveProjectOf(UUID tokenId) {
        return tokens.liveProjectOf(tokenId, clock.instant());
    }

    /** A live token as the admin panel lists it. */
    public record Listed(AppToken token, String projectName) {}

    /** Live tokens of live projects, searched by project name or id (or the token's id), newest first. */
    @Transactional(readOnly = true)
    public Page<Listed> search(CurrentUser admin, String query, PageQuery page) {
        if (!admin.isAdmin()) {
            throw ProjectAccessDenied.administratorsOnly("list every app token");
        }
        String q = query.strip();
        Instant now = now();
        String pattern = ProjectRepository.likePattern(q);
        List<Listed> found = tokens.search(q, pattern, now, page.offset(), page.size()).stream()
                .map(listed -> new Listed(signed(listed.row()), listed.projectName()))
                .toList();
        return new Page<>(found, tokens.countSearch(q, pattern, now));
    }

    /** How many tokens are live: a number on the admin dashboard. */
    public long countLive() {
        return tokens.countSearch("", ProjectRepository.likePattern(""), now());
    }

    /** Deletes every expired token, a batch at a time, and returns how many it deleted. */
    public int purgeExpired() {
        Instant now = clock.instant();
        int deleted = 0;
        int batch;
        do {
            batch = tokens.deleteExpired(now, PURGE_BATCH);
            deleted += batch;
        } while (batch == PURGE_BATCH);
        return deleted;
    }

    private AppToken signed(AppTokenRepository.Row row) {
        String token = signer.sign(JwtClaimsSet.builder()
                        .subject("project:" + row.projectId())
                        .audience(List.of(JwtSigner.API_AUDIENCE))
                        .id(row.id().toString())
                        .issuedAt(row.createdAt())
                        .claim("typ", TYPE)
                        .claim("project_id", row.projectId()))
                .getTokenValue();
        return new AppToken(row.id(), row.projectId(), token, row.createdAt(), row.expiresAt());
    }

    static Duration checkedTtl(long seconds) {
        if (seconds < MIN_TTL_SECONDS || seconds > MAX_TTL_SECONDS) {
            throw InvalidRequest.field(
                    "ttl_seconds",
                    "must be between " + MIN_TTL_SECONDS + " (a minute) and " + MAX_TTL_SECONDS + " (a year)");
        }
        return Duration.ofSeconds(seconds);
    }

    private static UUID tokenId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException ex) {
            throw AppTokenNotFound.byId(id);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
