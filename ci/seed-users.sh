#!/usr/bin/env bash
# Bulk-seeds users into an existing realm for benchmarks (issue 6, point 17): COUNT users with a
# password credential each, written by PostgreSQL itself in one transaction (INSERT ... SELECT over
# generate_series: no row crosses the wire, no HTTP call, no Argon2 per user). Every seeded user
# has the same password, hashed once (below) with the server's Argon2id parameters.
#
#   ci/seed-users.sh REALM [COUNT]            (COUNT defaults to 1000000)
#
# Users are seed{N}: username first.last.N (first and last names cycle through 40 and 50 common
# ones, so q= prefixes hit realistic fractions), email first.last.N@seed.example, a department
# attribute dept-(N mod 20) (declare "department" in the realm's user profile to see it).
# SEED_START (default 1) numbers the first user, so a second run can add more.
#
# Database: the embedded one of a server started with IAM_DATA_DIR (password read from
# $IAM_DATA_DIR/postgres.password, port IAM_EMBEDDED_DB_PORT or 15432), or the usual libpq
# variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) for an external PostgreSQL.
# The realm must exist (create it through the admin API first).
set -euo pipefail

REALM=${1:?usage: ci/seed-users.sh REALM [COUNT]}
COUNT=${2:-1000000}
START=${SEED_START:-1}
# Argon2id (m=19456, t=2, p=1) of "Seeded-user-password-1".
HASH='$argon2id$v=19$m=19456,t=2,p=1$mssUpEJs48FFf82uQ0wKLg$OJuEAnwGBDWoklGyhqj6jvZL2t0zVWqr0GwZtk8oP4Y'

if [[ -n "${IAM_DATA_DIR:-}" && -z "${PGPASSWORD:-}" ]]; then
  export PGHOST=127.0.0.1 PGPORT=${IAM_EMBEDDED_DB_PORT:-15432} PGUSER=postgres PGDATABASE=postgres
  PGPASSWORD=$(tr -d '\n' < "$IAM_DATA_DIR/postgres.password")
  export PGPASSWORD
fi
if ! command -v psql >/dev/null 2>&1; then
  echo "psql is missing: installing postgresql-client"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client) >/dev/null
fi

started=$(date +%s)
psql -v ON_ERROR_STOP=1 -q -v realm="$REALM" -v hash="$HASH" -v first="$START" \
  -v last="$((START + COUNT - 1))" <<'SQL'
SELECT id AS realm_id FROM realm WHERE name = :'realm' \gset
BEGIN;
WITH names AS (
  SELECT ARRAY['James','Mary','John','Patricia','Robert','Jennifer','Michael','Linda','William',
    'Elizabeth','David','Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah','Charles',
    'Karen','Christopher','Nancy','Daniel','Lisa','Matthew','Betty','Anthony','Margaret','Mark',
    'Sandra','Donald','Ashley','Steven','Kimberly','Paul','Emily','Andrew','Donna','Joshua',
    'Michelle'] AS given,
    ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez',
    'Martinez','Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore',
    'Jackson','Martin','Lee','Perez','Thompson','White','Harris','Sanchez','Clark','Ramirez',
    'Lewis','Robinson','Walker','Young','Allen','King','Wright','Scott','Torres','Nguyen','Hill',
    'Flores','Green','Adams','Nelson','Baker','Hall','Rivera','Campbell','Mitchell','Carter',
    'Roberts'] AS family
), people AS (
  SELECT n, given[1 + n % 40] AS first_name, family[1 + (n / 40) % 50] AS last_name
  FROM names, generate_series(:first::bigint, :last::bigint) AS n
), users AS (
  INSERT INTO app_user (id, realm_id, username, email, email_verified, first_name, last_name,
                        enabled, attributes, roles, created_at, updated_at, version)
  SELECT gen_random_uuid()::text, :'realm_id',
         lower(first_name || '.' || last_name || '.' || n),
         lower(first_name || '.' || last_name || '.' || n) || '@seed.example',
         TRUE, first_name, last_name, TRUE,
         '{"department":["dept-' || (n % 20) || '"]}', '', now(), now(), 1
  FROM people
  RETURNING id, realm_id
)
INSERT INTO credential (id, realm_id, user_id, type, secret_data, temporary, created_at, version)
SELECT gen_random_uuid()::text, realm_id, id, 'password', :'hash', FALSE, now(), 1 FROM users;
COMMIT;
-- VACUUM as well: index-only scans (the search indexes of changeset 0008) need the visibility map.
VACUUM (ANALYZE) app_user;
ANALYZE credential;
SELECT count(*) AS users_in_realm FROM app_user WHERE realm_id = :'realm_id' \gset
\echo :users_in_realm users in realm :realm
SQL
echo "seeded $COUNT users in $(( $(date +%s) - started )) s"
