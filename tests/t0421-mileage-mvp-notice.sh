#!/bin/sh
# The MVP notice (report-build mvp) and mileage-mvp --explain rank through
# the same code: for every month they name the same winners with the same
# points, and the notice's five places are the explanation's first five.
. "$(dirname "$0")/lib.sh"

# The notice as "award|name|dept|points" and "rank|name|dept|points" lines.
notice() {
	report-build --period="$1" --format=csv mvp >notice.csv &&
	awk -F, 'NR > 1 {
		item = $2
		if (item ~ /^MVP 개인 /) {
			sub(/^MVP 개인 /, "", item); n = index(item, "(")
			print "person|" substr(item, 1, n - 1) "|" \
			    substr(item, n + 1, length(item) - n - 1) "|" $3
		} else if (item ~ /^MVP 부서 /) {
			sub(/^MVP 부서 /, "", item)
			print "dept|" item "|" item "|" $3
		} else if (item ~ /^[0-9]+위 /) {
			n = index(item, "위 "); r = substr(item, 1, n - 1)
			item = substr(item, n + length("위 "))
			n = index(item, " (")
			print r "|" substr(item, 1, n - 1) "|" \
			    substr(item, n + 2, length(item) - n - 2) "|" $3
		}
	}' notice.csv
}

# The same lines from mileage-mvp --explain (a dry run: nothing stored),
# whose persons come in rank order, the eligible first.
explained() {
	mileage-mvp -n --month="$1" --explain --format=csv >explain.csv &&
	awk -F, 'NR > 1 && $3 == 1 && $2 == "person" {
		print "person|" $5 "|" $6 "|" $7 }' explain.csv &&
	awk -F, 'NR > 1 && $3 == 1 && $2 == "dept" {
		print "dept|" $6 "|" $6 "|" $7 }' explain.csv &&
	awk -F, 'NR > 1 && $2 == "person" && $3 != "" && $3 <= 5 {
		print $3 "|" $5 "|" $6 "|" $7 }' explain.csv
}

test_expect_success 'setup: the demo database' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo"
'
INNO_DB=$TRASH/demo/inno.db
INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini
export INNO_DB INNO_CONFIG

for m in 01 02 03 04 05 06; do
	test_expect_success "2007-$m: the notice names what --explain ranks" '
		notice 2007-'$m' >a &&
		explained 2007-'$m' >b &&
		test -s a && test_cmp b a
	'
done

# The case the notice used to get wrong: the person excluded as a recent
# MVP (이서연, January) was still shown first in March.
test_expect_success '2007-03: the winner is also the first place' '
	notice 2007-03 >a &&
	sed -n "1p;3p" a >actual &&
	printf "%s\n" "person|안수아|가정복지과|45" "1|안수아|가정복지과|45" >expect &&
	test_cmp expect actual &&
	test_grep_not "이서연" a
'

# With kinds = innovation, CS points count neither for the winner nor in
# the ranking (the notice once added them in the ranking only).
test_expect_success 'CS points count in neither the winner nor the places' '
	INNO_DB=$TRASH/cs.db && export INNO_DB &&
	setup_staff &&
	printf "%s\n" "[mvp]" "kinds = innovation" "person_exclude_months = 0" \
	    "[mileage.contest.prize]" "points = 65" "min = -100" "max = 100" \
	    "[mileage.cs.praise]" "points = 11" "kind = cs" >cs.ini &&
	INNO_CONFIG=$TRASH/cs.ini && export INNO_CONFIG &&
	printf "%s\n" employee_id,date,category,points \
	    E02,2007-01-10,contest.prize,65 E02,2007-01-11,cs.praise, \
	    E05,2007-01-12,contest.prize,70 E05,2007-01-12,cs.praise, \
	    E05,2007-01-13,contest.prize,-10 >jan.csv &&
	mileage-award -q jan.csv &&
	mileage-mvp -q --month=2007-01 >/dev/null &&
	notice 2007-01 >a &&
	printf "%s\n" "person|이서연|창의혁신단|65" "dept|창의혁신단|창의혁신단|65" \
	    "1|이서연|창의혁신단|65" "2|정하늘|총무과|60" >expect &&
	test_cmp expect a &&
	explained 2007-01 >b && test_cmp b a
'

test_done
