package dev.atrium.ar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/**
 * Row mappers for the reads every AR application request makes (the project, and one target or a page of them), named
 * on their {@code @Query} methods. Spring Data's own mapping converts each column through its conversion service and
 * cost these paths a tenth to a fifth of their rate ({@code bench/ar-auth.sh}, docs/performance.md); these read the
 * columns directly, and the repositories stay Spring Data's.
 */
final class ArRowMappers {

    private ArRowMappers() {}

    static final class Projects implements RowMapper<Project> {

        @Override
        public Project mapRow(ResultSet rs, int row) throws SQLException {
            return new Project(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getLong("owner_id"),
                    instant(rs.getTimestamp("created_at")),
                    instant(rs.getTimestamp("updated_at")),
                    nullableInstant(rs.getTimestamp("deleted_at")));
        }
    }

    static final class ImageTargets implements RowMapper<ImageTarget> {

        @Override
        public ImageTarget mapRow(ResultSet rs, int row) throws SQLException {
            return new ImageTarget(
                    rs.getLong("id"),
                    rs.getLong("project_id"),
                    rs.getString("name"),
                    rs.getString("description"),
                    rs.getDouble("scene_width"),
                    rs.getBoolean("active"),
                    rs.getString("image_key"),
                    rs.getString("thumbnail_key"),
                    rs.getInt("width"),
                    rs.getInt("height"),
                    rs.getLong("size_bytes"),
                    rs.getString("sha256"),
                    instant(rs.getTimestamp("created_at")),
                    instant(rs.getTimestamp("updated_at")),
                    nullableInstant(rs.getTimestamp("deleted_at")));
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static @Nullable Instant nullableInstant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
