#!/bin/sh
# kill -9 in the middle of large batches, again and again: each batch is
# either entirely present or entirely absent, never partly, and inno-check
# finds the database clean afterwards.  The kills land at different moments
# (opening, reading, writing, committing); the test holds whatever happened.
. "$(dirname "$0")/lib.sh"

rows=${INNO_KILL_ROWS:-20000}
rounds=${INNO_KILL_ROUNDS:-8}

# batch N: a CSV of $rows new employees K<N>-<i>.
batch() {
	awk -v n="$1" -v rows="$rows" 'BEGIN {
		print "employee_id,name,grade,dept,team,joined"
		for (i = 1; i <= rows; i++)
			printf "K%d-%d,직원 %d,%d,부서%d,팀%d,2020-01-%02d\n",
			    n, i, i, i % 9 + 1, i % 7, i % 23, i % 28 + 1
	}'
}

test_expect_success 'setup' '
	setup_staff &&
	printf "[database]\nbusy_timeout = 10000\n" >kill.ini
'

n=1
while [ $n -le $rounds ]; do
	test_expect_success "batch $n killed with SIGKILL after $((n * 40)) ms" '
		batch $n >batch$n.csv &&
		staff-import -q -c kill.ini batch$n.csv >/dev/null 2>&1 &
		pid=$!
		sleep $(awk -v n=$n "BEGIN { print n * 0.04 }") &&
		kill -9 $pid 2>/dev/null
		wait $pid
		echo "exit $?" >>outcomes &&
		got=$(db_value "SELECT count(*) FROM employee
			WHERE employee_id LIKE '\''K$n-%'\''") &&
		batches=$(db_value "SELECT count(*) FROM batch
			WHERE rows = $rows") &&
		echo "batch $n: $got rows" >>outcomes &&
		case $got in
		0|$rows) ;;
		*) echo "batch $n partly written: $got of $rows rows"; false ;;
		esac
	'
	n=$((n + 1))
done

test_expect_success 'every batch is all or nothing, and the batch table agrees' '
	present=$(db_value "SELECT count(DISTINCT substr(employee_id, 1,
		instr(employee_id, '\''-'\''))) FROM employee
		WHERE employee_id LIKE '\''K%'\''") &&
	recorded=$(db_value "SELECT count(*) FROM batch WHERE rows = $rows") &&
	say "$present of $rounds killed batches were committed before the kill" &&
	test "$present" -eq "$recorded"
'

test_expect_success 'inno-check finds the database clean' '
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'a batch killed before its commit can be run again' '
	n=1 &&
	while [ $n -le $rounds ]; do
		staff-import -q -c kill.ini batch$n.csv || return 1
		n=$((n + 1))
	done &&
	echo $((rows * rounds)) >expect &&
	db_value "SELECT count(*) FROM employee
		WHERE employee_id LIKE '\''K%'\''" >actual &&
	test_cmp expect actual &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_done
