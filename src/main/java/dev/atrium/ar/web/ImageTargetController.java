package dev.atrium.ar.web;

import dev.atrium.ar.internal.Caller;
import dev.atrium.ar.internal.ImageTarget;
import dev.atrium.ar.internal.ImageTargetService;
import dev.atrium.ar.internal.TrackingQuality;
import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.openapi.ProjectAppTokensAccepted;
import dev.atrium.shared.openapi.UploadLimited;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@SecurityRequirement(name = "bearer")
@Tag(
        name = ImageTargetController.TAG,
        description = "The JPEG images of a project that an AR application recognises. Allowed: the project's owner "
                + "(or an administrator) with a user token, or an app token of this same project. An app token of "
                + "another project gets 403, no token 401. Images are sent as base64 (a data: URL prefix is "
                + "accepted) and must be baseline or progressive JPEGs, or PNGs (stored as JPEGs), of at most "
                + "2.25 MB and 4096×4096 pixels; nothing is stored when a check fails.")
class ImageTargetController {

    static final String TAG = "AR image targets";

    private final ImageTargetService targets;
    private final ArLimits limits;

    ImageTargetController(ImageTargetService targets, ArLimits limits) {
        this.targets = targets;
        this.limits = limits;
    }

    @PostMapping("/api/project/{projectId}/imagetarget")
    @ProjectAppTokensAccepted
    @Operation(summary = "Add an image target")
    @ApiResponse(responseCode = "201", description = "Created; Location names the target")
    @ApiResponse(
            responseCode = "400",
            description = "Image missing, not base64, damaged, or over 4096×4096 pixels; a bad name, width or "
                    + "application_metadata")
    @ApiResponse(responseCode = "404", description = "No such project, deleted, or someone else's")
    @ApiResponse(
            responseCode = "409",
            description = "Another target of the project has this name, or the project is full (as many targets as "
                    + "ATRIUM_AR_INDEX_FEATURES / 525)")
    @ApiResponse(responseCode = "413", description = "The image is over 2.25 MB (or the body over 5 MB)")
    @ApiResponse(
            responseCode = "415",
            description = "Neither a JPEG nor a PNG (GIF, WebP, ...), or a JPEG neither baseline nor progressive")
    @UploadLimited
    ResponseEntity<WrittenTarget> create(
            @AuthenticationPrincipal Object principal,
            @PathVariable long projectId,
            @Valid @RequestBody ImageTargetRequest request) {
        Caller caller = Caller.of(principal);
        limits.upload(caller);
        ImageTarget target = targets.create(caller, projectId, request.change());
        return ResponseEntity.created(URI.create("/api/project/" + projectId + "/imagetarget/" + target.id()))
                .body(written(target));
    }

    @GetMapping("/api/project/{projectId}/imagetarget")
    @ProjectAppTokensAccepted
    @Operation(summary = "List a project's image targets", description = "Oldest first, without the images.")
    @ApiResponse(responseCode = "200", description = "A page of image targets")
    @ApiResponse(responseCode = "400", description = "Bad page or limit")
    @ApiResponse(
            responseCode = "404",
            description = "No such project, deleted, or someone else's; or a page past the end")
    PageResponse<ImageTargetView> list(
            @AuthenticationPrincipal Object principal,
            @PathVariable long projectId,
            @Valid @ParameterObject PageQuery page) {
        Page<ImageTarget> found = targets.list(Caller.of(principal), projectId, page);
        Map<Long, TrackingQuality> qualities = targets.qualitiesOf(found.items());
        return PageResponse.of(found, page).map(target -> ImageTargetView.of(target, qualities.get(target.id())));
    }

    @GetMapping("/api/project/{projectId}/imagetarget/{targetId}")
    @ProjectAppTokensAccepted
    @Operation(summary = "Get an image target with its image (base64)")
    @ApiResponse(responseCode = "200", description = "The image target")
    @ApiResponse(responseCode = "404", description = "No such project or image target, or deleted")
    ImageTargetWithImage get(
            @AuthenticationPrincipal Object principal, @PathVariable long projectId, @PathVariable long targetId) {
        ImageTarget target = targets.get(Caller.of(principal), projectId, targetId);
        Blob image = targets.imageOf(target);
        return ImageTargetWithImage.of(target, targets.qualityOf(target), image.content(), targets.metadataOf(target));
    }

