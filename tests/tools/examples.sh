#!/bin/sh
# tests/tools/examples.sh FILE...: prints the commands of the documentation
# as shell script lines, one command (with its continuation lines) at a
# time, each preceded by a line "#@ FILE:LINE".
#
# In a man page, the commands are the lines of the EXAMPLES section's
# literal displays (.Bd -literal ... .Ed) that begin with "$ "; a line
# ending in a backslash (\e in mdoc), "|", "&&" or "||" continues on the
# next; other lines of a display are the command's output and are left
# out.  mdoc escapes are undone (\e, \(aq, \-, \&).
#
# In README.md, the commands are the lines of the fenced blocks marked
# "sh" (```sh ... ```), with the same continuation rule; comments and blank
# lines are kept as they are.
set -u
for f in "$@"; do
	case $f in
	*.md)
		awk -v file="$f" '
		/^```sh[ \t]*$/ { inblock = 1; next }
		/^```/ { inblock = 0; next }
		inblock {
			if (!cont) print "#@ " file ":" FNR
			print
			cont = ($0 ~ /(\\|\||&&|\|\|)[ \t]*(#.*)?$/ && $0 !~ /#.*(\\|\||&&)[ \t]*$/) || ($0 ~ /(\\|\||&&|\|\|)[ \t]*$/)
		}' "$f"
		;;
	*)
		awk -v file="$f" '
		function unescape(s) {
			gsub(/\\e/, "\\", s); gsub(/\\\(aq/, "\047", s)
			gsub(/\\-/, "-", s); gsub(/\\&/, "", s)
			return s
		}
		/^\.Sh / { inex = ($0 ~ /^\.Sh EXAMPLES/); next }
		inex && /^\.Bd -literal/ { lit = 1; cont = 0; next }
		inex && /^\.Ed/ { lit = 0; next }
		inex && lit {
			line = unescape($0)
			if (cont) {
				print line
			} else if (line ~ /^\$ /) {
				print "#@ " file ":" FNR
				print substr(line, 3)
			} else
				next
			cont = (line ~ /(\\|\||&&|\|\|)[ \t]*$/)
		}' "$f"
		;;
	esac
done
