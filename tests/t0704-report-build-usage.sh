#!/bin/sh
# report-build: usage errors exit 2 with a message and write nothing.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	printf "dept,team,authorised\n창의혁신단,기획팀,3\n" >teams.csv &&
	expect_code 0 staff-import -q --teams teams.csv
'

while IFS='	' read -r args msg; do
	test_expect_success "usage: $args" '
		expect_code 2 report-build $args &&
		test_must_be_empty out &&
		test_grep "$msg" err
	'
done <<\EOT
--format=pdf	^report-build: --format=pdf: expected text, md, html, csv or xlsx$
--period=2007-H3	^report-build: --period=2007-H3: 
--period=07	^report-build: --period=07: 
--as-of=2007-02-30	^report-build: --as-of=2007-02-30: 
--as-of=yesterday	^report-build: --as-of=yesterday: 
council plan	^usage: report-build
--check --no-such	^report-build: unknown option --no-such
nosuchkind	^report-build: nosuchkind: no report kind$
EOT

test_expect_success 'a missing database is an error, not an empty report' '
	expect_code 2 report-build -d missing.db &&
	test_must_be_empty out &&
	test_grep "missing.db: no such database" err &&
	! test -e missing.db
'

test_expect_success 'a failed -o leaves no file behind' '
	expect_code 2 report-build --format=bad -o r.txt &&
	! test -e r.txt &&
	expect_code 2 report-build -o r.txt nosuchkind &&
	! test -e r.txt &&
	ls >files && test_grep_not "r.txt" files
'

test_expect_success '--period defaults to the year of --as-of' '
	expect_code 0 report-build --as-of=2009-03-01 staff &&
	test_grep "^2009년도 인력 현황$" out &&
	test_grep "^2009\. 3\. 1\.$" out
'

test_expect_success '--as-of defaults to today (INNO_NOW)' '
	expect_code 0 env INNO_NOW=2008-05-06 report-build staff &&
	test_grep "^2008년도 인력 현황$" out &&
	test_grep "^2008\. 5\. 6\.$" out
'

test_expect_success 'periods as halves, quarters and month ranges' '
	expect_code 0 report-build --period=2007-Q2 --as-of=2007-07-02 staff &&
	test_grep "^2007년도" out &&
	expect_code 0 report-build --period=2007-01..2007-06 staff &&
	test_grep "^2007년도" out
'

test_done
