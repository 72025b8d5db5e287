#!/bin/sh
# The example records in share/demo load, and read back the 2007 council
# report's figures: ideas, knowledge, benchmarking, awards and budgets.
. "$(dirname "$0")/lib.sh"

strip() { tr -d "\r" <"$1" >actual; }
demo=$SRC_DIRECTORY/share/demo

test_expect_success 'the demo records load' '
	staff-import -q --teams "$demo/teams.csv" &&
	staff-import -q "$demo/staff.csv" &&
	staff-import -q "$demo/record-staff.csv" &&
	benchmark-log -q "$demo/benchmark.csv" &&
	idea-submit -q "$demo/ideas.csv" &&
	idea-review -q "$demo/idea-reviews.csv" &&
	knowledge-add -q "$demo/knowledge.csv" &&
	knowledge-review -q "$demo/knowledge-evals.csv" &&
	knowledge-add -q --views "$demo/knowledge-views.csv" &&
	award-add -q "$demo/awards.csv" &&
	award-fund -q "$demo/award-funds.csv" &&
	budget-set -q "$demo/budget.csv" &&
	expect_code 0 inno-check &&
	test_must_be_empty out && test_must_be_empty err
'

test_expect_success 'ideas: 74 received, 45 reviewed at 2 meetings, 29 pending, 16 adopted' '
	idea-list --period=2007-H1 --by=total --format=csv >out &&
	strip out &&
	test_grep "^74,45,16,29,29,2," actual
'

test_expect_success 'knowledge: 33 manuals, 76 evaluations, 47 approved, 29 rejected' '
	knowledge-list --period=2007-H1 --by=total --format=csv >out &&
	strip out &&
	test_grep "^76,[0-9]*,[0-9]*,33,76,47,29," actual
'

test_expect_success 'benchmarking: 53 institutions, 1,971 people' '
	benchmark-list --period=2007-H1 --kind=incoming,presentation \
		--by=kind --format=csv >out &&
	strip out &&
	printf "kind,events,institutions,people\nincoming,30,30,462\npresentation,23,23,1509\n" >expect &&
	test_cmp expect actual &&
	benchmark-list --period=2007-H1 --kind=incoming,presentation \
		--by=total --format=csv >out &&
	strip out &&
	test_grep "^53,53,1971,0,30,23" actual
'

test_expect_success 'awards: 9 recorded, 7 of them awards proper; 1.8 billion won, 15 funded projects' '
	award-list --by=total --format=csv >out &&
	strip out &&
	test_grep "^9,3,1800000000,15," actual &&
	award-list --by=total --kind=award --format=csv >out &&
	strip out &&
	test_grep "^7,2,1500000000,13," actual
'

test_expect_success 'budgets: the eight programme lines of 2007' '
	budget-list --year=2007 --by=total --format=csv >out &&
	strip out &&
	test_grep "^8,227044000,0,227044000" actual
'

test_done
