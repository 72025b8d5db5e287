#!/bin/sh
# tests/bench/run.sh BUILD_DIR: runs every benchmark in tests/bench (each
# other *.sh, as `sh script BUILD_DIR`) in turn.  Each prints lines
#   bench: NAME: ours Ss (peak M MB), baseline Ss (peak M MB), ratio Rx (target <= Tx)
# against a baseline measured in the same run.  Benchmarks never fail the
# build: a benchmark that fails is reported and the next one runs, and
# this script always exits 0.

build=${1:?usage: sh tests/bench/run.sh BUILD_DIR}
dir=$(cd "$(dirname "$0")" && pwd)

for script in "$dir"/*.sh; do
	name=$(basename "$script" .sh)
	[ "$name" = run ] && continue
	echo "bench: $name: running" >&2
	sh "$script" "$build" || echo "bench: $name: failed (exit $?)"
done
exit 0
