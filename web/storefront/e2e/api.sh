#!/bin/sh
# Starts `cityos serve --demo` on a fresh data directory for the browser tests: a new
# database every run, so the limited editions start with their 5 units.
set -e
repo=$(cd "$(dirname "$0")/../../.." && pwd)
dir=$(mktemp -d)
bin=${CITYOS_BIN:-$dir/cityos}
if [ -z "$CITYOS_BIN" ]; then (cd "$repo" && go build -o "$bin" ./cmd/cityos); fi
cd "$dir"
log=${API_LOG:-/dev/null}
mkdir -p "$(dirname "$log")"
exec env PORT="${API_PORT:-18080}" CITYOS_DATA_DIR="$dir/data" CITYOS_RATE_LIMIT=100000 CITYOS_PLATFORM_DOMAIN=localhost "$bin" serve --demo > "$log" 2>&1
