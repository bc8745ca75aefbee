-- What AR tools keep with each image target besides its image.
--   name        optional; unique among the project's live targets, whatever its case (a deleted target frees it).
--   scene_width the target's width in the units of the app's scene (metres, say); its height follows from the
--               image's aspect ratio. A target added without one is as wide as its image in pixels, so that the
--               width and height that answers showed before stay what they were.
--   active      an inactive target is kept, listed and served, but not found as a duplicate nor recognised.
ALTER TABLE image_targets
    ADD COLUMN name        text CHECK (length(name) BETWEEN 1 AND 64),
    ADD COLUMN scene_width double precision CHECK (scene_width > 0 AND scene_width <= 1e6),
    ADD COLUMN active      boolean NOT NULL DEFAULT true;

UPDATE image_targets SET scene_width = width;

ALTER TABLE image_targets ALTER COLUMN scene_width SET NOT NULL;

CREATE UNIQUE INDEX image_targets_name_idx ON image_targets (project_id, lower(name))
    WHERE deleted_at IS NULL AND name IS NOT NULL;

-- Up to 1 MB an app may keep with a target (Vuforia's application metadata), returned with the target itself and,
-- later, with a recognition. A table of its own, so that listing targets never reads a megabyte per row.
CREATE TABLE image_target_metadata (
    target_id bigint PRIMARY KEY REFERENCES image_targets (id) ON DELETE CASCADE,
    content   bytea  NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 1048576)
);
