#!/bin/sh
# Every program: --help and --version exit 0, an unknown option exits 2,
# and a read-only program on a missing database creates nothing.
. "$(dirname "$0")/lib.sh"

for prog in $(ls "$BIN_DIRECTORY"); do
	test_expect_success "$prog --help prints the synopsis" '
		expect_code 0 $prog --help &&
		test_grep "^usage: $prog" out &&
		test_must_be_empty err
	'
	test_expect_success "$prog --version" '
		expect_code 0 $prog --version &&
		echo "$prog (inno) 0.1.0" >expect &&
		test_cmp expect out &&
		test_must_be_empty err
	'
	test_expect_success "$prog with an unknown option exits 2" '
		expect_code 2 $prog --no-such-option &&
		test_must_be_empty out &&
		test_grep "^$prog: unknown option --no-such-option" err &&
		test_grep "^usage: $prog" err
	'
	test_expect_success "$prog --help to a full disk exits 4" '
		expect_code 4 sh -c "$prog --help >/dev/full" &&
		test_grep "write error" err
	'
done

# Read-only programs, each with the arguments of a plain read.
while read -r prog args; do
	test_expect_success "$prog on a missing database: exit 2, no file" '
		expect_code 2 $prog -d missing.db $args &&
		test_grep "missing.db: no such database" err &&
		test_must_be_empty out &&
		! test -e missing.db
	'
done <<EOT
staff-list
inno-check
inno-export employee
EOT

test_expect_success 'cmd/ holds no SQL: programs ask the library' '
	grep -n -E "\"[^\"]*\<(SELECT|INSERT|UPDATE|DELETE|sqlite_schema)\>" \
		"$SRC_DIRECTORY"/cmd/*.c "$SRC_DIRECTORY"/cmd/*.h >sql || :
	test_must_be_empty sql
'

test_done
