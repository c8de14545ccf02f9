#!/usr/bin/env bash
# Audit on vs off: the joined-up child query (all five subgraphs) at 50 connections through two gateways that differ
# only in the audit log (the load host in LoadGateway/, run with --audit on or off, builds the gateway as `childinfo serve --supergraph`
# builds it; audit on: SQLite, WAL, synchronous=FULL, one record per request before the answer), both over the
# same five subgraphs running as their own processes, measured with wrk in interleaved rounds. Caller: a team
# manager under child_protection (scope everyone: every answer holds the child), children linked to all four
# agencies in turn. Target: the audit costs < 10% of throughput.
# Usage: tests/ChildInfo.Benchmarks/load/audit.sh [seconds per run, default 10] [rounds, default 8] [connections, default 50] [children, default 2000]
# (The earlier in-process run, 10,000 requests leaving exactly 10,000 records, is still there:
#  CHILDINFO_AUDIT_LOAD=1 dotnet test tests/ChildInfo.Gateway.Tests -c Release --filter "FullyQualifiedName~AuditLoadTests")
source "$(dirname "$0")/common.sh"
seconds="${1:-10}"; rounds="${2:-8}"; connections="${3:-50}"; population="${4:-2000}"

build
generate_data "$population"
start_subgraphs
compose_supergraph
make_token team_manager
headers=("Authorization: Bearer $token" "ChildInfo-Purpose: child_protection" "ChildInfo-Justification: load run")
ids="$(children 20)"
first="${ids%% *}"

start_gateway audit-off -- dotnet "$bin/ChildInfo.LoadGateway.dll" --supergraph "$work/supergraph.graphql" --audit off
start_gateway audit-on -- dotnet "$bin/ChildInfo.LoadGateway.dll" --supergraph "$work/supergraph.graphql" --audit on
make_lua "$work/joined.lua" "$joined_up_query" "$ids" "${headers[@]}"
for side in audit-off audit-on; do check_answer "${gateway_url[$side]}" "$joined_up_query" "$first" "${headers[@]}"; done
warm_up 10 "$connections" "${gateway_url[audit-off]}" "$work/joined.lua" "${gateway_url[audit-on]}" "$work/joined.lua"

machine
echo "command: tests/ChildInfo.Benchmarks/load/audit.sh $seconds $rounds $connections $population (wrk -t2 -c$connections -d${seconds}s, $(wc -w <<<"$ids") children in turn)"
interleave "$rounds" "$seconds" "$connections" audit-off "${gateway_url[audit-off]}" "$work/joined.lua" audit-on "${gateway_url[audit-on]}" "$work/joined.lua"
summarise audit-off audit-on
python3 - "$work/audit-on/audit.db" <<'PY'
import sqlite3, sys
print(f"audit-on records: {sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM audit_record').fetchone()[0]}")
PY
