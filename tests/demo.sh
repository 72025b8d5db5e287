#!/bin/sh
# demo.sh BUILD: builds the example database and shows the organisation.
set -eu
build=${1:-build}
PATH=$(pwd)/$build/bin:$PATH
export PATH
db=$build/demo/inno.db
mkdir -p "$build/demo"
rm -f "$db" "$db-wal" "$db-shm"
staff-import -q -d "$db" --teams share/demo/teams.csv
staff-import -q -d "$db" share/demo/staff.csv
staff-list -d "$db" --by=team --format=table
