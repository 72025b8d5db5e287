#!/bin/sh
# Cross-check of the council report's club and training figures against
# the listings that own them: every figure of 학습동아리 현황 and of the
# training section in `report-build council --format=csv` must be what
# `club-list --by=kind` and `course-list` print for the same period, on
# the demo database, on the demo with a club of 2006 added, and on a
# database whose records run from 2005 to 2008, some on the edges of the
# period.  The expected side is derived from the listings' CSV alone; the
# generated database's totals are also checked by hand, so both sides
# cannot be wrong together.
. "$(dirname "$0")/lib.sh"

INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini
export INNO_CONFIG

# The wording's labels (share/report/report.ini) of the figures compared.
registered=학습동아리\ 등록
funded=활동비\ 지원
grants=활동비\ 지원액
completed=창의혁신\ 사이버\ 교육\ 실시
training=현장밀착형\ 창의혁신\ 교육·학습

# report_items DB PERIOD ASOF: the club and training figures of the council
# report, as "item,value" lines sorted, into report.items.
report_items() {
	report-build -d "$1" --format=csv --period="$2" --as-of="$3" council \
	    >report.csv 2>report.err &&
	test_must_be_empty report.err &&
	tr -d "\r" <report.csv |
	awk -F, -v r="$registered" -v f="$funded" -v t="$training" '
		NR > 1 && (index($2, r) == 1 || index($2, f) == 1 ||
		    ($1 == t && $2 != "소요예산")) { print $2 "," $3 }' |
	sort >report.items
}

# listing_items DB FIRST ON: the same figures from club-list and
# course-list for the days FIRST..ON, judged on ON, into listing.items.
listing_items() {
	club-list -d "$1" --period="$2..$3" --on="$3" --by=kind \
	    --format=csv >clubs.csv 2>clubs.err &&
	course-list -d "$1" --period="$2..$3" --on="$3" --kind=e-learning \
	    --by=kind --format=csv >elearning.csv 2>elearning.err &&
	course-list -d "$1" --period="$2..$3" --on="$3" \
	    --format=csv >rounds.csv 2>rounds.err &&
	test_must_be_empty clubs.err &&
	test_must_be_empty elearning.err &&
	test_must_be_empty rounds.err &&
	{
		tr -d "\r" <clubs.csv |
		awk -F, -v r="$registered" -v f="$funded" -v g="$grants" '
			NR == 1 { next }
			{
				label = $1 == "strategic" ? "전략형" : "부서별"
				n += $2; nf += $3; won += $4
				print r "/" label "," $2
				if ($3 > 0)
					print f "/" label "," $3
			}
			END {
				print r "," n + 0
				print f "," nf + 0
				# Money is shown in thousand won, rounded.
				print g "," int((won + 500) / 1000)
			}' &&
		tr -d "\r" <elearning.csv |
		awk -F, -v c="$completed" '
			NR > 1 { n += $4 } END { print c "," n + 0 }' &&
		tr -d "\r" <rounds.csv |
		awk -F, -v c="$completed" -v t="$training" '
			function day(d) { return (substr(d, 6, 2) + 0) ". " \
			    (substr(d, 9, 2) + 0) }
			# The span of a course as the report writes it.
			function span(a, b,   ma, mb, last) {
				ma = substr(a, 6, 2) + 0; mb = substr(b, 6, 2) + 0
				last = substr("312831303130313130313031", 2 * mb - 1, 2) + 0
				if (mb == 2 && substr(b, 1, 4) % 4 == 0) last = 29
				if (a == b) return day(a)
				if (substr(a, 9, 2) + 0 == 1 && substr(b, 9, 2) + 0 == last &&
				    substr(a, 1, 4) == substr(b, 1, 4))
					return ma == mb ? ma "월" : ma "~" mb "월"
				if (substr(a, 1, 7) == substr(b, 1, 7))
					return day(a) "~" (substr(b, 9, 2) + 0)
				return day(a) " ~ " day(b)
			}
			function catalogue(rounds, n, name) {
				if (n > 0) print "교육과정 (" rounds "차" \
				    (name != "" ? ": " name " 외" : "") ")," n
			}
			NR == 1 { next }
			# The training section shows its programme and the
			# courses of none.
			$13 != "" && $13 != t { next }
			$3 == "e-learning" && $11 > 0 {
				print c "/" $4 "차 (" span($5, $6) ")," $11
			}
			$3 == "e-learning" && $11 > 0 && $9 != "in progress" {
				if (rn > 0 && ($15 != rc || $16 != rname)) {
					catalogue(rr, rc, rname); rn = 0
				}
				rr = rn++ > 0 ? rr "·" $4 : $4; rc = $15; rname = $16
			}
			$3 == "e-learning" && $9 == "in progress" {
				print $4 "차 " $2 " 진행중 (" span($5, $6) ")," $10
				if ($15 > 0) catalogue($4, $15, $16)
			}
			$3 != "e-learning" {
				if (!($2 in rounds)) order[++names] = $2
				people = $14 != "" ? $14 : $10
				rounds[$2]++; sum[$2] += people
				part[$2, rounds[$2]] = $4 "차 (" span($5, $6) ")," people
				one[$2] = $2 " (" span($5, $6) ")," people
			}
			END {
				if (rn > 0) catalogue(rr, rc, rname)
				for (i = 1; i <= names; i++) {
					n = order[i]
					if (rounds[n] == 1) { print one[n]; continue }
					print n " (" rounds[n] "회)," sum[n]
					for (j = 1; j <= rounds[n]; j++)
						print n " (" rounds[n] "회)/" part[n, j]
				}
			}' &&
		# The training programme's own activity (activity-log): the
		# newsletter and the e-poster, as the wording shows them.
		activity-list -d "$1" --programme="$training" \
		    --period="$2..$3" --format=csv --columns=kind,times,title |
		tr -d "\r" | awk -F, '
			NR > 1 { t[$1] += $2 == "" ? 1 : $2; n[$1] = $3 }
			END {
				for (k in t)
					if (k == "newsletter")
						print n[k] " 격주 발간," t[k]
					else if (k == "eposter")
						print "창의혁신 e-포스터 교육 게시," t[k]
			}'
	} | sort >listing.items
}

