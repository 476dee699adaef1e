#!/usr/bin/env python3
"""The ten-thousand-realms benchmark's HTTP side (ci/bench-realms.sh drives it; not a test).

  bench_realms.py seed N          creates realms scale-00001, ... in parallel until N realms exist
  bench_realms.py create K        creates K more realms one after another; prints ms of each
  bench_realms.py list NAME...    p50/p95 of GET /admin/realms?limit=50 at offsets and cursors
  bench_realms.py console         p50/p95 of the console's realm page, first and deep

Environment: IAM_BASE_URL (http://localhost:9080), BENCH_ADMIN_SECRET (the iam-admin client's
secret), BENCH_SEED_THREADS (4), BENCH_LIST_REQUESTS (300).
"""
import base64
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse

BASE = urllib.parse.urlsplit(os.environ.get("IAM_BASE_URL", "http://localhost:9080"))
SECRET = os.environ["BENCH_ADMIN_SECRET"]
PREFIX = "scale-"


class Admin:
    """One keep-alive connection with a fresh admin token (renewed every minute)."""

    def __init__(self):
        self.conn = http.client.HTTPConnection(BASE.hostname, BASE.port or 80, timeout=60)
        self.token = None
        self.token_at = 0.0

    def request(self, method, path, body=None, auth=True):
        headers = {}
        if auth:
            headers["Authorization"] = "Bearer " + self.bearer()
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        for attempt in range(3):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                self.last_headers = response.headers
                return response.status, response.read()
            except (http.client.HTTPException, OSError):
                self.conn.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def bearer(self):
        if self.token is None or time.monotonic() - self.token_at > 60:
            basic = base64.b64encode(("iam-admin:" + SECRET).encode()).decode()
            self.conn.request(
                "POST",
                "/realms/system/oauth2/token",
                body="grant_type=client_credentials",
                headers={
                    "Authorization": "Basic " + basic,
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )
            response = self.conn.getresponse()
            payload = response.read()
            if response.status != 200:
                raise RuntimeError("token request failed: %d %s" % (response.status, payload[:200]))
            self.token = json.loads(payload)["access_token"]
            self.token_at = time.monotonic()
        return self.token

    def total(self):
        status, payload = self.request("GET", "/admin/realms?limit=1")
        if status != 200:
            sys.exit("listing realms failed: %d" % status)
        return json.loads(payload)["total"]

    def create(self, name):
        for _ in range(5):
            status, payload = self.request("POST", "/admin/realms", {"name": name})
            if status in (201, 409):
                return
            if status != 503:
                break
            time.sleep(1)
        raise RuntimeError("creating %s failed: %d %s" % (name, status, payload[:200]))


def existing_scale_names(admin):
    names, after = set(), None
    while True:
        path = "/admin/realms?limit=200" + ("&after=" + after if after else "")
        status, payload = admin.request("GET", path)
        page = json.loads(payload)
        names.update(r["name"] for r in page["items"] if r["name"].startswith(PREFIX))
        after = page.get("next")
        if not after:
            return names


def seed(target):
    admin = Admin()
    missing = target - admin.total()
    if missing <= 0:
        return
    taken = existing_scale_names(admin)
    todo, n = [], 1
    while len(todo) < missing:
        name = "%s%05d" % (PREFIX, n)
        if name not in taken:
            todo.append(name)
        n += 1
    lock = threading.Lock()
    done = [0]
    started = time.monotonic()

    failures = []

    def work(names):
        worker = Admin()
        for name in names:
            try:
                worker.create(name)
            except Exception as e:  # one failure ends the seeding, loudly
                failures.append(e)
                return
            with lock:
                done[0] += 1
                if done[0] % 1000 == 0:
                    rate = done[0] / (time.monotonic() - started)
                    print("  %d of %d created (%.0f/s)" % (done[0], missing, rate), flush=True)

    threads = int(os.environ.get("BENCH_SEED_THREADS", "4"))
    workers = [threading.Thread(target=work, args=(todo[i::threads],)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if failures:
        sys.exit("seeding failed: %s" % failures[0])
    elapsed = time.monotonic() - started
    print(
        "seeded %d realms in %.0f s (%.1f realms/s, %d parallel requests)"
        % (missing, elapsed, missing / elapsed, threads)
    )


def create(count):
    """Creates `count` realms after the highest scale- name; prints the ms of each, then a summary."""
    admin = Admin()
    before = admin.total()
    taken = existing_scale_names(admin)
    n = max([int(name[len(PREFIX):]) for name in taken] + [0]) + 1
    times = []
    admin.bearer()
    for i in range(count):
        name = "%s%05d" % (PREFIX, n + i)
        started = time.perf_counter()
        admin.create(name)
        times.append((time.perf_counter() - started) * 1000)
    print(
        "created realms %d..%d: first %.1f ms, median %.1f ms, p95 %.1f ms"
        % (before + 1, before + count, times[0], statistics.median(times), percentile(times, 95))
    )
    print("RESULT first=%.3f median=%.3f" % (times[0], statistics.median(times)))


def percentile(values, p):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def timed(admin, path, requests, auth=True):
    for _ in range(max(20, requests // 10)):
        admin.request("GET", path, auth=auth)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        status, _ = admin.request("GET", path, auth=auth)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200:
            sys.exit("GET %s answered %d" % (path, status))
    return statistics.median(times), percentile(times, 95)


def list_latency(cursors):
    admin = Admin()
    total = admin.total()
    requests = int(os.environ.get("BENCH_LIST_REQUESTS", "300"))
    paths = ["/admin/realms?limit=50&offset=%d" % o for o in sorted({0, total // 2, max(0, total - 50)})]
    paths += ["/admin/realms?limit=50&after=" + c for c in cursors]
    for path in paths:
        p50, p95 = timed(admin, path, requests)
        print("  GET %-44s p50 %6.2f ms   p95 %6.2f ms   (%d realms)" % (path, p50, p95, total))


def console(cursor):
    admin = Admin()
    requests = int(os.environ.get("BENCH_LIST_REQUESTS", "300")) // 3
    for path in ["/console/", "/console/index.xhtml?after=" + cursor]:
        p50, p95 = timed(admin, path, requests, auth=False)
        print("  GET %-44s p50 %6.2f ms   p95 %6.2f ms" % (path, p50, p95))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "seed":
        seed(int(sys.argv[2]))
    elif command == "create":
        create(int(sys.argv[2]))
    elif command == "list":
        list_latency(sys.argv[2:])
    elif command == "console":
        console(sys.argv[2])
    else:
        sys.exit(__doc__)
