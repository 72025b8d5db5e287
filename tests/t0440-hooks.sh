#!/bin/sh
# Hooks: a pre-award hook vetoes a batch, a post-mvp hook receives the
# winners as JSON, a post hook's failure is a warning, and without a
# hooks directory nothing runs.
. "$(dirname "$0")/lib.sh"

cat >base.ini <<\EOT
[mileage.idea.adopted]
points = 10
max = 20
[mileage.contest.prize]
points = 20
min = 5
max = 30
EOT
cat base.ini - >hooks.ini <<EOT
[hooks]
dir = $TRASH/hooks
EOT
INNO_CONFIG=$TRASH/hooks.ini
INNO_NOW=2007-06-05
export INNO_CONFIG INNO_NOW
mkdir hooks

cat >may.csv <<\EOT
employee_id,date,category,points
E01,2007-05-02,idea.adopted,20
E03,2007-05-03,idea.adopted,10
E03,2007-05-20,contest.prize,10
EOT

test_expect_success 'setup' '
	setup_staff
'

test_expect_success 'a pre-award hook that exits 1 stops the batch' '
	cat >hooks/pre-award <<-EOT &&
	#!/bin/sh
	cat >"$TRASH/pre-award.json"
	echo "\$INNO_HOOK \$INNO_HOOK_PROGRAM \$INNO_HOOK_RECORDS \$INNO_DB" \
	    >"$TRASH/pre-award.env"
	echo "awards are frozen until the audit" >&2
	echo "ask the innovation team" >&2
	exit 1
	EOT
	chmod +x hooks/pre-award &&
	expect_code 1 mileage-award may.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	mileage-award: pre-award hook failed (exit 1): awards are frozen until the audit; ask the innovation team
	EOT
	test_cmp expect err &&
	expect_code 0 mileage-list --format=csv &&
	echo "id,date,employee_id,name,dept,category,kind,points,reason,ref,ref_table,ref_id,reverses" >expect &&
	tr -d "\r" <out >got &&
	test_cmp expect got &&
	echo "pre-award mileage-award 3 $INNO_DB" >expect &&
	test_cmp expect pre-award.env
'

test_expect_success 'the pre-award hook gets the batch as one document' '
	cat >expect <<-\EOT &&
	{"event": "pre-award", "program": "mileage-award", "records": [
	  {"entry": 1, "employee_id": "E01", "dept": null, "date": "2007-05-02", "category": "idea.adopted", "points": 20, "reason": null, "ref": null},
	  {"entry": 2, "employee_id": "E03", "dept": null, "date": "2007-05-03", "category": "idea.adopted", "points": 10, "reason": null, "ref": null},
	  {"entry": 3, "employee_id": "E03", "dept": null, "date": "2007-05-20", "category": "contest.prize", "points": 10, "reason": null, "ref": null}
	]}
	EOT
	test_cmp expect pre-award.json
'

test_expect_success 'a single award is vetoed the same way' '
	expect_code 1 mileage-award --employee-id=E02 --date=2007-05-04 \
	    --category=idea.adopted &&
	test_must_be_empty out &&
	test_grep "pre-award hook failed (exit 1): awards are frozen" err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 0
'

test_expect_success 'a pre-award hook that exits 0 lets the batch through' '
	printf "#!/bin/sh\ncat >/dev/null\n" >hooks/pre-award &&
	expect_code 0 mileage-award may.csv &&
	test_must_be_empty out &&
	echo "mileage-award: 3 entries written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 3
'

test_expect_success 'a post-mvp hook receives the winners as JSON' '
	cat >hooks/post-mvp <<-EOT &&
	#!/bin/sh
	cat >"$TRASH/post-mvp.json"
	EOT
	chmod +x hooks/post-mvp &&
	expect_code 0 mileage-mvp --month=2007-05 --format=csv &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	{"event": "post-mvp", "program": "mileage-mvp", "records": [
	  {"scheme": "default", "month": "2007-05", "place": 1, "award": "person", "employee_id": "E03", "name": "박지훈", "dept": "창의혁신단", "points": 20},
	  {"scheme": "default", "month": "2007-05", "place": 1, "award": "dept", "dept": "창의혁신단", "points": 40, "headcount": 4, "score": "40"}
	]}
	EOT
	test_cmp expect post-mvp.json
