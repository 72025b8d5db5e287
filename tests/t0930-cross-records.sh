#!/bin/sh
# The council report's figures for ideas, knowledge, benchmarking, awards
# and budgets equal what each area's own listing prints for the same
# period and day: on the demo database, and on one generated here with
# records before, inside and after the period and on its edges.  The test
# reads every value from both outputs; for the generated database it also
# checks a few totals counted by hand, so that both sides cannot be wrong
# together.
. "$(dirname "$0")/lib.sh"

INI=$SRC_DIRECTORY/share/report/report.ini

# A key of the wording file's [label] section, or a section's key.
ini() {
	awk -v want="$1" -v key="$2" '
		/^\[/ { s = substr($0, 2, length($0) - 2); next }
		s == want && index($0, key " = ") == 1 {
			print substr($0, length(key) + 4); exit
		}' "$INI"
}
lab() { ini label "$1"; }

# Every section with a programme: "heading|programme", one a line.
programmes() {
	awk '
		/^\[/ { if (h != "" && p != "") print h "|" p; h = ""; p = ""
			s = $0; next }
		s ~ /^\[section\./ && /^heading = / { h = substr($0, 11) }
		s ~ /^\[section\./ && /^programme = / { p = substr($0, 13) }
		END { if (h != "" && p != "") print h "|" p }' "$INI"
}

# The value of one figure of report.csv, noting it as compared; fig0 gives
# 0 for a part the report leaves out because it is 0.
fig() {
	printf '%s,%s\n' "$1" "$2" >>seen
	v=$(awk -F, -v s="$1" -v i="$2" '$1 == s && $2 == i { n++; v = $3 }
		END { if (n == 1) print v }' report.csv)
	if test -z "$v"; then
		echo "report: no single figure $1,$2" >&2
		return 1
	fi
	echo "$v"
}
fig0() {
	printf '%s,%s\n' "$1" "$2" >>seen
	awk -F, -v s="$1" -v i="$2" 'BEGIN { v = 0 }
		$1 == s && $2 == i { v = $3 } END { print v }' report.csv
}

# Column name of a listing's CSV file, in the row whose first column is
# key (or the second row when key is empty); 0 when there is none.
col() {
	awk -F, -v name="$2" -v key="${3-}" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
		(key == "" && NR == 2) || (key != "" && $1 == key) { v = $c }
		END { print v == "" ? 0 : v }' "$1"
}

# Names a figure whose two values differ.
same() {
	if test "$2" != "$3"; then
		echo "$1: report $2, listing $3" >&2
		return 1
	fi
}

# A listing's CSV, with the line ends of RFC 4180 taken off.
list() {
	out=$1
	shift
	"$@" --format=csv >"$out.raw" && tr -d '\r' <"$out.raw" >"$out"
}

# cross DB PERIOD AS-OF FIRST LAST: the report of PERIOD as of AS-OF counts
# from FIRST to LAST, the earlier of AS-OF and the period's end.
cross() {
	db=$1 period=$2 asof=$3 first=$4 last=$5
	lp=$first..$last
	year=$(echo "$first" | cut -c1-4)
	: >seen
	report-build -d "$db" --period="$period" --as-of="$asof" \
		--format=csv council >report.raw &&
	tr -d '\r' <report.raw >report.csv || return 1

	# Ideas, each as it stood on the last day.
	S=$(ini section.ideas heading)
	list ideas idea-list -d "$db" --period="$lp" --as-of="$last" --by=total &&
	received=$(col ideas received) && reviewed=$(col ideas reviewed) &&
	pending=$(col ideas pending) &&
	waiting=$((received - reviewed)) &&
	same ideas.received "$(fig "$S" "$(lab ideas.received)")" "$received" &&
	same ideas.reviewed "$(fig "$S" "$(lab ideas.received)/$(lab ideas.reviewed)")" "$reviewed" &&
	same ideas.waiting "$(fig "$S" "$(lab ideas.received)/$(lab ideas.waiting)")" "$waiting" &&
	same ideas.meetings "$(fig "$S" "$(lab ideas.meetings)")" "$(col ideas meetings)" &&
	same ideas.decided "$(fig "$S" "$(lab ideas.decided)")" "$reviewed" &&
	same ideas.adopted "$(fig0 "$S" "$(lab ideas.decided)/$(lab ideas.adopted)")" "$(col ideas adopted)" &&
	same ideas.rejected "$(fig0 "$S" "$(lab ideas.decided)/$(lab ideas.rejected)")" "$(col ideas rejected)" &&
	same ideas.held "$(fig0 "$S" "$(lab ideas.decided)/$(lab ideas.held)")" "$((pending - waiting))" &&
	list status idea-list -d "$db" --period="$lp" --as-of="$last" --by=status &&
	same ideas.adopted "$(fig0 "$S" "$(lab ideas.decided)/$(lab ideas.adopted)")" "$(col status ideas adopted)" || return 1

	# Knowledge.
	S=$(ini section.knowledge heading)
	K=$(lab knowledge.items)
	list kn knowledge-list -d "$db" --period="$lp" --as-of="$last" --by=total &&
	list kind knowledge-list -d "$db" --period="$lp" --as-of="$last" --by=kind &&
	same knowledge.manuals "$(fig "$S" "$(lab knowledge.manuals)")" "$(col kn manual)" &&
	same knowledge.items "$(fig "$S" "$K")" "$(col kn items)" &&
	same knowledge.work "$(fig0 "$S" "$K/$(lab knowledge.work)")" "$(col kind items work)" &&
	same knowledge.living "$(fig0 "$S" "$K/$(lab knowledge.living)")" "$(col kind items living)" &&
	same knowledge.manual "$(fig0 "$S" "$K/$(lab knowledge.manual)")" "$(col kind items manual)" &&
	K=$(lab knowledge.evals) &&
	same knowledge.evals "$(fig "$S" "$K")" "$(col kn evaluations)" &&
	same knowledge.approved "$(fig0 "$S" "$K/$(lab knowledge.approved)")" "$(col kn approved)" &&
	same knowledge.rejected "$(fig0 "$S" "$K/$(lab knowledge.rejected)")" "$(col kn rejected)" || return 1

	# Benchmarking: presentations and visits to the office, and its own
	# visits by quarter of the year.
	S=$(ini section.sharing heading)
	list bm benchmark-list -d "$db" --period="$lp" --by=kind &&
	list bq benchmark-list -d "$db" --period="$lp" --kind=outgoing --by=quarter &&
	pe=$(col bm events presentation) && ie=$(col bm events incoming) &&
	pp=$(col bm people presentation) && ip=$(col bm people incoming) &&
	B=$(lab bench.institutions) &&
	same bench.institutions "$(fig "$S" "$B")" "$((pe + ie))" &&
	same bench.presentations "$(fig "$S" "$B/$(lab bench.presentations)")" "$pe" &&
	same bench.incoming "$(fig "$S" "$B/$(lab bench.incoming)")" "$ie" &&
	B=$(lab bench.people) &&
	same bench.people "$(fig "$S" "$B")" "$((pp + ip))" &&
	same bench.presentation_people "$(fig "$S" "$B/$(lab bench.presentation_people)")" "$pp" &&
	same bench.incoming_people "$(fig "$S" "$B/$(lab bench.incoming_people)")" "$ip" &&
	B=$(lab bench.outgoing) &&
	same bench.outgoing "$(fig "$S" "$B")" "$(col bm events outgoing)" || return 1
	for q in 1 2 3 4; do
		n=$(awk -F, -v q="$q" 'NR > 1 && substr($1, 7) == q { s += $2 }
			END { print s + 0 }' bq) &&
		same "bench.outgoing Q$q" "$(fig0 "$S" "$B/$q$(lab bench.quarter)")" "$n" ||
		return 1
	done

	# Awards since the first, up to the last day: the count over the
	# kinds the configuration counts, the money and projects over all.
	S=$(ini section.achievements heading)
	counted=$(awk '/^\[/ { s = $0; next } s == "[award]" && /^counted = / {
		print substr($0, 11) }' "${INNO_CONFIG:-/dev/null}") &&
	list aw award-list -d "$db" --period="1900-01-01..$last" --by=year &&
	list awc award-list -d "$db" --period="1900-01-01..$last" --by=year \
		--kind="${counted:-award}" &&
	n=$(awk -F, 'NR > 1 { s += $2 } END { print s + 0 }' awc) &&
	won=$(awk -F, 'NR > 1 { s += $4 } END { printf "%d", s }' aw) &&
	projects=$(awk -F, 'NR > 1 { s += $5 } END { print s + 0 }' aw) &&
	same awards.count "$(fig "$S" "$(lab awards.count)")" "$n" &&
	same awards.incentive "$(fig "$S" "$(lab awards.incentive)")" "$(((won + 500000) / 1000000))" &&
	same awards.projects "$(fig "$S" "$(lab awards.projects)")" "$projects" || return 1
	for y in $(awk -F, 'NR > 1 { print $1 }' awc); do
		same "awards $y" "$(fig "$S" "$(lab awards.count)/${y}년")" "$(col awc awards "$y")" ||
		return 1
	done
	# Each award's incentive, and each project the report names: those
	# marked major or, when none is, the five largest.
	list al award-list -d "$db" --period="1900-01-01..$last" &&
	awk -F, 'NR > 1 && $5 > 0 { print $3 "|" $5 }' al >inc &&
	while IFS='|' read -r name won; do
		same "incentive $name" "$(fig "$S" "$(lab awards.incentive)/$name")" "$(((won + 500000) / 1000000))" ||
		return 1
	done <inc
	list fu award-list -d "$db" --period="1900-01-01..$last" --funds &&
	awk -F, 'NR > 1 { print $7 "|" $8 "|" NR "|" $5 "(" $6 ")" }' fu >pr &&
	if grep -q "^[^|]*|1|" pr; then grep "^[^|]*|1|" pr; else
		sort -t'|' -k1,1nr -k3,3n pr | head -n 5; fi >named &&
	while IFS='|' read -r won major nr name; do
		same "project $name" "$(fig "$S" "$name")" "$(((won + 500000) / 1000000))" ||
		return 1
	done <named

	# Each programme's budget line of the period's year, in thousand won.
	programmes >progs
	while IFS='|' read -r h p; do
		list line budget-list -d "$db" --year="$year" --programme="$p" || return 1
		if test "$(wc -l <line)" -eq 1; then
			test "$(fig0 "$h" "$(lab budget.amount)")" = 0 || return 1
			continue
		fi
		amount=$(col line amount) &&
		same "budget $p" "$(fig "$h" "$(lab budget.amount)")" "$(((amount + 500) / 1000))" ||
		return 1
	done <progs

	# Programme activity (activity-log) of the sharing programme in the
	# period, its gauge as of the last day, the meetings of its bodies
	# (body-meet), and the innovation level's readings up to the last day.
	S=$(ini section.sharing heading)
	P=$(ini section.sharing programme)
	list act activity-list -d "$db" --programme="$P" --period="$lp" \
	    --by=kind --columns=kind,records,times,items,units &&
	list acr activity-list -d "$db" --programme="$P" --period="$lp" \
	    --columns=kind,title &&
	list acg activity-list -d "$db" --programme="$P" --kind=online \
	    --period="1900-01-01..$last" --columns=items,title || return 1
	for k in press:times book:units festival:times; do
		kind=${k%:*} count=${k#*:}
		test "$(col act records "$kind")" -gt 0 || continue
		title=$(awk -F, -v k="$kind" '$1 == k { print $2; exit }' acr)
		l=$(ini "activity.$kind" label | sed "s/{title}/$title/")
		same "activity $kind" "$(fig "$S" "$l")" "$(col act "$count" "$kind")" ||
		return 1
	done
	if test "$(wc -l <acg)" -gt 1; then
		title=$(tail -n 1 acg | cut -d, -f2)
		l=$(ini activity.online label | sed "s/{title}/$title/")
		same "activity online" "$(fig "$S" "$l")" "$(tail -n 1 acg | cut -d, -f1)" ||
		return 1
	fi
	list bodies body-list -d "$db" --programme="$P" --period="$lp" \
	    --as-of="$last" --columns=name,note,meetings || return 1
	while IFS=, read -r name note n; do
		test "$n" -gt 0 || continue
		list meets body-list -d "$db" --show=meetings --body="$name" \
		    --period="$lp" --columns=body,date || return 1
		dates=$(awk -F, -v b="$name" 'NR > 1 && $1 == b {
		    printf "%s%d. %d", (n++ ? ", " : ""), substr($2, 6, 2) + 0,
		    substr($2, 9, 2) + 0 }' meets)
		test -n "$note" && note="($note)"
		l=$(lab bodies.meetings | sed -e "s/{name}/$name/" \
		    -e "s/{(note)}/$note/" -e "s/{dates}/$dates/")
		same "body $name" "$(fig "$S" "$l")" "$n" || return 1
	done <<-EOT
	$(tail -n +2 bodies)
	EOT
	S=$(ini section.achievements heading)
	P=$(ini section.achievements activity_programme)
	list lv activity-list -d "$db" --programme="$P" --kind=diagnosis \
	    --period="1900-01-01..$last" --columns=date,units || return 1
	while IFS=, read -r d units; do
		test -n "$d" || continue
		l="$(ini activity.diagnosis label) ('$(echo "$d" | cut -c3-4)년)"
		same "level $d" "$(fig "$S" "$l")" "$units" || return 1
	done <<-EOT
	$(tail -n +2 lv)
	EOT

	# Every figure of these sections was compared.
	awk -F, -v a="$(ini section.achievements heading)" \
		-v i="$(ini section.ideas heading)" \
		-v s="$(ini section.sharing heading)" \
		-v k="$(ini section.knowledge heading)" \
		-v km="$(lab knowledge.manuals)" -v ki="$(lab knowledge.items)" \
		-v ke="$(lab knowledge.evals)" -v b="$(lab budget.amount)" '
		NR > 1 { item = $2; sub(/\/.*/, "", item) }
		NR > 1 && ($1 == a || $1 == i || $1 == s || $2 == b ||
		    ($1 == k && (item == km || item == ki || item == ke))) {
			print $1 "," $2
		}' report.csv | sort -u >shown &&
	sort -u seen >compared &&
	comm -23 shown compared >missed &&
	if test -s missed; then
		echo "figures not compared:" >&2
		cat missed >&2
		return 1
	fi
}

test_expect_success 'the demo: the report of 2007-H1 agrees with the listings' '
	(cd "$SRC_DIRECTORY" && sh tests/demo.sh "$INNO_BUILD" "$TRASH/demo") >/dev/null 2>demo.err &&
	test_must_be_empty demo.err &&
	INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini &&
	export INNO_CONFIG &&
	cross demo/inno.db 2007-H1 2007-07-02 2007-01-01 2007-06-30 &&
	test_grep "^창의구정 활성화,창의구정 아이디어 접수,74,건$" report.csv
'

test_expect_success 'the demo: 2007 as of 2007-06-15, and 2006' '
	INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini &&
	export INNO_CONFIG &&
	cross demo/inno.db 2007 2007-06-15 2007-01-01 2007-06-15 &&
	cross demo/inno.db 2006 2006-12-31 2006-01-01 2006-12-31
'

test_expect_success 'setup: records of 2005 to 2008' '
	cat >staff.csv <<-\EOT &&
	employee_id,name,grade,dept,team
	E01,김민수,5,창의혁신단,기획팀
	E02,이서연,6,창의혁신단,기획팀
	E03,박지훈,7,창의혁신단,지원팀
	E04,최유진,8,총무과,인사팀
	E05,정하늘,9,총무과,인사팀
	EOT
	staff-import -q staff.csv &&
	cat >ideas.csv <<-\EOT &&
	submitted,title,employee_id,source,proposer
	2006-12-31,해넘이 아이디어,E01,,
	2007-01-01,첫날 아이디어,E02,,
	2007-05-05,어린이날 아이디어,E03,,
	2007-06-30,반기말 아이디어,E04,,
	2007-12-31,그믐 아이디어,E05,,
	2007-08-08,여름 아이디어,E01,,
	2008-01-01,새해 아이디어,E02,,
	2005-03-03,옛 아이디어,E03,,
	2007-02-02,주민 아이디어,,citizen,홍길동
	EOT
	idea-submit -q ideas.csv &&
	cat >reviews.csv <<-\EOT &&
	idea,date,meeting,decision,dept
	8,2005-04-04,2005 심의회,rejected,
	1,2007-01-05,신년 심의회,adopted,총무과
	2,2007-03-10,제1차 심의회,rejected,
	3,2007-06-20,제2차 심의회,adopted,창의혁신단
	6,2007-09-01,,adopted,총무과
	5,2007-12-31,제3차 심의회,pending,
	6,2008-01-01,제4차 심의회,rejected,
	7,2008-02-02,제5차 심의회,adopted,총무과
	EOT
	idea-review -q reviews.csv &&
	cat >items.csv <<-\EOT &&
	kind,title,author,registered
	manual,묵은 편람,E01,2006-11-01
	work,첫날 지식,E02,2007-01-01
	manual,그믐 편람,E03,2007-12-31
	living,여름 지식,E04,2007-07-07
	manual,새해 편람,E05,2008-03-03
	EOT
	knowledge-add -q items.csv &&
	cat >evals.csv <<-\EOT &&
	knowledge,date,evaluator,verdict,reason
	1,2007-01-02,E02,approved,
	2,2007-01-01,E01,rejected,보완 필요
	2,2007-02-01,E01,approved,
	3,2008-01-01,E01,approved,
	EOT
	knowledge-review -q evals.csv &&
	cat >bench.csv <<-\EOT &&
	kind,date,institution,people,speaker,employees
	outgoing,2006-12-31,강남구,,,E01 E02
	outgoing,2007-01-01,서초구,,,E01 E02
	outgoing,2007-12-31,송파구,,,E03
	incoming,2007-04-01,부산 남구,10,,
	presentation,2007-06-30,행정자치부,100,E01,
	presentation,2008-01-01,서울시,50,E02,
	incoming,2005-05-05,대구 중구,7,,
	EOT
	benchmark-log -q bench.csv &&
	cat >awards.csv <<-\EOT &&
	date,name,incentive
	2005-09-05,혁신선도 자치단체,300000000
	2006-04-07,국무총리상,1000000000
	2007-12-31,대통령상,250400000
	2008-01-01,장관상,500000000
	EOT
	award-add -q awards.csv &&
	cat >funds.csv <<-\EOT &&
	award,project,dept,amount
	1,교육환경 개선,총무과,200000000
	1,홈페이지 개편,창의혁신단,100000000
	3,거리 조성,총무과,250000000
	4,정보센터,총무과,100000000
	EOT
	award-fund -q funds.csv &&
	cat >budget.csv <<-\EOT &&
	year,programme,amount
	2006,지식행정 추진,10000000
	2007,창의구정 활성화,83000000
	2007,지식행정 추진,11600500
	2008,창의구정 활성화,90000000
	EOT
	budget-set -q budget.csv
'

test_expect_success 'generated: 2007 as of its last day agrees, with the totals counted by hand' '
	cross "$INNO_DB" 2007 2007-12-31 2007-01-01 2007-12-31 &&
	cat >expect <<-\EOT &&
	그동안의 주요성과,수상,3,종
	그동안의 주요성과,수상/2005년,1,종
	그동안의 주요성과,수상/2006년,1,종
	그동안의 주요성과,수상/2007년,1,종
	그동안의 주요성과,인센티브 교부,1550,백만원
	그동안의 주요성과,인센티브 교부/혁신선도 자치단체,300,백만원
	그동안의 주요성과,인센티브 교부/국무총리상,1000,백만원
	그동안의 주요성과,인센티브 교부/대통령상,250,백만원
	그동안의 주요성과,인센티브 활용 사업,3,개 사업
	그동안의 주요성과,거리 조성(총무과),250,백만원
	그동안의 주요성과,교육환경 개선(총무과),200,백만원
	그동안의 주요성과,홈페이지 개편(창의혁신단),100,백만원
	지식행정 추진,소요예산,11601,천원
	지식행정 추진,업무매뉴얼 등록,1,건
	지식행정 추진,지식 등록,3,건
	지식행정 추진,지식 등록/업무지식,1,건
	지식행정 추진,지식 등록/생활지식,1,건
	지식행정 추진,지식 등록/업무편람,1,건
	지식행정 추진,지식전문가의 지식평가,3,건
	지식행정 추진,지식전문가의 지식평가/승인,2,건
	지식행정 추진,지식전문가의 지식평가/거부,1,건
	창의구정 활성화,소요예산,83000,천원
	창의구정 활성화,창의구정 아이디어 접수,6,건
	창의구정 활성화,창의구정 아이디어 접수/심의,4,건
	창의구정 활성화,창의구정 아이디어 접수/심의대기,2,건
	창의구정 활성화,창의아이디어 심의회 개최,4,회
	창의구정 활성화,심의 결과,4,건
	창의구정 활성화,심의 결과/창의 과제 채택,2,건
	창의구정 활성화,심의 결과/불채택,1,건
	창의구정 활성화,심의 결과/보류,1,건
	창의혁신 성과 공유·홍보,혁신성과 벤치마킹 및 혁신우수사례 보고회,2,기관
	창의혁신 성과 공유·홍보,혁신성과 벤치마킹 및 혁신우수사례 보고회/우수사례 보고회,1,회
	창의혁신 성과 공유·홍보,혁신성과 벤치마킹 및 혁신우수사례 보고회/벤치마킹 방문기관,1,기관
	창의혁신 성과 공유·홍보,참석 인원,110,명
	창의혁신 성과 공유·홍보,참석 인원/우수사례 보고회,100,명
	창의혁신 성과 공유·홍보,참석 인원/벤치마킹 방문기관,10,명
	창의혁신 성과 공유·홍보,우수기관 벤치마킹 실시,2,회
	창의혁신 성과 공유·홍보,우수기관 벤치마킹 실시/1분기,1,회
	창의혁신 성과 공유·홍보,우수기관 벤치마킹 실시/4분기,1,회
	EOT
	grep -F -f compared report.csv | grep -v "^지식행정 추진,\(학습동아리\|활동비\)" >actual &&
	test_cmp expect actual
'

test_expect_success 'generated: the first half as of 2007-06-15, with hand totals' '
	cross "$INNO_DB" 2007 2007-06-15 2007-01-01 2007-06-15 &&
	test_grep "^창의구정 활성화,창의구정 아이디어 접수,3,건$" report.csv &&
	test_grep "^창의구정 활성화,창의구정 아이디어 접수/심의,1,건$" report.csv &&
	test_grep "^창의구정 활성화,창의아이디어 심의회 개최,2,회$" report.csv &&
	test_grep "^지식행정 추진,지식 등록,1,건$" report.csv &&
	test_grep "^창의혁신 성과 공유·홍보,참석 인원,10,명$" report.csv &&
	test_grep "^그동안의 주요성과,수상,2,종$" report.csv &&
	test_grep "^그동안의 주요성과,인센티브 교부,1300,백만원$" report.csv
'

test_expect_success 'generated: 2008, with the decisions taken after 2007' '
	cross "$INNO_DB" 2008 2008-12-31 2008-01-01 2008-12-31 &&
	test_grep "^창의구정 활성화,창의구정 아이디어 접수,1,건$" report.csv &&
	test_grep "^창의구정 활성화,창의아이디어 심의회 개최,2,회$" report.csv &&
	test_grep "^창의구정 활성화,소요예산,90000,천원$" report.csv &&
	! grep "^지식행정 추진,소요예산," report.csv &&
	test_grep "^그동안의 주요성과,수상,4,종$" report.csv
'

test_expect_success 'generated: the whole of 2005 to 2008, and a month with nothing' '
	cross "$INNO_DB" 2005..2008 2008-12-31 2005-01-01 2008-12-31 &&
	test_grep "^창의구정 활성화,창의구정 아이디어 접수,9,건$" report.csv &&
	cross "$INNO_DB" 2007-10 2007-10-31 2007-10-01 2007-10-31
'

test_done
