#!/usr/bin/env bash
# Audit load runs on loopback (C# load client inside the gateway tests, real subgraphs over generated data):
#  1. 10,000 requests from 50 concurrent clients leave exactly 10,000 audit records and the chain verifies;
#  2. the joined-up child query at 50 concurrent clients, audit on vs off in the same run (3 alternating rounds).
# Usage: tests/ChildInfo.Benchmarks/load/audit.sh [requests] [requests-per-phase]
set -euo pipefail
cd "$(dirname "$0")/../../.."
export CHILDINFO_AUDIT_LOAD=1
export CHILDINFO_AUDIT_LOAD_REQUESTS="${1:-10000}"
export CHILDINFO_AUDIT_LOAD_PHASE="${2:-2000}"
timeout 900 dotnet test tests/ChildInfo.Gateway.Tests -c Release \
  --filter "FullyQualifiedName~ChildInfo.Gateway.Tests.Audit.AuditLoadTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "requests|round|all rounds|audit on|Passed|Failed|Skipped" || true
echo "Latency summary also written to ${TMPDIR:-/tmp}/childinfo-audit-benchmark.txt"
