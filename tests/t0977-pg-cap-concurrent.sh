#!/bin/sh
# mileage-award racing for a per-person monthly cap on PostgreSQL: eight
# processes, each connecting over TCP to 127.0.0.1 as another host would,
# award points at once to people whose cap is less than what they try to
# give.  In batches under cap_action = trim, the ledger holds exactly the
# cap and the rows past it are cut to what it leaves, with a note each; one
# award a call under cap_action = reject, exactly the cap is written and
# every award past it is refused with exit 1.  No process ends otherwise
# than 0 (or 3, busy, after which it tries again, as the exit status asks),
# and the per-person totals are byte for byte those of the same race on an
# SQLite file.  A writer that cannot have the writers' lock within
# busy_timeout exits 3 and writes nothing.  The server is the test's own
# (tests/pg/cluster.sh), stopped however the test ends.
. "$(dirname "$0")/lib.sh"

test_own_cluster

# Batches cut at the cap: 1005 leaves 5 of some row's 10 points.  One
# award a call refused at it: 1000.  The months and the people differ, so
# the two races do not meet.
cat >trim.ini <<\EOT
[database]
busy_timeout = 60000
[mileage]
person_month_cap = 1005
cap_action = trim
[mileage.presentation]
points = 10
max = 10
EOT
sed -e 's/^person_month_cap = .*/person_month_cap = 1000/' \
    -e 's/^cap_action = .*/cap_action = reject/' trim.ini >reject.ini

# Worker N's batch: 20 awards of 10 points to E01 in May, over the cap
# together, then 5 to E02, under it; the reasons name the worker, so that
# each batch has an id of its own and none is taken for another's.
n=1
while [ $n -le 8 ]; do
	awk -v w=$n 'BEGIN {
		print "employee_id,date,category,points,reason"
		for (i = 1; i <= 20; i++)
			printf "E01,2007-05-%02d,presentation,10,worker %d award %d\n",
			    i, w, i
		for (i = 1; i <= 5; i++)
			printf "E02,2007-05-%02d,presentation,10,worker %d award %d\n",
			    i, w, i
	}' >batch.$n.csv
	n=$((n + 1))
done

# batch_worker DB N: worker N's batch on DB, tried again while the
# database is busy (3: nothing was written); every status it got, in
# order, is in status.N, and it exits with the last.
batch_worker() {
	: >status.$2
	while :; do
		mileage-award -c trim.ini -d "$1" batch.$2.csv \
		    >out.$2 2>err.$2
		s=$?
		echo $s >>status.$2
		[ $s = 3 ] || return $s
	done
}

# single_worker DB N: worker N's 20 awards of 10 points to E03 in June,
# one a call, each tried again while the database is busy; every status
# it got is in status.N, the entry ids in out.N, the messages in err.N.
# It exits 0 unless a call ended otherwise than 0, 1 (refused) or 3.
single_worker() {
	: >status.$2
	: >out.$2
	: >err.$2
	i=1
	while [ $i -le 20 ]; do
		mileage-award -c reject.ini -d "$1" --employee-id=E03 \
		    --category=presentation --points=10 \
		    --date="2007-06-$(printf %02d $i)" \
		    --reason="worker $2 award $i" >>out.$2 2>>err.$2
		s=$?
		echo $s >>status.$2
		case $s in
		0 | 1) i=$((i + 1)) ;;
		3) ;;
		*) return $s ;;
		esac
	done
}

# race WORKER DB: eight WORKERs on DB at once; each one's exit status,
# collected with wait on its pid, in exits (one "N STATUS" a line).
race() {
	pids=
	n=1
	while [ $n -le 8 ]; do
		"$1" "$2" $n &
		pids="$pids $!"
		n=$((n + 1))
	done
	: >exits
	n=1
	for pid in $pids; do
		wait "$pid"
		echo "$n $?" >>exits
		n=$((n + 1))
	done
}

# What the trimming race says, whichever batch comes when: five batches
# whole, one cut in its first row (to the 5 points the cap leaves) and
# the two after it cut to nothing, each of those three with the E02 rows
# that are under the cap.  The file names and lines are left out.
cat >trim.expect <<\EOT
     59 mileage-award: FILE:LINE: note: points: 10 points trimmed to 0 by the per-person monthly cap of 1005 points for 2007-05 (1005 used); no entry written
      1 mileage-award: FILE:LINE: note: points: 10 points trimmed to 5 by the per-person monthly cap of 1005 points for 2007-05 (1000 used)
      5 mileage-award: 25 entries written
      2 mileage-award: 5 entries written (some trimmed, see notes)
      1 mileage-award: 6 entries written (some trimmed, see notes)
EOT
# The per-person totals, on both engines.
cat >totals.expect <<\EOT
employee_id,name,dept,entries,innovation,cs,points
E01,김민수,창의혁신단,101,1005,0,1005
E02,이서연,창의혁신단,40,400,0,400
E03,박지훈,창의혁신단,100,1000,0,1000
EOT

