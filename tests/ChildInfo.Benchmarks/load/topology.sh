#!/usr/bin/env bash
# Gateway vs subgraph with every subgraph in its own process: the single-subgraph query of run.sh
# (`child(id:) { id forename surname dateOfBirth postcode }`, answered by the child index alone) through
# `childinfo serve --supergraph` (composed with `childinfo compose` from the five subgraphs, each started from its own
# dll over the same generated data, with the context key) and straight to the child-index subgraph process the
# gateway calls, with a request context signed as the gateway signs it (renewed before each run: it may live at most
# five minutes). wrk, interleaved rounds, 32 connections as in run.sh. Unlike run.sh's demo, no subgraph shares the
# gateway's process. Caller: a team manager under child_protection (scope everyone).
# Usage: tests/ChildInfo.Benchmarks/load/topology.sh [seconds per run, default 10] [rounds, default 8] [connections, default 32] [children, default 2000]
# COMPARE_BIN=<another build's LoadGateway output folder> adds a third side, "earlier", the same gateway from that build
# (for example a worktree of an earlier commit), against the same subgraphs in the same rounds. PACED_MS=<ms> adds a
# side "paced": direct calls where each connection waits that long after each answer, so the subgraph sees about the
# request rate the gateway gives it (its CPU per request depends on the rate, not only on the request).
source "$(dirname "$0")/common.sh"
seconds="${1:-10}"; rounds="${2:-8}"; connections="${3:-32}"; population="${4:-2000}"

build
generate_data "$population"
start_subgraphs
compose_supergraph
make_token team_manager
headers=("Authorization: Bearer $token" "ChildInfo-Purpose: child_protection" "ChildInfo-Justification: load run")
ids="$(children 20)"
first="${ids%% *}"
query='query Child($id: ID!) { child(id: $id) { id forename surname dateOfBirth postcode } }'

start_gateway gateway -- dotnet "$bin/childinfo.dll" serve --supergraph "$work/supergraph.graphql"
if [[ -n "${COMPARE_BIN:-}" ]]; then
  start_gateway earlier -- dotnet "$COMPARE_BIN/childinfo.dll" serve --supergraph "$work/supergraph.graphql"
fi
direct="${subgraph_url[child-index]}"
make_lua "$work/gateway.lua" "$query" "$ids" "${headers[@]}"

# A request context for a direct call, signed with the subgraphs' key as the gateway signs one (HS256, 300 s). The
# subgraphs serve only fields whose labels the context lists: it lists every label of the sample classifications.
context() {
  python3 - "$context_key" "$root"/policies/sample/classifications-*.yaml <<'PY'
import base64, hashlib, hmac, json, re, sys, time, uuid
def b64(data): return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
labels = sorted({l.strip() for f in sys.argv[2:] for group in re.findall(r"\[([^\]]*)\]", open(f).read()) for l in group.split(",") if l.strip()})
now = int(time.time())
claims = {"sub": "load.test", "role": "team_manager", "purpose": "child_protection", "rid": str(uuid.uuid4()),
          "iat": now, "exp": now + 300, "scope": "Everyone", "rule": "team_manager/child_protection", "labels": labels, "links": []}
signing = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + b64(json.dumps(claims).encode())
print(signing + "." + b64(hmac.new(base64.b64decode(sys.argv[1]), signing.encode(), hashlib.sha256).digest()))
PY
}
renew() {
  case "$1" in
    subgraph) make_lua "$work/direct.lua" "$query" "$ids" "ChildInfo-Context: $(context)" ;;
    paced) make_lua "$work/paced.lua" "$query" "$ids" "ChildInfo-Context: $(context)"
      sed -i "s/^request = function()/delay = function() return $PACED_MS end\nrequest = function()/" "$work/paced.lua" ;;
  esac
}

renew subgraph
check_answer "${gateway_url[gateway]}" "$query" "$first" "${headers[@]}"
check_answer "$direct" "$query" "$first" "ChildInfo-Context: $(context)"
warm_up 10 "$connections" "$direct" "$work/direct.lua" "${gateway_url[gateway]}" "$work/gateway.lua"

machine
echo "command: tests/ChildInfo.Benchmarks/load/topology.sh $seconds $rounds $connections $population (wrk -t2 -c$connections -d${seconds}s, $(wc -w <<<"$ids") children in turn)"
extra=()
[[ -n "${COMPARE_BIN:-}" ]] && extra+=(earlier)
[[ -n "${PACED_MS:-}" ]] && extra+=(paced)
if (( ${#extra[@]} == 0 )); then
  interleave "$rounds" "$seconds" "$connections" subgraph "$direct" "$work/direct.lua" gateway "${gateway_url[gateway]}" "$work/gateway.lua" renew
  summarise subgraph gateway
  exit 0
fi

# More than two sides: their order rotated each round.
[[ -n "${COMPARE_BIN:-}" ]] && warm_up 10 "$connections" "${gateway_url[earlier]}" "$work/gateway.lua"
: >"$work/rounds.tsv"
sides=(subgraph gateway "${extra[@]}")
for r in $(seq 1 "$rounds"); do
  for i in $(seq 0 $(( ${#sides[@]} - 1 ))); do
    side="${sides[$(( (i + r) % ${#sides[@]} ))]}"
    renew "$side"
    case "$side" in
      subgraph) measure subgraph "$direct" "$work/direct.lua" "$seconds" "$connections" "$r" ;;
      paced) measure paced "$direct" "$work/paced.lua" "$seconds" "$connections" "$r" ;;
      *) measure "$side" "${gateway_url[$side]}" "$work/gateway.lua" "$seconds" "$connections" "$r" ;;
    esac
  done
done
summarise subgraph gateway
for side in "${extra[@]}"; do summarise subgraph "$side"; done
[[ -n "${COMPARE_BIN:-}" ]] && summarise earlier gateway
exit 0
