#!/bin/sh
# mileage-award under concurrency: eight processes awarding at once all
# succeed, and the ledger holds exactly their entries.
. "$(dirname "$0")/lib.sh"

cat >mileage.ini <<\EOT
[database]
synchronous = normal
busy_timeout = 60000
[mileage]
person_month_cap = 1000
[mileage.presentation]
points = 1
max = 10
EOT
INNO_CONFIG=$TRASH/mileage.ini
export INNO_CONFIG

test_expect_success 'setup' '
	setup_staff
'

# award N: 200 single awards, each its own process and transaction.
award() {
	i=0
	while [ $i -lt 200 ]; do
		i=$((i + 1))
		mileage-award -q --employee-id=E0$1 --category=presentation \
		    --points=$(( 1 + i % 3 )) --date=2007-05-1$(( i % 9 )) \
		    >/dev/null 2>>"err.$1" || echo "exit $? at $i" >>"err.$1"
	done
}

test_expect_success '8 processes x 200 awards: all succeed' '
	for n in 1 2 3 4 5 6 7 8; do
		: >err.$n
		award $n &
	done &&
	wait &&
	cat err.1 err.2 err.3 err.4 err.5 err.6 err.7 err.8 >errs &&
	test_must_be_empty errs
'

test_expect_success 'exactly 1,600 entries and the right totals' '
	test "$(db_value "SELECT count(*) FROM mileage")" = 1600 &&
	for n in 1 2 3 4 5 6 7 8; do
		echo "E0$n,200,401"
	done >expect &&
	mileage-list --by=employee --format=csv | tr -d "\r" |
	    awk -F, "NR > 1 { print \$1 \",\" \$4 \",\" \$7 }" >got &&
	test_cmp expect got &&
	expect_code 0 inno-check &&
	test_must_be_empty err
'

test_done
