#!/usr/bin/env bash
# Adds a migration NAME for all three providers, each into its own assembly.
# Usage: eng/add-migration.sh NAME
# Policy: docs/decisions/0012 (never edit or squash a released migration; each change adds one, to all three).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: eng/add-migration.sh NAME" >&2; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$1" \
    --project "src/PovertyPortal.Migrations.$provider" \
    --startup-project "src/PovertyPortal.Migrations.$provider" \
    --context PortalDbContext --output-dir Migrations
done
