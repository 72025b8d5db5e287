#!/bin/sh
# tests/pg/suite.sh: runs a command, the test suite as a rule, against one
# throwaway PostgreSQL cluster, so that every command test runs on
# PostgreSQL instead of SQLite.
#
# usage: sh tests/pg/suite.sh COMMAND...
#   e.g. sh tests/pg/suite.sh prove -j2 tests/t*.sh
#
# It starts a cluster with tests/pg/cluster.sh in a private temporary
# directory, exports its base URI as INNO_TEST_PG and the directory of its
# programs (psql among them) as INNO_TEST_PGBIN, and runs COMMAND; tests/
# lib.sh, seeing INNO_TEST_PG, gives each test script a database of its
# own on that cluster.  One server for the whole run, not one a script:
# initdb and a start cost seconds, a CREATE DATABASE a fraction of one.
# INNO_TEST_PGLOG is exported as the server's log while the run lasts; if
# the caller set INNO_TEST_PGLOG, the log is copied there once the server
# has stopped, for reading what the server said about a failed run (the
# temporary directory goes with the run).
#
# The cluster is stopped and the directory removed however the run ends:
# COMMAND's end, an error, or SIGHUP, SIGINT or SIGTERM, which are passed
# on to COMMAND.  A run killed with SIGKILL leaves its server, which the
# next start of cluster.sh stops (see its header).
#
# Exit status: COMMAND's; 1 when the cluster could not be started; 2 usage;
# 128 + N after signal N.
set -u

if [ $# -eq 0 ]; then
	echo "usage: suite.sh COMMAND..." >&2
	exit 2
fi

CLUSTER=$(cd "$(dirname "$0")" && pwd)/cluster.sh
keep_log=${INNO_TEST_PGLOG:-}

# Nothing of the machine's PostgreSQL client settings (PGHOST, PGUSER,
# PGDATABASE, PGSERVICE, ...) reaches psql or the programs: they would
# point them at another server or change how they connect.
for v in $(env | sed -n 's/^\(PG[A-Z_]*\)=.*/\1/p'); do
	unset "$v"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/inno-pgsuite.XXXXXX") || exit 1
# Run as root, the server runs as the postgres user (cluster.sh), which
# must get through this directory to the cluster's own.
if [ "$(id -u)" = 0 ]; then
	chmod 711 "$tmp"
fi
dir=$tmp/pg
child=

# finish STATUS: stops the server, keeps its log if asked, removes the
# directory, and exits with STATUS.  Run once: the EXIT trap is cleared
# first, so the exit below does not come back here.
finish() {
	trap - EXIT HUP INT TERM
	sh "$CLUSTER" stop "$dir" >/dev/null 2>&1 ||
	    echo "suite.sh: the server in $dir would not stop" >&2
	if [ -n "$keep_log" ] && [ -f "$dir/log" ]; then
		cp "$dir/log" "$keep_log" ||
		    echo "suite.sh: cannot keep the server log in $keep_log" >&2
	fi
	rm -rf "$tmp"
	exit "$1"
}

# on_signal N NAME: passes the signal on to COMMAND's process group,
# prove and the tests it runs, and waits for COMMAND to end and (for a
# few seconds) the tests with it, so that no test is left talking to a
# server that is going away; then stops the server.
on_signal() {
	if [ -n "$child" ]; then
		kill -s "$2" -- -"$child" 2>/dev/null
		wait "$child"
		n=0
		while [ $n -lt 10 ] && kill -s 0 -- -"$child" 2>/dev/null; do
			sleep 1
			n=$((n + 1))
		done
	fi
	finish $((128 + $1))
}

trap 'finish $?' EXIT
trap 'on_signal 1 HUP' HUP
trap 'on_signal 2 INT' INT
trap 'on_signal 15 TERM' TERM

# The recorded owner of the server is this shell: if it is killed with
# SIGKILL, the next cluster.sh start stops the server it left.
INNO_TEST_PG=$(INNO_PG_OWNER=$$ sh "$CLUSTER" start "$dir") || finish 1
INNO_TEST_PGBIN=$(cat "$dir/bin") || finish 1
INNO_TEST_PGLOG=$dir/log
export INNO_TEST_PG INNO_TEST_PGBIN INNO_TEST_PGLOG

# COMMAND runs in the background so that a signal reaches the trap at
# once: a shell runs its traps only after the foreground command ends.
# An asynchronous command would have SIGINT and SIGQUIT ignored and its
# standard input taken from /dev/null; env --default-signal and the
# explicit redirection of the caller's input give it what a foreground
# command has.  setsid makes it a process group of its own (its pid is
# the group's), so a signal reaches the tests that prove runs as well as
# prove, which would leave them running; Ctrl-C at a terminal now
# reaches this shell alone, whose trap passes it on.
exec 3<&0
setsid env --default-signal=INT,QUIT "$@" <&3 3<&- &
child=$!
exec 3<&-
wait "$child"
status=$?
child=
finish "$status"
