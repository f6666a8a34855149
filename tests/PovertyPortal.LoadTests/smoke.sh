#!/usr/bin/env bash
# The load client's smoke run (issue 21; for CI): a throwaway portal on SQLite with the demo county, then 50 real
# circuits for about 30 s (steps 10, 25, 50) with --check. Exits non-zero when the check fails. Run from anywhere
# after `dotnet build PovertyPortal.sln`; extra arguments go to the load client (e.g. --p95-limit 400 on a slow
# runner). The portal is started here and stopped by its PID; its data folder is deleted.
#   tests/PovertyPortal.LoadTests/smoke.sh [load client options]
# Environment: SMOKE_PORT (5291), CONFIGURATION (Debug), SMOKE_OUT (artifacts/load/smoke).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
port=${SMOKE_PORT:-5291}
config=${CONFIGURATION:-Debug}
out=${SMOKE_OUT:-$root/artifacts/load/smoke}
app_dll=$root/src/PovertyPortal.Web/bin/$config/net10.0/PovertyPortal.Web.dll
load_dll=$root/tests/PovertyPortal.LoadTests/bin/$config/net10.0/PovertyPortal.LoadTests.dll
for f in "$app_dll" "$load_dll"; do [[ -f $f ]] || { echo "missing $f: build first" >&2; exit 2; }; done

data=$(mktemp -d)
app=""
cleanup() {
  if [[ -n $app ]]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

# The web project's folder is the content root (appsettings, demo seeds). Sign-in limits are raised and the second
# factor is off: 50 circuits sign four accounts in within a second, from one address.
(cd "$root/src/PovertyPortal.Web" && exec env ASPNETCORE_ENVIRONMENT=Development \
  Security__TwoFactorRequiredRoles= Security__SignInPermitsPerAddress=100000 Security__SignInPermitsPerAccount=100000 \
  Storage__DataDirectory="$data" PersonalData__KeyFile="$data/keys.json" DataProtection__KeysDirectory="$data/dp" \
  DataChecks__Nightly=false dotnet "$app_dll" --urls "http://127.0.0.1:$port" > "$data/portal.log" 2>&1) &
app=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null -m 2 "http://127.0.0.1:$port/account/login" && break
  kill -0 "$app" 2>/dev/null || { echo "the portal did not start:" >&2; tail -20 "$data/portal.log" >&2; exit 2; }
  sleep 0.5
done

PORTAL_LOAD_PASSWORD='Demo@2026-Portal' dotnet "$load_dll" --url "http://127.0.0.1:$port" \
  --steps 10,25,50 --hold 10 --think 1-3 --duration 60 --warmup 15 --ramp-rate 10 \
  --users township,township2,leader,member --server-pids "$app" --out "$out" --check "$@"
