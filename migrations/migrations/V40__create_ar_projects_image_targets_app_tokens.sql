-- AR projects (seed 003). Deleting a project only marks it (deleted_at): it vanishes from the API, administrators can
-- restore it, and its name is free again at once, which is why names are unique (whatever their case) only among
-- projects that are not deleted.
CREATE TABLE projects (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    owner_id   bigint      NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);

CREATE UNIQUE INDEX projects_name_key ON projects (lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX projects_owner_idx ON projects (owner_id, id) WHERE deleted_at IS NULL;

-- The images an AR application recognises, one JPEG each. The image and a thumbnail live in the blob store under
-- the keys kept here; the checked facts about the image (size in pixels and bytes, checksum) are kept next to them.
-- Soft-deleted too: deleting a project gives its live targets the project's deleted_at, so a restore brings back
-- exactly those.
CREATE TABLE image_targets (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id    bigint      NOT NULL REFERENCES projects (id),
    description   text        NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    image_key     text        NOT NULL,
    thumbnail_key text        NOT NULL,
    width         integer     NOT NULL CHECK (width BETWEEN 1 AND 4096),
    height        integer     NOT NULL CHECK (height BETWEEN 1 AND 4096),
    size_bytes    bigint      NOT NULL CHECK (size_bytes BETWEEN 1 AND 2359296),
    sha256        text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz
);

CREATE INDEX image_targets_project_idx ON image_targets (project_id, id) WHERE deleted_at IS NULL;

-- Tokens that let an application (not a user) work with one project's image targets. The id is the token's jti;
-- a token is honoured only while its row exists, expires_at is in the future and its project is not deleted, so
-- deleting the row revokes it at once and moving expires_at changes its lifetime without a new token. Expired rows
-- are deleted by a scheduled job.
CREATE TABLE app_tokens (
    id         uuid PRIMARY KEY,
    project_id bigint      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    CHECK (expires_at > created_at)
);

CREATE INDEX app_tokens_project_idx ON app_tokens (project_id, created_at);
CREATE INDEX app_tokens_expires_idx ON app_tokens (expires_at);
