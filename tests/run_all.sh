#!/usr/bin/env bash
# Run the whole suite: on SQLite, on PostgreSQL when one answers at 127.0.0.1:5432,
# and in Chromium when it is installed (or can be installed). Ends with one
# summary line per part. REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 turn a missing
# part into a failure instead of a skip.
set -u
cd "$(dirname "$0")/.."
BIN=.venv/bin
OUT=.test-results
mkdir -p "$OUT"
PYTEST_ARGS=${PYTEST_ARGS:-}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
status=0
summaries=()

# summary NAME FILE: turn the JSON counts written by tests/conftest.py into one line.
summary() {
  "$BIN/python" - "$1" "$2" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
try:
    c = json.load(open(path))
except (OSError, ValueError):
    print(f"{name}: 0 passed, 1 failed, 0 skipped (the run did not finish)")
    raise SystemExit
print(f"{name}: {c['passed']} passed, {c['failed']} failed, {c['skipped']} skipped")
PY
}

run_part() {  # run_part NAME -- pytest args...
  local name=$1; shift
  local file="$OUT/$name.json"
  rm -f "$file"
  PORTAL_TEST_SUMMARY="$file" "$BIN/python" -m pytest "$@" $PYTEST_ARGS
  local rc=$?
  # pytest's 5 means no test ran: that is a failure of the suite, not a pass.
  [ $rc -ne 0 ] && status=1
  summaries+=("$(summary "$name" "$file")")
}

echo "== lint"
tests/lint.sh | tee "$OUT/lint.txt"
[ "${PIPESTATUS[0]}" -ne 0 ] && status=1
summaries+=("$(tail -1 "$OUT/lint.txt")")

echo "== sqlite"
run_part sqlite tests/unit tests/web

echo "== postgresql"
if "$BIN/python" - "$PG_HOST" "$PG_PORT" "$PG_USER" <<'PY' 2>/dev/null
import sys, psycopg
psycopg.connect(host=sys.argv[1], port=int(sys.argv[2]), user=sys.argv[3], dbname="postgres", connect_timeout=3).close()
PY
then
  DBNAME="ote_test_$$_$(date +%s)"
  "$BIN/python" tests/pgdb.py create "$DBNAME" || status=1
  TEST_DATABASE_URL="postgresql+psycopg://$PG_USER@$PG_HOST:$PG_PORT/$DBNAME" run_part postgresql tests/unit tests/web
  "$BIN/python" tests/pgdb.py drop "$DBNAME" || true
elif [ "${REQUIRE_POSTGRES:-0}" = 1 ]; then
  echo "PostgreSQL does not answer at $PG_HOST:$PG_PORT and REQUIRE_POSTGRES=1"
  status=1
  summaries+=("postgresql: 0 passed, 1 failed, 0 skipped (no server at $PG_HOST:$PG_PORT)")
else
  echo "PostgreSQL does not answer at $PG_HOST:$PG_PORT: skipping that part"
  summaries+=("postgresql: skipped (no server at $PG_HOST:$PG_PORT)")
fi

echo "== browser"
tests/browser/ensure_chromium.sh || true
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  run_part browser tests/browser
elif [ "${REQUIRE_BROWSER:-0}" = 1 ]; then
  echo "Chromium is missing and could not be installed, and REQUIRE_BROWSER=1"
  status=1
  summaries+=("browser: 0 passed, 1 failed, 0 skipped (no chromium)")
else
  echo "Chromium is missing: skipping the browser part"
  summaries+=("browser: skipped (no chromium)")
fi

echo
printf '%s\n' "${summaries[@]}"
exit $status
