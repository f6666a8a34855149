#!/usr/bin/env bash
# The load test of issue 21: starts deploy/cluster.sh (nginx, two instances, PostgreSQL, all on 127.0.0.1), drives real
# Blazor circuits through nginx with tests/PovertyPortal.LoadTests, restarts instance 1 midway, stops everything.
#
#   eng/load-test.sh                  the full run: 100 → 1,000 circuits in steps, about 15 minutes (docs/benchmarks.md)
#   eng/load-test.sh --smoke          50 circuits for 30 s (eng/test.sh runs this in CI)
#   options: --circuits N --steps a,b,c --hold S --rate R (new circuits a second) --port P --no-build --no-restart
#            --out DIR --keep (leave the cluster up)
# Exits non-zero when a check fails: p95 over 200 ms, a forced sign-out, a failed save, a circuit that did not start.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

smoke=0; circuits=1000; steps=""; hold=60; rate=4; port=8080; build=1; restart=1; out="$root/artifacts/load"; keep=0
memory_args=(--memory-limit 1)
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1; shift ;;
    --circuits) circuits="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --hold) hold="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-restart) restart=0; shift ;;
    --out) out="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
# The smoke run checks behaviour (sign-outs, saves, p95); memory per circuit over 50 circuits is noise, so not held to a limit.
if [ "$smoke" = 1 ]; then circuits=50; steps=50; hold=30; rate=2; memory_args=(); fi
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

restart_args=()
if [ "$restart" = 1 ]; then
  # The restart gets a step of its own, after the last one and with as many circuits: the steps before it are measured
  # undisturbed, and this one shows what the restart costs while the most circuits are open.
  count=$(echo "$steps" | tr ',' '\n' | wc -l)
  last="${steps##*,}"
  steps="$steps,$last"
  # 5 s into the restart step's own window, whatever time the ramp before it took.
  restart_args=(--restart-step $(( count + 1 )) --restart-at 5 --restart-command "$root/deploy/cluster.sh restart 1")
fi

mkdir -p "$out"
PORTAL_LOAD_PASSWORD="Demo@2026-Portal" dotnet run --project tests/PovertyPortal.LoadTests -c Release --no-build -- \
  --url "http://127.0.0.1:$port" --circuits "$circuits" --steps "$steps" --hold "$hold" --ramp-rate "$rate" --warmup 20 \
  --duration $(( circuits / rate + hold * 8 + 120 )) --users township,township2,leader,member --browser-per-user \
  --server-pids-command "cat '$PORTAL_CLUSTER_DIR'/instance*.pid" "${restart_args[@]}" "${memory_args[@]}" --out "$out" --check
