package dev.atrium.ar.internal;

/** A point in an image's pixel coordinates (x to the right, y down). */
public record ImagePoint(double x, double y) {}
