#!/usr/bin/env python3
"""The million-users benchmark's HTTP side (ci/bench-users.sh drives it; not a test).

  bench_users.py search REALM     p50/p95 of user search (q= prefixes, email= exact), GET by id
  bench_users.py access REALM     effective-roles of a user in 20 groups of a 5-level tree whose
                                  roles are composites 3 levels deep: warm, and cold (the first
                                  call after a change that invalidates the realm's cached access),
                                  over HTTP and, from the response's Server-Timing, inside the
                                  server (the effective-access function alone)

Requests are sequential, over one keep-alive connection, with a warm-up before each measurement.
Environment: IAM_BASE_URL (http://localhost:9080), BENCH_ADMIN_SECRET (the iam-admin client's
secret), BENCH_USER_REQUESTS (200 per query), BENCH_COLD_ROUNDS (50).
"""
import json
import os
import random
import statistics
import sys
import time
import urllib.parse

from bench_realms import Admin, percentile

REQUESTS = int(os.environ.get("BENCH_USER_REQUESTS", "200"))
COLD_ROUNDS = int(os.environ.get("BENCH_COLD_ROUNDS", "50"))

# Prefixes as an admin types them, from one letter to a whole username; seeded names cycle
# through 40 first and 50 last names, so short prefixes match up to a sixth of the realm.
PREFIXES = ["j", "ma", "mar", "smi", "smith", "garcia", "patricia", "james.s", "linda.lee.4",
            "zz"]


def get(admin, path):
    status, payload = admin.request("GET", path)
    if status != 200:
        sys.exit("GET %s answered %d %s" % (path, status, payload[:200]))
    return json.loads(payload)


