#!/bin/sh
# Completion comes from the programs: "PROG --complete -- WORDS..." answers
# from the option tables getopt_long reads, and share/completion.bash,
# .zsh and .fish only ask it.  Every long option of every program
# completes, and the values of the options that take words are offered.

. "$(dirname "$0")/lib.sh"

cat >comp.ini <<\EOT
[task]
fields = 주민참여, 지식관리
[mileage.idea.adopted]
points = 20
[mileage.cs.praise]
points = 10
kind = cs
EOT
INNO_CONFIG=$TRASH/comp.ini
export INNO_CONFIG

# bash_complete LINE: what bash offers at the end of LINE, one a line.
cat >complete.bash <<\EOT
. "$SRC_DIRECTORY/share/completion.bash"
COMP_LINE=$1
COMP_POINT=${#COMP_LINE}
COMP_WORDBREAKS=${COMP_WORDBREAKS:-$' \t\n"'"'"'><=;|&(:'}
compopt() { :; }
_inno_complete
printf '%s\n' "${COMPREPLY[@]}"
EOT
bash_complete() {
	SRC_DIRECTORY=$SRC_DIRECTORY bash complete.bash "$1"
}

test_expect_success 'every long option of every program completes in bash' '
	for p in "$BIN_DIRECTORY"/*; do
		p=$(basename "$p") &&
		$p --help >help &&
		grep -o -- "--[a-z][a-z-]*" help | sort -u >opts &&
		test -s opts &&
		while read -r o; do
			bash_complete "$p $o" >got &&
			if ! grep -x -e "$o" -e "$o=" got >/dev/null; then
				echo "$p: $o does not complete" && return 1
			fi
		done <opts || return 1
	done
'

test_expect_success 'the options that complete are the ones the help lists' '
	for p in "$BIN_DIRECTORY"/*; do
		p=$(basename "$p") &&
		$p --help | grep -o -- "--[a-z][a-z-]*" | sort -u >help &&
		$p --complete -- -- | sed "s/=\$//" | sort -u >opts &&
		if [ $p = idea-submit ]; then
			echo --employee >>help && sort -u -o help help
		fi &&
		test_cmp help opts || return 1
	done
'

test_expect_success 'report-build <TAB> offers the kinds' '
	bash_complete "report-build " >got &&
	for k in council plan mvp staff; do
		grep -x "$k" got >/dev/null || return 1
	done &&
	test "$(sort got | uniq -d)" = "" &&
	bash_complete "report-build --period=2007 co" >got &&
	echo council >expect &&
	test_cmp expect got
'

test_expect_success 'formats and encodings: each program its own set' '
	bash_complete "report-build --format=" >got &&
	printf "%s\n" text md html csv xlsx >expect &&
	test_cmp expect got &&
	bash_complete "task-list --format " >got &&
	printf "%s\n" table csv tsv json >expect &&
	test_cmp expect got &&
	bash_complete "task-list --encoding=" >got &&
	printf "%s\n" utf-8 utf-8-bom cp949 >expect &&
	test_cmp expect got &&
	bash_complete "task-add --encoding=" >got &&
	printf "%s\n" utf-8 cp949 >expect &&
	test_cmp expect got
'

test_expect_success 'configured mileage categories, task fields and statuses' '
	bash_complete "mileage-award --category=" >got &&
	printf "%s\n" idea.adopted cs.praise >expect &&
	test_cmp expect got &&
	bash_complete "mileage-award x.csv --category " >got &&
	test_cmp expect got &&
	bash_complete "task-add --field=" >got &&
	printf "%s\n" 주민참여 지식관리 >expect &&
	test_cmp expect got &&
	bash_complete "task-update --status=" >got &&
	printf "%s\n" pool selected in_progress completed dropped >expect &&
	test_cmp expect got
'

test_expect_success 'report sections for schedule-add --section' '
	bash_complete "schedule-add --section=c" >got &&
	printf "%s\n" charter cs clubs >expect &&
	test_cmp expect got
'

test_expect_success 'options that take a file complete file names' '
	mkdir dir && touch dir/report.html &&
	bash_complete "report-build -o dir/r" >got &&
	echo dir/report.html >expect &&
	test_cmp expect got &&
	bash_complete "staff-import dir/" >got &&
	test_cmp expect got &&
	expect_code 0 staff-list --complete -- --output= &&
	echo @files >expect &&
	test_cmp expect out
'

test_expect_success 'zsh and fish ask the same programs' '
	if command -v zsh >/dev/null; then
		zsh -n "$SRC_DIRECTORY/share/completion.zsh" || return 1
	else
		say "zsh not installed: its completion was not run"
	fi &&
	if command -v fish >/dev/null; then
		fish -n "$SRC_DIRECTORY/share/completion.fish" || return 1
	else
		say "fish not installed: its completion was not run"
	fi &&
	for f in bash zsh fish; do
		for p in "$BIN_DIRECTORY"/*; do
			grep -w -- "$(basename "$p")" \
			    "$SRC_DIRECTORY/share/completion.$f" >/dev/null ||
			{ echo "$f: no $(basename "$p")"; return 1; }
		done
	done &&
	grep -- "--complete --" "$SRC_DIRECTORY/share/completion.zsh" >/dev/null &&
	grep -- "--complete --" "$SRC_DIRECTORY/share/completion.fish" >/dev/null
'

test_done
