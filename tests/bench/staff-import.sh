#!/bin/sh
# tests/bench/staff-import.sh BUILD_DIR: staff-import of a large file
# against the sqlite3 shell's `.import --csv` of the same file into a bare
# table, measured in the same run.  staff-import does more (validates
# every field, finds or creates departments and teams, updates by
# employee_id, audits); the issue's target is <= 1.5x:
#
#   bench: staff-import of SIZE rows vs sqlite3 .import --csv: ours ..., baseline ..., ratio Rx (target <= 1.5x)
#
# and the same for a second import of the same employees with changes
# (the update path; every row changes, so every row is audited).  SIZE
# (default 200000) sets the rows; RUNS (default 3) how many fresh imports
# are timed together.  The file is ledger-gen's organisation (243 offices
# of five teams).
set -eu

BUILD=${1:?usage: sh tests/bench/staff-import.sh BUILD_DIR}
. "$(dirname "$0")/lib.sh"

SIZE=${SIZE:-200000}
RUNS=${RUNS:-3}

"$TOOLS/ledger-gen" staff "$SIZE" 243 >staff.csv
# The same employees a grade up.
awk -F, -v OFS=, 'NR > 1 { $3 = $3 % 9 + 1 } { print }' staff.csv >staff2.csv

# Each run starts from a new file: a script that removes it, then imports.
cat >ours.sh <<EOT
rm -f ours.db ours.db-wal ours.db-shm
exec "$BIN/staff-import" -q -d ours.db staff.csv
EOT
cat >base.sh <<\EOT
rm -f base.db base.db-wal base.db-shm
exec sqlite3 base.db "CREATE TABLE employee (employee_id TEXT PRIMARY KEY,
    name TEXT, grade INTEGER, dept TEXT, team TEXT, joined TEXT)" \
    ".import --csv --skip 1 staff.csv employee"
EOT
measure ours "$RUNS" sh ours.sh
measure base "$RUNS" sh base.sh
line "staff-import of $SIZE rows vs sqlite3 .import --csv" "$RUNS" ours base \
    "<= 1.5x"

# The update path, once, on the databases the last runs left.
measure ours 1 "$BIN/staff-import" -q -d ours.db staff2.csv
measure base 1 sqlite3 base.db "CREATE TEMP TABLE t (employee_id TEXT,
    name TEXT, grade INTEGER, dept TEXT, team TEXT, joined TEXT);" \
    ".import --csv --skip 1 staff2.csv t" \
    "INSERT OR REPLACE INTO employee SELECT * FROM t"
line "staff-import of $SIZE rows again, each updated, vs sqlite3" 1 ours \
    base "<= 1.5x"
