package dev.atrium.ar.internal;

/**
 * A JPEG that passed every check: the bytes as the client sent them (they are stored as they are, never re-encoded;
 * a PNG's are its JPEG), its size in pixels, a small thumbnail for the admin panel made from the decoded image, and
 * the features and tracking quality found in it.
 */
record CheckedJpeg(byte[] bytes, int width, int height, byte[] thumbnail, TargetAnalysis analysis) {}
