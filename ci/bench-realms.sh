# Ten thousand realms (issue 6, point 18), sourced by ci/bench.sh once the server runs; uses its
# BASE and ADMIN_SECRET. Measures, with 10 realms and again with BENCH_REALMS (10,000):
#   - GET /admin/realms?limit=50 p50/p95 at the first, middle and last offset and by cursor (after=)
#   - creating realm 11 and realm 10,001 (and 19 more after each: median), and their ratio
#   - start-up time (server start to /health/ready 200) and idle heap after a full GC
#     (jcmd GC.run, GC.heap_info), plus the CPU the idle server uses in a minute (background rounds)
#   - the console's realm page, first and deep (it pages by key)
# Seeding goes through the admin API (every realm gets a signing key sealed with the master key),
# BENCH_SEED_THREADS requests in parallel.

REALMS_TARGET=${BENCH_REALMS:-10000}
WLP=ear/target/liberty/wlp
PY=(python3 ci/bench_realms.py)
export BENCH_ADMIN_SECRET="$ADMIN_SECRET" IAM_BASE_URL="$BASE"

server_pid() { cat "$WLP/usr/servers/.pid/iam.pid"; }

wait_ready() {
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "$BASE/health/ready"; then return 0; fi
    sleep 0.1
  done
  echo "the server did not become ready" >&2
  return 1
}

# Restarts the server; prints the start-up time (seconds from `server start` to ready).
restart_timed() {
  "$WLP/bin/server" stop iam >/dev/null
  local t0 t1
  t0=$(date +%s.%N)
  "$WLP/bin/server" start iam >/dev/null
  wait_ready
  t1=$(date +%s.%N)
  python3 -c "print('%.1f' % ($t1 - $t0))"
}

# Heap in use after a full GC, in MB, once the server has idled for a while.
idle_heap_mb() {
  local pid
  pid=$(server_pid)
  jcmd "$pid" GC.run >/dev/null
  sleep 2
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | python3 -c "
import re, sys
text = sys.stdin.read()
m = re.search(r'used (\d+)K', text)
print('%.0f' % (int(m.group(1)) / 1024))"
}

# Percent of one core the server uses over 60 s with no requests (its background rounds).
idle_cpu_percent() {
  local pid ticks0 ticks1 hz
  pid=$(server_pid)
  hz=$(getconf CLK_TCK)
  ticks0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep 60
  ticks1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  python3 -c "print('%.1f' % (($ticks1 - $ticks0) / $hz / 60 * 100))"
}

# Waits until the server has been quiet (under 10% of a core) for 10 s: the audit rounds have
# sealed, verified and checkpointed what seeding wrote. At most 15 minutes.
settle() {
  local pid hz ticks0 ticks1 started=$SECONDS
  pid=$(server_pid)
  hz=$(getconf CLK_TCK)
  while (( SECONDS - started < 900 )); do
    ticks0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    sleep 10
    ticks1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    if (( (ticks1 - ticks0) * 100 < hz * 10 * 10 )); then
      echo "  settled after $(( SECONDS - started )) s"
      return 0
    fi
  done
  echo "  still busy after 15 minutes"
}

# Start-up time is the fastest of three restarts (other work on a shared machine only slows it).
measure_size() {
  local label=$1 startup heap cpu times=()
  for _ in 1 2 3; do times+=("$(restart_timed)"); done
  startup=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  echo "  start-ups: ${times[*]} s"
  sleep 20
  heap=$(idle_heap_mb)
  cpu=$(idle_cpu_percent)
  echo "  start-up ${startup} s, idle heap after GC ${heap} MB, idle CPU ${cpu}% of a core"
  eval "STARTUP_$label=$startup HEAP_$label=$heap CPU_$label=$cpu"
}

echo "== ten thousand realms: at 10 realms"
"${PY[@]}" seed 10
measure_size SMALL
"${PY[@]}" list scale-00005
CREATE_SMALL=$("${PY[@]}" create 20)
echo "  $(head -1 <<<"$CREATE_SMALL")"

echo "== seeding up to $REALMS_TARGET realms through the admin API"
SEED_STARTED=$SECONDS
"${PY[@]}" seed "$REALMS_TARGET"
settle
echo "  seeding and settling took $(( SECONDS - SEED_STARTED )) s"

echo "== at $REALMS_TARGET realms"
measure_size LARGE
"${PY[@]}" list scale-00050 scale-05000 scale-09950
"${PY[@]}" console scale-09000
CREATE_LARGE=$("${PY[@]}" create 20)
echo "  $(head -1 <<<"$CREATE_LARGE")"

python3 - "$CREATE_SMALL" "$CREATE_LARGE" <<PY
import re, sys
def first(text, key):
    return float(re.search(key + r'=([0-9.]+)', text).group(1))
small, large = sys.argv[1], sys.argv[2]
print("== ten thousand realms: summary")
print("  creating realm 10,001 vs realm 11: %.2fx (first), %.2fx (median of 20)"
      % (first(large, 'first') / first(small, 'first'), first(large, 'median') / first(small, 'median')))
print("  start-up: %s s with 10 realms, %s s with $REALMS_TARGET (%.2fx)"
      % ("$STARTUP_SMALL", "$STARTUP_LARGE", $STARTUP_LARGE / $STARTUP_SMALL))
print("  idle heap after GC: %s MB with 10 realms, %s MB with $REALMS_TARGET (%.2fx)"
      % ("$HEAP_SMALL", "$HEAP_LARGE", $HEAP_LARGE / $HEAP_SMALL))
print("  idle CPU: %s%% of a core with 10 realms, %s%% with $REALMS_TARGET" % ("$CPU_SMALL", "$CPU_LARGE"))
PY
