#!/bin/sh
# Hostile CSV input: malformed quoting, NUL bytes, a 10 MB field, invalid
# UTF-8, wrong column counts, bad numbers and dates.  Each is refused with
# exit status 1 and a "file:line: column: reason" message, nothing is
# written, and nothing crashes; a BOM and CP949 with --encoding=cp949 are
# accepted.
. "$(dirname "$0")/lib.sh"

# The whole database as text, to show that nothing changed.
db_sum() {
	db_dump | cksum
}

test_expect_success 'setup' '
	setup_staff &&
	db_sum >sum.before
'

# refused NAME EXPECTED-MESSAGE: staff-import NAME.csv exits 1 with the
# message, writes nothing and leaves the database as it was.
refused() {
	expect_code 1 staff-import "$1.csv" &&
	test_must_be_empty out &&
	test_grep "^staff-import: $1.csv:$2" err &&
	test_grep "nothing was written" err &&
	db_sum >sum.after &&
	test_cmp sum.before sum.after
}

H='employee_id,name,grade,dept,team'

test_expect_success 'an unclosed quote' '
	printf "%s\nE91,\"열린 따옴표,5,총무과,인사팀\n" "$H" >unclosed.csv &&
	refused unclosed "2: name: malformed CSV"
'

test_expect_success 'a stray quote inside a field' '
	printf "%s\nE91,홍\"길동,5,총무과,인사팀\n" "$H" >stray.csv &&
	refused stray "2: name: malformed CSV"
'

test_expect_success 'text after a closing quote' '
	printf "%s\nE91,\"홍길동\"x,5,총무과,인사팀\n" "$H" >after.csv &&
	refused after "2: name: malformed CSV"
'

test_expect_success 'a NUL byte' '
	printf "%s\nE91,홍\000길동,5,총무과,인사팀\n" "$H" >nul.csv &&
	refused nul "2: name: NUL byte in text at byte 4"
'

test_expect_success 'a 10 MB field' '
	{ printf "%s\nE91," "$H" && head -c 10485760 /dev/zero | tr "\0" x &&
	  printf ",5,총무과,인사팀\n"; } >huge.csv &&
	refused huge "2: name: field longer than 65536 bytes"
'

test_expect_success 'a 10 MB quoted field over many lines' '
	{ printf "%s\nE91,\"" "$H" &&
	  head -c 10485760 /dev/zero | tr "\0" "\n" &&
	  printf "\",5,총무과,인사팀\n"; } >hugeq.csv &&
	expect_code 1 staff-import hugeq.csv &&
	test_grep "^staff-import: hugeq.csv:[0-9]*: name: field longer than 65536 bytes" err &&
	db_sum >sum.after &&
	test_cmp sum.before sum.after
'

test_expect_success 'an overlong UTF-8 sequence' '
	printf "%s\nE91,a\300\257b,5,총무과,인사팀\n" "$H" >overlong.csv &&
	refused overlong "2: name: invalid UTF-8 (overlong sequence) at byte 2"
'

test_expect_success 'a UTF-8 surrogate' '
	printf "%s\nE91,a\355\240\200b,5,총무과,인사팀\n" "$H" >surrogate.csv &&
	refused surrogate "2: name: invalid UTF-8 (surrogate code point) at byte 2"
'

test_expect_success 'a truncated UTF-8 sequence' '
	printf "%s\nE91,홍\352\270,5,총무과,인사팀\n" "$H" >truncated.csv &&
	refused truncated "2: name: invalid UTF-8 (truncated sequence) at byte 4"
'

test_expect_success 'CP949 bytes without --encoding=cp949' '
	printf "%s\nE91,홍길동,5,총무과,인사팀\n" "$H" |
		iconv -f UTF-8 -t CP949 >cp949.csv &&
	refused cp949 "2: name: invalid UTF-8 .* (for a file saved by Korean Excel, give --encoding=cp949)"
'

test_expect_success 'CP949 with --encoding=cp949 converts correctly' '
	expect_code 0 staff-import --encoding=cp949 cp949.csv &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	echo "홍길동|총무과|인사팀" >expect &&
	db_value "SELECT e.name, d.name, t.name FROM employee e
		JOIN dept d ON d.id = e.dept_id JOIN team t ON t.id = e.team_id
		WHERE employee_id = '\''E91'\''" >actual &&
	test_cmp expect actual &&
	db_sum >sum.before
'

test_expect_success 'UTF-8 given as --encoding=cp949 is refused' '
	printf "%s\nE92,홍길동,5,총무과,인사팀\n" "$H" >utf8.csv &&
	expect_code 1 staff-import --encoding=cp949 utf8.csv &&
	test_grep "^staff-import: utf8.csv:[0-9]*: not valid CP949 text" err &&
	db_sum >sum.after &&
	test_cmp sum.before sum.after
