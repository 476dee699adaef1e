#!/usr/bin/env bash
# Side by side with Keycloak (a benchmark, not a test): starts this server on the PostgreSQL
# service (database iam_bench, recreated), seeds realm "bench" like the harness seeds Keycloak's
# (service client "bench-svc", confidential client "bench-web" with redirect
# http://127.0.0.1:9999/cb, user alice), warms both JVMs with the same load, then runs in one
# run, interleaved server by server:
#   - the shared harness's load.sh (client_credentials, jwks, userinfo; our user token comes from
#     a code flow through our login page, ci/bench_sso.py, as we have no password grant);
#   - the authorization code flow (ci/bench-codeflow.lua): authorize with the SSO session cookie
#     of a user signed in once through each server's own login page, then the code exchange,
#     at the same connections; flows per second.
#
# Needs Keycloak already started and seeded by the harness (see ../shared/bench/README.md):
#   (cd ../shared/bench/keycloak && JAVA_HOME=<JDK 21+> KC_MGMT_PORT=9280 ./start-keycloak.sh \
#     && KC_MGMT_PORT=9280 ./seed-keycloak.sh)
# (the management port moves off 9180, which the in-container tests use).
#
# Environment: HARNESS (../shared/bench/keycloak), KEYCLOAK (http://127.0.0.1:8180/realms/bench),
# JIT_WARM seconds of warm-up load per server (180), SCENARIOS ("client_credentials jwks
# userinfo"), CODE_FLOW (1; 0 skips it), and load.sh's own PREWARM, WARMUP, DURATION,
# CONNECTIONS.
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
REDIRECT=http://127.0.0.1:9999/cb
WEB_SECRET=$(curl -fs -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' \
  -d "{\"clientId\":\"bench-web\",\"type\":\"confidential\",\"consentRequired\":false,
       \"redirectUris\":[\"$REDIRECT\"]}" "$BASE/admin/realms/bench/clients" | json clientSecret)
USER_ID=$(curl -fs -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' \
  -d '{"username":"alice","email":"alice@example.test","firstName":"Alice","lastName":"Bench"}' \
  "$BASE/admin/realms/bench/users" | json id)
OUR_PASSWORD=Wonderland-bench-$RANDOM
curl -fs -o /dev/null -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' \
  -d "{\"password\":\"$OUR_PASSWORD\",\"temporary\":false}" \
  "$BASE/admin/realms/bench/users/$USER_ID/password"

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
(cd "$HARNESS" && SCENARIOS="${SCENARIOS:-client_credentials jwks userinfo}" \
  SVC_CLIENT_SECRET__OURS="$SECRET" \
  USER_TOKEN_CMD__OURS="python3 '$ROOT/ci/bench_sso.py' '$BASE/realms/bench' bench-web '$WEB_SECRET' '$REDIRECT' alice '$OUR_PASSWORD' tokens" \
  ./load.sh keycloak="$KEYCLOAK" ours="$BASE/realms/bench")

# code_flow LABEL ISSUER CLIENT_SECRET PASSWORD SECONDS: one wrk run of the code flow, its FLOWS line
code_flow() {
  local sso
  sso=$(python3 ci/bench_sso.py "$2" bench-web "$3" "$REDIRECT" alice "$4" env)
  (eval "$sso"
    BENCH_AUTHORIZE=$AUTHORIZE BENCH_TOKEN=$TOKEN BENCH_COOKIE=$COOKIE BENCH_BASIC=$BASIC \
      BENCH_REDIRECT=$REDIRECT BENCH_VERIFIER=$VERIFIER \
      wrk -t2 -c"${CONNECTIONS:-16}" -d"${5}s" --timeout 10s -s ci/bench-codeflow.lua "$HOSTPORT" |
      grep -E '^(FLOWS|SAMPLE)' | sed "s/^/$1 /")
}
if [[ ${CODE_FLOW:-1} == 1 ]]; then
  echo "== code flow: authorize with the SSO cookie, then the exchange (${CONNECTIONS:-16} connections)"
  kc_password=${BENCH_PASSWORD:-Alice-pass-1}
  for label in keycloak ours; do # warm-up, discarded
    if [[ $label == ours ]]; then code_flow ours "$BASE/realms/bench" "$WEB_SECRET" "$OUR_PASSWORD" "${PREWARM:-10}" >/dev/null
    else code_flow keycloak "$KEYCLOAK" "${WEB_CLIENT_SECRET:-web-secret}" "$kc_password" "${PREWARM:-10}" >/dev/null; fi
  done
  for label in keycloak ours; do
    if [[ $label == ours ]]; then
      pid=$(ss -Hltnp 'sport = :9080' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
      t0=$(awk '{print $14+$15}' "/proc/$pid/stat"); d0=$(cat /proc/[0-9]*/stat 2>/dev/null | awk '$2=="(postgres)" {s+=$14+$15} END {print s+0}')
      out=$(code_flow ours "$BASE/realms/bench" "$WEB_SECRET" "$OUR_PASSWORD" "${DURATION:-20}")
    else
      pid=$(ss -Hltnp "sport = :${KEYCLOAK_PORT:-8180}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
      t0=$(awk '{print $14+$15}' "/proc/$pid/stat"); d0=$(cat /proc/[0-9]*/stat 2>/dev/null | awk '$2=="(postgres)" {s+=$14+$15} END {print s+0}')
      out=$(code_flow keycloak "$KEYCLOAK" "${WEB_CLIENT_SECRET:-web-secret}" "$kc_password" "${DURATION:-20}")
    fi
    t1=$(awk '{print $14+$15}' "/proc/$pid/stat"); d1=$(cat /proc/[0-9]*/stat 2>/dev/null | awk '$2=="(postgres)" {s+=$14+$15} END {print s+0}')
    flows=$(grep -o 'flows=[0-9]*' <<<"$out" | head -1 | cut -d= -f2)
    echo "$out" | awk -v s=$((t1 - t0)) -v d=$((d1 - d0)) -v f="${flows:-0}" -v hz="$(getconf CLK_TCK)" \
      '/FLOWS/ {printf "%s server_cpu_ms_per_flow=%.2f db_cpu_ms_per_flow=%.2f\n", $0, (f ? 1000*s/hz/f : 0), (f ? 1000*d/hz/f : 0); next} {print}'
  done
fi

ISSUED=$(curl -fs -H "Authorization: Bearer $(admin_token)" \
  "$BASE/admin/realms/bench/audit?type=TOKEN_ISSUED&limit=1" | json total)
echo "audit: $ISSUED TOKEN_ISSUED events recorded in realm bench"
