#!/bin/sh
# report-build: the wording comes from share/report/report.ini, found
# through $INNO_SHARE, then [report] share, so changing a heading changes
# the report without rebuilding; a broken wording file is a usage error.
. "$(dirname "$0")/lib.sh"

cat >teams.csv <<\EOT
dept,team,authorised
창의혁신단,기획팀,3
EOT
printf '[report]\noffice = 창의혁신단\nmoney = million\n' >inno.ini
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG
P="--period=2007-H1 --as-of=2007-07-02"

test_expect_success 'setup: a copy of share/' '
	expect_code 0 staff-import -q --teams teams.csv &&
	cp -R "$SRC_DIRECTORY/share" myshare &&
	expect_code 0 report-build $P &&
	mv out before &&
	test_grep "^I\. 일반 현황$" before
'

test_expect_success 'a heading changed in the copy changes the report' '
	sed "s/^heading = 일반 현황$/heading = 일반 현황 (인력과 조직)/" \
		myshare/report/report.ini >tmp && mv tmp myshare/report/report.ini &&
	expect_code 0 env INNO_SHARE=$TRASH/myshare report-build $P &&
	sed "s/^I\. 일반 현황$/I. 일반 현황 (인력과 조직)/" before >expect &&
	test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'so do a sentence, a unit and the order of sections' '
	sed -e "s/^line2 = ○ .*/line2 = ○ 주민과 함께하는 영등포/" \
		-e "s/^people = 명$/people = 人/" \
		-e "/^\[kind.council\]/,/^sections/s/^sections = .*/sections = vision general/" \
		myshare/report/report.ini >tmp && mv tmp myshare/report/report.ini &&
	expect_code 0 env INNO_SHARE=$TRASH/myshare report-build $P &&
	test_grep "^I\. 창의혁신을 위한 목표와 방향$" out &&
	test_grep "^II\. 일반 현황 (인력과 조직)$" out &&
	test_grep "^ ○ 주민과 함께하는 영등포$" out &&
	test_grep "^ ○ 정 원 : 3人 (기획팀 3)$" out
'

test_expect_success '[report] share is used when INNO_SHARE is unset' '
	printf "[report]\nshare = %s/myshare\noffice = 창의혁신단\n" "$TRASH" >share.ini &&
	expect_code 0 env -u INNO_SHARE report-build -c share.ini $P &&
	test_grep "^II\. 일반 현황 (인력과 조직)$" out
'

test_expect_success 'a kind defined only in the wording file can be built' '
	cat >>myshare/report/report.ini <<-\EOT &&
	[kind.short]
	title = {year} 요약
	sections = general
	EOT
	expect_code 0 env INNO_SHARE=$TRASH/myshare report-build $P short &&
	test_grep "^2007 요약$" out &&
	test_grep_not "목표와 방향" out
'

test_expect_success 'a section without a heading is a usage error' '
	printf "[kind.bad]\nsections = nowhere\n" >>myshare/report/report.ini &&
	expect_code 2 env INNO_SHARE=$TRASH/myshare report-build $P bad &&
	test_must_be_empty out &&
	test_grep "^report-build: section nowhere: no heading in \[section.nowhere\]" err
'

test_expect_success 'an unknown source is a usage error' '
	printf "[kind.bad2]\nsections = odd\n[section.odd]\nheading = x\nsource = nothing\n" \
		>>myshare/report/report.ini &&
	expect_code 2 env INNO_SHARE=$TRASH/myshare report-build $P bad2 &&
	test_grep "^report-build: section odd: unknown source nothing$" err
'

test_expect_success 'a missing wording file is an error naming it' '
	expect_code 2 env INNO_SHARE=$TRASH/nowhere report-build $P &&
	test_must_be_empty out &&
	test_grep "nowhere/report/report.ini" err
'

test_expect_success 'a bad [report] money value is a usage error' '
	printf "[report]\nmoney = billion\n" >bad.ini &&
	expect_code 2 report-build -c bad.ini $P &&
	test_grep "money" err
'

test_done
