#!/usr/bin/env bash
# Runs every test project of PovertyPortal, as CI does (.ci/run calls this script).
#  - installs what the tests need when it is missing (Debian/Ubuntu, as root): PostgreSQL, Chromium, CJK fonts, poppler;
#  - starts a throwaway PostgreSQL cluster on 127.0.0.1 and stops it again (by its own pg_ctl);
#  - exits non-zero on any failure. With CI=true a missing prerequisite is a failure, never a skipped test.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/artifacts/test-results"
mkdir -p "$results"
rm -f "$results"/*.failed

log() { printf '\n== %s\n' "$*"; }
fail() { printf 'eng/test.sh: %s\n' "$*" >&2; exit 1; }

# --- prerequisites ---------------------------------------------------------------------------------------------
need_packages=()
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_packages+=(postgresql)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_packages+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi "WenQuanYi" || need_packages+=(fonts-wqy-microhei)
command -v pdftoppm >/dev/null || need_packages+=(poppler-utils)

if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${need_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  else
    fail "missing ${need_packages[*]}: install them (Debian: apt-get install ${need_packages[*]}) or run as root"
  fi
fi
[ -x "$pg_bin/initdb" ] || fail "PostgreSQL's initdb not found under /usr/lib/postgresql"
[ -x /usr/bin/chromium ] || fail "Chromium not found at /usr/bin/chromium"

# --- a throwaway PostgreSQL on 127.0.0.1 ------------------------------------------------------------------------
pgdata="$(mktemp -d /tmp/povertyportal-pg.XXXXXX)"
pgport="${PORTAL_TEST_PG_PORT:-$(( 54330 + RANDOM % 500 ))}"
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
stop_pg() {
  as_pg "'$pg_bin/pg_ctl' -D '$pgdata' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pgdata"
}
trap stop_pg EXIT
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdata"
chmod 700 "$pgdata"
log "starting PostgreSQL on 127.0.0.1:$pgport"
as_pg "'$pg_bin/initdb' -D '$pgdata' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "'$pg_bin/pg_ctl' -D '$pgdata' -l '$pgdata/server.log' -w start -o \"-p $pgport -c listen_addresses=127.0.0.1 -k '$pgdata' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\"" >/dev/null
export PORTAL_SCREENSHOTS="$results/screenshots"
export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Pooling=true"

# --- build and test -----------------------------------------------------------------------------------------------
log "building"
dotnet tool restore >/dev/null
dotnet build PovertyPortal.sln -c Release -nologo -clp:ErrorsOnly

status=0
for project in tests/PovertyPortal.Tests tests/PovertyPortal.IntegrationTests tests/PovertyPortal.BrowserTests; do
  name="$(basename "$project")"
  log "testing $name"
  # The output is kept so that the failures can be named again at the end, where a truncated CI log still shows them.
  if ! dotnet test --project "$project" -c Release --no-build --results-directory "$results/$name" 2>&1 | tee "$results/$name.log"; then
    status=1
  fi
done

# --- load smoke: two instances behind nginx, 50 circuits for 30 s with a rolling restart (issue 21) ----------------
# The full run (1,000 circuits) is `eng/load-test.sh` (README); this short one proves the setup works on every change.
log "load smoke: 2 instances behind nginx, 50 circuits, 30 s, instance 1 restarted midway"
export PORTAL_CLUSTER_DIR="$(mktemp -d /tmp/povertyportal-cluster.XXXXXX)"
cluster_port=$(( 18080 + RANDOM % 500 ))
stop_cluster() { "$root/deploy/cluster.sh" stop >/dev/null 2>&1 || true; rm -rf "$PORTAL_CLUSTER_DIR"; stop_pg; }
trap stop_cluster EXIT
if ! "$root/eng/load-test.sh" --smoke --port "$cluster_port" --no-build --out "$results/load-smoke" 2>&1 | tee "$results/load-smoke.log"; then
  status=1
  echo "failed load smoke (see artifacts/test-results/load-smoke.log)" >> "$results/load-smoke.failed"
fi

if [ $status -ne 0 ]; then
  log "failed tests"
  grep -h -A 12 -E '^[[:space:]]*failed ' "$results"/*.log | head -n 200 || true
  cat "$results"/*.failed 2>/dev/null || true
  echo "eng/test.sh: some tests failed (results under artifacts/test-results)" >&2
else
  echo "eng/test.sh: all test projects passed; screenshots under artifacts/test-results"
fi
exit $status
