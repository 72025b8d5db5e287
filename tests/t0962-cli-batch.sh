#!/bin/sh
# The reject file loads back as it is, and a batch's identity covers every
# option that changes what it writes (CLI.md, "Input").

. "$(dirname "$0")/lib.sh"

cat >mileage.ini <<\EOT
[mileage.idea.adopted]
points = 20
[mileage.idea.submitted]
points = 2
[mileage.contest.prize]
points = 30
min = 10
max = 40
EOT
INNO_CONFIG=$TRASH/mileage.ini
export INNO_CONFIG

test_expect_success 'setup' '
	setup_staff >/dev/null 2>&1
'

test_expect_success 'an input with a reason column: the reject file keeps both' '
	cat >awards.csv <<-\EOT &&
	employee_id,date,category,points,reason
	E01,2007-05-02,contest.prize,35,금상
	E02,2007-05-02,contest.prize,99,은상
	E99,2007-05-03,contest.prize,20,동상
	EOT
	expect_code 1 mileage-award --reject=rej.csv awards.csv &&
	test_must_be_empty out &&
	printf "%s\r\n" "employee_id,date,category,points,reason,reject_reason" \
	    "E02,2007-05-02,contest.prize,99,은상,points: 99: outside the range of category contest.prize (10 to 40)" \
	    "E99,2007-05-03,contest.prize,20,동상,employee_id: E99: no such employee" >expect &&
	test_cmp expect rej.csv &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 0
'

test_expect_success 'the reject file of a reject file has one reject_reason column' '
	expect_code 1 mileage-award --reject=rej2.csv rej.csv &&
	test_cmp expect rej2.csv
'

test_expect_success 'the corrected reject file loads back as it is' '
	sed -e "s/,99,/,40,/" -e "s/^E99,/E03,/" rej.csv >fixed.csv &&
	expect_code 0 mileage-award --reject=rej3.csv fixed.csv &&
	test_must_be_empty out &&
	echo "mileage-award: 2 entries written" >expect &&
	test_cmp expect err &&
	printf "%s\r\n" "employee_id,date,category,points,reason,reject_reason" >expect &&
	test_cmp expect rej3.csv &&
	test "$(db_value "SELECT group_concat(points || '\'' '\'' || reason, '\'','\'') FROM (SELECT * FROM mileage ORDER BY id)")" = "40 은상,20 동상"
'

test_expect_success 'the same CSV with another --category is another batch' '
	printf "employee_id,date\nE04,2007-05-10\n" >ids.csv &&
	expect_code 0 mileage-award --category=idea.submitted ids.csv &&
	test_must_be_empty err &&
	expect_code 0 mileage-award --category=idea.adopted ids.csv &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT group_concat(points, '\'' '\'') FROM (SELECT points FROM mileage WHERE employee_id = (SELECT id FROM employee WHERE employee_id = '\''E04'\'') ORDER BY id)")" = "2 20"
'

test_expect_success 'the same CSV with the same options is applied once' '
	expect_code 0 mileage-award --category=idea.adopted ids.csv &&
	test_must_be_empty out &&
	test_grep "^mileage-award: batch [0-9a-f]\{64\} was applied before; nothing written\$" err &&
	expect_code 0 mileage-award ids.csv --category=idea.adopted &&
	test_grep "was applied before" err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 4
'

test_expect_success 'each option that changes the rows makes another batch' '
	expect_code 0 mileage-award --category=idea.adopted --reason=재심 ids.csv &&
	test_must_be_empty err &&
	expect_code 0 mileage-award --category=idea.adopted --ref=R-1 ids.csv &&
	test_must_be_empty err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 6 &&
	test "$(db_value "SELECT count(*) FROM batch WHERE program = '\''mileage-award'\''")" = 5
'

test_expect_success 'without options the batch id is still the hash of the input' '
	printf "employee_id,date,category\nE05,2007-05-11,idea.adopted\n" >plain.csv &&
	expect_code 0 mileage-award plain.csv &&
	test "$(db_value "SELECT count(*) FROM batch WHERE id = '\''$(sha256sum <plain.csv | cut -c1-64)'\''")" = 1
'

test_done
