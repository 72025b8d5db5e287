#!/bin/sh
# The task programs' manual pages: each exists, passes mandoc's lint, and
# documents every long option its --help lists.
. "$(dirname "$0")/lib.sh"

for prog in task-add task-list task-log task-update; do
	page=$SRC_DIRECTORY/man/$prog.1
	test_expect_success "$prog has a clean manual page" '
		test -f "$page" &&
		expect_code 0 mandoc -Tlint -Wwarning "$page" &&
		test_must_be_empty out &&
		test_must_be_empty err
	'
	test_expect_success "$prog: every option of --help is in the page" '
		expect_code 0 $prog --help &&
		grep -o -- "--[a-z][a-z-]*" out | sort -u >opts &&
		test -s opts &&
		mandoc -Tutf8 -Owidth=200 "$page" | sed "s/.$(printf "\\b")//g" >page.txt &&
		while read -r opt; do
			grep -q -e "$opt" page.txt || { echo "missing $opt" >&2; exit 1; }
		done <opts
	'
	test_expect_success "$prog: the synopsis is the usage" '
		expect_code 2 $prog --no-such-option &&
		sed -n "s/^usage: //p" err | cut -d" " -f1 >name &&
		echo $prog >expect &&
		test_cmp expect name &&
		grep -q "^ *$prog \\[-" page.txt
	'
done

test_expect_success 'inno(7) and inno.ini(5) list the task programs and settings' '
	for p in task-add task-list task-log task-update; do
		grep -q "^\.Xr $p 1" "$SRC_DIRECTORY/man/inno.7" || exit 1
	done &&
	for s in "\[task\]" "\[task_workflow\]" "\[task_priority\]"; do
		grep -q "^\.Ss $s" "$SRC_DIRECTORY/man/inno.ini.5" || exit 1
	done
'

test_done
