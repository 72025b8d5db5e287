#!/bin/sh
# mileage-check: a generated month (2007-05) with one of each unfair
# pattern planted is found, pattern by pattern, with the entries behind
# each named; a clean month and the demo database find nothing (exit 0).
# The Unix user running the test is the clerk E04 ([logins]); the entries
# a second clerk (E03) wrote are given to a second user in the audit trail
# with the sqlite3 shell, as two clerks at two desks would have left them.
. "$(dirname "$0")/lib.sh"

me=$(id -un)
cat >inno.ini <<EOT
[logins]
$me = E04
clerk2 = E03
[mileage]
person_month_cap = 0
cap_action = trim
[mileage.award]
points = 10
min = 1
max = 500
[mileage.contest]
points = 10
month_cap = 20
max = 20
[mileage.idea.submitted]
points = 2
[idea]
mileage_submitted = idea.submitted
EOT
INNO_CONFIG=$TRASH/inno.ini
INNO_NOW=2007-06-01
export INNO_CONFIG INNO_NOW

award() {
	mileage-award -q --employee-id="$1" --date="$2" --category="$3" \
	    ${4:+--points=$4} >/dev/null
}

test_expect_success 'setup: a month with every pattern planted' '
	setup_staff &&
	# A normal month before: nothing to find.
	award E01 2007-04-10 award && award E02 2007-04-11 award &&
	# cap: E06 reaches the contest cap in March, April and May.
	award E06 2007-03-05 contest && award E06 2007-03-06 contest &&
	award E06 2007-04-05 contest && award E06 2007-04-06 contest &&
	award E06 2007-05-05 contest && award E06 2007-05-06 contest 15 &&
	# self: the clerk E04 records an award for E04.
	award E04 2007-05-07 award &&
	# mutual: E04 records for E03, and E03 (clerk2) for E04.
	award E03 2007-05-08 award &&
	award E04 2007-05-09 award 20 &&
	id=$(db_value "SELECT max(id) FROM mileage") &&
	db_drop_trigger audit_no_update audit &&
	db_exec "UPDATE audit SET \"user\" = '\''clerk2'\'' WHERE tbl = '\''mileage'\''
	    AND first_id <= $id AND last_id >= $id" &&
	# burst: five entries for E05 in the last three days of May.
	for d in 29 29 30 31 31; do
		award E05 2007-05-$d award 5 || return 1
	done &&
	# concentration: E07 holds 200 of 212 points of 사회복지과.
	award E07 2007-05-15 award 200 && award E08 2007-05-16 award &&
	# duplicate: one idea twice, once with spaces, once in jamo.
	printf "%s\n" submitted,title,source,employee_id \
	    "2007-05-10,주민 참여 예산 확대,staff,E08" \
	    "2007-05-12,$(printf "\341\204\214\341\205\256\341\204\206\341\205\265\341\206\253\341\204\216\341\205\241\341\206\267\341\204\213\341\205\247\341\204\213\341\205\250\341\204\211\341\205\241\341\206\253\341\204\222\341\205\252\341\206\250\341\204\203\341\205\242"),staff,E02" \
	    >ideas.csv &&
	idea-submit -q ideas.csv >/dev/null &&
	mileage-list --period=2007-05 --format=csv --columns=id,date,employee_id,category,points >ledger.csv
'

test_expect_success 'every pattern is found in May, with its entries' '
	expect_code 1 mileage-check --month=2007-05 --format=csv \
	    --columns=pattern,subject,entry,date,employee_id,category,points,user &&
	tr -d "\r" <out >actual &&
	cat >expect <<-EOT &&
	pattern,subject,entry,date,employee_id,category,points,user
	self,E04,9,2007-05-07,E04,award,10,$me
	mutual,E03 E04,10,2007-05-08,E03,award,10,$me
	mutual,E03 E04,11,2007-05-09,E04,award,20,clerk2
	burst,E05,12,2007-05-29,E05,award,5,$me
	burst,E05,13,2007-05-29,E05,award,5,$me
	burst,E05,14,2007-05-30,E05,award,5,$me
	burst,E05,15,2007-05-31,E05,award,5,$me
	burst,E05,16,2007-05-31,E05,award,5,$me
	concentration,사회복지과,17,2007-05-15,E07,award,200,$me
	cap,E06,8,2007-05-06,E06,contest,10,$me
	cap,E06,6,2007-04-06,E06,contest,10,$me
	cap,E06,4,2007-03-06,E06,contest,10,$me
	duplicate,주민 참여 예산 확대,19,2007-05-10,E08,idea.submitted,2,$me
	duplicate,주민 참여 예산 확대,20,2007-05-12,E02,idea.submitted,2,$me
	EOT
	test_cmp expect actual &&
	echo "mileage-check: 6 findings from 2007-05 to 2007-05" >expect &&
	test_cmp expect err
