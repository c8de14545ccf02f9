#!/usr/bin/env bash
# The gateways benchmark: gateway CPU per request, side by side with peer gateways in one run, on the public gateways
# benchmark's workload (four federation v2 subgraphs accounts, inventory, products, reviews; a deep query through all
# of them, about 90 KB of answer). The subgraphs (GatewaysBench/) run in replay mode: each distinct subgraph call is
# executed once and then answered from memory, so what is measured is the gateways. Every gateway runs alone on core 1
# (taskset -c 1); wrk and the subgraphs share core 0. Sides, measured in interleaved rounds (order rotated each round):
#   childinfo-audit-on   this gateway (tests/ChildInfo.Benchmarks/LoadGateway, as `childinfo serve --supergraph`
#                        builds it) with the permit-all policy set in policies/ and the audit log on (SQLite); run as
#                        the production image runs it: published ReadyToRun, with deploy/gateway-runtime.env's settings
#   childinfo-audit-off  the same with the audit log off
#   apollo               Apollo Gateway 2.14.4 in Apollo Server 5 (node/, when npm is there)
#   hive                 Hive Gateway 2.15.1, JavaScript query planner (node/)
#   hive-router          Hive Gateway 2.15.1 with the Rust query planner (@graphql-hive/router-runtime) (node/)
# In-flight deduplication of subgraph calls is off for all (Apollo and ChildInfo never do it; Hive is told not to).
# All gateways serve the same supergraph, composed by `childinfo compose` from the running subgraphs.
#
# Reported per side: requests/s, p50 and p99 latency, gateway CPU per request (utime + stime from /proc/PID/stat,
# delta over the run, divided by the requests), subgraph calls per request (the subgraphs' /calls counters), the
# subgraphs' CPU per request, peak RSS (VmHWM), and the answer's checksum (SHA-256 of the JSON with keys sorted; all
# sides must agree or the run stops). Before the rounds each side runs alone for WARMUP seconds, reported per 10 s from
# its first request, so warm-up shows. Last, the one-fetch query (topProducts' own fields) at one connection: CPU per
# request and p50 through each gateway and straight to the products subgraph.
#
# Usage: tests/ChildInfo.Benchmarks/gateways/run.sh [--quick] [--seconds N] [--rounds N] [--connections N]
#          [--warmup N] [--sides "childinfo-audit-on childinfo-audit-off apollo hive hive-router"] [--no-peers] [--plain]
#   defaults: 20 s per run, 5 rounds, 50 connections, 90 s warm-up. --quick: 3 s runs, 1 round, 6 s warm-up (smoke).
#   --plain: this gateway as `dotnet build` leaves it (compiled at run time) with the runtime's default settings.
#   NODE=/path/to/node runs the peers on that node instead of the one on the PATH (some of Hive Gateway's dependencies
#   ask for Node 22.15 or later; they run on Node 20 too).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
seconds=20; rounds=5; connections=50; warmup=90; chunk=10; peers=1; sides_wanted=""; plain=0
while (( $# > 0 )); do
  case "$1" in
    --quick) seconds=3; rounds=1; warmup=6; chunk=3 ;;
    --seconds) seconds="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --connections) connections="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --sides) sides_wanted="$2"; shift ;;
    --no-peers) peers=0 ;;
    --plain) plain=1 ;;
    *) echo "run.sh: unknown option '$1' (see the usage at the top of the script)" >&2; exit 2 ;;
  esac
  shift
done

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

# Settings that would change what is measured if they leaked in from the caller's environment.
unset CHILDINFO_AUDIT_STORE CHILDINFO_AUDIT_CONNECTION CHILDINFO_AUDIT_KEY_FILE CHILDINFO_AUDIT_RETENTION_DAYS \
  ChildInfo__Redis ChildInfo__RateLimit__PermitLimit ChildInfo__RateLimit__WindowSeconds ASPNETCORE_URLS DOTNET_URLS 2>/dev/null || true
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v taskset >/dev/null || { log "run.sh needs taskset (util-linux)"; exit 1; }

