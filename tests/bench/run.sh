#!/bin/sh
# tests/bench/run.sh BUILD_DIR: runs every benchmark in tests/bench (each
# other *.sh but lib.sh, as `sh script BUILD_DIR`) in turn, after `make
# bench-tools`.  Each prints lines
#   bench: NAME: ours Ss (peak M MB), baseline Ss (peak M MB), ratio Rx (target T)
# against a baseline measured in the same run (see lib.sh), or
#   bench: NAME: not measured: WHY
# where the work cannot be done (pg.sh, on PostgreSQL, when a program
# fails there).  pg.sh starts a throwaway PostgreSQL cluster of its own
# (tests/pg/cluster.sh) and stops it when it ends; its sizes are PG_SIZE,
# PG_LEDGER and PG_STAFF.  Benchmarks never fail the build: a benchmark
# that fails is reported and the next one runs, and this script always
# exits 0.

build=${1:?usage: sh tests/bench/run.sh BUILD_DIR}
dir=$(cd "$(dirname "$0")" && pwd)

for script in "$dir"/*.sh; do
	name=$(basename "$script" .sh)
	case $name in run | lib) continue ;; esac
	echo "bench: $name: running" >&2
	sh "$script" "$build" || echo "bench: $name: failed (exit $?)"
done
exit 0
