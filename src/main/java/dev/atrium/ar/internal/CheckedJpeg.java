package dev.atrium.ar.internal;

/**
 * A JPEG that passed every check: the bytes as the client sent them (they are stored as they are, never re-encoded),
 * its size in pixels, and a small thumbnail for the admin panel made from the decoded image.
 */
record CheckedJpeg(byte[] bytes, int width, int height, byte[] thumbnail) {}