log "building (Release) ..."
for project in "$root/tests/ChildInfo.Benchmarks/LoadGateway" "$root/tests/ChildInfo.Benchmarks/GatewaysBench"; do
  dotnet build -c Release "$project" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done
# This gateway as the production image runs it (deploy/Dockerfile): published ReadyToRun, with the runtime settings of
# deploy/gateway-runtime.env (given to this gateway's processes only).
runtime_env=()
if (( ! plain )); then
  log "publishing this gateway ReadyToRun ..."
  dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false \
    "$root/tests/ChildInfo.Benchmarks/LoadGateway/ChildInfo.LoadGateway.csproj" -o "$work/gateway" -v q -nologo >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 1; }
  bin="$work/gateway"
  read_runtime_env runtime_env
fi

# Peer gateways: node/ holds their package.json and lock; node_modules is installed here once.
node_bin=""
if (( peers )) && command -v npm >/dev/null; then
  if [[ ! -d "$here/node/node_modules/@graphql-hive/gateway" || ! -d "$here/node/node_modules/@apollo/gateway" ]]; then
    log "installing the peer gateways (npm ci) ..."
    (cd "$here/node" && npm ci --no-audit --no-fund >"$work/npm.log" 2>&1) || { cat "$work/npm.log" >&2; exit 1; }
  fi
  node_bin="${NODE:-$(command -v node)}"
fi

# The subgraphs, replaying, on core 0: one process, four ports; the supergraph composed from them; this gateway's
# settings (development tokens, the permit-all policy set, the key of the signed context).
start_replaying_subgraphs "$work" "$bench_bin"
compose_supergraph "$work" "$bin"
benchmark_settings "$work" "$bin" "$here/policies"

declare -A side_url=() side_pid=()
# start_side NAME READY_PATTERN COMMAND...: runs COMMAND on core 1, with @PORT@ in its arguments replaced by a free
# port, and waits for READY_PATTERN in its output.
start_side() {
  local name="$1" pattern="$2" port arg args=(); shift 2
  port="$(free_port)"
  for arg in "$@"; do args+=("${arg//@PORT@/$port}"); done
  mkdir -p "$work/$name"
  (cd "$work/$name" && exec taskset -c 1 "${args[@]}" >"$work/$name.log" 2>&1) &
  side_pid[$name]=$!; pids+=($!)
  side_url[$name]="http://127.0.0.1:$port/graphql"
  for _ in $(seq 1 600); do
    grep -qE "$pattern" "$work/$name.log" && return 0
    kill -0 "${side_pid[$name]}" 2>/dev/null || break
    sleep 0.2
  done
  log "$name did not start; its log:"; cat "$work/$name.log" >&2; exit 1
}
childinfo_side() {
  local name="$1" audit="$2"
  start_side "$name" "listening on" env "${runtime_env[@]}" CHILDINFO_AUDIT_CONNECTION="$work/$name/audit.db" CHILDINFO_AUDIT_KEY_FILE="$work/$name/audit.key" \
    dotnet "$bin/ChildInfo.LoadGateway.dll" --supergraph "$work/supergraph.graphql" --audit "$audit" --urls "http://127.0.0.1:@PORT@"
}

all_sides=(childinfo-audit-on childinfo-audit-off)
[[ -n "$node_bin" ]] && all_sides+=(apollo hive hive-router)
sides=()
for side in ${sides_wanted:-${all_sides[*]}}; do
  [[ " ${all_sides[*]} " == *" $side "* ]] || { log "side '$side' is not available here (sides: ${all_sides[*]})"; exit 2; }
  sides+=("$side")
done
for side in "${sides[@]}"; do
  log "starting $side ..."
  case "$side" in
    childinfo-audit-on) childinfo_side "$side" on ;;
    childinfo-audit-off) childinfo_side "$side" off ;;
    apollo|hive|hive-router) start_side "$side" "^ready" "$node_bin" "$here/node/peer-gateway.mjs" "$side" "$work/supergraph.graphql" @PORT@ ;;
  esac
