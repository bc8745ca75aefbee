-- Organizations and their members (seed 004). The name is unique whatever its case; the creator may manage it
-- (with the administrators) and is kept as long as their user row exists.
CREATE TABLE organizations (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
    description text        NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    creator_id  bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name));

-- The many-to-many link between users and organizations. It belongs to the organization module: a user joins or
-- leaves through their profile, and the organization module writes the rows.
CREATE TABLE organization_members (
    organization_id bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, user_id)
);

-- A user's organizations, for the user list and profile.
CREATE INDEX organization_members_user_idx ON organization_members (user_id, organization_id);
