#!/bin/sh
# tests/bench/mileage.sh BUILD_DIR: the mileage benchmarks of issue 15 on
# a generated organisation (ledger-gen: STAFF employees in 243 offices)
# and generated ledgers, each against a baseline measured in the same run:
#
#   1. a SIZE-row validated mileage-award batch against the sqlite3 shell's
#      `.import --csv` of the same file into a bare table (target <= 1.5x,
#      peak <= 16 MB); with BIG given, the same at BIG rows;
#   2. mileage-mvp --month, and --year --top=5, on a ten-year ledger of
#      BIG entries against the same on a shorter ledger of LEDGER entries
#      at the same rate (the office's history grown from LEDGER * 10 / BIG
#      years to ten: a month holds as many entries in both, so the line
#      shows what the ledger's length costs) (target <= 1.1x), and
#      against the best single SQL query in sqlite3 on the BIG ledger,
#      whose answer is checked against ours (target <= 0.2x);
#   3. one mileage-award call against the minimal C insert
#      (mileage-insert1.c) on the BIG ledger, CALLS calls each (target
#      <= 1.1x).
#
# Sizes: SIZE (default 1000000), LEDGER (1000000), BIG (2000000; 10000000
# for the issue's scale), STAFF (300000), CALLS (200); BATCH=0 leaves out
# the batch lines, for a run of the ledger lines alone.  The ledgers are
# written by `ledger-gen ledger` straight into a database staff-import
# made; LEDGER_VIA=award loads them through mileage-award instead.
# Each comparison prints one line (see tests/bench/lib.sh).
set -eu

BUILD=${1:?usage: sh tests/bench/mileage.sh BUILD_DIR}
. "$(dirname "$0")/lib.sh"

SIZE=${SIZE:-1000000}
LEDGER=${LEDGER:-1000000}
big_batch=${BIG:+yes}
BIG=${BIG:-2000000}
STAFF=${STAFF:-300000}
OFFICES=243
# In the last year, which both ledgers hold (ledger-gen ends in 2025).
MONTH=2025-06
YEAR=2025

ledger_config inno.ini
INNO_CONFIG=$W/inno.ini
export INNO_CONFIG

# The organisation, once; every database starts as a copy of it.
"$TOOLS/ledger-gen" staff "$STAFF" "$OFFICES" >staff.csv
"$BIN/staff-import" -q -d staff.db staff.csv
rm -f staff.csv

# batch ROWS YEARS: the validated batch of ROWS events against .import.
batch() {
	"$TOOLS/ledger-gen" awards "$1" "$2" "$STAFF" >batch.csv
	cp staff.db batch.db
	measure ours 1 "$BIN/mileage-award" -q -d batch.db batch.csv
	rm -f bare.db
	measure base 1 sqlite3 bare.db ".import --csv batch.csv bare"
	rows=$(sqlite3 batch.db "SELECT count(*) FROM mileage")
	bare=$(sqlite3 bare.db "SELECT count(*) FROM bare")
	if [ "$rows" != "$1" ] || [ "$bare" != "$1" ]; then
		echo "bench: $bench: the batch wrote $rows rows, .import" \
		    "$bare" >&2
	fi
	line "mileage-award batch of $1 rows vs sqlite3 .import --csv" 1 \
	    ours base "<= 1.5x, peak <= 16 MB"
	rm -f batch.csv batch.db batch.db-wal bare.db
}
if [ "${BATCH:-1}" != 0 ]; then
	batch "$SIZE" 1
	[ -z "$big_batch" ] || batch "$BIG" 10
fi

# ledger DB ENTRIES YEARS: a ledger of ENTRIES events over YEARS in DB.
ledger() {
	cp staff.db "$1"
	if [ "${LEDGER_VIA:-}" = award ]; then
		"$TOOLS/ledger-gen" awards "$2" "$3" "$STAFF" >ledger.csv
		"$BIN/mileage-award" -q -d "$1" ledger.csv
		rm -f ledger.csv
	else
		"$TOOLS/ledger-gen" ledger "$1" "$2" "$3"
	fi
	if ! "$BIN/inno-check" -q -d "$1" >check.out 2>&1; then
		echo "bench: $bench: inno-check on the generated ledger:" >&2
		head -5 check.out >&2
	fi
}
# The small ledger at the big one's rate: LEDGER * 10 / BIG years.
small_years=$((LEDGER * 10 / BIG))
[ "$small_years" -ge 1 ] || small_years=1
ledger small.db "$LEDGER" "$small_years"
ledger big.db "$BIG" 10

# The month's MVP as one SQL query: the person and the department (points
# per head of the staff employed in the month) with the most innovation
# points, more entries then the id or name breaking ties, as the [mvp]
# settings say.  Departments one at a time, through mileage_dept.
first=$MONTH-01
last=$MONTH-31
cat >month.sql <<EOT
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
# The year's ranking as one SQL query, in mileage-mvp's CSV.
cat >year.sql <<EOT
.headers on
.mode csv
SELECT rank, employee_id, name, dept, innovation, cs, points FROM (
  SELECT rank() OVER (ORDER BY sum(m.points) DESC) AS rank,
    e.employee_id, e.name, d.name AS dept,
    coalesce(sum(CASE m.kind WHEN 'innovation' THEN m.points END), 0)
      AS innovation,
    coalesce(sum(CASE m.kind WHEN 'cs' THEN m.points END), 0) AS cs,
    sum(m.points) AS points
  FROM mileage m JOIN employee e ON e.id = m.employee_id
    JOIN dept d ON d.id = e.dept_id
  WHERE m.date BETWEEN '$YEAR-01-01' AND '$YEAR-12-31'
  GROUP BY m.employee_id)
WHERE rank <= 5 ORDER BY rank, innovation DESC, employee_id;
EOT

# compare WHAT ARGS...: mileage-mvp ARGS on the big ledger against the
# small one, then against the SQL query of what.sql on the big one.  A
# month is decided with -n: a run stores nothing, as the query does not.
compare() {
	what=$1
	shift
	measure probe 1 -o ours.out "$BIN/mileage-mvp" -q -d big.db "$@" \
	    --format=csv
	n=$(runs "$probe_s")
	measure big "$n" -o ours.out "$BIN/mileage-mvp" -q -d big.db "$@" \
	    --format=csv
	measure small "$n" "$BIN/mileage-mvp" -q -d small.db "$@" \
	    --format=csv
	line "mileage-mvp $* on $BIG entries vs on $LEDGER" "$n" big small \
	    "<= 1.1x"
	measure sql "$n" -i "$what.sql" -o sql.out sqlite3 big.db
	if [ "$what" = month ]; then
		awk -F, 'NR == 2 { p = $3 } NR == 3 { d = $5 }
		    END { print p "|" d }' ours.out >ours.ans
		mv ours.ans ours.out
	fi
	same "mileage-mvp $*" ours.out sql.out
	line "mileage-mvp $* on $BIG entries vs one sqlite3 query" "$n" \
	    big sql "<= 0.2x"
}
compare month -n --month=$MONTH
compare year --year=$YEAR --top=5

# One award against the minimal C insert, on the big ledger.
n=${CALLS:-200}
measure ours "$n" "$BIN/mileage-award" -q -d big.db --employee-id=S0000001 \
    --category=idea.adopted --date=2025-12-28 --reason=bench
measure base "$n" "$TOOLS/mileage-insert1" big.db
line "one mileage-award call vs a minimal C insert, at $BIG entries" "$n" \
    ours base "<= 1.1x"
