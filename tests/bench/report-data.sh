# tests/bench/report-data.sh: the council report's database and the SQL
# of its figures, for tests/bench/report.sh (SQLite) and
# tests/bench/pg.sh (PostgreSQL); sourced after tests/bench/lib.sh, in
# the work directory, with INNO_CONFIG and INNO_SHARE set.

# report_db DB N: the office's records at N ideas, into database DB (a
# path or a URI).
report_db() {
	INNO_DB=$1
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

# The baseline: the figures the report shows, in the sqlite3 shell (or,
# translated as the programs' SQL is, in psql: tests/bench/pg.sh), one
# statement a figure (a total with its parts, as the report's model holds
# them), each the best over the same indexes (the report's own rollups
# too: mileage_month holds the ledger's monthly sums), labelled as the
# report's CSV labels them so that the two answers can be compared
# (below).  The office is the configured one (창의혁신단), the period
# 2007, the as-of day its end.  A part that is 0 prints nothing, as the
# report leaves it out, except where the report always shows it.  The
# records this database has none of (activities, bodies, budget lines,
# course rounds) add lines of their own to the report, which the check
# would name; on the demo's records every line here is one of the report's.
cat >figures.sql <<\EOT
-- 일반 현황: the office's teams, authorised and current, and its grades.
WITH t AS (SELECT t.name, t.authorised FROM team t JOIN dept d ON d.id = t.dept_id WHERE d.name = '창의혁신단')
 SELECT '정 원', coalesce(sum(authorised), 0) FROM t UNION ALL SELECT '정 원/' || name, authorised FROM t;
WITH e AS (SELECT e.team_id, e.grade FROM employee e JOIN dept d ON d.id = e.dept_id WHERE d.name = '창의혁신단' AND (e.joined IS NULL OR e.joined <= '2007-12-31') AND (e.left IS NULL OR e.left > '2007-12-31'))
 SELECT '현 원', count(*) FROM e UNION ALL SELECT '현 원/' || t.name, (SELECT count(*) FROM e WHERE e.team_id = t.id) FROM team t JOIN dept d ON d.id = t.dept_id WHERE d.name = '창의혁신단';
WITH g AS (SELECT e.grade, count(*) AS n FROM employee e JOIN dept d ON d.id = e.dept_id WHERE d.name = '창의혁신단' AND (e.joined IS NULL OR e.joined <= '2007-12-31') AND (e.left IS NULL OR e.left > '2007-12-31') GROUP BY e.grade)
 SELECT '직급별 현원', coalesce(sum(n), 0) FROM g UNION ALL SELECT '직급별 현원/' || grade || '급', n FROM g;
-- 그동안의 주요성과: awards up to the as-of day, money in 백만원.
WITH y AS (SELECT substr(date, 1, 4) AS year, count(*) AS n FROM award WHERE kind = 'award' AND date <= '2007-12-31' GROUP BY 1)
 SELECT '수상', coalesce(sum(n), 0) FROM y UNION ALL SELECT '수상/' || year || '년', n FROM y;
WITH a AS (SELECT name, incentive FROM award WHERE incentive > 0 AND date <= '2007-12-31')
 SELECT '인센티브 교부', (coalesce(sum(incentive), 0) + 500000) / 1000000 FROM a UNION ALL SELECT '인센티브 교부/' || name, (incentive + 500000) / 1000000 FROM a;
SELECT '인센티브 활용 사업', count(*) FROM award_fund f JOIN award a ON a.id = f.award_id WHERE a.date <= '2007-12-31';
-- 지방행정 혁신과제 추진: tasks by field and status, fields, task forces.
WITH g AS (SELECT field, status, count(*) AS n FROM task WHERE (start IS NULL OR start <= '2007-12-31') AND (due IS NULL OR due >= '2007-01-01') GROUP BY field, status)
 SELECT '성과창출형 행정혁신 단위사업', coalesce(sum(n), 0) FROM g
 UNION ALL SELECT '성과창출형 행정혁신 단위사업/' || field, sum(n) FROM g GROUP BY field
 UNION ALL SELECT '성과창출형 행정혁신 단위사업/' || field || '/' || CASE status WHEN 'pool' THEN '발굴' WHEN 'selected' THEN '선정' WHEN 'in_progress' THEN '추진중' WHEN 'completed' THEN '완료' ELSE '중단' END, n FROM g;
SELECT '혁신과제 분야', count(DISTINCT field) FROM task WHERE (start IS NULL OR start <= '2007-12-31') AND (due IS NULL OR due >= '2007-01-01');
SELECT '행정혁신과제 실행체계 구축 (과제별 TFT)', count(DISTINCT task_id) FROM task_member WHERE joined <= '2007-12-31' AND (left IS NULL OR left > '2007-12-31');
SELECT '과제별 TFT 구성원', count(DISTINCT employee_id) FROM task_member WHERE joined <= '2007-12-31' AND (left IS NULL OR left > '2007-12-31');
-- 지식행정 추진: items registered in the period, evaluations, clubs.
SELECT '업무매뉴얼 등록', count(*) FROM knowledge WHERE kind = 'manual' AND registered BETWEEN '2007-01-01' AND '2007-12-31';
WITH k AS (SELECT kind, count(*) AS n FROM knowledge WHERE registered BETWEEN '2007-01-01' AND '2007-12-31' GROUP BY kind)
 SELECT '지식 등록', coalesce(sum(n), 0) FROM k UNION ALL SELECT '지식 등록/' || CASE kind WHEN 'work' THEN '업무지식' WHEN 'living' THEN '생활지식' ELSE '업무편람' END, n FROM k;
WITH v AS (SELECT verdict, count(*) AS n FROM knowledge_eval WHERE date BETWEEN '2007-01-01' AND '2007-12-31' GROUP BY verdict)
 SELECT '지식전문가의 지식평가', coalesce(sum(n), 0) FROM v UNION ALL SELECT '지식전문가의 지식평가/' || CASE verdict WHEN 'approved' THEN '승인' ELSE '거부' END, n FROM v;
SELECT '학습동아리 등록', count(*) FROM club WHERE registered <= '2007-12-31';
SELECT '활동비 지원', count(DISTINCT club_id) FROM club_grant WHERE date BETWEEN '2007-01-01' AND '2007-12-31';
SELECT '활동비 지원액', (coalesce(sum(amount), 0) + 500) / 1000 FROM club_grant WHERE date BETWEEN '2007-01-01' AND '2007-12-31';
-- 교육·학습: e-learning completions in the period.
SELECT '창의혁신 사이버 교육 실시', count(*) FROM enrolment n JOIN course c ON c.id = n.course_id WHERE c.kind = 'e-learning' AND n.completed BETWEEN '2007-01-01' AND '2007-12-31';
-- 창의구정 활성화: ideas received, decided or waiting, each by its last
-- decision by the as-of day (one pass over the reviews); the meetings
-- that decided one; the decided by that decision.
WITH r AS (SELECT count(*) AS n FROM idea WHERE submitted BETWEEN '2007-01-01' AND '2007-12-31'),
 d AS (SELECT count(*) AS n FROM (SELECT idea_id, max(id) FROM idea_review WHERE decision IS NOT NULL AND date <= '2007-12-31' GROUP BY idea_id) l JOIN idea i ON i.id = l.idea_id WHERE i.submitted BETWEEN '2007-01-01' AND '2007-12-31')
 SELECT '창의구정 아이디어 접수', n FROM r UNION ALL SELECT '창의구정 아이디어 접수/심의', n FROM d UNION ALL SELECT '창의구정 아이디어 접수/심의대기', r.n - d.n FROM r, d;
SELECT '창의아이디어 심의회 개최', count(*) FROM idea_meeting m WHERE EXISTS (SELECT 1 FROM idea_review r WHERE r.meeting_id = m.id AND r.decision IS NOT NULL AND r.date BETWEEN '2007-01-01' AND '2007-12-31');
WITH g AS (SELECT l.decision, count(*) AS n FROM (SELECT r.idea_id, r.decision FROM idea_review r WHERE r.id = (SELECT max(x.id) FROM idea_review x WHERE x.idea_id = r.idea_id AND x.decision IS NOT NULL AND x.date <= '2007-12-31')) l JOIN idea i ON i.id = l.idea_id WHERE i.submitted BETWEEN '2007-01-01' AND '2007-12-31' GROUP BY l.decision)
 SELECT '심의 결과', coalesce(sum(n), 0) FROM g UNION ALL SELECT '심의 결과/' || CASE decision WHEN 'adopted' THEN '창의 과제 채택' WHEN 'rejected' THEN '불채택' ELSE '보류' END, n FROM g;
-- 창의혁신 성과 공유·홍보: the visits and presentations by kind, as
-- institutions and as people, and the outgoing visits by quarter.
WITH k AS (SELECT count(*) FILTER (WHERE kind = 'presentation') AS p, count(*) FILTER (WHERE kind = 'incoming') AS i FROM benchmark WHERE kind IN ('incoming', 'presentation') AND date BETWEEN '2007-01-01' AND '2007-12-31')
 SELECT '혁신성과 벤치마킹 및 혁신우수사례 보고회', p + i FROM k UNION ALL SELECT '혁신성과 벤치마킹 및 혁신우수사례 보고회/우수사례 보고회', p FROM k UNION ALL SELECT '혁신성과 벤치마킹 및 혁신우수사례 보고회/벤치마킹 방문기관', i FROM k;
WITH k AS (SELECT coalesce(sum(people) FILTER (WHERE kind = 'presentation'), 0) AS p, coalesce(sum(people) FILTER (WHERE kind = 'incoming'), 0) AS i FROM benchmark WHERE kind IN ('incoming', 'presentation') AND date BETWEEN '2007-01-01' AND '2007-12-31')
 SELECT '참석 인원', p + i FROM k UNION ALL SELECT '참석 인원/우수사례 보고회', p FROM k UNION ALL SELECT '참석 인원/벤치마킹 방문기관', i FROM k;
WITH q AS (SELECT (CAST(substr(date, 6, 2) AS INTEGER) + 2) / 3 AS q, count(*) AS n FROM benchmark WHERE kind = 'outgoing' AND date BETWEEN '2007-01-01' AND '2007-12-31' GROUP BY 1)
 SELECT '우수기관 벤치마킹 실시', coalesce(sum(n), 0) FROM q UNION ALL SELECT '우수기관 벤치마킹 실시/' || q || '분기', n FROM q;
-- 행정서비스헌장제 운영: the MVPs (each once a scheme), mileage by month.
SELECT 'CS 및 창의혁신 MVP 표창', coalesce(sum(n), 0) FROM (SELECT count(DISTINCT employee_id) AS n FROM mileage_mvp WHERE length(month) = 7 AND month BETWEEN '2007-01' AND '2007-12' AND employee_id IS NOT NULL GROUP BY scheme);
WITH m AS (SELECT month, sum(points) AS n FROM mileage_month WHERE kind = 'innovation' AND month BETWEEN '2007-01' AND '2007-12' GROUP BY month)
 SELECT '월별 혁신마일리지', coalesce(sum(n), 0) FROM m UNION ALL SELECT '월별 혁신마일리지/' || CAST(substr(month, 6, 2) AS INTEGER) || '월', n FROM m;
EOT
