#!/bin/sh
# tests/bench/mileage.sh BUILD_DIR: the mileage benchmarks of issue 4,
# each against a baseline measured in the same run:
#
#   1. a SIZE-row validated mileage-award batch against the sqlite3 shell's
#      `.import --csv` of the same file into a bare table (target <= 1.5x);
#   2. the peak memory of a 10 x SIZE-row batch against the SIZE-row one
#      (target: the same);
#   3. one mileage-award call against a minimal C program that opens the
#      same database and inserts one row (target <= 1.3x);
#   4. mileage-mvp --month on the ledger the big batch left, against the
#      best single SQL query for the same answer in sqlite3 (target <= 1.2x).
#
# Each comparison prints one line:
#   bench: NAME: ours Ss (peak M MB), baseline Ss (peak M MB), ratio Rx (target <= Tx)
#
# SIZE (default 1000000) sets the batch; BIG (default 10 x SIZE) the big
# batch and so the ledger; CALLS (default 20) how many single calls are
# averaged.  SIZE=10000 gives a quick run.  Benchmarks never fail the build:
# a missing tool skips the run with a note.
set -eu

BUILD=${1:?usage: sh tests/bench/mileage.sh BUILD_DIR}
case $BUILD in
/*) ;;
*) BUILD=$(pwd)/$BUILD ;;
esac
BIN=$BUILD/bin
SRC=$(cd "$(dirname "$0")" && pwd)
SIZE=${SIZE:-1000000}
BIG=${BIG:-$((SIZE * 10))}
CALLS=${CALLS:-20}
TIME=/usr/bin/time

for tool in "$TIME" sqlite3 cc awk; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench: mileage: skipped ($tool not found)"
		exit 0
	fi
done

W=$(mktemp -d "${TMPDIR:-/tmp}/inno-bench-mileage.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
cd "$W"

# The configuration: three categories with ranges, caps that are checked
# on every row (and never reached), and the MVP rules the SQL baseline
# reproduces.
cat >inno.ini <<\EOT
[mileage]
person_month_cap = 1000000
[mileage.idea.adopted]
points = 10
min = 1
max = 50
[mileage.contest.prize]
points = 30
min = 10
max = 100
month_cap = 1000000
[mileage.cs.praise]
points = 5
min = 1
max = 20
kind = cs
[mvp]
kinds = innovation
dept_score = per_head
person_tie_break = entries
dept_tie_break = entries
EOT
INNO_CONFIG=$W/inno.ini
INNO_DB=$W/inno.db
export INNO_CONFIG INNO_DB
unset INNO_NOW

# 1,000 employees in 20 departments.
awk 'BEGIN { print "employee_id,name,grade,dept,joined";
    for (i = 1; i <= 1000; i++)
	printf "E%04d,직원%d,%d,부서%02d,1999-01-01\n", i, i, 5 + i % 5, i % 20 }' \
    >staff.csv

# gen N YEARS: N events as another system exports them, in date order over
# YEARS years from 2001, 28 days a month, employees and categories mixed.
gen() {
	awk -v n="$1" -v years="$2" 'BEGIN {
	    print "employee_id,date,category,points,reason,ref"
	    split("idea.adopted contest.prize cs.praise", c, " ")
	    split("10 30 5", p, " ")
	    days = years * 336
	    for (i = 0; i < n; i++) {
		k = 1 + i % 3; d = int(i * days / n)
		printf "E%04d,%04d-%02d-%02d,%s,%d,r%d,\n",
		    1 + (i * 7919) % 1000, 2001 + int(d / 336),
		    1 + int((d % 336) / 28), 1 + d % 28, c[k], p[k], i
	    } }'
}

# run OUT CMD...: runs CMD, appending "seconds kilobytes" to OUT.
run() {
	out=$1
	shift
	if ! "$TIME" -f '%e %M' -a -o "$out" "$@" >/dev/null 2>run.err; then
		echo "bench: mileage: failed: $*" >&2
		cat run.err >&2
		exit 0
	fi
}

# report NAME OURS BASE TARGET [peak]: OURS and BASE are files of
# "seconds kilobytes" lines; the mean time and the largest peak of each
# are compared, by time or, with "peak", by peak memory.
report() {
	awk -v name="$1" -v target="$4" -v by="${5:-time}" '
	    FILENAME == ARGV[1] { ot += $1; on++; if ($2 > om) om = $2 }
	    FILENAME == ARGV[2] { bt += $1; bn++; if ($2 > bm) bm = $2 }
	    END {
		ot /= on; bt /= bn
		if (by == "peak")
			r = bm > 0 ? om / bm : 0
		else
			r = bt > 0 ? ot / bt : 0
		printf "bench: %s: ours %.3fs (peak %.1f MB), baseline %.3fs " \
		    "(peak %.1f MB), ratio %.2fx (target <= %sx)\n", name, ot,
		    om / 1024, bt, bm / 1024, r, target
	    }' "$2" "$3"
}

fresh() {
	rm -f inno.db inno.db-wal inno.db-shm
	"$BIN/staff-import" -q staff.csv
}

# 1. The batch against .import.
gen "$SIZE" 1 >batch.csv
fresh
run batch.ours "$BIN/mileage-award" -q batch.csv
rm -f bare.db
run batch.base sqlite3 bare.db -cmd ".import --csv batch.csv bare" </dev/null
rows=$(sqlite3 "$INNO_DB" "SELECT count(*) FROM mileage")
base=$(sqlite3 bare.db "SELECT count(*) FROM bare")
if [ "$rows" != "$SIZE" ] || [ "$base" != "$SIZE" ]; then
	echo "bench: mileage: the batch wrote $rows rows, .import $base" >&2
fi
report "mileage-award batch of $SIZE rows vs sqlite3 .import" \
    batch.ours batch.base 1.5

# 2. Peak memory at 10 x SIZE rows against SIZE rows; the runner streams
# its input, so only SQLite's fixed cache should grow.
fresh
gen "$BIG" 10 >big.csv
run big.ours "$BIN/mileage-award" -q big.csv
rm -f big.csv
report "mileage-award peak memory at $BIG rows vs $SIZE rows" \
    big.ours batch.ours 1.1 peak

# 3. One award against the minimal C program, on the big ledger.
cc -O2 -o insert1 "$SRC/mileage-insert1.c" -lsqlite3
i=0
while [ "$i" -lt "$CALLS" ]; do
	i=$((i + 1))
	run one.ours "$BIN/mileage-award" -q --employee-id=E0001 \
	    --category=idea.adopted --date=2010-12-28 --reason=bench
	run one.base ./insert1 "$INNO_DB"
done
report "one mileage-award call vs a minimal C insert (mean of $CALLS)" \
    one.ours one.base 1.3

# 4. The month's MVP against one SQL query giving the same answer: the
# person and the department (points per head of the staff employed in the
# month) with the most innovation points, more entries then the id or
# name breaking ties, as the [mvp] settings above say.
month=2006-06
first=$month-01
last=$month-30
cat >mvp.sql <<EOT
SELECT (SELECT e.employee_id FROM mileage m JOIN employee e
    ON e.id = m.employee_id
  WHERE m.dept_id IN (SELECT id FROM dept)
    AND m.date BETWEEN '$first' AND '$last' AND m.kind = 'innovation'
  GROUP BY m.employee_id HAVING sum(m.points) >= 1
  ORDER BY sum(m.points) DESC,
    sum(CASE WHEN m.reverses IS NULL THEN 1 ELSE -1 END) DESC,
    e.employee_id LIMIT 1),
 (SELECT d.name FROM mileage m JOIN dept d ON d.id = m.dept_id
  WHERE m.dept_id IN (SELECT id FROM dept)
    AND m.date BETWEEN '$first' AND '$last' AND m.kind = 'innovation'
  GROUP BY m.dept_id HAVING sum(m.points) >= 1
  ORDER BY sum(m.points) * 1.0 / (SELECT count(*) FROM employee e
      WHERE e.dept_id = m.dept_id
	AND (e.joined IS NULL OR e.joined <= '$last')
	AND (e.left IS NULL OR e.left >= '$first')) DESC,
    sum(CASE WHEN m.reverses IS NULL THEN 1 ELSE -1 END) DESC,
    d.name LIMIT 1);
EOT
"$BIN/mileage-mvp" -q --month=$month --format=csv >mvp.out
want=$(awk -F, 'NR == 2 { p = $3 } NR == 3 { d = $5 } END { print p "|" d }' \
    mvp.out | tr -d '\r')
got=$(sqlite3 "$INNO_DB" <mvp.sql)
if [ "$want" != "$got" ]; then
	echo "bench: mileage: the SQL baseline answers $got, mileage-mvp $want" >&2
fi
for i in 1 2 3; do
	run mvp.ours "$BIN/mileage-mvp" -q --month=$month
	run mvp.base sqlite3 "$INNO_DB" <mvp.sql
done
entries=$(sqlite3 "$INNO_DB" "SELECT count(*) FROM mileage")
report "mileage-mvp --month on $entries entries vs one sqlite3 query (mean of 3)" \
    mvp.ours mvp.base 1.2
