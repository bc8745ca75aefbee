package dev.atrium.storage;

import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.blob.BlobStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PostgresBlobStore implements BlobStore {

    private final JdbcClient jdbc;

    PostgresBlobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Blob put(String key, String contentType, byte[] content) {
        Blob blob = new Blob(key, contentType, content.length, sha256(content), content);
        jdbc.sql("""
                        INSERT INTO blobs (key, content_type, size_bytes, sha256, content)
                        VALUES (:key, :contentType, :size, :sha256, :content)
                        ON CONFLICT (key) DO UPDATE
                        SET content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes,
                            sha256 = EXCLUDED.sha256, content = EXCLUDED.content, created_at = now()
                        """)
                .param("key", key)
                .param("contentType", contentType)
                .param("size", blob.sizeBytes())
                .param("sha256", blob.sha256())
                .param("content", content)
                .update();
        return blob;
    }

    @Override
    public Optional<Blob> get(String key) {
        return jdbc.sql("SELECT key, content_type, size_bytes, sha256, content FROM blobs WHERE key = :key")
                .param("key", key)
                .query((rs, row) -> new Blob(
                        rs.getString("key"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        rs.getBytes("content")))
                .optional();
    }

    @Override
    public void delete(String key) {
        jdbc.sql("DELETE FROM blobs WHERE key = :key").param("key", key).update();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }
}
