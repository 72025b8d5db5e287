#!/bin/sh
# Cross-check: every figure of the council report's staff (일반 현황) and
# task (혁신과제) sections equals what staff-list and task-list print for
# the same office, period and day, on the demo database and on a database
# whose records spread over 2005-2008, with records before, inside and
# after the period and on its edges.  The expected lines are built from the
# listings' own output, so the test holds the two programs together; a few
# hand-counted totals keep both from being wrong the same way.
. "$(dirname "$0")/lib.sh"

WORDS=$SRC_DIRECTORY/share/report/report.ini

# word SECTION KEY: a value of the report wording, as report-build reads it.
word() {
	awk -v sect="[$1]" -v key="$2" '
		/^\[/ { in_sect = ($0 == sect); next }
		in_sect {
			i = index($0, "=")
			if (i == 0) next
			k = substr($0, 1, i - 1); v = substr($0, i + 1)
			gsub(/^[ \t]+|[ \t]+$/, "", k)
			gsub(/^[ \t]+|[ \t]+$/, "", v)
			if (k == key) { print v; exit }
		}' "$WORDS"
}

# report_figures FILE: the staff and task figures of a report-build CSV as
# "section,item,value", leaving out the tasks programme's budget line
# (소요예산, the budget module's figure).
report_figures() {
	general=$(word section.general heading)
	tasks=$(word section.tasks heading)
	budget=$(word label budget.amount)
	tr -d '\r' <"$1" | awk -F, -v g="$general" -v t="$tasks" -v b="$budget" '
		($1 == g || $1 == t) && $2 != b { print $1 "," $2 "," $3 }'
}

# listing_figures OFFICE FIRST LAST: the same lines, from staff-list for the
# office on day LAST and task-list for FIRST..LAST.
listing_figures() {
	office=$1 first=$2 last=$3
	general=$(word section.general heading)
	tasks=$(word section.tasks heading)
	staff-list --dept="$office" --active="$last" --by=dept --format=csv |
		tr -d '\r' >by-dept.csv &&
	staff-list --dept="$office" --active="$last" --by=team --format=csv |
		tr -d '\r' >by-team.csv &&
	staff-list --dept="$office" --active="$last" --by=grade --format=csv |
		tr -d '\r' >by-grade.csv &&
	task-list --period="$first..$last" --by=field --format=csv |
		tr -d '\r' >by-field.csv &&
	task-list --period="$first..$last" --by=force --format=csv |
		tr -d '\r' >by-force.csv &&
	{
		auth=$(word label staff.authorised)
		cur=$(word label staff.current)
		grades=$(word label staff.grades)
		grade_unit=$(word unit grade)
		awk -F, 'NR > 1 { a += $2 } END { print a + 0 }' by-dept.csv >n.auth
		awk -F, 'NR > 1 { c += $3 } END { print c + 0 }' by-dept.csv >n.cur
		echo "$general,$auth,$(cat n.auth)"
		awk -F, -v s="$general" -v l="$auth" 'NR > 1 {
			print s "," l "/" $2 "," $3 + 0 }' by-team.csv
		echo "$general,$cur,$(cat n.cur)"
		awk -F, -v s="$general" -v l="$cur" 'NR > 1 {
			print s "," l "/" $2 "," $4 }' by-team.csv
		echo "$general,$grades,$(cat n.cur)"
		awk -F, -v s="$general" -v l="$grades" -v u="$grade_unit" 'NR > 1 {
			print s "," l "/" $1 u "," $2 }' by-grade.csv

		projects=$(word label tasks.projects)
		awk -F, 'NR > 1 { n += $3 } END { print n + 0 }' by-field.csv >n.tasks
		echo "$tasks,$projects,$(cat n.tasks)"
		awk -F, -v s="$tasks" -v l="$projects" \
		    -v st1="$(word label status.pool)" \
		    -v st2="$(word label status.selected)" \
		    -v st3="$(word label status.in_progress)" \
		    -v st4="$(word label status.completed)" \
		    -v st5="$(word label status.dropped)" 'NR > 1 && $3 > 0 {
			print s "," l "/" $1 "," $3
			name[1] = st1; name[2] = st2; name[3] = st3
			name[4] = st4; name[5] = st5
			for (i = 1; i <= 5; i++)
				if ($(3 + i) > 0)
					print s "," l "/" $1 "/" name[i] "," $(3 + i)
		}' by-field.csv
		echo "$tasks,$(word label tasks.fields),$(awk -F, 'NR > 1 && $3 > 0' by-field.csv | wc -l | tr -d ' ')"
		echo "$tasks,$(word label tasks.forces),$(awk -F, 'NR > 1 { n += $3 } END { print n + 0 }' by-force.csv)"
		echo "$tasks,$(word label tasks.members),$(awk -F, 'NR > 1 { n += $4 } END { print n + 0 }' by-force.csv)"
	}
}

