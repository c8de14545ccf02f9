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
# (for example a worktree of an earlier commit), against the same subgraphs in the same rounds.
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
renew() { [[ "$1" == subgraph ]] && make_lua "$work/direct.lua" "$query" "$ids" "ChildInfo-Context: $(context)"; return 0; }

renew subgraph
check_answer "${gateway_url[gateway]}" "$query" "$first" "${headers[@]}"
check_answer "$direct" "$query" "$first" "ChildInfo-Context: $(context)"
warm_up 10 "$connections" "$direct" "$work/direct.lua" "${gateway_url[gateway]}" "$work/gateway.lua"

machine
echo "command: tests/ChildInfo.Benchmarks/load/topology.sh $seconds $rounds $connections $population (wrk -t2 -c$connections -d${seconds}s, $(wc -w <<<"$ids") children in turn)"
if [[ -z "${COMPARE_BIN:-}" ]]; then
  interleave "$rounds" "$seconds" "$connections" subgraph "$direct" "$work/direct.lua" gateway "${gateway_url[gateway]}" "$work/gateway.lua" renew
  summarise subgraph gateway
  exit 0
fi

# Three sides, their order rotated each round.
warm_up 10 "$connections" "${gateway_url[earlier]}" "$work/gateway.lua"
: >"$work/rounds.tsv"
sides=(subgraph gateway earlier)
for r in $(seq 1 "$rounds"); do
  for i in 0 1 2; do
    side="${sides[$(( (i + r) % 3 ))]}"
    renew "$side"
    if [[ "$side" == subgraph ]]; then measure subgraph "$direct" "$work/direct.lua" "$seconds" "$connections" "$r"
    else measure "$side" "${gateway_url[$side]}" "$work/gateway.lua" "$seconds" "$connections" "$r"; fi
  done
done
summarise subgraph gateway
summarise subgraph earlier
summarise earlier gateway
