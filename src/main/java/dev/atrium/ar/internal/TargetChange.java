package dev.atrium.ar.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a request says of an image target, as sent and not yet checked. A null field is one left out: on creation and
 * on a whole replacement it takes its default (no name, an empty description, as wide in the scene as the image is in
 * pixels, active, no metadata); on a change it keeps its value. An empty {@code applicationMetadata} removes the
 * metadata.
 */
public record TargetChange(
        @Nullable String image,
        @Nullable String name,
        @Nullable String description,
        @Nullable Double width,
        @Nullable Boolean active,
        @Nullable String applicationMetadata) {}
