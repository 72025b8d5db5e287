#!/bin/sh
# staff-import: employees and teams from CSV, all or nothing.
. "$(dirname "$0")/lib.sh"

test_expect_success 'Hangul, quoted commas and quotes round-trip' '
	cat >in.csv <<-\EOT &&
	employee_id,name,grade,dept,team,joined,left
	E1,김철수,5,창의혁신단,창의혁신기획팀,2007-01-02,
	E2,"이, ""영희""",7,창의혁신단,고객만족팀,,
	E3,박 민호,9,총무과,,2006-03-01,2007-05-31
	EOT
	expect_code 0 staff-import in.csv &&
	test_must_be_empty out &&
	echo "staff-import: 3 employees written" >expect &&
	test_cmp expect err &&
	expect_code 0 staff-list --format=csv &&
	sort out | tr -d "\r" >got &&
	sort in.csv >want &&
	test_cmp want got
'

test_expect_success 'the output of staff-list loads back unchanged' '
	staff-list --format=csv >list.csv &&
	db_fresh &&
	expect_code 0 staff-import -q list.csv &&
	test_must_be_empty err &&
	staff-list --format=csv >again.csv &&
	test_cmp list.csv again.csv
'

test_expect_success 'a neutralised formula loads back as the original text' '
	printf "employee_id,name,grade,dept\nF1,=1+1,7,총무과\nF2,＠합계,7,총무과\n" >f.csv &&
	expect_code 0 staff-import -q f.csv &&
	staff-list --format=csv --dept=총무과 >neut.csv &&
	test_grep "^F1,'"'"'=1+1," neut.csv &&
	expect_code 0 staff-import -q neut.csv &&
	test "$(db_value "SELECT name FROM employee WHERE employee_id = '\''F1'\''")" = "=1+1" &&
	test "$(db_value "SELECT name FROM employee WHERE employee_id = '\''F2'\''")" = "＠합계"
'

test_expect_success 'a bad row rejects the batch and names file, line, column' '
	cat >bad.csv <<-\EOT &&
	employee_id,name,grade,dept
	N1,새직원,7,총무과
	N2,잘못,12,총무과
	N3,날짜,7,총무과
	N4,"따옴표, 안",abc,총무과
	EOT
	expect_code 1 staff-import bad.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	staff-import: bad.csv:3: grade: 12: out of range (1 to 9)
	staff-import: bad.csv:5: grade: abc: not a number
	staff-import: 2 of 4 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM employee WHERE employee_id LIKE '\''N%'\''")" = 0
'

test_expect_success '--reject writes the bad rows with a reason' '
	expect_code 1 staff-import --reject=rej.csv bad.csv &&
	printf "%s\r\n" "employee_id,name,grade,dept,reject_reason" \
	    "N2,잘못,12,총무과,grade: 12: out of range (1 to 9)" \
	    "N4,\"따옴표, 안\",abc,총무과,grade: abc: not a number" >expect &&
	test_cmp expect rej.csv
'

test_expect_success 'a missing required column is named' '
	printf "employee_id,name,dept\nX,y,z\n" >nocol.csv &&
	expect_code 1 staff-import nocol.csv &&
	echo "staff-import: nocol.csv:1: grade: required column missing from the header" >expect &&
	test_cmp expect err
'

test_expect_success 'leaving before joining is refused' '
	printf "employee_id,name,grade,dept,joined,left\nX,y,7,z,2007-05-01,2007-04-01\n" >dates.csv &&
	expect_code 1 staff-import dates.csv &&
	test_grep "^staff-import: dates.csv:2: left: 2007-04-01: before the joining date 2007-05-01" err
'

test_expect_success 'the same batch twice is applied once' '
	expect_code 0 staff-import -q in.csv &&
	expect_code 0 staff-import in.csv &&
	test_grep "was applied before; nothing written" err &&
	expect_code 0 staff-import --batch-id=april in.csv &&
	cp in.csv changed.csv && echo "E9,새사람,8,총무과,,," >>changed.csv &&
	expect_code 1 staff-import --batch-id=april changed.csv &&
	echo "staff-import: batch april was applied before with different content; nothing was written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM employee WHERE employee_id = '\''E9'\''")" = 0
'

test_expect_success 'a dry run writes nothing' '
	expect_code 0 staff-import -n changed.csv &&
	echo "staff-import: dry run: 4 rows valid, nothing written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM employee WHERE employee_id = '\''E9'\''")" = 0
'

test_expect_success 'an update changes the record and is audited' '
	printf "employee_id,name,grade,dept,team\nE1,김철수,4,총무과,인사팀\n" >move.csv &&
	expect_code 0 staff-import -q move.csv &&
	test_must_be_empty err &&
	test "$(db_value "SELECT grade || d.name FROM employee e JOIN dept d ON d.id = e.dept_id WHERE employee_id = '\''E1'\''")" = "4총무과" &&
	test "$(db_value "SELECT count(*) FROM audit WHERE action = '\''update'\'' AND tbl = '\''employee'\'' AND detail LIKE '\''employee E1:%'\''")" = 1 &&
	test "$(db_value "SELECT DISTINCT user FROM audit")" = "$(id -un)"
'

test_expect_success 'teams carry the authorised headcount' '
	printf "dept,team,authorised,kind\n총무과,인사팀,6,division\n" >teams.csv &&
	expect_code 0 staff-import --teams teams.csv &&
	test_must_be_empty out &&
	expect_code 0 staff-list --by=team --dept=총무과 --format=csv &&
	printf "dept,team,authorised,current\r\n총무과,인사팀,6,1\r\n" >expect &&
	test_cmp expect out
'

test_expect_success 'CP949 input with --encoding=cp949' '
	printf "employee_id,name,grade,dept\nK1,한글이름,7,총무과\n" | iconv -f UTF-8 -t CP949 >cp.csv &&
	expect_code 1 staff-import cp.csv &&
	test_grep "cp.csv:2: name: invalid UTF-8 .*give --encoding=cp949" err &&
	expect_code 0 staff-import -q --encoding=cp949 cp.csv &&
	test "$(db_value "SELECT name FROM employee WHERE employee_id = '\''K1'\''")" = 한글이름
'

test_expect_success 'too many operands is a usage error' '
	expect_code 2 staff-import a.csv b.csv &&
	test_grep "^usage: staff-import" err
'

test_expect_success 'a missing input file is a usage error' '
	expect_code 2 staff-import no-such.csv &&
	echo "staff-import: no-such.csv: No such file or directory" >expect &&
	test_cmp expect err
'

test_done