# cross_check DB PERIOD FIRST ASOF: the report and the listings agree.
cross_check() {
	report_items "$1" "$2" "$4" &&
	listing_items "$1" "$3" "$4" &&
	test -s report.items &&
	test_cmp listing.items report.items
}

# value LABEL: the value of one figure of report.items.
value() {
	awk -F, -v k="$1" '$1 == k { print $2 }' report.items
}

test_expect_success 'the demo database' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo" &&
	test_must_be_empty err &&
	test -f demo/inno.db
'

test_expect_success 'demo, 2007-H1 as of 30 June: the report is the listings' '
	cross_check demo/inno.db 2007-H1 2007-01-01 2007-06-30 &&
	test "$(value "$registered")" = 49 &&
	test "$(value "$completed")" = 286
'

test_expect_success 'demo, 2007 as of 15 May: the report is the listings' '
	cross_check demo/inno.db 2007 2007-01-01 2007-05-15
'

test_expect_success 'demo with a club of 2006: 50 on the register, both ways' '
	cp demo/inno.db demo2006.db &&
	expect_code 0 club-register -d demo2006.db --name=지난해동아리 \
	    --kind=departmental --registered=2006-05-01 &&
	test_must_be_empty err &&
	cross_check demo2006.db 2007-H1 2007-01-01 2007-06-30 &&
	test "$(value "$registered")" = 50 &&
	test "$(value "$registered/부서별")" = 38 &&
	expect_code 0 club-list -d demo2006.db --period=2007-H1 --by=kind &&
	test "$(tr -d "\r" <out | awk -F, "NR > 1 { n += \$2 } END { print n }")" = 50
'

