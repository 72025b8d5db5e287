#!/bin/sh
# report-build: the xlsx workbook holds a sheet per section with numbers
# as numbers, as LibreOffice reads it.
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

test_expect_success 'xlsx: a sheet per section, numbers as numbers' '
	expect_code 0 report-build $P --format=xlsx -o report.xlsx &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	unzip -p report.xlsx xl/workbook.xml >wb.xml &&
	test_grep "<sheet name=\"1 일반 현황\"" wb.xml &&
	test_grep "<sheet name=\"2 창의혁신을 위한 목표와 방향\"" wb.xml &&
	unzip -p report.xlsx xl/worksheets/sheet1.xml >s1.xml &&
	test_grep "<c r=\"B4\"><v>5</v></c>" s1.xml &&
	test_grep "<c r=\"B7\"><v>3</v></c>" s1.xml &&
	unzip -p report.xlsx xl/sharedStrings.xml >ss.xml &&
	test_grep "<t>정 원</t>" ss.xml
'

test_expect_success 'xlsx: LibreOffice reads the numbers as numbers' '
	command -v soffice >/dev/null || { echo "no soffice: skipped"; exit 0; }
	# Text cells come out quoted, numbers bare (UTF-8, all text quoted).
	HOME=$TRASH/home timeout 120 soffice --headless --convert-to \
		"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true" \
		--outdir "$TRASH/lo" report.xlsx >lo.log 2>&1 &&
	test_grep "^\"정 원\",5,\"명\"$" lo/report.csv &&
	test_grep "^\"  기획팀\",2,\"명\"$" lo/report.csv &&
	test_grep "^\"현 원\",3,\"명\"$" lo/report.csv
'

test_expect_success 'xlsx to a pipe is the workbook itself' '
	expect_code 0 report-build $P --format=xlsx &&
	head -c 2 out >magic && printf PK >expect &&
	cmp expect magic
'

test_done
