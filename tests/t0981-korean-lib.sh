#!/bin/sh
# The library's messages in Korean: under a ko_KR.UTF-8 locale the errors
# of several modules (batch, CSV, dates, configuration, database, staff,
# mileage, ideas, tasks) come out in Korean from the catalogue, keeping
# their "file:line: column:" or option prefix; under C.UTF-8 the same
# commands stay English; CSV column names are the same in both.
. "$(dirname "$0")/lib.sh"

: "${INNO_LOCALEDIR:=$SRC_DIRECTORY/$INNO_BUILD/locale}"
export INNO_LOCALEDIR

# The machine has no Korean locale compiled: make one in the trash
# directory and point glibc at it with LOCPATH.
mkdir -p "$TRASH/locale"
if ! localedef -i ko_KR -f UTF-8 "$TRASH/locale/ko_KR.UTF-8" >/dev/null 2>&1 ||
    ! test -f "$INNO_LOCALEDIR/ko/LC_MESSAGES/inno.mo"; then
	echo "1..0 # SKIP no ko_KR locale source or no Korean catalogue"
	exit 0
fi

ko() {
	LOCPATH=$TRASH/locale LC_ALL=ko_KR.UTF-8 "$@"
}

test_expect_success 'setup' '
	setup_staff &&
	cat >bad.csv <<-\EOT &&
	employee_id,name,grade,dept,team
	E11,한지민,5,총무과,인사팀
	E12,오세훈,99,총무과,인사팀
	E13,서민준,5,,인사팀
	EOT
	printf "employee_id,name,grade,dept,team\nE14,\"a\"b,5,총무과,인사팀\n" >quote.csv &&
	printf "[csv]\nencodng = utf-8\n" >bad.ini
'

test_expect_success 'a batch: each bad row with file:line: column:, then the summary' '
	expect_code 1 ko staff-import bad.csv &&
	cat >expect <<-\EOT &&
	staff-import: bad.csv:3: grade: 99: 범위를 벗어났습니다 (1~9)
	staff-import: bad.csv:4: dept: 필수 항목인데 비어 있습니다
	staff-import: 2행이 거부되었습니다 (전체 3행). 아무것도 기록하지 않았습니다
	EOT
	test_cmp expect err &&
	test_must_be_empty out &&
	expect_code 1 staff-import bad.csv &&
	cat >expect <<-\EOT &&
	staff-import: bad.csv:3: grade: 99: out of range (1 to 9)
	staff-import: bad.csv:4: dept: required, but empty
	staff-import: 2 of 3 rows rejected; nothing was written
	EOT
	test_cmp expect err
'

test_expect_success 'malformed CSV' '
	expect_code 1 ko staff-import quote.csv &&
	echo "staff-import: quote.csv:2: name: CSV 형식 오류 (따옴표 없는 필드 안의 따옴표, 닫는 따옴표 뒤의 글자, 또는 닫히지 않은 따옴표). 아무것도 기록하지 않았습니다" >expect &&
	test_cmp expect err &&
	expect_code 1 staff-import quote.csv &&
	echo "staff-import: quote.csv:2: name: malformed CSV (a quote inside an unquoted field, text after a closing quote, or an unclosed quote); nothing was written" >expect &&
	test_cmp expect err
'

test_expect_success 'options: a bad date, an unknown employee and category' '
	expect_code 1 ko mileage-award --date=2007-02-30 --employee-id=E99 \
		--category=x &&
	cat >expect <<-\EOT &&
	mileage-award: --date: 2007-02-30: 그 달에 없는 날입니다
	mileage-award: --employee-id: E99: 없는 직원입니다
	mileage-award: --category: x: 없거나 꺼진 항목입니다 (inno.ini의 [mileage.x] 참조)
	mileage-award: 문제 3건. 아무것도 기록하지 않았습니다
	EOT
	test_cmp expect err &&
	test_must_be_empty out &&
	expect_code 1 mileage-award --date=2007-02-30 --employee-id=E99 \
		--category=x &&
	cat >expect <<-\EOT &&
	mileage-award: --date: 2007-02-30: no such day in that month
	mileage-award: --employee-id: E99: no such employee
	mileage-award: --category: x: unknown or disabled category (see [mileage.x] in inno.ini)
	mileage-award: 3 problems; nothing was written
	EOT
	test_cmp expect err
'

test_expect_success 'the configuration keeps its file:line' '
	expect_code 2 ko staff-list -c bad.ini &&
	echo "staff-list: bad.ini:2: encodng: [csv]에 없는 키입니다. encoding을(를) 뜻했습니까?" >expect &&
	test_cmp expect err &&
	expect_code 2 staff-list -c bad.ini &&
	echo "staff-list: bad.ini:2: encodng: unknown key in [csv]; did you mean encoding?" >expect &&
	test_cmp expect err
'

test_expect_success 'ideas, tasks, periods and the database' '
	expect_code 1 ko idea-review --idea=9 --date=2007-05-01 \
		--decision=rejected &&
	echo "idea-review: --idea: 9: 없는 제안입니다" >expect &&
	test_cmp expect err &&
	expect_code 2 ko task-list --status=bogus &&
	echo "task-list: --status=bogus: pool, selected, in_progress, completed, dropped 중 하나여야 합니다" >expect &&
	test_cmp expect err &&
	expect_code 2 ko mileage-list --period=2007-13 &&
	echo "mileage-list: --period=2007-13: 없는 월입니다" >expect &&
	test_cmp expect err &&
	expect_code 2 ko staff-list -d "$TRASH/none.db" &&
	echo "staff-list: $TRASH/none.db: 없는 데이터베이스입니다 (기록하는 프로그램이 만듭니다)" >expect &&
	test_cmp expect err &&
	test ! -e none.db &&
	expect_code 2 staff-list -d "$TRASH/none.db" &&
	echo "staff-list: $TRASH/none.db: no such database (a program that writes creates it)" >expect &&
	test_cmp expect err &&
	expect_code 4 ko staff-list -d postgresql://127.0.0.1:1/x &&
	test_grep "^staff-list: postgresql://127.0.0.1:1/x: 데이터베이스 서버에 연결할 수 없습니다: " err
'

test_expect_success 'inno-check names a change behind the programs in Korean' '
	check=$(db_copy "$INNO_DB" check.db) &&
	db_exec -d "$check" "UPDATE employee SET name = '"'x'"' WHERE id = 1" &&
	expect_code 1 ko inno-check -d "$check" &&
	echo "employee: 1번 행이 inno 프로그램 밖에서 변경되었습니다 (해당하는 감사 기록 없음)" >expect &&
	test_cmp expect out &&
	echo "inno-check: 문제 1건을 찾았습니다" >expect &&
	test_cmp expect err &&
	expect_code 1 inno-check -d "$check" &&
	echo "employee: row 1 was changed outside the inno programs (no audit entry covers it)" >expect &&
	test_cmp expect out &&
	echo "inno-check: 1 problem found" >expect &&
	test_cmp expect err
'

test_expect_success 'CSV column names and data are the same in both locales' '
	expect_code 0 ko staff-list --format=csv &&
	mv out ko.csv &&
	test_must_be_empty err &&
	expect_code 0 staff-list --format=csv &&
	test_cmp out ko.csv &&
	head -n 1 ko.csv | grep "^employee_id,"
'

test_done
