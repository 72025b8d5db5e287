#!/bin/sh
# Tables for a terminal: columns line up by display width (Hangul and the
# emoji shown as pictures, ✅ ⭐, are two columns), a table fits $COLUMNS by
# clipping its widest text columns with an ellipsis and never a number, a
# cell holding a newline stays on its row, and a long listing is measured
# over its first 1000 rows and then streamed, later longer text clipped.
. "$(dirname "$0")/lib.sh"

# The display width of the widest line of a file (wc -L counts columns).
widest() { wc -L <"$1"; }

test_expect_success 'setup: three tasks, one title with a check mark' '
	setup_staff &&
	printf "title,field,dept,priority,budget\n✅ 민원 원스톱 서비스 완료,민원행정 개선,총무과,80,5000000\n⭐ 우수 과제,지식관리,창의혁신단,,\n평범한 과제,지식관리,사회복지과,95,1200000\n" >t.csv &&
	expect_code 0 task-add -q t.csv &&
	db_value "UPDATE task SET title = '"'"'줄바꿈'"'"' || char(10) || '"'"'제목'"'"' WHERE id = 3"
'

test_expect_success 'emoji and an escaped newline keep the table aligned' '
	expect_code 0 task-list --format=table &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	id  title                       field          focus  origin  dept        status  priority   budget  start  due  members  leader  milestones  percent
	 1  ✅ 민원 원스톱 서비스 완료  민원행정 개선      0  own     총무과      pool          80  5000000                    0
	 2  ⭐ 우수 과제                지식관리           0  own     창의혁신단  pool                                         0
	 3  줄바꿈\n제목                지식관리           0  own     사회복지과  pool          95  1200000                    0
	EOT
	test_cmp expect out
'

test_expect_success 'COLUMNS=120: the text columns are clipped, numbers kept' '
	expect_code 0 env COLUMNS=120 task-list --format=table &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	id  title      field    focus  origin  dept     status  priority   budget  start  due  members  leader  milest…  percent
	 1  ✅ 민원 …  민원행…      0  own     총무과   pool          80  5000000                    0
	 2  ⭐ 우수 …  지식관…      0  own     창의혁…  pool                                         0
	 3  줄바꿈\n…  지식관…      0  own     사회복…  pool          95  1200000                    0
	EOT
	test_cmp expect out &&
	test "$(widest out)" = 120
'

test_expect_success 'a wide enough COLUMNS changes nothing' '
	expect_code 0 env COLUMNS=400 task-list --format=table &&
	task-list --format=table >plain &&
	test_cmp plain out
'

test_expect_success 'COLUMNS is for tables only: csv is not clipped' '
	expect_code 0 env COLUMNS=20 task-list --format=csv &&
	test_grep "^1,✅ 민원 원스톱 서비스 완료,민원행정 개선," out
'

test_expect_success 'the demo under COLUMNS=80: no line wider than 80 columns' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo" &&
	expect_code 0 env COLUMNS=80 task-list -d demo/inno.db --format=table &&
	test_must_be_empty err &&
	test "$(wc -l <out)" = 237 &&
	test "$(widest out)" -le 80 &&
	task-list -d demo/inno.db --format=table >wide &&
	test "$(widest wide)" -gt 200 &&
	test_grep "^236  " out
'

test_expect_success 'a long table: widths from the first 1000 rows, later rows clipped' '
	{
		echo employee_id,name,grade,dept,team &&
		i=100 && while [ $i -lt 1600 ]; do
			if [ $i -eq 1300 ]; then
				echo "Z$i,아주 긴 이름을 가진 직원,9,총무과,인사팀"
			else
				echo "N$i,김$i,5,총무과,인사팀"
			fi
			i=$((i + 1))
		done
	} >many.csv &&
	expect_code 0 staff-import -q many.csv &&
	expect_code 0 staff-list --format=table &&
	test_must_be_empty err &&
	test "$(wc -l <out)" = 1509 &&
	sed -n "2p;\$p" out >actual &&
	cat >expect <<-\EOT &&
	E07          윤서아      7  사회복지과  복지정책팀
	Z1300        아주 …      9  총무과      인사팀
	EOT
	test_cmp expect actual &&
	test "$(widest out)" = "$(sed 2q out | widest /dev/stdin)"
'

test_done