# cross OFFICE PERIOD AS_OF FIRST LAST: report-build's figures for PERIOD as
# of AS_OF against the listings for FIRST..LAST (the period up to the as-of
# day) and the office.
cross() {
	report-build --format=csv --period="$2" --as-of="$3" council >report.csv &&
	report_figures report.csv >actual &&
	test -s actual &&
	listing_figures "$1" "$4" "$5" >expect &&
	test_cmp expect actual
}

test_expect_success 'setup: the demo database' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo" &&
	test -s demo/inno.db
'

test_expect_success 'the demo: the first half of 2007, as of its last day' '
	(
		INNO_DB=$TRASH/demo/inno.db INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini &&
		export INNO_DB INNO_CONFIG &&
		cross 창의혁신단 2007-H1 2007-06-30 2007-01-01 2007-06-30 &&
		test_grep "^일반 현황,현 원,15$" actual &&
		test_grep "^지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업,236$" actual &&
		test_grep "^지방행정 혁신과제 추진,과제별 TFT 구성원,180$" actual
	)
'

test_expect_success 'the demo: the year 2007 as of a day inside it' '
	(
		INNO_DB=$TRASH/demo/inno.db INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini &&
		export INNO_DB INNO_CONFIG &&
		cross 창의혁신단 2007 2007-03-15 2007-01-01 2007-03-15 &&
		cross 창의혁신단 2007 2007-12-31 2007-01-01 2007-12-31 &&
		cross 창의혁신단 2006 2006-12-31 2006-01-01 2006-12-31
	)
'

cat >teams.csv <<\EOT
dept,team,authorised
창의혁신단,기획팀,3
창의혁신단,지원팀,2
총무과,인사팀,4
EOT
# On 2006-12-31: E01 and E02 (joined that day) in 기획팀, E03 (leaves that
# day) in 지원팀, E06 in the office without a team; E04 joins later, E05
# left before, E07 is another department's.
cat >staff.csv <<\EOT
employee_id,name,grade,dept,team,joined,left
E01,김민수,5,창의혁신단,기획팀,2005-03-01,
E02,이서연,6,창의혁신단,기획팀,2006-12-31,
E03,박지훈,7,창의혁신단,지원팀,2005-01-01,2006-12-31
E04,최유진,7,창의혁신단,지원팀,2007-01-01,
E05,정하늘,9,창의혁신단,기획팀,2004-01-01,2006-06-30
E06,강도윤,8,창의혁신단,,2005-01-01,
E07,윤서아,6,총무과,인사팀,2005-01-01,
EOT
# In 2006: tasks 2 (starts on its first day), 3 (due on its first day), 4
# (starts on its last day), 6 (no dates, a milestone due in it) and 8
# (dropped); not 1 (2005), 5 (2007), 7 (no dates, no milestone) or 9 (2008).
cat >tasks.csv <<\EOT
title,field,origin,dept,status,start,due
지난 과제,고객만족 제고,assigned,창의혁신단,in_progress,2005-01-01,2005-12-31
돌보미 시스템,고객만족 제고,assigned,창의혁신단,selected,2006-01-01,2006-03-31
민원 문자,주민참여,own,총무과,completed,2005-06-01,2006-01-01
주민 참여단,주민참여,own,총무과,in_progress,2006-12-31,2007-12-31
정책 홍보,정책홍보,common,총무과,pool,2007-01-01,2007-06-30
지식 지도,지식관리,own,창의혁신단,selected,,
후보 과제,지식관리,own,창의혁신단,pool,,
갈등 조정,갈등관리,own,총무과,dropped,2006-02-01,2006-08-31
투명 행정,행정의 투명성 제고,assigned,창의혁신단,in_progress,2008-01-01,2008-12-31
EOT
printf '[report]\noffice = 창의혁신단\n' >inno.ini

