package dev.atrium.ar.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code image_target_metadata} table: the application metadata of a target, apart from its row so that lists of
 * targets never read it.
 */
@Repository
class TargetMetadata {

    private final JdbcClient jdbc;

    TargetMetadata(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<byte[]> of(long targetId) {
        return jdbc.sql("SELECT content FROM image_target_metadata WHERE target_id = ?")
                .param(targetId)
                .query(byte[].class)
                .optional();
    }

    /** Sets the metadata, or removes it when empty. */
    void put(long targetId, byte[] content) {
        if (content.length == 0) {
            jdbc.sql("DELETE FROM image_target_metadata WHERE target_id = ?")
                    .param(targetId)
                    .update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO image_target_metadata (target_id, content) VALUES (?, ?)
                        ON CONFLICT (target_id) DO UPDATE SET content = excluded.content""").param(targetId).param(content).update();
    }
}
