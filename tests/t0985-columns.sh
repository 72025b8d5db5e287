#!/bin/sh
# --columns=a,b,c on every listing: only those columns, in that order, in
# every format; an unknown name is a usage error naming the columns there
# are.  The listings run on the demo database.
. "$(dirname "$0")/lib.sh"

# The listings with rows in the demo; group-list has none there.
ROWS="award-list benchmark-list budget-list club-list course-list
idea-list knowledge-list mileage-list staff-list task-list"
LISTINGS="$ROWS group-list"

test_expect_success 'the demo database' '
	(cd "$SRC_DIRECTORY" && sh tests/demo.sh "$INNO_BUILD" "$TRASH/demo") \
		>/dev/null 2>&1 &&
	test -s demo/inno.db
'
INNO_DB=$TRASH/demo/inno.db

# The TSV of a listing cut down to columns $2 (1-based, comma-separated)
# of the full listing in file $1: what --columns must give.
project() {
	awk -F '\t' -v want="$2" '
	BEGIN { n = split(want, w, ",") }
	{ line = ""
	  for (i = 1; i <= n; i++) line = line (i > 1 ? "\t" : "") $w[i]
	  print line }' "$1"
}

for prog in $ROWS; do
	test_expect_success "$prog --columns picks and orders columns" '
		expect_code 0 $prog --format=tsv &&
		test_must_be_empty err &&
		mv out full &&
		test "$(wc -l <full)" -gt 1 &&
		ncols=$(head -1 full | awk -F "\t" "{ print NF }") &&
		test "$ncols" -gt 2 &&
		last=$(head -1 full | cut -f "$ncols") &&
		first=$(head -1 full | cut -f 1) &&
		second=$(head -1 full | cut -f 2) &&
		expect_code 0 $prog --format=tsv \
		    --columns="$last,$first,$second" &&
		test_must_be_empty err &&
		project full "$ncols,1,2" >expect &&
		test_cmp expect out
	'
done

test_expect_success 'a listing with no rows has the chosen header' '
	expect_code 0 group-list --columns=employee_id,group &&
	test_must_be_empty err &&
	printf "employee_id,group\r\n" >expect &&
	test_cmp expect out
'

test_expect_success 'mileage-mvp --year and inno-export take --columns' '
	expect_code 0 mileage-mvp --year=2007 --format=tsv &&
	mv out full &&
	expect_code 0 mileage-mvp --year=2007 --format=tsv \
	    --columns=points,name &&
	test_must_be_empty err &&
	project full 7,3 >expect &&
	test_cmp expect out &&
	head -1 out >got &&
	printf "points\tname\n" >want &&
	test_cmp want got &&
	expect_code 0 inno-export --format=tsv employee &&
	mv out full &&
	expect_code 0 inno-export --format=tsv --columns=name,employee_id employee &&
	test_must_be_empty err &&
	head -1 out >got &&
	printf "name\temployee_id\n" >want &&
	test_cmp want got &&
	test "$(wc -l <out)" -eq "$(wc -l <full)"
'

test_expect_success 'the chosen columns in csv, json and a table' '
	expect_code 0 staff-list --dept=창의혁신단 --format=csv \
	    --columns=name,employee_id &&
	test_must_be_empty err &&
	head -3 out >got &&
	printf "%s\r\n" name,employee_id 신다은,C013 권성민,C014 >expect &&
	test_cmp expect got &&
	expect_code 0 staff-list --dept=창의혁신단 --format=json \
	    --columns=name,employee_id &&
	sed -n 2p out >got &&
	echo "{\"name\":\"신다은\",\"employee_id\":\"C013\"}," >expect &&
	test_cmp expect got &&
	expect_code 0 staff-list --dept=창의혁신단 --format=table \
	    --columns=grade,name &&
	head -2 out >got &&
	cat >expect <<-\EOF &&
	grade  name
	    6  신다은
	EOF
	test_cmp expect got
'

test_expect_success 'an unknown column is a usage error naming the columns' '
	expect_code 2 staff-list --columns=name,feild &&
	test_must_be_empty out &&
	echo "staff-list: --columns: no column '"'"'feild'"'"' in this listing; it has employee_id,name,grade,dept,team,joined,left" >expect &&
	test_cmp expect err
'

test_expect_success 'an unknown column is an error on an empty listing too' '
	expect_code 2 staff-list --dept=없는과 --columns=feild --format=csv &&
	test_must_be_empty out &&
	test_grep "^staff-list: --columns: no column .feild." err
'

test_expect_success 'a name twice or an empty name is a usage error' '
	expect_code 2 staff-list --columns=name,name &&
	test_must_be_empty out &&
	echo "staff-list: --columns: '"'"'name'"'"' named twice" >expect &&
	test_cmp expect err &&
	expect_code 2 staff-list --columns=name, &&
	echo "staff-list: --columns: empty column name in '"'"'name,'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success '-o FILE gets the chosen columns, and no file on error' '
	expect_code 0 task-list --columns=id,title -o tasks.csv &&
	test_must_be_empty out &&
	head -1 tasks.csv >got &&
	printf "id,title\r\n" >expect &&
	test_cmp expect got &&
	expect_code 2 task-list --columns=nope -o bad.csv &&
	test ! -e bad.csv
'

test_expect_success '--help of a listing shows --columns, a writer does not' '
	for prog in $LISTINGS inno-export mileage-mvp task-log; do
		expect_code 0 $prog --help &&
		grep -q -e "^      --columns A,B  *only these columns, in this order$" \
		    out ||
		{ echo "$prog --help: no --columns" >&2; exit 1; }
	done &&
	expect_code 0 task-add --help &&
	test_grep_not "--columns" out &&
	expect_code 2 task-add --columns=id &&
	test_grep "^task-add: unknown option --columns" err
'

test_expect_success 'every listing page documents --columns' '
	for prog in $LISTINGS inno-export mileage-mvp task-log; do
		grep -q "^\.It Fl Fl columns" "$SRC_DIRECTORY/man/$prog.1" ||
		{ echo "$prog.1: no --columns" >&2; exit 1; }
	done
'

test_expect_success 'completion offers --columns= and no file names after it' '
	expect_code 0 staff-list --complete -- --col &&
	echo "--columns=" >expect &&
	test_cmp expect out &&
	expect_code 0 staff-list --complete -- --columns= &&
	test_must_be_empty out &&
	expect_code 0 staff-list --complete -- --columns "" &&
	test_must_be_empty out
'

test_done
