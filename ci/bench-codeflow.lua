-- The authorization code flow under load (wrk, LuaJIT), for ci/bench.sh and
-- ci/bench-vs-keycloak.sh: each connection alternates an authorization request that carries the
-- browser's SSO session cookie (answered by a 302 to the redirect URI with a code, no page) and
-- the token request that redeems a code from an earlier answer with its PKCE verifier. One flow
-- is one authorize and one exchange; a flow counts when the token response is a 200 with an
-- access token and an ID token.
--
-- Environment: BENCH_AUTHORIZE (path and query of the authorization request), BENCH_TOKEN (path
-- of the token endpoint), BENCH_COOKIE (the Cookie header), BENCH_BASIC (client_secret_basic
-- credentials, base64), BENCH_REDIRECT (redirect_uri), BENCH_VERIFIER (code_verifier).
local authorize = os.getenv("BENCH_AUTHORIZE")
local token = os.getenv("BENCH_TOKEN")
local cookie = os.getenv("BENCH_COOKIE")
local basic = os.getenv("BENCH_BASIC")
local prefix = "grant_type=authorization_code&redirect_uri=" .. os.getenv("BENCH_REDIRECT")
  .. "&code_verifier=" .. os.getenv("BENCH_VERIFIER") .. "&code="

local codes = {}
flows, failed = 0, 0
sample = nil
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function request()
  local code = table.remove(codes)
  if code then
    return wrk.format("POST", token, {
      ["Authorization"] = "Basic " .. basic,
      ["Content-Type"] = "application/x-www-form-urlencoded",
    }, prefix .. code)
  end
  return wrk.format("GET", authorize, { ["Cookie"] = cookie })
end

local function fail(status, what)
  failed = failed + 1
  if not sample then sample = "status=" .. status .. " " .. string.sub(what or "", 1, 300) end
end

function response(status, headers, body)
  if status == 302 then
    local location = headers["Location"] or headers["location"] or ""
    local code = location:match("[?&]code=([^&]+)")
    if code then table.insert(codes, code) else fail(status, location) end
  elseif status == 200 and body:find('"access_token"') and body:find('"id_token"') then
    flows = flows + 1
  else
    fail(status, body)
  end
end

function done(summary, latency, requests)
  local total, bad, first = 0, 0, nil
  for _, t in ipairs(threads) do
    total = total + t:get("flows")
    bad = bad + t:get("failed")
    first = first or t:get("sample")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "FLOWS flows_per_s=%.1f flows=%d failed=%d requests=%d p50_ms=%.2f p99_ms=%.2f\n",
    total / seconds, total, bad, summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  if first then io.write("SAMPLE " .. first .. "\n") end
end
