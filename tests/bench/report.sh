#!/bin/sh
# tests/bench/report.sh BUILD_DIR: report-build council on a large
# database against the sqlite3 shell running the queries of the same
# figures, measured in the same run.  Prints one line:
#
#   bench: NAME: ours Ss (peak M MB), baseline Ss (peak M MB), ratio Rx (target <= Tx)
#
# SIZE (default 200000) sets the number of ideas and of benchmarking events;
# the other records scale with it (SIZE/2 idea reviews, SIZE/100 tasks,
# SIZE mileage entries, which the council report does not sum but which
# share the database).  SIZE=20000 gives a quick run.  KEEP=1 keeps the
# work directory.  A missing tool skips the run.
set -eu

BUILD=${1:?usage: sh tests/bench/report.sh BUILD_DIR}
case $BUILD in
/*) ;;
*) BUILD=$(pwd)/$BUILD ;;
esac
BIN=$BUILD/bin
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SIZE=${SIZE:-200000}
TIME=/usr/bin/time
TARGET=1.5

for tool in "$TIME" sqlite3 awk; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench: report: skipped ($tool not found)"
		exit 0
	fi
done

W=$(mktemp -d "${TMPDIR:-/tmp}/inno-bench-report.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT INT TERM
cd "$W"
# The shipped configuration without the mileage the records would earn
# (the caps would refuse a large batch from one person).
sed -e 's/^mileage_[a-z]* = .*/&/' -e 's/^\(mileage_[a-z]*\) = .*/\1 =/' \
    -e 's/^person_month_cap = .*/person_month_cap = 0/' \
    "$SRC/share/inno.ini" >inno.ini
INNO_CONFIG=$W/inno.ini
INNO_DB=$W/inno.db
INNO_SHARE=$SRC/share
PATH=$BIN:$PATH
export INNO_CONFIG INNO_DB INNO_SHARE PATH
unset INNO_NOW

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
EOT

# Runs a command three times; prints the best wall time and its peak RSS.
measure() {
	best=
	for _ in 1 2 3; do
		"$TIME" -f '%e %M' -o t.out "$@" >/dev/null
		read -r s kb <t.out
		if [ -z "$best" ] || awk -v a="$s" -v b="$best" \
		    'BEGIN { exit !(a < b) }'; then
			best=$s
			peak=$kb
		fi
	done
	echo "$best $peak"
}

set -- $(measure "$BIN/report-build" --period=2007 --as-of=2007-12-31 \
    --format=csv council)
ours=$1 ours_kb=$2
set -- $(measure sqlite3 "$INNO_DB" ".read figures.sql")
base=$1 base_kb=$2
awk -v o="$ours" -v ok="$ours_kb" -v b="$base" -v bk="$base_kb" \
    -v t="$TARGET" -v n="$SIZE" 'BEGIN {
	r = b > 0 ? o / b : 0;
	printf "bench: report-build council (%d ideas and events): ours %.2fs (peak %.1f MB), baseline %.2fs (peak %.1f MB), ratio %.2fx (target <= %sx)\n",
	    n, o, ok / 1024, b, bk / 1024, r, t }'
