#!/usr/bin/env bash
# Runs every test: the solution's suites, in parallel as dotnet test runs them, then the three-replica deployment
# test alone. Its check that every replica serves a registry change within two seconds measures how replicas follow a
# change; the browser and engine suites' load on the same cores would only blur it. Arguments go to both runs
# (.ci/run passes --logger trx --results-directory DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
dotnet test ChildInfo.Gateway.sln --filter "Category!=Replicas" "$@" || status=$?
dotnet test tests/ChildInfo.Gateway.Tests --no-build --filter "Category=Replicas" "$@" || status=$?
exit $status
