#!/bin/sh
# staff-show: one employee's dossier.  Cross-check on the demo: for each of
# several employees, the dossier lists every record of theirs that the
# listings show (task-list --members, mileage-list --employee-id,
# mileage-mvp, club-list, course-list --enrolments, idea-list,
# knowledge-list, benchmark-list), and nothing of anyone else's; the text
# is in the report style, Korean under ko_KR.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the demo database' '
	(cd "$SRC_DIRECTORY" && sh tests/demo.sh "$INNO_BUILD" "$TRASH/demo") \
	    >/dev/null 2>demo.err
'
INNO_DB=$TRASH/demo/inno.db
INNO_NOW=2007-07-01
export INNO_DB INNO_NOW

tsv() { "$@" --format=tsv | tail -n +2; }

# $1 employee, $2 period or "": "section<TAB>key" for every record the
# listings show as theirs, sorted.
listed() {
	p=${2:+--period=$2}
	{
		tsv task-list --members --member="$1" \
		    --columns=employee_id,task,joined |
		    awk -F"\t" -v e="$1" -v p="$2" \
		    '$1 == e && (p == "" || $3 < "2007-07") { print "task\t" $2 }'
		tsv mileage-list --employee-id="$1" $p --columns=id |
		    sed "s/^/mileage\t/"
		for m in 2007-01 2007-02 2007-03 2007-04 2007-05 2007-06; do
			tsv mileage-mvp -n --month=$m --columns=award,employee_id |
			    awk -F"\t" -v e="$1" -v m=$m \
			    '$1 == "person" && $2 == e { print "mvp\t" m }'
		done
		tsv club-list --columns=leader,id | awk -F"\t" -v e="$1" \
		    '$1 == e { print "club\t" $2 }'
		tsv course-list --enrolments --status=completed \
		    --columns=employee_id,course,round,completed |
		    awk -F"\t" -v e="$1" '$1 == e { print "course\t" $4 " " $2 " " $3 }'
		tsv idea-list $p --columns=employee_id,id | awk -F"\t" -v e="$1" \
		    '$1 == e { print "idea\t" $2 }'
		tsv knowledge-list $p --columns=author,id | awk -F"\t" -v e="$1" \
		    '$1 == e { print "knowledge\t" $2 }'
		tsv benchmark-list $p --columns=speaker,employees,id |
		    awk -F"\t" -v e="$1" '$1 == e || (" " $2 " ") ~ (" " e " ") \
		    { print "benchmark\t" $3 }'
	} | sort
}

# The same from the dossier.
shown() {
	tsv staff-show ${2:+--period=$2} "$1" \
	    --columns=section,ref,date,title,detail |
	    awk -F"\t" '$1 == "evaluation" { next }
		$1 == "mvp" { print "mvp\t" $4; next }
		$1 == "course" { print "course\t" $3 " " $4 " " $5; next }
		{ print $1 "\t" $2 }' | sort
}

test_expect_success 'the dossier of each demo employee holds what the listings show' '
	for e in C001 C002 C006 D001 D002 E001 E002 E014 E025; do
		listed $e "" >expect && shown $e "" >actual &&
		test_cmp expect actual || return 1
	done
'

test_expect_success 'and the same for a period' '
	for e in C001 D001 E001 E014; do
		listed $e 2007-H1 >expect && shown $e 2007-H1 >actual &&
		test_cmp expect actual || return 1
	done
'

test_expect_success 'the cross-check has something to compare' '
	shown C001 "" >c001 && test_grep "^mvp	2007-01" c001 &&
	test_grep "^benchmark	" c001 &&
	shown D001 "" >d001 && test_grep "^idea	1$" d001 &&
	test_grep "^knowledge	1$" d001 &&
	shown E001 "" >e001 && test_grep "^task	1$" e001 &&
	test_grep "^course	" e001
'

test_expect_success 'a knowledge item comes with its evaluations' '
	expect_code 0 staff-show D001 --format=csv --columns=section,ref,detail,extra &&
	test_grep "^evaluation,1,approved,C003" out &&
	test_must_be_empty err
'

test_expect_success 'the text is in the report style' '
	expect_code 0 staff-show --format=text --period=2007-Q1 E001 &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	□ Innovation record: 윤서윤 (E001, 사회복지과, grade 6)
	  ○ Period: 2007-01-01 ~ 2007-03-31

	□ Task forces (1)
	  ○ 2007-02-01 맞춤형 독거노인 돌보미 시스템 구축 운영 (leader)

	□ Innovation mileage (0 points)
	  ○ none

	□ Learning clubs (0)
	  ○ none

	□ Courses completed (1)
	  ○ 2007-03-31 창의혁신 사이버 강의 (1, completed)

	□ Ideas proposed (0)
	  ○ none

	□ Knowledge items (0)
	  ○ none

	□ Benchmarking and presentations (0)
	  ○ none
	EOT
	test_cmp expect out
'

ko() {
	LOCPATH=$TRASH/locale LC_ALL=ko_KR.UTF-8 LANG=ko_KR.UTF-8 "$@"
}
: "${INNO_LOCALEDIR:=$SRC_DIRECTORY/$INNO_BUILD/locale}"
export INNO_LOCALEDIR

test_expect_success 'under ko_KR the headings are Korean, the columns not' '
	mkdir -p locale &&
	localedef -i ko_KR -f UTF-8 "$TRASH/locale/ko_KR.UTF-8" &&
	expect_code 0 ko staff-show --format=text --period=2007-05 C001 &&
	test_must_be_empty err &&
	test_grep "^□ 개인별 혁신활동 현황: 이서연 (C001, 창의혁신단, 5급)$" out &&
	test_grep "^  ○ 2007-05: 60점$" out &&
	test_grep "^  ○ 2007-05 혁신 MVP (60점)$" out &&
	test_grep "^□ 벤치마킹 및 우수사례 발표 (4건)$" out &&
	expect_code 0 ko staff-show --format=csv C001 &&
	head -n 1 out | tr -d "\r" >actual &&
	echo section,date,ref,title,detail,extra,points >expect &&
	test_cmp expect actual
'

test_expect_success 'json has one object a record' '
	expect_code 0 staff-show --format=json --period=2007-03-01 D001 &&
	test_must_be_empty err &&
	test_grep "\"section\": *\"idea\"" out
'

test_expect_success 'an unknown employee is refused with 1' '
	expect_code 1 staff-show E999 &&
	test_must_be_empty out &&
	echo "staff-show: E999: no such employee" >expect &&
	test_cmp expect err
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 staff-show &&
	test_must_be_empty out &&
	test_grep "^staff-show: missing operand: an employee id" err &&
	expect_code 2 staff-show --period=2007 --from=2007-01 C001 &&
	test_grep "exclude each other" err &&
	expect_code 2 staff-show --period=2007-13 C001 &&
	test_grep "^staff-show: --period=2007-13" err
'

test_done
