#!/bin/sh
# schedule-add: planned events from options and CSV, all or nothing; and
# report-build showing those still ahead of the as-of date as the plan.
. "$(dirname "$0")/lib.sh"

test_expect_success 'one event from options prints its id' '
	expect_code 0 schedule-add --section tasks --start 2007-07 \
		--what "우수사례 경진대회 참가" &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT section, starts, ends, precision, what FROM schedule")" = \
		"tasks|2007-07-01|2007-07-31|month|우수사례 경진대회 참가" &&
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '\''schedule'\'' AND action = '\''insert'\''")" = 1
'

test_expect_success 'days and month ranges' '
	expect_code 0 schedule-add --section tasks --start 2007-06 --end 2007-12 \
		--what "추진 보고회 개최(월별)" &&
	echo 2 >expect && test_cmp expect out &&
	expect_code 0 schedule-add --section cs --start 2007-09-14 \
		--what "혁신 전문가 초청 교육" &&
	test "$(db_value "SELECT starts, ends, precision FROM schedule WHERE id = 2")" = \
		"2007-06-01|2007-12-31|month" &&
	test "$(db_value "SELECT starts, ends, precision FROM schedule WHERE id = 3")" = \
		"2007-09-14|2007-09-14|day"
'

test_expect_success 'a batch from CSV' '
	cat >plan.csv <<-\EOT &&
	section,start,end,what
	tasks,2007-10,,지방행정혁신 평가
	cs,2007-07-10,2007-07-20,CS 리더 워크숍
	tasks,2007-03,,지난 계획
	EOT
	expect_code 0 schedule-add plan.csv &&
	test_must_be_empty out &&
	test_grep "3 events written" err &&
	test "$(db_value "SELECT count(*) FROM schedule")" = 6
'

test_expect_success 'a bad row rejects the batch, naming each problem' '
	cat >bad.csv <<-\EOT &&
	section,start,end,what
	tasks,2007-13,,잘못된 달
	tasks,2007-09-01,2007-08-01,거꾸로
	Tasks!,2007-09,,이름
	tasks,2007-09,2007-10-01,섞임
	tasks,2007-09,,
	EOT
	expect_code 1 schedule-add bad.csv &&
	test_must_be_empty out &&
	test_grep "^schedule-add: bad.csv:2: start: 2007-13: " err &&
	test_grep "^schedule-add: bad.csv:3: end: 2007-08-01: before the start 2007-09-01" err &&
	test_grep "^schedule-add: bad.csv:4: section: Tasks!: not a section name" err &&
	test_grep "^schedule-add: bad.csv:5: end: give both start and end as days, or both as months" err &&
	test_grep "^schedule-add: bad.csv:6: what: " err &&
	test "$(db_value "SELECT count(*) FROM schedule")" = 6
'

test_expect_success 'a section the report wording does not define is refused' '
	expect_code 2 schedule-add --section=nosuch --start 2007-07 --what x &&
	test_must_be_empty out &&
	echo "schedule-add: --section=nosuch: not a section of the report wording; one of: general, vision, achievements, tasks, knowledge, training, ideas, forum, sharing, charter, cs, clubs, mvp, roadmap, mileage" >expect &&
	test_cmp expect err &&
	expect_code 2 schedule-add --section=idea --start 2007-07 --what x &&
	test_must_be_empty out &&
	echo "schedule-add: --section=idea: not a section of the report wording; did you mean ideas? (one of: general, vision, achievements, tasks, knowledge, training, ideas, forum, sharing, charter, cs, clubs, mvp, roadmap, mileage)" >expect &&
	test_cmp expect err &&
	printf "section,start,what\nideas,2007-08,심의회\nidea,2007-09,심의회\n" >typo.csv &&
	expect_code 1 schedule-add typo.csv &&
	test_grep "^schedule-add: typo.csv:3: section: idea: not a section of the report wording; did you mean ideas? (one of: .* ideas," err &&
	test_grep_not "typo.csv:2:" err &&
	test "$(db_value "SELECT count(*) FROM schedule")" = 6
