#!/usr/bin/env bash
# The server's memory after load, by kind of mapping (see bench/README.md, "seventh round: memory").
#
#   bench/memory.sh APP_DIR [NAME=VALUE ...]
#
# APP_DIR is a published Upon (dotnet publish src/Upon -c Release -o APP_DIR). Each NAME=VALUE is exported before the
# server starts (for example DOTNET_TieredPGO=0), so that runtime settings can be compared without a rebuild. Starts
# the server on a new demo database, runs every bench/load.sh row twice for DUR (default 3s) with wrk, then prints the
# RSS, the thread count, the server CPU per request in the second pass and /proc/PID/smaps grouped by mapping, right
# after the load and again at rest, REST seconds later (default 15: the server trims its memory after 10 s quiet).
# HOLD=seconds keeps the server running afterwards for inspection.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APP_DIR="$1"; shift
for kv in "$@"; do export "$kv"; done
DUR="${DUR:-3s}"
PORT="${PORT:-5197}"; BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/upon-mem.XXXXXX)"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
export Database__Provider=Sqlite ConnectionStrings__Upon="Data Source=$WORK/upon.db"
export Demo__CreateOnEmptyDatabase=true Demo__Password="bench-password-$RANDOM-$RANDOM"
export Accounts__RequireTwoFactorForStaff=false
export Email__PickupDirectory="$WORK/mail" Logging__LogLevel__Default=Warning
PROXY=(-H "X-Forwarded-Proto: https")
UPON=(dotnet "$APP_DIR/upon.dll")
start() { (cd "$WORK" && exec "${UPON[@]}" --urls "$BASE" >"$WORK/server.log" 2>&1) & SERVER=$!
  until curl -fs "${PROXY[@]}" -o /dev/null "$BASE/health/live"; do kill -0 $SERVER 2>/dev/null || { cat $WORK/server.log; exit 1; }; sleep 0.05; done; }
start; kill $SERVER; wait $SERVER 2>/dev/null || true
start
ADMIN_TOKEN=$("${UPON[@]}" tokens create --email admin@upon.test --name bench 2>/dev/null | grep -o 'upon_[A-Za-z0-9_-]*' | head -n 1)
FUNDER_TOKEN=$("${UPON[@]}" tokens create --email funder@upon.test --name bench 2>/dev/null | grep -o 'upon_[A-Za-z0-9_-]*' | head -n 1)
ADMIN_COOKIE=$(python3 "$ROOT/bench/signin.py" "$BASE" admin@upon.test "$Demo__Password")
FUNDER_COOKIE=$(python3 "$ROOT/bench/signin.py" "$BASE" funder@upon.test "$Demo__Password")
FY=$(python3 -c 'import datetime; d = datetime.date.today(); y = d.year if d.month >= 4 else d.year - 1; print(f"{y}-{(y + 1) % 100:02d}")')
w() { local url="$1"; shift; local args=(); for h in "$@"; do args+=(-H "$h"); done; wrk -t2 -c50 -d"$DUR" "${PROXY[@]}" "${args[@]}" "$BASE$url" | awk '/requests in/ {n=$1} /Requests\/sec/ {printf "%s %s %s\n", "'"$url"'", $2, n}'; }
rows() {
  w /css/upon.css
  w /api/reports/turnover "Authorization: Bearer $ADMIN_TOKEN"
  w /api/reports/turnover "Authorization: Bearer $FUNDER_TOKEN"
  w /api/reports/invitations "Authorization: Bearer $ADMIN_TOKEN"
  w /api/reports/invitations "Authorization: Bearer $FUNDER_TOKEN"
  w /register/turnover "Cookie: $FUNDER_COOKIE"
  w /new-directors/figures "Cookie: $ADMIN_COOKIE"
  w /sessions/attendance "Cookie: $ADMIN_COOKIE"
  w /programme/sessions
  w /api/reports/retention "Authorization: Bearer $ADMIN_TOKEN"
  w /api/reports/retention "Authorization: Bearer $FUNDER_TOKEN"
  w "/api/reports/dfe-return?period=$FY" "Authorization: Bearer $FUNDER_TOKEN"
  w /api/reports/coaching "Authorization: Bearer $FUNDER_TOKEN"
  w /api/reports/feedback "Authorization: Bearer $ADMIN_TOKEN"
  w /impact/retention "Cookie: $ADMIN_COOKIE"
  w /reports/equality "Cookie: $FUNDER_COOKIE"
  w /css/upon.css
}
rows > $WORK/pass1.txt
PID=$(pgrep -P "$SERVER" -f upon.dll || echo "$SERVER")
c0=$(awk '{print $14+$15}' /proc/$PID/stat)
rows > $WORK/pass2.txt
c1=$(awk '{print $14+$15}' /proc/$PID/stat)
awk -v c=$((c1-c0)) '!/css/ {n+=$3} END {printf "server CPU ms per request (CPU of every row over the requests of the non-static rows): %.3f over %d requests\n", c*10/n, n}' $WORK/pass2.txt
breakdown() {
echo "RSS_MB $(( $(ps -o rss= -p $PID | tail -n1) / 1024 )) threads $(ls /proc/$PID/task | wc -l)"
python3 - $PID <<'PY'
import sys,re,collections
pid=sys.argv[1]; cat=collections.Counter(); cur=None
for line in open(f"/proc/{pid}/smaps"):
    if re.match(r'^[0-9a-f]+-[0-9a-f]+ ', line):
        parts=line.split(); path=parts[5] if len(parts)>5 else ''
        if path.endswith('.dll'): cur='dll'
        elif '.so' in path: cur='so'
        elif 'doublemapper' in path: cur='doublemapper'
        elif path=='[heap]': cur='heap'
        elif path.startswith('[stack'): cur='stack'
        elif path=='': cur='anon'
        else: cur='other:'+path.split('/')[-1]
    elif line.startswith('Rss:'):
        cat[cur]+=int(line.split()[1])
for k,v in sorted(cat.items(), key=lambda x:-x[1])[:6]: print(f"  {k}: {v/1024:.1f} MB")
files=collections.Counter(); cur=None
for line in open(f"/proc/{pid}/smaps"):
    if re.match(r'^[0-9a-f]+-[0-9a-f]+ ', line):
        parts=line.split(); cur=parts[5].split('/')[-1] if len(parts)>5 else 'anon'
    elif line.startswith('Rss:'): files[cur]+=int(line.split()[1])
print('  top:', ', '.join(f"{k} {v/1024:.1f}" for k,v in files.most_common(25)))
PY
}
echo "Right after the load:"
breakdown
# The server gives back what the load left once it has been quiet for Hosting:TrimMemoryWhenQuietSeconds (10 s).
echo "At rest, ${REST:-15} s after the load:"
sleep "${REST:-15}"
breakdown
cat $WORK/pass2.txt | tr '\n' ';'; echo
if [ -n "${HOLD:-}" ]; then echo "PID $PID WORK $WORK"; sleep "$HOLD"; fi
kill $SERVER; wait $SERVER 2>/dev/null || true
rm -rf "$WORK"
