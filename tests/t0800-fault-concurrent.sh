#!/bin/sh
# Many writers at once: 8 processes each run 200 read-modify-write commands
# (a staff-import that looks up or creates the shared department and team,
# then inserts or updates employees) against one database.  Every command
# must succeed within the busy timeout, and the totals must be exact: every
# employee present once, every write audited.
. "$(dirname "$0")/lib.sh"

# 8 x 200 as the issue asks; on the sanitizer build, whose every process
# starts slowly, 8 x 25: that run looks for memory errors, and the plain
# build has already shown the totals exact at full size.
procs=${INNO_FAULT_PROCS:-8}
if ldd "$BIN_DIRECTORY/staff-import" 2>/dev/null | grep -q libasan; then
	cmds=${INNO_FAULT_CMDS:-25}
else
	cmds=${INNO_FAULT_CMDS:-200}
fi

# One worker: cmds commands, each inserting its own employee into one of
# three shared teams (created by whichever command comes first), and
# updating the grade of the shared employee S00.
worker() {
	p=$1
	i=1
	while [ "$i" -le "$cmds" ]; do
		t=$((i % 3))
		g=$(( (i % 9) + 1 ))
		printf 'employee_id,name,grade,dept,team\nP%s-%s,일꾼 %s,%s,공용과,공용%s팀\nS00,공용 직원,%s,공용과,공용0팀\n' \
		    "$p" "$i" "$i" "$g" "$t" "$g" >"in.$p.csv"
		staff-import -q "in.$p.csv" 2>>"err.$p" ||
			echo "P$p command $i failed with $?" >>"fail.$p"
		i=$((i + 1))
	done
}

test_expect_success "$procs writers x $cmds commands all succeed" '
	printf "[database]\nbusy_timeout = 60000\nsynchronous = normal\n" \
		>busy.ini &&
	INNO_CONFIG=$TRASH/busy.ini && export INNO_CONFIG &&
	p=1 &&
	while [ "$p" -le "$procs" ]; do
		worker "$p" &
		p=$((p + 1))
	done &&
	wait &&
	cat fail.* >failures 2>/dev/null || :
	test_must_be_empty failures &&
	cat err.* >errors &&
	test_must_be_empty errors
'

test_expect_success 'every employee is present exactly once' '
	echo $((procs * cmds + 1)) >expect &&
	db_value "SELECT count(*) FROM employee" >actual &&
	test_cmp expect actual &&
	echo $((procs * cmds)) >expect &&
	db_value "SELECT count(DISTINCT employee_id) FROM employee
		WHERE employee_id LIKE '\''P%'\''" >actual &&
	test_cmp expect actual
'

test_expect_success 'the shared department and teams were created once' '
	echo "1|3" >expect &&
	db_value "SELECT (SELECT count(*) FROM dept),
		(SELECT count(*) FROM team)" >actual &&
	test_cmp expect actual
'

test_expect_success 'every insert is audited once, with the real user' '
	echo $((procs * cmds + 1)) >expect &&
	db_value "SELECT sum(last_id - first_id + 1) FROM audit
		WHERE action = '\''insert'\'' AND tbl = '\''employee'\''" >actual &&
	test_cmp expect actual &&
	id -un >expect &&
	db_value "SELECT DISTINCT user FROM audit" >actual &&
	test_cmp expect actual &&
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	test_must_be_empty err
'

# A read-modify-write that a lost update would break: eight processes award
# one point at a time to the same employee under a monthly cap of 100.
# Each award reads the month's total and writes only below the cap, so
# exactly 100 awards may succeed, the rest are refused (exit 1), and the
# ledger never goes past the cap.
capped() {
	i=1
	while [ "$i" -le 25 ]; do
		mileage-award -q -c cap.ini --employee-id=S00 \
		    --category=presentation --points=1 --date=2007-05-10 \
		    >/dev/null 2>>"cerr.$1"
		echo $? >>"codes.$1"
		i=$((i + 1))
	done
}

if command -v mileage-award >/dev/null 2>&1; then
	test_expect_success '8 writers race for a capped total: exactly the cap' '
		printf "[database]\nbusy_timeout = 60000\nsynchronous = normal\n[mileage]\nperson_month_cap = 100\n[mileage.presentation]\npoints = 1\nmax = 10\n" >cap.ini &&
		for p in 1 2 3 4 5 6 7 8; do
			capped $p &
		done &&
		wait &&
		cat codes.* | sort | uniq -c | sed "s/^ *//" >actual &&
		printf "100 0\n100 1\n" >expect &&
		test_cmp expect actual &&
		cat cerr.* | grep -v "would exceed the per-person monthly cap of 100 points" >unexpected || :
		test_must_be_empty unexpected &&
		echo 100 >expect &&
		db_value "SELECT sum(points) FROM mileage" >actual &&
		test_cmp expect actual
	'
fi

test_done
