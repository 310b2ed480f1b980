#!/usr/bin/env bash
# The whole test suite: unit, integration (SQLite, then the database-facing part on PostgreSQL),
# browser (Debian Chromium), the published app, and a check that no log holds personal data.
# Installs Chromium and PostgreSQL when missing (as root), and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

say() { printf '\n== %s\n' "$*"; }

# --- what the tests need --------------------------------------------------------------------
command -v dotnet >/dev/null || { echo "The .NET SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian"; exit 1; }
CHROMIUM=${TRAMA_CHROMIUM:-/usr/bin/chromium}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
{ [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ]; } || missing+=(postgresql)
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    say "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  else
    echo "Missing: ${missing[*]}. Install them with:"
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
fi

WORK=$(mktemp -d /tmp/trama-test.XXXXXX)
chmod 755 "$WORK"
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
export TRAMA_TEST_LOG="$WORK/app.log"
export TRAMA_CHROMIUM="$CHROMIUM"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
: > "$TRAMA_TEST_LOG"

# --- a throwaway PostgreSQL cluster on a free port ------------------------------------------
PGDATA="$WORK/pg"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { [ -f "$PGDATA/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1; }
cleanup() { stop_pg; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

mkdir -p "$PGDATA"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDATA"
as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log"; exit 1; }
# Below Linux's ephemeral range (32768 and up), where an outgoing connection can hold a port that
# no server listens on: a probe by connecting then finds it free and the server cannot bind it.
# Whatever else takes a port between the probe and the start, the next one is tried.
PGPORT=25432
for attempt in 1 2 3 4 5; do
  while (exec 3<>/dev/tcp/127.0.0.1/$PGPORT) 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" \
    -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null 2>&1 \
    && break
  [ "$attempt" -eq 5 ] && { cat "$PGDATA/server.log"; exit 1; }
  PGPORT=$((PGPORT + 1))
done
say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PGPORT"
POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Pooling=true"

# --- the JSON Schema validator of the HSDS tests (Ajv, pinned in package-lock.json) -----------
if [ ! -f node_modules/ajv/package.json ] || [ ! -f node_modules/ajv-formats/package.json ]; then
  say "npm ci (Ajv for the HSDS schema tests)"
  npm ci --no-audit --no-fund --loglevel=error || { echo "npm ci failed"; exit 1; }
fi

# --- build once -----------------------------------------------------------------------------
say "Build"
dotnet build Trama.slnx --nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
say "Publish (for the published-app test)"
dotnet publish src/Trama.Web -c Release -o "$WORK/publish" --nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
export TRAMA_PUBLISHED_APP="$WORK/publish"
export TRAMA_TEST_PG_BIN="$PG_BIN"

suites=()
run() { # name project [filters and env via the caller]
  local name=$1 project=$2; shift 2
  say "$name"
  suites+=("$name")
  dotnet test --project "tests/$project" --no-build --no-progress \
    --report-xunit --report-xunit-filename "$name.xml" --results-directory "$RESULTS" "$@" 2>&1 \
    | grep -vE '^\s*$' | tail -n 40
}

run unit Trama.UnitTests --filter-not-trait "Category=LogAudit"
run integration-sqlite Trama.IntegrationTests --filter-not-trait "Database=Postgres"
TRAMA_TEST_DATABASE=Postgres TRAMA_TEST_POSTGRES="$POSTGRES" \
  run integration-postgres Trama.IntegrationTests --filter-trait "Database=Any" --filter-trait "Database=Postgres"
run browser Trama.BrowserTests
run log-privacy Trama.UnitTests --filter-trait "Category=LogAudit"

say "Benchmark smoke (scale S, and XS through the dataset generator, on both engines; a second per scenario, no timing asserted: the program must not rot)"
bench_failed=0
if dotnet build bench/Trama.Benchmark -c Release --nologo -v quiet -clp:ErrorsOnly \
  && dotnet run --no-build -c Release --project bench/Trama.Benchmark -- --scale S,XS --fresh --seconds 0.5 --users 1,4 --no-report \
    --app "$WORK/publish/Trama.Web.dll" --postgres "$POSTGRES" 2>&1 | grep -vE '^\s*\[#*\.*\]' | tail -n 45; then
  echo "benchmark: ran"
else
  bench_failed=1; echo "benchmark: FAILED"
fi

say "Format"
format_failed=0
if dotnet format Trama.slnx --verify-no-changes --no-restore -v quiet >"$WORK/format.log" 2>&1; then
  echo "dotnet format: clean"
else
  format_failed=1; head -n 30 "$WORK/format.log"; echo "dotnet format: changes needed (run: dotnet format Trama.slnx)"
fi

# --- one line -------------------------------------------------------------------------------
count() { grep -o '<assembly [^>]*' "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$((1 - bench_failed)); failed=$((format_failed + bench_failed)); skipped=0
printf '\n'
for name in "${suites[@]}"; do
  file="$RESULTS/$name.xml"
  if [ ! -s "$file" ]; then
    echo "  $name: no report (the run crashed)"; failed=$((failed + 1)); continue
  fi
  p=$(count passed "$file")
  f=$(count failed "$file")
  s=$(count skipped "$file")
  echo "  $name: $p passed, $f failed$([ "${s:-0}" -gt 0 ] && echo ", $s skipped")"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  if [ "${f:-0}" -gt 0 ]; then
    # The tail of the run above can be filled by other output: name each failure here.
    node scripts/test-failures.mjs "$file"
  fi
  if [ "${s:-0}" -gt 0 ]; then
    grep -o '<test [^>]*result="Skip"[^>]*' "$file" | grep -o 'name="[^"]*"' | sed 's/^/    skipped: /'
    grep -o '<reason><!\[CDATA\[[^]]*' "$file" | sed 's/<reason><!\[CDATA\[/    because: /' | sort -u
  fi
done
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
