#!/bin/sh
# Options and operands in any order, "--", "-" for stdin, and usage errors
# that say what was wrong (CLI.md, "Options every program takes").

. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	setup_staff >/dev/null 2>&1 &&
	cat >tasks.csv <<-\EOT &&
	title,field,dept
	민원 서식 간소화,주민참여,총무과
	EOT
	printf "dept,team,authorised\n총무과,인사팀,5\n" >teams.csv
'

test_expect_success 'the README: report-build mvp with options after the kind' '
	month=2007-05 &&
	mkdir notices &&
	expect_code 0 report-build mvp --period="$month" -o "notices/mvp-$month.html" --format=html &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	test_grep "<html" "notices/mvp-$month.html"
'

test_expect_success 'the README: report-build council --period --as-of' '
	expect_code 0 report-build council --period=2007-H1 --as-of=2007-06-30 &&
	test_must_be_empty err &&
	cp out council1 &&
	expect_code 0 report-build --period=2007-H1 --as-of=2007-06-30 council &&
	test_cmp council1 out
'

test_expect_success 'the README: staff-import teams.csv --teams' '
	expect_code 0 staff-import teams.csv --teams &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT authorised FROM team WHERE name = '\''인사팀'\''")" = 5
'

test_expect_success 'the README: task-add tasks.csv -n' '
	expect_code 0 task-add tasks.csv -n &&
	test_must_be_empty out &&
	echo "task-add: dry run: 1 row valid, nothing written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM task")" = 0
'

test_expect_success 'POSIXLY_CORRECT does not stop options at the first operand' '
	POSIXLY_CORRECT=1 expect_code 0 task-add tasks.csv -n &&
	test_must_be_empty out &&
	test_cmp expect err
'

test_expect_success '-- ends the options; - is standard input' '
	expect_code 2 task-list -- --status=pool &&
	test_must_be_empty out &&
	head -1 err >got &&
	echo "task-list: unexpected operand '"'"'--status=pool'"'"'" >expect &&
	test_cmp expect got &&
	expect_code 0 task-add -q - <tasks.csv &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	expect_code 2 task-add -- -nosuch.csv &&
	test_must_be_empty out &&
	echo "task-add: -nosuch.csv: No such file or directory" >expect &&
	test_cmp expect err
'

# usage_says PROGRAM MESSAGE ARGS...: exit 2, nothing on stdout, MESSAGE on
# the first line of stderr and the synopsis after it.
usage_says() {
	prog=$1 msg=$2
	shift 2
	expect_code 2 "$prog" "$@" &&
	test_must_be_empty out &&
	echo "$prog: $msg" >expect &&
	head -1 err >got &&
	test_cmp expect got &&
	sed -n 2p err | grep "^usage: $prog " >/dev/null
}

test_expect_success 'a usage error names what was wrong before the synopsis' '
	usage_says report-build "unknown option --x" --x &&
	usage_says report-build "unknown option --x" --x=1 &&
	usage_says report-build "unknown option -z" -z &&
	usage_says report-build "unexpected operand '"'"'y'"'"'" council y &&
	usage_says report-build "--period needs a value" council --period &&
	usage_says report-build "--check takes no value" --check=yes &&
	usage_says task-list "unexpected operand '"'"'x'"'"'" x &&
	usage_says task-update "missing operand: a task id, or a file" &&
	usage_says inno-check "unexpected operand '"'"'x'"'"'" x &&
	usage_says inno-export "missing operand: a table" &&
	usage_says mileage-mvp "give --month or --year" &&
	usage_says staff-list "-o needs a value" -o &&
	usage_says task-add "unknown option -o" -o
'

test_expect_success 'an empty value is not an absent one' '
	usage_says mileage-award "--date needs a value" --date= --employee-id=E01 --category=idea.adopted &&
	usage_says mileage-award "--points needs a value" --points= --employee-id=E01 --category=idea.adopted &&
	usage_says mileage-award "--dept needs a value" --dept= --category=idea.adopted &&
	usage_says staff-list "--dept needs a value" --dept= &&
	usage_says staff-import "--batch-id needs a value" --batch-id= staff.csv &&
	usage_says task-add "--title needs a value" --title "" --field 주민참여 --dept 총무과 &&
	usage_says staff-list "--active needs a value" --active= &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 0
'

test_expect_success 'a long option may be abbreviated, and is named in full' '
	usage_says report-build "--period needs a value" --per= &&
	expect_code 0 staff-list --format=csv --act=2007-05-01 --by=dept &&
	test_must_be_empty err
'

test_expect_success 'staff-list --active takes its date after =, as its help says' '
	expect_code 0 staff-list --help &&
	test_grep "^      --active\[=DATE\] " out &&
	test_grep "\[--active\[=date\]\]" out &&
	expect_code 0 staff-list --format=csv --active=2007-05-01 &&
	test "$(wc -l <out)" = 9 &&
	usage_says staff-list "unexpected operand '"'"'2007-05-01'"'"' (write --active=2007-05-01)" --active 2007-05-01
'

test_expect_success 'report-build --help and task-log --help list -o once' '
	for p in report-build task-log; do
		expect_code 0 $p --help &&
		test "$(grep -c -- "-o, --output" out)" = 1 || return 1
	done
'

# The column each option line of a help screen starts its description at.
cat >helpcol.awk <<-\EOT
/^ +-/ {
	match($0, /^ +/)
	off = RLENGTH
	rest = substr($0, off + 1)
	k = index(rest, "  ")
	if (k == 0) { print "no description: " $0; next }
	tail = substr(rest, k)
	match(tail, /^ +/)
	print off + k - 1 + RLENGTH
}
EOT

test_expect_success 'every help screen has its descriptions in one column' '
	for p in "$BIN_DIRECTORY"/*; do
		p=$(basename "$p") &&
		expect_code 0 $p --help &&
		test_must_be_empty err &&
		sed "1,/^\$/d" out | awk -f helpcol.awk | sort -u >cols &&
		if [ "$(wc -l <cols)" != 1 ]; then
			echo "$p:" && cat cols && return 1
		fi &&
		if awk "length(\$0) > 80" out | grep . >/dev/null; then
			echo "$p: a line over 80 columns" && return 1
		fi || return 1
	done
'

test_done
