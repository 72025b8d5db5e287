#!/bin/sh
# staff-import's batch path: departments and teams looked up in memory
# once a batch, a new employee in one insert, an update only when a value
# changed, and every write audited: the batch's new departments and teams
# each by one audit row over their ids.
. "$(dirname "$0")/lib.sh"

test_expect_success 'a batch creates each department and team once' '
	cat >in.csv <<-\EOT &&
	employee_id,name,grade,dept,team
	E1,김하나,5,총무과,서무팀
	E2,이둘,6,총무과,서무팀
	E3,박셋,7,세무과,서무팀
	E4,최넷,7,세무과,
	E5,정다섯,8,총무과,인사팀
	EOT
	expect_code 0 staff-import in.csv &&
	test_must_be_empty out &&
	echo "staff-import: 5 employees written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM dept")" = 2 &&
	test "$(db_value "SELECT count(*) FROM team")" = 3 &&
	test "$(db_value "SELECT first_id || '\'' '\'' || last_id || '\'' '\'' || detail
	    FROM audit_lines WHERE action = '\''insert'\'' AND tbl = '\''team'\''")" = \
	    "1 3 3 teams" &&
	test "$(db_value "SELECT first_id || '\'' '\'' || last_id || '\'' '\'' || detail
	    FROM audit_lines WHERE action = '\''insert'\'' AND tbl = '\''dept'\''")" = \
	    "1 2 2 departments" &&
	expect_code 0 staff-list --by=team --format=csv &&
	tr -d "\r" <out >got &&
	cat >want <<-\EOT &&
	dept,team,authorised,current
	세무과,서무팀,,1
	총무과,서무팀,,2
	총무과,인사팀,,1
	EOT
	test_cmp want got
'

test_expect_success 'a second batch finds what the first created' '
	cat >more.csv <<-\EOT &&
	employee_id,name,grade,dept,team
	E6,강여섯,9,세무과,서무팀
	E7,조일곱,9,민원과,민원팀
	EOT
	expect_code 0 staff-import -q more.csv &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT count(*) FROM dept")" = 3 &&
	test "$(db_value "SELECT count(*) FROM team")" = 4 &&
	test "$(db_value "SELECT t.name FROM employee e JOIN team t
	    ON t.id = e.team_id WHERE e.employee_id = '\''E6'\''")" = 서무팀 &&
	test "$(db_value "SELECT d.name FROM employee e JOIN team t
	    ON t.id = e.team_id JOIN dept d ON d.id = t.dept_id
	    WHERE e.employee_id = '\''E6'\''")" = 세무과
'

test_expect_success 'an unchanged row writes nothing, a changed one one audit row' '
	before=$(db_value "SELECT count(*) FROM audit") &&
	cat >again.csv <<-\EOT &&
	employee_id,name,grade,dept,team
	E1,김하나,5,총무과,서무팀
	E2,이둘,7,총무과,서무팀
	E4,최넷,7,민원과,민원팀
	EOT
	expect_code 0 staff-import again.csv &&
	test_must_be_empty out &&
	echo "staff-import: 3 employees written" >expect &&
	test_cmp expect err &&
	after=$(db_value "SELECT count(*) FROM audit") &&
	test $((after - before)) = 2 &&
	test "$(db_value "SELECT detail FROM audit_lines WHERE
	    action = '\''update'\'' ORDER BY id")" = "employee E2: 이둘, grade 7, 총무과 서무팀
employee E4: 최넷, grade 7, 민원과 민원팀" &&
	test "$(db_value "SELECT grade FROM employee WHERE
	    employee_id = '\''E2'\''")" = 7 &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_expect_success 'a rejected batch leaves no department or team behind' '
	cat >bad.csv <<-\EOT &&
	employee_id,name,grade,dept,team
	N1,새사람,5,새부서,새팀
	N2,틀림,10,새부서,새팀
	EOT
	expect_code 1 staff-import bad.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	staff-import: bad.csv:3: grade: 10: out of range (1 to 9)
	staff-import: 1 of 2 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM dept WHERE name = '\''새부서'\''")" = 0
'

test_done
