#!/bin/sh
# club-fund under load: eight clerks granting at once never take the year
# past its budget, and every grant refused writes nothing.
. "$(dirname "$0")/lib.sh"

cat >inno.ini <<\EOT
[database]
busy_timeout = 60000
[club]
budget = 400000
EOT
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG

test_expect_success 'setup' '
	setup_staff &&
	club-register -q --name=정책품질관리 --kind=strategic \
	    --registered=2007-03-01 >/dev/null
'

test_expect_success '8 writers x 8 grants of 10,000 won against 400,000' '
	for w in 1 2 3 4 5 6 7 8; do
		(
			for i in $(seq 1 8); do
				club-fund -q --club=정책품질관리 --amount=10000 \
				    --date=2007-05-01 --purpose="w$w-$i" \
				    >/dev/null 2>>err.$w
				echo $? >>codes.$w
			done
		) &
	done &&
	wait &&
	cat codes.* | sort | uniq -c | awk "{ print \$2 \":\" \$1 }" >got &&
	printf "0:40\n1:24\n" >expect &&
	test_cmp expect got &&
	test "$(db_value "SELECT count(*), sum(amount) FROM club_grant")" = "40|400000" &&
	test "$(cat err.* | grep -c "would exceed the 2007 club budget of 400,000 won by 10,000 won")" -eq 24 &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_done
