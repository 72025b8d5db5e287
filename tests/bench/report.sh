#!/bin/sh
# tests/bench/report.sh BUILD_DIR: report-build council on a large
# database against the sqlite3 shell running the queries of the same
# figures, measured in the same run (target: <= 1.0x, peak <= 16 MB, on
# the database of SIZE ideas and on one ten times larger).  Prints one
# line a database (see tests/bench/lib.sh).
#
# SIZE (default 200000) sets the number of ideas and of benchmarking
# events; the other records scale with it (SIZE/2 idea reviews, SIZE/100
# tasks, SIZE mileage entries, which the report's charter section sums).
# With BIG set (the full-scale run of make bench) the database ten times
# larger is measured too; REPORT_SCALES="1 10" asks for it alone.
# SIZE=20000 gives a quick run.  KEEP=1 keeps the work directory.
set -eu

BUILD=${1:?usage: sh tests/bench/report.sh BUILD_DIR}
. "$(dirname "$0")/lib.sh"

SIZE=${SIZE:-200000}
REPORT_SCALES=${REPORT_SCALES:-1${BIG:+ 10}}

# The shipped configuration without the mileage the records would earn
# (the caps would refuse a large batch from one person).
sed -e 's/^\(mileage_[a-z]*\) = .*/\1 =/' \
    -e 's/^person_month_cap = .*/person_month_cap = 0/' \
    "$SRC/share/inno.ini" >inno.ini
INNO_CONFIG=$W/inno.ini
INNO_SHARE=$SRC/share
export INNO_CONFIG INNO_SHARE

