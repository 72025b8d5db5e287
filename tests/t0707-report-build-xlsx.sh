#!/bin/sh
# report-build: the xlsx workbook holds a sheet per section with numbers
# as numbers, as LibreOffice reads it, and prints as the office prints:
# A4 portrait, one page wide, the header row frozen and repeated, values
# with thousands separators, long text wrapped.
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
	expect_code 0 staff-import -q staff.csv &&
	expect_code 0 award-add -q --date=2007-03-21 \
		--name="제11회 한국지방자치경영대상 종합대상 및 지방행정혁신 선도 자치단체 선정에 따른 특별교부세 인센티브" \
		--grantor=행정자치부 --incentive=1800000000
'

test_expect_success 'xlsx: a sheet per section, numbers as numbers' '
	expect_code 0 report-build $P --format=xlsx -o report.xlsx &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	unzip -p report.xlsx xl/workbook.xml >wb.xml &&
	test_grep "<sheet name=\"1 일반 현황\"" wb.xml &&
	test_grep "<sheet name=\"2 창의혁신을 위한 목표와 방향\"" wb.xml &&
	unzip -p report.xlsx xl/worksheets/sheet1.xml >s1.xml &&
	test_grep "<c r=\"B4\" s=\"[0-9]*\"><v>5</v></c>" s1.xml &&
	test_grep "<c r=\"B7\" s=\"[0-9]*\"><v>3</v></c>" s1.xml &&
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

test_expect_success 'xlsx: every sheet is set up for A4 portrait, one page wide' '
	n=$(unzip -l report.xlsx | grep -c "xl/worksheets/sheet[0-9]*.xml") &&
	test "$n" -ge 10 &&
	i=1 && while [ $i -le $n ]; do
		unzip -p report.xlsx xl/worksheets/sheet$i.xml >s.xml &&
		test_grep "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"portrait\"/>" s.xml &&
		test_grep "<pageSetUpPr fitToPage=\"1\"/>" s.xml &&
		test_grep "<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>" s.xml &&
		test_grep "<col min=\"1\" max=\"1\" width=" s.xml || return 1
		i=$((i + 1))
	done &&
	unzip -p report.xlsx xl/workbook.xml >wb.xml &&
	test_grep "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'"'"'1 일반 현황'"'"'!\$2:\$2</definedName>" wb.xml &&
	unzip -p report.xlsx xl/styles.xml >st.xml &&
	test_grep "formatCode=\"#,##0\"" st.xml &&
	test_grep "wrapText=\"1\"" st.xml
'

test_expect_success 'xlsx: LibreOffice prints each sheet one page wide, 1,800 not 1800' '
	command -v soffice >/dev/null && command -v pdftotext >/dev/null ||
		{ echo "no soffice or pdftotext: skipped"; exit 0; }
	HOME=$TRASH/home timeout 120 soffice --headless --convert-to pdf \
		--outdir "$TRASH/pdf" report.xlsx >pdf.log 2>&1 &&
	pages=$(pdfinfo pdf/report.pdf | sed -n "s/^Pages: *//p") &&
	sheets=$(unzip -l report.xlsx | grep -c "xl/worksheets/sheet[0-9]*.xml") &&
	test "$pages" -ge "$sheets" &&
	pdfinfo pdf/report.pdf | test_grep "^Page size: *595.* x 841.* (A4)" /dev/stdin &&
	p=1 && while [ $p -le $pages ]; do
		pdftotext -f $p -l $p -layout pdf/report.pdf page.txt &&
		# Every page holds the item column and the unit column: no
		# column spills onto a page of its own.
		test_grep "항목\|item" page.txt &&
		test_grep "단 *위\|unit" page.txt || return 1
		p=$((p + 1))
	done &&
	pdftotext -layout pdf/report.pdf all.txt &&
	test_grep " 1,800 " all.txt &&
	test_grep_not " 1800 " all.txt &&
	test "$pages" -le $((sheets + 1))
'

test_expect_success 'xlsx to a pipe is the workbook itself' '
	expect_code 0 report-build $P --format=xlsx &&
	head -c 2 out >magic && printf PK >expect &&
	cmp expect magic
'

test_done
