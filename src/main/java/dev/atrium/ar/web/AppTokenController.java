package dev.atrium.ar.web;

import dev.atrium.ar.internal.AppToken;
import dev.atrium.ar.internal.AppTokenService;
import dev.atrium.shared.openapi.AppTokensRefused;
import dev.atrium.shared.openapi.SignedIn;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
@Tag(
        name = "AR app tokens",
        description = "JWTs for an AR application, one project each, managed by the project's owner (or an "
                + "administrator). An application sends one as 'Authorization: Bearer <token>' to work with that "
                + "project's image targets, and nothing else. A token is honoured until it expires or is deleted; "
                + "its expiry is kept by Atrium (expires_at), not in the token, so it can be moved without a new "
                + "token. Expired tokens are deleted by a scheduled job.")
class AppTokenController {

    private final AppTokenService tokens;

    AppTokenController(AppTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/project/{projectId}/jwt")
    @SignedIn
    @Operation(
            summary = "Create an app token",
            description = "The project's owner or an administrator. The body is optional; the token lives two weeks "
                    + "unless ttl_seconds says otherwise.")
    @ApiResponse(responseCode = "201", description = "The new token")
    @ApiResponse(responseCode = "400", description = "ttl_seconds out of range or not a whole number")
    @ApiResponse(responseCode = "403", description = "An app token was sent: tokens are managed by users")
    @ApiResponse(responseCode = "404", description = "No such project, deleted, or someone else's")
    @ApiResponse(responseCode = "409", description = "The project's owner is deactivated")
    ResponseEntity<AppTokenView> create(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long projectId,
            @Valid @RequestBody(required = false) @Nullable TokenRequest request) {
        AppToken token = tokens.issue(user, projectId, request == null ? null : request.ttlSeconds());
        return ResponseEntity.created(URI.create("/api/project/" + projectId + "/jwt/" + token.id()))
                .body(AppTokenView.of(token));
    }

    @GetMapping("/api/project/{projectId}/jwt")
    @AppTokensRefused
    @Operation(
            summary = "List the project's app tokens",
            description = "Every token that has not expired or been deleted, oldest first, each with its JWT. The "
                    + "project's owner or an administrator.")
    @ApiResponse(responseCode = "200", description = "A page of tokens")
    @ApiResponse(responseCode = "400", description = "Bad page or limit")
    @ApiResponse(
            responseCode = "404",
            description = "No such project, deleted, or someone else's; or a page past the end")
    PageResponse<AppTokenView> list(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long projectId,
            @Valid @ParameterObject PageQuery page) {
        return PageResponse.of(tokens.list(user, projectId, page), page).map(AppTokenView::of);
    }

    @GetMapping("/api/project/{projectId}/jwt/{tokenId}")
    @AppTokensRefused
    @Operation(summary = "Get one app token", description = "The project's owner or an administrator.")
    @ApiResponse(responseCode = "200", description = "The token")
    @ApiResponse(responseCode = "404", description = "No such project, or no such live token in it")
    AppTokenView get(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long projectId, @PathVariable String tokenId) {
        return AppTokenView.of(tokens.get(user, projectId, tokenId));
    }

    @RequestMapping(
            path = "/api/project/{projectId}/jwt/{tokenId}",
            method = {RequestMethod.PATCH, RequestMethod.PUT})
    @AppTokensRefused
    @Operation(
            summary = "Change an app token's TTL",
            description = "The token now expires ttl_seconds from now, sooner or later than before; the application "
                    + "keeps using the same token. PUT does the same as PATCH. The project's owner or an "
                    + "administrator.")
    @ApiResponse(responseCode = "200", description = "The token with its new expiry")
    @ApiResponse(responseCode = "400", description = "ttl_seconds missing, out of range or not a whole number")
    @ApiResponse(responseCode = "404", description = "No such project, or no such live token in it")
    AppTokenView extend(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long projectId,
            @PathVariable String tokenId,
            @Valid @RequestBody TtlRequest request) {
        return AppTokenView.of(tokens.extend(user, projectId, tokenId, request.ttlSeconds()));
    }

    @RequestMapping(
            path = "/api/project/{projectId}/jwt",
            method = {RequestMethod.PATCH, RequestMethod.PUT})
    @AppTokensRefused
    @Operation(
            summary = "Change an app token's TTL, naming the token in the body or the query",
            description =
                    "The same as PATCH /api/project/{id}/jwt/{token_id}, on the collection path, which AR clients use for all four operations: the "
                            + "token is named by id (or token_id) or by the token itself (token) in the body, or by ?id= "
                            + "(or ?token_id=) in the query. The project's owner or an administrator.")
    @ApiResponse(responseCode = "200", description = "The token with its new expiry")
    @ApiResponse(
            responseCode = "400",
            description = "No token named, two different ones named, a token that is not an app token, or "
                    + "ttl_seconds missing, out of range or not a whole number")
    @ApiResponse(responseCode = "404", description = "No such project, or no such live token in it")
    AppTokenView extendNamed(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long projectId,
            @Parameter(description = "The token's id, when the body does not name it")
                    @RequestParam(required = false)
                    @Nullable String id,
            @Parameter(description = "The token's id, as id does")
                    @RequestParam(name = "token_id", required = false)
                    @Nullable String tokenId,
            @Valid @RequestBody(required = false) @Nullable NamedTokenRequest request) {
        String named = namedToken(id, tokenId, request);
        if (request == null || request.ttlSeconds() == null) {
            throw InvalidRequest.field("ttl_seconds", "must not be null");
        }
        return AppTokenView.of(tokens.extend(user, projectId, named, request.ttlSeconds()));
    }

    @DeleteMapping("/api/project/{projectId}/jwt")
    @AppTokensRefused
    @Operation(
            summary = "Delete (revoke) an app token, naming it in the body or the query",
            description =
                    "The same as DELETE /api/project/{id}/jwt/{token_id}, on the collection path, which AR clients use for all four operations: the "
                            + "token is named by id (or token_id) or by the token itself (token) in a JSON body, or by ?id= "
                            + "(or ?token_id=) in the query. The project's owner or an administrator.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(
            responseCode = "400",
            description = "No token named, two different ones named, or a token that is not an app token")
    @ApiResponse(responseCode = "404", description = "No such project, or no such live token in it")
    ResponseEntity<Void> deleteNamed(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long projectId,
            @Parameter(description = "The token's id, when the body does not name it")
                    @RequestParam(required = false)
                    @Nullable String id,
            @Parameter(description = "The token's id, as id does")
                    @RequestParam(name = "token_id", required = false)
                    @Nullable String tokenId,
            @Valid @RequestBody(required = false) @Nullable NamedTokenRequest request) {
        tokens.revoke(user, projectId, namedToken(id, tokenId, request));
        return ResponseEntity.noContent().build();
    }

    /** The one token the query and body name between them, by id or as the JWT itself. */
    private String namedToken(
            @Nullable String queryId, @Nullable String queryTokenId, @Nullable NamedTokenRequest request) {
        Map<String, String> named = new LinkedHashMap<>();
        if (StringUtils.hasText(queryId)) {
            named.put(queryId.strip(), "id");
        }
        if (StringUtils.hasText(queryTokenId)) {
            named.putIfAbsent(queryTokenId.strip(), "token_id");
        }
        if (request != null && StringUtils.hasText(request.id())) {
            named.putIfAbsent(request.id().strip(), "id");
        }
        if (request != null && StringUtils.hasText(request.token())) {
            named.putIfAbsent(tokens.idOf(request.token(), "token"), "token");
        }
        if (named.isEmpty()) {
            throw InvalidRequest.field(
                    "id", "name the token: its id as id or token_id (in the body or the query), or the token as token");
        }
        if (named.size() > 1) {
            throw InvalidRequest.field(
                    named.values().stream().skip(1).findFirst().orElseThrow(),
                    "names another token than " + named.values().iterator().next() + " does");
        }
        return named.keySet().iterator().next();
    }

    @DeleteMapping("/api/project/{projectId}/jwt/{tokenId}")
    @AppTokensRefused
    @Operation(
            summary = "Delete (revoke) an app token",
            description = "The token is refused from the next request on, on every replica. The project's owner or "
                    + "an administrator.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "No such project, or no such live token in it")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long projectId, @PathVariable String tokenId) {
        tokens.revoke(user, projectId, tokenId);
        return ResponseEntity.noContent().build();
    }
}
