#!/usr/bin/env bash
# Gateway vs subgraph with every subgraph in its own process: the single-subgraph query of run.sh
# (`child(id:) { id forename surname dateOfBirth postcode }`, answered by the child index alone) through
# `childinfo serve --supergraph` (composed with `childinfo compose` from the five subgraphs, each started from its own
# dll over the same generated data, with the context key) and straight to the child-index subgraph process the
# gateway calls, each with a request context signed for it as the gateway signs one (renewed before each run: it
# may live at most a minute). wrk, interleaved rounds, 32 connections as in run.sh. Unlike run.sh's demo, no subgraph shares the
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

# Direct calls as the gateway makes them: each child's body with a request context signed for it, as the gateway
# signs one (HS256, typed and issued as a context, for the child index, bound to that exact body, valid 60 s: the most
# a subgraph accepts, so renewed before each run). The subgraphs serve only fields whose labels the context lists: it
# lists every label of the sample classifications. FILE is the wrk script written.
direct_lua() {
  IDS="$ids" QUERY="$query" python3 - "$context_key" "$1" "$root"/policies/sample/classifications-*.yaml <<'PY'
import base64, hashlib, hmac, json, os, re, sys, time, uuid
def b64(data): return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
key, out, files = base64.b64decode(sys.argv[1]), sys.argv[2], sys.argv[3:]
labels = sorted({l.strip() for f in files for group in re.findall(r"\[([^\]]*)\]", open(f).read()) for l in group.split(",") if l.strip()})
now = int(time.time())
calls = []
for child in os.environ["IDS"].split():
    body = '{"query":"%s","variables":{"id":"%s"}}' % (os.environ["QUERY"], child)
    claims = {"sub": "load.test", "role": "team_manager", "purpose": "child_protection", "rid": str(uuid.uuid4()),
              "iss": "childinfo-gateway", "aud": "child-index", "iat": now, "exp": now + 60,
              "body_sha256": b64(hashlib.sha256(body.encode()).digest()),
              "scope": "Everyone", "rule": "team_manager/child_protection", "labels": labels, "links": []}
    signing = b64(json.dumps({"alg": "HS256", "typ": "childinfo-context+jwt"}).encode()) + "." + b64(json.dumps(claims).encode())
    calls.append((body, signing + "." + b64(hmac.new(key, signing.encode(), hashlib.sha256).digest())))
with open(out, "w") as lua:
    lua.write("local calls = {\n")
    for body, token in calls:
        lua.write("  { body = [[%s]], context = [[%s]] },\n" % (body, token))
    lua.write("""}
local n = 0
request = function()
  n = n + 1
  local call = calls[(n % #calls) + 1]
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/graphql-response+json, application/json",
    ["ChildInfo-Context"] = call.context,
  }, call.body)
end
""")
PY
}
# The first child's direct call, as curl sends it: its context header.
first_context() { sed -n 's/^  { body = \[\[.*\]\], context = \[\[\(.*\)\]\] },$/\1/p' "$work/direct.lua" | head -n 1; }
renew() {
  case "$1" in
    subgraph) direct_lua "$work/direct.lua" ;;
    paced) direct_lua "$work/paced.lua"
      sed -i "s/^request = function()/delay = function() return $PACED_MS end\nrequest = function()/" "$work/paced.lua" ;;
  esac
}

renew subgraph
check_answer "${gateway_url[gateway]}" "$query" "$first" "${headers[@]}"
check_answer "$direct" "$query" "$first" "ChildInfo-Context: $(first_context)"
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
