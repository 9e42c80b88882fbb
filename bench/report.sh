#!/usr/bin/env bash
# Measures every figure of the README's "Measuring speed" table in one run, on
# PostgreSQL and Redis, each read against its floor in the same run:
#
#   bench/report.sh            # seeds what is missing (bench, 2 and 10,000 tenants) first
#
# DB_PREFIX names the databases (cityos_report_{bench,two,many}); D is seconds per run;
# C the clients. It builds cityos and bench into a temporary directory and stops every
# server it started.
set -euo pipefail
cd "$(dirname "$0")/.."
PG=${PG:-postgres://root@127.0.0.1:5432}
REDIS=${REDIS:-redis://127.0.0.1:6379/5}
PREFIX=${DB_PREFIX:-cityos_report}
D=${D:-10}
C=${C:-16}
export CITYOS_JWT_SECRET=${CITYOS_JWT_SECRET:-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export CITYOS_RATE_LIMIT=100000000 # all the load comes from one client
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
go build -o "$work/cityos" ./cmd/cityos
go build -o "$work/bench" ./bench
url() { echo "$PG/$1?sslmode=disable"; }
for db in bench two many; do
  psql "$PG/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname = '${PREFIX}_$db'" | grep -q 1 ||
    psql "$PG/postgres" -qc "CREATE DATABASE ${PREFIX}_$db"
done
DATABASE_URL=$(url "${PREFIX}_bench") "$work/bench" seed
stores() { # the stores file of a many-tenants database, seeded when missing
  local f="$PWD/.bench-$1.tsv"
  if [ ! -s "$f" ]; then
    psql "$(url "${PREFIX}_$1")" -qc "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null
    DATABASE_URL=$(url "${PREFIX}_$1") "$work/bench" seed -tenants "$2" -stores "$f" >&2
  fi
  echo "$f"
}
two=$(stores two 2)
many=$(stores many 10000)

serve() { # serve DB PORT TTL: start the API, wait until it is ready, print its pid
  PORT=$2 DATABASE_URL=$(url "$1") REDIS_URL=$REDIS CITYOS_CATALOG_CACHE_TTL=$3 "$work/cityos" api >"$work/api-$2.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  until curl -sf "localhost:$2/readyz" >/dev/null; do sleep 0.1; done
  echo "$pid"
}
run() { echo; echo "== $*"; "$work/bench" run -c "$C" -d "${D}s" "$@"; }

DATABASE_URL=$(url "${PREFIX}_bench") "$work/bench" floor -addr 127.0.0.1:18090 >"$work/floor.log" 2>&1 &
pids+=($!)
until curl -sf 127.0.0.1:18090/pid >/dev/null; do sleep 0.1; done

echo "== start to ready"
DATABASE_URL=$(url "${PREFIX}_bench") REDIS_URL=$REDIS "$work/bench" start -bin "$work/cityos" -port 18089

api=$(serve "${PREFIX}_bench" 18080 0)
for s in grid gridrich product orders products; do
  run -url http://localhost:18080 -scenario "$s" -floor http://127.0.0.1:18090 -pid "$api"
done
kill "$api"
api=$(serve "${PREFIX}_bench" 18080 1s)
run -url http://localhost:18080 -scenario grid -static http://127.0.0.1:18090 -pid "$api"
psql "$(url "${PREFIX}_bench")" -qc "VACUUM ANALYZE" >/dev/null
run -url http://localhost:18080 -scenario checkout -c 32 -pid "$api" -floor http://127.0.0.1:18090
kill "$api"

for ttl in 1s 0; do
  a=$(serve "${PREFIX}_two" 18081 $ttl)
  b=$(serve "${PREFIX}_many" 18082 $ttl)
  run -url http://localhost:18081 -scenario grid -stores "$two" -rotate 2 -pid "$a"
  run -url http://localhost:18082 -scenario grid -stores "$many" -rotate 1000 -pid "$b"
  kill "$a" "$b"
done
