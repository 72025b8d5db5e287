#!/bin/sh
# Korean tables: under a ko_KR locale a table's header is Korean, in every
# listing, and the table stays aligned by display width; CSV, TSV and JSON
# are the same bytes in every locale, because scripts read their column
# names.  The machine need not have the Korean locale: it is made here
# with localedef, and glibc finds it through LOCPATH.
. "$(dirname "$0")/lib.sh"

# ko CMD...: runs CMD under the Korean locale made in the setup.
ko() { env LOCPATH="$TRASH/locale" LC_ALL=ko_KR.UTF-8 "$@"; }

# same_width FILE: every line of FILE is as wide, in display columns.
same_width() {
	while IFS= read -r line; do
		printf '%s\n' "$line" | wc -L
	done <"$1" | sort -u >widths &&
	if [ "$(wc -l <widths)" -ne 1 ]; then
		echo "lines of $1 differ in width:" >&2
		cat widths "$1" >&2
		return 1
	fi
}

# same_header CMD...: CMD's csv and tsv headers are the same under C.UTF-8
# and under ko_KR.UTF-8.
same_header() {
	for fmt in csv tsv; do
		"$@" --format=$fmt | head -n 1 >c.$fmt &&
		ko "$@" --format=$fmt | head -n 1 >ko.$fmt &&
		test -s c.$fmt && cmp c.$fmt ko.$fmt || {
			echo "the --format=$fmt header differs by locale: $*" >&2
			return 1
		}
	done
}

# same_bytes CMD...: CMD's output in csv, tsv and json is the same under
# C.UTF-8 and under ko_KR.UTF-8.
same_bytes() {
	for fmt in csv tsv json; do
		"$@" --format=$fmt >c.$fmt 2>c.err &&
		ko "$@" --format=$fmt >ko.$fmt 2>ko.err &&
		test_must_be_empty c.err && test_must_be_empty ko.err &&
		test -s c.$fmt && cmp c.$fmt ko.$fmt || {
			echo "--format=$fmt differs by locale: $*" >&2
			return 1
		}
	done
}

test_expect_success 'setup: the Korean locale, staff and three tasks' '
	mkdir -p locale &&
	localedef -i ko_KR -f UTF-8 "$TRASH/locale/ko_KR.UTF-8" \
		>/dev/null 2>&1;
	test -d locale/ko_KR.UTF-8 &&
	expect_code 0 ko sh -c "locale charmap" &&
	test "$(cat out)" = UTF-8 &&
	test_must_be_empty err &&
	setup_staff &&
	printf "title,field,dept,priority,budget\n✅ 민원 원스톱 서비스 완료,민원행정 개선,총무과,80,5000000\n⭐ 우수 과제,지식관리,창의혁신단,,\n평범한 과제,지식관리,사회복지과,95,1200000\n" >t.csv &&
	expect_code 0 task-add -q t.csv &&
	db_value "UPDATE task SET title = '"'"'줄바꿈'"'"' || char(10) || '"'"'제목'"'"' WHERE id = 3"
'

test_expect_success 'task-list: Korean headers under ko_KR, aligned' '
	expect_code 0 ko task-list --format=table &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	번호  제목                        분야           중점  발굴경로  부서        상태  우선순위     예산  시작일  기한  구성원  대표  단계  진도율
	   1  ✅ 민원 원스톱 서비스 완료  민원행정 개선     0  own       총무과      pool        80  5000000                     0
	   2  ⭐ 우수 과제                지식관리          0  own       창의혁신단  pool                                        0
	   3  줄바꿈\n제목                지식관리          0  own       사회복지과  pool        95  1200000                     0
	EOT
	test_cmp expect out
'

test_expect_success 'task-list: English headers under C.UTF-8' '
	expect_code 0 task-list --format=table &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	id  title                       field          focus  origin  dept        status  priority   budget  start  due  members  leader  milestones  percent
	 1  ✅ 민원 원스톱 서비스 완료  민원행정 개선      0  own     총무과      pool          80  5000000                    0
	 2  ⭐ 우수 과제                지식관리           0  own     창의혁신단  pool                                         0
	 3  줄바꿈\n제목                지식관리           0  own     사회복지과  pool          95  1200000                    0
	EOT
	test_cmp expect out
'

test_expect_success 'task-list under COLUMNS=100: Korean headers clipped to fit' '
	expect_code 0 ko env COLUMNS=100 task-list --format=table &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	번호  제목     분야  중점  발…   부서  상태  우선순위     예산  시…   기한  구성원  대표  단계  진…
	   1  ✅ 민…   민…      0  own   총…   pool        80  5000000                   0
	   2  ⭐ 우…   지…      0  own   창…   pool                                      0
	   3  줄바꿈…  지…      0  own   사…   pool        95  1200000                   0
	EOT
	test_cmp expect out &&
	test "$(wc -L <out)" -le 100
'