'

test_expect_success 'an unchanged result is not decided again' '
	rm post-mvp.json &&
	expect_code 0 mileage-mvp --month=2007-05 --format=csv &&
	test_must_be_empty err &&
	test ! -e post-mvp.json
'

test_expect_success 'a post hook failure is a warning; the write stands' '
	cat >hooks/post-award <<-\EOT &&
	#!/bin/sh
	echo "mail server unreachable" >&2
	exit 3
	EOT
	chmod +x hooks/post-award &&
	expect_code 0 mileage-award --employee-id=E05 --date=2007-05-07 \
	    --category=contest.prize &&
	echo 4 >expect &&
	test_cmp expect out &&
	echo "mileage-award: post-award hook failed (exit 3): mail server unreachable; what was written stands" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 4
'

test_expect_success 'post-close runs when mileage-mvp closes the month' '
	cat >hooks/post-close <<-EOT &&
	#!/bin/sh
	cat >"$TRASH/post-close.json"
	EOT
	chmod +x hooks/post-close &&
	expect_code 0 mileage-mvp --month=2007-05 --close --format=csv &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	{"event": "post-close", "program": "mileage-mvp", "records": [
	  {"month": "2007-05"}
	]}
	EOT
	test_cmp expect post-close.json
'

test_expect_success 'a pre-mvp veto leaves the month undecided and open' '
	printf "employee_id,date,category\nE06,2007-06-01,contest.prize\n" >jun.csv &&
	rm hooks/post-award &&
	expect_code 0 mileage-award -q jun.csv &&
	printf "#!/bin/sh\necho not yet >&2\nexit 1\n" >hooks/pre-mvp &&
	chmod +x hooks/pre-mvp &&
	INNO_NOW=2007-07-02 expect_code 1 mileage-mvp --month=2007-06 \
	    --close &&
	test_must_be_empty out &&
	echo "mileage-mvp: pre-mvp hook failed (exit 1): not yet" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage_mvp WHERE month = '\''2007-06'\''")" = 0 &&
	expect_code 0 mileage-award -q --employee-id=E06 --date=2007-06-02 \
	    --category=contest.prize
'

test_expect_success 'a hook that is not executable is not run' '
	chmod -x hooks/pre-award hooks/pre-mvp &&
	printf "#!/bin/sh\nexit 1\n" >hooks/pre-award &&
	expect_code 0 mileage-award -q --employee-id=E07 --date=2007-06-03 \
	    --category=contest.prize &&
	test_must_be_empty err
'

test_expect_success 'idea-adopt hooks: a veto, then the adoption' '
	expect_code 0 idea-submit -q --employee-id=E02 --submitted=2007-06-01 \
	    --title="민원 안내 문자" &&
	printf "#!/bin/sh\ncat >\"$TRASH/idea.json\"\necho \"$TRASH/idea.json\" >&2\nexit 1\n" \
	    >hooks/pre-idea-adopt &&
	chmod +x hooks/pre-idea-adopt &&
	expect_code 1 idea-review --idea=1 --date=2007-06-10 \
	    --meeting=제1차 --decision=adopted --dept=총무과 &&
	test_grep "pre-idea-adopt hook failed (exit 1)" err &&
	test "$(db_value "SELECT status FROM idea")" = pending &&
	cat >expect <<-\EOT &&
	{"event": "pre-idea-adopt", "program": "idea-review", "records": [
	  {"idea": 1, "review": 1, "date": "2007-06-10", "title": "민원 안내 문자", "assigned_dept_id": 2}
	]}
	EOT
	test_cmp expect idea.json &&
	rm hooks/pre-idea-adopt &&
	expect_code 0 idea-review -q --idea=1 --date=2007-06-10 \
	    --meeting=제1차 --decision=adopted --dept=총무과 &&
	test "$(db_value "SELECT status FROM idea")" = adopted
