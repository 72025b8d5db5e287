#!/bin/sh
# The report's benchmarking figures and benchmark-list count the same
# events by different statements: over visits of every kind in each
# quarter of two years, the figures of a period are benchmark-list
# --by=kind's events and people and --kind=outgoing --by=quarter's
# events, with the quarters of every year of the period together.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: events of 2006 and 2007' '
	setup_staff &&
	cat >bench.csv <<-\EOT &&
	kind,date,institution,sector,people,speaker,employees,findings,task_id
	outgoing,2006-02-10,가 구청,public,2,,,,
	outgoing,2006-11-30,나 구청,public,3,,,,
	incoming,2006-12-31,다 시청,public,10,,,,
	outgoing,2007-01-01,라 구청,public,4,,,,
	outgoing,2007-03-31,마 기업,private,5,,,,
	incoming,2007-04-01,바 시청,public,11,,,,
	incoming,2007-04-01,바 시청,public,12,,,,
	presentation,2007-06-30,사 도청,public,40,E01,,,
	outgoing,2007-07-01,아 구청,public,6,,,,
	presentation,2007-09-30,자 도청,public,50,E02,,,
	outgoing,2007-12-31,차 구청,public,7,,,,
	incoming,2008-01-01,카 시청,public,13,,,,
	EOT
	benchmark-log -q bench.csv
'

# figures PERIOD: the report's figures, one per line, as "key value".
figures() {
	report-build --period="$1" --as-of=2008-12-31 --format=csv \
	    benchmarking | tr -d "\r" | awk -F, "NR > 1 { print \$2, \$3 }"
}

# listed PERIOD: the same from benchmark-list, labelled as the report
# labels them.
listed() {
	benchmark-list --period="$1" --by=kind --format=csv | tr -d "\r" |
	    awk -F, "NR > 1 { e[\$1] = \$2; p[\$1] = \$4 } END {
		print \"혁신성과 벤치마킹 및 혁신우수사례 보고회\", e[\"presentation\"] + e[\"incoming\"]
		print \"혁신성과 벤치마킹 및 혁신우수사례 보고회/우수사례 보고회\", e[\"presentation\"] + 0
		print \"혁신성과 벤치마킹 및 혁신우수사례 보고회/벤치마킹 방문기관\", e[\"incoming\"] + 0
		print \"참석 인원\", p[\"presentation\"] + p[\"incoming\"]
		print \"참석 인원/우수사례 보고회\", p[\"presentation\"] + 0
		print \"참석 인원/벤치마킹 방문기관\", p[\"incoming\"] + 0
		print \"우수기관 벤치마킹 실시\", e[\"outgoing\"] + 0
	    }" &&
	benchmark-list --period="$1" --kind=outgoing --by=quarter \
	    --format=csv | tr -d "\r" | awk -F, "NR > 1 {
		q = substr(\$1, length(\$1)); n[q] += \$2 } END {
		for (q = 1; q <= 4; q++) if (n[q] > 0)
			print \"우수기관 벤치마킹 실시/\" q \"분기\", n[q]
	    }"
}

for period in 2007 2007-H1 2007-Q2 2006-01-01..2007-12-31; do
	test_expect_success "the figures of $period are the listing's" '
		figures '$period' >actual &&
		listed '$period' >expect &&
		test_cmp expect actual
	'
done

test_expect_success 'the quarters of two years add up' '
	figures 2006-01-01..2007-12-31 | grep "분기" >actual &&
	printf "%s\n" "우수기관 벤치마킹 실시/1분기 3" \
	    "우수기관 벤치마킹 실시/3분기 1" "우수기관 벤치마킹 실시/4분기 2" >expect &&
	test_cmp expect actual
'

test_done
