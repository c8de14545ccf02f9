# Shared by the load scripts (sourced, not run). Everything runs on loopback in its own process: sample data in a
# temp folder, the five sample subgraphs each started from its own dll over that data (with the context key, as in a
# deployment), the supergraph composed from them with `childinfo compose`, gateways from the same build, and wrk as
# the client. Sides are measured in interleaved rounds (A B, then B A, ...) so that the machine's changing load falls
# on both; the summary gives each side's median and range over the rounds and the median of the per-round ratios.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
bin="$root/tests/ChildInfo.Benchmarks/LoadGateway/bin/Release/net10.0"
work="$(mktemp -d)"
data="$work/data"
pids=()

cleanup() {
  stop_started
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

# Settings that would change what is measured if they leaked in from the caller's environment.
unset CHILDINFO_AUDIT_STORE CHILDINFO_AUDIT_CONNECTION CHILDINFO_AUDIT_KEY_FILE CHILDINFO_AUDIT_RETENTION_DAYS \
  ChildInfo__Policies ChildInfo__Redis ChildInfo__RateLimit__PermitLimit ChildInfo__RateLimit__WindowSeconds \
  ASPNETCORE_URLS DOTNET_URLS 2>/dev/null || true

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Builds the load gateway host once in Release: its output folder holds childinfo.dll, childinfo-demo.dll (which adds `data generate`) and every sample subgraph.
build() {
  log "building (Release) ..."
  dotnet build -c Release "$root/tests/ChildInfo.Benchmarks/LoadGateway" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
}

childinfo() { (cd "$work" && dotnet "$bin/childinfo-demo.dll" "$@"); }

# The agencies' databases: SQLite files in $data (the default), or, after start_postgres, one PostgreSQL database
# per agency on a throwaway server (pg_template holds the connection string with {agency} for the database's name).
pg_template=""

# generate_data CHILDREN: synthetic data for all five agencies into $data, or into the PostgreSQL databases.
generate_data() {
  if [[ -n "$pg_template" ]]; then
    (cd "$work" && dotnet "$bin/ChildInfo.SampleData.dll" --children "$1" --seed 1 --provider postgres --connection-template "$pg_template") \
      >"$work/generate.log" 2>&1 || { cat "$work/generate.log" >&2; exit 1; }
    local db
    for db in child_index education early_years social_care voluntary_sector; do psql_run "$db" -qc 'ANALYZE' >/dev/null; done
  else
    childinfo data generate --children "$1" --seed 1 --out "$data" >"$work/generate.log" 2>&1 || { cat "$work/generate.log" >&2; exit 1; }
  fi
}

# start_postgres: a throwaway PostgreSQL server from the installed binaries (as the tests start one: run as the
# postgres user, fsync off), an empty database per agency, and pg_template set for generate_data and start_subgraphs.
pg_bin=""; pg_port=""
start_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [[ -x "$pg_bin/initdb" ]] || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; }
  pg_port="$(free_port)"
  chmod 711 "$work"; mkdir -p "$work/pg"; chown postgres "$work/pg"
  runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$work/pg-init.log" 2>&1
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/log.txt" -o \
    "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  stop_postgres() { runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; }
  local db
  for db in child_index education early_years social_care voluntary_sector; do psql_run postgres -qc "CREATE DATABASE $db" >/dev/null; done
  pg_template="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database={agency};Timeout=30;Command Timeout=600"
}
stop_postgres() { :; }
psql_run() { local db="$1"; shift; "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" "$@"; }

# wait_http URL LOG PID: polls until URL answers 200, up to 120 s, while PID lives; prints the log and fails otherwise.
wait_http() {
  local _
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$3" 2>/dev/null || break
    sleep 0.2
  done
  log "no answer from $1; its log:"; cat "$2" >&2; exit 1
}

# The key that signs each subgraph call's request context: the gateways sign with it, the subgraphs require it.
context_key="$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')"
export ChildInfo__ContextKey="$context_key"

