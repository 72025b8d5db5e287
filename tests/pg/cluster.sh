#!/bin/sh
# tests/pg/cluster.sh: a throwaway PostgreSQL cluster for the tests, in a
# directory of the caller's, reached only through that directory's Unix
# socket and a free port on 127.0.0.1.
#
# usage: sh tests/pg/cluster.sh start DIR
#        sh tests/pg/cluster.sh stop DIR
#
# start makes a new cluster in DIR/data with initdb (the newest of
# /usr/lib/postgresql/*/bin, else the one in PATH) and starts its server,
# with the socket in DIR itself, listen_addresses='127.0.0.1' on a port
# picked at random (from 20000 to 49999, or $INNO_PG_PORT) and tried
# again with the next one while the address is taken, trust
# authentication for local and 127.0.0.1 connections, and fsync off: the
# data is gone with the test.  The server's messages are in English
# (lc_messages C) and the cluster's locale is C with UTF-8 text, whatever
# the machine's.  It prints the connection URI,
# postgresql:///postgres?host=DIR&port=N (DIR percent-encoded where it
# must be), and writes it to DIR/uri, the port to DIR/port and the
# directory of the server's programs (psql among them, of the same
# version) to DIR/bin; the server's log is DIR/log.  The superuser is
# named after the user who runs start, so that user's clients connect
# without naming a user.
#
# PostgreSQL refuses to run as root.  Run as root (as CI runs the tests),
# start runs initdb, pg_ctl and so the server as the unprivileged user
# $INNO_PG_USER (default postgres, the user Debian's postgresql package
# creates) with runuser, or su where there is no runuser; DIR is given to
# that user, and every directory above it must let that user through (a
# test makes its mktemp directory searchable); the superuser is still
# named after root, so root's clients connect as root.
#
# A server outlives a run killed before it could stop it (SIGKILL, or a
# shell with no trap).  So start records each server it starts, with its
# owner, the process that runs the test ($INNO_PG_OWNER, default the
# caller of cluster.sh), in $TMPDIR/inno-pg.UID/ (the user's own, mode
# 700), and every start first stops the recorded servers whose owner is
# gone (exited, or a zombie not yet reaped); stop removes the record.  A leftover server in DIR itself is
# stopped and its cluster made anew.  And one whose directory was deleted
# stops itself: a server checks its lock file DIR/data/postmaster.pid
# every minute and shuts down once it is gone.
#
# stop stops DIR's server and waits until no process of it is left (a
# fast shutdown, then an immediate one, then SIGKILL to the postmaster
# named in its lock file); it leaves the files, for the log, and exits 0
# when there is no server to stop.
#
# Exit status: 0 done, 1 the server could not be started or stopped,
# 2 usage.
set -u

usage() {
	echo "usage: cluster.sh start|stop DIR" >&2
	exit 2
}
die() {
	echo "cluster.sh: $*" >&2
	exit 1
}

[ $# -eq 2 ] || usage
cmd=$1
case $2 in
/*) dir=$2 ;;
*) dir=$(pwd)/$2 ;;
esac
# Without its trailing slashes; never / itself, whose data and bin start
# would remove.
while :; do
	case $dir in
	*/) dir=${dir%/} ;;
	*) break ;;
	esac
done
[ -n "$dir" ] || usage
case $cmd in
start | stop) ;;
*) usage ;;
esac

