package dev.atrium.ar.internal;

/**
 * A camera frame that passed every check: its size in pixels as sent, and the features found in it (on the frame
 * scaled down to {@code features.width()}×{@code features.height()}). Frames are never stored.
 */
record CheckedFrame(int width, int height, TargetFeatures features) {}
