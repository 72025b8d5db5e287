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
#
# The same scripts run on SQLite (the default: $INNO_DB is $TRASH/inno.db)
# or, with INNO_TEST_PG set to a cluster's URI (tests/pg/suite.sh sets it,
# and INNO_TEST_PGBIN to the directory of its psql), on PostgreSQL: then
# each script gets a database of its own on that cluster, created here
# and dropped as the script ends, and $INNO_DB is its postgresql:// URI.
# A test looks into or changes the database only through helpers that do
# the same on either engine:
#   db_value [-d DB] SQL   the rows of a query, fields split by |
#   db_exec [-d DB] SQL    a change made behind the programs' back
#   db_name NAME           a second database (other.db, old.db, ...)
#   db_copy FROM TO        a copy of a database
#   db_dump [-d DB]        all of a database as text, to compare
#   db_drop_trigger NAME TABLE   a guard trigger gone
#   db_schema TABLE        its indexes and triggers, as the engine has them
#   db_tables              the names of its tables
#   db_fresh               $INNO_DB empty again
#   db_set_aside NAME, db_bring_back NAME   $INNO_DB kept aside, put back
# (their variables start with _db_, out of the way of the tests'), and
# what only SQLite has (the file, its PRAGMAs, sqlite_master) is
# tested under test_expect_success_sqlite REASON TITLE BODY, or the whole
# script after test_sqlite_only REASON: skipped on PostgreSQL, saying why.

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
# In the sanitizer build, what LeakSanitizer must not count (tests/lsan.supp).
LSAN_OPTIONS=suppressions=$SRC_DIRECTORY/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}
export LSAN_OPTIONS
# COLUMNS would fit every table to the width of the terminal prove runs in.
unset INNO_CONFIG INNO_NOW COLUMNS
# Nothing installed on the machine reaches a test: not the system
# configuration ($(sysconfdir)/inno/inno.ini), as GIT_CONFIG_NOSYSTEM does
# for git, nor the user's (HOME is the trash directory).
INNO_CONFIG_NOSYSTEM=1
export INNO_CONFIG_NOSYSTEM
mkdir -p "$HOME"

# PostgreSQL mode.  The databases a script made are listed, one name a
# line, in $TRASH/.pg-databases, a file rather than a variable so that
# db_name and db_copy record them from the subshell of a $(...) as well;
# each is listed before it is created, so none is left out of the drop.
if [ -n "${INNO_TEST_PG:-}" ]; then
	# As suite.sh does, for a script run alone with INNO_TEST_PG set:
	# PGHOST, PGUSER, PGSERVICE and the like would point psql and the
	# programs elsewhere.
	for _db_v in $(env | sed -n 's/^\(PG[A-Z_]*\)=.*/\1/p'); do
		unset "$_db_v"
	done
	test_pg_psql=${INNO_TEST_PGBIN:+$INNO_TEST_PGBIN/}psql
	test_pg_list=$TRASH/.pg-databases
	: >"$test_pg_list"
	# Unique on the cluster, which the scripts of a parallel run
	# share, and within the 63 bytes of an identifier with a db_name
	# suffix: t_, 24 of the script's name, the pid.
	test_pg_base=t_$(basename "$0" .sh | LC_ALL=C sed 's/[^A-Za-z0-9]/_/g' |
	    LC_ALL=C tr A-Z a-z | cut -c1-24)_$$
	# The databases go with the script, however it ends; test_done
	# drops them too, for a script that sets an EXIT trap of its own.
	trap 'test_pg_drop; cd /; rm -rf "$TRASH"' EXIT
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 143' TERM
fi

# test_pg_admin SQL...: runs each SQL on the cluster's own database, as
# the superuser, for CREATE and DROP DATABASE, which cannot be run in the
# database they name.
test_pg_admin() {
	for _db_sql in "$@"; do
		"$test_pg_psql" -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse \
		    -d "$INNO_TEST_PG" -c "$_db_sql" || return 1
	done
}

# test_pg_uri NAME: the URI of database NAME on the cluster: INNO_TEST_PG
# with its database changed, the host and port kept.
test_pg_uri() {
	printf '%s\n' "$INNO_TEST_PG" |
	    sed "s|^\(postgresql://[^/?]*\)/[^?]*|\1/$1|"
}

