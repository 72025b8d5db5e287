#!/bin/sh
# System faults: a full disk in the middle of a batch, output to a full
# device, a database the user may not write, and a mistyped database path.
# Each is exit status 4 (or 2 for the path a reader cannot find) with a
# clear message, and leaves the database as it was.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "a full disk and a read-only database are faults of the SQLite file"

test_expect_success 'setup' '
	setup_staff &&
	awk "BEGIN {
		print \"employee_id,name,grade,dept,team,joined\"
		for (i = 1; i <= 20000; i++)
			printf \"F%d,아주 긴 이름을 가진 직원 번호 %d 번,%d,총무과,인사팀,2020-01-01\n\", i, i, i % 9 + 1
	}" >big.csv &&
	sqlite3 "$INNO_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
	db_value "SELECT count(*) FROM employee" >count.before &&
	db_value "SELECT count(*) FROM audit" >audit.before
'

# With SIGXFSZ ignored, a write past the file size limit fails with EFBIG
# as a write to a full disk does.  The limit leaves room for the database
# as it is, not for the batch.
test_expect_success 'disk full during a batch: exit 4, nothing kept' '
	size=$(wc -c <"$INNO_DB") &&
	blocks=$(( (size + 65536) / 512 )) &&
	expect_code 4 sh -c "trap \"\" XFSZ; ulimit -f $blocks; exec staff-import big.csv" &&
	test_must_be_empty out &&
	test_grep "^staff-import: .*inno.db: " err &&
	test_grep "inno.db: disk full (File too large); nothing was written" err
'

test_expect_success 'the database is intact and holds nothing of the batch' '
	db_value "SELECT count(*) FROM employee" >count.after &&
	test_cmp count.before count.after &&
	db_value "SELECT count(*) FROM audit" >audit.after &&
	test_cmp audit.before audit.after &&
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'the same batch succeeds once there is room' '
	expect_code 0 staff-import -q big.csv &&
	test_must_be_empty err &&
	echo 20008 >expect &&
	db_value "SELECT count(*) FROM employee" >actual &&
	test_cmp expect actual
'

test_expect_success 'disk full while writing -o FILE: exit 4, no file left' '
	expect_code 4 sh -c "trap \"\" XFSZ; ulimit -f 256; exec staff-list --format=csv -o list.csv" &&
	test_grep "^staff-list: .*File too large" err &&
	! test -e list.csv &&
	ls >files &&
	test_grep_not "list.csv" files
'

for cmd in "staff-list --format=csv" "staff-list --format=table" \
    "staff-list --format=json" "staff-list --by=team" \
    "inno-export employee" "inno-export audit"; do
	test_expect_success "$cmd to /dev/full: exit 4" '
		expect_code 4 sh -c "exec $cmd >/dev/full" &&
		test_must_be_empty out &&
		test_grep "write error" err
	'
done

test_expect_success 'a reject file on a full disk: exit 4' '
	printf "employee_id,name,grade,dept\nE77,x,0,d\n" >bad.csv &&
	expect_code 4 staff-import --reject=/dev/full/rej.csv bad.csv &&
	test_grep "^staff-import: /dev/full/rej.csv" err
'

# Run as a user who may not write the database: nobody when the tests run
# as root, the user themselves otherwise (the file made read-only).
as_other() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}

if [ "$(id -u)" -eq 0 ] && ! setpriv --reuid=nobody --regid=nogroup \
    --clear-groups -- true 2>/dev/null; then
	echo "ok $((test_count + 1)) # SKIP cannot drop root privileges here"
	test_count=$((test_count + 1))
else
	test_expect_success 'a read-only database: exit 4, a clear message, nothing written' '
		mkdir ro &&
		cp "$INNO_DB" ro/inno.db &&
		chmod 755 ro && chmod 444 ro/inno.db &&
		chmod 711 "$TRASH" &&
		chmod 644 staff.csv new.csv 2>/dev/null;
		printf "employee_id,name,grade,dept\nR01,읽기,5,총무과\n" >ro.csv &&
		chmod 644 ro.csv &&
		cksum <ro/inno.db >sum.before &&
		expect_code 4 as_other staff-import -d "$TRASH/ro/inno.db" "$TRASH/ro.csv" &&
		test_must_be_empty out &&
		test_grep "^staff-import: .*ro/inno.db: .*read-only" err &&
		cksum <ro/inno.db >sum.after &&
		test_cmp sum.before sum.after
	'
fi

test_expect_success 'a mistyped path for a reader: exit 2, no file made' '
	expect_code 2 staff-list -d "$TRASH/inno.bd" &&
	test_grep "inno.bd: no such database" err &&
	! test -e "$TRASH/inno.bd"
'

test_expect_success 'a mistyped directory for a writer: exit 4, nothing made' '
	expect_code 4 env -u INNO_DB staff-import -d "$TRASH/typo/inno.db" big.csv &&
	test_grep "^staff-import: .*typo/inno.db: No such file or directory" err &&
	! test -e "$TRASH/typo"
'

test_done
