#!/bin/sh
# The configuration: lookup order, and clear errors for bad files.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' 'setup_staff'

test_expect_success 'a bad number names file, key and value' '
	printf "[database]\nbusy_timeout = 010\n" >bad.ini &&
	expect_code 2 staff-list -c bad.ini &&
	echo "staff-list: bad.ini: database:busy_timeout = \"010\": not a number (leading zero) (expected 0 to 3600000)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

test_expect_success '$INNO_CONFIG is read, and -c wins over it' '
	printf "[csv]\nencoding = latin1\n" >env.ini &&
	INNO_CONFIG=env.ini expect_code 2 staff-list &&
	echo "staff-list: env.ini: csv:encoding = \"latin1\": expected utf-8, utf-8-bom or cp949" >expect &&
	test_cmp expect err &&
	printf "[csv]\nencoding = utf-8-bom\n" >good.ini &&
	INNO_CONFIG=env.ini expect_code 0 staff-list -c good.ini --format=csv &&
	head -c 3 out | od -An -tx1 | tr -d " " >got && echo efbbbf >want &&
	test_cmp want got
'

test_expect_success 'the user file in XDG_CONFIG_HOME is read' '
	mkdir -p "$XDG_CONFIG_HOME/inno" &&
	printf "[database]\npath = %s/other.db\n" "$TRASH" >"$XDG_CONFIG_HOME/inno/inno.ini" &&
	(unset INNO_DB; expect_code 2 staff-list) &&
	test_grep "other.db: no such database" err &&
	rm "$XDG_CONFIG_HOME/inno/inno.ini"
'

test_expect_success 'the default database is under XDG_DATA_HOME' '
	(unset INNO_DB; printf "employee_id,name,grade,dept\nZ,z,7,d\n" |
	 staff-import -q) &&
	test -f "$XDG_DATA_HOME/inno/inno.db" &&
	test "$(stat -c %a "$XDG_DATA_HOME/inno/inno.db")" = 660
'

test_expect_success 'an over-long line, invalid UTF-8 and a missing file' '
	{ printf "[csv]\nencoding = "; head -c 1200 /dev/zero | tr "\0" x; echo; } >long.ini &&
	expect_code 2 staff-list -c long.ini &&
	echo "staff-list: long.ini:2: line longer than 1000 bytes" >expect &&
	test_cmp expect err &&
	printf "[csv]\nencoding = \377\n" >latin.ini &&
	expect_code 2 staff-list -c latin.ini &&
	echo "staff-list: latin.ini:2:12: invalid UTF-8 (byte out of range)" >expect &&
	test_cmp expect err &&
	expect_code 2 staff-list -c nothere.ini &&
	echo "staff-list: nothere.ini: No such file or directory" >expect &&
	test_cmp expect err
'

test_expect_success 'a section name used as a key is refused, not a crash' '
	printf "[database]\ndatabase = 5\n[csv]\ncsv = x\n" >sect.ini &&
	expect_code 2 staff-list -c sect.ini --format=csv &&
	echo "staff-list: sect.ini:2: database: unknown key in [database] (see inno.ini(5))" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

test_expect_success 'a syntax error is reported, not printed by the parser' '
	printf "[database\nbusy_timeout = 5\n" >syntax.ini &&
	expect_code 2 staff-list -c syntax.ini &&
	echo "staff-list: syntax.ini:1: syntax error: [database" >expect &&
	test_cmp expect err
'

test_done
