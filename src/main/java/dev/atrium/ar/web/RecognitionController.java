package dev.atrium.ar.web;

import dev.atrium.ar.internal.Caller;
import dev.atrium.ar.internal.TargetRecognition;
import dev.atrium.shared.openapi.ProjectAppTokensAccepted;
import dev.atrium.shared.openapi.RecognitionLimited;
import dev.atrium.shared.problem.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Recognition is listed with the image targets it finds, under their tag: it is allowed as they are read, to the
 * project's owner (or an administrator) with a user token, or an app token of this same project.
 */
@RestController
@SecurityRequirement(name = "bearer")
class RecognitionController {

    private final TargetRecognition recognition;
    private final ArLimits limits;

    RecognitionController(TargetRecognition recognition, ArLimits limits) {
        this.recognition = recognition;
        this.limits = limits;
    }

    @PostMapping(path = "/api/project/{projectId}/recognize", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ProjectAppTokensAccepted
    @Operation(
            tags = ImageTargetController.TAG,
            summary = "Recognise a project's image target in a camera frame",
            description = "The frame, a JPEG or PNG, as the multipart file field `image` or as JSON "
                    + "`{\"image\": \"<base64>\"}`; checked as a target's image is (2.25 MB, 4096×4096 pixels) and "
                    + "never kept. Matched against the project's live, active targets. Counted on its own limit, not as "
                    + "an upload: 600 frames a minute per project (app token) or user (user token) by default.")
    @ApiResponse(
            responseCode = "200",
            description = "The best target found and further candidates; matched false when none")
    @ApiResponse(
            responseCode = "400",
            description = "Frame missing, not base64, damaged, or over 4096×4096 pixels; candidates not 0 to 10")
    @ApiResponse(responseCode = "404", description = "No such project, deleted, or someone else's")
    @ApiResponse(responseCode = "413", description = "The frame is over 2.25 MB (or the body over 5 MB)")
    @ApiResponse(
            responseCode = "415",
            description = "Neither a JPEG nor a PNG (GIF, WebP, ...), or a JPEG neither baseline nor progressive")
    @RecognitionLimited
    RecognitionView recognizeFile(
            @AuthenticationPrincipal Object principal,
            @PathVariable long projectId,
            @Parameter(description = "How many further candidates to list besides the best, 0 to 10", example = "3")
                    @RequestParam(defaultValue = "" + TargetRecognition.DEFAULT_CANDIDATES)
                    int candidates,
            @Parameter(description = "The camera frame, a JPEG or PNG file")
                    @RequestPart(name = "image", required = false)
                    @Nullable MultipartFile image) {
        if (image == null || image.isEmpty()) {
            throw InvalidRequest.field("image", "is required: send the frame as the multipart file field 'image'");
        }
        Caller caller = Caller.of(principal);
        limits.recognition(caller);
        try {
            return RecognitionView.of(recognition.recognize(caller, projectId, image.getBytes(), candidates));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @PostMapping(path = "/api/project/{projectId}/recognize", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ProjectAppTokensAccepted
    @Operation(tags = ImageTargetController.TAG, summary = "Recognise a project's image target in a camera frame")
    @RecognitionLimited
    RecognitionView recognizeBase64(
            @AuthenticationPrincipal Object principal,
            @PathVariable long projectId,
            @Parameter(description = "How many further candidates to list besides the best, 0 to 10", example = "3")
                    @RequestParam(defaultValue = "" + TargetRecognition.DEFAULT_CANDIDATES)
                    int candidates,
            @Valid @RequestBody RecognitionRequest request) {
        Caller caller = Caller.of(principal);
        limits.recognition(caller);
        return RecognitionView.of(recognition.recognize(caller, projectId, request.image(), candidates));
    }
}
