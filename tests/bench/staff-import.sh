#!/bin/sh
# tests/bench/staff-import.sh BUILD_DIR: staff-import of a large file
# against the sqlite3 shell's `.import --csv` of the same file into a bare
# table, measured in the same run.  staff-import does more (validates
# every field, finds or creates departments and teams, updates by
# employee_id, audits), so its target is a ratio, not parity:
#
#   bench: staff-import SIZE rows: ours Ss (peak M MB), baseline Ss (peak M MB), ratio Rx (target <= 2x)
#
# and the same for a second import of the same employees with changes
# (the update path).  SIZE (default 200000) sets the rows; RUNS (default
# 3) how many runs are averaged.  Never fails the build: a missing tool
# skips the run with a note.
set -eu

BUILD=${1:?usage: sh tests/bench/staff-import.sh BUILD_DIR}
case $BUILD in
/*) ;;
*) BUILD=$(pwd)/$BUILD ;;
esac
BIN=$BUILD/bin
SIZE=${SIZE:-200000}
RUNS=${RUNS:-3}
TIME=/usr/bin/time

for tool in "$TIME" sqlite3 awk; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench: staff-import: skipped ($tool not found)"
		exit 0
	fi
done

W=$(mktemp -d "${TMPDIR:-/tmp}/inno-bench-staff.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
cd "$W"
unset INNO_CONFIG INNO_NOW
HOME=$W
export HOME

# gen GRADE_SHIFT: SIZE employees in 40 departments of 5 teams each.
gen() {
	awk -v n="$SIZE" -v s="$1" 'BEGIN {
		print "employee_id,name,grade,dept,team,joined"
		for (i = 1; i <= n; i++)
			printf "E%07d,직원 %d호,%d,부서%02d,팀%d,%04d-%02d-%02d\n",
			    i, i, (i + s) % 9 + 1, i % 40, i % 5,
			    1990 + i % 30, i % 12 + 1, i % 28 + 1
	}'
}
gen 0 >staff.csv
gen 1 >staff2.csv

# run OUT CMD...: appends "seconds kilobytes" of one run of CMD to OUT.
run() {
	out=$1
	shift
	if ! "$TIME" -f '%e %M' -a -o "$out" "$@" >/dev/null 2>run.err; then
		echo "bench: staff-import: a run failed: $*" >&2
		cat run.err >&2
		exit 1
	fi
}

# report NAME OURS BASE TARGET: the mean time and largest peak of each.
report() {
	awk -v name="$1" -v target="$4" '
	FNR == 1 { f++ }
	f == 1 { ot += $1; on++; if ($2 > om) om = $2 }
	f == 2 { bt += $1; bn++; if ($2 > bm) bm = $2 }
	END {
		ot /= on; bt /= bn
		fmt = "bench: %s: ours %.3fs (peak %.1f MB), baseline %.3fs"
		fmt = fmt " (peak %.1f MB), ratio %.2fx (target <= %sx)\n"
		printf fmt, name, ot, om / 1024, bt, bm / 1024,
		    (bt > 0 ? ot / bt : 0), target
	}' "$2" "$3"
}

fresh() {
	rm -f "$1" "$1-wal" "$1-shm"
}

i=0
while [ $i -lt "$RUNS" ]; do
	fresh ours.db
	run import.ours "$BIN/staff-import" -q -d ours.db staff.csv
	run update.ours "$BIN/staff-import" -q -d ours.db staff2.csv
	fresh base.db
	sqlite3 base.db "CREATE TABLE employee (employee_id TEXT PRIMARY KEY,
	    name TEXT, grade INTEGER, dept TEXT, team TEXT, joined TEXT)"
	run import.base sqlite3 base.db ".import --csv --skip 1 staff.csv employee"
	run update.base sqlite3 base.db "CREATE TEMP TABLE t (employee_id TEXT,
	    name TEXT, grade INTEGER, dept TEXT, team TEXT, joined TEXT);" \
	    ".import --csv --skip 1 staff2.csv t" \
	    "INSERT OR REPLACE INTO employee SELECT * FROM t"
	i=$((i + 1))
done
report "staff-import $SIZE rows" import.ours import.base 2
report "staff-import $SIZE rows again, updating" update.ours update.base 2