'

test_expect_success 'the sections come from the wording file of the share directory' '
	mkdir -p myshare/report &&
	printf "[section.tasks]\nheading = 과제\n[section.extra]\nheading = 기타\n" \
		>myshare/report/report.ini &&
	expect_code 0 env INNO_SHARE=$TRASH/myshare schedule-add -n --section=extra \
		--start 2007-07 --what x &&
	expect_code 2 env INNO_SHARE=$TRASH/myshare schedule-add -n --section=ideas \
		--start 2007-07 --what x &&
	test_grep "ideas: not a section of the report wording; one of: tasks, extra$" err &&
	expect_code 2 env INNO_SHARE=$TRASH/nowhere schedule-add -n --section=tasks \
		--start 2007-07 --what x &&
	test_grep "^schedule-add: $TRASH/nowhere/report/report.ini: " err &&
	test "$(db_value "SELECT count(*) FROM schedule")" = 6
'

test_expect_success 'an event of several months is one line; an undated one reads as its words' '
	several=$(db_copy "$INNO_DB" several.db) &&
	expect_code 0 schedule-add -d "$several" --section=knowledge --months=2007-07,2007-12 \
		--what "지식마일리지 운영평가(반기1회)" &&
	test_must_be_empty err &&
	expect_code 0 schedule-add -d "$several" --section=cs --start=2007 --undated=필요시 \
		--what "찾아가는 고객만족 교육" &&
	test_must_be_empty err &&
	expect_code 0 report-build -d "$several" --period=2007-H1 --as-of=2007-06-30 council &&
	test_grep "^   - 2007. 7월·12월 : 지식마일리지 운영평가(반기1회)$" out &&
	test "$(grep -c "지식마일리지 운영평가" out)" = 1 &&
	test_grep "^   - 찾아가는 고객만족 교육 : 필요시$" out &&
	expect_code 1 schedule-add -d "$several" --section=cs --months=2007-12,2007-07 --what x &&
	echo "schedule-add: --months: 2007-07: not after 2007-12; give the months in order" >expect &&
	test_cmp expect err &&
	expect_code 1 schedule-add -d "$several" --section=cs --months=2007-07 --start=2007-07 --what x &&
	echo "schedule-add: --months: give the months, or a start and an end, not both" >expect &&
	test_cmp expect err &&
	expect_code 1 schedule-add -d "$several" --section=cs --what x &&
	echo "schedule-add: --start: required, but missing (a year for an undated event)" >expect &&
	test_cmp expect err
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 schedule-add --section tasks --start 2007-07 --what x plan.csv &&
	test_grep "^usage: schedule-add" err &&
	expect_code 2 schedule-add --bogus &&
	test_grep "^usage: schedule-add" err &&
	test "$(db_value "SELECT count(*) FROM schedule")" = 6
'

test_expect_success 'a dry run writes nothing' '
	expect_code 0 schedule-add -n --section tasks --start 2007-11 --what x &&
	test_must_be_empty out &&
	test "$(db_value "SELECT count(*) FROM schedule")" = 6
'

test_expect_success 'the council report shows what lies ahead of the as-of date' '
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 tasks &&
	cat >expect <<-\EOT &&
	□ 향후추진계획
	   - 2007. 6월~12월 : 추진 보고회 개최(월별)
	   - 2007. 7월 : 우수사례 경진대회 참가
	   - 2007. 10월 : 지방행정혁신 평가
	EOT
	sed -n "/향후추진계획/,\$p" out >plan &&
	test_cmp expect plan
'

test_expect_success 'a later as-of date leaves past events out' '
	expect_code 0 report-build --period=2007 --as-of=2007-08-01 tasks &&
	sed -n "/향후추진계획/,\$p" out >plan &&
	test_grep_not "경진대회" plan &&
	test_grep "2007. 10월 : 지방행정혁신 평가" plan
'

test_expect_success 'the audit covers every event' '
	expect_code 0 inno-check &&
	test_must_be_empty err
'

test_done
