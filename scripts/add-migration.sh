#!/usr/bin/env bash
# Adds one migration to both providers' migration sets: a schema change is never migrated for
# only one engine. Usage: scripts/add-migration.sh <Name>
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh <MigrationName>}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/Trama.Web --context SqliteAppDbContext --output-dir Data/Sqlite/Migrations
dotnet ef migrations add "$name" --project src/Trama.Web --context PostgresAppDbContext --output-dir Data/Postgres/Migrations --no-build
