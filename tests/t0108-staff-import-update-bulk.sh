#!/bin/sh
# staff-import's updates, made and audited a thousand at a time: every
# changed employee still has its own audit row, in the order of the file,
# covering its own entry in the change log; an employee named twice in a
# file is changed twice, the second time from the first's values; a new
# department among the updates keeps its place in the log; inno-check
# finds the database clean and inno-undo takes the updates back.
. "$(dirname "$0")/lib.sh"

# staff N GRADE: employees E000001..N, in 7 departments, at grade GRADE
# (0: each its own).
staff() {
	awk -v n="$1" -v g="$2" 'BEGIN {
		print "employee_id,name,grade,dept,team"
		for (i = 1; i <= n; i++)
			printf "E%06d,직원%d,%d,부서%d,팀%d\n", i, i,
			    g ? g : i % 9 + 1, i % 7, i % 3
	}'
}

# changed FILE: the audit details of the rows of FILE (all at grade 5)
# that changed an employee of the first file.
changed() {
	awk -F, 'NR > 1 && (substr($1, 2) + 0) % 9 + 1 != 5 {
		printf "employee %s: %s, grade 5, %s %s\n", $1, $2, $4, $5
	}' "$1"
}

test_expect_success 'setup: 2500 employees' '
	staff 2500 0 >first.csv &&
	expect_code 0 staff-import -q first.csv &&
	test "$(db_value "SELECT count(*) FROM employee")" = 2500
'

test_expect_success 'every one of 2500 changed employees has its audit row' '
	staff 2500 5 >second.csv &&
	nchanged=$(db_value "SELECT count(*) FROM employee WHERE grade <> 5") &&
	expect_code 0 staff-import second.csv &&
	test_must_be_empty out &&
	echo "staff-import: 2500 employees written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM employee WHERE grade = 5")" = 2500 &&
	cmd=$(db_value "SELECT max(command) FROM audit") &&
	test "$(db_value "SELECT count(*) FROM audit WHERE command = $cmd AND
	    action = '\''update'\''")" = "$nchanged" &&
	changed second.csv >expect &&
	db_value "SELECT detail FROM audit WHERE command = $cmd AND
	    action = '\''update'\'' ORDER BY id" >got &&
	test_cmp expect got &&
	db_value "SELECT count(*) FROM audit a JOIN audit_change c ON
	    c.id = a.change_id WHERE a.command = $cmd AND a.action = '\''update'\''
	    AND c.tbl = '\''employee'\'' AND c.action = '\''update'\'' AND
	    c.first_id = a.first_id AND a.last_id = a.first_id" >got &&
	echo "$nchanged" >expect &&
	test_cmp expect got &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_expect_success 'an employee named twice is changed twice, in order' '
	cat >twice.csv <<-\EOT &&
	employee_id,name,grade,dept,team
	E000001,직원1,6,부서1,팀1
	E000002,직원2,6,부서2,팀2
	E000001,직원1,5,부서1,팀1
	EOT
	expect_code 0 staff-import -q twice.csv &&
	cmd=$(db_value "SELECT max(command) FROM audit") &&
	db_value "SELECT detail FROM audit WHERE command = $cmd ORDER BY id" >got &&
	cat >expect <<-\EOT &&
	employee E000001: 직원1, grade 6, 부서1 팀1
	employee E000002: 직원2, grade 6, 부서2 팀2
	employee E000001: 직원1, grade 5, 부서1 팀1
	EOT
	test_cmp expect got &&
	test "$(db_value "SELECT grade FROM employee WHERE
	    employee_id = '\''E000001'\''")" = 5 &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_expect_success 'a new department among the updates keeps its place' '
	cat >moved.csv <<-\EOT &&
	employee_id,name,grade,dept,team
	E000003,직원3,7,부서3,팀0
	E000004,직원4,7,새부서,팀1
	E000005,"이름 ""따옴표"" \ 역슬래시",7,부서5,팀2
	EOT
	expect_code 0 staff-import -q moved.csv &&
	cmd=$(db_value "SELECT max(command) FROM audit") &&
	db_value "SELECT c.tbl, c.action FROM audit_change c WHERE c.id >
	    (SELECT max(change_id) FROM audit WHERE command < $cmd)
	    ORDER BY c.id" >got &&
	cat >expect <<-\EOT &&
	employee|update
	dept|insert
	team|insert
	employee|update
	employee|update
	EOT
	test_cmp expect got &&
	test "$(db_value "SELECT name FROM employee WHERE
	    employee_id = '\''E000005'\''")" = "이름 \"따옴표\" \\ 역슬래시" &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_expect_success 'inno-undo takes the 2500 updates back' '
	cmd=$(db_value "SELECT command FROM audit WHERE detail LIKE
	    '\''employee E000009: %, grade 5, %'\'' ORDER BY id LIMIT 1") &&
	for c in $(db_value "SELECT id FROM command WHERE id > $cmd AND
	    undoes IS NULL ORDER BY id DESC") $cmd; do
		expect_code 0 inno-undo -q "$c" || return 1
	done &&
	test "$(db_value "SELECT count(*) FROM employee WHERE grade = 5")" = \
	    "$(awk "BEGIN { n = 0; for (i = 1; i <= 2500; i++)
		if (i % 9 + 1 == 5) n++; print n }")" &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_done
