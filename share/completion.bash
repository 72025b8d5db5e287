# Bash completion for the inno programs.  Each program is its own
# completion: "PROG --complete -- WORDS..." prints the candidates for the
# last word from the same option tables getopt_long reads (with the values
# of --format, --category, task fields, report kinds, ...), or "@files"
# when file names fit.  This file only asks it and hands the answer to
# bash.
_inno_complete()
{
	local line=${COMP_LINE:0:COMP_POINT} cur out
	local -a words cands
	local IFS=$' \t\n'

	read -r -a words <<<"$line"
	[[ $line == *[[:space:]] || ${#words[@]} -eq 0 ]] && words+=("")
	cur=${words[${#words[@]}-1]}
	out=$("${words[0]}" --complete -- "${words[@]:1}" 2>/dev/null) ||
		return 0
	if [[ $out == @files ]]; then
		IFS=$'\n'
		COMPREPLY=($(compgen -f -- "${cur#--*=}"))
		compopt -o filenames 2>/dev/null
		return 0
	fi
	IFS=$'\n'
	cands=($out)
	# With "=" among the word breaks, bash completes only what follows it.
	if [[ $cur == --*=* && $COMP_WORDBREAKS == *=* ]]; then
		cands=("${cands[@]#--*=}")
	fi
	COMPREPLY=("${cands[@]}")
	# An option that takes a value waits for it after "=".
	[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] &&
		compopt -o nospace 2>/dev/null
	return 0
}
complete -F _inno_complete activity-list activity-log award-add \
	award-fund award-list benchmark-list benchmark-log body-add body-join \
	body-list body-meet budget-list budget-set budget-spend club-activity \
	club-fund club-join club-list club-register course-add course-enroll \
	course-list group-join group-list idea-list idea-review idea-submit \
	inno-check inno-copy inno-export inno-undo knowledge-add \
	knowledge-list knowledge-review mileage-award mileage-check \
	mileage-list mileage-mvp report-build schedule-add staff-import \
	staff-list staff-show task-add task-list task-log task-member \
	task-update
