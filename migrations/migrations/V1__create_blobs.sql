-- Binary files (avatars, product photos, image targets) live in PostgreSQL behind the BlobStore interface,
-- so replicas share them without a shared disk. An object store can take over later behind the same interface.
CREATE TABLE blobs (
    key          text PRIMARY KEY,
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256       text        NOT NULL,
    content      bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
