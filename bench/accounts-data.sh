#!/usr/bin/env bash
# Loads the data the account benchmarks read into the database a running Atrium uses: 10,000 users
# (bench-1@example.com ... bench-10000@example.com, password "correct horse battery") and 200 organizations, each user
# a member of two, so that every organization has 100 members. Idempotent.
#
# Usage: bench/accounts-data.sh [postgres URL of the database Atrium runs on]
#   (default: BENCH_DB on the benchmarks' own PostgreSQL, PGPORT; see bench/lib.sh)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
database=${1:-postgres://postgres@127.0.0.1:$BENCH_PGPORT/$BENCH_DB}
psql "$database" -q -v ON_ERROR_STOP=1 <<'SQL'
INSERT INTO users (email, password_hash, first_name, last_name, phone)
SELECT 'bench-' || i || '@example.com',
       '{bcrypt}$2a$10$O6uXu1TSEv.y9JjK8eW7xuURa2wOS/rPqTdn.tRabjOf8zdj5UrjK',
       'Bench', 'User ' || i, '+1 555 ' || lpad(i::text, 5, '0')
FROM generate_series(1, 10000) AS i
ON CONFLICT DO NOTHING;

INSERT INTO organizations (name, description, creator_id)
SELECT 'Bench organization ' || i, 'Organization number ' || i, (SELECT id FROM users WHERE email = 'bench-1@example.com')
FROM generate_series(1, 200) AS i
ON CONFLICT DO NOTHING;

INSERT INTO organization_members (organization_id, user_id)
SELECT o.id, u.id
FROM generate_series(1, 10000) AS i
JOIN users u ON u.email = 'bench-' || i || '@example.com'
JOIN organizations o ON o.name IN ('Bench organization ' || (i % 200 + 1), 'Bench organization ' || ((i + 100) % 200 + 1))
ON CONFLICT DO NOTHING;

ANALYZE users;
ANALYZE organizations;
ANALYZE organization_members;
SQL
psql "$database" -At -c "SELECT count(*) || ' users, ' || (SELECT count(*) FROM organizations) || ' organizations, '
    || (SELECT count(*) FROM organization_members) || ' memberships' FROM users"
