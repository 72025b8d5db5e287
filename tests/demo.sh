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
task-member -q -d "$db" share/demo/task-members.csv
# The three task-force tasks the report names.
for task in 145 113 65; do
	task-update -q -d "$db" --named=1 "$task"
done

# 49 learning clubs (12 strategic), 24 of them funded with 3,600,000 won;
# the e-learning rounds (154 and 132 completed, 87 in round 3).  These
# records come with the club and training programs; a build without them
# leaves the sections empty.
if command -v club-register >/dev/null 2>&1 && test -f share/demo/clubs.csv
then
	club-register -q -d "$db" share/demo/clubs.csv
	club-fund -q -d "$db" share/demo/club-grants.csv
	club-activity -q -d "$db" share/demo/club-activities.csv
	course-add -q -d "$db" share/demo/courses.csv
	course-enroll -q -d "$db" share/demo/enrolments.csv
fi

# The roadmap of the four focus tasks: plan, pilot, spread; the first
# reached in April.
for task in 1 17 33 49; do
	task-update -q -d "$db" --on=2007-04-30 \
		--milestone="2007-03-31:추진계획 수립" \
		--milestone="2007-06-30:시범 운영" \
		--milestone="2007-11-30:전 부서 확산" \
		--done="추진계획 수립" "$task"
done

# Benchmarking, ideas, knowledge, awards and budgets: the 2007 figures
# (74 ideas, 45 reviewed at two meetings, 16 adopted; 33 manuals and 76
# evaluations, 47 approved; 23 presentations to 1,509 people and 30
# visiting institutions with 462; 7 awards, 1.8 billion won, 15 projects).
staff-import -q -d "$db" share/demo/record-staff.csv
benchmark-log -q -d "$db" share/demo/benchmark.csv
idea-submit -q -d "$db" share/demo/ideas.csv
idea-review -q -d "$db" share/demo/idea-reviews.csv
knowledge-add -q -d "$db" share/demo/knowledge.csv
knowledge-review -q -d "$db" share/demo/knowledge-evals.csv
knowledge-add -q -d "$db" --views share/demo/knowledge-views.csv
award-add -q -d "$db" share/demo/awards.csv
award-fund -q -d "$db" share/demo/award-funds.csv
budget-set -q -d "$db" share/demo/budget.csv

# Contest mileage each month, then each month's MVP.
mileage-award -q -d "$db" share/demo/mileage.csv
for m in 01 02 03 04 05 06; do
	mileage-mvp -q -d "$db" --month=2007-$m >/dev/null
done

# What each programme has planned for the rest of the year.
schedule-add -q -d "$db" share/demo/schedule.csv

# The council report of the first half of 2007, as of its date, read
# from the database just built.
INNO_DB=$db
export INNO_DB
set -- --period=2007-H1 --as-of=2007-07-02
report-build --check "$@" council
for fmt in text md html csv xlsx; do
	report-build "$@" --format=$fmt -o "$out/council.$fmt" council
done
cat "$out/council.text"