done

# The wrk scripts: the same POST for every side (the peers ignore ChildInfo's headers).
lua() {
  python3 - "$1" "$token" >"$2" <<'PY'
import json, sys
query, token = open(sys.argv[1]).read(), sys.argv[2]
body = json.dumps({"query": query})
print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/json"')
print('wrk.headers["Accept"] = "application/graphql-response+json, application/json"')
print('wrk.headers["Authorization"] = "Bearer %s"' % token)
print('wrk.headers["ChildInfo-Purpose"] = "benchmark"')
print('wrk.body = [==[%s]==]' % body)
PY
}
lua "$here/queries/deep.graphql" "$work/deep.lua"
lua "$here/queries/one-fetch.graphql" "$work/one-fetch.lua"

calls() { local total=0 name n; for name in accounts inventory products reviews; do
  n="$(curl -sf "${subgraph_url[$name]%/graphql}/calls" | python3 -c 'import json,sys; print(json.load(sys.stdin)["calls"])')"
  total=$((total + n)); done; echo "$total"; }
cpu_ticks() { python3 -c 'import sys; f=open(f"/proc/{sys.argv[1]}/stat").read().rsplit(")",1)[1].split(); print(int(f[11])+int(f[12]))' "$1"; }
hwm_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
tick_ms="$(python3 -c 'import os; print(1000 / os.sysconf("SC_CLK_TCK"))')"

# answer URL QUERY_FILE OUT: one request as wrk sends it; its JSON must have data and no errors.
answer() {
  python3 - "$1" "$2" "$token" "$3" <<'PY'
import json, sys, urllib.request
url, query, token, out = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3], sys.argv[4]
request = urllib.request.Request(url, json.dumps({"query": query}).encode(), {
    "Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json",
    "Authorization": "Bearer " + token, "ChildInfo-Purpose": "benchmark"})
body = urllib.request.urlopen(request, timeout=60).read()
parsed = json.loads(body)
if parsed.get("errors") or not parsed.get("data"):
    sys.exit(f"{url}: unexpected answer: {body[:400]!r}")
open(out, "w").write(json.dumps(parsed, sort_keys=True, separators=(",", ":")))
PY
}
checksum() { sha256sum "$1" | cut -c1-16; }

# measure SIDE URL LUA SECONDS CONNECTIONS ROUND FILE: one wrk run, a line into FILE:
# round side req/s p50 p99 errors gateway-cpu-ms/request calls/request (approximate: in-flight requests at the end add
# calls but no requests) subgraph-cpu-ms/request
measure() {
  local side="$1" url="$2" script="$3" secs="$4" conns="$5" round="$6" file="$7" out="$work/wrk-$1-$6-$RANDOM.txt"
  local pid="${side_pid[$side]:-}" cpu0=0 cpu1=0 calls0 calls1 sub0 sub1 threads=2
  (( conns < 2 )) && threads=1
  [[ -n "$pid" ]] && cpu0="$(cpu_ticks "$pid")"
  calls0="$(calls)"; sub0="$(cpu_ticks "$subgraphs_pid")"
  taskset -c 0 wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 30s --latency -s "$script" "$url" >"$out"
  [[ -n "$pid" ]] && cpu1="$(cpu_ticks "$pid")"
  calls1="$(calls)"; sub1="$(cpu_ticks "$subgraphs_pid")"
  python3 - "$out" "$round" "$side" "$((cpu1 - cpu0))" "$((calls1 - calls0))" "$((sub1 - sub0))" "$tick_ms" >>"$file" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
pct = {p: ms(v) for p, v in re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M)}
errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors += sum(int(n) for n in socket.groups()) if socket else 0
requests = max(int(re.search(r"(\d+) requests in", text).group(1)), 1)
tick = float(sys.argv[7])
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{rps:.1f}\t{pct['50']:.2f}\t{pct['99']:.2f}\t{errors}\t"
      f"{int(sys.argv[4]) * tick / requests:.3f}\t{int(sys.argv[5]) / requests:.2f}\t{int(sys.argv[6]) * tick / requests:.3f}")
