# Helpers shared by load/common.sh and gateways/run.sh (sourced, not run): only definitions, so sourcing it starts nothing.

log() { echo "$*" >&2; }

# stop_started: stops the processes in the caller's pids array and waits for them (each script's cleanup on exit).
stop_started() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# read_runtime_env ARRAY: fills ARRAY with the .NET runtime settings of deploy/gateway-runtime.env (NAME=VALUE), as the
# production image sets them.
read_runtime_env() {
  mapfile -t "$1" < <(grep -E '^DOTNET_[A-Za-z0-9_]+=' "$(dirname "${BASH_SOURCE[0]}")/../../../deploy/gateway-runtime.env")
}
