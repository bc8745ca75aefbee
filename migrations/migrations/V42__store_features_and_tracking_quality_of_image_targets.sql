-- The keypoints and descriptors found in a target's image (TargetFeatures' binary form, about 22 KB for 300
-- features) and the tracking quality computed from them: computed once when the image is added or replaced, so that
-- duplicates and recognition never decode an image again. sha256 names the image they were computed from.
CREATE TABLE image_target_features (
    target_id       bigint      PRIMARY KEY REFERENCES image_targets (id) ON DELETE CASCADE,
    sha256          text        NOT NULL,
    features        bytea       NOT NULL CHECK (octet_length(features) <= 65536),
    tracking_rating smallint    NOT NULL CHECK (tracking_rating BETWEEN 0 AND 5),
    quality         jsonb       NOT NULL,
    computed_at     timestamptz NOT NULL DEFAULT now()
);

-- A number that changes whenever what a project's targets look like to matching changes: a target added, deleted,
-- restored, activated or deactivated, or its features computed. A replica keeps its index of a project's features
-- in memory and checks this number on each query, so that every replica sees a change on its next query. Kept by
-- triggers, so that no path that changes targets can forget it.
ALTER TABLE projects ADD COLUMN targets_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION count_target_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE projects SET targets_version = targets_version + 1
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.project_id ELSE NEW.project_id END;
    RETURN NULL;
END $$;

CREATE TRIGGER image_targets_added_or_removed AFTER INSERT OR DELETE ON image_targets
    FOR EACH ROW EXECUTE FUNCTION count_target_change();

-- Saving a whole row writes every column: only a real change of what matching sees counts.
CREATE TRIGGER image_targets_changed AFTER UPDATE ON image_targets
    FOR EACH ROW
    WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.active IS DISTINCT FROM NEW.active
          OR OLD.sha256 IS DISTINCT FROM NEW.sha256)
    EXECUTE FUNCTION count_target_change();

CREATE FUNCTION count_target_features_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE projects SET targets_version = targets_version + 1
    WHERE id = (SELECT project_id FROM image_targets
                WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.target_id ELSE NEW.target_id END);
    RETURN NULL;
END $$;

CREATE TRIGGER image_target_features_change AFTER INSERT OR DELETE OR UPDATE ON image_target_features
    FOR EACH ROW EXECUTE FUNCTION count_target_features_change();
