#!/usr/bin/env bash
# Regenerates the embedded demo's supergraph, gateway/ChildInfo.Gateway.Demo/supergraph.graphql: starts the five
# sample subgraphs on loopback, fetches each one's SDL (_service { sdl }), composes them with Apollo's composition
# (compose-demo.mjs) with the URLs the demo uses (http://127.0.0.1:4001-4005/graphql), and writes the file.
# The gateway test SupergraphIsCurrent fails when the stored file no longer matches what this script would write;
# the composition corpus case demo-five-subgraphs is refreshed with the same SDLs and supergraph.
# Usage: tests/tools/composition/compose-demo.sh [--out FILE]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
out="$root/gateway/ChildInfo.Gateway.Demo/supergraph.graphql"
[ "${1:-}" = "--out" ] && out="$2"

[ -d "$root/tests/tools/composition/node_modules/@apollo/composition" ] || npm ci --prefix "$root/tests/tools/composition" --no-audit --no-fund
dotnet build "$root/gateway/ChildInfo.Gateway.Demo" -v q -nologo >/dev/null

work="${COMPOSE_WORK_DIR:-$(mktemp -d)}"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; [ -n "${COMPOSE_WORK_DIR:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

# name:project:port, in the order of the demo's ports.
subgraphs=(
  "child-index:ChildIndex:4001"
  "education:Education:4002"
  "early-years:EarlyYears:4003"
  "social-care:SocialCare:4004"
  "voluntary-sector:VoluntarySector:4005"
)
for entry in "${subgraphs[@]}"; do
  IFS=: read -r name project _ <<<"$entry"
  dll="$root/subgraphs/ChildInfo.Subgraphs.$project/bin/Debug/net10.0/ChildInfo.Subgraphs.$project.dll"
  # A free port for the running copy; the supergraph still names the demo's port.
  live=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  mkdir -p "$work/$name"
  (cd "$work/$name" && exec dotnet "$dll" --urls "http://127.0.0.1:$live" >"$work/$name.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 100); do
    if curl -sf -o "$work/$name.json" -H 'Content-Type: application/json' \
        -d '{"query":"{ _service { sdl } }"}' "http://127.0.0.1:$live/graphql"; then break; fi
    sleep 0.2
  done
  [ -s "$work/$name.json" ] || { echo "subgraph $name did not answer; its log:" >&2; cat "$work/$name.log" >&2; exit 1; }
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data"]["_service"]["sdl"])' "$work/$name.json" >"$work/$name.graphql"
done

node "$root/tests/tools/composition/compose-demo.mjs" "$work" --out "$out"
echo "Wrote $out"
# The composition corpus keeps the same SDLs (its expectations recomposed by Apollo), so our composer is held to
# Apollo's on them too.
if [ "${1:-}" != "--out" ]; then
  corpus="$root/tests/ChildInfo.Composition.Tests/Corpus/demo-five-subgraphs"
  for entry in "${subgraphs[@]}"; do
    IFS=: read -r name _ _ <<<"$entry"
    cp "$work/$name.graphql" "$corpus/subgraphs/$name.graphql"
  done
  node "$root/tests/tools/composition/compose-corpus.mjs" >/dev/null
  echo "Updated $corpus"
fi
