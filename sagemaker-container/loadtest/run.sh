#!/usr/bin/env bash
# Load test of `psa serve` on loopback (README "Load test"): posts the README's 10 s body
# (1,000 records from the simulator) to /predict at concurrency 1 and 4, with the response cache
# off, without and then with PostgreSQL results; prints requests/s and p50/p99 latency from wrk.
#
#   sagemaker-container/loadtest/run.sh [SECONDS_PER_RUN]        (default 20; plus a 10 s warm-up)
#
# Needs: the jar (./mvnw -B -DskipTests package), wrk (apt-get install -y wrk). With the database:
# PSA_LOADTEST_DB_URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres) reachable;
# set PSA_LOADTEST_DB_URL=none to skip that half. PSA_LOADTEST_MODEL=DIR serves that model instead of
# the default model (PCA, trained at start), e.g. a forest or an LSTM to see what the detector costs.
# Only ever targets 127.0.0.1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-20}"
port="${PSA_LOADTEST_PORT:-18090}"
db_url="${PSA_LOADTEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
schema="psa_loadtest"
work="$(mktemp -d)"
model_args=()
[ -n "${PSA_LOADTEST_MODEL:-}" ] && model_args=(--model "$PSA_LOADTEST_MODEL")
server_pid=""

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

"$root/bin/psa" simulate --duration 10s --format predict > "$work/body.json"
export PSA_BODY="$work/body.json"
echo "body: $(wc -c < "$work/body.json") bytes, 1000 records; $(nproc) cores shared by server and wrk"

start_server() { # $1: database URL or empty
  if [ -n "$1" ]; then
    PSA_DB_URL="$1" PSA_DB_SCHEMA="$schema" PSA_DB_SPILL="$work/spill.jsonl" \
      "$root/bin/psa" serve --port "$port" --cache-entries 0 "${model_args[@]}" > "$work/server.log" 2>&1 &
  else
    env -u PSA_DB_URL "$root/bin/psa" serve --port "$port" --cache-entries 0 --db none \
      "${model_args[@]}" > "$work/server.log" 2>&1 &
  fi
  server_pid=$!
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/ping" > /dev/null; then
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "server did not answer /ping within 120 s" >&2
  exit 1
}

# wrk's latency lines look like "     50%    2.10ms"; print them in ms
ms() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
  else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }
  printf "%.2f", v }'; }

run() { # $1: label, $2: concurrency
  local out
  out="$(wrk -t "$2" -c "$2" -d "${seconds}s" --latency -s "$root/sagemaker-container/loadtest/post.lua" \
    "http://127.0.0.1:$port/predict")"
  local rps errors
  rps="$(awk '/^Requests\/sec/ { print $2 }' <<< "$out")"
  errors="$(awk '/Non-2xx/ { print $NF }' <<< "$out")"
  printf "%-12s %11s %12s %9s %9s %9s\n" "$1" "$2" "$rps" "$(ms 50% <<< "$out")" \
    "$(ms 99% <<< "$out")" "${errors:-0}"
}

printf "%-12s %11s %12s %9s %9s %9s\n" "database" "concurrency" "requests/s" "p50 ms" "p99 ms" "non-2xx"
for mode in none db; do
  url=""
  if [ "$mode" = db ]; then
    [ "$db_url" = none ] && continue
    url="$db_url"
  fi
  start_server "$url"
  wrk -t 2 -c 4 -d 10s -s "$root/sagemaker-container/loadtest/post.lua" \
    "http://127.0.0.1:$port/predict" > /dev/null # warm-up: JIT, pools
  run "$mode" 1
  run "$mode" 4
  if [ "$mode" = db ]; then
    curl -s "http://127.0.0.1:$port/metrics" | grep -E '^psa_(results_(written|dropped|dead_lettered)_total|results_pending|database_up)' \
      | sed 's/^/  /'
  fi
  stop_server
done
if [ "$db_url" != none ] && command -v psql > /dev/null; then
  # the rows of this run are not kept
  psql "${db_url#jdbc:}" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" > /dev/null 2>&1 || true
fi
