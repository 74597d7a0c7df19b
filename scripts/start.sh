#!/usr/bin/env bash
# Installs what Conclave needs, builds it (release preset) and starts the app together
# with a local conclave-server (SQLite, loopback only, mail written to its outbox folder),
# so Team Sharing works at once. The server stops when the app exits.
#   ./scripts/start.sh                  install, build, run
#   CONCLAVE_SKIP_DEPS=1 ./scripts/start.sh   skip the apt step
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [[ -z ${CONCLAVE_SKIP_DEPS:-} ]]; then
    scripts/install-deps.sh
fi

export CCACHE_BASEDIR="$root"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target conclave conclave-server

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
server_dir="$data_home/Conclave/local-server"
mkdir -p "$server_dir"
chmod 700 "$server_dir"

port_file=$(mktemp)
build/release/server/conclave-server serve --data-dir "$server_dir" --listen 127.0.0.1:0 \
    --port-file "$port_file" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -f "$port_file"' EXIT

for _ in $(seq 1 100); do
    [[ -s $port_file ]] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "conclave-server did not start" >&2; exit 1; }
    sleep 0.1
done
port=$(cat "$port_file")
echo "Local sync server: http://127.0.0.1:$port (data in $server_dir, mail in $server_dir/outbox)"

CONCLAVE_SERVER_URL="http://127.0.0.1:$port" build/release/app/conclave "$@"