'

test_expect_success 'a byte order mark is accepted' '
	printf "\357\273\277%s\nE93,배서윤,6,총무과,인사팀\n" "$H" >bom.csv &&
	expect_code 0 staff-import bom.csv &&
	test_must_be_empty err &&
	echo 배서윤 >expect &&
	db_value "SELECT name FROM employee WHERE employee_id = '\''E93'\''" >actual &&
	test_cmp expect actual &&
	db_sum >sum.before
'

test_expect_success 'too many fields' '
	printf "%s\nE94,가,5,총무과,인사팀,extra\n" "$H" >many.csv &&
	refused many "2: expected 5 fields as in the header, found 6"
'

test_expect_success 'too few fields' '
	printf "%s\nE94,가,5\n" "$H" >few.csv &&
	refused few "2: expected 5 fields as in the header, found 3"
'

test_expect_success 'a required column missing from the header' '
	printf "employee_id,name,dept\nE94,가,총무과\n" >nocol.csv &&
	expect_code 1 staff-import nocol.csv &&
	test_grep "^staff-import: nocol.csv:1: grade: required column missing from the header" err &&
	db_sum >sum.after &&
	test_cmp sum.before sum.after
'

test_expect_success 'a column named twice in the header' '
	printf "employee_id,name,grade,grade,dept\nE94,가,5,5,총무과\n" >twice.csv &&
	expect_code 1 staff-import twice.csv &&
	test_grep "^staff-import: twice.csv:1: grade: column named twice" err &&
	db_sum >sum.after &&
	test_cmp sum.before sum.after
'

n=0
for v in -5 +5 1,000 5.0 010 9223372036854775808 2^63 ""; do
	n=$((n + 1))
	case $v in
	-5|9223372036854775808) why="$v: out of range (1 to 9)" ;;
	+5|2^63) why="$v: not a number" ;;
	1,000) why="1,000: not a number (no thousands separators)" ;;
	5.0) why="5.0: not a whole number" ;;
	010) why="010: not a number (leading zero)" ;;
	"") why="required, but empty" ;;
	esac
	test_expect_success "grade \"$v\" is refused" '
		printf "%s\nE95,나,\"%s\",총무과,인사팀\n" "$H" "$v" >num$n.csv &&
		refused num$n "2: grade: $(printf "%s" "$why" | sed "s/[.^*]/\\\\&/g")$"
	'
done

n=0
for v in 2024-02-30 2024/3/5 45356 2023-02-29 24-03-05 2024-3-5; do
	n=$((n + 1))
	case $v in
	2024-02-30|2023-02-29) why="$v: no such day in that month" ;;
	*) why="$v: not a date (YYYY-MM-DD)" ;;
	esac
	test_expect_success "joining date $v is refused" '
		printf "%s,joined\nE95,나,5,총무과,인사팀,%s\n" "$H" "$v" >date$n.csv &&
		refused date$n "2: joined: $why$"
	'
done

test_expect_success 'every bad row is reported, with its own line' '
	printf "%s\nE96,가,5,총무과,인사팀\nE97,나,0,총무과,인사팀\n\n\"E98\",다,5,총무과,인사팀,x\nE99,라,5,총무과,\"인\n사팀\"\nE9A,마,x,총무과,인사팀\n" "$H" >several.csv &&
	expect_code 1 staff-import several.csv &&
	cat >expect <<-\EOT &&
	staff-import: several.csv:3: grade: 0: out of range (1 to 9)
	staff-import: several.csv:5: expected 5 fields as in the header, found 6
	staff-import: several.csv:6: team: line break in a one-line field (U+000A) at byte 4
	staff-import: several.csv:8: grade: x: not a number
	staff-import: 4 of 5 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	db_sum >sum.after &&
	test_cmp sum.before sum.after
'

test_expect_success 'a reject file lists the bad rows with their reasons' '
	expect_code 1 staff-import --reject=rej.csv several.csv &&
	printf "employee_id,name,grade,dept,team,reject_reason\r\nE97,나,0,총무과,인사팀,grade: 0: out of range (1 to 9)\r\nE98,다,5,총무과,인사팀,\"expected 5 fields as in the header, found 6\"\r\nE99,라,5,총무과,\"인\n사팀\",team: line break in a one-line field (U+000A) at byte 4\r\nE9A,마,x,총무과,인사팀,grade: x: not a number\r\n" >expect &&
	test_cmp expect rej.csv
'

test_done
