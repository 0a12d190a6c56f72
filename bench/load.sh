#!/usr/bin/env bash
# Upon's load and speed figures, measured side by side in one run on this machine (see bench/README.md).
#
#   bench/load.sh [APP_DIR]
#
# APP_DIR is a published Upon (the directory holding upon.dll); by default this checkout is published in Release to
# bench/.out/app first. Settings (environment): DURATION (wrk duration, default 10s), WARM_PASS (an unmeasured
# pass over every row before the measured one, default 5s a row), WARMUP (an unmeasured wrk run before each
# measured row, default 2s), CONNECTIONS (50), THREADS (2),
# PORT (5097), ROWS (100000, the size of the import and report figures), REST (15: seconds after the load before the
# server's memory at rest is read).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APP_DIR="${1:-}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-2s}"
WARM_PASS="${WARM_PASS:-5s}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-2}"
PORT="${PORT:-5097}"
BASE="http://127.0.0.1:$PORT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -z "$APP_DIR" ]; then
  APP_DIR="$ROOT/bench/.out/app"
  echo "Publishing Upon (Release) to $APP_DIR ..." >&2
  dotnet publish "$ROOT/src/Upon" -c Release -o "$APP_DIR" >/dev/null
fi
UPON=(dotnet "$APP_DIR/upon.dll")

WORK="$(mktemp -d /tmp/upon-bench.XXXXXX)"
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true; wait 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT

# Production, as deployed: plain HTTP from a trusted proxy on loopback that says the request came over HTTPS.
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
export Database__Provider=Sqlite ConnectionStrings__Upon="Data Source=$WORK/upon.db"
export Demo__CreateOnEmptyDatabase=true Demo__Password="bench-password-$RANDOM-$RANDOM"
export Accounts__RequireTwoFactorForStaff=false
export Email__PickupDirectory="$WORK/mail" Logging__LogLevel__Default=Warning
PROXY=(-H "X-Forwarded-Proto: https")

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# Starts the server; STARTED_IN is the seconds from launch to its first answer.
start_server() {
  local t0; t0=$(now)
  (cd "$WORK" && exec "${UPON[@]}" --urls "$BASE" >"$WORK/server.log" 2>&1) &
  SERVER=$!
  until curl -fs "${PROXY[@]}" -o /dev/null "$BASE/health/live"; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.02
  done
  STARTED_IN=$(seconds "$t0" "$(now)")
}
stop_server() { kill "$SERVER" 2>/dev/null || { echo "the server had stopped: $(tail -n 20 "$WORK/server.log")" >&2; exit 1; }; wait "$SERVER" 2>/dev/null || true; SERVER=""; }

echo "Starting on an empty database (creates the demo data) ..." >&2
start_server
EMPTY_START=$STARTED_IN
stop_server
WARM_STARTS=()
for _ in 1 2 3; do start_server; WARM_STARTS+=("$STARTED_IN"); stop_server; done
WARM_START=$(printf '%s\n' "${WARM_STARTS[@]}" | sort -n | sed -n 2p)
start_server

ADMIN_TOKEN=$("${UPON[@]}" tokens create --email admin@upon.test --name bench 2>/dev/null | grep -o 'upon_[A-Za-z0-9_-]*' | head -n 1)
FUNDER_TOKEN=$("${UPON[@]}" tokens create --email funder@upon.test --name bench 2>/dev/null | grep -o 'upon_[A-Za-z0-9_-]*' | head -n 1)
ADMIN_COOKIE=$(python3 "$ROOT/bench/signin.py" "$BASE" admin@upon.test "$Demo__Password")
FUNDER_COOKIE=$(python3 "$ROOT/bench/signin.py" "$BASE" funder@upon.test "$Demo__Password")

