#!/bin/sh
# tests/bench/report-council.sh BUILD_DIR: `report-build council` on the
# demo database grown by SIZE extra employees, against the sqlite3 shell
# reading every row of every table once, measured in the same run: any
# report over the whole database must at least read it, so this is the
# floor the report's own work is measured against.
#
#   bench: report-build council: ours Ss (peak M MB), baseline Ss (peak M MB), ratio Rx (target <= 3x)
#
# SIZE (default 100000) sets the extra employees, RUNS (default 5) how many
# runs are averaged.  Skipped with a note until report-build is built;
# never fails the build.
set -eu

BUILD=${1:?usage: sh tests/bench/report-council.sh BUILD_DIR}
case $BUILD in
/*) ;;
*) BUILD=$(pwd)/$BUILD ;;
esac
BIN=$BUILD/bin
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SIZE=${SIZE:-100000}
RUNS=${RUNS:-5}
TIME=/usr/bin/time

for tool in "$TIME" sqlite3 awk "$BIN/report-build"; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench: report-build council: skipped ($tool not found)"
		exit 0
	fi
done

W=$(mktemp -d "${TMPDIR:-/tmp}/inno-bench-report.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
unset INNO_CONFIG
HOME=$W
INNO_NOW=2007-12-31
export HOME INNO_NOW

# The demo database, with its database path pointed into the work dir.
sed -e "s|^db=.*|db=$W/inno.db|" -e "s|^PATH=.*|PATH=$BIN:\$PATH|" \
    -e '/-list \|report-build\|inno-check/d' \
    "$SRC/tests/demo.sh" >"$W/demo.sh"
(cd "$SRC" && sh "$W/demo.sh" "$BUILD") >/dev/null
cd "$W"
awk -v n="$SIZE" 'BEGIN {
	print "employee_id,name,grade,dept,team,joined"
	for (i = 1; i <= n; i++)
		printf "B%07d,직원 %d호,%d,부서%02d,팀%d,2000-01-01\n",
		    i, i, i % 9 + 1, i % 40, i % 5
}' >more.csv
"$BIN/staff-import" -q -d inno.db more.csv
sqlite3 inno.db "SELECT 'SELECT * FROM \"' || name || '\";' FROM sqlite_master
    WHERE type = 'table'" >all.sql

run() {
	out=$1
	shift
	if ! "$TIME" -f '%e %M' -a -o "$out" "$@" >/dev/null 2>run.err; then
		echo "bench: report-build council: a run failed: $*" >&2
		cat run.err >&2
		exit 1
	fi
}

i=0
while [ $i -lt "$RUNS" ]; do
	run ours "$BIN/report-build" -d inno.db --period 2007 \
	    --as-of 2007-12-31 -o report.txt council
	run base sqlite3 inno.db ".read all.sql"
	i=$((i + 1))
done
awk -v name="report-build council" -v target=3 '
FNR == 1 { f++ }
f == 1 { ot += $1; on++; if ($2 > om) om = $2 }
f == 2 { bt += $1; bn++; if ($2 > bm) bm = $2 }
END {
	ot /= on; bt /= bn
	fmt = "bench: %s: ours %.3fs (peak %.1f MB), baseline %.3fs"
	fmt = fmt " (peak %.1f MB), ratio %.2fx (target <= %sx)\n"
	printf fmt, name, ot, om / 1024, bt, bm / 1024,
	    (bt > 0 ? ot / bt : 0), target
}' ours base