# test_pg_dbname URI: the database a URI names.
test_pg_dbname() {
	printf '%s\n' "$1" | sed -n 's|^postgresql://[^/?]*/\([^?]*\).*|\1|p'
}

# test_pg_create NAME: creates database NAME once: a second call for the
# same name finds it listed and leaves it as it is, as a second db_name
# of a file name gives the same file.
test_pg_create() {
	grep -qx "$1" "$test_pg_list" && return 0
	echo "$1" >>"$test_pg_list"
	test_pg_admin "CREATE DATABASE \"$1\""
}

# test_pg_drop: drops every database the script made.  WITH (FORCE)
# ends the sessions still open on one (a program left running by a test
# that failed).  The cluster may be gone already, a run interrupted.
test_pg_drop() {
	[ -f "${test_pg_list:-}" ] || return 0
	while read -r _db_n; do
		test_pg_admin "DROP DATABASE IF EXISTS \"$_db_n\" WITH (FORCE)" \
		    >/dev/null 2>&1
	done <"$test_pg_list"
	: >"$test_pg_list"
}

if [ -n "${INNO_TEST_PG:-}" ]; then
	# Without its database no test of the script means anything, and
	# nor would those of the others on the same cluster.
	if ! test_pg_create "$test_pg_base" >"$TRASH/.log" 2>&1; then
		echo "Bail out! cannot create database $test_pg_base on $INNO_TEST_PG: $(cat "$TRASH/.log")"
		exit 1
	fi
	INNO_DB=$(test_pg_uri "$test_pg_base")
	export INNO_DB
fi

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

# test_expect_success_sqlite REASON TITLE BODY: test_expect_success on
# SQLite; on PostgreSQL the test is skipped, with REASON shown, for what
# only SQLite has: the database as a file, its PRAGMAs, sqlite_master.
test_expect_success_sqlite() {
	if [ -n "${INNO_TEST_PG:-}" ]; then
		test_count=$((test_count + 1))
		echo "ok $test_count - $2 # SKIP $1"
		return 0
	fi
	test_expect_success "$2" "$3"
}

# test_sqlite_only REASON: on PostgreSQL, skips the whole script, with
# REASON shown; for a script all about the SQLite file.  Called before
# the first test.
test_sqlite_only() {
	if [ -n "${INNO_TEST_PG:-}" ]; then
		echo "1..0 # SKIP $1"
		exit 0
	fi
}

