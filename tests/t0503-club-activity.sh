#!/bin/sh
# club-activity: seminars, visits, lecturers, contest entries and results.
. "$(dirname "$0")/lib.sh"

INNO_NOW=2007-08-31
export INNO_NOW

test_expect_success 'setup' '
	setup_staff &&
	club-register -q --name=정책품질관리 --kind=strategic --leader=E01 \
	    --registered=2007-03-01 >/dev/null
'

test_expect_success 'one activity from options prints its id' '
	expect_code 0 club-activity --club=정책품질관리 --kind=lecturer \
	    --date=2007-04-12 --attendees=14 --note="정책품질 특강" &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT kind, date, attendees, note FROM club_activity")" = "lecturer|2007-04-12|14|정책품질 특강"
'

test_expect_success 'without attendees or date: none recorded, today' '
	expect_code 0 club-activity --club=정책품질관리 --kind=contest-entry &&
	echo 2 >expect &&
	test_cmp expect out &&
	test "$(db_value "SELECT date, CASE WHEN attendees IS NULL THEN 1 ELSE 0 END FROM club_activity WHERE id = 2")" = "2007-08-31|1"
'

test_expect_success 'many from CSV, with a contest result' '
	cat >acts.csv <<-\EOT &&
	club,kind,date,attendees,result,note
	정책품질관리,seminar,2007-05-02,11,,월례 세미나
	정책품질관리,visit,2007-05-20,9,,타기관 탐방
	정책품질관리,contest-result,2007-08-24,,우수상,경진대회
	EOT
	expect_code 0 club-activity acts.csv &&
	test_must_be_empty out &&
	test_grep "3 activities written" err &&
	test "$(db_value "SELECT result FROM club_activity WHERE kind = '\''contest-result'\''")" = 우수상
'

test_expect_success 'bad rows: every one reported, nothing written' '
	cat >bad.csv <<-\EOT &&
	club,kind,date,attendees,result
	정책품질관리,seminar,2007-06-01,10,
	정책품질관리,party,2007-06-01,10,
	정책품질관리,seminar,2007-02-01,10,
	정책품질관리,seminar,2007-06-01,many,
	정책품질관리,seminar,2007-06-01,10,대상
	EOT
	expect_code 1 club-activity bad.csv &&
	test_must_be_empty out &&
	test_grep "^club-activity: bad.csv:3: kind: party: expected one of seminar, visit, lecturer, contest-entry, contest-result$" err &&
	test_grep "^club-activity: bad.csv:4: date: 2007-02-01: before the club was registered on 2007-03-01$" err &&
	test_grep "^club-activity: bad.csv:5: attendees: many: " err &&
	test_grep "^club-activity: bad.csv:6: result: only a contest-result has a result$" err &&
	test "$(db_value "SELECT count(*) FROM club_activity")" = 5
'

test_expect_success '--reject writes the bad rows with a reason' '
	expect_code 1 club-activity --reject=rej.csv bad.csv &&
	test "$(wc -l <rej.csv)" -eq 5 &&
	head -1 rej.csv | tr -d "\r" >got &&
	echo "club,kind,date,attendees,result,reject_reason" >expect &&
	test_cmp expect got
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 club-activity --club=정책품질관리 acts.csv &&
	test_must_be_empty out &&
	test_grep "^usage: club-activity" err
'

test_expect_success 'activities are counted per club, in the period asked' '
	expect_code 0 club-list --year=2007 --format=tsv &&
	test "$(sed 1d out | cut -f12)" = 5 &&
	expect_code 0 club-list --period=2007-05 --format=tsv &&
	test "$(sed 1d out | cut -f2,12)" = "정책품질관리	2" &&
	expect_code 0 club-list --period=2007-02 --format=tsv &&
	test "$(sed 1d out | wc -l)" -eq 0 &&
	expect_code 0 club-list --format=tsv &&
	test "$(sed 1d out | cut -f12)" = 5
'

test_done
