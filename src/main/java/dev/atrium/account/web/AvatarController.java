package dev.atrium.account.web;

import dev.atrium.account.internal.AvatarRejected;
import dev.atrium.account.internal.AvatarService;
import dev.atrium.account.internal.UserService;
import dev.atrium.ratelimit.UploadLimit;
import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.openapi.SignedIn;
import dev.atrium.shared.openapi.UploadLimited;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(
        name = "Avatars",
        description = "A user's picture: uploaded by the user, stored as a JPEG within 200×200 pixels under a random "
                + "[a-zA-Z0-9] name. Reading an avatar needs no token, because an <img> tag cannot send one; "
                + "avatars are shown to every signed-in user anyway, and the named URL cannot be guessed.")
class AvatarController {

    private final AvatarService avatars;
    private final UserService accounts;
    private final UploadLimit uploads;

    AvatarController(AvatarService avatars, UserService accounts, UploadLimit uploads) {
        this.avatars = avatars;
        this.accounts = accounts;
        this.uploads = uploads;
    }

    @RequestMapping(
            path = "/api/users/me/avatar",
            method = {RequestMethod.PUT, RequestMethod.POST},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @SignedIn
    @UploadLimited
    @Operation(
            summary = "Upload one's avatar (multipart field 'avatar')",
            description = "A JPEG, PNG or WebP image (WebP only where the server can decode it) of at most 5 MB and "
                    + "40 megapixels. The format is read from the bytes, not the file name. The image is turned "
                    + "upright, stripped of its metadata, resized to fit within 200×200 pixels keeping its "
                    + "proportions (transparency becomes white) and stored as a JPEG under a fresh random name, "
                    + "replacing the previous avatar. POST is accepted too, for HTML forms. Nothing is stored when "
                    + "the upload is refused.")
    @ApiResponse(responseCode = "200", description = "The user, whose avatar field names the new file")
    @ApiResponse(
            responseCode = "400",
            description = "The field is missing or empty, the image is damaged or truncated, or it has more than 40 "
                    + "megapixels (refused from its header, before decoding)")
    @ApiResponse(responseCode = "413", description = "Larger than 5 MB")
    @ApiResponse(
            responseCode = "415",
            description = "Not multipart/form-data, or not a JPEG, PNG or WebP image whatever its name says")
    UserView upload(
            @AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "The image file") @RequestPart(name = "avatar", required = false) @Nullable MultipartFile avatar) {
        if (avatar == null || avatar.isEmpty()) {
            throw AvatarRejected.empty();
        }
        uploads.take(user);
        avatars.replace(user.id(), bytes(avatar));
        return UserView.of(accounts.view(user, user.id()), true);
    }

    @DeleteMapping("/api/users/me/avatar")
    @SignedIn
    @Operation(summary = "Remove one's avatar", description = "Removing an avatar one does not have changes nothing.")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> remove(@AuthenticationPrincipal CurrentUser user) {
        avatars.remove(user.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/users/me/avatar", produces = MediaType.IMAGE_JPEG_VALUE)
    @SignedIn
    @Operation(summary = "One's own avatar")
    @ApiResponse(responseCode = "200", description = "The JPEG", content = @Content(mediaType = "image/jpeg"))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @ApiResponse(responseCode = "404", description = "One has no avatar")
    ResponseEntity<byte[]> mine(@AuthenticationPrincipal CurrentUser user) {
        return current(user.id());
    }

    @GetMapping(path = "/api/users/{id}/avatar", produces = MediaType.IMAGE_JPEG_VALUE)
    @Operation(
            summary = "A user's current avatar (no authentication)",
            description = "Served with an ETag and 'Cache-Control: no-cache': caches keep it but ask each time "
                    + "whether it changed, and get 304 while it has not. Public, because <img> tags cannot send a "
                    + "token.")
    @ApiResponse(
            responseCode = "200",
            description = "The JPEG",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @ApiResponse(responseCode = "400", description = "The id is not a number")
    @ApiResponse(responseCode = "404", description = "No such active user, or the user has no avatar")
    ResponseEntity<byte[]> current(@PathVariable long id) {
        Blob blob = avatars.current(id).orElseThrow(() -> ProblemException.notFound("An avatar of user " + id));
        return image(blob, CacheControl.noCache().cachePublic());
    }

    @GetMapping(path = "/api/users/{id}/avatar/{file}", produces = MediaType.IMAGE_JPEG_VALUE)
    @Operation(
            summary = "A user's avatar under its file name (no authentication)",
            description = "The URL a user's avatar field gives. The content under a name never changes (a new upload "
                    + "gets a new name), so it is cached for a year.")
    @ApiResponse(
            responseCode = "200",
            description = "The JPEG",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @ApiResponse(responseCode = "404", description = "Not (or no longer) this user's avatar")
    ResponseEntity<byte[]> named(@PathVariable long id, @PathVariable String file) {
        Blob blob = avatars.named(id, file).orElseThrow(() -> ProblemException.notFound("Avatar " + file));
        return image(
                blob, CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    private static ResponseEntity<byte[]> image(Blob blob, CacheControl cache) {
        String file = blob.key().substring(blob.key().lastIndexOf('/') + 1);
        // Spring answers 304 by itself when If-None-Match names this ETag.
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .eTag("\"" + blob.sha256() + "\"")
                .cacheControl(cache)
                .header(
                        "Content-Disposition",
                        ContentDisposition.inline().filename(file).build().toString())
                .body(blob.content());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
