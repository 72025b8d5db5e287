# tests/lib.sh: helpers for the command-line tests, in the style of git's
# test-lib.  A test script sources this file, then runs
#
#	test_expect_success 'title' '
#		commands &&
#		more commands
#	'
#
# and ends with test_done.  Output is TAP, for prove.  Each script runs in a
# fresh temporary directory with its own database ($INNO_DB) and neither the
# user's nor the system's configuration (INNO_CONFIG_NOSYSTEM), so tests
# never see each other's data or the machine's.
#
# Every command's exit status, stdout and stderr are meant to be checked:
#   expect_code N cmd...   runs cmd, stdout to "out", stderr to "err", and
#                          fails unless it exits N (a signal is a crash)
#   test_cmp expected actual
#   test_must_be_empty file
#   test_grep pattern file

set -u

TEST_DIRECTORY=$(cd "$(dirname "$0")" && pwd)
SRC_DIRECTORY=$(cd "$TEST_DIRECTORY/.." && pwd)
: "${INNO_BUILD:=build}"
case $INNO_BUILD in
/*) BIN_DIRECTORY=$INNO_BUILD/bin ;;
*) BIN_DIRECTORY=$SRC_DIRECTORY/$INNO_BUILD/bin ;;
esac
PATH=$BIN_DIRECTORY:$PATH
export PATH

TRASH=$(mktemp -d "${TMPDIR:-/tmp}/inno-test.XXXXXX")
trap 'cd /; rm -rf "$TRASH"' EXIT
cd "$TRASH" || exit 1

HOME=$TRASH/home
XDG_CONFIG_HOME=$TRASH/home/.config
XDG_DATA_HOME=$TRASH/home/.local/share
INNO_DB=$TRASH/inno.db
INNO_SHARE=$SRC_DIRECTORY/share
LC_ALL=C.UTF-8
TZ=UTC
export HOME XDG_CONFIG_HOME XDG_DATA_HOME INNO_DB INNO_SHARE LC_ALL TZ
# COLUMNS would fit every table to the width of the terminal prove runs in.
unset INNO_CONFIG INNO_NOW COLUMNS
# Nothing installed on the machine reaches a test: not the system
# configuration ($(sysconfdir)/inno/inno.ini), as GIT_CONFIG_NOSYSTEM does
# for git, nor the user's (HOME is the trash directory).
INNO_CONFIG_NOSYSTEM=1
export INNO_CONFIG_NOSYSTEM
mkdir -p "$HOME"

test_count=0
test_failed=0

say() { printf '# %s\n' "$*"; }

test_expect_success() {
	test_count=$((test_count + 1))
	if (eval "$2") >"$TRASH/.log" 2>&1; then
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$TRASH/.log"
	fi
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
	exit $?
}

# expect_code N cmd...: stdout goes to ./out, stderr to ./err.
expect_code() {
	want=$1
	shift
	"$@" >out 2>err
	got=$?
	if [ "$got" -gt 128 ]; then
		echo "crashed with signal $((got - 128)): $*" >&2
		cat err >&2
		return 1
	fi
	if [ "$got" -ne "$want" ]; then
		echo "expected exit $want, got $got: $*" >&2
		echo "--- stdout" >&2; cat out >&2
		echo "--- stderr" >&2; cat err >&2
		return 1
	fi
	return 0
}

test_cmp() {
	diff -u "$1" "$2"
}

test_must_be_empty() {
	if [ -s "$1" ]; then
		echo "'$1' is not empty:" >&2
		cat "$1" >&2
		return 1
	fi
}

test_grep() {
	if ! grep -e "$1" "$2" >/dev/null; then
		echo "no '$1' in $2:" >&2
		cat "$2" >&2
		return 1
	fi
}

test_grep_not() {
	if grep -e "$1" "$2" >/dev/null; then
		echo "unexpected '$1' in $2:" >&2
		cat "$2" >&2
		return 1
	fi
}

# count_rows SQL: one number from the database, read with the sqlite3 CLI.
db_value() {
	sqlite3 "$INNO_DB" "$1"
}

# A small organisation most tests start from: two departments, four teams.
setup_staff() {
	cat >staff.csv <<-\EOT
	employee_id,name,grade,dept,team
	E01,김민수,5,창의혁신단,창의혁신기획팀
	E02,이서연,6,창의혁신단,창의혁신기획팀
	E03,박지훈,7,창의혁신단,창의혁신지원팀
	E04,최유진,8,창의혁신단,고객만족팀
	E05,정하늘,9,총무과,인사팀
	E06,강도윤,6,총무과,인사팀
	E07,윤서아,7,사회복지과,복지정책팀
	E08,임재현,9,사회복지과,복지정책팀
	EOT
	staff-import -q staff.csv
}