def timed(admin, paths):
    """ms of each GET in `paths`, after a warm-up pass over them."""
    for path in paths[: max(20, len(paths) // 10)]:
        admin.request("GET", path)
    times = []
    for path in paths:
        started = time.perf_counter()
        status, payload = admin.request("GET", path)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200:
            sys.exit("GET %s answered %d %s" % (path, status, payload[:200]))
    return times


def server_timing(admin, name):
    """The dur of metric `name` in the last response's Server-Timing header, in ms."""
    for metric in (admin.last_headers.get("Server-Timing") or "").split(","):
        parts = [p.strip() for p in metric.split(";")]
        if parts[0] == name:
            for p in parts[1:]:
                if p.startswith("dur="):
                    return float(p[4:])
    sys.exit("no Server-Timing %s in the response" % name)


def timed_access(admin, path, rounds):
    """ms over HTTP, and ms the server spent in the effective-access function, of `rounds` GETs."""
    http_ms, function_ms = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        status, payload = admin.request("GET", path)
        http_ms.append((time.perf_counter() - started) * 1000)
        if status != 200:
            sys.exit("GET %s answered %d %s" % (path, status, payload[:200]))
        function_ms.append(server_timing(admin, "access"))
    return http_ms, function_ms


def line(label, times, extra=""):
    print("  %-46s p50 %6.2f ms   p95 %6.2f ms%s"
          % (label, statistics.median(times), percentile(times, 95), extra), flush=True)


def search(realm):
    admin = Admin()
    users = "/admin/realms/%s/users" % realm
    total = get(admin, users + "?limit=1")
    print("  realm %s: total %d%s" % (realm, total["total"],
                                      " (capped)" if total.get("totalCapped") else ""))
    every = []
    for prefix in PREFIXES:
        path = users + "?q=" + urllib.parse.quote(prefix)
        page = get(admin, path)
        times = timed(admin, [path] * REQUESTS)
        every += times
        line("GET users?q=%s" % prefix, times, "   (%d%s matches)" % (
            page["total"], "+" if page.get("totalCapped") else ""))
    line("GET users?q= (all prefixes above)", every)
    # Deeper pages of a large match, by cursor.
    page = get(admin, users + "?q=mar&limit=50")
    cursors = []
    for _ in range(20):
        cursors.append(page["next"])
        page = get(admin, users + "?q=mar&limit=50&after=" + urllib.parse.quote(page["next"]))
    line("GET users?q=mar&limit=50&after= (pages 2-21)",
         timed(admin, [users + "?q=mar&limit=50&after=" + urllib.parse.quote(c)
                       for c in cursors] * (REQUESTS // 20)))
    # Known users, sampled across the realm: e-mail exact and GET by id.
    sample = []
    for prefix in random.Random(7).sample(PREFIXES[:8], 8):
        sample += get(admin, users + "?q=%s&limit=25" % urllib.parse.quote(prefix))["items"]
    emails = [users + "?email=" + urllib.parse.quote(u["email"]) for u in sample]
    line("GET users?email= (exact)", timed(admin, (emails * REQUESTS)[:REQUESTS * 2]))
    ids = [users + "/" + u["id"] for u in sample]
    line("GET users/{id}", timed(admin, (ids * REQUESTS)[:REQUESTS * 2]))


def post(admin, path, body):
    status, payload = admin.request("POST", path, body)
    if status != 201:
        sys.exit("POST %s answered %d %s" % (path, status, payload[:300]))
    return json.loads(payload) if payload else None


def put(admin, path):
    status, payload = admin.request("PUT", path)
    if status not in (200, 204):
        sys.exit("PUT %s answered %d %s" % (path, status, payload[:300]))


def access(realm):
    """20 groups: 4 chains of 5 levels; each group maps a role that includes one that includes one."""
    admin = Admin()
    base = "/admin/realms/%s" % realm
    tag = "b%d" % int(time.time())
    # A user in no group yet (a rerun on the same data picks another).
    candidates = get(admin, base + "/users?q=linda.lee.4&limit=50")["items"]
    user = candidates[int(time.time()) % len(candidates)]["id"]
    groups = []
    for chain in range(4):
        parent = None
        for level in range(5):
            name = "%s-c%d-l%d" % (tag, chain, level)
            group = post(admin, base + "/groups", {"name": name, "parentId": parent})
            parent = group["id"]
            groups.append((group["id"], name))
    for group_id, name in groups:
        post(admin, base + "/roles", {"name": name + "-r3"})
        post(admin, base + "/roles", {"name": name + "-r2", "composites": [name + "-r3"]})
        post(admin, base + "/roles", {"name": name + "-r1", "composites": [name + "-r2"]})
        put(admin, base + "/groups/%s/roles/%s" % (group_id, name + "-r1"))
        put(admin, base + "/groups/%s/members/%s" % (group_id, user))
    path = base + "/users/%s/effective-roles" % user
    roles = get(admin, path)
    count = len(roles.get("realmRoles", roles.get("roles", [])))
    print("  user in %d groups (4 chains x 5 levels), %d effective realm roles" % (len(groups), count))
    timed_access(admin, path, 20)  # warm-up
    warm_http, warm_function = timed_access(admin, path, REQUESTS)
    line("GET effective-roles, warm (HTTP)", warm_http)
    line("effective access function, warm (in server)", warm_function)
    # Cold: any change to the realm's access model advances its generation, so the next call
    # computes afresh. A throw-away group is mapped and unmapped a role, then the call is timed.
    spare = post(admin, base + "/groups", {"name": tag + "-spare"})["id"]
    cold, cold_function = [], []
    for i in range(COLD_ROUNDS):
        put(admin, base + "/groups/%s/roles/%s" % (spare, groups[i % len(groups)][1] + "-r3"))
        http_ms, function_ms = timed_access(admin, path, 1)
        cold += http_ms
        cold_function += function_ms
        admin.request("DELETE", base + "/groups/%s/roles/%s" % (spare, groups[i % len(groups)][1] + "-r3"))
    line("GET effective-roles, cold (after a change, HTTP)", cold)
    line("effective access function, cold (in server)", cold_function)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("search", "access"):
        sys.exit(__doc__)
    {"search": search, "access": access}[sys.argv[1]](sys.argv[2])