declare -A subgraph_url=() subgraph_pid=()
# start_subgraphs: the five sample subgraphs, each its own process over $data/<name>.db (or its PostgreSQL database).
start_subgraphs() {
  local spec name project port
  declare -A started=()
  for spec in child-index:ChildIndex education:Education early-years:EarlyYears social-care:SocialCare voluntary-sector:VoluntarySector; do
    name="${spec%%:*}"; project="${spec##*:}"; port="$(free_port)"
    local provider=Sqlite connection="Data Source=$data/$name.db"
    [[ -n "$pg_template" ]] && { provider=Postgres; connection="${pg_template//\{agency\}/${name//-/_}}"; }
    (cd "$work" && Database__Provider="$provider" Database__ConnectionString="$connection" Subgraph__ContextKey="$context_key" \
      exec dotnet "$bin/ChildInfo.Subgraphs.$project.dll" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1) &
    pids+=($!); started[$name]=$!; subgraph_pid[$name]=$!; subgraph_pids+=" $!"
    subgraph_url[$name]="http://127.0.0.1:$port/graphql"
  done
  for name in "${!subgraph_url[@]}"; do wait_http "${subgraph_url[$name]%/graphql}/health" "$work/$name.log" "${started[$name]}"; done
}

# compose_supergraph: composes the running subgraphs into $work/supergraph.graphql.
compose_supergraph() {
  local args=() name
  for name in child-index education early-years social-care voluntary-sector; do args+=(--subgraph "$name=${subgraph_url[$name]}"); done
  childinfo compose "${args[@]}" --out "$work/supergraph.graphql" >"$work/compose.log" 2>&1 || { cat "$work/compose.log" >&2; exit 1; }
}

# Identity: development tokens, accepted by a gateway on a supergraph file through the Identity__* settings.
export Identity__Issuer="urn:childinfo:development" Identity__Audience="urn:childinfo:gateway"
# make_token ROLE: sets $token to a development token (8 hours) for ROLE and the gateways' key to the one it is signed with.
make_token() {
  token="$(cd "$work" && DOTNET_ENVIRONMENT=Development dotnet "$bin/childinfo.dll" token --role "$1" --user load.test \
    --org "Northshire Children's Services" --data "$work/identity" | tail -1)"
  Identity__SigningKeys__0="$(cat "$work/identity/development-signing.key")"
  export Identity__SigningKeys__0
}

# start_gateway NAME ENV... -- COMMAND...: starts a gateway on a free port with the given environment (its own audit
# file and key under $work/NAME), waits for /health, and sets gateway_url[NAME].
declare -A gateway_url=()
start_gateway() {
  local name="$1" port env=() ; shift
  while [[ "$1" != "--" ]]; do env+=("$1"); shift; done; shift
  port="$(free_port)"
  mkdir -p "$work/$name"
  (cd "$work/$name" && exec env CHILDINFO_AUDIT_CONNECTION="$work/$name/audit.db" CHILDINFO_AUDIT_KEY_FILE="$work/$name/audit.key" \
    "${env[@]}" "$@" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1) &
  pids+=($!); side_pids[$name]=$!
  gateway_url[$name]="http://127.0.0.1:$port/graphql"
  wait_http "http://127.0.0.1:$port/health" "$work/$name.log" "$!"
}

# children N: up to N child ids that the child index links to all four agencies.
children() {
  python3 - "$data/child-index.db" "$1" <<'PY'
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute(
    "SELECT child_id FROM ci_record_link GROUP BY child_id HAVING COUNT(DISTINCT source_system) = 4 ORDER BY child_id LIMIT ?",
    (int(sys.argv[2]),)).fetchall()
print(" ".join(r[0] for r in rows))
PY
}

# The joined-up child query of the README (all five subgraphs); CHILD_ID is replaced per request.
joined_up_query='query JoinedUpChild($id: ID!) { child(id: $id) { id forename surname dateOfBirth links { sourceSystem localId matchMethod matchConfidence } pupil { upn attendance { academicYear term sessionsPossible persistentAbsence } exclusions { category startDate } } earlyYearsChild { eyChildId } socialCareChild { childProtectionPlanActive lookedAfterActive childProtectionPlans { latestCategoryOfAbuse } } vcsParticipant { participantId keyworkerNotes { noteDate text } } } }'

