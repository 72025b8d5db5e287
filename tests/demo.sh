#!/bin/sh
# demo.sh BUILD [DIR]: builds the example database DIR/inno.db (default
# BUILD/demo) through the programs alone, from the CSV files in
# share/demo/, so that it holds the figures of the office's 2007 council
# report; then writes that report in every format into DIR and prints the
# text report.  The 2006 plan is built the same way from share/demo/2006/
# into DIR/2006/inno.db and written as DIR/plan.FORMAT.  Run it from the
# source directory.
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

# Contest mileage each month and the CS office's export, then each
# month's MVPs: the innovation MVP and the CS MVP (11 people honoured in
# the half-year, one of them twice); and the year's top five so far.
mileage-award -q -d "$db" share/demo/mileage.csv
mileage-award -q -d "$db" share/demo/cs-mileage.csv
for m in 01 02 03 04 05 06; do
	mileage-mvp -q -d "$db" --month=2007-$m >/dev/null
	mileage-mvp -q -d "$db" --scheme=cs --month=2007-$m >/dev/null
done
mileage-mvp -q -d "$db" --scheme=year --year=2007 >/dev/null

# Programme activity that is not a task, club, course, idea or visit (the
# forum sessions, 10 managers, 25 attendances; events, monitoring rounds,
# INNO246, newsletters, press, the results book, the festival, the
# charter's self-evaluation, the photo exhibition, 폭소운동 in 13 동, the
# innovation level), and the committee, council and forums with their
# members and meetings since 2005.
staff-import -q -d "$db" share/demo/activity-staff.csv
activity-log -q -d "$db" share/demo/activities.csv
body-add -q -d "$db" share/demo/bodies.csv
body-join -q -d "$db" share/demo/body-members.csv
body-meet -q -d "$db" share/demo/body-meetings.csv

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

# The 2006 plan, in a database of its own (DIR/2006/inno.db): the office
# of 13 (혁신기획단) by grade, the two budget lines, the 72 members of the
# leader groups, the four clubs with their members, the e-learning courses
# with their target groups and the other courses of the year (하반기 1회,
# 연 4회, 연 6회), the two task forces of 21, the report meetings planned,
# and the committee (15 outside experts, quarterly), the capital-region
# council (7 governments, Incheon chairing, every other month), the joint
# forum with 수원시 and 인천남구 and the 지역정책연구포럼 of 10; written with the plan's wording, share/report/plan-2006.ini.
plan=$out/2006/inno.db
mkdir -p "$out/2006"
rm -f "$plan" "$plan-wal" "$plan-shm"
staff-import -q -d "$plan" --teams share/demo/2006/teams.csv
staff-import -q -d "$plan" share/demo/2006/staff.csv
group-join -q -d "$plan" share/demo/2006/groups.csv
club-register -q -d "$plan" share/demo/2006/clubs.csv
club-join -q -d "$plan" share/demo/2006/club-members.csv
course-add -q -d "$plan" share/demo/2006/courses.csv
task-add -q -d "$plan" share/demo/2006/tasks.csv
awk -F, 'NR > 1 { opts[$1] = opts[$1] " --add-member=" $2 ":" $3 }
	END { for (t in opts) print t opts[t] }' share/demo/2006/task-members.csv |
sort -n | while read -r task members; do
	# shellcheck disable=SC2086
	task-update -q -d "$plan" --on=2006-01-02 $members "$task"
done
budget-set -q -d "$plan" share/demo/2006/budget.csv
schedule-add -q -d "$plan" share/demo/2006/schedule.csv
body-add -q -d "$plan" share/demo/2006/bodies.csv
body-join -q -d "$plan" share/demo/2006/body-members.csv
set -- --period=2006 --as-of=2006-01-02
report-build -d "$plan" --check "$@" plan
for fmt in text md html csv xlsx; do
	report-build -d "$plan" "$@" --format=$fmt -o "$out/plan.$fmt" plan
done
cat "$out/council.text"
