#!/usr/bin/env bash
# The hot read side by side: the bare ASGI reference (loadtests/bare_app.py: asyncpg + orjson)
# against Alloy's authenticated, rate-limited, cached GET /v1/movements/{movement_id}, both on
# granian with one worker, the same row, PostgreSQL + Redis, wrk on the same machine.
# Rounds alternate bare / Alloy; the medians and their ratio are printed at the end, with each
# server's CPU time per request (its processes' utime + stime from /proc over the round, divided by
# the requests wrk completed): a figure that other load on the machine disturbs far less.
#
#   loadtests/bench_hot_read.sh                      # 5 rounds of 10 s, 64 connections
#   ROUNDS=7 DURATION=15s loadtests/bench_hot_read.sh
#
# BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/alloy_bench, created if missing)
# and BENCH_REDIS_URL (default redis://127.0.0.1:6379/0) must be yours alone: they are written to.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
GRANIAN=${GRANIAN:-.venv/bin/granian}
DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/alloy_bench}
REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/0}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-1}
BARE_PORT=${BARE_PORT:-18081}
ALLOY_PORT=${ALLOY_PORT:-18082}
EMAIL=hot-read@example.com
PASSWORD="violet canyon sledge 47 quartz orbit"
WORK_DIR=$(mktemp -d)

export ALLOY_DATA_DIR=$WORK_DIR/data ALLOY_DATABASE_URL=$DATABASE_URL ALLOY_REDIS_URL=$REDIS_URL
export ALLOY_ENVIRONMENT=development ALLOY_ACCESS_TOKEN_TTL_SECONDS=3600
# The limiter runs on every request (one atomic Redis script), with a budget wrk cannot exhaust.
export ALLOY_RATE_LIMIT_READ=${ALLOY_RATE_LIMIT_READ:-100000000/minute}
export ALLOY_BARE_DATABASE_URL=${DATABASE_URL/postgres:/postgresql:}

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT

"$PYTHON" - "$DATABASE_URL" <<'PY'
import asyncio, sys
from urllib.parse import urlsplit, urlunsplit
import asyncpg

async def main(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = await asyncpg.connect(urlunsplit(parts._replace(scheme="postgresql", path="/postgres")))
    if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
        await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()

asyncio.run(main(sys.argv[1]))
PY
"$PYTHON" -m alloy_cli.main db upgrade >/dev/null
"$PYTHON" -m alloy_cli.main seed >/dev/null
echo "$PASSWORD" | "$PYTHON" -m alloy_cli.main users create --email "$EMAIL" --password-stdin \
  >/dev/null 2>&1 || true

"$GRANIAN" --interface asgi --workers 1 --host 127.0.0.1 --port "$BARE_PORT" --log-level error \
  loadtests.bare_app:app >"$WORK_DIR/bare.log" 2>&1 &
pids+=($!)
bare_pid=$!
"$PYTHON" -m alloy_cli.main serve --port "$ALLOY_PORT" --workers 1 >"$WORK_DIR/alloy.log" 2>&1 &
pids+=($!)
alloy_pid=$!

# CPU ticks (utime + stime) of a server and its worker processes, two levels down.
cpu_ticks() {
  local total=0 pid
  for pid in $( (echo "$1"; pgrep -P "$1"; for child in $(pgrep -P "$1"); do pgrep -P "$child"; done) | sort -u); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
TICKS_PER_SECOND=$(getconf CLK_TCK)
for port in "$BARE_PORT" "$ALLOY_PORT"; do
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/health/live" && break
    sleep 0.2
  done
done

TOKEN=$(curl -s -X POST "http://127.0.0.1:$ALLOY_PORT/v1/auth/login" \
  -H 'Content-Type: application/json' \
  -d "{\"email\": \"$EMAIL\", \"password\": \"$PASSWORD\"}" |
  "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["data"]["access_token"])')
MOVEMENT_ID=$(curl -s "http://127.0.0.1:$ALLOY_PORT/v1/movements?limit=1&sort=name" \
  -H "Authorization: Bearer $TOKEN" |
  "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["data"]["items"][0]["id"])')
BARE_URL="http://127.0.0.1:$BARE_PORT/v1/movements/$MOVEMENT_ID"
ALLOY_URL="http://127.0.0.1:$ALLOY_PORT/v1/movements/$MOVEMENT_ID"
echo "movement $MOVEMENT_ID"
curl -s -o /dev/null -w "bare  %{http_code}\n" "$BARE_URL"
curl -s -D - -o /dev/null -w "alloy %{http_code}\n" -H "Authorization: Bearer $TOKEN" "$ALLOY_URL" |
  grep -iE '^(HTTP|ratelimit|etag)|alloy'

warm() { wrk -t1 -c8 -d2s "$@" >/dev/null; }
warm "$BARE_URL"
warm -H "Authorization: Bearer $TOKEN" "$ALLOY_URL"

results=$WORK_DIR/results.txt
for round in $(seq "$ROUNDS"); do
  before=$(cpu_ticks "$bare_pid")
  bare=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BARE_URL")
  bare_ticks=$(($(cpu_ticks "$bare_pid") - before))
  before=$(cpu_ticks "$alloy_pid")
  alloy=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
    -H "Authorization: Bearer $TOKEN" "$ALLOY_URL")
  alloy_ticks=$(($(cpu_ticks "$alloy_pid") - before))
  for name in bare alloy; do
    output=${!name}
    ticks_name=${name}_ticks
    requests=$(awk '/requests in/ {print $1}' <<<"$output")
    cpu_us=$((${!ticks_name} * 1000000 / TICKS_PER_SECOND / requests))
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$output")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$output" | tr '\n' ' ')
    echo "$round $name $rps $p50 $p99 cpu_us_per_request=$cpu_us $errors" | tee -a "$results"
  done
done

"$PYTHON" - "$results" <<'PY'
import statistics, sys

rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
names = ("bare", "alloy")
rps = {name: [float(r[2]) for r in rows if r[1] == name] for name in names}
cpu = {name: [int(r[5].split("=")[1]) for r in rows if r[1] == name] for name in names}
bare, alloy = statistics.median(rps["bare"]), statistics.median(rps["alloy"])
ratios = [a / b for a, b in zip(rps["alloy"], rps["bare"])]
print(f"median req/s  bare {bare:.0f}  alloy {alloy:.0f}  ratio {alloy / bare:.1%}")
print("per-round ratios " + " ".join(f"{ratio:.1%}" for ratio in ratios))
bare_cpu, alloy_cpu = statistics.median(cpu["bare"]), statistics.median(cpu["alloy"])
print(f"median CPU per request  bare {bare_cpu:.0f} us  alloy {alloy_cpu:.0f} us")
PY
