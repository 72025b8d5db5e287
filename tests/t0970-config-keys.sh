#!/bin/sh
# The configuration's keys: a section or key inno does not know is a usage
# error naming file:line and the nearest known name, so a misspelt setting
# is never silently ignored; every key the code reads is known; a file
# that is not a regular file of sane size is refused without reading it.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' 'setup_staff'

test_expect_success 'a misspelt key names file:line and the nearest key' '
	printf "; my settings\n[csv]\nencodng = utf-8\n" >bad.ini &&
	expect_code 2 staff-list -c bad.ini &&
	echo "staff-list: bad.ini:3: encodng: unknown key in [csv]; did you mean encoding?" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

test_expect_success 'the same through $INNO_CONFIG, for a writer' '
	printf "[database]\n  Busy_Timout = 5\n" >env.ini &&
	INNO_CONFIG=env.ini expect_code 2 staff-import staff.csv &&
	echo "staff-import: env.ini:2: busy_timout: unknown key in [database]; did you mean busy_timeout?" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

test_expect_success 'a key far from every known one gets no guess' '
	printf "[csv]\ncolour = blue\n" >far.ini &&
	expect_code 2 staff-list -c far.ini &&
	echo "staff-list: far.ini:2: colour: unknown key in [csv] (see inno.ini(5))" >expect &&
	test_cmp expect err
'

test_expect_success 'a misspelt section, and one of the patterned sections' '
	printf "[databse]\npath = x.db\n" >sec.ini &&
	expect_code 2 staff-list -c sec.ini &&
	echo "staff-list: sec.ini:1: [databse]: unknown section; did you mean [database]?" >expect &&
	test_cmp expect err &&
	printf "[mileage]\ncap_action = trim\n\n[milage.idea.adopted]\npoints = 5\n" >pat.ini &&
	expect_code 2 staff-list -c pat.ini &&
	echo "staff-list: pat.ini:4: [milage.idea.adopted]: unknown section; did you mean [mileage.idea.adopted]?" >expect &&
	test_cmp expect err &&
	printf "[mileage.idea.adopted]\npoint = 5\n" >cat.ini &&
	expect_code 2 staff-list -c cat.ini &&
	echo "staff-list: cat.ini:2: point: unknown key in [mileage.idea.adopted]; did you mean points?" >expect &&
	test_cmp expect err &&
	printf "[nonsense]\n" >non.ini &&
	expect_code 2 staff-list -c non.ini &&
	echo "staff-list: non.ini:1: [nonsense]: unknown section (see inno.ini(5))" >expect &&
	test_cmp expect err
'

test_expect_success 'a key outside any section' '
	printf "encoding = utf-8\n[csv]\n" >top.ini &&
	expect_code 2 staff-list -c top.ini &&
	echo "staff-list: top.ini:1: encoding: key outside any [section]" >expect &&
	test_cmp expect err
'

test_expect_success 'names that vary are accepted: categories, groups, years, criteria' '
	cat >vary.ini <<-\EOT &&
	[mileage.my-own.category]
	points = 5
	[group.custom]
	name = 그룹
	min_grade = 5
	max_grade = 9
	[club]
	budget_2008 = 4800000
	[task_priority]
	my_criterion = 10
	[TASK_WORKFLOW]
	In_Progress = completed
	EOT
	expect_code 0 staff-list -c vary.ini --format=csv &&
	test_must_be_empty err &&
	printf "[club]\nbudget_08 = 5\n" >year.ini &&
	expect_code 2 staff-list -c year.ini &&
	echo "staff-list: year.ini:2: budget_08: unknown key in [club]; did you mean budget?" >expect &&
	test_cmp expect err
'

# check_keys FILE: each section:key line of FILE, written into a
# configuration of its own, may be refused for its value, never as unknown.
check_keys() {
	: >unknown &&
	while IFS=: read -r sec key; do
		printf "[%s]\n%s = x\n" "$sec" "$key" >one.ini
		staff-list -c one.ini --format=csv >/dev/null 2>err.one
		if grep -q "unknown" err.one; then
			echo "$sec:$key" >>unknown
		fi
	done <"$1" &&
	test_must_be_empty unknown
}

test_expect_success 'every key the code reads is known' '
	# Each "section:key" literal of lib/ and cmd/ ("mileage.:" stands
	# for a category section).
	grep -rhoE "\"[a-z_]+(\.)?:[a-z_0-9]+\"" "$SRC_DIRECTORY/lib" \
		"$SRC_DIRECTORY/cmd" | tr -d "\"" | sort -u |
	sed "s/^\([a-z_]*\)\.:/\1.test:/" |
	grep -v "^section:key$" >keys &&
	test "$(wc -l <keys)" -gt 30 &&
	check_keys keys
'

test_expect_success 'every key inno.ini(5) documents is known' '
	awk '\''
	/^\.Ss \[/ { sec = $2; gsub(/[\[\],]/, "", sec)
		if ($3 == "Ns") sec = sec "test"; next }
	/^\.Sh / { sec = "" }
	/^\.It Cm / && sec != "" {
		s = sec; line = $0; sub(/^\.It Cm /, "", line)
		if (line ~ /^\[/) { s = line; sub(/\].*/, "", s)
			sub(/^\[/, "", s); sub(/^\[[a-z]*\] /, "", line) }
		gsub(/ Ns Ar YYYY/, "2008", line); gsub(/Cm /, "", line)
		n = split(line, w, / *, */)
		for (i = 1; i <= n; i++)
			if (w[i] ~ /^[a-z_0-9]+$/) print s ":" w[i]
	}'\'' "$SRC_DIRECTORY/man/inno.ini.5" >documented &&
	test "$(wc -l <documented)" -gt 40 &&
	check_keys documented &&
	expect_code 0 staff-list -c "$SRC_DIRECTORY/share/inno.ini" --format=csv &&
	test_must_be_empty err
'

test_expect_success '-c /dev/zero is refused at once, not read for ever' '
	expect_code 2 timeout 10 staff-list -c /dev/zero &&
	echo "staff-list: /dev/zero: not a regular file" >expect &&
	test_cmp expect err &&
	mkfifo fifo.ini &&
	expect_code 2 timeout 10 staff-list -c fifo.ini &&
	echo "staff-list: fifo.ini: not a regular file" >expect &&
	test_cmp expect err
'

test_expect_success 'a file larger than 1 MiB is refused' '
	{ echo "[csv]"; i=0; while [ $i -lt 1100 ]; do
		head -c 990 /dev/zero | tr "\0" ";"; echo; i=$((i + 1)); done; } >big.ini &&
	expect_code 2 staff-list -c big.ini &&
	echo "staff-list: big.ini: larger than 1 MiB, not a configuration file" >expect &&
	test_cmp expect err
'

test_done