# make_lua FILE QUERY "ID ID ..." HEADER...: a wrk script that posts QUERY with each id in turn as $id.
make_lua() {
  local file="$1" query="$2" ids="$3" header; shift 3
  {
    echo 'wrk.method = "POST"'
    echo 'wrk.headers["Content-Type"] = "application/json"'
    echo 'wrk.headers["Accept"] = "application/graphql-response+json, application/json"'
    for header in "$@"; do printf 'wrk.headers["%s"] = [[%s]]\n' "${header%%:*}" "${header#*: }"; done
    printf 'local template = [[{"query":"%s","variables":{"id":"CHILD_ID"}}]]\n' "$query"
    printf 'local ids = {'; for id in $ids; do printf '"%s",' "$id"; done; echo '}'
    cat <<'LUA'
local n = 0
request = function()
  n = n + 1
  local body = template:gsub("CHILD_ID", ids[(n % #ids) + 1])
  return wrk.format(nil, nil, nil, body)
end
LUA
  } >"$file"
}

# check_answer URL LUA_HEADERS...: one request as the wrk script sends it; fails unless it is 200 with the child.
check_answer() {
  local url="$1" query="$2" id="$3" body; shift 3
  local args=()
  for header in "$@"; do args+=(-H "$header"); done
  body="$(printf '{"query":"%s","variables":{"id":"%s"}}' "$query" "$id")"
  local answer
  answer="$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' "${args[@]}" -d "$body" "$url")"
  log "$url -> ${answer:0:300}"
  [[ "${answer##*$'\n'}" == 200 && "$answer" == *"\"id\":\"$id\""* ]] || { log "unexpected answer from $url"; exit 1; }
}

# CPU time (ms) used so far by the processes given, from /proc/PID/stat (user + system).
cpu_ms() {
  python3 - "$@" <<'PY'
import os, sys
tick = os.sysconf("SC_CLK_TCK")
total = 0
for pid in sys.argv[1:]:
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    total += int(fields[11]) + int(fields[12])
print(total * 1000 // tick)
PY
}

# The processes whose CPU time each run reports per request: side_pids[SIDE] (the gateway measured, if any) and
# subgraph_pids (the five subgraphs, shared by both sides).
declare -A side_pids=()
subgraph_pids=""

# measure SIDE URL LUA SECONDS CONNECTIONS ROUND: one wrk run; appends "round side req/s p50 p90 p99 errors load
# side-cpu-ms/request subgraphs-cpu-ms/request" to $work/rounds.tsv (latencies in ms; errors = non-2xx answers plus
# socket errors; CPU time per request is far less disturbed by other work on the machine than throughput is).
measure() {
  local side="$1" url="$2" lua="$3" seconds="$4" connections="$5" round="$6" out="$work/wrk-$1-$6.txt"
  local own="${side_pids[$side]:-}" own_before=0 own_after=0 shared_before shared_after
  [[ -n "$own" ]] && own_before="$(cpu_ms $own)"
  shared_before="$(cpu_ms $subgraph_pids)"
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s --latency -s "$lua" "$url" >"$out"
  [[ -n "$own" ]] && own_after="$(cpu_ms $own)"
  shared_after="$(cpu_ms $subgraph_pids)"
  python3 - "$out" "$round" "$side" "$(cut -d' ' -f1 /proc/loadavg)" "$((own_after - own_before))" "$((shared_after - shared_before))" >>"$work/rounds.tsv" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
pct = {p: ms(v) for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", text, re.M)}
errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors += sum(int(n) for n in socket.groups()) if socket else 0
requests = int(re.search(r"(\d+) requests in", text).group(1))
own, shared = (int(sys.argv[5]) / max(requests, 1), int(sys.argv[6]) / max(requests, 1))
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{rps:.1f}\t{pct['50']:.1f}\t{pct['90']:.1f}\t{pct['99']:.1f}\t{errors}\t{sys.argv[4]}\t{own:.2f}\t{shared:.2f}")
PY
  tail -1 "$work/rounds.tsv" | awk -F'\t' '{ printf "round %s %-13s %7s req/s  p50 %7s ms  p90 %7s ms  p99 %7s ms  errors %s  load %5s  cpu/request: own %5s ms, subgraphs %5s ms\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }' >&2
}

# summarise A B: medians and ranges per side, and the median of the per-round ratios B/A.
summarise() {
  python3 - "$work/rounds.tsv" "$1" "$2" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
a, b = sys.argv[2], sys.argv[3]
def side(name, column):
    return [float(r[column]) for r in rows if r[1] == name]
def spread(values, unit="", digits=0):
    return f"{statistics.median(values):.{digits}f}{unit} (range {min(values):.{digits}f}-{max(values):.{digits}f})"
for name in (a, b):
    print(f"{name:>13}: {spread(side(name, 2), ' req/s')} over {len(side(name, 2))} rounds; p50 {spread(side(name, 3), ' ms', 1)}; "
          f"p99 {spread(side(name, 5), ' ms', 1)}; CPU per request: own {spread(side(name, 8), ' ms', 2)}, subgraphs {spread(side(name, 9), ' ms', 2)}")
rounds = sorted({r[0] for r in rows}, key=int)
def ratios(column):
    by = {(r[0], r[1]): float(r[column]) for r in rows}
    return [by[(k, b)] / by[(k, a)] for k in rounds if (k, a) in by and (k, b) in by and by[(k, a)] > 0]
through = ratios(2)
print(f"throughput {b} / {a} per round: " + ", ".join(f"{x:.1%}" for x in through))
print(f"  median {statistics.median(through):.1%} (range {min(through):.1%}-{max(through):.1%}); errors in all runs: {sum(int(r[6]) for r in rows)}")
cpu = ratios(8)
if cpu:
    print(f"gateway CPU per request {b} / {a} per round: " + ", ".join(f"{x:.1%}" for x in cpu))
    print(f"  median {statistics.median(cpu):.1%} (range {min(cpu):.1%}-{max(cpu):.1%})")
PY
}

# interleave ROUNDS SECONDS CONNECTIONS A URL_A LUA_A B URL_B LUA_B [HOOK]: ROUNDS rounds, A then B in odd rounds and B then
# A in even ones (HOOK SIDE runs before each run, for example to renew a short-lived header).
interleave() {
  local rounds="$1" seconds="$2" connections="$3" a="$4" url_a="$5" lua_a="$6" b="$7" url_b="$8" lua_b="$9" hook="${10:-true}" r
  : >"$work/rounds.tsv"
  for r in $(seq 1 "$rounds"); do
    if (( r % 2 == 1 )); then
      "$hook" "$a"; measure "$a" "$url_a" "$lua_a" "$seconds" "$connections" "$r"
      "$hook" "$b"; measure "$b" "$url_b" "$lua_b" "$seconds" "$connections" "$r"
    else
      "$hook" "$b"; measure "$b" "$url_b" "$lua_b" "$seconds" "$connections" "$r"
      "$hook" "$a"; measure "$a" "$url_a" "$lua_a" "$seconds" "$connections" "$r"
    fi
  done
}

# warm_up SECONDS CONNECTIONS URL LUA [URL LUA ...]: two interleaved passes over every side, not measured (the JIT's
# tiered compilation and the connection pools settle; a single short pass still left the first round slow).
warm_up() {
  local seconds="$1" connections="$2" pass i; shift 2
  local sides=("$@")
  for pass in 1 2; do
    for ((i = 0; i < ${#sides[@]}; i += 2)); do
      wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s -s "${sides[i+1]}" "${sides[i]}" >/dev/null
    done
  done
}

machine() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB; load average now $(cut -d' ' -f1-3 /proc/loadavg); $(dotnet --version) SDK; $(date -u '+%Y-%m-%d %H:%M UTC')"
}