# build DB N: the office's records at N ideas, into DB.
build() {
	INNO_DB=$W/$1
	export INNO_DB
	SIZE=$2
	# The organisation: the office's four teams and 2,000 employees in 20
	# departments.
	"$BIN/staff-import" -q --teams "$SRC/share/demo/teams.csv"
	"$BIN/staff-import" -q "$SRC/share/demo/staff.csv"
	awk 'BEGIN { print "employee_id,name,grade,dept,joined";
	    for (i = 1; i <= 2000; i++)
		printf "B%05d,직원%d,%d,부서%02d,2000-01-01\n", i, i, 5 + i % 5, i % 20 }' \
	    >staff.csv
	"$BIN/staff-import" -q staff.csv

	# Tasks over the 15 fields, ideas with reviews, benchmarking, mileage.
	awk -v n=$((SIZE / 100)) 'BEGIN {
	    split("고객만족 제고|행정의 투명성 제고|업무프로세스 혁신|성과중심조직 운영|주민참여|지식관리|정책품질관리|자원봉사 인프라 확충|갈등관리|민원행정 개선|정보공개 활성화|행정서비스 전달체계 개선|정책홍보|지역인재 양성|공무원평생학습체계 구축", f, "|");
	    print "title,field,origin,dept,status,start,due";
	    for (i = 1; i <= n; i++)
		printf "과제 %d,%s,own,부서%02d,in_progress,2007-01-01,2007-12-31\n",
		    i, f[i % 15 + 1], i % 20 }' >tasks.csv
	"$BIN/task-add" -q tasks.csv
	awk -v n="$SIZE" 'BEGIN {
	    print "submitted,title,source,employee_id,proposer,dept,content";
	    for (i = 1; i <= n; i++)
		printf "2007-%02d-%02d,제안 %d,staff,B%05d,,,\n", 1 + i % 12,
		    1 + i % 28, i, 1 + i % 2000 }' >ideas.csv
	"$BIN/idea-submit" -q ideas.csv
	awk -v n=$((SIZE / 2)) 'BEGIN {
	    print "idea,date,meeting,decision,dept,implementation,reason";
	    for (i = 1; i <= n; i++)
		printf "%d,2007-12-30,심의회,%s,%s,,\n", i,
		    i % 3 ? "rejected" : "adopted", i % 3 ? "" : "부서01" }' >reviews.csv
	"$BIN/idea-review" -q reviews.csv
	awk -v n="$SIZE" 'BEGIN {
	    print "kind,date,institution,sector,people,speaker,employees,findings,task_id";
	    for (i = 1; i <= n; i++)
		printf "%s,2007-%02d-%02d,기관 %d,public,%d,,,,\n",
		    i % 2 ? "incoming" : "presentation", 1 + i % 12, 1 + i % 28,
		    i, 5 + i % 50 }' >bench.csv
	"$BIN/benchmark-log" -q bench.csv
	awk -v n="$SIZE" 'BEGIN {
	    print "employee_id,date,category,points,reason";
	    for (i = 1; i <= n; i++)
		printf "B%05d,2007-%02d-%02d,contest.entry,5,참가\n",
		    1 + i % 2000, 1 + i % 12, 1 + i % 28 }' >mileage.csv
	"$BIN/mileage-award" -q mileage.csv
	rm -f ./*.csv
}

# The baseline: the same figures, each one query, in the sqlite3 shell.
cat >figures.sql <<\EOT
SELECT coalesce(sum(t.authorised), 0) FROM team t JOIN dept d ON d.id = t.dept_id WHERE d.name = '창의혁신단';
SELECT t.name, (SELECT count(*) FROM employee e WHERE e.team_id = t.id) FROM team t JOIN dept d ON d.id = t.dept_id WHERE d.name = '창의혁신단';
SELECT count(*) FROM award; SELECT sum(incentive) FROM award; SELECT count(*) FROM award_fund;
SELECT field, status, count(*) FROM task GROUP BY field, status;
SELECT count(DISTINCT field) FROM task;
SELECT count(DISTINCT task_id), count(*) FROM task_member;
SELECT kind, count(*) FROM knowledge GROUP BY kind;
SELECT verdict, count(*) FROM knowledge_eval GROUP BY verdict;
SELECT count(*), sum(EXISTS (SELECT 1 FROM idea_review r WHERE r.idea_id = i.id AND r.meeting_id IS NOT NULL)) FROM idea i WHERE submitted BETWEEN '2007-01-01' AND '2007-12-31';
SELECT count(DISTINCT meeting_id) FROM idea_review;
SELECT status, count(*) FROM idea GROUP BY status;
SELECT kind, count(*), sum(people) FROM benchmark WHERE date BETWEEN '2007-01-01' AND '2007-12-31' GROUP BY kind;
SELECT count(*) FROM mileage_mvp;
SELECT * FROM schedule WHERE ends > '2007-12-31';
SELECT kind, count(*), sum(points) FROM mileage WHERE date BETWEEN '2007-01-01' AND '2007-12-31' GROUP BY kind;
SELECT substr(date, 1, 7), count(*), sum(CASE kind WHEN 'innovation' THEN points END), sum(CASE kind WHEN 'cs' THEN points END), sum(points) FROM mileage WHERE date BETWEEN '2007-01-01' AND '2007-12-31' GROUP BY 1;
SELECT d.name, sum(m.points) FROM mileage m JOIN dept d ON d.id = m.dept_id WHERE m.date BETWEEN '2007-01-01' AND '2007-12-31' GROUP BY m.dept_id ORDER BY 2 DESC, 1;
SELECT count(*) FROM course; SELECT count(*) FROM enrolment;
SELECT kind, count(*) FROM club GROUP BY kind;
EOT

size=$SIZE
for scale in $REPORT_SCALES; do
	n=$((size * scale))
	build "r$n.db" "$n"
	measure probe 1 "$BIN/report-build" --period=2007 --as-of=2007-12-31 \
	    --format=csv council
	runs=$(runs "$probe_s")
	measure ours "$runs" "$BIN/report-build" --period=2007 \
	    --as-of=2007-12-31 --format=csv council
	measure base "$runs" sqlite3 "$INNO_DB" ".read figures.sql"
	line "report-build council ($n ideas and events) vs its sqlite3 queries" \
	    "$runs" ours base "<= 1.0x, peak <= 16 MB"
	[ -n "${KEEP:-}" ] || rm -f "$INNO_DB" "$INNO_DB-wal" "$INNO_DB-shm"
done