test_done() {
	if [ -n "${INNO_TEST_PG:-}" ]; then
		test_pg_drop
	fi
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


# test_db_psql DB: psql on database DB (a URI), the SQL on its standard
# input, in the form sqlite3 prints rows in: unaligned, fields split by |,
# no headers and no command tags; each statement on its own, and the
# first error ends it with exit status 3 and one line on stderr.  Unlike
# sqlite3's, a boolean prints as t or f, and a NULL as nothing in both.
test_db_psql() {
	"$test_pg_psql" -X -q -At -F '|' -v ON_ERROR_STOP=1 \
	    -v VERBOSITY=terse -d "$1" -f -
}

# test_db_sql SQL: SQL in PostgreSQL's dialect, translated as the programs'
# SQL is (lib/db-pg-sql.c), so that a test's query means what it means on
# SQLite: group_concat, NULLs first in an ascending order, user and left
# as names.
test_db_sql() {
	case $INNO_BUILD in
	/*) "$INNO_BUILD/tests/pg-sql" --translate "$1" ;;
	*) "$SRC_DIRECTORY/$INNO_BUILD/tests/pg-sql" --translate "$1" ;;
	esac
}

# db_value [-d DB] SQL: the rows SQL gives, one a line with the fields
# split by |, from $INNO_DB or DB (a name from db_name or db_copy).
db_value() {
	_db_db=$INNO_DB
	if [ "${1:-}" = -d ]; then
		_db_db=$2
		shift 2
	fi
	if [ -n "${INNO_TEST_PG:-}" ]; then
		test_db_sql "$1" | test_db_psql "$_db_db"
	else
		sqlite3 "$_db_db" "$1"
	fi
}

# db_exec [-d DB] [SQL]: runs SQL (without it, the SQL on standard
# input) on $INNO_DB or DB: a change made behind the programs' back, as a
# clerk with the database's own shell would make it.  An error fails it.
db_exec() {
	_db_db=$INNO_DB
	if [ "${1:-}" = -d ]; then
		_db_db=$2
		shift 2
	fi
	if [ -n "${INNO_TEST_PG:-}" ]; then
		if [ $# -gt 0 ]; then
			test_db_sql "$1" | test_db_psql "$_db_db"
		else
			test_db_psql "$_db_db"
		fi
	elif [ $# -gt 0 ]; then
		sqlite3 "$_db_db" "$1"
	else
		sqlite3 "$_db_db"
	fi
}

# db_drop_trigger [-d DB] NAME TABLE: drops trigger NAME of TABLE, as a
# clerk would before changing what the trigger guards (the append-only
# ledger and trail); PostgreSQL names a trigger with its table.
db_drop_trigger() {
	_db_db=$INNO_DB
	if [ "${1:-}" = -d ]; then
		_db_db=$2
		shift 2
	fi
	if [ -n "${INNO_TEST_PG:-}" ]; then
		db_exec -d "$_db_db" "DROP TRIGGER $1 ON $2"
	else
		db_exec -d "$_db_db" "DROP TRIGGER $1"
	fi
}

# db_dump [-d DB]: the whole of $INNO_DB or DB, schema and rows, as
# text: two dumps are the same when the database is unchanged.  On
# PostgreSQL it is pg_dump's, with a fixed \restrict key (pg_dump makes
# up a new one each run otherwise).
db_dump() {
	_db_db=$INNO_DB
	if [ "${1:-}" = -d ]; then
		_db_db=$2
		shift 2
	fi
	if [ -n "${INNO_TEST_PG:-}" ]; then
		"${INNO_TEST_PGBIN:+$INNO_TEST_PGBIN/}pg_dump" --restrict-key=inno \
		    -d "$_db_db"
	else
		sqlite3 "$_db_db" .dump
	fi
}

# db_name NAME: the name, for -d or INNO_DB, of a second database NAME
# (other.db): on SQLite the file $TRASH/NAME, which need not exist yet;
# on PostgreSQL a new, empty database of the script's, named after NAME
# (without .db, other characters than letters and digits made _), the
# same one for the same NAME.
db_name() {
	if [ -n "${INNO_TEST_PG:-}" ]; then
		_db_n=${test_pg_base}_$(printf '%s' "${1%.db}" |
		    LC_ALL=C sed 's/[^A-Za-z0-9]/_/g' | LC_ALL=C tr A-Z a-z |
		    cut -c1-24)
		test_pg_create "$_db_n" >&2 || return 1
		test_pg_uri "$_db_n"
	else
		printf '%s\n' "$TRASH/$1"
	fi
}

# db_copy FROM TO: makes TO a copy of database FROM ($INNO_DB, or a name
# from db_name), and prints TO's name.  TO is a NAME for db_name, or a
# database's name ($INNO_DB, to put a saved copy back), which is
# replaced.  On PostgreSQL the copy is CREATE DATABASE ... TEMPLATE FROM,
# which fails while anyone is connected to FROM.
db_copy() {
	case $2 in
	/* | postgresql:*) _db_to=$2 ;;
	*) _db_to=$(db_name "$2") || return 1 ;;
	esac
	if [ -n "${INNO_TEST_PG:-}" ]; then
		_db_n=$(test_pg_dbname "$_db_to")
		grep -qx "$_db_n" "$test_pg_list" || echo "$_db_n" >>"$test_pg_list"
		test_pg_admin "DROP DATABASE IF EXISTS \"$_db_n\" WITH (FORCE)" \
		    "CREATE DATABASE \"$_db_n\" TEMPLATE \"$(test_pg_dbname "$1")\"" \
		    >&2 || return 1
	else
		# A -wal or -shm file left by an earlier database of the
		# same name would be taken for the copy's.
		rm -f "$_db_to-wal" "$_db_to-shm"
		cp "$1" "$_db_to" || return 1
	fi
	printf '%s\n' "$_db_to"
}

# test_own_cluster [DIR...]: for a script that starts a PostgreSQL cluster
# of its own in $PG ($TRASH/pg) with $CLUSTER (tests/pg/cluster.sh): the
# whole script skipped on a machine without the server programs (which
# configure --with-tests installs); the trash directory passable to the
# server's user when run as root (PostgreSQL will not run as root); the
# server, and the one of each DIR, stopped however the script ends, with
# the databases lib.sh made on a suite's cluster; and none of the
# machine's PostgreSQL client settings (PG*) reaching the script.
test_own_cluster() {
	_db_found=
	for _db_d in /usr/lib/postgresql/*/bin; do
		[ -x "$_db_d/initdb" ] && _db_found=yes
	done
	command -v initdb >/dev/null 2>&1 && _db_found=yes
	if [ -z "$_db_found" ]; then
		echo "1..0 # SKIP no PostgreSQL server programs (initdb): install Debian's postgresql"
		exit 0
	fi
	CLUSTER=$SRC_DIRECTORY/tests/pg/cluster.sh
	PG=$TRASH/pg
	test_own_stop="$PG $*"
	if [ "$(id -u)" = 0 ]; then
		chmod 711 "$TRASH"
	fi
	trap 'for _db_d in $test_own_stop; do
		sh "$CLUSTER" stop "$_db_d" >/dev/null 2>&1
	done
	[ -z "${INNO_TEST_PG:-}" ] || test_pg_drop; cd /; rm -rf "$TRASH"' EXIT
	trap 'exit 143' HUP INT TERM
	for _db_v in $(env | sed -n 's/^\(PG[A-Z_]*\)=.*/\1/p'); do
		unset "$_db_v"
	done
}

# db_schema TABLE: "type|name|sql" of TABLE and of its indexes and
# triggers, by type and name, as the engine makes them.
db_schema() {
	if [ -n "${INNO_TEST_PG:-}" ]; then
		db_value "SELECT 'index', indexname, indexdef FROM pg_indexes
		    WHERE schemaname = current_schema() AND tablename = '$1'
		    UNION ALL SELECT 'table', '$1', '$1'
		    UNION ALL SELECT 'trigger', tgname, pg_get_triggerdef(oid)
		    FROM pg_trigger WHERE tgrelid = to_regclass('$1') AND NOT
		    tgisinternal ORDER BY 1, 2"
	else
		db_value "SELECT type, name, sql FROM sqlite_master WHERE
		    tbl_name = '$1' ORDER BY type, name"
	fi
}

# db_tables: the names of the database's tables, the engine's own left
# out, in byte order.
db_tables() {
	if [ -n "${INNO_TEST_PG:-}" ]; then
		db_value "SELECT tablename FROM pg_tables WHERE schemaname =
		    current_schema() AND tablename NOT IN ('inno_schema',
		    'inno_sequence') ORDER BY 1"
	else
		db_value "SELECT name FROM sqlite_master WHERE type = 'table'
		    AND name NOT LIKE 'sqlite_%' ORDER BY 1"
	fi
}

# db_fresh: $INNO_DB empty again, as if it had never been written: the
# file removed, or the database dropped and made anew.
db_fresh() {
	if [ -n "${INNO_TEST_PG:-}" ]; then
		_db_n=$(test_pg_dbname "$INNO_DB")
		test_pg_admin "DROP DATABASE IF EXISTS \"$_db_n\" WITH (FORCE)" \
		    "CREATE DATABASE \"$_db_n\"" >&2
	else
		rm -f "$INNO_DB" "$INNO_DB-wal" "$INNO_DB-shm"
	fi
}

# db_set_aside NAME: $INNO_DB kept as NAME (see db_name) and made empty;
# db_bring_back NAME puts it back.
db_set_aside() {
	db_copy "$INNO_DB" "$1" >/dev/null && db_fresh
}
db_bring_back() {
	db_copy "$(db_name "$1")" "$INNO_DB" >/dev/null
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
