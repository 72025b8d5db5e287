#!/bin/sh
# report-build: the HTML report is one self-contained file with print CSS
# and inline SVG charts, which headless Chromium renders.
. "$(dirname "$0")/lib.sh"

cat >teams.csv <<\EOT
dept,team,authorised
창의혁신단,기획팀,3
창의혁신단,지원팀,2
EOT
cat >staff.csv <<\EOT
employee_id,name,grade,dept,team
E01,김민수,5,창의혁신단,기획팀
E02,이서연,6,창의혁신단,기획팀
E03,박지훈,7,창의혁신단,지원팀
EOT
printf '[report]\noffice = 창의혁신단\n' >inno.ini
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG
P="--period=2007-H1 --as-of=2007-07-02"

test_expect_success 'setup' '
	expect_code 0 staff-import -q --teams teams.csv &&
	expect_code 0 staff-import -q staff.csv
'

test_expect_success 'html: one self-contained file with A4 print CSS' '
	expect_code 0 report-build $P --format=html -o report.html &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	test_grep "^<!DOCTYPE html>" report.html &&
	test_grep "<meta charset=\"utf-8\">" report.html &&
	test_grep "@page { size: A4" report.html &&
	test_grep "<h1>2007년도 주요업무추진현황</h1>" report.html &&
	test_grep "<h2>I\. 일반 현황</h2>" report.html &&
	test_grep "현 원 : <b>3명 (기획팀 2, 지원팀 1)</b>" report.html &&
	test_grep_not "<link" report.html &&
	test_grep_not "<script" report.html &&
	test_grep_not "src=" report.html &&
	tail -n 1 report.html >last && echo "</html>" >expect &&
	test_cmp expect last
'

test_expect_success 'html: an inline SVG chart per split figure' '
	test "$(grep -c "<svg class=\"chart\"" report.html)" = 3 &&
	test_grep "<text x=\"176\" y=\"19\" text-anchor=\"end\">기획팀</text>" report.html &&
	test_grep "^</svg>$" report.html
'

test_expect_success 'html: text is escaped' '
	mkdir -p share/report &&
	sed "s/^heading = 일반 현황$/heading = 일반 <현황> \&/" \
		"$SRC_DIRECTORY/share/report/report.ini" >share/report/report.ini &&
	expect_code 0 env INNO_SHARE=$TRASH/share report-build $P \
		--format=html &&
	test_grep "<h2>I\. 일반 &lt;현황&gt; &amp;</h2>" out
'

test_expect_success 'html renders in headless Chromium' '
	command -v chromium >/dev/null || { echo "no chromium: skipped"; exit 0; }
	HOME=$TRASH/home timeout 120 chromium --headless --no-sandbox \
		--disable-gpu --window-size=900,1200 \
		--screenshot="$TRASH/shot.png" "file://$TRASH/report.html" \
		>chromium.log 2>&1 &&
	test -s shot.png &&
	od -An -tx1 -N4 shot.png | tr -d " \n" >magic &&
	echo 89504e47 >expect && printf "%s\n" "$(cat magic)" >got &&
	test_cmp expect got
'

test_done