    @GetMapping("/api/project/{projectId}/imagetarget/{targetId}/image")
    @ProjectAppTokensAccepted
    @Operation(
            summary = "Get an image target's JPEG",
            description = "Served as image/jpeg with an ETag (the SHA-256); If-None-Match answers 304.")
    @ApiResponse(
            responseCode = "200",
            description = "The JPEG",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @ApiResponse(responseCode = "404", description = "No such project or image target, or deleted")
    @Nullable ResponseEntity<byte[]> image(
            @AuthenticationPrincipal Object principal,
            @PathVariable long projectId,
            @PathVariable long targetId,
            WebRequest request) {
        ImageTarget target = targets.get(Caller.of(principal), projectId, targetId);
        String etag = "\"" + target.sha256() + "\"";
        if (request.checkNotModified(etag)) {
            // Answered 304 without reading the image from the database.
            return null;
        }
        Blob image = targets.imageOf(target);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(image.content());
    }

    @PutMapping("/api/project/{projectId}/imagetarget/{targetId}")
    @ProjectAppTokensAccepted
    @Operation(
            summary = "Replace an image target",
            description = "Every field is replaced: image is required, and what is left out takes its default as on "
                    + "creation.")
    @ApiResponse(responseCode = "200", description = "The image target as it is now")
    @ApiResponse(responseCode = "400", description = "Image missing, not base64, damaged, or over 4096×4096 pixels")
    @ApiResponse(responseCode = "404", description = "No such project or image target, or deleted")
    @ApiResponse(responseCode = "409", description = "Another target of the project has this name")
    @ApiResponse(responseCode = "413", description = "The image is over 2.25 MB (or the body over 5 MB)")
    @ApiResponse(
            responseCode = "415",
            description = "Neither a JPEG nor a PNG (GIF, WebP, ...), or a JPEG neither baseline nor progressive")
    @UploadLimited
    WrittenTarget replace(
            @AuthenticationPrincipal Object principal,
            @PathVariable long projectId,
            @PathVariable long targetId,
            @Valid @RequestBody ImageTargetRequest request) {
        Caller caller = Caller.of(principal);
        limits.upload(caller);
        return written(targets.replace(caller, projectId, targetId, request.change()));
    }

    @PatchMapping("/api/project/{projectId}/imagetarget/{targetId}")
    @ProjectAppTokensAccepted
    @Operation(
            summary = "Change an image target",
            description = "Fields left out keep their value; a new image is checked as on creation.")
    @ApiResponse(responseCode = "200", description = "The image target as it is now")
    @ApiResponse(responseCode = "400", description = "Image not base64, damaged, or over 4096×4096 pixels")
    @ApiResponse(responseCode = "404", description = "No such project or image target, or deleted")
    @ApiResponse(responseCode = "409", description = "Another target of the project has this name")
    @ApiResponse(responseCode = "413", description = "The image is over 2.25 MB (or the body over 5 MB)")
    @ApiResponse(
            responseCode = "415",
            description = "Neither a JPEG nor a PNG (GIF, WebP, ...), or a JPEG neither baseline nor progressive")
    @UploadLimited
    WrittenTarget update(
            @AuthenticationPrincipal Object principal,
            @PathVariable long projectId,
            @PathVariable long targetId,
            @Valid @RequestBody ImageTargetPatch patch) {
        Caller caller = Caller.of(principal);
        if (patch.image() != null) {
            limits.upload(caller);
        }
        return written(targets.update(caller, projectId, targetId, patch.change()));
    }

    @DeleteMapping("/api/project/{projectId}/imagetarget/{targetId}")
    @ProjectAppTokensAccepted
    @Operation(summary = "Delete an image target (softly)", description = "It answers 404 from now on.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such project or image target, or already deleted")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal Object principal, @PathVariable long projectId, @PathVariable long targetId) {
        targets.delete(Caller.of(principal), projectId, targetId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/project/{projectId}/imagetarget/{targetId}/duplicates")
    @ProjectAppTokensAccepted
    @Operation(
            summary = "List the targets that show the same picture as this one",
            description = "The project's other live, active targets whose image is this one's re-encoded, scaled, "
                    + "cropped or relit, most similar first (at most 20). Found through the features computed when "
                    + "each image was added (docs/ar.md).")
    @ApiResponse(responseCode = "200", description = "The duplicates; empty when there are none")
    @ApiResponse(responseCode = "404", description = "No such project or image target, or deleted")
    List<DuplicateView> duplicates(
            @AuthenticationPrincipal Object principal, @PathVariable long projectId, @PathVariable long targetId) {
        return targets.duplicatesOf(Caller.of(principal), projectId, targetId).stream()
                .map(DuplicateView::of)
                .toList();
    }

    @PostMapping("/api/project/{projectId}/imagetarget/similar")
    @ProjectAppTokensAccepted
    @Operation(
            summary = "Find the targets that show the same picture as an image, before adding it",
            description = "The image is checked as a new target's is, compared with the project's live, active "
                    + "targets, and not kept. Counts as an upload.")
    @ApiResponse(responseCode = "200", description = "The targets alike, most similar first; empty when none")
    @ApiResponse(responseCode = "400", description = "Image missing, not base64, damaged, or over 4096×4096 pixels")
    @ApiResponse(responseCode = "404", description = "No such project, deleted, or someone else's")
    @ApiResponse(responseCode = "413", description = "The image is over 2.25 MB (or the body over 5 MB)")
    @ApiResponse(
            responseCode = "415",
            description = "Neither a JPEG nor a PNG (GIF, WebP, ...), or a JPEG neither baseline nor progressive")
    @UploadLimited
    List<DuplicateView> similar(
            @AuthenticationPrincipal Object principal,
            @PathVariable long projectId,
            @Valid @RequestBody SimilarRequest request) {
        Caller caller = Caller.of(principal);
        limits.upload(caller);
        return targets.similarTo(caller, projectId, request.image()).stream()
                .map(DuplicateView::of)
                .toList();
    }

    @GetMapping("/api/project/{projectId}/imagetarget/summary")
    @ProjectAppTokensAccepted
    @Operation(summary = "Count a project's image targets by state and tracking rating")
    @ApiResponse(responseCode = "200", description = "The counts")
    @ApiResponse(responseCode = "404", description = "No such project, deleted, or someone else's")
    SummaryView summary(@AuthenticationPrincipal Object principal, @PathVariable long projectId) {
        return SummaryView.of(targets.summary(Caller.of(principal), projectId));
    }

    private WrittenTarget written(ImageTarget target) {
        return new WrittenTarget(
                ImageTargetView.of(target, targets.qualityOf(target)),
                targets.duplicatesOf(target).stream().map(DuplicateView::of).toList());
    }

    static String imageUrl(ImageTarget target) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/project/{projectId}/imagetarget/{targetId}/image")
                .buildAndExpand(target.projectId(), target.id())
                .toUriString();
    }
}
