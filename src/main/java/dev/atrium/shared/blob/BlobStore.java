package dev.atrium.shared.blob;

import java.util.Optional;

/**
 * Where Atrium keeps binary files. The implementation ({@code dev.atrium.storage}) stores them in PostgreSQL, so every
 * replica sees the same files and a file is written in the same transaction as the row that points to it.
 */
public interface BlobStore {

    /** Stores (or replaces) the content under the key and returns what was stored. */
    Blob put(String key, String contentType, byte[] content);

    Optional<Blob> get(String key);

    /** Removes the file; removing a missing file is not an error. */
    void delete(String key);
}
