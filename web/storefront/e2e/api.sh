#!/bin/sh
# Starts `cityos serve --demo` on a fresh data directory for the browser tests: a new
# database every run, so the limited editions start with their 5 units. Card payments go
# to stripe-mock (STRIPE_MOCK_URL, else one started here: installed with go install the
# first time, as the Go tests do).
set -e
repo=$(cd "$(dirname "$0")/../../.." && pwd)
dir=$(mktemp -d)
log=${API_LOG:-/dev/null}
mkdir -p "$(dirname "$log")"
bin=${CITYOS_BIN:-$dir/cityos}
if [ -z "$CITYOS_BIN" ]; then (cd "$repo" && go build -o "$bin" ./cmd/cityos); fi

stripe=${STRIPE_MOCK_URL:-}
if [ -z "$stripe" ]; then
  mock=$(command -v stripe-mock || echo "$(go env GOPATH)/bin/stripe-mock")
  [ -x "$mock" ] || (cd "$repo" && go install github.com/stripe/stripe-mock@v0.203.0)
  port=$((${API_PORT:-18080} + 31))
  "$mock" -http-addr "127.0.0.1:$port" -https-addr "127.0.0.1:$((port + 1))" > "$dir/stripe-mock.log" 2>&1 &
  stripe="http://127.0.0.1:$port"
fi

cd "$dir"
exec env PORT="${API_PORT:-18080}" CITYOS_DATA_DIR="$dir/data" CITYOS_RATE_LIMIT=100000 CITYOS_PLATFORM_DOMAIN=localhost \
  STRIPE_SECRET_KEY=sk_test_e2e STRIPE_API_BASE="$stripe" \
  "$bin" serve --demo > "$log" 2>&1
