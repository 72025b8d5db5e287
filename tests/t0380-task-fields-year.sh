#!/bin/sh
# Task fields per year: [task] fields_YYYY gives a year fields of its own
# (2006's 혁신관리시스템 구축 beside 2007's fifteen); a task may name a
# field of any year, and the report of a period counts by its year's.
. "$(dirname "$0")/lib.sh"

setup_staff

cat >inno.ini <<\EOT
[task]
fields = 고객만족 제고, 주민참여
focus = 고객만족 제고
fields_2006 = 혁신관리시스템 구축, 주민참여
focus_2006 = 혁신관리시스템 구축
EOT
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG

test_expect_success 'a task names a field of its year, or of none' '
	cat >tasks.csv <<-\EOT &&
	title,field,dept,status,start
	관리시스템,혁신관리시스템 구축,총무과,in_progress,2006-03-01
	참여,주민참여,총무과,in_progress,2006-03-01
	만족,고객만족 제고,총무과,in_progress,2007-02-01
	EOT
	expect_code 0 task-add -q tasks.csv &&
	test_must_be_empty err &&
	expect_code 1 task-add --title=x --field=없는분야 --dept=총무과 &&
	echo "task-add: --field: 없는분야: not one of the 2 fields of task:fields in inno.ini" >expect &&
	test_cmp expect err
'

test_expect_success 'the report of 2006 counts by the fields of 2006' '
	expect_code 0 report-build --period=2006 --as-of=2006-12-31 tasks &&
	test_grep "^   - 혁신관리시스템 구축 : 1개" out &&
	test_grep_not "고객만족 제고 :" out &&
	expect_code 0 report-build --period=2007 --as-of=2007-12-31 tasks &&
	test_grep "^   - 고객만족 제고 : " out &&
	test_grep_not "혁신관리시스템 구축 :" out
'

test_expect_success 'a focus of a year must be one of its fields' '
	printf "[task]\nfields_2006 = 가, 나\nfocus_2006 = 다\n" >bad.ini &&
	expect_code 2 env INNO_CONFIG=$TRASH/bad.ini report-build --period=2006 tasks &&
	test_grep "\"다\" is not one of task:fields" err
'

test_done
