#!/usr/bin/env bash
# tests/ChildInfo.Benchmarks/load/cohorts.sh [--postgres] [CHILDREN] [ROUNDS]: how long the gateway takes to answer
# analysts' aggregate questions on CHILDREN synthetic children (default 100000) over SQLite (or, with --postgres, one
# PostgreSQL database per agency on a throwaway server started from the installed binaries), and how much memory it needs.
# The five sample subgraphs run as their own processes over generated data; the gateway (ChildInfo.LoadGateway, with
# its audit) answers each saved question in docs/questions once cold, then ROUNDS times warm (default 5), over
# loopback with curl; the summary gives each question's cold time, warm median and range, and the gateway's peak
# resident memory (VmHWM) and the CPU time each process used for the warm rounds.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

postgres=""
[[ "${1:-}" == "--postgres" ]] && { postgres=1; shift; }
children_count="${1:-100000}"
rounds="${2:-5}"
build
[[ -n "$postgres" ]] && start_postgres
log "generating $children_count children ..."
generate_data "$children_count"
start_subgraphs
compose_supergraph
make_token la_analyst
start_gateway cohorts -- dotnet "$bin/ChildInfo.LoadGateway.dll" --supergraph "$work/supergraph.graphql" --audit on --data "$work/cohorts"
url="${gateway_url[cohorts]%/graphql}/analytics/graphql"

query='query Q($question: CohortQuestionInput!) { cohortTable(question: $question) { question released suppressed } }'
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "children: $children_count; rounds: $rounds"
for file in "$root"/docs/questions/*.json; do
  python3 - "$query" "$file" >"$work/body.json" <<'PY'
import json, sys
print(json.dumps({"query": sys.argv[1], "variables": {"question": json.load(open(sys.argv[2]))}}))
PY
  ask() {
    curl -s -o "$work/answer.json" -w '%{time_total}' -X POST "$url" -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $token" -H 'ChildInfo-Purpose: service_planning' --data-binary "@$work/body.json"
  }
  cold="$(ask)"
  if grep -q '"errors"' "$work/answer.json"; then log "$(basename "$file"): $(cat "$work/answer.json")"; exit 1; fi
  warm=()
  declare -A cpu_before=()
  for name in gateway "${!subgraph_pid[@]}"; do cpu_before[$name]="$(cpu_ms "${subgraph_pid[$name]:-${side_pids[cohorts]}}")"; done
  for _ in $(seq 1 "$rounds"); do warm+=("$(ask)"); done
  cpu=""
  for name in gateway child-index education early-years social-care voluntary-sector; do
    cpu+=" $name $(( ($(cpu_ms "${subgraph_pid[$name]:-${side_pids[cohorts]}}") - cpu_before[$name]) / rounds ))"
  done
  python3 - "$(basename "$file" .json)" "$cold" "$cpu" "${warm[@]}" <<'PY'
import statistics, sys
name, cold, cpu, warm = sys.argv[1], float(sys.argv[2]), sys.argv[3].split(), [float(w) for w in sys.argv[4:]]
print(f"{name}: cold {cold:.2f} s, warm median {statistics.median(warm):.2f} s (range {min(warm):.2f}-{max(warm):.2f} s)")
print("  CPU per warm question: " + ", ".join(f"{cpu[i]} {int(cpu[i + 1]) / 1000:.2f} s" for i in range(0, len(cpu), 2)))
PY
done
echo "gateway peak resident memory: $(grep VmHWM "/proc/${side_pids[cohorts]}/status" | awk '{printf "%.0f MB", $2/1024}')"
