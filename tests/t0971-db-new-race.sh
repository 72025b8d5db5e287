#!/bin/sh
# The first writers of a new database: 16 staff-imports started at once on
# a path that does not exist, round after round.  One builds the database
# and the others wait for it and write into what it built; none fails, and
# every committed row is there at the end (nothing unlinks a database that
# another process has open).  The same for an existing empty file, which is
# a new database too.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "it races the making of a new SQLite file, and reads its journal mode"

# 100 rounds of 16; on the sanitizer build, whose every process starts
# slowly, 10 rounds: that run looks for memory errors, and the plain build
# has already shown every row kept at full size.
procs=${INNO_RACE_PROCS:-16}
if ldd "$BIN_DIRECTORY/staff-import" 2>/dev/null | grep -q libasan; then
	rounds=${INNO_RACE_ROUNDS:-10}
else
	rounds=${INNO_RACE_ROUNDS:-100}
fi

printf "[database]\nbusy_timeout = 60000\nsynchronous = normal\n" >race.ini
INNO_CONFIG=$TRASH/race.ini
export INNO_CONFIG

# round R MAKE: procs writers at once on db.R; MAKE is "touch" to start from
# an empty file, or ":" from none.
round() {
	r=$1
	db=$TRASH/db.$r
	$2 "$db"
	p=1
	while [ "$p" -le "$procs" ]; do
		{
			printf "employee_id,name,grade,dept,team\nR%s-%s,일꾼,7,공용과,공용팀\n" \
			    "$r" "$p" >"in.$r.$p.csv"
			staff-import -q -d "$db" "in.$r.$p.csv" 2>"err.$r.$p" ||
				echo "round $r writer $p: exit $?" >>failures
		} &
		p=$((p + 1))
	done
	wait
}

test_expect_success "$rounds rounds of $procs writers on a new path" '
	: >failures &&
	r=1 &&
	while [ "$r" -le "$rounds" ]; do
		round "$r" : && r=$((r + 1))
	done &&
	test_must_be_empty failures &&
	cat err.* >errors &&
	test_must_be_empty errors
'

test_expect_success 'no committed row is lost, and nothing is left beside' '
	r=1 && : >lost &&
	while [ "$r" -le "$rounds" ]; do
		n=$(sqlite3 "$TRASH/db.$r" "SELECT count(*) FROM employee") &&
		{ [ "$n" -eq "$procs" ] || echo "round $r: $n rows" >>lost; } &&
		r=$((r + 1))
	done &&
	test_must_be_empty lost &&
	ls "$TRASH" | grep -e "\.new-" -e "\.lock\$" >left || :
	test_must_be_empty left &&
	test "$(stat -c %a "$TRASH/db.1")" = 660
'

test_expect_success 'the same from an existing empty file' '
	: >failures && rm -f err.* &&
	i=1 &&
	while [ "$i" -le 5 ]; do
		round "e$i" touch && i=$((i + 1))
	done &&
	test_must_be_empty failures &&
	cat err.* >errors &&
	test_must_be_empty errors &&
	for r in 1 2 3 4 5; do
		sqlite3 "$TRASH/db.e$r" "SELECT count(*) FROM employee"
	done | sort -u >counts &&
	echo "$procs" >expect &&
	test_cmp expect counts &&
	echo wal >expect &&
	sqlite3 "$TRASH/db.e1" "PRAGMA journal_mode" >actual &&
	test_cmp expect actual
'

test_done
