#!/bin/sh
# report-build --check: passes when every figure's parts add up to it, and
# fails naming the figure when a record was changed behind the programs'
# backs so that they no longer do.
. "$(dirname "$0")/lib.sh"

cat >teams.csv <<\EOT
dept,team,authorised
창의혁신단,기획팀,3
창의혁신단,지원팀,2
EOT
cat >staff.csv <<\EOT
employee_id,name,grade,dept,team
E01,김민수,5,창의혁신단,기획팀
E02,이서연,6,창의혁신단,기획팀
E03,박지훈,7,창의혁신단,지원팀
EOT
printf '[report]\noffice = 창의혁신단\n' >inno.ini
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG

test_expect_success 'setup' '
	expect_code 0 staff-import -q --teams teams.csv &&
	expect_code 0 staff-import -q staff.csv &&
	expect_code 0 task-add -q --title "민원 문자 서비스" \
		--field "민원행정 개선" --dept 창의혁신단 --start 2007-02-01 &&
	expect_code 0 idea-submit -q --submitted 2007-03-02 --title "분수대 설치" \
		--source staff --employee E01 &&
	expect_code 0 idea-submit -q --submitted 2007-03-05 --title "화장실 개선" \
		--source staff --employee E02 &&
	expect_code 0 idea-review -q --idea 1 --date 2007-04-20 \
		--meeting "1차 심의회" --decision adopted --dept 창의혁신단
'

test_expect_success '--check on consistent records: exit 0, silent' '
	expect_code 0 report-build --check --period=2007 council &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success '--check names a total its parts no longer add up to' '
	edited=$(db_copy "$INNO_DB" edited.db) &&
	db_exec -d "$edited" "UPDATE employee SET team_id = NULL WHERE employee_id = '\''E03'\''" &&
	expect_code 1 report-build -d "$edited" --check --period=2007 &&
	test_must_be_empty out &&
	echo "report-build: staff.current (현 원): total 3, but its parts add up to 2" >expect &&
	test_cmp expect err
'

test_expect_success_sqlite 'the sqlite3 shell does not enforce foreign keys, and a server always does' \
    '--check fails when an audited row was deleted' '
	deleted=$(db_copy "$INNO_DB" deleted.db) &&
	db_exec -d "$deleted" "DELETE FROM team WHERE name = '\''지원팀'\''" &&
	expect_code 1 report-build -d "$deleted" --check --period=2007 &&
	test_grep "^report-build: staff.current (현 원): total 3, but its parts add up to 2$" err &&
	test_must_be_empty out
'

test_expect_success '--check names tasks in a field no longer configured' '
	field=$(db_copy "$INNO_DB" field.db) &&
	db_exec -d "$field" "UPDATE task SET field = '\''없는 분야'\''" &&
	expect_code 1 report-build -d "$field" --check --period=2007 &&
	echo "report-build: tasks.projects (성과창출형 행정혁신 단위사업): total 1, but its parts add up to 0" >expect &&
	test_cmp expect err
'

test_expect_success_sqlite 'the sqlite3 shell does not enforce foreign keys, and a server always does' \
    'ideas count by their review history; a deleted review leaves them waiting' '
	review=$(db_copy "$INNO_DB" review.db) &&
	db_exec -d "$review" "DELETE FROM idea_review" &&
	expect_code 0 report-build -d "$review" --check --period=2007 &&
	test_must_be_empty out && test_must_be_empty err &&
	expect_code 0 report-build -d "$review" --period=2007 ideas &&
	test_grep "창의구정 아이디어 접수 : 2건 (심의 0, 심의대기 2)$" out &&
	expect_code 1 inno-check -d "$review" &&
	test_grep "^idea 1: status adopted, but no review decided it$" out
'

test_expect_success 'a status changed without a review does not reach the report; inno-check names it' '
	status=$(db_copy "$INNO_DB" status.db) &&
	db_exec -d "$status" "UPDATE idea SET status = '\''rejected'\'' WHERE id = 2" &&
	expect_code 0 report-build -d "$status" --check --period=2007 ideas &&
	test_must_be_empty out && test_must_be_empty err &&
	expect_code 0 report-build -d "$status" --period=2007 ideas &&
	test_grep "창의구정 아이디어 접수 : 2건 (심의 1, 심의대기 1)$" out &&
	test_grep "심의 결과 : 1건 (창의 과제 채택 1)$" out &&
	expect_code 1 inno-check -d "$status" &&
	cat >expect <<-\EOT &&
	idea: row 2 was changed outside the inno programs (no audit entry covers it)
	idea 2: status rejected, but no review decided it
	EOT
	test_cmp expect out
'

test_expect_success 'the report itself still shows the disagreeing figures' '
	expect_code 0 report-build -d "$(db_name edited.db)" --period=2007 staff &&
	test_grep "현 원 : 3명 (기획팀 2, 지원팀 0)" out &&
	test_must_be_empty err
'

test_expect_success '--check of an unknown kind is a usage error' '
	expect_code 2 report-build --check nosuchkind &&
	test_grep "^report-build: nosuchkind: no report kind" err
'

test_done