'

test_expect_success 'without a hooks directory nothing runs' '
	printf "#!/bin/sh\ntouch \"$TRASH/ran\"\nexit 1\n" >hooks/pre-award &&
	chmod +x hooks/pre-award &&
	INNO_CONFIG=$TRASH/base.ini expect_code 0 mileage-award -q \
	    --employee-id=E08 --date=2007-06-04 --category=contest.prize &&
	test_must_be_empty err &&
	test ! -e ran
'

test_expect_success 'a hook that does not read a large batch does not stop it' '
	printf "#!/bin/sh\nexit 0\n" >hooks/pre-award &&
	awk "BEGIN { print \"employee_id,date,category,points\"
	    for (i = 0; i < 20000; i++) print \"E08,2007-06-08,contest.prize,5\" }" \
	    >many.csv &&
	before=$(db_value "SELECT count(*) FROM mileage") &&
	printf "[mileage]\nperson_month_cap = 0\n" | cat hooks.ini - >many.ini &&
	INNO_CONFIG=$TRASH/many.ini expect_code 0 mileage-award many.csv &&
	echo "mileage-award: 20000 entries written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = $((before + 20000))
'

test_expect_success 'a post-mvp hook of a year scheme gets its places' '
	printf "[mvp.year]\nperiod = year\nkinds = both\nwinners = 2\n" |
	    cat hooks.ini - >year.ini &&
	expect_code 0 mileage-mvp -c year.ini -q --scheme=year --year=2007 &&
	cat >expect <<-\EOT &&
	{"event": "post-mvp", "program": "mileage-mvp", "records": [
	  {"scheme": "year", "month": "2007", "place": 1, "award": "person", "employee_id": "E08", "name": "임재현", "dept": "사회복지과", "points": 100020},
	  {"scheme": "year", "month": "2007", "place": 2, "award": "person", "employee_id": "E06", "name": "강도윤", "dept": "총무과", "points": 40}
	]}
	EOT
	test_cmp expect post-mvp.json
'

test_expect_success 'an unknown key of [hooks] is refused' '
	printf "[hooks]\ndirectory = x\n" >bad.ini &&
	INNO_CONFIG=$TRASH/bad.ini expect_code 2 mileage-list &&
	test_grep "directory" err
'

test_expect_success 'the veto speaks Korean under a ko_KR locale' '
	mkdir -p locale &&
	localedef -i ko_KR -f UTF-8 "$TRASH/locale/ko_KR.UTF-8" &&
	: "${INNO_LOCALEDIR:=$SRC_DIRECTORY/$INNO_BUILD/locale}" &&
	printf "#!/bin/sh\necho 감사 중 >&2\nexit 1\n" >hooks/pre-award &&
	LOCPATH=$TRASH/locale LC_ALL=ko_KR.UTF-8 INNO_LOCALEDIR=$INNO_LOCALEDIR \
	    expect_code 1 mileage-award --employee-id=E08 --date=2007-06-05 \
	    --category=contest.prize &&
	echo "mileage-award: pre-award 훅 실패 (종료 코드 1): 감사 중" >expect &&
	test_cmp expect err
'

# The mailing hook inno-hooks(7) shows is the one its example runs.
test_expect_success 'inno-hooks(7) shows the post-mvp hook of tests/docs' '
	awk "/^\\.Sh EXAMPLES/ { ex = 1 } ex && /^\\.Bd -literal/ { on = 1; next }
	    on && /^\\.Ed/ { exit } on" "$SRC_DIRECTORY/man/inno-hooks.7" |
	sed "s/\\\\e/\\\\/g" >shown &&
	test_cmp "$SRC_DIRECTORY/tests/docs/post-mvp" shown
'

test_done
