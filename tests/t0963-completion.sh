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

# zsh_complete WORD...: what share/completion.zsh offers for the last
# word, one a line.  Outside a completion widget words and CURRENT are
# plain parameters, and compadd and _files are stood in for by functions
# that print what they are given.
cat >complete.zsh <<\EOT
compadd() { local i=${@[(i)--]}; print -rl -- "${@[i+1,-1]}"; }
_files() { print -r -- @files; }
source "$SRC_DIRECTORY/share/completion.zsh"
words=("$@"); CURRENT=$#
_inno
EOT
zsh_complete() {
	SRC_DIRECTORY=$SRC_DIRECTORY zsh -f complete.zsh "$@"
}

# fish_complete LINE: what share/completion.fish offers at the end of LINE.
fish_complete() {
	fish --no-config -c "source '$SRC_DIRECTORY/share/completion.fish'; complete -C '$1'" |
	sed 's/\t.*//'
}

test_expect_success 'every long option of every program completes in zsh and fish' '
	for p in "$BIN_DIRECTORY"/*; do
		p=$(basename "$p") &&
		$p --help | grep -o -- "--[a-z][a-z-]*" | sort -u >opts &&
		test -s opts &&
		zsh_complete $p -- | sort -u >zsh.got &&
		fish_complete "$p --" | sort -u >fish.got &&
		while read -r o; do
			grep -x -e "$o" -e "$o=" zsh.got >/dev/null ||
			{ echo "zsh: $p: $o does not complete"; return 1; }
			grep -x -e "$o" -e "$o=" fish.got >/dev/null ||
			{ echo "fish: $p: $o does not complete"; return 1; }
		done <opts || return 1
	done
'

test_expect_success 'zsh and fish offer values and files as bash does' '
	zsh_complete report-build "" | sort >zsh.kinds &&
	fish_complete "report-build " | sort >fish.kinds &&
	bash_complete "report-build " | sort >bash.kinds &&
	grep -x council bash.kinds &&
	test_cmp bash.kinds zsh.kinds &&
	test_cmp bash.kinds fish.kinds &&
	zsh_complete task-list --status= >zsh.status &&
	grep -x -e "--status=pool" zsh.status &&
	fish_complete "task-list --status=" >fish.status &&
	grep -x -e "--status=pool" fish.status &&
	zsh_complete staff-list --output= >zsh.files &&
	echo @files >expect &&
	test_cmp expect zsh.files
'

test_done
