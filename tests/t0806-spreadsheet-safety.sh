#!/bin/sh
# Spreadsheet safety: text cells that a spreadsheet would run as a formula
# (leading = + - @, tab, CR, and the full-width ＝ ＋ － ＠) are exported
# neutralised, numbers stay numbers, and LibreOffice, converting the
# export, finds no formula in it and every Hangul name intact.  A control
# file written without neutralisation shows the check would catch one.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: names and departments that look like formulas' '
	printf "employee_id,name,grade,dept,team\n" >evil.csv &&
	printf "X01,=1+1,5,총무과,인사팀\n" >>evil.csv &&
	printf "X02,+82-2-123,5,총무과,인사팀\n" >>evil.csv &&
	printf "X03,-2+3,5,총무과,인사팀\n" >>evil.csv &&
	printf "X04,@SUM(A1:A9),5,총무과,인사팀\n" >>evil.csv &&
	printf "X05,tab,5,총무과,인사팀\n" >>evil.csv &&
	printf "X06,cr,5,총무과,인사팀\n" >>evil.csv &&
	printf "X07,＝1+4,5,총무과,인사팀\n" >>evil.csv &&
	printf "X08,＋1+5,5,총무과,인사팀\n" >>evil.csv &&
	printf "X09,－1+6,5,총무과,인사팀\n" >>evil.csv &&
	printf "X10,＠SUM(A1),5,총무과,인사팀\n" >>evil.csv &&
	printf "X11,김민수,5,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",인사팀\n" >>evil.csv &&
	printf "X12,이서연,6,총무과,-팀\n" >>evil.csv &&
	expect_code 0 staff-import evil.csv &&
	test_must_be_empty out
'

# A tab or CR can no longer come in through a program (t0910), but a
# database written before, or behind the programs' back, may hold them:
# the export must neutralise them all the same.
test_expect_success 'setup: a name starting with a tab and one with a CR' '
	db_value "UPDATE employee SET name = char(9) || '\''=1+2'\''
	    WHERE employee_id = '\''X05'\''" &&
	db_value "UPDATE employee SET name = char(13) || '\''=1+3'\''
	    WHERE employee_id = '\''X06'\''" &&
	test "$(db_value "SELECT count(*) FROM employee
	    WHERE substr(name, 1, 2) IN (char(9) || '\''='\'',
	    char(13) || '\''='\'')")" = 2
'

test_expect_success 'csv: every such text cell starts with a quote mark' '
	expect_code 0 staff-list --format=csv -o list.csv &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	X01,'\''=1+1
	X02,'\''+82-2-123
	X03,'\''-2+3
	X04,'\''@SUM(A1:A9)
	X05,'\''	=1+2
	X07,'\''＝1+4
	X08,'\''＋1+5
	X09,'\''－1+6
	X10,'\''＠SUM(A1)
	X11,김민수
	X12,이서연
	EOT
	grep "^X" list.csv | grep -v "^X06" | cut -d, -f1,2 | sort >actual &&
	test_cmp expect actual &&
	test_grep "^X06,\"'\''.=1+3\",5," list.csv &&
	test_grep "^X11,김민수,5,\"'\''=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"," list.csv &&
	test_grep ",'\''-팀" list.csv
'

test_expect_success 'csv: numbers are not neutralised' '
	test_grep "^X03,'\''-2+3,5," list.csv
'

test_expect_success 'tsv: every such text cell starts with a quote mark' '
	expect_code 0 staff-list --format=tsv &&
	grep "^X" out | cut -f2 | grep -v "^'\''" >unsafe || :
	cat >expect <<-\EOT &&
	김민수
	이서연
	EOT
	test_cmp expect unsafe
'

test_expect_success 'inno-export neutralises too' '
	expect_code 0 inno-export employee &&
	test_grep ",'\''=1+1," out &&
	test_grep_not ",=1+1," out
'

test_expect_success 'utf-8-bom and cp949 exports are neutralised too' '
	expect_code 0 staff-list --format=csv --encoding=utf-8-bom &&
	test_grep ",'\''=1+1," out &&
	expect_code 0 staff-list --format=csv --encoding=cp949 &&
	iconv -f CP949 -t UTF-8 out >out.utf8 &&
	test_grep ",'\''=1+1," out.utf8 &&
	test_grep ",'\''＝1+4," out.utf8
'

if ! command -v soffice >/dev/null 2>&1; then
	test_count=$((test_count + 1))
	echo "ok $test_count # SKIP soffice (libreoffice-calc-nogui) not installed"
	test_done
fi

# content.xml of an .ods file, one cell a line.
cells() {
	unzip -p "$1" content.xml | sed 's/<table:table-cell/\n&/g' && echo
}

test_expect_success 'LibreOffice converts the export: no formula, Hangul intact' '
	printf "name\n=1+1\n김민수\n" >control.csv &&
	mkdir -p lo &&
	HOME=$TRASH/lo timeout 300 soffice \
		-env:UserInstallation=file://$TRASH/lo/profile --headless \
		--infilter="CSV:44,34,76,1" --convert-to ods --outdir lo \
		list.csv control.csv >lo/log 2>&1 &&
	test -s lo/list.ods && test -s lo/control.ods &&
	cells lo/control.ods >control.cells &&
	test_grep "table:formula" control.cells &&
	cells lo/list.ods >list.cells &&
	test_grep_not "table:formula" list.cells &&
	for name in 김민수 이서연 "&apos;＝1+4" "&apos;=1+1" \
	    "&apos;=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"; do
		test_grep "<text:p>$name</text:p>" list.cells || return 1
	done &&
	test_grep "<text:p>총무과</text:p>" list.cells &&
	test_grep "office:value-type=\"float\" office:value=\"5\"" list.cells
'

test_done
