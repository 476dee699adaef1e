#!/usr/bin/env bash
# Side by side with Keycloak (a benchmark, not a test): starts this server on the PostgreSQL
# service (database iam_bench, recreated), seeds realm "bench" with the service client
# "bench-svc", warms both JVMs with the same client-credentials load, then runs the shared
# harness's load.sh against both in one run, interleaved scenario by scenario.
#
# Needs Keycloak already started and seeded by the harness (see ../shared/bench/README.md):
#   (cd ../shared/bench/keycloak && JAVA_HOME=<JDK 21+> KC_MGMT_PORT=9280 ./start-keycloak.sh \
#     && KC_MGMT_PORT=9280 ./seed-keycloak.sh)
# (the management port moves off 9180, which the in-container tests use).
#
# Environment: HARNESS (../shared/bench/keycloak), KEYCLOAK (http://127.0.0.1:8180/realms/bench),
# JIT_WARM seconds of warm-up load per server (180), SCENARIOS ("client_credentials jwks"), and
# load.sh's own PREWARM, WARMUP, DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HARNESS=${HARNESS:-$ROOT/../shared/bench/keycloak}
KEYCLOAK=${KEYCLOAK:-http://127.0.0.1:8180/realms/bench}
MVN=(./mvnw -B -q -ntp)
BASE=http://127.0.0.1:9080
ADMIN_SECRET=bench-admin-secret-$(date +%s)-$RANDOM

for tool in wrk psql curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done
psql -h 127.0.0.1 -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS iam_bench WITH (FORCE)" -c "CREATE DATABASE iam_bench"
ENV=(-Dliberty.env.IAM_DB_URL=jdbc:postgresql://127.0.0.1:5432/iam_bench
  -Dliberty.env.IAM_DB_USER=postgres -Dliberty.env.IAM_DB_PASSWORD=unused
  -Dliberty.env.IAM_ADMIN_CLIENT_SECRET="$ADMIN_SECRET"
  -Dliberty.env.IAM_MASTER_KEY="$(head -c 32 /dev/urandom | base64)"
  -Dliberty.env.IAM_BASE_URL="$BASE"
  -Dliberty.env.IAM_KEYSTORE_PASSWORD=bench-keystore-password
  -Dliberty.env.IAM_DATA_DIR="$ROOT/ear/target/bench-data")

echo "== building and starting the server on the PostgreSQL service"
"${MVN[@]}" install -DskipTests
rm -f ear/target/liberty/wlp/usr/servers/iam/resources/security/key.p12
"${MVN[@]}" -pl ear liberty:create liberty:deploy liberty:start "${ENV[@]}"
trap 'cd "$ROOT" && "${MVN[@]}" -pl ear liberty:stop >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 1; done

json() { python3 -c "import sys, json; print(json.load(sys.stdin)['$1'])"; }
admin_token() {
  curl -fs -u "iam-admin:$ADMIN_SECRET" -d grant_type=client_credentials \
    "$BASE/realms/system/oauth2/token" | json access_token
}
curl -fs -o /dev/null -H "Authorization: Bearer $(admin_token)" \
  -H 'Content-Type: application/json' -d '{"name":"bench"}' "$BASE/admin/realms"
SECRET=$(curl -fs -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' \
  -d '{"clientId":"bench-svc","type":"service","allowedScopes":["read"]}' \
  "$BASE/admin/realms/bench/clients" | json clientSecret)

echo "== warming both JVMs: ${JIT_WARM:-180} s of client-credentials load each"
for target in "$BASE/realms/bench|bench-svc:$SECRET" "$KEYCLOAK|bench-svc:${SVC_CLIENT_SECRET:-bench-secret}"; do
  url=${target%%|*}
  endpoint=$(curl -fs "$url/.well-known/openid-configuration" | json token_endpoint)
  lua=$(mktemp --suffix=.lua)
  printf 'wrk.method="POST"\nwrk.body="grant_type=client_credentials"\n' >"$lua"
  printf 'wrk.headers["Content-Type"]="application/x-www-form-urlencoded"\n' >>"$lua"
  printf 'wrk.headers["Authorization"]="Basic %s"\n' "$(printf %s "${target#*|}" | base64 -w0)" >>"$lua"
  echo "$url: $(wrk -t2 -c16 -d"${JIT_WARM:-180}s" -s "$lua" "$endpoint" | awk '/Requests\/sec/ {print $2}') req/s"
  rm -f "$lua"
done

echo "== side by side"
(cd "$HARNESS" && SCENARIOS="${SCENARIOS:-client_credentials jwks}" SVC_CLIENT_SECRET__OURS="$SECRET" \
  ./load.sh keycloak="$KEYCLOAK" ours="$BASE/realms/bench")

ISSUED=$(curl -fs -H "Authorization: Bearer $(admin_token)" \
  "$BASE/admin/realms/bench/audit?type=TOKEN_ISSUED&limit=1" | json total)
echo "audit: $ISSUED TOKEN_ISSUED events recorded in realm bench"
