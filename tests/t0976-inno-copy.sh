#!/bin/sh
# inno-copy: the demo database copied whole into a new SQLite file and a
# new database of the test's engine (on PostgreSQL: PostgreSQL to SQLite
# to PostgreSQL), compared table by table, read the same by the programs,
# and copied back; a target that is not new is refused and left as it
# was; a change behind the programs' back shows in --compare; a dry run
# writes nothing.
. "$(dirname "$0")/lib.sh"

INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini
INNO_NOW=2007-07-01T09:00:00Z
export INNO_CONFIG INNO_NOW

# compare_all A B: --compare as CSV (its lines end in CR LF, as RFC 4180
# has them; csv without the CRs), and every table the same.
compare_all() {
	expect_code 0 inno-copy --compare --format=csv "$1" "$2" &&
	test_must_be_empty err &&
	tr -d "\r" <out >csv &&
	head -n 1 csv >header &&
	echo "table,rows,target_rows,digest,same" >expect &&
	test_cmp expect header &&
	awk -F, 'NR > 1 && ($5 != "yes" || $2 != $3)' csv >bad &&
	test_must_be_empty bad &&
	test "$(wc -l <csv)" -eq 42
}

# source_rows: the rows of every table of $INNO_DB.
source_rows() {
	inno-copy --compare --format=csv "$INNO_DB" demo/inno.db |
	    tr -d "\r" | awk -F, 'NR > 1 { n += $2 } END { print n }'
}

test_expect_success 'setup: the demo database, copied into the test database' '
	(cd "$SRC_DIRECTORY" && sh tests/demo.sh "$INNO_BUILD" "$TRASH/demo") \
		>/dev/null 2>&1 &&
	test -s demo/inno.db &&
	expect_code 0 inno-copy -q demo/inno.db "$INNO_DB" &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'a copy into a new file says how many rows it copied' '
	rows=$(source_rows) &&
	test "$rows" -gt 3000 &&
	expect_code 0 inno-copy "$INNO_DB" copy.db &&
	test_must_be_empty out &&
	echo "inno-copy: $rows rows in 41 tables copied; every table is the same" >expect &&
	test_cmp expect err &&
	test -s copy.db
'

test_expect_success '--compare: every table of the copy is the same' '
	compare_all "$INNO_DB" copy.db &&
	grep "^employee,208,208,[0-9a-f]\{64\},yes$" csv &&
	compare_all demo/inno.db copy.db
'

test_expect_success 'the copy copied into another new database of the engine' '
	to=$(db_name copy2.db) &&
	expect_code 0 inno-copy -q copy.db "$to" &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	compare_all "$INNO_DB" "$to"
'

test_expect_success 'the copies read as their source: staff, ledger' '
	to=$(db_name copy2.db) &&
	i=0 &&
	for db in "$INNO_DB" copy.db "$to"; do
		i=$((i + 1)) &&
		expect_code 0 staff-list -d "$db" --format=csv &&
		test_must_be_empty err &&
		mv out staff.$i &&
		expect_code 0 mileage-list -d "$db" --format=csv &&
		test_must_be_empty err &&
		mv out mileage.$i || return 1
	done &&
	test -s staff.1 && test -s mileage.1 &&
	test_cmp staff.1 staff.2 && test_cmp staff.1 staff.3 &&
	test_cmp mileage.1 mileage.2 && test_cmp mileage.1 mileage.3
'

# report REPORT DB: the council report of the demo's half-year from DB.
report() {
	expect_code 0 report-build -d "$2" council --period=2007-H1 \
		--as-of=2007-06-30 &&
	test_must_be_empty err &&
	mv out "$1" &&
	test -s "$1"
}

# On PostgreSQL the copy has been through both engines here.
test_expect_success 'the copied file gives the demo council report' '
	report report.demo demo/inno.db &&
	report report.copy copy.db &&
	test_cmp report.demo report.copy
'

test_expect_success_sqlite "report-build fails on PostgreSQL (lib/staff.c: \
the listing by department, an untyped parameter)" \
	'the copies in the engine give the same council report' '
	to=$(db_name copy2.db) &&
	report report.demo demo/inno.db &&
	report report.1 "$INNO_DB" &&
	report report.2 "$to" &&
	test_cmp report.demo report.1 &&
	test_cmp report.demo report.2
'

test_expect_success 'the copied file passes inno-check: trail, log, schema' '
	expect_code 0 inno-check -d copy.db &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'a copy back into a new file is the demo database' '
	to=$(db_name copy2.db) &&
	expect_code 0 inno-copy -q "$to" back.db &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	compare_all demo/inno.db back.db &&
	expect_code 0 inno-check -d back.db &&
	test_must_be_empty out