test_expect_success 'a database of 2005 to 2008' '
	setup_staff &&
	cat >clubs.in <<-\EOT &&
	name,kind,registered
	전략2005,strategic,2005-04-01
	부서2006,departmental,2006-12-31
	전략0101,strategic,2007-01-01
	부서0630,departmental,2007-06-30
	부서0701,departmental,2007-07-01
	전략2008,strategic,2008-02-01
	EOT
	expect_code 0 club-register -q clubs.in &&
	cat >grants.in <<-\EOT &&
	club,date,amount
	전략2005,2005-05-01,100000
	전략2005,2006-12-31,200000
	전략2005,2007-01-01,300000
	부서2006,2007-03-15,400000
	부서2006,2007-06-30,500000
	부서0630,2007-06-30,50000
	부서0701,2007-07-01,600000
	전략2008,2008-03-01,700000
	EOT
	expect_code 0 club-fund -q grants.in &&
	cat >courses.in <<-\EOT &&
	name,kind,round,start,end
	사이버,e-learning,1,2005-03-01,2005-05-31
	사이버,e-learning,2,2006-11-01,2007-01-31
	사이버,e-learning,3,2007-03-01,2007-04-30
	사이버,e-learning,4,2007-06-01,2007-06-30
	사이버,e-learning,5,2007-06-15,2007-08-31
	사이버,e-learning,6,2008-03-01,2008-04-30
	특별,special,1,2007-01-01,2007-01-01
	특별,special,2,2007-07-01,2007-07-01
	워크숍,workshop,1,2006-12-30,2007-01-02
	EOT
	expect_code 0 course-add -q courses.in &&
	cat >enrol.in <<-\EOT &&
	course,round,employee_id,status,completed
	사이버,1,E01,,2005-05-31
	사이버,1,E02,,2005-05-31
	사이버,2,E01,,2006-12-20
	사이버,2,E02,,2007-01-01
	사이버,2,E03,,2007-01-31
	사이버,2,E04,dropped,
	사이버,3,E01,,2007-04-30
	사이버,3,E02,,2007-04-30
	사이버,3,E03,,2007-04-30
	사이버,3,E04,,2007-04-30
	사이버,3,E05,,2007-04-30
	사이버,3,E06,,
	사이버,4,E01,,2007-06-30
	사이버,4,E02,,2007-06-30
	사이버,4,E03,,
	사이버,5,E04,,2007-07-05
	사이버,5,E05,,
	사이버,5,E06,,
	사이버,6,E07,,
	특별,1,E01,,
	특별,1,E02,,
	특별,1,E03,,2007-01-01
	특별,2,E04,,
	워크숍,1,E05,,2007-01-02
	EOT
	expect_code 0 course-enroll -q enrol.in &&
	test_must_be_empty err
'

test_expect_success 'generated, 2007-H1 as of 30 June: the listings, and by hand' '
	cross_check "$INNO_DB" 2007-H1 2007-01-01 2007-06-30 &&
	cat >expect <<-EOT &&
	$completed,9
	$completed/2차 (11. 1 ~ 1. 31),2
	$completed/3차 (3~4월),5
	$completed/4차 (6월),2
	$registered,4
	$registered/부서별,2
	$registered/전략형,2
	$funded,3
	$funded/부서별,2
	$funded/전략형,1
	$grants,1250
	4차 사이버 진행중 (6월),3
	5차 사이버 진행중 (6. 15 ~ 8. 31),3
	워크숍 (12. 30 ~ 1. 2),1
	특별 (1. 1),3
	EOT
	sort expect >expect.sorted &&
	test_cmp expect.sorted report.items
'

test_expect_success 'generated, 2007 as of 15 September: the listings, and by hand' '
	cross_check "$INNO_DB" 2007 2007-01-01 2007-09-15 &&
	test "$(value "$registered")" = 5 &&
	test "$(value "$funded")" = 4 &&
	test "$(value "$grants")" = 1850 &&
	test "$(value "$completed")" = 10 &&
	test "$(value "$completed/5차 (6. 15 ~ 8. 31)")" = 1 &&
	test "$(value "특별 (2회)")" = 4 &&
	test "$(value "특별 (2회)/2차 (7. 1)")" = 1 &&
	! grep 진행중 report.items
'

test_expect_success 'generated, 2006 and 2008: the listings' '
	cross_check "$INNO_DB" 2006 2006-01-01 2006-12-31 &&
	test "$(value "$registered")" = 2 &&
	test "$(value "$grants")" = 200 &&
	test "$(value "$completed")" = 1 &&
	cross_check "$INNO_DB" 2008 2008-01-01 2008-12-31 &&
	test "$(value "$registered")" = 6 &&
	test "$(value "$funded")" = 1 &&
	test "$(value "$completed")" = 0
'

test_expect_success 'generated: every part adds up to its figure' '
	expect_code 0 report-build --check --period=2007-H1 \
	    --as-of=2007-06-30 clubs &&
	test_must_be_empty err &&
	expect_code 0 report-build --check --period=2007 \
	    --as-of=2007-09-15 training &&
	test_must_be_empty err
'

test_expect_success 'the plan names the training after the as-of date' '
	expect_code 0 report-build --period=2007-H1 --as-of=2007-06-30 \
	    --format=text council &&
	test_grep "^   - 2007. 7월 : 특별$" out &&
	test_must_be_empty err
'

test_done
