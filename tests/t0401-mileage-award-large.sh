#!/bin/sh
# mileage-award on a large batch: 10,000 rows are all or nothing, and a
# batch applied twice leaves one copy.
. "$(dirname "$0")/lib.sh"

cat >mileage.ini <<\EOT
[database]
synchronous = normal
[mileage.knowledge.approved]
points = 5
min = 1
max = 10
EOT
INNO_CONFIG=$TRASH/mileage.ini
export INNO_CONFIG

test_expect_success 'setup: 100 employees and 10,000 rows' '
	awk "BEGIN { print \"employee_id,name,grade,dept\";
	    for (i = 1; i <= 100; i++)
		printf \"P%03d,직원%d,%d,부서%d\n\", i, i, 5 + i % 5, i % 7 }" \
	    >staff.csv &&
	staff-import -q staff.csv &&
	awk "BEGIN { print \"employee_id,date,category,points,reason\";
	    for (i = 1; i <= 10000; i++)
		printf \"P%03d,2007-%02d-%02d,knowledge.approved,%d,지식 %d\n\",
		    1 + i % 100, 1 + i % 12, 1 + i % 28, 1 + i % 10, i }" \
	    >big.csv &&
	test "$(wc -l <big.csv)" = 10001
'

test_expect_success 'one bad row among 10,000 writes nothing and exits 1' '
	sed "5001s/,knowledge.approved,[0-9]*,/,knowledge.approved,11,/" \
	    big.csv >bad.csv &&
	expect_code 1 mileage-award --reject=rej.csv bad.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	mileage-award: bad.csv:5001: points: 11: outside the range of category knowledge.approved (1 to 10)
	mileage-award: 1 of 10000 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 0 &&
	test "$(db_value "SELECT count(*) FROM batch WHERE program = '\''mileage-award'\''")" = 0
'

test_expect_success '--reject lists that row alone, with its reason' '
	printf "%s\r\n" "employee_id,date,category,points,reason,reject_reason" \
	    "$(sed -n 5001p bad.csv),points: 11: outside the range of category knowledge.approved (1 to 10)" \
	    >expect &&
	test_cmp expect rej.csv
'

test_expect_success 'the good batch is written whole, with one audit row' '
	expect_code 0 mileage-award big.csv &&
	echo "mileage-award: 10000 entries written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*), sum(points) FROM mileage")" = \
	    "10000|$(awk -F, "NR > 1 { s += \$4 } END { print s }" big.csv)" &&
	test "$(db_value "SELECT first_id, last_id FROM audit WHERE tbl = '\''mileage'\''")" = "1|10000"
'

test_expect_success 'the same batch again leaves one copy' '
	expect_code 0 mileage-award big.csv &&
	test_grep "was applied before; nothing written" err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 10000
'

test_done
