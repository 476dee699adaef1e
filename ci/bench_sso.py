"""Signs a benchmark user in through an OpenID Provider's own login page, as a browser would, for
ci/bench-vs-keycloak.sh and ci/bench.sh (a benchmark helper, not a test). Works with any provider
whose login page is one HTML form with username and password fields (ours and Keycloak's).

  bench_sso.py ISSUER CLIENT_ID CLIENT_SECRET REDIRECT_URI USERNAME PASSWORD env
      prints shell assignments for eval: COOKIE (the SSO session cookies), AUTHORIZE (path and
      query of an authorization request that the session answers with a code), TOKEN (path of the
      token endpoint), VERIFIER (its PKCE code_verifier), BASIC (client_secret_basic, base64)
  bench_sso.py ... tokens
      prints the token response of one whole code flow (for load.sh's USER_TOKEN_CMD)
"""

import base64
import hashlib
import html
import http.client
import json
import re
import secrets
import shlex
import sys
import urllib.parse


def request(method, url, cookies, body=None, headers=None):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = parts.path + ("?" + parts.query if parts.query else "")
    all_headers = dict(headers or {})
    if cookies:
        all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        all_headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=all_headers)
    reply = conn.getresponse()
    for name, value in reply.getheaders():
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            if val and "max-age=0" not in value.lower():
                cookies[key.strip()] = val.strip()
            else:
                cookies.pop(key.strip(), None)
    data = reply.read().decode("utf-8", "replace")
    return reply.status, reply.getheader("Location"), data


def main():
    issuer, client_id, secret, redirect, username, password, mode = sys.argv[1:8]
    status, _, body = request("GET", issuer + "/.well-known/openid-configuration", {})
    if status != 200:
        sys.exit(f"discovery of {issuer}: HTTP {status}")
    discovery = json.loads(body)
    verifier = secrets.token_urlsafe(48)
    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )
    query = urllib.parse.urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect,
            "scope": "openid",
            "state": "bench",
            "nonce": "bench",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
    )
    authorize = discovery["authorization_endpoint"] + "?" + query
    cookies = {}
    status, _, page = request("GET", authorize, cookies)
    form = re.search(r"<form[^>]*action=\"([^\"]+)\"", page)
    if status != 200 or not form:
        sys.exit(f"no login form at {authorize}: HTTP {status}")
    action = urllib.parse.urljoin(authorize, html.unescape(form.group(1)))
    fields = {
        html.unescape(m.group(1)): html.unescape(m.group(2))
        for m in re.finditer(r"<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", page)
    }
    fields.update({"username": username, "password": password})
    status, location, _ = request("POST", action, cookies, urllib.parse.urlencode(fields))
    if status != 302 or not location or not location.startswith(redirect + "?"):
        sys.exit(f"signing in at {action}: HTTP {status}, Location {location}")
    basic = base64.b64encode(
        f"{urllib.parse.quote(client_id, safe='')}:{urllib.parse.quote(secret, safe='')}".encode()
    ).decode()
    token_endpoint = discovery["token_endpoint"]
    if mode == "tokens":
        code = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)["code"][0]
        form_body = urllib.parse.urlencode(
            {
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect,
                "code_verifier": verifier,
            }
        )
        status, _, tokens = request(
            "POST", token_endpoint, {}, form_body, {"Authorization": "Basic " + basic}
        )
        if status != 200:
            sys.exit(f"code exchange: HTTP {status} {tokens[:300]}")
        print(tokens)
        return
    split = urllib.parse.urlsplit(authorize)
    values = {
        "COOKIE": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        "AUTHORIZE": split.path + "?" + split.query,
        "TOKEN": urllib.parse.urlsplit(token_endpoint).path,
        "VERIFIER": verifier,
        "BASIC": basic,
        "REDIRECT": urllib.parse.quote(redirect, safe=""),
        "HOSTPORT": f"{split.scheme}://{split.netloc}",
    }
    for key, value in values.items():
        print(f"{key}={shlex.quote(value)}")


if __name__ == "__main__":
    main()