test_expect_success 'setup: records over 2005-2008' '
	INNO_CONFIG=$TRASH/inno.ini && export INNO_CONFIG &&
	expect_code 0 staff-import -q --teams teams.csv &&
	expect_code 0 staff-import -q staff.csv &&
	expect_code 0 task-add -q tasks.csv &&
	expect_code 0 task-update -q --on=2005-03-01 --add-member=E01 1 &&
	expect_code 0 task-update -q --on=2006-01-15 --add-member=E01:leader 2 &&
	expect_code 0 task-update -q --on=2006-02-01 --add-member=E03 2 &&
	expect_code 0 task-update -q --on=2006-12-31 --remove-member=E03 2 &&
	expect_code 0 task-update -q --on=2005-07-01 --add-member=E01 3 &&
	expect_code 0 task-update -q --on=2006-01-01 --remove-member=E01 3 &&
	expect_code 0 task-update -q --on=2006-12-31 --add-member=E07 4 &&
	expect_code 0 task-update -q --on=2006-05-01 --milestone=2006-05-31:조사 6 &&
	expect_code 0 task-update -q --on=2006-03-01 --add-member=E06 8 &&
	expect_code 0 task-update -q --on=2007-02-01 --add-member=E04 5 &&
	expect_code 0 inno-check
'

test_expect_success 'the year 2006: the report and the listings agree' '
	INNO_CONFIG=$TRASH/inno.ini && export INNO_CONFIG &&
	cross 창의혁신단 2006 2006-12-31 2006-01-01 2006-12-31
'

test_expect_success 'the year 2006: the totals counted by hand' '
	cat >expect <<-\EOT &&
	일반 현황,정 원,5
	일반 현황,정 원/기획팀,3
	일반 현황,정 원/지원팀,2
	일반 현황,현 원,4
	일반 현황,현 원/기획팀,2
	일반 현황,현 원/지원팀,1
	일반 현황,직급별 현원,4
	일반 현황,직급별 현원/5급,1
	일반 현황,직급별 현원/6급,1
	일반 현황,직급별 현원/7급,1
	일반 현황,직급별 현원/8급,1
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업,5
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/고객만족 제고,1
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/고객만족 제고/선정,1
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/주민참여,2
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/주민참여/추진중,1
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/주민참여/완료,1
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/지식관리,1
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/지식관리/선정,1
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/갈등관리,1
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/갈등관리/중단,1
	지방행정 혁신과제 추진,혁신과제 분야,4
	지방행정 혁신과제 추진,행정혁신과제 실행체계 구축 (과제별 TFT),3
	지방행정 혁신과제 추진,과제별 TFT 구성원,3
	EOT
	test_cmp expect actual
'

test_expect_success 'the first half of 2007 as of a day inside it' '
	INNO_CONFIG=$TRASH/inno.ini && export INNO_CONFIG &&
	cross 창의혁신단 2007-H1 2007-03-31 2007-01-01 2007-03-31 &&
	test_grep "^일반 현황,현 원,4$" actual &&
	test_grep "^일반 현황,현 원/지원팀,1$" actual &&
	test_grep "^지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업,2$" actual &&
	test_grep "^지방행정 혁신과제 추진,행정혁신과제 실행체계 구축 (과제별 TFT),2$" actual &&
	test_grep "^지방행정 혁신과제 추진,과제별 TFT 구성원,2$" actual
'

test_expect_success 'every year and half-year of 2005-2008 agrees' '
	INNO_CONFIG=$TRASH/inno.ini && export INNO_CONFIG &&
	for y in 2005 2006 2007 2008; do
		cross 창의혁신단 $y $y-12-31 $y-01-01 $y-12-31 &&
		cross 창의혁신단 $y-H1 $y-06-30 $y-01-01 $y-06-30 &&
		cross 창의혁신단 $y-H2 $y-12-31 $y-07-01 $y-12-31 || exit 1
	done
'

test_done
