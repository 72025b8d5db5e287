#!/bin/sh
# inno-export: any table or view, whole.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' 'setup_staff'

test_expect_success '--list names the tables' '
	expect_code 0 inno-export --list --format=csv &&
	test_grep "^employee,table" out &&
	test_grep "^audit,table" out &&
	test_must_be_empty err
'

test_expect_success 'a table as CSV, ids as numbers' '
	expect_code 0 inno-export --format=csv dept &&
	printf "%s\r\n" id,name,kind 1,창의혁신단,division 2,총무과,division 3,사회복지과,division >expect &&
	test_cmp expect out
'

test_expect_success 'json keeps numbers as numbers' '
	expect_code 0 inno-export --format=json dept &&
	test_grep "^{\"id\":1,\"name\":\"창의혁신단\",\"kind\":\"division\"}" out
'

test_expect_success 'an unknown table is named, and SQL is not run' '
	expect_code 2 inno-export "employee; DROP TABLE employee" &&
	echo "inno-export: employee; DROP TABLE employee: no such table or view (see inno-export --list)" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM employee")" = 8
'

test_expect_success 'a table and --list together is a usage error' '
	expect_code 2 inno-export --list dept &&
	test_grep "^usage: inno-export" err
'

test_done
