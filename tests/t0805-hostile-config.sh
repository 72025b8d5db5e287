#!/bin/sh
# Hostile configuration files: over-long lines, a section name where a key
# belongs, malformed lines, octal-looking and out-of-range numbers, invalid
# UTF-8.  Each is refused with exit status 2 and a message naming the file
# and line (or key and value), and no program crashes or writes.
. "$(dirname "$0")/lib.sh"

db_sum() {
	db_dump | cksum
}

test_expect_success 'setup' '
	setup_staff &&
	db_sum >sum.before &&
	printf "employee_id,name,grade,dept\nE90,가,5,총무과\n" >new.csv
'

# refused NAME MESSAGE: a reader and a writer both refuse NAME.ini.
refused() {
	expect_code 2 staff-list -c "$1.ini" &&
	test_must_be_empty out &&
	test_grep "^staff-list: $1.ini$2" err &&
	expect_code 2 staff-import -c "$1.ini" new.csv &&
	test_must_be_empty out &&
	test_grep "^staff-import: $1.ini$2" err &&
	db_sum >sum.after &&
	test_cmp sum.before sum.after
}

test_expect_success 'an over-long line' '
	{ printf "[database]\nbusy_timeout = 1" &&
	  head -c 2000 /dev/zero | tr "\0" 0 && echo; } >long.ini &&
	refused long ":2: line longer than 1000 bytes"
'

test_expect_success 'an over-long comment' '
	{ printf "; " && head -c 5000 /dev/zero | tr "\0" x && echo; } >longc.ini &&
	refused longc ":1: line longer than 1000 bytes"
'

test_expect_success 'a section name used as a key' '
	printf "[database:busy_timeout]\nx = 1\n" >seckey.ini &&
	refused seckey ":1:10: section name may not contain '\'':'\''"
'

test_expect_success 'a key line without a value' '
	printf "[database]\nbusy_timeout\n" >novalue.ini &&
	refused novalue ":2: syntax error: busy_timeout"
'

test_expect_success 'a value without a key' '
	printf "[database]\n = 5\n" >nokey.ini &&
	refused nokey ":2: syntax error:  = 5"
'

test_expect_success 'an unclosed section' '
	printf "[database\nbusy_timeout = 5\n" >unclosed.ini &&
	refused unclosed ":1: syntax error: \[database"
'

test_expect_success 'busy_timeout = 010 is not read as octal' '
	printf "[database]\nbusy_timeout = 010\n" >octal.ini &&
	refused octal ": database:busy_timeout = \"010\": not a number (leading zero) (expected 0 to 3600000)"
'

for v in -5 +5 1,000 5.0 9223372036854775808 2^63 "5 ms"; do
	test_expect_success "busy_timeout = $v is refused" '
		printf "[database]\nbusy_timeout = %s\n" "$v" >num.ini &&
		refused num ": database:busy_timeout = \"$v\": "
	'
done

test_expect_success 'a number where a word belongs' '
	printf "[database]\nsynchronous = 1\n" >sync.ini &&
	refused sync ": database:synchronous = \"1\": expected full or normal"
'

test_expect_success 'csv max_field out of range' '
	printf "[csv]\nmax_field = 1\n" >maxf.ini &&
	expect_code 2 staff-import -c maxf.ini new.csv &&
	test_grep "^staff-import: maxf.ini: csv:max_field = \"1\": number out of range" err &&
	db_sum >sum.after &&
	test_cmp sum.before sum.after
'

test_expect_success 'invalid UTF-8 in a value' '
	printf "[report]\ntitle = \300\257\n" >utf.ini &&
	refused utf ":2:9: invalid UTF-8 (overlong sequence)"
'

test_expect_success 'a NUL byte' '
	printf "[database]\nbusy_timeout = 5\000\n" >nul.ini &&
	refused nul ":2:17: NUL byte in text"
'

test_expect_success 'a byte order mark' '
	printf "\357\273\277[database]\n" >bom.ini &&
	refused bom ":1: byte order mark not supported"
'

test_expect_success 'a missing file named with -c' '
	expect_code 2 staff-list -c nosuch.ini &&
	test_grep "^staff-list: nosuch.ini: No such file or directory" err
'

test_expect_success 'a directory named with -c' '
	mkdir dir.ini &&
	expect_code 4 staff-list -c dir.ini &&
	test_grep "^staff-list: dir.ini" err
'

test_expect_success 'the example configuration loads' '
	expect_code 0 staff-list -c "$SRC_DIRECTORY/share/inno.ini" --format=csv &&
	test_must_be_empty err &&
	test_grep "^E01," out
'

test_done
