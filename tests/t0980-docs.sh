#!/bin/sh
# The documentation runs: every command of the README's "sh" blocks and of
# every man page's EXAMPLES is run, as written, against a copy of the demo
# database, in a directory holding the files the examples name
# (tests/docs/).  Each must exit 0, or the status the page gives for it
# ("# exits N" after the command), and print each line of output the page
# shows under it (see tests/tools/examples.sh).  Paths under /srv, which
# the README's cron job uses, are mapped into the test directory; HOME is
# that directory (the README's session exports INNO_DB=$HOME/inno.db);
# and /srv/exports/cs-MONTH.csv is there for last month: the cron job
# names its month by the real date, so the file cannot be a fixture.
. "$(dirname "$0")/lib.sh"

test_expect_success 'the demo database' '
	(cd "$SRC_DIRECTORY" && sh tests/demo.sh "$INNO_BUILD" "$TRASH/demo") \
		>/dev/null 2>&1 &&
	test -s demo/inno.db
'

# The extractor: a command with its continuation lines (a backslash, a
# pipe, an open brace group), the output the page shows, the status a
# refusal is documented with, and nothing from outside EXAMPLES.
test_expect_success 'examples.sh reads commands, output and statuses' '
	cat >page.1 <<-\EOF &&
	.Sh DESCRIPTION
	.Bd -literal
	$ not-an-example
	.Ed
	.Sh EXAMPLES
	.Bd -literal -offset indent
	$ { echo id
	    seq 2; } |
	    task-update \e-
	$ task-add \e
	    \-\-title=x
	42
	$ task-update --status completed 42
	# exits 1
	task-update: refused
	.Ed
	.Sh SEE ALSO
	EOF
	cat >expect <<-\EOF &&
	#@ page.1:7
	{ echo id
	    seq 2; } |
	    task-update \-
	#@ page.1:10
	task-add \
	    --title=x
	#@out 42
	#@ page.1:13
	task-update --status completed 42
	#@exits 1
	#@out task-update: refused
	EOF
	sh "$SRC_DIRECTORY/tests/tools/examples.sh" page.1 >actual &&
	test_cmp expect actual
'

# Runs the commands of one document in a fresh directory with a fresh copy
# of the demo database; prints "FILE:LINE: exit N, not M" for each command
# that exits with another status than the page gives, and a line for each
# line of output the page shows that the command did not print.
run_doc() {
	doc=$1 now=$2
	work=$TRASH/run/$(basename "$doc")
	rm -rf "$work" && mkdir -p "$work/srv/exports" "$work/srv/notices" &&
	cp "$TRASH/demo/inno.db" "$work/inno.db" &&
	mkdir "$work/2006" && cp "$TRASH/demo/2006/inno.db" "$work/2006/" &&
	cp -R "$SRC_DIRECTORY/tests/docs/." "$work/" &&
	cat >"$work/.check.awk" <<-\EOF &&
	# Spacing is the table's, and CSV lines end in CR LF (RFC 4180).
	function squeeze(s) {
		gsub(/[ \t\r]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s)
		return s
	}
	# A shown line ending in "..." stands for its beginning.
	FNR == NR {
		w = $0; sub(/[ \t]*[.][.][.][ \t]*$/, "", w)
		want[++n] = squeeze(w)
		next
	}
	{ got = got " " $0 }
	END {
		hay = " " squeeze(got) " "
		for (i = 1; i <= n; i++) {
			needle = " " want[i] " "
			if (want[i] != "" && index(hay, needle) == 0)
				print at ": the page shows \"" want[i] "\", not printed"
		}
	}
	EOF
	month=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m) &&
	cat >"$work/srv/exports/cs-$month.csv" <<-EOF &&
	employee_id,dept,date,category,points,reason,ref
	C013,,$month-05,cs.praise,,민원인 칭찬 엽서,
	C014,,$month-12,cs.survey,8,고객만족도 조사,
	C010,,$month-14,contest.prize,50,혁신 공모전 금상,
	C011,,$month-15,contest.entry,,혁신 공모전 참가,
	E001,,$month-20,cs.praise,,민원인 칭찬 엽서,
	EOF
	sh "$SRC_DIRECTORY/tests/tools/examples.sh" "$doc" |
	awk -v srv="$work/srv/" '
	# Each command prints into .out and .errc; then its status is checked,
	# its stderr kept in .err, and the output the page shows looked for in
	# what it printed.
	function check() {
		if (!n)
			return
		print "rc=$?; exec >/dev/null 2>>.err; cat .errc >&2"
		print "[ $rc -eq " want " ] || echo \"" at ": exit $rc, not " want "\" >&3"
		if (nout) {
			print "cat >.want <<\047#@EOF\047"
			for (k = 1; k <= nout; k++)
				print out[k]
			print "#@EOF"
			print "awk -v at=\"" at "\" -f .check.awk .want .out .errc >&3"
		}
	}
	/^#@exits / { want = $2; next }
	/^#@out / { out[++nout] = substr($0, 7); next }
	/^#@ / {
		check(); n++; at = $2; want = 0; nout = 0
		print "exec >.out 2>.errc"
		next
	}
	{ gsub(/\/srv\//, srv); print }
	END { check() }
	' >"$work/.script" &&
	(cd "$work" && export HOME="$work" INNO_DB="$work/inno.db" \
		INNO_CONFIG="$SRC_DIRECTORY/share/inno.ini" &&
	{ test -z "$now" || export INNO_NOW="$now"; } &&
	bash -o pipefail .script 3>&1 </dev/null >/dev/null 2>"$work/.err")
}

# The man pages' examples are dated in 2007 and run on 1 July 2007, the day
# after the demo's half-year; the monthly job of the README and of
# mileage-mvp(1) closes last month by the real date, so those two run on
# the real today.
for doc in "$SRC_DIRECTORY"/README.md "$SRC_DIRECTORY"/man/*.[157]; do
	name=${doc#"$SRC_DIRECTORY"/}
	case $name in
	README.md | man/mileage-mvp.1) now= ;;
	*) now=2007-07-01T09:00:00Z ;;
	esac
	test_expect_success "the examples of $name run" '
		run_doc "$doc" "$now" >failed &&
		{ test_must_be_empty failed || { cat "$TRASH/run/$(basename "$doc")/.err"; false; }; }
	'
done

# The README's cron job did its work, not only exited 0: last month's
# notice names the month's MVP (C010, 한현우, with the month's prize), and
# the month is closed.
test_expect_success 'the README cron job writes the MVP notice' '
	month=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m) &&
	notice=run/README.md/srv/notices/mvp-$month.html &&
	test -s "$notice" &&
	m=${month#*-} &&
	test_grep "${month%-*}년 ${m#0}월 혁신 MVP" "$notice" &&
	test_grep "한현우" "$notice" &&
	expect_code 1 mileage-award -d run/README.md/inno.db \
		-c "$SRC_DIRECTORY/share/inno.ini" \
		--employee-id=E001 --category=cs.praise --date="$month-28" &&
	test_grep "closed" err
'

test_done
