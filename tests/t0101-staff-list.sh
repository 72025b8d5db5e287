#!/bin/sh
# staff-list: filters, counts and every output format.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	setup_staff &&
	printf "dept,team,authorised\n창의혁신단,창의혁신기획팀,5\n창의혁신단,창의혁신지원팀,4\n창의혁신단,고객만족팀,3\n" |
	staff-import -q --teams &&
	printf "employee_id,name,grade,dept,team,joined,left\nE09,=1+1,7,총무과,인사팀,2007-03-01,2007-06-30\n" |
	staff-import -q
'

test_expect_success 'a table lines up Hangul by display width' '
	expect_code 0 staff-list --format=table --dept=창의혁신단 &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	employee_id  name    grade  dept        team            joined  left
	E04          최유진      8  창의혁신단  고객만족팀
	E01          김민수      5  창의혁신단  창의혁신기획팀
	E02          이서연      6  창의혁신단  창의혁신기획팀
	E03          박지훈      7  창의혁신단  창의혁신지원팀
	EOT
	test_cmp expect out
'

test_expect_success 'a formula-like name is neutralised in CSV' '
	expect_code 0 staff-list --format=csv --dept=총무과 --team=인사팀 &&
	printf "%s\r\n" "employee_id,name,grade,dept,team,joined,left" \
	    "E06,강도윤,6,총무과,인사팀,," \
	    "E09,'"'"'=1+1,7,총무과,인사팀,2007-03-01,2007-06-30" \
	    "E05,정하늘,9,총무과,인사팀,," >expect &&
	test_cmp expect out
'

test_expect_success '--encoding=utf-8-bom starts with EF BB BF' '
	expect_code 0 staff-list --encoding=utf-8-bom &&
	head -c 3 out | od -An -tx1 | tr -d " " >got &&
	echo efbbbf >expect &&
	test_cmp expect got
'

test_expect_success '--encoding=cp949 writes CP949' '
	expect_code 0 staff-list --encoding=cp949 --format=csv --grade=5 &&
	iconv -f CP949 -t UTF-8 out | tr -d "\r" >got &&
	printf "employee_id,name,grade,dept,team,joined,left\nE01,김민수,5,창의혁신단,창의혁신기획팀,,\n" >expect &&
	test_cmp expect got
'

test_expect_success 'json and tsv' '
	expect_code 0 staff-list --format=json --grade=9 --dept=사회복지과 &&
	cat >expect <<-\EOT &&
	[
	{"employee_id":"E08","name":"임재현","grade":9,"dept":"사회복지과","team":"복지정책팀","joined":null,"left":null}
	]
	EOT
	test_cmp expect out &&
	expect_code 0 staff-list --format=tsv --grade=9 --dept=사회복지과 &&
	printf "employee_id\tname\tgrade\tdept\tteam\tjoined\tleft\nE08\t임재현\t9\t사회복지과\t복지정책팀\t\t\n" >expect &&
	test_cmp expect out
'

test_expect_success '--active filters by employment dates' '
	expect_code 0 staff-list --format=csv --active=2007-07-01 --dept=총무과 &&
	test_grep_not E09 out &&
	expect_code 0 staff-list --format=csv --active=2007-06-30 --dept=총무과 &&
	test_grep E09 out &&
	INNO_NOW=2007-07-01 expect_code 0 staff-list --format=csv --active --dept=총무과 &&
	test_grep_not E09 out
'

test_expect_success '--by=team shows authorised against current' '
	expect_code 0 staff-list --by=team --dept=창의혁신단 --format=csv &&
	printf "%s\r\n" dept,team,authorised,current \
	    창의혁신단,창의혁신기획팀,5,2 창의혁신단,창의혁신지원팀,4,1 \
	    창의혁신단,고객만족팀,3,1 >expect &&
	test_cmp expect out
'

test_expect_success '--by=dept and --by=grade count' '
	expect_code 0 staff-list --by=dept --format=csv &&
	printf "%s\r\n" dept,authorised,current 사회복지과,,2 창의혁신단,12,4 총무과,,3 >expect &&
	test_cmp expect out &&
	expect_code 0 staff-list --by=grade --format=csv --dept=총무과 &&
	printf "%s\r\n" grade,current 6,1 7,1 9,1 >expect &&
	test_cmp expect out
'

test_expect_success '-o writes a file' '
	expect_code 0 staff-list -o list.csv --format=csv &&
	test_must_be_empty out &&
	test_grep E09 list.csv
'

test_expect_success 'bad option values are usage errors' '
	expect_code 2 staff-list --grade=10 &&
	echo "staff-list: --grade=10: number out of range (1 to 9)" >expect &&
	test_cmp expect err &&
	expect_code 2 staff-list --format=xml &&
	echo "staff-list: --format=xml: expected table, csv, tsv or json" >expect &&
	test_cmp expect err &&
	expect_code 2 staff-list --by=floor &&
	echo "staff-list: --by=floor: expected dept, team or grade" >expect &&
	test_cmp expect err &&
	expect_code 2 staff-list --active=2007-02-30 &&
	echo "staff-list: --active=2007-02-30: no such day in that month" >expect &&
	test_cmp expect err
'

test_expect_success 'output to a full disk exits 4' '
	expect_code 4 sh -c "staff-list --format=csv >/dev/full" &&
	test_grep "^staff-list: write error: No space left on device" err
'

test_done