'

test_expect_success 'the details say what was found' '
	expect_code 1 mileage-check -q --month=2007-05 --format=tsv \
	    --columns=pattern,detail &&
	test_must_be_empty err &&
	sort -u out >actual &&
	test_grep "^self	E04 (user $me) recorded their own mileage (1 entries)$" actual &&
	test_grep "^mutual	E03 and E04 recorded mileage for each other (2 entries)$" actual &&
	test_grep "^concentration	E07 holds 200 of the 212 points of 사회복지과.s 2 staff (94%)$" actual &&
	test_grep "^cap	a monthly cap was reached or trimmed in each of the last 3 months$" actual &&
	test_grep "^duplicate	idea items with the same title earned idea.submitted 2 times$" actual
'

test_expect_success 'a month before is clean: exit 0, the header only' '
	expect_code 0 mileage-check --month=2007-04 --format=csv &&
	test_must_be_empty err &&
	tr -d "\r" <out >actual &&
	echo month,pattern,subject,entry,date,employee_id,dept,category,points,user,detail >expect &&
	test_cmp expect actual
'

test_expect_success 'a reversal takes its entry out of the check' '
	rev=$(db_copy "$INNO_DB" rev.db) &&
	INNO_DB=$rev mileage-award -q --reverse=9 --date=2007-05-20 --reason=mistake &&
	INNO_DB=$rev expect_code 1 mileage-check --month=2007-05 --format=csv --columns=pattern,entry &&
	test_grep_not "^self," out
'

test_expect_success 'thresholds come from inno.ini; 0 turns a pattern off' '
	cat inno.ini >off.ini &&
	printf "[fairness]\nburst_entries = 0\nconcentration_percent = 0\ncap_months = 0\nduplicate_titles = no\n" >>off.ini &&
	sed "/^clerk2/d; /^$me/d" off.ini >off2.ini &&
	expect_code 0 mileage-check -c off2.ini --month=2007-05 --format=csv &&
	test_must_be_empty err &&
	printf "[fairness]\nburst_days = 40\n" >>off2.ini &&
	expect_code 2 mileage-check -c off2.ini --month=2007-05 &&
	test_grep "burst_days" err
'

test_expect_success 'the default month is last month' '
	INNO_NOW=2007-06-15 expect_code 1 mileage-check -q --format=csv --columns=month &&
	test_grep "^2007-05" out
'

test_expect_success 'a range of months, and usage errors' '
	expect_code 1 mileage-check -q --from=2007-03 --to=2007-05 --format=csv --columns=month,pattern &&
	tr -d "\r" <out | sort -u >actual &&
	test_grep "^2007-05,cap" actual &&
	test_grep_not "^2007-0[34]" actual &&
	expect_code 2 mileage-check --month=2007-13 &&
	test_grep "^mileage-check: --month=2007-13" err &&
	expect_code 2 mileage-check --from=2007-05 &&
	test_grep "go together" err &&
	expect_code 2 mileage-check --month=2007-05 --from=2007-01 --to=2007-02 &&
	test_grep "exclude each other" err
'

ko() {
	LOCPATH=$TRASH/locale LC_ALL=ko_KR.UTF-8 LANG=ko_KR.UTF-8 "$@"
}
: "${INNO_LOCALEDIR:=$SRC_DIRECTORY/$INNO_BUILD/locale}"
export INNO_LOCALEDIR

test_expect_success 'under ko_KR the messages are Korean, the columns not' '
	mkdir -p locale &&
	localedef -i ko_KR -f UTF-8 "$TRASH/locale/ko_KR.UTF-8" &&
	ko expect_code 1 mileage-check --month=2007-05 --format=csv \
	    --columns=pattern,detail &&
	echo "mileage-check: 2007-05부터 2007-05까지 6건 발견" >expect &&
	test_cmp expect err &&
	head -n 1 out | tr -d "\r" >actual &&
	echo pattern,detail >expect &&
	test_cmp expect actual &&
	test_grep "^concentration,E07이(가) 사회복지과 직원 2명의 212점 중 200점 보유 (94%)" out
'

test_expect_success 'the demo database: nothing found' '
	(cd "$SRC_DIRECTORY" && sh tests/demo.sh "$INNO_BUILD" "$TRASH/demo") \
	    >/dev/null 2>demo.err &&
	for m in 2007-01 2007-02 2007-03 2007-04 2007-05 2007-06; do
		INNO_CONFIG= INNO_DB=demo/inno.db expect_code 0 mileage-check \
		    --month=$m --format=csv &&
		test_must_be_empty err || return 1
	done
'

test_done
