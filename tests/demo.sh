#!/bin/sh
# demo.sh BUILD [DIR]: builds the example database DIR/inno.db (default
# BUILD/demo) through the programs alone, from the CSV files in
# share/demo/, so that it holds the figures of the office's 2007 council
# report; then writes that report in every format into DIR and prints the
# text report.  Run it from the source directory.
set -eu
build=${1:-build}
src=$(pwd)
case $build in
/*) PATH=$build/bin:$PATH ;;
*) PATH=$src/$build/bin:$PATH ;;
esac
INNO_SHARE=$src/share
INNO_CONFIG=$src/share/inno.ini
export PATH INNO_SHARE INNO_CONFIG
out=${2:-$build/demo}
db=$out/inno.db
mkdir -p "$out"
rm -f "$db" "$db-wal" "$db-shm"

# The organisation: four teams of 5, 4, 3 and 3.
staff-import -q -d "$db" --teams share/demo/teams.csv
staff-import -q -d "$db" share/demo/staff.csv
staff-import -q -d "$db" share/demo/employees.csv

# 236 unit projects in 15 fields; 15 task forces of 12 members each.
task-add -q -d "$db" share/demo/tasks.csv
awk -F, 'NR > 1 { opts[$1] = opts[$1] " --add-member=" $2 ":" $3 }
	END { for (t in opts) print t opts[t] }' share/demo/task-members.csv |
sort -n | while read -r task members; do
	# shellcheck disable=SC2086
	task-update -q -d "$db" --on=2007-02-01 $members "$task"
done

# The council report of the first half of 2007, as of its date.
set -- --period=2007-H1 --as-of=2007-07-02
report-build -d "$db" --check "$@" council
for fmt in text md html csv xlsx; do
	report-build -d "$db" "$@" --format=$fmt -o "$out/council.$fmt" council
done
cat "$out/council.text"
