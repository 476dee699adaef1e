#!/usr/bin/env bash
# Benchmarks (not tests): starts the server on PostgreSQL, creates a realm and a service client,
# and measures with wrk, at 16 connections, in bounded runs against this machine only:
#   - client-credentials token issuance (RS256 signing, audit INSERT per token)
#   - the JWKS endpoint
#   - "oidc": UserInfo with a user's access token, and the full code flow (authorize with the SSO
#     session cookie of a user signed in once through the hosted login, then the code exchange with
#     PKCE: ci/bench-codeflow.lua), in flows per second
# Prints requests/s, p50 and p99 for each. Then ten thousand realms (ci/bench-realms.sh): realm
# listing p95 at any depth, creation at 10 and 10,000 realms, start-up time and idle heap. The
# "users" scenario (ci/bench-users.sh, not run by default) seeds a million users into one realm and
# measures search, GET by id and effective roles.
#
# Environment: BENCH_SCENARIOS (default "tokens oidc realms"; also "users"), BENCH_REALMS (10000),
# BENCH_USERS (1000000), BENCH_SECONDS (default 20), BENCH_WARMUP (90), BENCH_CONNECTIONS (16),
# BENCH_THREADS (2),
# IAM_DB_URL/IAM_DB_USER/IAM_DB_PASSWORD (and IAM_MASTER_KEY, which an external database requires)
# to use an external PostgreSQL instead of the embedded one.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=${BENCH_SECONDS:-20}
WARM=${BENCH_WARMUP:-90}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
BASE=http://localhost:9080
ADMIN_SECRET=bench-admin-secret-$(date +%s)-$RANDOM
DATA_DIR="$PWD/ear/target/bench-data"
MVN=(./mvnw -B -q -ntp)

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk"
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi

LIBERTY_ENV=(-Dliberty.env.IAM_DATA_DIR="$DATA_DIR" -Dliberty.env.IAM_ADMIN_CLIENT_SECRET="$ADMIN_SECRET")
if [[ -n "${IAM_DB_URL:-}" ]]; then
  LIBERTY_ENV+=(-Dliberty.env.IAM_DB_URL="$IAM_DB_URL" -Dliberty.env.IAM_DB_USER="${IAM_DB_USER:-postgres}"
    -Dliberty.env.IAM_DB_PASSWORD="${IAM_DB_PASSWORD:-unused}"
    -Dliberty.env.IAM_MASTER_KEY="${IAM_MASTER_KEY:?an external database requires IAM_MASTER_KEY}"
    -Dliberty.env.IAM_KEYSTORE_PASSWORD="${IAM_KEYSTORE_PASSWORD:-bench-keystore-password}"
    -Dliberty.env.IAM_BASE_URL="$BASE")
  # Not zero-setup mode: a keystore of the given password (Liberty creates it on start).
  rm -f ear/target/liberty/wlp/usr/servers/iam/resources/security/key.p12
fi

echo "== building and starting the server"
rm -rf "$DATA_DIR"
"${MVN[@]}" install -DskipTests
"${MVN[@]}" -pl ear liberty:create liberty:deploy liberty:start "${LIBERTY_ENV[@]}"
trap '"${MVN[@]}" -pl ear liberty:stop >/dev/null 2>&1 || true' EXIT

for _ in $(seq 1 120); do
  if curl -fs "$BASE/health/ready" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fs "$BASE/health/ready" >/dev/null

json() { python3 -c "import sys, json; print(json.load(sys.stdin)['$1'])"; }
ADMIN_TOKEN=$(curl -fs -u "iam-admin:$ADMIN_SECRET" -d grant_type=client_credentials \
  "$BASE/realms/system/oauth2/token" | json access_token)
REALM=bench
curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$REALM\",\"displayName\":\"Benchmark\"}" "$BASE/admin/realms"
CLIENT_SECRET=$(curl -fs -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d '{"clientId":"bench","type":"service","allowedScopes":["read","write"]}' \
  "$BASE/admin/realms/$REALM/clients" | json clientSecret)
BASIC=$(printf '%s' "bench:$CLIENT_SECRET" | base64 -w0)

report() {
  local name=$1 out=$2
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-28s %10s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
}

run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${1}s" --timeout 5s --latency "${@:2}"
}

