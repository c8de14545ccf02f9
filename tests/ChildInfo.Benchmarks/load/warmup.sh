#!/usr/bin/env bash
# How soon a new gateway process serves at full speed: the README's joined-up child query (all five subgraphs, each
# its own process) against a freshly started `childinfo serve --supergraph`, measured in 10 s segments from its first
# request, for each way of running it:
#   jit           the Release build as `dotnet build` leaves it (code compiled by the JIT as it is first called)
#   r2r           the gateway published ReadyToRun (`-r linux-x64 -p:PublishReadyToRun=true`), as deploy/Dockerfile does
#   r2r-nodelay   ReadyToRun, and the runtime starts counting calls for tier-1 at once (DOTNET_TC_CallCountingDelayMs=0)
#   r2r-nopgo     ReadyToRun without dynamic PGO (DOTNET_TieredPGO=0)
#   production    ReadyToRun with every setting of deploy/gateway-runtime.env, as the production image runs it
#   production-nopgo  the same without dynamic PGO (DOTNET_TieredPGO=0)
# Each run starts a new gateway, pinned to core 1 with the subgraphs and wrk on core 0 where the machine has more
# than one, with its audit on (a file, as the demo's). Runs are interleaved over rounds, the order rotated each round.
# Per segment: requests/s and the gateway's CPU time per request (user + system from /proc, far less disturbed by
# other work on the machine than throughput). The summary compares each way's first minute with its last segment.
# Usage: tests/ChildInfo.Benchmarks/load/warmup.sh [segments, default 9] [rounds, default 2] [connections, default 32] [ways, default "jit r2r r2r-nodelay r2r-nopgo production"]
source "$(dirname "$0")/common.sh"
segments="${1:-9}"; rounds="${2:-2}"; connections="${3:-32}"; ways="${4:-jit r2r r2r-nodelay r2r-nopgo production}"
segment_seconds=10

build
log "publishing the gateway ReadyToRun ..."
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false \
  "$root/gateway/ChildInfo.Gateway/ChildInfo.Gateway.csproj" -o "$work/publish-r2r" -v q -nologo >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 1; }
generate_data 2000
gateway_core=()
client_core=()
if (( $(nproc) > 1 )); then gateway_core=(taskset -c 1); client_core=(taskset -c 0); fi
start_subgraphs
if (( $(nproc) > 1 )); then for pid in $subgraph_pids; do taskset -a -p -c 0 "$pid" >/dev/null; done; fi
compose_supergraph
make_token team_manager
headers=("Authorization: Bearer $token" "ChildInfo-Purpose: child_protection" "ChildInfo-Justification: load run")
ids="$(children 20)"
make_lua "$work/joined.lua" "$joined_up_query" "$ids" "${headers[@]}"

# start_way WAY: a new gateway process run that way; sets $url.
start_way() {
  local env=() dll="$bin/childinfo.dll"
  case "$1" in
    jit) ;;
    r2r) dll="$work/publish-r2r/childinfo.dll" ;;
    r2r-nodelay) dll="$work/publish-r2r/childinfo.dll"; env=(DOTNET_TC_CallCountingDelayMs=0) ;;
    r2r-nopgo) dll="$work/publish-r2r/childinfo.dll"; env=(DOTNET_TieredPGO=0) ;;
    production|production-nopgo) dll="$work/publish-r2r/childinfo.dll"; read_runtime_env env
      [[ "$1" == production-nopgo ]] && env+=(DOTNET_TieredPGO=0) ;;
    *) log "unknown way $1"; exit 2 ;;
  esac
  rm -rf "$work/$1"
  start_gateway "$1" "${env[@]}" -- "${gateway_core[@]}" dotnet "$dll" serve --supergraph "$work/supergraph.graphql"
  url="${gateway_url[$1]}"
}

stop_way() {
  kill "${side_pids[$1]}" 2>/dev/null || true
  wait "${side_pids[$1]}" 2>/dev/null || true
}

machine
echo "command: tests/ChildInfo.Benchmarks/load/warmup.sh $segments $rounds $connections \"$ways\" (wrk -t2 -c$connections, ${segment_seconds} s segments, $(wc -w <<<"$ids") children in turn)"
: >"$work/segments.tsv"
read -r -a order <<<"$ways"
for r in $(seq 1 "$rounds"); do
  for i in $(seq 0 $(( ${#order[@]} - 1 ))); do
    way="${order[$(( (i + r - 1) % ${#order[@]} ))]}"
    start_way "$way"
    for s in $(seq 1 "$segments"); do
      before="$(cpu_ms "${side_pids[$way]}")"
      "${client_core[@]}" wrk -t2 -c"$connections" -d"${segment_seconds}s" --timeout 30s -s "$work/joined.lua" "$url" >"$work/wrk.txt"
      after="$(cpu_ms "${side_pids[$way]}")"
      python3 - "$work/wrk.txt" "$r" "$way" "$s" "$((after - before))" >>"$work/segments.tsv" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
requests = int(re.search(r"(\d+) requests in", text).group(1))
errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{sys.argv[4]}\t{rps:.1f}\t{int(sys.argv[5]) / max(requests, 1):.3f}\t{errors}")
PY
      tail -1 "$work/segments.tsv" | awk -F'\t' '{ printf "round %s %-12s segment %2s: %7s req/s, gateway CPU %6s ms/request, errors %s\n", $1, $2, $3, $4, $5, $6 }' >&2
    done
    stop_way "$way"
  done
done

python3 - "$work/segments.tsv" "$segments" "$segment_seconds" $ways <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
segments, seconds, ways = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
first_minute = max(1, min(60 // seconds, segments))
print(f"{'way':<12} " + " ".join(f"{'s' + str(s):>7}" for s in range(1, segments + 1)) + "   first minute / last segment (throughput, CPU per request)")
for way in ways:
    def median(segment, column):
        values = [float(r[column]) for r in rows if r[1] == way and int(r[2]) == segment]
        return statistics.median(values) if values else float("nan")
    rps = [median(s, 3) for s in range(1, segments + 1)]
    cpu = [median(s, 4) for s in range(1, segments + 1)]
    minute_rps = sum(rps[:first_minute]) / first_minute
    minute_cpu = sum(cpu[:first_minute]) / first_minute
    print(f"{way:<12} " + " ".join(f"{x:7.0f}" for x in rps) + f"   {minute_rps / rps[-1]:.0%} of last req/s")
    print(f"{'  ms/request':<12} " + " ".join(f"{x:7.2f}" for x in cpu) + f"   {minute_cpu / cpu[-1]:.2f}x last CPU/request")
errors = sum(int(r[5]) for r in rows)
print(f"errors in all segments: {errors}")
PY
