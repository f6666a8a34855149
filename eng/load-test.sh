#!/usr/bin/env bash
# The load test of issue 21: starts deploy/cluster.sh (nginx, two instances, PostgreSQL, all on 127.0.0.1), drives real
# Blazor circuits through nginx with tests/PovertyPortal.LoadTests, restarts instance 1 midway, stops everything.
#
#   eng/load-test.sh                  the full run: 100 → 1,000 circuits in steps, about 15 minutes (docs/benchmarks.md)
#   eng/load-test.sh --smoke          50 circuits for 30 s (eng/test.sh runs this in CI)
#   options: --circuits N --steps a,b,c --hold S --port P --no-build --no-restart --out DIR --keep (leave the cluster up)
# Exits non-zero when a check fails: p95 over 200 ms, a forced sign-out, a failed save, a circuit that did not start.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

smoke=0; circuits=1000; steps=""; hold=90; port=8080; build=1; restart=1; out="$root/artifacts/load"; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1; shift ;;
    --circuits) circuits="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --hold) hold="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-restart) restart=0; shift ;;
    --out) out="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ "$smoke" = 1 ]; then circuits=50; steps=50; hold=30; fi
[ -n "$steps" ] || steps="100,250,500,750,$circuits"

export PORTAL_CLUSTER_DIR="${PORTAL_CLUSTER_DIR:-/tmp/povertyportal-cluster}"
# Every simulated user comes from 127.0.0.1: the sign-in limits per address are for real offices, not for this.
export PORTAL_CLUSTER_ENV="Security__SignInPermitsPerAddress=1000000 Security__SignInPermitsPerAccount=1000000 ${PORTAL_CLUSTER_ENV:-}"
stop_cluster() { [ "$keep" = 1 ] || "$root/deploy/cluster.sh" stop; }
trap stop_cluster EXIT

if [ "$build" = 1 ]; then
  dotnet build tests/PovertyPortal.LoadTests -c Release -nologo -clp:ErrorsOnly
  "$root/deploy/cluster.sh" start --port "$port"
else
  "$root/deploy/cluster.sh" start --port "$port" --no-build
fi
pids="$("$root/deploy/cluster.sh" status | sed -n 's/^cluster: pids: //p')"

restart_args=()
if [ "$restart" = 1 ]; then
  # Midway through the last step: the most circuits are open when instance 1 goes.
  count=$(echo "$steps" | tr ',' '\n' | wc -l)
  at=$(( hold * count - hold / 2 ))
  restart_args=(--restart-at "$at" --restart-command "$root/deploy/cluster.sh restart 1")
fi

mkdir -p "$out"
PORTAL_LOAD_PASSWORD="Demo@2026-Portal" dotnet run --project tests/PovertyPortal.LoadTests -c Release --no-build -- \
  --url "http://127.0.0.1:$port" --circuits "$circuits" --steps "$steps" --hold "$hold" \
  --users township,township2,leader,member --server-pids "$pids" "${restart_args[@]}" --out "$out" --check
