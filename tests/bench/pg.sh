#!/bin/sh
# tests/bench/pg.sh BUILD_DIR: the programs on PostgreSQL, on a throwaway
# cluster of its own (tests/pg/cluster.sh, stopped however the script
# ends), reached over TCP on 127.0.0.1 as another host would, each against
# a baseline measured in the same run with psql on the same server:
#
#   1. a PG_SIZE-row validated mileage-award batch against psql's \copy of
#      the same CSV into a bare table (target <= 1.5x, peak <= 16 MB);
#   2. one mileage-award call against one psql INSERT of an entry on the
#      ledger of line 3, CALLS calls each (target <= 1.1x);
#   3. mileage-mvp --month on a ledger of PG_LEDGER entries, loaded by a
#      mileage-award batch, against the best single SQL query in psql,
#      whose answer is checked against ours first (target <= 0.2x);
#   4. report-build council on tests/bench/report.sh's database of
#      PG_REPORT ideas (default PG_SIZE) against psql running the same
#      figures' SQL, translated, whose answer is checked first
#      (target <= 1.0x, peak <= 16 MB).
#
# A comparison whose program fails on PostgreSQL prints
#   bench: NAME: not measured: THE ERROR
# instead of a ratio.  Sizes: PG_SIZE (default 20000), PG_LEDGER
# (100000), PG_STAFF (30000 employees in 243 offices), CALLS (200).
# KEEP=1 keeps the work directory, the server's log among it.
set -eu

BUILD=${1:?usage: sh tests/bench/pg.sh BUILD_DIR}
. "$(dirname "$0")/lib.sh"

# Named apart from PG_SIZE and the others: every PG* variable is unset
# below, for libpq's (PGHOST, PGUSER, ...) would point psql elsewhere.
size=${PG_SIZE:-20000}
ledger=${PG_LEDGER:-100000}
staff=${PG_STAFF:-30000}
OFFICES=243
# ledger-gen's awards of one year are in 2025.
MONTH=2025-06

CLUSTER=$SRC/tests/pg/cluster.sh
# The server's programs, found as cluster.sh finds them.
have_server=
for d in /usr/lib/postgresql/*/bin; do
	[ -x "$d/initdb" ] && have_server=yes
done
command -v initdb >/dev/null 2>&1 && have_server=yes
if [ -z "$have_server" ]; then
	echo "bench: $bench: skipped (no PostgreSQL server programs;" \
	    "configure --with-tests installs them)"
	exit 0
fi

# The server goes with the script, however it ends.  Run as root, the
# server runs as the postgres user, which must get through W.
trap 'sh "$CLUSTER" stop "$W/pg" >/dev/null 2>&1
[ -n "${KEEP:-}" ] || rm -rf "$W"' EXIT
trap 'exit 143' INT TERM
if [ "$(id -u)" = 0 ]; then
	chmod 711 "$W"
fi
for v in $(env | sed -n 's/^\(PG[A-Z_]*\)=.*/\1/p'); do
	unset "$v"
done
if ! sh "$CLUSTER" start "$W/pg" >cluster.out 2>&1; then
	echo "bench: $bench: the cluster did not start:" >&2
	cat cluster.out >&2
	exit 1
fi
PSQL=$(cat "$W/pg/bin")/psql
PORT=$(cat "$W/pg/port")

# uri NAME: database NAME of the cluster, over TCP.
uri() {
	echo "postgresql://127.0.0.1:$PORT/$1"
}
# pg DB SQL...: psql on database DB (a name), unaligned, fields split by
# |, the first error ending it.
pg() {
	_db=$1
	shift
	"$PSQL" -X -q -v ON_ERROR_STOP=1 -At -F '|' -d "$(uri "$_db")" "$@"
}
# createdb NAME [TEMPLATE]: a new database, empty or a copy of TEMPLATE.
createdb() {
	pg postgres -c "CREATE DATABASE $1${2:+ TEMPLATE $2}"
}
# mark: where the server's log is now, for why.
mark() {
	log_mark=$(wc -l <"$W/pg/log")
}
# why [FILE]: the first line of what the failed run said (timeit.err or
# FILE), and the first error the server logged since mark, which is the
# cause where the program's message is about a later statement.
why() {
	_said=$(sed -n 1p "${1:-timeit.err}")
	_server=$(sed -n "$((log_mark + 1)),\$ s/^.* ERROR:  //p" "$W/pg/log" |
	    sed -n 1p)
	if [ -n "$_server" ]; then
		echo "$_said (the server: ERROR: $_server)"
	else
		echo "$_said"
	fi
}

