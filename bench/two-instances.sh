#!/usr/bin/env bash
# Two Upon processes on one PostgreSQL database with load through both (see bench/README.md).
#   bench/two-instances.sh [APP_DIR]     (UPON_BENCH_POSTGRES: an Npgsql connection string to a server to create the database on)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APP_DIR="${1:-$ROOT/bench/.out/app}"
if [ -z "${1:-}" ]; then dotnet publish "$ROOT/src/Upon" -c Release -o "$APP_DIR" >/dev/null; fi
exec python3 "$ROOT/bench/two_instances.py" "$APP_DIR"
