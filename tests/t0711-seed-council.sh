#!/bin/sh
# The 2007 council report (seed 001) from the demo: every figure listed in
# tests/seed/001-figures.txt is shown in its section of the 2007-H1
# report, and, when the list gives one, its CSV has the figure's row.
# A line may check several lines of the report (a seed line with two
# figures); a line marked #pending has no home in the records yet.  The
# count keeps the list complete (106 figures).
. "$(dirname "$0")/lib.sh"

list=$SRC_DIRECTORY/tests/seed/001-figures.txt

test_expect_success 'setup: the demo writes the council report' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo" &&
	test_must_be_empty err &&
	tr -d "\r" <demo/council.csv >council.csv &&
	cp demo/council.text council.text
'

test_expect_success 'the list holds the 106 figures of the seed' '
	grep -v "^#" "$list" | grep -c . >count &&
	{ grep -c "^#pending " "$list" || test $? = 1; } >>count &&
	awk "{ n += \$1 } END { print n }" count >actual &&
	echo 106 >expect &&
	test_cmp expect actual
'

# The lines of section $1 of the text report: from its numbered heading
# to the next one.
section() {
	awk -v h="$1" '
	/^([0-9]+|[IVX]+)\. / {
		t = $0; sub(/^([0-9]+|[IVX]+)\. /, "", t)
		on = (t == h); next
	}
	on' council.text
}

n=0
grep -v '^#' "$list" | grep . >figures
while IFS= read -r line; do
	n=$((n + 1))
	sec=${line%% | *}
	rest=${line#* | }
	seed=${rest%% | *}
	rest=${rest#* | }
	printf '%s\n' "$sec" >"sec.$n"
	: >"text.$n"
	: >"csv.$n"
	# The rest is one or more pairs: TEXT | CSV ROW.
	while :; do
		text=${rest%% | *}
		rest=${rest#"$text"}
		rest=${rest#" | "}
		csv=${rest%% | *}
		rest=${rest#"$csv"}
		rest=${rest#" | "}
		printf '%s\n' "$text" >>"text.$n"
		printf '%s\n' "$csv" >>"csv.$n"
		test -n "$rest" || break
	done
	test_expect_success "$sec: $seed" '
		test -s text.'$n' &&
		section "$(cat sec.'$n')" >block &&
		while IFS= read -r text; do
			test -n "$text" &&
			grep -F -e "$text" block >/dev/null || exit 1
		done <text.'$n' &&
		while IFS= read -r csv; do
			test -n "$csv" || exit 1
			test "$csv" = "-" ||
			grep -F -x -e "$csv" council.csv >/dev/null || exit 1
		done <csv.'$n'
	'
done <figures

test_done
