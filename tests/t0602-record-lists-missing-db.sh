#!/bin/sh
# The listings of benchmarking, ideas, knowledge, awards and budgets only
# read: on a missing database each exits 2 and creates no file; on an empty
# one each prints its header.
. "$(dirname "$0")/lib.sh"

while read -r prog args; do
	test_expect_success "$prog $args on a missing database: exit 2, no file" '
		expect_code 2 $prog -d missing.db $args &&
		test_grep "missing.db: no such database" err &&
		test_must_be_empty out &&
		! test -e missing.db
	'
done <<EOT
benchmark-list
benchmark-list --by=quarter
idea-list
idea-list --overdue
knowledge-list
knowledge-list --awards=2007-Q1
award-list
award-list --funds
budget-list
budget-list --spending
EOT

test_expect_success 'on an empty database each prints its header' '
	echo "employee_id,name,grade,dept" | staff-import -q &&
	expect_code 0 benchmark-list --format=csv &&
	test_grep "^id,kind,date,institution" out &&
	expect_code 0 idea-list --format=csv &&
	test_grep "^id,submitted,title" out &&
	expect_code 0 knowledge-list --format=csv &&
	test_grep "^id,kind,title,author" out &&
	expect_code 0 award-list --format=csv &&
	test_grep "^id,date,name,grantor,incentive" out &&
	expect_code 0 budget-list --format=csv &&
	test_grep "^id,year,programme,amount" out &&
	test_must_be_empty err
'

test_done
