#!/bin/sh
# CSV headers: a misspelt column is named beside the one it should be, a
# huge header is checked for repeated names in n log n time, and a UTF-8
# file with a byte order mark loads even when --encoding=cp949 was given.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' 'setup_staff'

test_expect_success 'a misspelt required column is named' '
	printf "title,feild,dept\n과제,지식관리,창의혁신단\n" >tasks.csv &&
	expect_code 1 task-add tasks.csv &&
	echo "task-add: tasks.csv:1: field: required column missing from the header (found feild)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	printf "employee_id,nmae,grade,dept\nE09,김,5,총무과\n" >staff2.csv &&
	expect_code 1 staff-import staff2.csv &&
	echo "staff-import: staff2.csv:1: name: required column missing from the header (found nmae)" >expect &&
	test_cmp expect err
'

test_expect_success 'a missing column with nothing like it is named alone' '
	printf "employee_id,grade,dept\nE09,5,총무과\n" >staff3.csv &&
	expect_code 1 staff-import staff3.csv &&
	echo "staff-import: staff3.csv:1: name: required column missing from the header" >expect &&
	test_cmp expect err
'

test_expect_success 'a header of 200,000 columns with one repeated is refused quickly' '
	awk "BEGIN { printf \"employee_id,name,grade,dept\"
		for (i = 1; i <= 200000; i++) printf \",c%d\", i
		printf \",c7\\n\" }" >wide.csv &&
	expect_code 1 timeout 20 staff-import wide.csv &&
	echo "staff-import: wide.csv:1: c7: column named twice in the header" >expect &&
	test_cmp expect err
'

test_expect_success 'and without the repeat it loads' '
	awk "BEGIN { printf \"employee_id,name,grade,dept\"
		for (i = 1; i <= 200000; i++) printf \",c%d\", i
		printf \"\\nE20,넓은,7,총무과\"
		for (i = 1; i <= 200000; i++) printf \",\"
		printf \"\\n\" }" >wide2.csv &&
	expect_code 0 timeout 20 staff-import -q wide2.csv &&
	test_must_be_empty err &&
	test "$(db_value "SELECT name FROM employee WHERE employee_id = '\''E20'\''")" = 넓은
'

test_expect_success 'a UTF-8 file with a BOM loads with --encoding=cp949' '
	printf "\357\273\277employee_id,name,grade,dept\r\nE30,한글이,6,총무과\r\n" >excel.csv &&
	expect_code 0 staff-import -q --encoding=cp949 excel.csv &&
	test_must_be_empty err &&
	test "$(db_value "SELECT name FROM employee WHERE employee_id = '\''E30'\''")" = 한글이
'

test_done
