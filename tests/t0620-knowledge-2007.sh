#!/bin/sh
# knowledge-add, knowledge-review, knowledge-list: the 2007 figures (33
# manuals; 76 evaluations, 47 approved and 29 rejected), view counts,
# counts by kind and quarter, and the listings that load back.
. "$(dirname "$0")/lib.sh"

strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup: 33 manuals and 43 items of work knowledge' '
	setup_staff &&
	{
		echo kind,title,author,registered &&
		for i in $(seq 1 76); do
			k=work; [ $i -le 33 ] && k=manual
			m=$(( (i - 1) % 5 + 2 ))
			echo "$k,지식 $i,E0$(( i % 7 + 2 )),2007-0$m-10"
		done
	} >items.csv &&
	expect_code 0 knowledge-add items.csv &&
	test_grep "76 items written" err &&
	test_must_be_empty out
'

test_expect_success 'the experts evaluate all 76: 47 approved, 29 rejected' '
	{
		echo knowledge,date,evaluator,verdict,reason &&
		for i in $(seq 1 76); do
			m=$(( (i - 1) % 5 + 2 ))
			if [ $i -le 47 ]; then
				echo "$i,2007-0$m-20,E01,approved,"
			else
				echo "$i,2007-0$m-20,E01,rejected,내용 부족"
			fi
		done
	} >evals.csv &&
	expect_code 0 knowledge-review evals.csv &&
	test_grep "76 evaluations written" err
'

test_expect_success 'the totals read back' '
	expect_code 0 knowledge-list --by=total --period=2007-H1 --format=csv &&
	cat >expect <<-\EOT &&
	items,work,living,manual,evaluations,approved,rejected,views
	76,43,0,33,76,47,29,0
	EOT
	strip out && test_cmp expect actual && test_must_be_empty err
'

test_expect_success 'by kind and by quarter' '
	expect_code 0 knowledge-list --by=kind --format=csv &&
	printf "kind,items,approved,rejected,submitted,views\nmanual,33,33,0,0,0\nwork,43,14,29,0,0\n" >expect &&
	strip out && test_cmp expect actual &&
	expect_code 0 knowledge-list --by=quarter --format=csv &&
	printf "quarter,items,approved,rejected,submitted,views\n2007-Q1,31,20,11,0,0\n2007-Q2,45,27,18,0,0\n" >expect &&
	strip out && test_cmp expect actual
'

test_expect_success 'view counts load from CSV, and load again as an update' '
	printf "knowledge,month,views\n1,2007-06,120\n2,2007-06,40\n" >views.csv &&
	expect_code 0 knowledge-add --views views.csv &&
	test_grep "2 view counts written" err &&
	printf "knowledge,month,views\n1,2007-06,150\n" >views2.csv &&
	expect_code 0 knowledge-add --views views2.csv &&
	test "$(db_value "SELECT sum(views) FROM knowledge_view")" = 190 &&
	printf "knowledge,month,views\n1,2007-01,5\n99,2007-06,1\n" >badviews.csv &&
	expect_code 1 knowledge-add --views badviews.csv &&
	test_grep "^knowledge-add: badviews.csv:2: month: 2007-01: before the item was registered on 2007-02-10" err &&
	test_grep "^knowledge-add: badviews.csv:3: knowledge: 99: no such knowledge item" err &&
	test "$(db_value "SELECT count(*) FROM knowledge_view")" = 2 &&
	inno-check >check.out 2>&1 && test_must_be_empty check.out
'

test_expect_success 'the listings load back' '
	knowledge-list --format=csv >items-back.csv &&
	knowledge-list --evaluations --format=csv >evals-back.csv &&
	db_set_aside first.db &&
	staff-import -q staff.csv &&
	knowledge-add -q items-back.csv &&
	knowledge-review -q evals-back.csv &&
	knowledge-list --by=total --format=csv >again &&
	strip again &&
	test_grep "^76,43,0,33,76,47,29,0" actual
'

test_done
