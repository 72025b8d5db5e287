#compdef activity-list activity-log award-add award-fund award-list benchmark-list benchmark-log body-add body-join body-list body-meet budget-list budget-set budget-spend club-activity club-fund club-join club-list club-register course-add course-enroll course-list group-join group-list idea-list idea-review idea-submit inno-check inno-copy inno-export inno-undo knowledge-add knowledge-list knowledge-review mileage-award mileage-check mileage-list mileage-mvp report-build schedule-add staff-import staff-list staff-show task-add task-list task-log task-member task-update
# Zsh completion for the inno programs: each program is its own completion
# ("PROG --complete -- WORDS..." prints the candidates for the last word,
# or "@files"); see completion.bash.
_inno() {
	local -a cands
	cands=("${(@f)$(${words[1]} --complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
	if [[ ${cands[1]} == @files ]]; then
		_files
		return
	fi
	local -a eq plain
	eq=(${(M)cands:#*=})
	plain=(${cands:#*=})
	(( ${#eq} )) && compadd -Q -S '' -- $eq
	(( ${#plain} )) && compadd -Q -- $plain
}
_inno "$@"
