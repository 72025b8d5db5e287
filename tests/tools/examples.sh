#!/bin/sh
# tests/tools/examples.sh FILE...: prints the commands of the documentation
# as shell script lines, one command (with its continuation lines) at a
# time, each preceded by a line "#@ FILE:LINE".
#
# In a man page, the commands are the lines of the EXAMPLES section's
# literal displays (.Bd -literal ... .Ed) that begin with "$ "; a line
# ending in a backslash (\e in mdoc), "|", "&&" or "||" continues on the
# next; other lines of a display are the command's output and are left
# out.  A brace group left open ("{ echo header" on one line, "...; } |"
# on a later one) continues too.  mdoc escapes are undone (\e, \(aq, \-,
# \&).
#
# In README.md, the commands are the lines of the fenced blocks marked
# "sh" (```sh ... ```), with the same continuation rule; comments and blank
# lines are kept as they are.
#
# In a man page, the other lines of a display after a command are what
# the command prints (stdout, then stderr); each is printed as "#@out
# LINE", and the caller checks that it appears in what the command printed
# (spacing aside, and with a trailing "..." standing for the rest of the
# line).  Lines of a display before its first command are not output.
#
# A command is expected to exit 0.  An example that shows a refusal says
# so on the line right after the command (after its continuation lines),
# as "# exits N" (in a man page, inside the same display); that line is
# printed as "#@exits N", and the caller expects status N instead.  The
# page shows the line to the reader too, so the status is documented where
# the example is.
set -u
for f in "$@"; do
	case $f in
	*.md)
		awk -v file="$f" '
		/^```sh[ \t]*$/ { inblock = 1; next }
		/^```/ { inblock = 0; next }
		inblock && !cont && /^# exits [0-9]+[ \t]*$/ {
			print "#@exits " $3
			next
		}
		inblock {
			if (!cont) print "#@ " file ":" FNR
			print
			cont = ($0 ~ /(\\|\||&&|\|\|)[ \t]*(#.*)?$/ && $0 !~ /#.*(\\|\||&&)[ \t]*$/) || ($0 ~ /(\\|\||&&|\|\|)[ \t]*$/)
		}' "$f"
		;;
	*)
		awk -v file="$f" '
		function unescape(s) {
			# \e last, so that "\e-" stays a backslash and a dash.
			gsub(/\\\(aq/, "\047", s)
			gsub(/\\-/, "-", s); gsub(/\\&/, "", s)
			gsub(/\\e/, "\\", s)
			return s
		}
		/^\.Sh / { inex = ($0 ~ /^\.Sh EXAMPLES/); next }
		inex && /^\.Bd -literal/ { lit = 1; cont = 0; depth = 0; cmd = 0; next }
		inex && /^\.Ed/ { lit = 0; next }
		inex && lit {
			line = unescape($0)
			if (cont) {
				print line
			} else if (line ~ /^# exits [0-9]+[ \t]*$/) {
				split(line, w, " ")
				print "#@exits " w[3]
			} else if (line ~ /^\$ /) {
				print "#@ " file ":" FNR
				print substr(line, 3)
				cmd = 1
			} else {
				if (cmd)
					print "#@out " line
				next
			}
			depth += gsub(/(^|[ \t;(])\{[ \t]/, "&", line)
			depth -= gsub(/(^|[ \t;])\}/, "&", line)
			cont = depth > 0 || (line ~ /(\\|\||&&|\|\|)[ \t]*$/)
		}' "$f"
		;;
	esac
done
