#!/bin/sh
# tests/tools/owners.sh: holds the ownership map against the code.  Every
# table of share/schema belongs to one file under lib/ (OWNERS below); this
# prints "file: names table (owned by owner)" for every other file whose SQL
# names a table, and "table: no owner" for a table the map does not know.
# SQL is read from the C string literals of each file, joined in order, and
# a table counts as named after FROM, JOIN, INTO, UPDATE, TABLE, EXISTS or
# ON.  Exit status 1 when anything is printed.
#
# usage: sh tests/tools/owners.sh [SRCDIR]
set -u
src=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
OWNERS='
audit lib/audit.c
audit_change lib/audit.c
command lib/audit.c
batch lib/batch.c
dept lib/staff.c
team lib/staff.c
employee lib/staff.c
task lib/task.c
task_member lib/task.c
task_milestone lib/task.c
task_log lib/task.c
task_score lib/task.c
mileage lib/mileage.c
mileage_close lib/mileage.c
mileage_month lib/mileage.c
mileage_mvp lib/mvp.c
mileage_mvp_schemes lib/mvp.c
club lib/club.c
club_member lib/club.c
club_grant lib/club.c
club_activity lib/club.c
group_member lib/group.c
course lib/course.c
enrolment lib/course.c
benchmark lib/benchmark.c
benchmark_member lib/benchmark.c
idea_meeting lib/idea.c
idea lib/idea.c
idea_review lib/idea.c
knowledge lib/knowledge.c
knowledge_eval lib/knowledge.c
knowledge_view lib/knowledge.c
award lib/award.c
award_fund lib/award.c
budget lib/budget.c
budget_spend lib/budget.c
schedule lib/schedule.c
activity lib/activity.c
activity_member lib/activity.c
body lib/body.c
body_member lib/body.c
body_meeting lib/body.c
'
tmp=$(mktemp -d "${TMPDIR:-/tmp}/owners.XXXXXX") || exit 4
trap 'rm -rf "$tmp"' EXIT
echo "$OWNERS" | awk 'NF == 2' >"$tmp/map"
# Every table the schema creates (and only those) must be in the map.
cat "$src"/share/schema/*.sql |
    sed -n 's/^CREATE TABLE \(IF NOT EXISTS \)\{0,1\}\([a-z_][a-z_0-9]*\).*/\2/p' |
    sort -u >"$tmp/tables"
awk '{print $1}' "$tmp/map" | sort -u >"$tmp/mapped"
comm -23 "$tmp/tables" "$tmp/mapped" | sed 's/$/: no owner/' >"$tmp/report"
comm -13 "$tmp/tables" "$tmp/mapped" | sed 's/$/: in the map but not in the schema/' >>"$tmp/report"
cd "$src" || exit 4
awk -v mapfile="$tmp/map" '
function flush(   s, m) {
	s = lit
	while (match(s, /(FROM|JOIN|INTO|UPDATE|TABLE|EXISTS|ON)[ \t]+[a-z_][a-z_0-9]*/)) {
		m = substr(s, RSTART, RLENGTH)
		sub(/^[A-Z]+[ \t]+/, "", m)
		if ((m in owner) && owner[m] != file)
			print file ": names " m " (owned by " owner[m] ")"
		s = substr(s, RSTART + RLENGTH)
	}
	lit = ""
}
BEGIN { while ((getline l < mapfile) > 0) { split(l, f, " "); owner[f[1]] = f[2] } }
FNR == 1 { if (file != "") flush(); file = FILENAME; incomment = 0 }
{
	line = $0; n = length(line); i = 1
	while (i <= n) {
		c = substr(line, i, 1)
		if (incomment) {
			if (substr(line, i, 2) == "*/") { incomment = 0; i += 2 } else i++
			continue
		}
		if (substr(line, i, 2) == "/*") { incomment = 1; i += 2; continue }
		if (substr(line, i, 2) == "//") break
		if (c == "\047") { i += (substr(line, i + 1, 1) == "\\") ? 4 : 3; continue }
		if (c == "\"") {
			i++
			while (i <= n) {
				c = substr(line, i, 1)
				if (c == "\\") { lit = lit substr(line, i, 2); i += 2; continue }
				if (c == "\"") break
				lit = lit c; i++
			}
			i++
			continue
		}
		if (c == ";") lit = lit " ; "
		i++
	}
}
END { if (file != "") flush() }
' lib/*.c cmd/*.c $(ls cmd/*.h 2>/dev/null) | sort -u >>"$tmp/report"
cat "$tmp/report"
test ! -s "$tmp/report"