ledger_config inno.ini
INNO_CONFIG=$W/inno.ini
export INNO_CONFIG

# The organisation, once; the databases of the lines are copies of it.
"$TOOLS/ledger-gen" staff "$staff" "$OFFICES" >staff.csv
createdb staff
"$BIN/staff-import" -q -d "$(uri staff)" staff.csv
rm -f staff.csv

# 1. The validated batch against \copy into a table of its columns.
name="pg mileage-award batch of $size rows vs psql COPY FROM the CSV"
"$TOOLS/ledger-gen" awards "$size" 1 "$staff" >batch.csv
createdb batch staff
createdb bare
pg bare -c "CREATE TABLE bare (employee_id text, date text,
    category text, points text, reason text, ref text)"
mark
if attempt ours 1 "$BIN/mileage-award" -q -d "$(uri batch)" batch.csv; then
	measure base 1 "$PSQL" -X -q -d "$(uri bare)" \
	    -c "\\copy bare FROM 'batch.csv' WITH (FORMAT csv, HEADER)"
	rows=$(pg batch -c "SELECT count(*) FROM mileage")
	bare=$(pg bare -c "SELECT count(*) FROM bare")
	if [ "$rows" != "$size" ] || [ "$bare" != "$size" ]; then
		echo "bench: $bench: the batch wrote $rows rows, \\copy" \
		    "$bare" >&2
	fi
	line "$name" 1 ours base "<= 1.5x, peak <= 16 MB"
else
	not_measured "$name" "$(why)"
fi
rm -f batch.csv
pg postgres -c "DROP DATABASE batch" -c "DROP DATABASE bare"

# The ledger of lines 2 and 3, loaded by a batch.
createdb ledger staff
"$TOOLS/ledger-gen" awards "$ledger" 1 "$staff" >ledger.csv
ledger_why=
mark
if ! "$BIN/mileage-award" -q -d "$(uri ledger)" ledger.csv 2>load.err; then
	ledger_why="the ledger of $ledger entries did not load:"
	ledger_why="$ledger_why $(why load.err)"
fi
rm -f ledger.csv
entries=$(pg ledger -c "SELECT count(*) FROM mileage")

# 3. The month's MVP as one SQL query, as tests/bench/mileage.sh has it
# for sqlite3: the person and the department (points per head of the
# staff employed in the month) with the most innovation points, more
# entries then the id or name breaking ties, as the [mvp] settings say.
first=$MONTH-01
last=$MONTH-31
cat >month.sql <<EOT
SELECT (SELECT e.employee_id FROM mileage m JOIN employee e
    ON e.id = m.employee_id
  WHERE m.dept_id IN (SELECT id FROM dept)
    AND m.date BETWEEN '$first' AND '$last' AND m.kind = 'innovation'
  GROUP BY e.employee_id HAVING sum(m.points) >= 1
  ORDER BY sum(m.points) DESC,
    sum(CASE WHEN m.reverses IS NULL THEN 1 ELSE -1 END) DESC,
    e.employee_id LIMIT 1)
 || '|' ||
 (SELECT d.name FROM mileage m JOIN dept d ON d.id = m.dept_id
  WHERE m.date BETWEEN '$first' AND '$last' AND m.kind = 'innovation'
  GROUP BY d.id, d.name HAVING sum(m.points) >= 1
  ORDER BY sum(m.points) * 1.0 / (SELECT count(*) FROM employee e
      WHERE e.dept_id = d.id
	AND (e.joined IS NULL OR e.joined <= '$last')
	AND (e."left" IS NULL OR e."left" >= '$first')) DESC,
    sum(CASE WHEN m.reverses IS NULL THEN 1 ELSE -1 END) DESC,
    d.name LIMIT 1);
EOT
name="pg mileage-mvp -n --month=$MONTH on $entries entries vs one psql query"
mark
if [ -n "$ledger_why" ]; then
	not_measured "$name" "$ledger_why"
elif ! attempt probe 1 -o ours.out "$BIN/mileage-mvp" -q -d "$(uri ledger)" \
    -n --month=$MONTH --format=csv; then
	not_measured "$name" "$(why)"
