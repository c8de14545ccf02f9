# Steps shared by run.sh and first-answer.sh (sourced after load/lib.sh, not run): the replaying subgraphs, the
# supergraph composed from them, and this gateway's settings for the benchmark. Only definitions.

# start_replaying_subgraphs WORK BENCH_BIN: the four subgraphs, replaying, in one process on core 0 (added to pids);
# sets subgraphs_pid and subgraph_url (name -> address).
start_replaying_subgraphs() {
  local work=$1 bench_bin=$2 name url
  (exec taskset -c 0 dotnet "$bench_bin/ChildInfo.GatewaysBench.dll" --replay >"$work/subgraphs.log" 2>&1) &
  subgraphs_pid=$!; pids+=("$subgraphs_pid")
  for _ in $(seq 1 300); do grep -q '^ready' "$work/subgraphs.log" && break; kill -0 "$subgraphs_pid" 2>/dev/null || break; sleep 0.2; done
  grep -q '^ready' "$work/subgraphs.log" || { log "the subgraphs did not start:"; cat "$work/subgraphs.log" >&2; exit 1; }
  declare -gA subgraph_url=()
  while read -r name url; do subgraph_url[$name]="$url"; done < <(grep -E '^(accounts|inventory|products|reviews) ' "$work/subgraphs.log")
}

# compose_supergraph WORK BIN: WORK/supergraph.graphql, composed by `childinfo compose` from the running subgraphs.
compose_supergraph() {
  local work=$1 bin=$2
  (cd "$work" && dotnet "$bin/childinfo.dll" compose --out "$work/supergraph.graphql" \
    $(for name in accounts inventory products reviews; do printf -- '--subgraph %s=%s ' "$name" "${subgraph_url[$name]}"; done)) >"$work/compose.log" 2>&1 \
    || { cat "$work/compose.log" >&2; exit 1; }
}

# benchmark_settings WORK BIN POLICIES: exports this gateway's settings (identity with development tokens, the policy
# set, the key of the signed context) and sets token, a benchmark_client's bearer token.
benchmark_settings() {
  local work=$1 bin=$2 policies=$3
  export Identity__Issuer="urn:childinfo:development" Identity__Audience="urn:childinfo:gateway"
  token="$(cd "$work" && DOTNET_ENVIRONMENT=Development dotnet "$bin/childinfo.dll" token --role benchmark_client --user gateways.bench \
    --data "$work/identity" | tail -1)"
  Identity__SigningKeys__0="$(cat "$work/identity/development-signing.key")"
  export Identity__SigningKeys__0
  export ChildInfo__Policies="$policies"
  ChildInfo__ContextKey="$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')"
  export ChildInfo__ContextKey
}