'

test_expect_success 'a target with data is refused, exit 2, and left as it was' '
	to=$(db_name copy2.db) &&
	db_dump -d "$to" >before &&
	expect_code 2 inno-copy "$INNO_DB" "$to" &&
	test_must_be_empty out &&
	echo "inno-copy: $to: not empty (table activity has 59 rows); inno-copy copies into a new database only" >expect &&
	test_cmp expect err &&
	db_dump -d "$to" >after &&
	test_cmp before after
'

test_expect_success 'a target with one record is refused too, naming its table' '
	small=$(db_name small.db) &&
	printf "employee_id,name,grade,dept,team\nE01,김민수,5,총무과,인사팀\n" >one.csv &&
	staff-import -q -d "$small" one.csv &&
	expect_code 2 inno-copy -n "$INNO_DB" "$small" &&
	test_must_be_empty out &&
	echo "inno-copy: $small: not empty (table batch has 1 row); inno-copy copies into a new database only" >expect &&
	test_cmp expect err
'

test_expect_success 'a change behind the programs back: --compare exits 1' '
	to=$(db_name copy2.db) &&
	db_exec -d "$to" "UPDATE batch SET program = program || '"'"'!'"'"' WHERE id = (SELECT min(id) FROM batch)" &&
	expect_code 1 inno-copy --compare --format=csv "$INNO_DB" "$to" &&
	echo "inno-copy: table batch differs" >expect &&
	test_cmp expect err &&
	tr -d "\r" <out | grep ",no$" >differ &&
	grep "^batch,28,28,[0-9a-f]\{64\},no$" differ &&
	test "$(wc -l <differ)" -eq 1 &&
	expect_code 1 inno-copy -q --compare "$INNO_DB" "$to" &&
	test_must_be_empty err
'

test_expect_success 'a dry run copies and compares, and writes nothing' '
	rows=$(source_rows) &&
	dry=$(db_name dry.db) &&
	expect_code 0 inno-copy -n "$INNO_DB" "$dry" &&
	test_must_be_empty out &&
	echo "inno-copy: dry run: $rows rows in 41 tables would be copied; nothing written" >expect &&
	test_cmp expect err &&
	expect_code 2 staff-list -d "$dry" &&
	test_grep "no such database" err &&
	expect_code 0 inno-copy -n copy.db dry2.db &&
	echo "inno-copy: dry run: $rows rows in 41 tables would be copied; nothing written" >expect &&
	test_cmp expect err &&
	! test -e dry2.db
'

# The file is changed with SQLite's own shell, on either engine: it is a
# file here, not the test's database.
test_expect_success 'a row the target refuses: exit 4, the target as it was' '
	cp demo/inno.db broken.db &&
	sqlite3 broken.db "INSERT INTO team (dept_id, name) VALUES (999, '"'"'유령팀'"'"')" &&
	expect_code 4 inno-copy broken.db broken-copy.db &&
	test_must_be_empty out &&
	test_grep "^inno-copy: .*[Ff][Oo][Rr][Ee][Ii][Gg][Nn] [Kk][Ee][Yy]" err &&
	! test -e broken-copy.db &&
	to=$(db_name broken-copy2.db) &&
	expect_code 4 inno-copy broken.db "$to" &&
	test_grep "^inno-copy: .*[Ff][Oo][Rr][Ee][Ii][Gg][Nn] [Kk][Ee][Yy]" err &&
	expect_code 0 inno-copy -q "$INNO_DB" "$to" &&
	compare_all "$INNO_DB" "$to"
'

test_expect_success 'usage: two operands, no -d, no -n with --compare' '
	expect_code 2 inno-copy copy.db &&
	test_must_be_empty out &&
	test_grep "^usage: inno-copy" err &&
	expect_code 2 inno-copy -d copy.db copy.db x.db &&
	test_grep "^inno-copy: -d: name both databases as operands$" err &&
	expect_code 2 inno-copy -n --compare copy.db back.db &&
	test_grep "^inno-copy: --compare writes nothing; -n is for a copy$" err &&
	expect_code 2 inno-copy --format=csv copy.db x.db &&
	test_grep "^inno-copy: -o, --format, --columns and --encoding are for --compare$" err &&
	! test -e x.db
'

test_expect_success 'a missing source is an error, and creates nothing' '
	expect_code 2 inno-copy missing.db new.db &&
	test_must_be_empty out &&
	test_grep "^inno-copy: missing.db: no such database" err &&
	! test -e missing.db && ! test -e new.db
'

test_done
