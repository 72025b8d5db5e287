#!/bin/sh
# The report's idea figures and idea-list --by=total count the same ideas
# by different statements: over a history of held, reversed and
# re-decided ideas and reviews that record only an implementation, the
# two agree as of every day, in the period and outside it.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: ideas of 2007 decided, held and decided again' '
	setup_staff &&
	cat >ideas.csv <<-\EOT &&
	submitted,title,employee_id
	2007-02-01,하나,E01
	2007-03-02,둘,E02
	2007-04-05,셋,E03
	2007-05-06,넷,E04
	2007-07-07,다섯,E05
	2007-09-08,여섯,E06
	2007-11-20,일곱,E01
	EOT
	idea-submit -q ideas.csv &&
	cat >reviews.csv <<-\EOT &&
	idea,date,meeting,decision,dept,implementation,reason
	1,2007-06-12,제1차 심의회,adopted,총무과,,
	2,2007-06-12,제1차 심의회,pending,,,보완 후 재심의
	3,2007-06-12,제1차 심의회,rejected,,,중복
	1,2007-08-01,,,,in_progress,
	2,2007-09-14,제2차 심의회,adopted,창의혁신단,,
	4,2007-09-14,제2차 심의회,pending,,,
	1,2007-10-02,제3차 심의회,rejected,,,재검토
	5,2007-10-02,제3차 심의회,adopted,총무과,,
	6,2008-01-15,제4차 심의회,adopted,총무과,,
	EOT
	idea-review -q reviews.csv
'

# figures PERIOD AS_OF: the report's counts as idea-list --by=total's
# received, reviewed, adopted, rejected, pending and meetings.
figures() {
	report-build --period="$1" --as-of="$2" --format=csv ideas |
	tr -d "\r" | awk -F, "
	\$2 == \"창의구정 아이디어 접수\" { r = \$3 }
	\$2 == \"창의구정 아이디어 접수/심의\" { v = \$3 }
	\$2 == \"창의구정 아이디어 접수/심의대기\" { w = \$3 }
	\$2 == \"창의아이디어 심의회 개최\" { m = \$3 }
	\$2 == \"심의 결과/창의 과제 채택\" { a = \$3 }
	\$2 == \"심의 결과/불채택\" { j = \$3 }
	\$2 == \"심의 결과/보류\" { h = \$3 }
	END { printf \"%d,%d,%d,%d,%d,%d\n\", r, v, a, j, w + h, m }"
}

# total PERIOD AS_OF: the same columns of the listing, as of the day the
# report counts to (the as-of day, or the period's end when earlier).
total() {
	idea-list --period="$1" --as-of="$2" --by=total --format=csv |
	tr -d "\r" | awk -F, "NR == 2 { print \$1 \",\" \$2 \",\" \$3 \",\" \$4 \",\" \$5 \",\" \$6 }"
}

for day in 2007-06-11 2007-06-12 2007-08-31 2007-09-14 2007-10-02 2007-12-31; do
	test_expect_success "the figures are the listing's as of $day" '
		figures 2007 '$day' >actual &&
		total 2007 '$day' >expect &&
		test_cmp expect actual
	'
done

test_expect_success 'and in a part of the year, as of its end' '
	figures 2007-Q3 2007-09-30 >actual &&
	total 2007-Q3 2007-09-30 >expect &&
	test_cmp expect actual &&
	figures 2007-H1 2007-06-30 >actual &&
	total 2007-H1 2007-06-30 >expect &&
	test_cmp expect actual &&
	echo "4,3,1,1,2,1" >expect &&
	test_cmp expect actual
'

test_expect_success 'a decision of the next year changes neither' '
	figures 2007 2007-12-31 >actual &&
	echo "7,5,2,2,3,3" >expect &&
	test_cmp expect actual
'

test_done
