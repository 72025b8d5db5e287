#!/bin/sh
# The pipe of CLI.md: idea-list's CSV feeds mileage-award directly.
. "$(dirname "$0")/lib.sh"

# The example configuration, whose idea.adopted category gives 20 points.
INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini
export INNO_CONFIG

test_expect_success 'setup: two adopted ideas, one pending' '
	setup_staff &&
	printf "%s\n" "submitted,title,source,employee_id" \
	    "2007-03-05,분수대 설치,staff,E02" "2007-04-05,화장실 개선,staff,E05" \
	    "2007-04-06,주차장,staff,E06" >ideas.csv &&
	idea-submit -q ideas.csv &&
	idea-review -q --idea=1 --date=2007-06-12 --decision=adopted --dept=총무과 &&
	idea-review -q --idea=2 --date=2007-06-12 --decision=adopted --dept=총무과
'

# The example configuration already awards idea.adopted when a review
# adopts an idea, so each proposer ends with that entry and the piped one.
test_expect_success 'adopted ideas piped into mileage-award go to their proposers' '
	idea-list --status=adopted --format=csv >adopted.csv &&
	expect_code 0 mileage-award --category=idea.adopted adopted.csv &&
	test_must_be_empty out &&
	echo "mileage-award: 2 entries written" >expect &&
	test_cmp expect err &&
	expect_code 0 mileage-list --category=idea.adopted --by=employee --format=csv &&
	printf "%s\r\n" employee_id,name,dept,entries,innovation,cs,points \
	    E02,이서연,창의혁신단,2,40,0,40 E05,정하늘,총무과,2,40,0,40 >expect &&
	test_cmp expect out
'

test_done
