#!/usr/bin/env bash
# Load run on loopback: the same single-subgraph query through the gateway (127.0.0.1:4000) and straight to the
# child-index subgraph it goes to (127.0.0.1:4001), side by side in one run, with wrk. Prints both throughputs and
# their ratio (target: the gateway reaches at least 80% of the subgraph's throughput).
# Usage: tests/ChildInfo.Benchmarks/load/run.sh [seconds per run, default 20] [connections, default 32]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
duration="${1:-20}"
connections="${2:-32}"
gateway="http://127.0.0.1:4000/graphql"
# The demo's subgraphs accept only calls carrying the gateway's signed context, so the direct target is the same
# child-index subgraph started on its own (no context key) over the demo's own database.
subgraph="http://127.0.0.1:4011/graphql"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

work="$(mktemp -d)"
pid=""
direct=""
cleanup() { for p in $pid $direct; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The embedded demo: the gateway and the five sample subgraphs over SQLite, generated on first run.
dotnet build -c Release "$root/gateway/ChildInfo.Gateway.Demo" -v q -nologo >/dev/null
(cd "$root" && exec dotnet run -c Release --no-build --project gateway/ChildInfo.Gateway.Demo >"$work/demo.log" 2>&1) &
pid=$!
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "http://127.0.0.1:4000/health" && break
  sleep 1
done
(cd "$root" && Database__ConnectionString="Data Source=$root/data/demo/child-index.db" Database__CreateSchema=false \
  exec dotnet run -c Release --no-build --project subgraphs/ChildInfo.Subgraphs.ChildIndex -- --urls http://127.0.0.1:4011 >"$work/direct.log" 2>&1) &
direct=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "$subgraph" && break
  sleep 1
done
curl -sf -o /dev/null "http://127.0.0.1:4000/health" || { echo "the demo did not start; its log:" >&2; cat "$work/demo.log" >&2; exit 1; }

# A query answered by the child-index subgraph alone: the same body for both targets.
# A real child from the demo's child index, so the gateway plans, fetches and merges a non-null answer.
id="${CHILD_ID:-$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT child_id FROM ci_child ORDER BY child_id LIMIT 1").fetchone()[0])' "$root/data/demo/child-index.db")}"
id="${id:-CH-UNKNOWN}"
body=$(printf '{"query":"query($id: ID!) { child(id: $id) { id forename surname dateOfBirth postcode } }","variables":{"id":"%s"}}' "$id")
# The gateway answers only an authenticated caller with a declared purpose: a development token for a social
# worker acting under child protection (the subgraph ignores these headers).
token=$(cd "$root" && dotnet run -c Release --no-build --project gateway/ChildInfo.Gateway.Demo -- token --role social_worker --user load.test | tail -1)
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["ChildInfo-Purpose"] = "child_protection"
wrk.headers["ChildInfo-Justification"] = "load run"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json, application/json"
wrk.body = [[$body]]
LUA

echo "body: $body"
for target in "$gateway" "$subgraph"; do
  curl -sf -H "Authorization: Bearer $token" -H 'ChildInfo-Purpose: child_protection' -H 'ChildInfo-Justification: load run' \
    -H 'Content-Type: application/json' -d "$body" "$target" | head -c 300; echo
  wrk -t2 -c"$connections" -d5s -s "$work/post.lua" "$target" >/dev/null   # warm-up
done

run() { wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" "$1" | tee "$work/$2.txt" >&2; awk '/Requests\/sec/ {print $2}' "$work/$2.txt"; }
echo "== gateway ($gateway)" >&2;   g=$(run "$gateway" gateway)
echo "== subgraph ($subgraph)" >&2; s=$(run "$subgraph" subgraph)
echo "machine: $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "gateway:  $g req/s"
echo "subgraph: $s req/s"
python3 -c "import sys; g,s=float(sys.argv[1]),float(sys.argv[2]); print(f'ratio: {g/s:.1%} of the subgraph called directly (target >= 80%)')" "$g" "$s"
