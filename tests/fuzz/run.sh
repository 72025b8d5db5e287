#!/bin/sh
# tests/fuzz/run.sh BUILD_DIR SECONDS: runs every libFuzzer harness built
# in BUILD_DIR/fuzz.  With SECONDS 0 each harness runs once over every file
# of its seed corpus (tests/fuzz/corpus/<harness>) and nothing else: the
# fast check `make check` does.  Otherwise each fuzzes for SECONDS on a copy
# of its corpus under BUILD_DIR/fuzz-work, and the executions it ran are
# reported.  A crash or a broken invariant fails the run; its input is
# left in BUILD_DIR/fuzz-work/crash-<harness>-*.

build=${1:?usage: run.sh BUILD_DIR SECONDS}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS}
src=$(cd "$(dirname "$0")" && pwd)
# fuzz_import seeds its database from the demo data.
INNO_SHARE=$(cd "$src/../../share" && pwd)
export INNO_SHARE
status=0

# Inputs longer than this teach the harness nothing new and slow it down.
max_len() {
	case $1 in
	fuzz_period) echo 64 ;;
	fuzz_config) echo 4096 ;;
	*) echo 8192 ;;
	esac
}

for f in "$build"/fuzz/fuzz_*; do
	[ -x "$f" ] || continue
	name=$(basename "$f")
	corpus=$src/corpus/$name
	if [ "$seconds" -eq 0 ]; then
		if out=$("$f" -runs=1 "$corpus"/* 2>&1); then
			n=$(echo "$out" | grep -c '^Running: ')
			echo "fuzz: $name: seed corpus, $n inputs: ok"
		else
			echo "$out" | tail -40
			echo "fuzz: $name: seed corpus: FAILED"
			status=1
		fi
		continue
	fi
	work=$build/fuzz-work/$name
	mkdir -p "$work"
	cp "$corpus"/* "$work"/
	log=$build/fuzz-work/$name.log
	if "$f" -max_total_time="$seconds" -max_len="$(max_len "$name")" \
	    -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$build/fuzz-work/crash-$name-" \
	    "$work" >"$log" 2>&1; then
		result=ok
	else
		result=FAILED
		status=1
		tail -40 "$log"
	fi
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	echo "fuzz: $name: ${seconds}s, ${execs:-?} executions," \
	    "corpus $(ls "$work" | wc -l) inputs: $result"
done
exit $status
