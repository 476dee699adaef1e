#!/usr/bin/env bash
# The README's test command, and the one CI runs (.ci/run calls it). Needs only a JDK: Maven comes
# through the wrapper, Open Liberty and PostgreSQL binaries from Maven Central.
#
#   1. unit tests, in-container tests (Arquillian, Liberty managed container) and the black-box
#      *IT tests over HTTP against the EAR in Liberty on the embedded PostgreSQL;
#   2. a second start of that server on the same data folder: nothing created before is lost;
#   3. the EAR on an external PostgreSQL (IAM_DB_URL), the machine's service on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=(./mvnw -B -ntp)

# The browser test drives Debian's Chromium through Playwright (which must not download its own).
if ! command -v chromium >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
ONLY_ITS=(-Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false)

echo "== 1/3 unit, in-container and black-box tests (embedded PostgreSQL)"
"${MVN[@]}" clean verify -Pit

echo "== 2/3 restart on the same data folder, with migration switched off and a new master key"
# A master-key rotation: the new key in IAM_MASTER_KEY, the generated one as the previous.
"${MVN[@]}" verify -Pit -pl ear -am "${ONLY_ITS[@]}" -Dit.test='RestartCheck,MasterKeyRotationCheck' \
  -Dliberty.env.IAM_DB_MIGRATE=false \
  -Dliberty.env.IAM_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" \
  -Dliberty.env.IAM_MASTER_KEY_PREVIOUS="$(cat ear/target/it-data/master.key)"

echo "== 3/3 external PostgreSQL through IAM_DB_URL"
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
WITHOUT_MASTER_KEY=(
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
  -Dit.test='HealthIT,SchemaIT,ClientCredentialsIT,AuditIT,KeyRotationIT,KeyConcurrencyIT,CacheNoticeIT' \
  "${EXTERNAL_ENV[@]}"
echo "== all test stages passed"
