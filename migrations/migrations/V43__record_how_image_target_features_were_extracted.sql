-- Which way of extracting features made a row: 1 is the full-size image alone, 2 adds the image halved and quartered,
-- which camera frames showing a target small need. Rows of an older way are extracted again from the stored image
-- in the background, after which their targets are recognised as well as new ones; until then they still match.
ALTER TABLE image_target_features ADD COLUMN extraction smallint NOT NULL DEFAULT 1;
