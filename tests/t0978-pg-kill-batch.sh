#!/bin/sh
# kill -9 in the middle of a mileage-award batch on PostgreSQL, over TCP
# to 127.0.0.1 as another host would connect: a batch of ROWS entries
# killed at different moments (before it connected, reading, writing,
# committing, or after it finished) is entirely in the ledger or entirely
# absent, inno-check finds the database clean, and the same batch sent
# again is applied exactly once.  The server is the test's own
# (tests/pg/cluster.sh), stopped however the test ends.
. "$(dirname "$0")/lib.sh"

rows=${INNO_KILL_ROWS:-20000}

test_own_cluster

# pg SQL: the rows of SQL on the test's database, fields split by |.
pg() {
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse -At -F '|' \
	    -d "$INNO_DB" -c "$1"
}

# settled: waits until no session but its own is left on the database,
# so that a killed program's server process has ended, committing or
# rolling back, before the ledger is counted.  It fails after 30 s.
settled() {
	_i=0
	while [ "$(pg "SELECT count(*) FROM pg_stat_activity
	    WHERE datname = current_database()
	    AND pid <> pg_backend_pid()")" != 0 ]; do
		_i=$((_i + 1))
		[ $_i -lt 300 ] || return 1
		sleep 0.1
	done
}

# batch K: a CSV of $rows awards, each referring to kK-<row>, so that
# batch K's entries are found by their ref.
batch() {
	awk -v k="$1" -v rows="$rows" 'BEGIN {
		print "employee_id,date,category,points,ref"
		for (i = 1; i <= rows; i++)
			printf "E0%d,2007-%02d-%02d,presentation,%d,k%d-%d\n",
			    i % 8 + 1, i % 12 + 1, i % 28 + 1, i % 10 + 1, k, i
	}'
}

# entries K: how many entries of batch K the ledger holds.
entries() {
	pg "SELECT count(*) FROM mileage WHERE ref LIKE 'k$1-%'"
}

cat >kill.ini <<\EOT
[database]
busy_timeout = 60000
[mileage]
person_month_cap = 0
[mileage.presentation]
points = 1
max = 10
EOT
INNO_CONFIG=$TRASH/kill.ini
export INNO_CONFIG

test_expect_success 'a cluster of its own starts, with the staff' '
	expect_code 0 env INNO_PG_OWNER=$$ sh "$CLUSTER" start "$PG" &&
	test_must_be_empty err &&
	PGBIN=$(cat "$PG/bin") &&
	expect_code 0 "$PGBIN/psql" -X -q -d "$(cat "$PG/uri")" \
	    -c "CREATE DATABASE kill" &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	INNO_DB=postgresql://127.0.0.1:$(cat "$PG/port")/kill &&
	expect_code 0 setup_staff &&
	test_must_be_empty err
'
PGBIN=$(cat "$PG/bin" 2>/dev/null)
INNO_DB=postgresql://127.0.0.1:$(cat "$PG/port" 2>/dev/null)/kill
export INNO_DB

# Each round K sends batch K and kills it after the delay, or lets it end
# (delay none); the entries before it are those of the rounds before, once.
# Sent again, a batch is written if the kill came before its commit, and
# found applied before if after (the last round at least).
k=0
: >"$TRASH/outcomes"
for delay in 0.05 0.2 0.5 1.5 none; do
	k=$((k + 1))
	case $delay in
	none) what="batch $k left to finish" ;;
	*) what="batch $k killed with SIGKILL after $delay s" ;;
	esac
	batch $k >batch$k.csv
	# Whatever the program did before the kill, and however it ended,
	# the ledger holds all of the batch or none of it.
	test_expect_success "$what: all of it or none" '
		total=$(pg "SELECT count(*) FROM mileage") || exit 1
		mileage-award -q batch$k.csv >run.out 2>run.err &
		pid=$!
		if [ $delay != none ]; then
			sleep $delay &&
			kill -9 $pid 2>/dev/null
		fi
		wait $pid
		echo $? >run.status &&
		settled &&
		got=$(entries $k) &&
		echo "round $k: exit $(cat run.status), $got of $rows entries" \
		    >>"$TRASH/outcomes" &&
		case $got in
		0 | $rows) ;;
		*) echo "batch $k partly written: $got of $rows entries"; false ;;
		esac &&
		test "$(pg "SELECT count(*) FROM mileage")" = $((total + got))
	'

	test_expect_success "inno-check after $what" '
		expect_code 0 inno-check &&
		test_must_be_empty out &&
		test_must_be_empty err
	'

	# The run ended by the kill, or by itself having written it all;
	# then sent again, the batch is applied once.
	test_expect_success "batch $k sent again: applied once" '
		case $(cat run.status) in
		0) test_must_be_empty run.out && test_must_be_empty run.err ;;
		137) test $delay != none ;;
		*) cat run.err; false ;;
		esac &&
		before=$(entries $k) &&
		{ [ "$(cat run.status)" != 0 ] || [ "$before" = $rows ]; } &&
		expect_code 0 mileage-award batch$k.csv &&
		test_must_be_empty out &&
		if [ "$before" = 0 ]; then
			echo "mileage-award: $rows entries written" >expect
		else
			echo "mileage-award: batch [0-9a-f]* was applied before; nothing written" >expect
		fi &&
		test "$(wc -l <err)" = 1 &&
		grep -x -f expect err &&
		test "$(entries $k)" = $rows &&
		test "$(pg "SELECT count(*) FROM mileage")" = $((k * rows))
	'
done

# What the kills met, for the record: which ones came after the commit
# varies from run to run.
while read -r l; do
	say "$l"
done <"$TRASH/outcomes"

test_expect_success 'inno-check finds the database clean' '
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'the cluster stops' '
	expect_code 0 sh "$CLUSTER" stop "$PG" &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_done
