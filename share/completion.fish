# Fish completion for the inno programs: each program is its own
# completion ("PROG --complete -- WORDS..." prints the candidates for the
# last word, or "@files"); see completion.bash.
function __inno_complete
	set -l words (commandline -opc) (commandline -ct)
	set -l cands ($words[1] --complete -- $words[2..-1] 2>/dev/null)
	if test "$cands" = "@files"
		__fish_complete_path (string replace -r -- '^--[^=]*=' '' (commandline -ct))
		return
	end
	printf '%s\n' $cands
end
for p in activity-list activity-log award-add award-fund award-list benchmark-list benchmark-log body-add body-join body-list body-meet budget-list budget-set budget-spend club-activity club-fund club-join club-list club-register course-add course-enroll course-list group-join group-list idea-list idea-review idea-submit inno-check inno-copy inno-export inno-undo knowledge-add knowledge-list knowledge-review mileage-award mileage-check mileage-list mileage-mvp report-build schedule-add staff-import staff-list staff-show task-add task-list task-log task-member task-update
	complete -c $p -f -a '(__inno_complete)'
end
