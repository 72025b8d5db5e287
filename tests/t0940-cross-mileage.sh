#!/bin/sh
# Cross-check: every mileage figure of report-build (the council report's
# monthly innovation and CS mileage and MVP count, and the mileage
# report's departments) is what mileage-list --by=month / --by=dept and
# mileage-mvp print for the same period, on the demo and on a ledger
# spread over 2005 to 2008 with entries on the period's edges, a reversal
# and a department's own award.  혁신마일리지 is the innovation column
# alone; the MVP count is the people each monthly scheme named, once a
# scheme.
. "$(dirname "$0")/lib.sh"

# $1 kind, $2 period, $3 as-of: the report's mileage figures as
# "month,N,points", "cs-month,N,points", "dept,NAME,points",
# "total-month,points", "total-cs,points", "total-dept,points" and
# "mvp,count" lines, sorted.
report_figures() {
	report-build --format=csv --period="$2" --as-of="$3" "$1" |
	    tr -d "\r" >report.csv &&
	awk -F, '
	$2 == "월별 혁신마일리지" { print "total-month," $3 }
	$2 ~ /^월별 혁신마일리지\// { m = $2; sub(/^[^\/]*\//, "", m);
		sub(/월$/, "", m); print "month," m "," $3 }
	$2 == "월별 CS마일리지" { print "total-cs," $3 }
	$2 ~ /^월별 CS마일리지\// { m = $2; sub(/^[^\/]*\//, "", m);
		sub(/월$/, "", m); print "cs-month," m "," $3 }
	$2 == "부서별 혁신마일리지" { print "total-dept," $3 }
	$2 ~ /^부서별 혁신마일리지\// { d = $2; sub(/^[^\/]*\//, "", d);
		print "dept," d "," $3 }
	$2 == "CS 및 창의혁신 MVP 표창" { print "mvp," $3 }' report.csv |
	sort
}

# The same lines from the listings, for $1 kind ("council": no
# departments) and the days $2..$3.
listed_figures() {
	mileage-list --format=csv --period="$2..$3" --by=month |
	    tr -d "\r" >month.csv &&
	awk -F, 'NR > 1 { t += $3; print "month," substr($1, 6) + 0 "," $3
		if ($4 != 0) { c += $4; cs = 1 }
		cm[substr($1, 6) + 0] = $4 }
		END { print "total-month," t + 0
		if (cs) { print "total-cs," c
			for (k in cm) print "cs-month," k "," cm[k] } }' \
	    month.csv >listed &&
	if test "$1" = mileage; then
		mileage-list --format=csv --period="$2..$3" --by=dept |
		    tr -d "\r" >dept.csv &&
		awk -F, 'NR > 1 { t += $3; print "dept," $1 "," $3 }
			END { print "total-dept," t + 0 }' dept.csv >>listed
	fi &&
	n=0 && for scheme in default cs; do
		m=$(echo "$2" | cut -c1-7) && last=$(echo "$3" | cut -c1-7) &&
		: >named &&
		while test "$m" \< "$last" || test "$m" = "$last"; do
			mileage-mvp -n --scheme=$scheme --month="$m" \
			    --format=csv >mvp.csv &&
			awk -F, '$2 == "person" && $3 != "" { print $3 }' \
			    mvp.csv >>named &&
			y=${m%-*} && mm=${m#*-} && mm=$((${mm#0} + 1)) &&
			if test $mm -gt 12; then y=$((y + 1)); mm=1; fi &&
			m=$(printf "%04d-%02d" "$y" "$mm") || return 1
		done &&
		n=$((n + $(sort -u named | wc -l))) || return 1
	done &&
	echo "mvp,$n" >>listed &&
	sort listed
}

# Both sides, with a check that the report had something to say.  The
# report counts the MVPs decided (stored by the monthly job); the test
# decides every month with entries first, so mileage-mvp's dry run over
# the same months is the same count.
cross() {
	report_figures "$1" "$2" "$4" >from-report &&
	listed_figures "$1" "$3" "$4" >from-list &&
	test_grep "^total-month," from-report &&
	test_cmp from-list from-report
}

test_expect_success 'setup: the demo database' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo"
'
INNO_DB=$TRASH/demo/inno.db
INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini
export INNO_DB INNO_CONFIG

test_expect_success 'demo, 2007-H1: the council report agrees with the listings' '
	cross council 2007-H1 2007-01-01 2007-06-30
'

test_expect_success 'demo, 2007-H1 as of 2007-04-15: they agree' '
	cross council 2007-H1 2007-01-01 2007-04-15
'

test_expect_success 'demo, 2007: the mileage report agrees, department by department' '
	cross mileage 2007 2007-01-01 2007-12-31 &&
	test_grep "^dept,창의혁신단," from-report
'

INNO_DB=$TRASH/years.db
INNO_CONFIG=$TRASH/years.ini
export INNO_DB INNO_CONFIG
test_expect_success 'setup: a ledger over four years' '
	cat "$SRC_DIRECTORY/share/inno.ini" >years.ini &&
	printf "%s\n" "[mileage]" "person_month_cap = 0" >>years.ini &&
	setup_staff &&
	cat >years.csv <<-\EOT &&
	employee_id,dept,date,category,points
	E01,,2005-05-05,contest.prize,10
	E02,,2006-12-31,contest.prize,40
	E03,,2007-01-01,contest.prize,30
	E04,,2007-01-31,contest.entry,
	,총무과,2007-02-14,contest.entry,
	E05,,2007-03-15,contest.prize,25
	E07,,2007-06-30,contest.prize,20
	E08,,2007-07-01,contest.prize,50
	E01,,2008-02-02,contest.prize,60
	EOT
	mileage-award -q years.csv &&
	mileage-award -q --reverse=2 --date=2007-02-01 &&
	for m in 2005-05 2006-12 2007-01 2007-02 2007-03 2007-06 2007-07 \
	    2008-02; do
		mileage-mvp -q --month=$m >/dev/null || return 1
	done
'

test_expect_success 'years, 2007-H1: the figures, by hand and by both programs' '
	cross mileage 2007-H1 2007-01-01 2007-06-30 &&
	cat >expect <<-\EOT &&
	dept,사회복지과,20
	dept,창의혁신단,-5
	dept,총무과,30
	month,1,35
	month,2,-35
	month,3,25
	month,6,20
	mvp,3
	total-dept,45
	total-month,45
	EOT
	test_cmp expect from-report
'

test_expect_success 'years: other periods and as-of dates agree' '
	cross council 2007-H1 2007-01-01 2007-03-14 &&
	test_grep "^total-month,0$" from-report &&
	cross mileage 2006 2006-01-01 2006-12-31 &&
	test_grep "^total-month,40$" from-report &&
	test_grep "^mvp,1$" from-report &&
	cross mileage 2007 2007-01-01 2007-12-31 &&
	test_grep "^total-month,95$" from-report &&
	cross council 2008-H1 2008-01-01 2008-06-30 &&
	test_grep "^total-month,60$" from-report
'

test_done