# races ENGINE DB: the two races on DB, an empty database of ENGINE
# (sqlite or pg); the totals are kept in totals.ENGINE.
races() {
	engine=$1
	INNO_DB=$2
	test_expect_success "$engine: the staff" '
		expect_code 0 setup_staff &&
		test_must_be_empty out &&
		test_must_be_empty err
	'

	test_expect_success "$engine: 8 batches at once over a cap: each exits 0" '
		race batch_worker "$INNO_DB" &&
		printf "%s 0\n" 1 2 3 4 5 6 7 8 >expect &&
		test_cmp expect exits &&
		cat status.* >statuses &&
		! grep -v -x -e 0 -e 3 statuses &&
		cat out.* >outs &&
		test_must_be_empty outs
	'

	test_expect_success "$engine: the rows past the cap are trimmed, each with a note" '
		cat err.* | grep -v "database is busy" |
		    sed "s/^mileage-award: batch\.[1-8]\.csv:[0-9]*:/mileage-award: FILE:LINE:/" |
		    sort | uniq -c | sort -k 2 >trim.actual &&
		sort -k 2 trim.expect >expect &&
		test_cmp expect trim.actual
	'

	test_expect_success "$engine: 8 processes of 20 awards at once over a cap" '
		race single_worker "$INNO_DB" &&
		printf "%s 0\n" 1 2 3 4 5 6 7 8 >expect &&
		test_cmp expect exits &&
		cat status.* | grep -v -x 3 | sort | uniq -c >counts &&
		printf "%7d 0\n%7d 1\n" 100 60 >expect &&
		test_cmp expect counts
	'

	test_expect_success "$engine: each award past the cap is refused, the others printed" '
		cat err.* | grep -v "database is busy" | sort | uniq -c >refused &&
		printf "%7d %s\n" 60 "mileage-award: --points: 10 points would exceed the per-person monthly cap of 1000 points for 2007-06 (1000 used)" >expect &&
		test_cmp expect refused &&
		cat out.* >ids &&
		test "$(grep -c "^[1-9][0-9]*\$" ids)" = 100 &&
		test "$(sort -u ids | wc -l)" = 100
	'

	test_expect_success "$engine: the ledger holds exactly each cap" '
		ledger_sum "SELECT e.employee_id, sum(m.points), count(*)
		    FROM mileage m JOIN employee e ON e.id = m.employee_id
		    GROUP BY e.employee_id ORDER BY e.employee_id" >sums &&
		printf "%s\n" "E01|1005|101" "E02|400|40" "E03|1000|100" >expect &&
		test_cmp expect sums &&
		expect_code 0 mileage-list --by=employee --format=csv &&
		tr -d "\r" <out >totals.$engine &&
		test_cmp totals.expect totals.$engine &&
		test_must_be_empty err
	'

	test_expect_success "$engine: inno-check finds the database clean" '
		expect_code 0 inno-check &&
		test_must_be_empty out &&
		test_must_be_empty err
	'
}

# ledger_sum SQL: the rows of SQL on $INNO_DB, with the engine's own
# shell, fields split by |.
ledger_sum() {
	case $INNO_DB in
	postgresql:*) pg -d "$INNO_DB" -c "$1" ;;
	*) sqlite3 "$INNO_DB" "$1" ;;
	esac
}

# pg ARGS...: psql of the cluster, unaligned, fields split by |.
pg() {
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse -At -F '|' \
	    "$@"
}

races sqlite "$TRASH/cap.db"

test_expect_success 'a cluster of its own starts' '
	expect_code 0 env INNO_PG_OWNER=$$ sh "$CLUSTER" start "$PG" &&
	test_must_be_empty err &&
	PGBIN=$(cat "$PG/bin") &&
	expect_code 0 pg -d "$(cat "$PG/uri")" -c "CREATE DATABASE cap" &&
	test_must_be_empty out &&
	test_must_be_empty err
'
PGBIN=$(cat "$PG/bin" 2>/dev/null)
PGPORT_=$(cat "$PG/port" 2>/dev/null)

races pg "postgresql://127.0.0.1:$PGPORT_/cap"

test_expect_success 'pg: its totals are those on SQLite, byte for byte' '
	cmp totals.sqlite totals.pg
'

# A writer that cannot have the lock within busy_timeout: exit 3, and
# nothing written, as on a file.
test_expect_success 'a writer waits busy_timeout for the lock, then is busy' '
	printf "[database]\nbusy_timeout = 300\n" >busy.ini &&
	printf "employee_id,name,grade,dept\nB01,대기자,7,총무과\n" >busy.csv &&
	{ pg -d "$INNO_DB" -c "BEGIN" -c "SELECT pg_advisory_xact_lock(1768845935, hashtext(current_schema()))" \
	    -c "SELECT pg_sleep(3)" -c "COMMIT" >/dev/null 2>&1 & } &&
	holder=$! &&
	sleep 1 &&
	expect_code 3 staff-import -c busy.ini busy.csv &&
	wait $holder &&
	test_must_be_empty out &&
	echo "staff-import: postgresql://127.0.0.1:$PGPORT_/cap: database is busy (another program is writing); nothing was written, try again" >expect &&
	test_cmp expect err &&
	test "$(pg -d "$INNO_DB" -c "SELECT count(*) FROM employee WHERE employee_id = '\''B01'\''")" = 0
'

test_expect_success 'the cluster stops' '
	expect_code 0 sh "$CLUSTER" stop "$PG" &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_done
