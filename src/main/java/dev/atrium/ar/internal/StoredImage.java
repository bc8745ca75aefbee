package dev.atrium.ar.internal;

/** Where an image target's JPEG and thumbnail were stored, and the facts checked about the JPEG. */
record StoredImage(String imageKey, String thumbnailKey, int width, int height, long sizeBytes, String sha256) {}
