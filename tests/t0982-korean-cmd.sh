#!/bin/sh
# The programs speak Korean under a ko_KR locale: usage errors, the usage
# line, --help and the batch reports come from the catalogue (po/ko/cmd.po),
# while under C.UTF-8 they stay English; and the column names of CSV
# output are the same in both, because scripts read them.
. "$(dirname "$0")/lib.sh"

# The machine need not have a Korean locale compiled: make one here, and
# point glibc at it with LOCPATH.
ko() {
	LOCPATH=$TRASH/locale LC_ALL=ko_KR.UTF-8 LANG=ko_KR.UTF-8 "$@"
}

# Hangul syllables (U+AC00..U+D7A3) all start with one of the bytes
# 0xEA..0xED in UTF-8; grep in the C locale matches bytes, so this is a
# test for "some Korean on the line" that needs no Korean locale itself.
has_hangul() {
	LC_ALL=C grep -q "$(printf '[\352-\355]')" "$1"
}

test_expect_success 'setup: a ko_KR.UTF-8 locale' '
	mkdir -p locale &&
	localedef -i ko_KR -f UTF-8 "$TRASH/locale/ko_KR.UTF-8"
'
# make test points INNO_LOCALEDIR at the catalogues it built.
: "${INNO_LOCALEDIR:=$SRC_DIRECTORY/$INNO_BUILD/locale}"
export INNO_LOCALEDIR

test_expect_success 'setup: staff' '
	setup_staff
'

test_expect_success 'a usage error of mileage-award names --date in Korean' '
	expect_code 2 ko mileage-award --date=2007-02-30 --reverse=1 \
		--employee-id=E01 &&
	test_must_be_empty out &&
	head -n 2 err >actual &&
	cat >expect <<-\EOT &&
	mileage-award: --reverse에는 --date와 --reason만 함께 쓸 수 있습니다
	사용법: mileage-award [-nq] [-d db] [-c config] [--employee-id id | --dept name]
	EOT
	test_cmp expect actual &&
	expect_code 2 ko mileage-award --date= --employee-id=E01 &&
	head -n 1 err >actual &&
	echo "mileage-award: --date에 값이 필요합니다" >expect &&
	test_cmp expect actual
'

test_expect_success 'the same usage errors stay English under C.UTF-8' '
	expect_code 2 mileage-award --date=2007-02-30 --reverse=1 \
		--employee-id=E01 &&
	head -n 2 err >actual &&
	cat >expect <<-\EOT &&
	mileage-award: --reverse takes only --date and --reason
	usage: mileage-award [-nq] [-d db] [-c config] [--employee-id id | --dept name]
	EOT
	test_cmp expect actual &&
	expect_code 2 mileage-award --date= --employee-id=E01 &&
	head -n 1 err >actual &&
	echo "mileage-award: --date needs a value" >expect &&
	test_cmp expect actual
'

# The reason a date is refused is the library's message (po/ko/lib.po);
# the line keeps the option's name in front of it in every language.
test_expect_success 'a bad --date is refused in Korean, naming the option' '
	expect_code 1 ko mileage-award --date=2007-02-30 --employee-id=E01 \
		--category=idea.adopted &&
	test_must_be_empty out &&
	grep "^mileage-award: --date: 2007-02-30: " err >line &&
	test "$(wc -l <line)" -eq 1 &&
	expect_code 1 mileage-award --date=2007-02-30 --employee-id=E01 \
		--category=idea.adopted &&
	echo "mileage-award: --date: 2007-02-30: no such day in that month" \
		>expect &&
	grep "^mileage-award: --date: " err >actual &&
	test_cmp expect actual
'

test_expect_success 'the reason for the bad --date is Korean too' '
	expect_code 1 ko mileage-award --date=2007-02-30 \
		--employee-id=E01 --category=idea.adopted &&
	grep "^mileage-award: --date: 2007-02-30: " err >line &&
	has_hangul line
'

test_expect_success 'an unknown option of task-list is reported in Korean' '
	expect_code 2 ko task-list --bogus &&
	test_must_be_empty out &&
	head -n 2 err >actual &&
	cat >expect <<-\EOT &&
	task-list: 알 수 없는 옵션 --bogus
	사용법: task-list [-q] [-d db] [-c config] [-o file] [--format fmt]
	EOT
	test_cmp expect actual &&
	sed -n 3p err >actual &&
	echo "        [--encoding enc] [--status status] [--field field] [--focus]" \
		>expect &&
	test_cmp expect actual &&
	expect_code 2 task-list --bogus &&
	head -n 1 err >actual &&
	echo "task-list: unknown option --bogus" >expect &&
	test_cmp expect actual
'

test_expect_success 'a missing operand is named in Korean' '
	expect_code 2 ko task-log --history &&
	head -n 1 err >actual &&
	echo "task-log: 인자가 빠졌습니다: 과제 번호" >expect &&
	test_cmp expect actual &&
	expect_code 2 task-log --history &&
	head -n 1 err >actual &&
	echo "task-log: missing operand: a task id" >expect &&
	test_cmp expect actual
