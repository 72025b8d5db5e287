#!/bin/sh
# tests/bench/report.sh BUILD_DIR: report-build council on a large
# database against the sqlite3 shell running the queries of the same
# figures, measured in the same run (target: <= 1.0x, peak <= 16 MB, on
# the database of SIZE ideas and on one ten times larger).  Prints one
# line a database (see tests/bench/lib.sh).  Before timing, it checks
# that the baseline's answer is the report's: every figure of the
# report's CSV, label and value, and no other; a difference stops it.
#
# SIZE (default 200000) sets the number of ideas and of benchmarking
# events; the other records scale with it (SIZE/2 idea reviews, SIZE/100
# tasks, SIZE mileage entries, which the report's charter section sums).
# With BIG set (the full-scale run of make bench) the database ten times
# larger is measured too; REPORT_SCALES="1 10" asks for it alone.
# SIZE=20000 gives a quick run.  KEEP=1 keeps the work directory.
set -eu

BUILD=${1:?usage: sh tests/bench/report.sh BUILD_DIR}
. "$(dirname "$0")/lib.sh"

SIZE=${SIZE:-200000}
REPORT_SCALES=${REPORT_SCALES:-1${BIG:+ 10}}

# The shipped configuration without the mileage the records would earn
# (the caps would refuse a large batch from one person).
sed -e 's/^\(mileage_[a-z]*\) = .*/\1 =/' \
    -e 's/^person_month_cap = .*/person_month_cap = 0/' \
    "$SRC/share/inno.ini" >inno.ini
INNO_CONFIG=$W/inno.ini
INNO_SHARE=$SRC/share
export INNO_CONFIG INNO_SHARE

. "$SRC/tests/bench/report-data.sh"

# The answer the baseline is timed for must be the report's: its
# label,value lines, sorted, against the report's CSV rows.
same_answer() {
	"$BIN/report-build" --period=2007 --as-of=2007-12-31 --format=csv \
	    council | tr -d '\r' | awk -F, 'NR > 1 { print $2 "," $3 }' |
	    LC_ALL=C sort >ours.fig
	sqlite3 -list -separator , "$INNO_DB" ".read figures.sql" | LC_ALL=C sort >base.fig
	if ! cmp -s ours.fig base.fig; then
		echo "bench: $bench: the baseline's figures are not the" \
		    "report's:" >&2
		diff ours.fig base.fig >&2
		exit 1
	fi
}

size=$SIZE
for scale in $REPORT_SCALES; do
	n=$((size * scale))
	report_db "$W/r$n.db" "$n"
	same_answer
	measure probe 1 "$BIN/report-build" --period=2007 --as-of=2007-12-31 \
	    --format=csv council
	runs=$(runs "$probe_s")
	measure ours "$runs" "$BIN/report-build" --period=2007 \
	    --as-of=2007-12-31 --format=csv council
	measure base "$runs" sqlite3 -list -separator , "$INNO_DB" ".read figures.sql"
	line "report-build council ($n ideas and events) vs its sqlite3 queries" \
	    "$runs" ours base "<= 1.0x, peak <= 16 MB"
	[ -n "${KEEP:-}" ] || rm -f "$INNO_DB" "$INNO_DB-wal" "$INNO_DB-shm"
done
