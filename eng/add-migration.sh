#!/usr/bin/env bash
# Adds a migration NAME for all three providers, each into its own assembly.
# Usage: eng/add-migration.sh NAME
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