test_expect_success 'staff-list --by team: Korean headers, every line as wide' '
	expect_code 0 ko staff-list --by team --format=table &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	부서        팀              정원  현원
	사회복지과  복지정책팀               2
	창의혁신단  창의혁신기획팀           2
	창의혁신단  창의혁신지원팀           1
	창의혁신단  고객만족팀               1
	총무과      인사팀                   2
	EOT
	test_cmp expect out &&
	same_width out &&
	expect_code 0 staff-list --by team --format=table &&
	test "$(head -n 1 out)" = "dept        team            authorised  current"
'

test_expect_success 'task-list --by status: Korean headers, every line as wide' '
	expect_code 0 ko task-list --by status --format=table &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	상태         과제수  중점     예산
	pool              3     0  6200000
	selected          0     0        0
	in_progress       0     0        0
	completed         0     0        0
	dropped           0     0        0
	EOT
	test_cmp expect out &&
	same_width out &&
	expect_code 0 ko env COLUMNS=20 task-list --by status --format=table &&
	cat >expect <<-\EOT &&
	상…  과제수  중점     예산
	po…       3     0  6200000
	se…       0     0        0
	in…       0     0        0
	co…       0     0        0
	dr…       0     0        0
	EOT
	test_cmp expect out &&
	same_width out
'

test_expect_success 'csv, tsv and json are the same bytes in both locales' '
	same_bytes task-list &&
	same_bytes staff-list --by team &&
	same_bytes task-list --by status &&
	task-list --format=csv >csv &&
	test "$(head -n 1 csv)" = "$(printf "id,title,field,focus,origin,dept,status,priority,budget,start,due,members,leader,milestones,percent\r")"
'

test_expect_success 'a message of the library is Korean under ko_KR' '
	expect_code 2 ko staff-list --grade=1,000 &&
	test_must_be_empty out &&
	test_grep "^staff-list: --grade=1,000: 숫자가 아님 (천 단위 쉼표는 쓰지 않음)" err &&
	expect_code 2 staff-list --grade=1,000 &&
	test_grep "^staff-list: --grade=1,000: not a number (no thousands separators)" err
'

# Every listing the man pages give, on the demo database.
cat >listings <<-\EOT
award-list
award-list --by=total
award-list --by=year
award-list --funds
benchmark-list
benchmark-list --by=total
benchmark-list --by=kind
benchmark-list --by=year
benchmark-list --by=quarter
benchmark-list --by=month
benchmark-list --by=institution
budget-list
budget-list --spending
budget-list --by=total
budget-list --by=year
club-list
club-list --members
club-list --by kind
club-list --by dept
course-list
course-list --enrolments
course-list --by course
course-list --by kind
group-list
group-list --by group
group-list --by grade
idea-list
idea-list --reviews
idea-list --by=total
idea-list --by=status
idea-list --by=month
idea-list --by=dept
idea-list --by=meeting
idea-list --by=source
knowledge-list
knowledge-list --evaluations
knowledge-list --by=total
knowledge-list --by=kind
knowledge-list --by=status
knowledge-list --by=dept
knowledge-list --by=author
knowledge-list --by=month
knowledge-list --by=quarter
knowledge-list --awards=2007-Q2
mileage-list
mileage-list --by employee
mileage-list --by dept
mileage-list --by month
mileage-list --by category
mileage-list --by kind
staff-list
staff-list --by dept
staff-list --by team
staff-list --by grade
task-list
task-list --by field
task-list --by status
task-list --by dept
task-list --by force
task-list --members
task-list --milestones
task-list --scores
task-list --roadmap
mileage-mvp --month 2007-05
mileage-mvp --month 2007-05 --explain
mileage-mvp --year 2007
task-log --history 1
EOT

test_expect_success 'the demo: every listing has a Korean table header' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo" &&
	INNO_DB=$TRASH/demo/inno.db INNO_NOW=2007-12-31 COLUMNS=1000 &&
	export INNO_DB INNO_NOW COLUMNS &&
	n=0 &&
	while read -r cmd; do
		ko $cmd --format=table >table 2>err </dev/null &&
		test_must_be_empty err &&
		test -s table &&
		# A header in English is a word of lowercase letters.
		if head -n 1 table | grep "[a-z]" >/dev/null; then
			echo "English in the header of $cmd:" >&2
			head -n 1 table >&2
			exit 1
		fi &&
		n=$((n + 1)) || exit 1
	done <listings &&
	test "$n" = "$(wc -l <listings)"
'

test_expect_success 'the demo: csv, tsv and json of every listing by locale' '
	INNO_DB=$TRASH/demo/inno.db INNO_NOW=2007-12-31 &&
	export INNO_DB INNO_NOW &&
	while read -r cmd; do
		case $cmd in
		# The why column explains a decision to a person, in the
		# reader'"'"'s language; the column names stay the same.
		*--explain*) same_header $cmd </dev/null || exit 1 ;;
		*) same_bytes $cmd </dev/null || exit 1 ;;
		esac
	done <listings
'

test_done