else
	n=$(runs "$probe_s")
	measure ours "$n" -o ours.out "$BIN/mileage-mvp" -q -d "$(uri ledger)" \
	    -n --month=$MONTH --format=csv
	measure base "$n" -i month.sql -o sql.out "$PSQL" -X -q -At \
	    -d "$(uri ledger)"
	awk -F, 'NR == 2 { p = $3 } NR == 3 { d = $5 } END { print p "|" d }' \
	    ours.out >ours.ans
	same "mileage-mvp --month=$MONTH" ours.ans sql.out
	line "$name" "$n" ours base "<= 0.2x"
fi

# 2. One award against one INSERT of the same entry, as little as psql
# can do to add one (no configuration, validation, caps or audit row).
n=${CALLS:-200}
name="pg one mileage-award call vs one psql INSERT, at $entries entries"
mark
if attempt ours "$n" "$BIN/mileage-award" -q -d "$(uri ledger)" \
    --employee-id=S0000001 --category=idea.adopted --date=2025-12-28 \
    --reason=bench; then
	measure base "$n" "$PSQL" -X -q -d "$(uri ledger)" -c "INSERT INTO
	    mileage (date, employee_id, dept_id, category, kind, points,
	    reason) SELECT '2025-12-28', id, dept_id, 'idea.adopted',
	    'innovation', 10, 'bench' FROM employee
	    WHERE employee_id = 'S0000001'"
	line "$name" "$n" ours base "<= 1.1x"
else
	not_measured "$name" "$(why)"
fi

# 4. The council report on the database of tests/bench/report.sh, at
# PG_REPORT ideas (default PG_SIZE), against psql running the same
# figures' SQL, translated as the programs' SQL is (build/tests/pg-sql):
# the answers are compared first, as report.sh compares them.
. "$SRC/tests/bench/report-data.sh"
sed -e 's/^\(mileage_[a-z]*\) = .*/\1 =/' \
    -e 's/^person_month_cap = .*/person_month_cap = 0/' \
    "$SRC/share/inno.ini" >report.ini
n=${PG_REPORT:-$size}
name="pg report-build council ($n ideas and events) vs its psql queries"
createdb report
mark
if ! (INNO_CONFIG=$W/report.ini INNO_SHARE=$SRC/share &&
    export INNO_CONFIG INNO_SHARE && report_db "$(uri report)" "$n") \
    >report.out 2>timeit.err; then
	not_measured "$name" "$(why)"
else
	# One statement a line of figures.pg.sql, as the translator gives it.
	awk 'BEGIN { RS = ";\n" } /[^ \n]/ {
	    gsub(/--[^\n]*\n/, ""); gsub(/\n/, " "); print }' figures.sql |
	while IFS= read -r stmt; do
		"$BUILD/tests/pg-sql" --translate "$stmt"
		echo ";"
	done >figures.pg.sql
	INNO_CONFIG=$W/report.ini INNO_SHARE=$SRC/share \
	    "$BIN/report-build" -d "$(uri report)" --period=2007 \
	    --as-of=2007-12-31 --format=csv council | tr -d '\r' |
	    awk -F, 'NR > 1 { print $2 "," $3 }' | LC_ALL=C sort >ours.fig
	"$PSQL" -X -q -v ON_ERROR_STOP=1 -At -F , -d "$(uri report)" \
	    -f figures.pg.sql 2>psql.err | LC_ALL=C sort >base.fig || :
	if [ -s psql.err ] || ! cmp -s ours.fig base.fig; then
		not_measured "$name" "the psql figures are not the" \
		    "report's: $(sed -n 1p psql.err)$(diff ours.fig base.fig |
		    sed -n 2p)"
	else
		mark
		attempt probe 1 env INNO_CONFIG="$W/report.ini" \
		    INNO_SHARE="$SRC/share" "$BIN/report-build" \
		    -d "$(uri report)" --period=2007 --as-of=2007-12-31 \
		    --format=csv council
		r=$(runs "$probe_s")
		measure ours "$r" env INNO_CONFIG="$W/report.ini" \
		    INNO_SHARE="$SRC/share" "$BIN/report-build" \
		    -d "$(uri report)" --period=2007 --as-of=2007-12-31 \
		    --format=csv council
		measure base "$r" "$PSQL" -X -q -At -F , -d "$(uri report)" \
		    -f figures.pg.sql
		line "$name" "$r" ours base "<= 1.0x, peak <= 16 MB"
	fi
fi