SCENARIOS=${BENCH_SCENARIOS:-tokens oidc realms}
if [[ " $SCENARIOS " == *" tokens "* ]]; then
LUA=$(mktemp --suffix=.lua)
cat > "$LUA" <<LUA
wrk.method = "POST"
wrk.body = "grant_type=client_credentials&scope=read"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $BASIC"
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("non-2xx responses: %d\n", non2xx))
end
LUA

# A fresh JVM needs minutes of load before its JIT has compiled the token path.
echo "== warming up (JIT) for $WARM s, then 10 s"
run "$WARM" -s "$LUA" "$BASE/realms/$REALM/oauth2/token" >/dev/null
run 10 "$BASE/realms/$REALM/oauth2/jwks" >/dev/null

echo "== measuring ${SECONDS_PER_RUN}s each, $CONNECTIONS connections, $THREADS wrk threads"
TOKEN_OUT=$(run "$SECONDS_PER_RUN" -s "$LUA" "$BASE/realms/$REALM/oauth2/token")
JWKS_OUT=$(run "$SECONDS_PER_RUN" "$BASE/realms/$REALM/oauth2/jwks")
echo "$TOKEN_OUT" | grep -E "non-2xx|Socket errors" || true
report "client_credentials token" "$TOKEN_OUT"
report "JWKS" "$JWKS_OUT"

ISSUED=$(curl -fs -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/realms/$REALM/audit?type=TOKEN_ISSUED&limit=1" | json total)
echo "audit: $ISSUED TOKEN_ISSUED events recorded in realm $REALM"
sleep 3
curl -fs -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/realms/$REALM/audit/verify"
echo
rm -f "$LUA"
fi

if [[ " $SCENARIOS " == *" oidc "* ]]; then
  REDIRECT=http://127.0.0.1:9999/cb
  WEB_SECRET=$(curl -fs -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"clientId\":\"bench-web\",\"type\":\"confidential\",\"consentRequired\":false,
         \"redirectUris\":[\"$REDIRECT\"]}" "$BASE/admin/realms/$REALM/clients" | json clientSecret)
  USER_PASSWORD=Wonderland-bench-$RANDOM
  curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"username\":\"alice\",\"firstName\":\"Alice\",\"lastName\":\"Bench\",
         \"email\":\"alice@example.test\",\"password\":\"$USER_PASSWORD\"}" \
    "$BASE/admin/realms/$REALM/users"
  SSO=(python3 ci/bench_sso.py "$BASE/realms/$REALM" bench-web "$WEB_SECRET" "$REDIRECT" alice
    "$USER_PASSWORD")
  USER_TOKEN=$("${SSO[@]}" tokens | json access_token)
  UI_LUA=$(mktemp --suffix=.lua)
  printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$USER_TOKEN" >"$UI_LUA"
  echo "== UserInfo and the code flow: warming up $((WARM / 2)) s each, then ${SECONDS_PER_RUN}s each"
  run $((WARM / 2)) -s "$UI_LUA" "$BASE/realms/$REALM/oauth2/userinfo" >/dev/null
  code_flow() {
    (eval "$("${SSO[@]}" env)"
      BENCH_AUTHORIZE=$AUTHORIZE BENCH_TOKEN=$TOKEN BENCH_COOKIE=$COOKIE BENCH_BASIC=$BASIC \
        BENCH_REDIRECT=$REDIRECT BENCH_VERIFIER=$VERIFIER \
        run "$1" -s ci/bench-codeflow.lua "$HOSTPORT" | grep -E '^(FLOWS|SAMPLE)')
  }
  code_flow $((WARM / 2)) >/dev/null
  report "UserInfo" "$(run "$SECONDS_PER_RUN" -s "$UI_LUA" "$BASE/realms/$REALM/oauth2/userinfo")"
  code_flow "$SECONDS_PER_RUN" | awk '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%-28s %10s flows/s   p50 %6s ms   p99 %6s ms   (%s failed)\n", "code flow (authorize+token)",
      v["flows_per_s"], v["p50_ms"], v["p99_ms"], v["failed"] }'
  rm -f "$UI_LUA"
fi

if [[ " $SCENARIOS " == *" realms "* ]]; then
  # shellcheck source=ci/bench-realms.sh
  source ci/bench-realms.sh
fi

if [[ " $SCENARIOS " == *" users "* ]]; then
  # shellcheck source=ci/bench-users.sh
  source ci/bench-users.sh
fi