PY
  tail -1 "$file" | awk -F'\t' '{ printf "  %-20s round %s: %8s req/s  p50 %7s ms  p99 %7s ms  errors %s  gateway CPU %6s ms/req  calls/req ~%s  subgraphs CPU %s ms/req\n", $2, $1, $3, $4, $5, $6, $7, $8, $9 }' >&2
}

machine() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB; load average $(cut -d' ' -f1-3 /proc/loadavg); .NET $(dotnet --version); node ${node_bin:+$("$node_bin" --version)}; $(date -u '+%Y-%m-%d %H:%M UTC')"
}

# Answers: every side's deep answer must match, key order aside.
log "checking answers ..."
: >"$work/checksums.tsv"
for side in "${sides[@]}"; do
  c0="$(calls)"
  answer "${side_url[$side]}" "$here/queries/deep.graphql" "$work/answer-$side.json"
  printf '%s\t%s\t%s\t%s\n' "$side" "$(checksum "$work/answer-$side.json")" "$(wc -c <"$work/answer-$side.json")" "$(( $(calls) - c0 ))" >>"$work/checksums.tsv"
done
if (( $(cut -f2 "$work/checksums.tsv" | sort -u | wc -l) != 1 )); then
  log "the gateways' answers differ:"; cat "$work/checksums.tsv" >&2
  first="${sides[0]}"
  for side in "${sides[@]:1}"; do diff <(python3 -m json.tool --sort-keys "$work/answer-$first.json") <(python3 -m json.tool --sort-keys "$work/answer-$side.json") | head -20 >&2 || true; done
  exit 1
fi

machine
echo "command: tests/ChildInfo.Benchmarks/gateways/run.sh --seconds $seconds --rounds $rounds --connections $connections --warmup $warmup $( (( plain )) && echo --plain) (wrk -t2 -c$connections, gateways on core 1, wrk and subgraphs on core 0, subgraphs replaying)"
echo "this gateway: $( (( plain )) && echo 'dotnet build output, runtime defaults' || echo "ReadyToRun, ${runtime_env[*]}")"
echo
echo "answer of the deep query (JSON, keys sorted): $(cut -f3 "$work/checksums.tsv" | head -1) bytes, sha256 $(cut -f2 "$work/checksums.tsv" | head -1)... from every side"
echo

# Warm-up: each side alone, in chunks, so throughput from the first request shows.
echo "warm-up, req/s per ${chunk} s from the first request (${warmup} s each):"
for side in "${sides[@]}"; do
  : >"$work/warm-$side.tsv"
  for i in $(seq 1 $(( (warmup + chunk - 1) / chunk ))); do
    measure "$side" "${side_url[$side]}" "$work/deep.lua" "$chunk" "$connections" "$i" "$work/warm-$side.tsv" 2>/dev/null
  done
  printf '  %-20s %s\n' "$side" "$(cut -f3 "$work/warm-$side.tsv" | tr '\n' ' ')"
done
echo

