#!/bin/sh
# idea-submit, idea-review, idea-list: the 2007 figures (74 ideas received;
# two review meetings reviewed 45, leaving 29 pending; 16 adopted), counts
# by status, month, department and meeting, and the overdue list.
. "$(dirname "$0")/lib.sh"

# CSV and TSV end lines with CR LF (RFC 4180); compare without the CRs.
strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup: 74 ideas from staff and citizens' '
	setup_staff &&
	{
		echo submitted,title,source,employee_id,proposer &&
		for i in $(seq 1 74); do
			m=$(( (i - 1) % 4 + 3 ))
			if [ $((i % 3)) -eq 0 ]; then
				echo "2007-0$m-05,아이디어 $i,citizen,,주민$i"
			else
				echo "2007-0$m-05,아이디어 $i,staff,E0$(( i % 8 + 1 )),"
			fi
		done
	} >ideas.csv &&
	expect_code 0 idea-submit ideas.csv &&
	test_must_be_empty out &&
	test_grep "74 ideas written" err
'

test_expect_success 'two review meetings decide 45 of them' '
	{
		echo idea,date,meeting,decision,dept,reason &&
		for i in $(seq 1 25); do
			if [ $i -le 9 ]; then
				echo "$i,2007-06-12,제1차 창의구정 심의회,adopted,총무과,"
			else
				echo "$i,2007-06-12,제1차 창의구정 심의회,rejected,,중복"
			fi
		done &&
		for i in $(seq 26 45); do
			if [ $i -le 32 ]; then
				echo "$i,2007-06-26,제2차 창의구정 심의회,adopted,사회복지과,"
			else
				echo "$i,2007-06-26,제2차 창의구정 심의회,rejected,,예산 부족"
			fi
		done
	} >reviews.csv &&
	expect_code 0 idea-review reviews.csv &&
	test_grep "45 reviews written" err
'

test_expect_success 'the totals read back: 74, 45 reviewed, 29 pending, 16 adopted' '
	expect_code 0 idea-list --by=total --period=2007-H1 --format=csv &&
	cat >expect <<-\EOT &&
	received,reviewed,adopted,rejected,pending,meetings,planned,in_progress,done,dropped
	74,45,16,29,29,2,16,0,0,0
	EOT
	strip out && test_cmp expect actual && test_must_be_empty err
'

test_expect_success 'by meeting' '
	expect_code 0 idea-list --by=meeting --format=csv &&
	cat >expect <<-\EOT &&
	date,meeting,reviewed,adopted,rejected,pending
	2007-06-12,제1차 창의구정 심의회,25,9,16,0
	2007-06-26,제2차 창의구정 심의회,20,7,13,0
	EOT
	strip out && test_cmp expect actual
'

test_expect_success 'by status, month, department and source' '
	expect_code 0 idea-list --by=status --format=csv &&
	printf "status,ideas\npending,29\nadopted,16\nrejected,29\n" >expect &&
	strip out && test_cmp expect actual &&
	expect_code 0 idea-list --by=month --format=csv &&
	cat >expect <<-\EOT &&
	month,received,adopted,rejected,pending
	2007-03,19,4,8,7
	2007-04,19,4,7,8
	2007-05,18,4,7,7
	2007-06,18,4,7,7
	EOT
	strip out && test_cmp expect actual &&
	expect_code 0 idea-list --by=dept --format=csv &&
	cat >expect <<-\EOT &&
	dept,adopted,planned,in_progress,done,dropped
	사회복지과,7,7,0,0,0
	총무과,9,9,0,0,0
	EOT
	strip out && test_cmp expect actual &&
	expect_code 0 idea-list --by=source --format=csv &&
	printf "source,received,adopted,rejected,pending\nstaff,50,11,19,20\ncitizen,24,5,10,9\n" >expect &&
	strip out && test_cmp expect actual
'

test_expect_success 'implementation of an adopted idea' '
	expect_code 0 idea-review --idea=1 --date=2007-07-02 \
		--implementation=done --reason="설치 완료" &&
	echo 46 >expect && test_cmp expect out &&
	expect_code 0 idea-list --status=adopted --dept=총무과 --format=csv &&
	strip out &&
	test_grep "^1,2007-03-05,아이디어 1,staff,E02,,창의혁신단,adopted,2007-06-12,2007-06-12,총무과,done,," actual &&
	expect_code 1 idea-review --idea=50 --date=2007-07-02 --implementation=done &&
	test_grep "^idea-review: --implementation: idea 50 is pending, not adopted" err
'

test_expect_success 'overdue: pending past [idea] decision_days' '
	INNO_NOW=2007-06-30 expect_code 0 idea-list --overdue --format=csv &&
	strip out &&
	test "$(grep -c ",pending," actual)" = 15 &&
	test_grep "^74,2007-04-05,아이디어 74,staff,E03,,창의혁신단,pending,,2007-04-05,,,2007-06-04," actual &&
	test_grep_not "^48," actual &&
	printf "[idea]\ndecision_days = 10\n" >short.ini &&
	INNO_NOW=2007-06-30 expect_code 0 idea-list -c short.ini --overdue \
		--by=total --format=csv &&
	strip out && test_grep "^29,0,0,0,29,0," actual &&
	printf "[idea]\ndecision_days = 010\n" >bad.ini &&
	expect_code 2 idea-list -c bad.ini --overdue &&
	test_grep "decision_days" err
'

test_expect_success 'the review history loads back into idea-review' '
	idea-list --reviews --format=csv >history.csv &&
	idea-list --format=csv >ideas-back.csv &&
	db_set_aside first.db &&
	staff-import -q staff.csv &&
	idea-submit -q ideas-back.csv &&
	expect_code 0 idea-review history.csv &&
	idea-list --by=total --format=csv >again &&
	strip again &&
	test_grep "^74,45,16,29,29,2,15,0,1,0" actual
'

test_done