# The server's programs: the newest installed version, by the number of
# its directory (15 is newer than 9.6).
bindir=
for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4,4n); do
	[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && bindir=$d
done
if [ -z "$bindir" ]; then
	p=$(command -v initdb 2>/dev/null) || p=
	[ -n "$p" ] || die "no initdb: install Debian's postgresql package"
	bindir=${p%/*}
fi

# as_server CMD ARGS...: runs CMD as the user the server runs as, from /,
# which that user can always enter.
if [ "$(id -u)" = 0 ]; then
	server_user=${INNO_PG_USER:-postgres}
	id -u "$server_user" >/dev/null 2>&1 ||
	    die "running as root, and there is no user $server_user to run the server as"
	runuser=$(command -v runuser 2>/dev/null || echo /sbin/runuser)
	as_server() {
		if [ -x "$runuser" ]; then
			(cd / && "$runuser" -u "$server_user" -- "$@")
		else
			# su hands the words after the user to the shell:
			# $0 is the command, $@ its arguments; after --,
			# none of them is taken for an option of su's.
			# shellcheck disable=SC2016
			(cd / && su -s /bin/sh -c 'exec "$0" "$@"' -- \
			    "$server_user" "$@")
		fi
	}
else
	server_user=
	as_server() { (cd / && "$@"); }
fi

data=$dir/data

# stop_server DATA: stops the server of the data directory DATA, if one
# runs.  The lock file's first line is the postmaster's pid; a stale
# file's pid (of a server killed, or of a machine since restarted) may be
# another process's by now, and pg_ctl would signal it: only a postgres
# started on this data directory is stopped.
stop_server() {
	pid=$(sed -n 1p "$1/postmaster.pid" 2>/dev/null)
	case $pid in
	'' | *[!0-9]*) return 0 ;;
	esac
	case $(ps -o args= -p "$pid" 2>/dev/null) in
	*postgres*" -D $1 "* | *postgres*" -D $1") ;;
	*) return 0 ;;
	esac
	as_server "$bindir/pg_ctl" stop -D "$1" -m fast -w -t 30 \
	    >/dev/null 2>&1 && return 0
	as_server "$bindir/pg_ctl" stop -D "$1" -m immediate -w -t 30 \
	    >/dev/null 2>&1 && return 0
	kill -KILL "$pid" 2>/dev/null
	sleep 1
	# Gone, or a zombie its parent has yet to reap.
	case $(ps -o stat= -p "$pid" 2>/dev/null) in
	'' | Z*) return 0 ;;
	esac
	return 1
}

# The record of the servers started: one file a server, named after its
# port, holding its owner's pid and its directory.  A directory of that
# name that is not the user's own, or not private, is not trusted.
registry=${TMPDIR:-/tmp}/inno-pg.$(id -u)
mkdir -m 700 "$registry" 2>/dev/null
if [ -d "$registry" ] && [ -O "$registry" ] && [ ! -L "$registry" ] &&
    [ -z "$(find "$registry" -maxdepth 0 -perm -g+w 2>/dev/null)" ] &&
    [ -z "$(find "$registry" -maxdepth 0 -perm -o+w 2>/dev/null)" ]; then
	:
else
	registry=
fi

# forget DIR: removes the records of DIR's servers.
forget() {
	[ -n "$registry" ] || return 0
	for f in "$registry"/*; do
		[ -f "$f" ] && [ "$(sed -n 2p "$f")" = "$1" ] && rm -f "$f"
	done
	return 0
}

# reap: stops the recorded servers whose owner has gone.  Its variables
# are named apart from the script's: a shell function's are global.
reap() {
	[ -n "$registry" ] || return 0
	for f in "$registry"/*; do
		[ -f "$f" ] || continue
		was=$(sed -n 1p "$f")
		case $was in
		'' | *[!0-9]*) ;;
		*)
			# A zombie is gone too: where the process that
			# inherits orphans is slow to reap them, a killed
			# owner stays one, and kill -0 still finds it.
			case $(ps -o stat= -p "$was" 2>/dev/null) in
			'' | Z*) ;;
			*) continue ;;
			esac
			;;
		esac
		stop_server "$(sed -n 2p "$f")/data" && rm -f "$f"
	done
	return 0
}

if [ "$cmd" = stop ]; then
	stop_server "$data" || die "$data: the server would not stop"
	forget "$dir"
	exit 0
fi

owner=${INNO_PG_OWNER:-$PPID}
case $owner in
'' | *[!0-9]*) die "INNO_PG_OWNER: not a process id: $owner" ;;
esac
reap
mkdir -p "$dir" || die "$dir: cannot create"
stop_server "$data" ||
    die "$data: a server left from an earlier run would not stop"
forget "$dir"
rm -rf "$data" "${dir:?}"/.s.PGSQL.* "${dir:?}/uri" "${dir:?}/port" \
    "${dir:?}/bin" "${dir:?}/log" "${dir:?}/initdb.log"
if [ -n "$server_user" ]; then
	chown "$server_user" "$dir" || die "$dir: cannot give it to $server_user"
	as_server test -w "$dir" -a -x "$dir" ||
	    die "$dir: $server_user cannot reach it; let it through the directories above"
fi
# The socket directory holds the socket alone; the server's own user
# (and root) may connect through it.
chmod 700 "$dir" || die "$dir: cannot set its mode"

superuser=$(id -un)
as_server "$bindir/initdb" -D "$data" -U "$superuser" -A trust -E UTF8 \
    --locale=C --no-sync --no-instructions >"$dir/initdb.log" 2>&1 ||
    die "initdb failed: $(tail -n 5 "$dir/initdb.log")"

# A quote in the directory's name is doubled for postgresql.conf.
qdir=$(printf '%s' "$dir" | sed "s/'/''/g")
cat >>"$data/postgresql.conf" <<EOT

# tests/pg/cluster.sh: a throwaway cluster for the tests.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$qdir'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 20
max_wal_senders = 0
wal_level = minimal
lc_messages = 'C'
EOT
cat >"$data/pg_hba.conf" <<EOT
# tests/pg/cluster.sh: trust on the private socket and on 127.0.0.1.
local all all trust
host all all 127.0.0.1/32 trust
EOT

# A port picked at random ($INNO_PG_PORT, when set, is the first one
# tried), then the next ones while another process holds it: the server's
# own bind is the test, so no other process can take the port between a
# check and the start.
n=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
port=${INNO_PG_PORT:-$((20000 + ${n:-0} % 30000))}
case $port in
'' | *[!0-9]*) die "INNO_PG_PORT: not a port: $port" ;;
esac
tries=0
while :; do
	rm -f "$dir/log"
	if as_server "$bindir/pg_ctl" start -D "$data" -l "$dir/log" -w -t 60 \
	    -o "-p $port" >/dev/null 2>&1; then
		break
	fi
	tries=$((tries + 1))
	stop_server "$data"
	if [ $tries -ge 20 ] || ! grep -q -e 'could not bind' \
	    -e 'could not create any TCP/IP sockets' "$dir/log" 2>/dev/null
	then
		die "the server did not start: $(tail -n 5 "$dir/log" 2>/dev/null)"
	fi
	port=$((port + 1))
	[ $port -lt 50000 ] || port=20000
done

# The directory is a parameter of the URI: the characters that would end
# or break it are percent-encoded.
host=$(printf '%s' "$dir" | sed -e 's/%/%25/g' -e 's/&/%26/g' -e 's/#/%23/g' \
    -e 's/ /%20/g' -e 's/=/%3D/g' -e 's/+/%2B/g')
uri="postgresql:///postgres?host=$host&port=$port"
if [ -n "$registry" ]; then
	printf '%s\n%s\n' "$owner" "$dir" >"$registry/$port"
fi
printf '%s\n' "$port" >"$dir/port"
printf '%s\n' "$bindir" >"$dir/bin"
printf '%s\n' "$uri" >"$dir/uri"
printf '%s\n' "$uri"
