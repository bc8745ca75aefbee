package dev.atrium.ar.internal;

import org.jspecify.annotations.Nullable;

/** An image target's checked details besides its image; a null scene width is the image's width in pixels. */
record TargetDetails(
        @Nullable String name, String description, @Nullable Double sceneWidth, boolean active) {}
