#!/usr/bin/env bash
# Policies: the sample policy set vs a permit-all set (load/permit-all.py: the same files, with one rule per role and
# purpose that shows every label and follows every link), the joined-up child query at 50 connections, each through
# `childinfo serve --supergraph` (the real command, audit on) over the same five subgraphs running as their own
# processes, with wrk in interleaved rounds. Caller: a team manager under child_protection (scope everyone).
# Target: policy evaluation costs < 5% of throughput.
# Usage: tests/ChildInfo.Benchmarks/load/policies.sh [seconds per run, default 10] [rounds, default 12] [connections, default 50] [children, default 2000]
source "$(dirname "$0")/common.sh"
seconds="${1:-10}"; rounds="${2:-12}"; connections="${3:-50}"; population="${4:-2000}"

build
python3 "$root/tests/ChildInfo.Benchmarks/load/permit-all.py" "$root/policies/sample" "$work/permit-all" >&2
generate_data "$population"
start_subgraphs
compose_supergraph
make_token team_manager
headers=("Authorization: Bearer $token" "ChildInfo-Purpose: child_protection" "ChildInfo-Justification: load run")
ids="$(children 20)"
first="${ids%% *}"

serve=(dotnet "$bin/childinfo.dll" serve --supergraph "$work/supergraph.graphql")
start_gateway sample ChildInfo__Policies="$root/policies/sample" -- "${serve[@]}"
start_gateway permit-all ChildInfo__Policies="$work/permit-all" -- "${serve[@]}"
make_lua "$work/joined.lua" "$joined_up_query" "$ids" "${headers[@]}"
for side in sample permit-all; do check_answer "${gateway_url[$side]}" "$joined_up_query" "$first" "${headers[@]}"; done
warm_up 10 "$connections" "${gateway_url[permit-all]}" "$work/joined.lua" "${gateway_url[sample]}" "$work/joined.lua"

machine
echo "command: tests/ChildInfo.Benchmarks/load/policies.sh $seconds $rounds $connections $population (wrk -t2 -c$connections -d${seconds}s, $(wc -w <<<"$ids") children in turn)"
interleave "$rounds" "$seconds" "$connections" permit-all "${gateway_url[permit-all]}" "$work/joined.lua" sample "${gateway_url[sample]}" "$work/joined.lua"
summarise permit-all sample
