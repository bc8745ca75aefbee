package dev.atrium.ar.web;

import dev.atrium.ar.internal.ImageTargetService;
import dev.atrium.ar.internal.TargetChange;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new image target, or a whole one in place of another (PUT): what is left out takes its default. */
@Schema(name = "ImageTargetRequest")
record ImageTargetRequest(
        @Schema(
                description = "A JPEG or PNG, base64-encoded; a data: URL (data:image/jpeg;base64,...) is accepted "
                        + "too. A PNG is stored as a JPEG.",
                example = ImageTargetRequest.EXAMPLE_JPEG)
        @NotNull(message = "is required: a base64-encoded JPEG or PNG") String image,

        @Schema(description = "At most 2000 characters; empty when left out", example = "Poster in the hall")
        @Size(max = ImageTargetService.MAX_DESCRIPTION_LENGTH) @Nullable String description,

        @Schema(
                description = "At most 64 characters, unique among the project's targets whatever its case; none "
                        + "when left out",
                example = "hall-poster")
        @Nullable String name,

        @Schema(
                description = "The target's width in the app's scene units (metres, say); its height follows from "
                        + "the image's aspect ratio. Left out, the image's width in pixels.",
                example = "0.5")
        @Nullable Double width,

        @Schema(
                description = "Whether the target is found as a duplicate and recognised; true when left out",
                example = "true")
        @Nullable Boolean active,

        @Schema(
                description = "Data the app keeps with the target, base64-encoded, at most 1 MB once decoded; "
                        + "returned with the target",
                example = "eyJ2aWRlbyI6ICJpbnRyby5tcDQifQ==")
        @Nullable String applicationMetadata) {

    /** A whole JPEG of one grey pixel: an example that Swagger UI can send as it is. */
    static final String EXAMPLE_JPEG =
            "/9j/4AAQSkZJRgABAgAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wAALCAABAAEBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/AOar/9k=";

    TargetChange change() {
        return new TargetChange(image, name, description, width, active, applicationMetadata);
    }
}
