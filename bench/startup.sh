#!/usr/bin/env bash
# Start-up, `upon report turnover` and `upon import appointments` figures, three runs of each and their medians,
# side by side with `upon --help` and sqlite3 `.import` in the same run (see bench/README.md).
#
#   bench/startup.sh APP_DIR [LABEL]     APP_DIR: a published Upon (the directory holding upon.dll)
#
# Settings (environment): STARTUP_LOG=Debug logs each start-up step (Upon.Startup) into the servers' log;
# SKIP_START=1 leaves out the starts, ONLY_START=1 the command line; CSV=FILE uses that register (bench/register_csv.py).
set -euo pipefail
APP_DIR="$1"; LABEL="${2:-$1}"; ROOT="$(cd "$(dirname "$0")/.." && pwd)"
UPON=(env "Logging__LogLevel__Upon.Startup=${STARTUP_LOG:-Warning}" dotnet "$APP_DIR/upon.dll")
WORK="$(mktemp -d /tmp/upon-startup.XXXXXX)"
PORT=${PORT:-5197}; BASE="http://127.0.0.1:$PORT"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
export Database__Provider=Sqlite ConnectionStrings__Upon="Data Source=$WORK/upon.db"
export Demo__CreateOnEmptyDatabase=true Demo__Password="bench-password-$RANDOM-$RANDOM"
export Accounts__RequireTwoFactorForStaff=false Email__PickupDirectory="$WORK/mail" Logging__LogLevel__Default=Warning

PROXY=(-H "X-Forwarded-Proto: https")
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
SERVER=""
start_server() {
  local t0; t0=$(now)
  (cd "$WORK" && exec "${UPON[@]}" --urls "$BASE" >>"$WORK/server.log" 2>&1) &
  SERVER=$!
  until curl -fs "${PROXY[@]}" -o /dev/null "$BASE/health/live"; do kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }; sleep 0.02; done
  STARTED_IN=$(seconds "$t0" "$(now)")
}
stop_server() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""; }
trap '[ -n "$SERVER" ] && kill $SERVER; true' EXIT
echo "== $LABEL load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${SKIP_START:-}" ]; then
start_server; echo "empty start $STARTED_IN s"; stop_server
W=(); for _ in 1 2 3; do start_server; W+=("$STARTED_IN"); stop_server; done
echo "warm starts ${W[*]} median $(median "${W[@]}") load $(cut -d' ' -f1-3 /proc/loadavg)"
fi
[ -n "${ONLY_START:-}" ] && exit 0
CSV="${CSV:-$WORK/register.csv}"
[ -f "$CSV" ] || python3 "$ROOT/bench/register_csv.py" "$ROOT/src/Upon/Register/ReferenceData/authorities.json" 100000 "$CSV" >/dev/null
export Demo__CreateOnEmptyDatabase=false
I=(); S=(); IR=(); R=(); H=()
for i in 1 2 3; do
  rm -f "$WORK"/large.db*; export ConnectionStrings__Upon="Data Source=$WORK/large.db"
  t0=$(now); /usr/bin/time -f "%M %U %S" -o "$WORK/import.rss" "${UPON[@]}" import appointments "$CSV" >/dev/null 2>"$WORK/import.err" || { head "$WORK/import.err"; exit 1; }
  I+=("$(seconds "$t0" "$(now)")"); IR+=("$(awk '{printf "%d/%.1f", $1/1024, $2+$3}' "$WORK/import.rss")")
  rm -f "$WORK/plain.db"; t0=$(now); sqlite3 "$WORK/plain.db" ".mode csv" ".import $CSV appointments"; S+=("$(seconds "$t0" "$(now)")")
  t0=$(now); "${UPON[@]}" report turnover >/dev/null 2>&1; R+=("$(seconds "$t0" "$(now)")")
  t0=$(now); "${UPON[@]}" --help >/dev/null 2>&1; H+=("$(seconds "$t0" "$(now)")")
done
/usr/bin/time -f "report peak %M KB" "${UPON[@]}" report turnover 2>&1 >/dev/null | tail -1
echo "import ${I[*]} (MB/cpu ${IR[*]}) median $(median "${I[@]}")"
echo "sqlite import ${S[*]} median $(median "${S[@]}") ratio $(awk -v a="$(median "${I[@]}")" -v b="$(median "${S[@]}")" 'BEGIN{printf "%.1f", a/b}')"
echo "report ${R[*]} median $(median "${R[@]}")"
echo "help ${H[*]} median $(median "${H[@]}") ratio $(awk -v a="$(median "${R[@]}")" -v b="$(median "${H[@]}")" 'BEGIN{printf "%.1f", a/b}')"
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$WORK"
