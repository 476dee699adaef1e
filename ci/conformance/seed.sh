#!/usr/bin/env bash
# Seeds realm "oidf" for the certification plans through the admin API of the server at BASE
# (the system realm's iam-admin client, secret ADMIN_SECRET): two confidential clients with the
# suite's redirect and post-logout URIs, and user alice with every standard claim the profile,
# email, address and phone scopes carry (gender and profile as user-profile attributes of the
# profile scope). The Basic OP plan sends no PKCE, so the clients do not require it (a confidential
# client may opt out; public ones cannot). Prints CLIENT1_SECRET=… and CLIENT2_SECRET=… for eval.
# Env: BASE, ADMIN_SECRET, SUITE (https://localhost:8443), ALIAS (oidf).
set -euo pipefail
: "${BASE:?}" "${ADMIN_SECRET:?}"
SUITE=${SUITE:-https://localhost:8443}
ALIAS=${ALIAS:-oidf}
REALM=oidf
cd "$(dirname "$0")"
source <(grep -E "^(USERNAME|PASSWORD)=" op.env)
json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -ksf -u "iam-admin:$ADMIN_SECRET" -d grant_type=client_credentials \
  "$BASE/realms/system/oauth2/token" | json "['access_token']")
api() { # api METHOD PATH [JSON]: the response body on 2xx, else the status and body on stderr
  local out code
  out=$(mktemp)
  code=$(curl -ks -o "$out" -w '%{http_code}' -X "$1" "$BASE/admin/realms$2" \
    -H "Authorization: Bearer $TOKEN" ${3:+-H 'Content-Type: application/json' --data "$3"})
  [[ $code == 2* ]] || { echo "seed: HTTP $code for $1 $2: $(head -c 400 "$out")" >&2; exit 1; }
  cat "$out"; rm -f "$out"
}
api POST "" "{\"name\":\"$REALM\",\"displayName\":\"OpenID conformance\"}" >/dev/null
api PUT "/$REALM/user-profile" '{"attributes":[
  {"name":"gender","type":"string","scope":"profile"},
  {"name":"profile","type":"string","scope":"profile"}]}' >/dev/null
for n in 1 2; do
  secret=$(api POST "/$REALM/clients" "{\"clientId\":\"oidf-client$n\",\"type\":\"confidential\",
    \"displayName\":\"Conformance client $n\",\"pkceRequired\":false,
    \"allowedScopes\":[\"openid\",\"profile\",\"email\",\"address\",\"phone\",\"offline_access\"],
    \"redirectUris\":[\"$SUITE/test/a/$ALIAS/callback\"],
    \"postLogoutRedirectUris\":[\"$SUITE/test/a/$ALIAS/post_logout_redirect\"]}" |
    json "['clientSecret']")
  echo "CLIENT${n}_SECRET=$secret"
done
id=$(api POST "/$REALM/users" "{\"username\":\"$USERNAME\",\"email\":\"alice@example.test\",
  \"emailVerified\":true,\"firstName\":\"Alice\",\"lastName\":\"Example\",\"middleName\":\"Beatrice\",
  \"nickname\":\"ali\",\"birthdate\":\"1990-01-31\",\"website\":\"https://alice.example.test\",
  \"picture\":\"https://alice.example.test/alice.png\",\"zoneinfo\":\"Europe/Berlin\",\"locale\":\"en\",
  \"phoneNumber\":\"+1 555 0100\",\"phoneNumberVerified\":true,
  \"address\":{\"formatted\":\"1 Example Street, 12345 Exampleton, Exampleland\",
    \"streetAddress\":\"1 Example Street\",\"locality\":\"Exampleton\",\"region\":\"EX\",
    \"postalCode\":\"12345\",\"country\":\"Exampleland\"},
  \"attributes\":{\"gender\":[\"female\"],\"profile\":[\"https://alice.example.test/profile\"]}}" |
  json "['id']")
api POST "/$REALM/users/$id/password" "{\"password\":\"$PASSWORD\",\"temporary\":false}" >/dev/null
