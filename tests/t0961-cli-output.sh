#!/bin/sh
# -o FILE and --reject FILE: written through a temporary made by mkstemp in
# the target's directory with the database's mode and renamed into place
# only over a regular file or a missing path; devices, FIFOs and /dev/stdout
# are written directly.  Output is opened, and a new record's id written
# and flushed, before COMMIT, so exit 4 means nothing was written.
#
# Devices are copies made with mknod in the test's directory: a build with
# the old behaviour would replace the machine's /dev/null or /dev/full.

. "$(dirname "$0")/lib.sh"

cat >mileage.ini <<\EOT
[mileage.idea.adopted]
points = 20
[mileage.idea.submitted]
points = 2
EOT
INNO_CONFIG=$TRASH/mileage.ini
export INNO_CONFIG

test_expect_success 'setup' '
	setup_staff >/dev/null 2>&1 &&
	staff-list --format=csv >expect.csv &&
	test "$(wc -l <expect.csv)" = 9
'

test_expect_success '-o FILE: a new file with the database mode, whatever the umask' '
	(umask 000 && staff-list --format=csv -o open.csv) &&
	(umask 022 && staff-list --format=csv -o shut.csv) &&
	test "$(stat -c %a open.csv shut.csv "$INNO_DB" | sort -u)" = 660 &&
	test_cmp expect.csv open.csv &&
	test "$(ls -A | grep -c "^\.open\|^\.shut\|\.tmp\$")" = 0
'

test_expect_success '-o FILE replaces a regular file whole' '
	echo old >over.csv &&
	staff-list --format=csv -o over.csv &&
	test_cmp expect.csv over.csv
'

test_expect_success '-o to a FIFO writes into it and leaves it a FIFO' '
	mkfifo pipe &&
	{ timeout 10 cat pipe >from-pipe & } &&
	expect_code 0 staff-list --format=csv -o pipe &&
	wait &&
	test -p pipe &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	test_cmp expect.csv from-pipe
'

# as_root TEXT: whether the test can make device nodes; says why not.
as_root() {
	[ "$(id -u)" = 0 ] && return 0
	say "skipped: $1 needs root for mknod"
	return 1
}

test_expect_success '-o to a copy of /dev/null leaves the device node' '
	as_root "/dev/null" || exit 0
	mknod null c 1 3 &&
	expect_code 0 staff-list --format=csv -o null &&
	test -c null &&
	test "$(stat -c %t,%T null)" = 1,3 &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success '-o to a copy of /dev/full is a full disk: exit 4' '
	as_root "/dev/full" || exit 0
	mknod full c 1 7 &&
	expect_code 4 staff-list --format=csv -o full &&
	test -c full &&
	test_must_be_empty out &&
	echo "staff-list: write error: No space left on device" >expect &&
	test_cmp expect err
'

test_expect_success '-o naming standard output writes to it' '
	ln -s /proc/self/fd/1 stdout &&
	staff-list --format=csv -o stdout >got.csv &&
	test -L stdout &&
	test_cmp expect.csv got.csv &&
	staff-list --format=csv -o got.csv >got.csv &&
	test_cmp expect.csv got.csv
'

test_expect_success 'a link planted in a shared folder does not redirect -o' '
	mkdir shared &&
	echo "mine" >victim &&
	ln -s "$TRASH/victim" shared/report.csv &&
	expect_code 0 staff-list --format=csv -o shared/report.csv &&
	echo mine >expect &&
	test_cmp expect victim &&
	test ! -L shared/report.csv &&
	test_cmp expect.csv shared/report.csv
'

test_expect_success 'the old predictable temporary of --reject is not followed' '
	printf "employee_id,name,grade,dept\nN1,나,12,총무과\n" >bad.csv &&
	echo "mine" >victim2 &&
	ln -s "$TRASH/victim2" rej.csv.tmp &&
	(umask 000 && expect_code 1 staff-import --reject=rej.csv bad.csv) &&
	echo mine >expect &&
	test_cmp expect victim2 &&
	test "$(stat -c %a rej.csv)" = 660 &&
	printf "employee_id,name,grade,dept,reject_reason\r\nN1,나,12,총무과,grade: 12: out of range (1 to 9)\r\n" >expect &&
	test_cmp expect rej.csv
'

test_expect_success 'a -o file in a missing directory: exit 4, nothing left' '
	expect_code 4 staff-list --format=csv -o nodir/x.csv &&
	test_must_be_empty out &&
	echo "staff-list: nodir/x.csv: No such file or directory" >expect &&
	test_cmp expect err &&
	test ! -e nodir
'

test_expect_success 'task-add >/dev/full writes no task: exit 4' '
	expect_code 4 sh -c "task-add --title x --field 주민참여 --dept 총무과 >/dev/full" &&
	test_grep "^task-add: write error: No space left on device" err &&
	test "$(db_value "SELECT count(*) FROM task")" = 0 &&
	expect_code 0 task-add --title x --field 주민참여 --dept 총무과 &&
	test "$(cat out)" = "$(db_value "SELECT max(id) FROM task")"
'

test_expect_success 'mileage-award >/dev/full writes no entry: exit 4' '
	expect_code 4 sh -c "mileage-award --employee-id=E01 --category=idea.adopted --date=2007-05-02 >/dev/full" &&
	test_grep "^mileage-award: write error: No space left on device" err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 0
'

test_expect_success 'mileage-mvp --close -o /missing/dir/x closes nothing: exit 4' '
	expect_code 4 mileage-mvp --month=2007-05 --close -o /missing/dir/x &&
	test_must_be_empty out &&
	echo "mileage-mvp: /missing/dir/x: No such file or directory" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage_close")" = 0
'

test_expect_success 'mileage-mvp --close >/dev/full closes nothing and stores nothing: exit 4' '
	expect_code 4 sh -c "mileage-mvp --month=2007-05 --close >/dev/full" &&
	test_grep "^mileage-mvp: write error: No space left on device" err &&
	test "$(db_value "SELECT count(*) FROM mileage_close")" = 0 &&
	test "$(db_value "SELECT count(*) FROM mileage_mvp")" = 0
'

test_expect_success 'mileage-mvp with a misspelt --columns stores nothing: exit 2' '
	expect_code 2 mileage-mvp --month=2007-05 --close --columns=bogus &&
	test_must_be_empty out &&
	test_grep "^mileage-mvp: --columns: no column .bogus." err &&
	test "$(db_value "SELECT count(*) FROM mileage_close")" = 0 &&
	test "$(db_value "SELECT count(*) FROM mileage_mvp")" = 0
'

test_expect_success '--reject on a full disk with every row good writes nothing: exit 4' '
	as_root "a full disk" || exit 0
	printf "employee_id,date,category\nE02,2007-05-03,idea.adopted\n" >good.csv &&
	expect_code 4 mileage-award --reject=full good.csv &&
	test -c full &&
	test_must_be_empty out &&
	echo "mileage-award: full: No space left on device" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 0 &&
	expect_code 0 mileage-award --reject=rej2.csv good.csv &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 1 &&
	printf "employee_id,date,category,reject_reason\r\n" >expect &&
	test_cmp expect rej2.csv
'

test_done
