-- People who sign in. The email is the login: unique whatever its case, and there is no username.
CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    password_hash text        NOT NULL,
    first_name    text        NOT NULL DEFAULT '' CHECK (length(first_name) <= 150),
    last_name     text        NOT NULL DEFAULT '' CHECK (length(last_name) <= 150),
    phone         text        NOT NULL DEFAULT '' CHECK (length(phone) <= 32),
    avatar_key    text,
    roles         text[]      NOT NULL DEFAULT '{USER}' CHECK (roles <@ ARRAY['USER', 'ADMIN'] AND cardinality(roles) > 0),
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- One row per successful sign-in, whatever the client: seed 000's "users sessions" table and the login audit.
-- The live session itself is kept in Redis under the same id; closed_at is set when it ends.
CREATE TABLE user_sessions (
    id             uuid PRIMARY KEY,
    user_id        bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    opened_at      timestamptz NOT NULL DEFAULT now(),
    closed_at      timestamptz,
    client_address text,
    user_agent     text CHECK (length(user_agent) <= 512)
);

CREATE INDEX user_sessions_user_idx ON user_sessions (user_id, opened_at DESC);
CREATE INDEX user_sessions_open_idx ON user_sessions (opened_at) WHERE closed_at IS NULL;
