#!/usr/bin/env bash
# Time to the first answer after a restart, cold and with plans warmed from recent-operations.json: this gateway
# (ChildInfo.LoadGateway, audit off, as `childinfo serve --supergraph` builds it) on core 1 over the gateways
# benchmark's replaying subgraphs on core 0. One seeding run answers the deep query and stops, leaving its data folder's
# recent-operations.json; then RUNS restarts of each kind, alternating: an empty data folder (cold) or a copy of the
# seeded one (warm). Each prints the first and the second answer's time (curl's time_total, seconds).
#
# Usage: tests/ChildInfo.Benchmarks/gateways/first-answer.sh [RUNS]   (default 6)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
runs="${1:-6}"
bin="$root/tests/ChildInfo.Benchmarks/LoadGateway/bin/Release/net10.0"
bench_bin="$root/tests/ChildInfo.Benchmarks/GatewaysBench/bin/Release/net10.0"
work="$(mktemp -d)"
pids=()
cleanup() {
  stop_started
  rm -rf "$work"
}
trap cleanup EXIT
source "$root/tests/ChildInfo.Benchmarks/load/lib.sh"
source "$here/lib.sh"
wait_for() { local pattern=$1 file=$2; for _ in $(seq 1 600); do grep -q "$pattern" "$file" && return 0; sleep 0.05; done; echo "first-answer.sh: '$pattern' never appeared in $file" >&2; cat "$file" >&2; exit 1; }
unset CHILDINFO_AUDIT_STORE CHILDINFO_AUDIT_CONNECTION CHILDINFO_AUDIT_KEY_FILE ASPNETCORE_URLS DOTNET_URLS 2>/dev/null || true

echo "building (Release) ..." >&2
for project in "$root/tests/ChildInfo.Benchmarks/LoadGateway" "$root/tests/ChildInfo.Benchmarks/GatewaysBench"; do
  dotnet build -c Release "$project" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done

start_replaying_subgraphs "$work" "$bench_bin"
compose_supergraph "$work" "$bin"
benchmark_settings "$work" "$bin" "$here/policies"
python3 -c 'import json, sys; print(json.dumps({"query": open(sys.argv[1]).read()}))' "$here/queries/deep.graphql" >"$work/deep.json"

ask() { curl -s -o /dev/null -w '%{time_total}' "$1" -H "Authorization: Bearer $token" -H 'ChildInfo-Purpose: benchmark' \
  -H 'Content-Type: application/json' --data-binary @"$work/deep.json"; }

# restart DATA_DIR: starts the gateway, asks twice, stops it (SIGTERM: it saves its recent operations); prints both times.
restart() {
  local data=$1 port gateway first second
  port=$(free_port)
  : >"$work/gateway.log"
  (cd "$work" && exec taskset -c 1 dotnet "$bin/ChildInfo.LoadGateway.dll" --supergraph "$work/supergraph.graphql" \
    --audit off --data "$data" --urls "http://127.0.0.1:$port" >"$work/gateway.log" 2>&1) &
  gateway=$!
  wait_for 'listening on' "$work/gateway.log"
  first=$(ask "http://127.0.0.1:$port/graphql")
  second=$(ask "http://127.0.0.1:$port/graphql")
  kill -TERM "$gateway"; wait "$gateway" || true
  echo "$first $second"
}

mkdir -p "$work/seed"; restart "$work/seed" >/dev/null
[[ -s "$work/seed/recent-operations.json" ]] || { echo "first-answer.sh: the seeding run left no recent-operations.json" >&2; exit 1; }
echo "restart first_s second_s"
for _ in $(seq 1 "$runs"); do
  rm -rf "$work/cold"; mkdir -p "$work/cold"; echo "cold $(restart "$work/cold")"
  rm -rf "$work/warm"; cp -r "$work/seed" "$work/warm"; echo "warm $(restart "$work/warm")"
done
