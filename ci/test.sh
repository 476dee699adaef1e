#!/usr/bin/env bash
# The README's test command, and the one CI runs (.ci/run calls it). Needs only a JDK: Maven comes
# through the wrapper, Open Liberty and PostgreSQL binaries from Maven Central.
#
#   1. unit tests, in-container tests (Arquillian, Liberty managed container) and the black-box
#      *IT tests over HTTP against the EAR in Liberty on the embedded PostgreSQL, with a second
#      Liberty server beside it as a relying party of a realm (LibertyRpIT);
#   2. a second start of that server on the same data folder: nothing created before is lost;
#      then SIGTERM stops it cleanly (application first, embedded database last, no FFDC);
#   3. the EAR on an external PostgreSQL (IAM_DB_URL), the machine's service on 127.0.0.1:5432;
#   4. the EAR on a PostgreSQL of the test's own, which it restarts under load (OutageCheck).
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=(./mvnw -B -ntp)

# The browser test drives Debian's Chromium through Playwright (which must not download its own).
if ! command -v chromium >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Later stages run chosen checks only, none of which needs the relying-party server.
ONLY_ITS=(-Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
  -Dit.rp.skip=true)

echo "== 1/4 unit, in-container and black-box tests (embedded PostgreSQL)"
"${MVN[@]}" clean verify -Pit

echo "== 2/4 restart on the same data folder, with migration switched off, a new master key and"
echo "   [::1] as a trusted proxy; then SIGTERM"
# A master-key rotation: the new key in IAM_MASTER_KEY, the generated one as the previous. Callers
# on [::1] are a trusted proxy, 127.0.0.1 is not, so ForwardedHeadersIT checks both sides in one
# server. The checks run in name order, so ShutdownCheck stops the server last.
"${MVN[@]}" verify -Pit -pl ear -am "${ONLY_ITS[@]}" \
  -Dit.test='ForwardedHeadersIT,MasterKeyRotationCheck,RestartCheck,ShutdownCheck' \
  -Dfailsafe.runOrder=alphabetical -Dliberty.env.IAM_TRUSTED_PROXIES=::1 \
  -Dliberty.env.IAM_DB_MIGRATE=false \
  -Dliberty.env.IAM_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" \
  -Dliberty.env.IAM_MASTER_KEY_PREVIOUS="$(cat ear/target/it-data/master.key)"

echo "== 3/4 external PostgreSQL through IAM_DB_URL"
EXTERNAL_DB=iam_it_external
PGHOST=${IAM_TEST_PGHOST:-127.0.0.1}
PGPORT=${IAM_TEST_PGPORT:-5432}
if ! command -v psql >/dev/null 2>&1; then
  echo "psql is missing: installing postgresql-client"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client) >/dev/null
fi
fresh_db() {
  psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS $EXTERNAL_DB WITH (FORCE)" -c "CREATE DATABASE $EXTERNAL_DB"
}
fresh_db
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$EXTERNAL_DB"
# Not zero-setup mode: the keystore password is the operator's (a fresh keystore for it).
KEYSTORE=ear/target/liberty/wlp/usr/servers/iam/resources/security/key.p12
rm -f "$KEYSTORE"
WITHOUT_MASTER_KEY=(
  -Dliberty.env.IAM_KEYSTORE_PASSWORD=it-keystore-password
  -Dliberty.env.IAM_BASE_URL=http://localhost:9080
  -Dliberty.env.IAM_DB_URL="$DB_URL"
  -Dliberty.env.IAM_DB_USER=postgres
  -Dliberty.env.IAM_DB_PASSWORD=unused
  -Dliberty.env.IAM_DATA_DIR="$PWD/ear/target/it-data-external"
  -Dit.db.url="$DB_URL"
)
EXTERNAL_ENV=("${WITHOUT_MASTER_KEY[@]}" -Dliberty.env.IAM_MASTER_KEY="$(head -c 32 /dev/urandom | base64)")
# Without IAM_MASTER_KEY the server refuses to start, and writes nothing.
rm -rf ear/target/it-data-external
"${MVN[@]}" verify -Pit -pl ear -am "${ONLY_ITS[@]}" -Dit.test=MasterKeyRequiredCheck \
  "${WITHOUT_MASTER_KEY[@]}"
# First with migration switched off: not ready while the schema is missing; the test then migrates
# the database as an operator would, and the server becomes ready without a restart.
"${MVN[@]}" verify -Pit -pl ear -am "${ONLY_ITS[@]}" -Dit.test=NotMigratedCheck \
  "${EXTERNAL_ENV[@]}" -Dliberty.env.IAM_DB_MIGRATE=false
# Then the usual way: the server migrates an empty database itself and serves.
fresh_db
"${MVN[@]}" verify -Pit -pl ear -am "${ONLY_ITS[@]}" \
  -Dit.test='HealthIT,SchemaIT,ClientCredentialsIT,AuditIT,AuditExportIT,KeyRotationIT,KeyConcurrencyIT,CacheNoticeIT,ConfiguredBaseUrlCheck' \
  "${EXTERNAL_ENV[@]}"

echo "== 4/4 production settings (HTTPS only); the database restarts under load (port 15434)"
OUTAGE_PORT=15434
"${MVN[@]}" verify -Pit -pl ear -am "${ONLY_ITS[@]}" -Dit.test='HttpsOnlyCheck,OutageCheck' \
  -Dit.outage.db.port="$OUTAGE_PORT" -Dit.base.url=https://localhost:9443 \
  -Dliberty.env.IAM_HTTP_ENABLED=false \
  -Dliberty.env.IAM_KEYSTORE_PASSWORD=it-keystore-password \
  -Dliberty.env.IAM_BASE_URL=https://localhost:9443 \
  -Dliberty.env.IAM_DB_URL="jdbc:postgresql://127.0.0.1:$OUTAGE_PORT/postgres" \
  -Dliberty.env.IAM_DB_USER=postgres \
  -Dliberty.env.IAM_DB_PASSWORD=unused \
  -Dliberty.env.IAM_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" \
  -Dliberty.env.IAM_DATA_DIR="$PWD/ear/target/it-data-outage"
echo "== all test stages passed"
