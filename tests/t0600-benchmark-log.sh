#!/bin/sh
# benchmark-log: the three kinds of event from options, a batch from CSV,
# the rules each kind follows, and all-or-nothing batches.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	setup_staff &&
	for t in 1 2 3 4; do
		task-add -q --title "과제 $t" --field 지식관리 --dept 총무과 >/dev/null || exit 1
	done
'

test_expect_success 'an outgoing visit from options prints its id' '
	expect_code 0 benchmark-log --kind=outgoing --date=2007-03-02 \
		--institution="서울시 강남구" --sector=public \
		--employees="E01,E03" --findings="민원 처리 간소화" --task-id=4 &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT people FROM benchmark WHERE id = 1")" = 2 &&
	test "$(db_value "SELECT count(*) FROM benchmark_member")" = 2
'

test_expect_success 'a visit linked to a task that does not exist is refused' '
	expect_code 1 benchmark-log --kind=outgoing --date=2007-03-02 \
		--institution="서울시 강남구" --employees=E01 --task-id=999999999 &&
	test_must_be_empty out &&
	echo "benchmark-log: --task-id: 999999999: no such task" >expect &&
	test_cmp expect err &&
	printf "kind,date,institution,people,task_id\noutgoing,2007-03-02,X,1,4\noutgoing,2007-03-03,Y,1,5\n" >tasks.csv &&
	expect_code 1 benchmark-log tasks.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	benchmark-log: tasks.csv:3: task_id: 5: no such task
	benchmark-log: 1 of 2 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM benchmark")" = 1
'

test_expect_success 'an incoming visit and a presentation' '
	expect_code 0 benchmark-log --kind=incoming --date=2007-04-10 \
		--institution="부산광역시 남구" --people=12 &&
	echo 2 >expect && test_cmp expect out && test_must_be_empty err &&
	expect_code 0 benchmark-log --kind=presentation --date=2007-05-10 \
		--institution="행정자치부" --people=120 --speaker=E01 &&
	echo 3 >expect && test_cmp expect out && test_must_be_empty err
'

test_expect_success 'each kind keeps to its own fields' '
	expect_code 1 benchmark-log --kind=incoming --date=2007-04-10 \
		--institution=X &&
	test_must_be_empty out &&
	test_grep "^benchmark-log: --people: required for an incoming visit" err &&
	expect_code 1 benchmark-log --kind=incoming --date=2007-04-10 \
		--institution=X --people=3 --speaker=E01 &&
	test_grep "^benchmark-log: --speaker: only a presentation has a speaker" err &&
	expect_code 1 benchmark-log --kind=outgoing --date=2007-04-10 \
		--institution=X --employees="E01 E09" &&
	test_grep "^benchmark-log: --employees: E09: no such employee" err &&
	expect_code 1 benchmark-log --kind=outgoing --date=2007-04-10 \
		--institution=X --employees="E01 E02" --people=1 &&
	test_grep "fewer than the 2 employees listed" err &&
	test "$(db_value "SELECT count(*) FROM benchmark")" = 3
'

test_expect_success 'a batch with a bad row writes nothing' '
	cat >bad.csv <<-\EOT &&
	kind,date,institution,people,speaker
	incoming,2007-06-01,대구 중구,10,
	presentation,2007-06-31,성남시,50,E01
	visit,2007-06-02,수원시,5,
	EOT
	expect_code 1 benchmark-log bad.csv &&
	test_must_be_empty out &&
	test_grep "^benchmark-log: bad.csv:3: date: 2007-06-31: " err &&
	test_grep "^benchmark-log: bad.csv:4: kind: visit: expected one of outgoing, incoming, presentation" err &&
	test "$(db_value "SELECT count(*) FROM benchmark")" = 3
'

test_expect_success 'a good batch is written, once' '
	cat >good.csv <<-\EOT &&
	kind,date,institution,people,speaker
	incoming,2007-06-01,대구 중구,10,
	presentation,2007-06-21,성남시,50,E01
	EOT
	expect_code 0 benchmark-log good.csv &&
	test_must_be_empty out &&
	test_grep "2 events written" err &&
	expect_code 0 benchmark-log good.csv &&
	test_grep "was applied before" err &&
	test "$(db_value "SELECT count(*) FROM benchmark")" = 5 &&
	inno-check >check.out 2>&1 && test_must_be_empty check.out
'

test_expect_success 'a dry run writes nothing' '
	expect_code 0 benchmark-log -n --kind=incoming --date=2007-06-05 \
		--institution=Y --people=4 &&
	test_must_be_empty out &&
	test_grep "dry run" err &&
	test "$(db_value "SELECT count(*) FROM benchmark")" = 5
'

test_expect_success 'a presentation gives its speaker mileage by the configured category' '
	expect_code 0 benchmark-log -c "$INNO_SHARE/inno.ini" \
		--kind=presentation --date=2007-06-25 --institution=안양시 \
		--people=40 --speaker=E03 &&
	echo 6 >expect && test_cmp expect out &&
	db_value "SELECT e.employee_id, m.category, m.points, m.ref_table,
		m.ref_id, m.reason FROM mileage m JOIN employee e
		ON e.id = m.employee_id" >ledger &&
	echo "E03|presentation|15|benchmark|6|벤치마킹 6 발표: 안양시" >expect &&
	test_cmp expect ledger &&
	printf "[benchmark]\nmileage_presentation =\n" >off.ini &&
	expect_code 0 benchmark-log -c off.ini --kind=presentation \
		--date=2007-06-26 --institution=안양시 --people=40 --speaker=E03 &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 1
'

test_expect_success 'options and a file at once is a usage error' '
	expect_code 2 benchmark-log --kind=incoming good.csv &&
	test_must_be_empty out &&
	test_grep "^usage: benchmark-log" err
'

test_done
