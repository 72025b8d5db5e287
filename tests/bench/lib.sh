# tests/bench/lib.sh: what the benchmark scripts share (run.sh does not
# run it).  Sourced after BUILD is set; sets BIN and TOOLS, checks the
# tools, makes the work directory W and enters it.
#
# Every figure comes from tests/bench/timeit (the wall time of N runs of a
# command by CLOCK_MONOTONIC, and the largest peak RSS of any run), so
# that work of a few milliseconds is timed as the total of N runs against
# N runs of its baseline; a total too close to the clock's resolution to
# mean anything is printed as such instead of a ratio.

case $BUILD in
/*) ;;
*) BUILD=$(pwd)/$BUILD ;;
esac
BIN=$BUILD/bin
TOOLS=$BUILD/bench
SRC=$(cd "$(dirname "$0")/../.." && pwd)
bench=$(basename "$0" .sh)

for tool in "$TOOLS/timeit" "$TOOLS/ledger-gen" "$TOOLS/mileage-insert1" \
    sqlite3 awk; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench: $bench: skipped ($tool not found; make bench" \
		    "builds the tools)"
		exit 0
	fi
done

W=$(mktemp -d "${TMPDIR:-/tmp}/inno-bench-$bench.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT INT TERM
cd "$W"
# Nothing from the machine's configuration or home reaches a run.
HOME=$W
INNO_CONFIG_NOSYSTEM=1
export HOME INNO_CONFIG_NOSYSTEM
unset INNO_CONFIG INNO_DB INNO_NOW XDG_DATA_HOME XDG_CONFIG_HOME

# attempt VAR N [-i IN] [-o OUT] CMD...: runs CMD N times through timeit;
# VAR_s is the total seconds, VAR_kb the largest peak, VAR_res the clock's
# resolution.  A failed run makes it return 1, with the run's standard
# error in timeit.err, for a benchmark that says why a line is not
# measured (not_measured) and goes on to the next.
attempt() {
	_var=$1 _n=$2
	shift 2
	"$TOOLS/timeit" -n "$_n" "$@" >timeit.out 2>timeit.err || return 1
	read -r _s _kb _res <timeit.out
	eval "${_var}_s=\$_s ${_var}_kb=\$_kb ${_var}_res=\$_res"
}

# measure VAR N [-i IN] [-o OUT] CMD...: attempt, where a failed run stops
# the benchmark (not the others).
measure() {
	if ! attempt "$@"; then
		shift 2
		echo "bench: $bench: failed: $*" >&2
		cat timeit.err >&2
		exit 1
	fi
}

# not_measured NAME WHY...: the line of a comparison that could not be
# made, instead of a ratio:
#   bench: NAME: not measured: WHY
not_measured() {
	_name=$1
	shift
	printf 'bench: %s: not measured: %s\n' "$_name" "$*"
}

# line NAME N OURS BASE TARGET [peak]: prints the comparison of the
# measurements OURS and BASE (names given to measure), both of N runs:
#   bench: NAME: ours Ss (peak M MB), baseline Ss (peak M MB), ratio Rx (target TARGET)
# with N > 1 the totals say "for N runs" and the time of one; with "peak"
# the ratio is of the peaks.  TARGET is the issue's, such as "<= 1.5x".  A total under 1000 times the resolution
# (1 ms for the usual 1 ns clock) prints "below timer resolution".
line() {
	eval "_os=\$${3}_s _ok=\$${3}_kb _or=\$${3}_res"
	eval "_bs=\$${4}_s _bk=\$${4}_kb _br=\$${4}_res"
	awk -v name="$1" -v n="$2" -v os="$_os" -v ok="$_ok" -v res="$_or" \
	    -v bs="$_bs" -v bk="$_bk" -v target="$5" -v by="${6:-time}" '
	function fig(s, kb) {
		if (n > 1)
			return sprintf("%.3fs for %d runs (%.2f ms each, peak " \
			    "%.1f MB)", s, n, s * 1000 / n, kb / 1024)
		return sprintf("%.3fs (peak %.1f MB)", s, kb / 1024)
	}
	BEGIN {
		if (by == "peak")
			r = sprintf("ratio %.2fx", bk > 0 ? ok / bk : 0)
		else if (os < 1000 * res || bs < 1000 * res)
			r = "below timer resolution"
		else
			r = sprintf("ratio %.2fx", os / bs)
		printf "bench: %s: ours %s, baseline %s, %s (target %s)\n",
		    name, fig(os, ok), fig(bs, bk), r, target
	}'
}

# runs SECONDS: how many runs make a measurement of work one run of which
# took SECONDS: $CALLS (default 200) under 50 ms, 20 under a second,
# else 3.  Both sides of a comparison use the same count.
runs() {
	awk -v s="$1" -v calls="${CALLS:-200}" 'BEGIN {
		print s < 0.05 ? calls : s < 1 ? 20 : 3 }'
}

# same WHAT A B: says so on stderr when files A and B differ once carriage
# returns and quotes are taken out (the baseline's answer is not ours).
same() {
	tr -d '\r"' <"$2" >same.a
	tr -d '\r"' <"$3" >same.b
	if ! cmp -s same.a same.b; then
		echo "bench: $bench: $1: the baseline answers differently:" >&2
		diff same.a same.b | head -10 >&2
	fi
}

# The configuration of the generated ledger (ledger-gen's categories), with
# caps that are checked on every row and never reached, and the MVP rules
# the SQL baselines reproduce.
ledger_config() {
	cat >"$1" <<\EOT
[mileage]
person_month_cap = 1000000
[mileage.idea.adopted]
points = 10
min = 1
max = 50
[mileage.contest.prize]
points = 30
min = 10
max = 100
month_cap = 1000000
[mileage.cs.praise]
points = 5
min = 1
max = 20
kind = cs
[mvp]
kinds = innovation
dept_score = per_head
person_tie_break = entries
dept_tie_break = entries
EOT
}
