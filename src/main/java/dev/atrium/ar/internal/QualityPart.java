package dev.atrium.ar.internal;

/** One part of a {@link TrackingQuality}: what was measured, its value, and a line a person understands. */
public record QualityPart(String name, double value, String reason) {}
