# A million users (issue 6, point 17), sourced by ci/bench.sh once the server runs; uses its BASE,
# ADMIN_TOKEN, ADMIN_SECRET and DATA_DIR. Seeds BENCH_USERS (1,000,000) users into a new realm with
# ci/seed-users.sh (INSERT ... SELECT in PostgreSQL, about 2 minutes a million), then measures, one
# request at a time (ci/bench_users.py):
#   - GET users?q= for prefixes from one letter to a whole username, p50/p95 each and overall,
#     and deep pages by cursor (after=)
#   - GET users?email= (exact) and GET users/{id}
#   - effective-roles of a user in 20 groups (4 chains of 5 levels) whose roles are composites
#     3 levels deep: warm (cached) and cold (first call after a change to the realm's access)

USERS_TARGET=${BENCH_USERS:-1000000}
USERS_REALM=users
export BENCH_ADMIN_SECRET="$ADMIN_SECRET" IAM_BASE_URL="$BASE"

echo "== a realm of $USERS_TARGET users"
# A fresh token: the one ci/bench.sh took may have expired during the scenarios before.
USERS_TOKEN=$(curl -fs -u "iam-admin:$ADMIN_SECRET" -d grant_type=client_credentials \
  "$BASE/realms/system/oauth2/token" | json access_token)
curl -fs -o /dev/null -H "Authorization: Bearer $USERS_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$USERS_REALM\"}" "$BASE/admin/realms"
if [[ -z "${IAM_DB_URL:-}" ]]; then
  IAM_DATA_DIR="$DATA_DIR" ci/seed-users.sh "$USERS_REALM" "$USERS_TARGET"
else
  ci/seed-users.sh "$USERS_REALM" "$USERS_TARGET"
fi
python3 ci/bench_users.py search "$USERS_REALM"
python3 ci/bench_users.py access "$USERS_REALM"