# Rounds, order rotated.
: >"$work/rounds.tsv"
for r in $(seq 1 "$rounds"); do
  for i in $(seq 0 $(( ${#sides[@]} - 1 ))); do
    side="${sides[$(( (i + r - 1) % ${#sides[@]} ))]}"
    measure "$side" "${side_url[$side]}" "$work/deep.lua" "$seconds" "$connections" "$r" "$work/rounds.tsv"
  done
done

# The one-fetch query at one connection, and the same query straight to the products subgraph.
: >"$work/one-fetch.tsv"
for side in "${sides[@]}"; do
  answer "${side_url[$side]}" "$here/queries/one-fetch.graphql" "$work/one-$side.json"
  measure "$side" "${side_url[$side]}" "$work/one-fetch.lua" "$seconds" 1 1 "$work/one-fetch.tsv"
done
side_pid[products-direct]="$subgraphs_pid"
answer "${subgraph_url[products]}" "$here/queries/one-fetch.graphql" "$work/one-direct.json"
measure products-direct "${subgraph_url[products]}" "$work/one-fetch.lua" "$seconds" 1 1 "$work/one-fetch.tsv"
for side in "${sides[@]}"; do
  cmp -s "$work/one-$side.json" "$work/one-direct.json" || { log "$side's one-fetch answer differs from the subgraph's"; exit 1; }
done

for side in "${sides[@]}"; do printf '%s\t%s\n' "$side" "$(hwm_mb "${side_pid[$side]}")"; done >"$work/rss.tsv"
python3 - "$work/rounds.tsv" "$work/rss.tsv" "$work/checksums.tsv" "$work/one-fetch.tsv" "${sides[@]}" <<'PY'
import statistics, sys
rounds, rss, sums, one, sides = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
rows = [l.rstrip("\n").split("\t") for l in open(rounds) if l.strip()]
peak = dict(l.split() for l in open(rss) if l.strip())
check = {l.split("\t")[0]: l.split("\t")[1] for l in open(sums) if l.strip()}
# Subgraph calls per request, exactly: counted around the one checked request (a run's count also holds the calls of
# requests still in flight when wrk stops).
exact = {l.split("\t")[0]: int(l.rstrip("\n").split("\t")[3]) for l in open(sums) if l.strip()}
def med(side, col):
    values = [float(r[col]) for r in rows if r[1] == side]
    return statistics.median(values), min(values), max(values)
print("deep query, median over rounds (range):")
print(f"| {'gateway':<20} | {'req/s':>18} | {'p50 ms':>8} | {'p99 ms':>8} | {'gateway CPU ms/req':>24} | {'calls/req':>9} | {'subgraphs CPU ms/req':>20} | {'peak RSS MB':>11} | {'errors':>6} | answer sha256 |")
print("|" + "|".join("-" * w for w in (22, 20, 10, 10, 26, 11, 22, 13, 8, 15)) + "|")
for side in sides:
    rps, cpu = med(side, 2), med(side, 6)
    errors = sum(int(r[5]) for r in rows if r[1] == side)
    print(f"| {side:<20} | {rps[0]:>8.0f} ({rps[1]:.0f}-{rps[2]:.0f}) | {med(side, 3)[0]:>8.2f} | {med(side, 4)[0]:>8.2f} | "
          f"{cpu[0]:>10.3f} ({cpu[1]:.3f}-{cpu[2]:.3f}) | {exact[side]:>9} | {med(side, 8)[0]:>20.3f} | {peak[side]:>11} | {errors:>6} | {check[side]} |")
base = "childinfo-audit-off" if "childinfo-audit-off" in sides else sides[0]
by = {(r[0], r[1]): r for r in rows}
for side in sides:
    if side == base:
        continue
    ratios = [float(by[(k, side)][6]) / float(by[(k, base)][6]) for k in sorted({r[0] for r in rows}) if (k, side) in by and (k, base) in by and float(by[(k, base)][6]) > 0]
    if ratios:
        print(f"gateway CPU per request {side} / {base}: median {statistics.median(ratios):.2f}x over {len(ratios)} rounds")
print()
print("one-fetch query (topProducts' own fields), one connection:")
print(f"| {'side':<20} | {'req/s':>8} | {'p50 ms':>8} | {'p99 ms':>8} | {'own CPU ms/req':>14} | {'calls/req':>9} |")
print("|" + "|".join("-" * w for w in (22, 10, 10, 10, 16, 11)) + "|")
for r in (l.rstrip("\n").split("\t") for l in open(one) if l.strip()):
    print(f"| {r[1]:<20} | {float(r[2]):>8.0f} | {float(r[3]):>8.2f} | {float(r[4]):>8.2f} | {float(r[6]):>14.3f} | {float(r[7]):>9.2f} |")
print("(products-direct: the subgraph process's own CPU, replaying; the gateways' rows are the gateway's CPU alone)")
PY
