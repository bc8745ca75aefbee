package dev.atrium.shared.blob;

/**
 * A stored file.
 *
 * @param key its name in the store, e.g. {@code avatars/Q8fJ2kP0aZ7mN1xY.jpg}
 * @param sha256 the hex SHA-256 of the content, usable as an ETag
 */
public record Blob(String key, String contentType, long sizeBytes, String sha256, byte[] content) {}