'

# The column where each option line's description starts (its display
# width: the option parts are ASCII), one line per distinct column.
help_columns() {
	LC_ALL=C awk '/^  (-[a-z], |    )--/ && match($0, /[^ ]  +[^ ]/) {
		print RSTART + RLENGTH - 2
	}' "$1" | sort -u
}

test_expect_success 'mileage-award --help is Korean and aligned' '
	expect_code 0 ko mileage-award --help &&
	test_must_be_empty err &&
	head -n 1 out >actual &&
	echo "사용법: mileage-award [-nq] [-d db] [-c config] [--employee-id id | --dept name]" >expect &&
	test_cmp expect actual &&
	test_grep "^      --employee-id ID  받을 직원$" out &&
	test_grep "^      --date DATE       실적이 있은 날 (기본값: 오늘)$" out &&
	test_grep "^  -n, --dry-run         모두 확인하고 아무것도 기록하지 않음$" out &&
	test_grep "^                        옵션들의 해시)$" out &&
	test_grep "^자세한 내용은 mileage-award(1)을 보십시오\.$" out &&
	help_columns out >cols &&
	test "$(wc -l <cols)" -eq 1
'

test_expect_success 'task-list --help is Korean and aligned; English under C' '
	expect_code 0 ko task-list --help &&
	test_must_be_empty err &&
	test_grep "^혁신과제를 보이거나 개수를 셉니다\.$" out &&
	test_grep "^      --field FIELD    이 분야만$" out &&
	test_grep "^  -o, --output FILE    FILE에 씀 (-는 표준 출력)$" out &&
	help_columns out >cols &&
	test "$(wc -l <cols)" -eq 1 &&
	expect_code 0 task-list --help &&
	test_must_be_empty err &&
	test_grep "^List innovation tasks, or count them\.$" out &&
	test_grep "^      --field FIELD    only this field$" out &&
	test_grep "^usage: task-list " out &&
	test_grep "^See task-list(1)\.$" out
'

test_expect_success 'batch reports are Korean' '
	INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini && export INNO_CONFIG &&
	cat >awards.csv <<-\EOT &&
	employee_id,date,category,points,reason
	E01,2007-05-02,idea.adopted,20,a
	E02,2007-05-02,idea.adopted,20,b
	EOT
	expect_code 0 ko mileage-award -n awards.csv &&
	test_must_be_empty out &&
	echo "mileage-award: 시험 실행: 2행 모두 올바릅니다. 아무것도 기록하지 않았습니다" >expect &&
	test_cmp expect err &&
	expect_code 0 ko mileage-award awards.csv &&
	echo "mileage-award: 2건의 내역 기록을 마쳤습니다" >expect &&
	test_cmp expect err &&
	expect_code 0 mileage-award -n --batch-id=other awards.csv &&
	echo "mileage-award: dry run: 2 rows valid, nothing written" >expect &&
	test_cmp expect err
'

test_expect_success 'a write error of the help is reported in Korean' '
	ko staff-list --help >/dev/full 2>err
	test $? -eq 4 &&
	test_grep "^staff-list: 쓰기 오류: " err &&
	staff-list --help >/dev/full 2>err
	test $? -eq 4 &&
	test_grep "^staff-list: write error: " err
'

test_expect_success 'setup: the demo database' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo"
'

# Every listing, in each of its views, and the council report as CSV: the
# same bytes under both locales, header first.  The views are what the
# programs offer for completion: each option without a value, and each
# value of --by.
test_expect_success 'CSV of every listing is the same in both locales' '
	INNO_DB=$TRASH/demo/inno.db INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini \
	INNO_NOW=2007-12-31 && export INNO_DB INNO_CONFIG INNO_NOW &&
	ls "$BIN_DIRECTORY" | grep -e "-list\$" >programs &&
	test "$(wc -l <programs)" -ge 11 &&
	while read -r p; do
		echo "$p" &&
		"$p" --complete -- -- |
		grep -v -e "=\$" -e "^--help\$" -e "^--version\$" \
			-e "^--quiet\$" -e "^@files\$" | sed "s/^/$p /" &&
		"$p" --complete -- --by= | grep -v "^@files\$" | sed "s/^/$p /" || return 1
	done <programs >runs &&
	test "$(wc -l <runs)" -ge 40 &&
	while read -r p opt; do
		expect_code 0 "$p" --format=csv $opt &&
		mv out c.csv &&
		test_must_be_empty err &&
		test -s c.csv &&
		expect_code 0 ko "$p" --format=csv $opt &&
		test_must_be_empty err &&
		test_cmp c.csv out || { echo "differs: $p $opt"; return 1; }
	done <runs &&
	expect_code 0 report-build --format=csv --period=2007 &&
	mv out c.csv && test -s c.csv &&
	expect_code 0 ko report-build --format=csv --period=2007 &&
	test_must_be_empty err &&
	test_cmp c.csv out
'

test_done