# wrk URL [HEADER ...] -> "requests/s p99_ms"
load() {
  local url="$1"; shift
  local args=()
  for h in "$@"; do args+=(-H "$h"); done
  curl -fs "${PROXY[@]}" "${args[@]}" -o /dev/null "$BASE$url" || { echo "GET $url failed" >&2; exit 1; }
  # A short unmeasured run first, so that every row is measured warm (its code compiled, its figures cached), not only
  # the rows that happen to follow a similar one.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${PROXY[@]}" "${args[@]}" "$BASE$url" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${PROXY[@]}" "${args[@]}" "$BASE$url" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } p99 = v }
    / Non-2xx or 3xx responses/ { bad = $NF }
    END { printf "%.0f %.1f %s\n", rps, p99, (bad == "" ? 0 : bad) }'
}

echo "Load: wrk, $THREADS threads, $CONNECTIONS connections, $DURATION each ..." >&2
declare -A RPS P99 BAD
ROWS_ORDER=()
measure() {
  local name="$1"; shift
  read -r r p b < <(load "$@")
  RPS[$name]=$r; P99[$name]=$p; BAD[$name]=$b; ROWS_ORDER+=("$name")
}
# The impact, coaching and feedback figures (cached since branch figures); the DfE return of the current financial year.
FY=$(python3 -c 'import datetime; d = datetime.date.today(); y = d.year if d.month >= 4 else d.year - 1; print(f"{y}-{(y + 1) % 100:02d}")')
# Every row, in order, through the function given: warm (unmeasured) or measure.
each_row() {
  "$1" "static file /css/upon.css" /css/upon.css
  "$1" "GET /api/reports/turnover (staff)" /api/reports/turnover "Authorization: Bearer $ADMIN_TOKEN"
  "$1" "GET /api/reports/turnover (funder)" /api/reports/turnover "Authorization: Bearer $FUNDER_TOKEN"
  "$1" "GET /api/reports/invitations (staff)" /api/reports/invitations "Authorization: Bearer $ADMIN_TOKEN"
  "$1" "GET /api/reports/invitations (funder)" /api/reports/invitations "Authorization: Bearer $FUNDER_TOKEN"
  "$1" "page /register/turnover (funder)" /register/turnover "Cookie: $FUNDER_COOKIE"
  "$1" "page /new-directors/figures (staff)" /new-directors/figures "Cookie: $ADMIN_COOKIE"
  "$1" "page /sessions/attendance (staff)" /sessions/attendance "Cookie: $ADMIN_COOKIE"
  "$1" "public page /programme/sessions" /programme/sessions
  "$1" "GET /api/reports/retention (staff)" /api/reports/retention "Authorization: Bearer $ADMIN_TOKEN"
  "$1" "GET /api/reports/retention (funder)" /api/reports/retention "Authorization: Bearer $FUNDER_TOKEN"
  "$1" "GET /api/reports/dfe-return (funder)" "/api/reports/dfe-return?period=$FY" "Authorization: Bearer $FUNDER_TOKEN"
  "$1" "GET /api/reports/coaching (funder)" /api/reports/coaching "Authorization: Bearer $FUNDER_TOKEN"
  "$1" "GET /api/reports/feedback (staff)" /api/reports/feedback "Authorization: Bearer $ADMIN_TOKEN"
  "$1" "page /impact/retention (staff)" /impact/retention "Cookie: $ADMIN_COOKIE"
  "$1" "page /reports/equality (funder)" /reports/equality "Cookie: $FUNDER_COOKIE"
  "$1" "static file, again" /css/upon.css
}
# The runtime compiles the request path again, optimised, once it is hot (tiered compilation): under load that takes
# tens of seconds, and without this pass it was charged to whichever row first used a path (the staff turnover API, the
# first API row; the turnover page, the first signed-in page), each then measured at half its warm rate.
warm() { shift; local url="$1"; shift; local args=(); for h in "$@"; do args+=(-H "$h"); done
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARM_PASS" "${PROXY[@]}" "${args[@]}" "$BASE$url" >/dev/null; }
echo "Warming: every row for $WARM_PASS, unmeasured ..." >&2
each_row warm
each_row measure
server_rss_mb() { echo $(( $(ps -o rss= -p "$(pgrep -P "$SERVER" -f upon.dll || echo "$SERVER")" | tail -n 1) / 1024 )); }
SERVER_RSS_MB=$(server_rss_mb)
# Quiet for Hosting:TrimMemoryWhenQuietSeconds (10 s by default), the server gives back what the load left behind.
echo "Waiting ${REST:-15} s for the server to go quiet ..." >&2
sleep "${REST:-15}"
SERVER_REST_RSS_MB=$(server_rss_mb)
stop_server

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
STATIC=$(( (${RPS["static file /css/upon.css"]} + ${RPS["static file, again"]}) / 2 ))
echo
echo "Upon $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| figure | requests/s | vs static file | p99 ms | non-2xx/3xx |"
echo "|---|---:|---:|---:|---:|"
for name in "${ROWS_ORDER[@]}"; do
  echo "| $name | ${RPS[$name]} | $(ratio "${RPS[$name]}" "$STATIC") | ${P99[$name]} | ${BAD[$name]} |"
done

# The command line over a large register: ROWS made-up appointments (bench/register_csv.py).
ROWS="${ROWS:-100000}"
CSV="$WORK/register.csv"
echo "Writing a $ROWS-row register and timing the command line ..." >&2
python3 "$ROOT/bench/register_csv.py" "$ROOT/src/Upon/Register/ReferenceData/authorities.json" "$ROWS" "$CSV" >/dev/null
# The same rows in no particular order (a fixed shuffle): register_csv.py writes each authority's run together, which is
# the kindest order for the import's indexes; a file from elsewhere may come in any order.
SHUFFLED_CSV="$WORK/register-shuffled.csv"
python3 -c 'import random, sys; lines = open(sys.argv[1]).read().splitlines(True); rows = lines[1:]; random.Random(15).shuffle(rows); open(sys.argv[2], "w").writelines(lines[:1] + rows)' "$CSV" "$SHUFFLED_CSV"
export ConnectionStrings__Upon="Data Source=$WORK/large.db" Demo__CreateOnEmptyDatabase=false

best() { # best of three wall-clock seconds of a command
  local best=""
  for _ in 1 2 3; do
    local t0; t0=$(now); "$@" >/dev/null 2>&1; local t; t=$(seconds "$t0" "$(now)")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}
# A database set up as production's is before an import: the schema and the reference data (a first command on an empty
# file creates both), with no register.
SETUP_DB="$WORK/setup.db"
ConnectionStrings__Upon="Data Source=$SETUP_DB" "${UPON[@]}" report turnover >/dev/null 2>&1
# import_into FRESH|SETUP [FILE]: the import of FILE (the register by default) into a new database or into a copy of the
# set-up one; adds its seconds to IMPORTS.
IMPORT_RSS_MB=0
import_into() {
  rm -f "$WORK/large.db" "$WORK/large.db-wal" "$WORK/large.db-shm"
  [ "$1" = SETUP ] && cp "$SETUP_DB" "$WORK/large.db"
  local t0; t0=$(now)
  /usr/bin/time -f "%M" -o "$WORK/import.rss" "${UPON[@]}" import appointments "${2:-$CSV}" >/dev/null 2>"$WORK/import.err" || { head -n 5 "$WORK/import.err" >&2; exit 1; }
  IMPORTS+=("$(seconds "$t0" "$(now)")")
  local rss; rss=$(( $(tail -n 1 "$WORK/import.rss") / 1024 )); [ "$rss" -gt "$IMPORT_RSS_MB" ] && IMPORT_RSS_MB=$rss
  return 0
}
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
# The import: the median of three of the shuffled file, each into a set-up database, then of three of the register file
# the same way, then of three each into a new database (the last one is kept for the report and the floor below). The
# first run on a machine writes the command's multicore JIT profile, which the next runs use, as a repeated import in
# production would.
IMPORTS=(); for _ in 1 2 3; do import_into SETUP "$SHUFFLED_CSV"; done; SHUFFLED_IMPORT=$(median "${IMPORTS[@]}")
IMPORTS=(); for _ in 1 2 3; do import_into SETUP; done; SETUP_IMPORT=$(median "${IMPORTS[@]}")
IMPORTS=(); for _ in 1 2 3; do import_into FRESH; done; IMPORT=$(median "${IMPORTS[@]}")
# The floor of any import that keeps its audit lines: sqlite3 itself copying exactly the rows the import wrote (people,
# appointments, and their audit lines) into a set-up database, in one transaction, in WAL mode as Upon runs.
sqlite_floor() {
  rm -f "$WORK/floor.db" "$WORK/floor.db-wal" "$WORK/floor.db-shm"; cp "$SETUP_DB" "$WORK/floor.db"
  sqlite3 "$WORK/floor.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; ATTACH '$WORK/large.db' AS import; BEGIN;
    INSERT INTO people SELECT * FROM import.people; INSERT INTO appointments SELECT * FROM import.appointments;
    INSERT INTO audit_events (At, UserId, Actor, Action, EntityType, EntityId, Changes, Detail)
      SELECT At, UserId, Actor, Action, EntityType, EntityId, Changes, Detail FROM import.audit_events
      WHERE EntityType IN ('Person', 'Appointment') ORDER BY Id;
    COMMIT;"
}
REPORT=$(best "${UPON[@]}" report turnover)
HELP=$(best "${UPON[@]}" --help)
SQLITE_READ=$(best sqlite3 "$WORK/large.db" "SELECT * FROM appointments")
sqlite_import() { rm -f "$WORK/plain.db"; sqlite3 "$WORK/plain.db" ".mode csv" ".import $CSV appointments"; }
SQLITE_IMPORT=$(best sqlite_import)
SQLITE_FLOOR=$(best sqlite_floor)

echo
echo "| figure | measured | goal |"
echo "|---|---:|---|"
echo "| start on an empty database (creates the demo data), to first answer | ${EMPTY_START} s | |"
echo "| warm start to first answer (median of 3) | ${WARM_START} s | at most 2 s |"
echo "| \`upon report turnover\` over $ROWS appointments | ${REPORT} s | |"
echo "| \`upon --help\` | ${HELP} s | |"
echo "| report vs --help | $(ratio "$REPORT" "$HELP")x | at most 3x |"
echo "| sqlite3 reading every appointment | ${SQLITE_READ} s | |"
echo "| \`upon import appointments\` of $ROWS new rows (median of 3, each into a new database) | ${IMPORT} s | |"
echo "| the same, each into a database already set up (schema and reference data, as in production) | ${SETUP_IMPORT} s | |"
echo "| sqlite3 \`.import\` of the same file | ${SQLITE_IMPORT} s | |"
echo "| the same rows in no particular order, each into a set-up database | ${SHUFFLED_IMPORT} s | |"
echo "| import vs sqlite3: into a new database; into a set-up one | $(ratio "$IMPORT" "$SQLITE_IMPORT")x; $(ratio "$SETUP_IMPORT" "$SQLITE_IMPORT")x slower | at most 10x |"
echo "| import in no particular order vs sqlite3 (into a set-up database) | $(ratio "$SHUFFLED_IMPORT" "$SQLITE_IMPORT")x slower | at most 10x |"
echo "| floor: sqlite3 copying the import's rows and audit lines into a set-up database | ${SQLITE_FLOOR} s ($(ratio "$SQLITE_FLOOR" "$SQLITE_IMPORT")x \`.import\`) | |"
echo "| server memory (RSS) right after the load | ${SERVER_RSS_MB} MB | at most 250 MB |"
echo "| server memory (RSS) at rest, ${REST:-15} s after the load | ${SERVER_REST_RSS_MB} MB | at most 250 MB |"
echo "| import memory (peak RSS, the largest of the 9) | ${IMPORT_RSS_MB} MB | at most 300 MB |"
