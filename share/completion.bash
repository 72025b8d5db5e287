# Bash completion for the inno programs: options from each program's
# --help, file names for operands and for options that take a file.
_inno_complete()
{
	local cur prev opts
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-d|--database|-c|--config|-o|--output|--reject)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--format)
		COMPREPLY=($(compgen -W "table csv tsv json" -- "$cur"))
		return ;;
	--encoding)
		COMPREPLY=($(compgen -W "utf-8 utf-8-bom cp949" -- "$cur"))
		return ;;
	esac
	if [[ $cur == -* ]]; then
		opts=$("${COMP_WORDS[0]}" --help 2>/dev/null |
		    grep -o -- '--[a-z][a-z-]*' | sort -u)
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -F _inno_complete staff-import staff-list inno-check inno-export \
	task-add task-list task-update task-log mileage-award mileage-list \
	mileage-mvp club-register club-join club-fund club-activity club-list \
	group-join group-list course-add course-enroll course-list benchmark-log \
	benchmark-list idea-submit idea-review idea-list knowledge-add \
	knowledge-review knowledge-list report-build
