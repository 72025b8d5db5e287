#!/bin/sh
# Control characters and bidirectional overrides: refused at input in every
# text CSV field and option (free-text columns may hold tabs and lines),
# escaped in tables and in the text and Markdown reports, and kept exact
# in CSV, TSV (escaped) and JSON.  Text that acts on a terminal (ESC
# sequences, CR, BS, U+202E) must never reach the clerk's screen raw.
. "$(dirname "$0")/lib.sh"

setup_staff

ESC=$(printf '\033')

test_expect_success 'csv: every control and override in a name is refused' '
	{
		echo employee_id,name,grade,dept,team &&
		printf "X01,a\033[31mred,5,총무과,인사팀\n" &&
		printf "X02,bell\007,5,총무과,인사팀\n" &&
		printf "X03,back\010space,5,총무과,인사팀\n" &&
		printf "X04,del\177,5,총무과,인사팀\n" &&
		printf "X05,\"cr\rover\",5,총무과,인사팀\n" &&
		printf "X06,csi\302\2332J,5,총무과,인사팀\n" &&
		printf "X07,abc\342\200\256fed,5,총무과,인사팀\n" &&
		printf "X08,\342\201\246iso\342\201\251,5,총무과,인사팀\n" &&
		printf "X09,zero\342\200\213width,5,총무과,인사팀\n" &&
		printf "X10,\"two\nlines\",5,총무과,인사팀\n" &&
		printf "X11,\"a\tb\",5,총무과,인사팀\n" &&
		printf "X12,김민준,5,총무과,인사팀\342\200\217\n" &&
		printf "X13,김민준,5,총무과,인사팀\n"
	} >evil.csv &&
	expect_code 1 staff-import evil.csv &&
	cat >expect <<-\EOT &&
	staff-import: evil.csv:2: name: control character (U+001B) at byte 2
	staff-import: evil.csv:3: name: control character (U+0007) at byte 5
	staff-import: evil.csv:4: name: control character (U+0008) at byte 5
	staff-import: evil.csv:5: name: control character (U+007F) at byte 4
	staff-import: evil.csv:6: name: control character (U+000D) at byte 3
	staff-import: evil.csv:7: name: control character (U+009B) at byte 4
	staff-import: evil.csv:8: name: bidirectional control (U+202E) at byte 4
	staff-import: evil.csv:9: name: bidirectional control (U+2066) at byte 1
	staff-import: evil.csv:10: name: invisible character (U+200B) at byte 5
	staff-import: evil.csv:11: name: line break in a one-line field (U+000A) at byte 4
	staff-import: evil.csv:13: name: tab in a one-line field (U+0009) at byte 2
	staff-import: evil.csv:14: team: bidirectional control (U+200F) at byte 10
	staff-import: 12 of 13 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	test_must_be_empty out &&
	test "$(db_value "SELECT count(*) FROM employee")" = 8
'

test_expect_success 'options: the message names the option' '
	expect_code 1 task-add --title="$(printf "a\033]0;pwned\007")" \
		--field=지식관리 --dept=총무과 &&
	echo "task-add: --title: control character (U+001B) at byte 2" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	expect_code 1 task-add --title="$(printf "x\342\200\256y")" \
		--field=지식관리 --dept=총무과 &&
	echo "task-add: --title: bidirectional control (U+202E) at byte 2" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM task")" = 0
'

test_expect_success 'free text may hold lines and tabs, but not ESC or CR' '
	printf "submitted,title,source,proposer,content\n2007-05-01,제목,citizen,주민,\"첫 줄\n\t둘째 줄\"\n" >ok.csv &&
	expect_code 0 idea-submit -q ok.csv &&
	test_must_be_empty err &&
	test "$(db_value "SELECT CASE WHEN content = '"'"'첫 줄'"'"' || char(10, 9) || '"'"'둘째 줄'"'"' THEN 1 ELSE 0 END FROM idea")" = 1 &&
	printf "submitted,title,source,proposer,content\n2007-05-01,제목,citizen,주민,\"a\r\nb\"\n2007-05-01,제목,citizen,주민,\"a\033[2Jb\"\n2007-05-01,\"제\n목\",citizen,주민,ab\n" >bad.csv &&
	expect_code 1 idea-submit bad.csv &&
	cat >expect <<-\EOT &&
	idea-submit: bad.csv:2: content: control character (U+000D) at byte 2
	idea-submit: bad.csv:4: content: control character (U+001B) at byte 2
	idea-submit: bad.csv:5: title: line break in a one-line field (U+000A) at byte 4
	idea-submit: 3 of 3 rows rejected; nothing was written
	EOT
	test_cmp expect err
'

# What the programs now refuse may already be in a database written
# before, or changed behind their back: it must still show safely.
test_expect_success 'setup: tasks holding controls, written behind the programs'"'"' back' '
	printf "title,field,dept\n하나,지식관리,총무과\n둘,지식관리,총무과\n셋,지식관리,총무과\n" >t.csv &&
	expect_code 0 task-add -q t.csv &&
	db_value "UPDATE task SET title = char(27) || '"'"'[31m빨강'"'"' || char(27) || '"'"'[0m'"'"' WHERE id = 1;
		UPDATE task SET title = '"'"'둘'"'"' || char(10) || '"'"'줄'"'"' || char(9) || '"'"'탭'"'"' WHERE id = 2;
		UPDATE task SET title = '"'"'abc'"'"' || char(8238) || '"'"'fed'"'"' || char(13) WHERE id = 3;
		UPDATE dept SET name = '"'"'사회'"'"' || char(27) || '"'"']0;x'"'"' || char(7) || '"'"'복지과'"'"' WHERE name = '"'"'사회복지과'"'"'"
'

test_expect_success 'table: controls are shown escaped, one line a row' '
	expect_code 0 task-list --format=table &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	id  title                field     focus  origin  dept    status  priority  budget  start  due  members  leader  milestones  percent
	 1  \x1b[31m빨강\x1b[0m  지식관리      0  own     총무과  pool                                        0
	 2  둘\n줄\t탭           지식관리      0  own     총무과  pool                                        0
	 3  abc\u202efed\r       지식관리      0  own     총무과  pool                                        0
	EOT
	test_cmp expect out &&
	test_grep_not "$ESC" out &&
	test "$(wc -l <out)" = 4
'

test_expect_success 'csv and json keep the data exact; tsv escapes tab and newline' '
	expect_code 0 task-list --format=csv &&
	tr -d "\r" <out | sed 1d | cut -d, -f1-2 >actual &&
	printf "1,\033[31m빨강\033[0m\n2,\"둘\n줄\t탭\",지식관리\n3,\"abc\342\200\256fed\"\n" >expect &&
	test_cmp expect actual &&
	test "$(grep -c "$(printf "fed\r\"")" out)" = 1 &&
	expect_code 0 task-list --format=json &&
	test_grep "\"title\":\"\\\\u001b\[31m빨강\\\\u001b\[0m\"" out &&
	test_grep "\"title\":\"둘\\\\n줄\\\\t탭\"" out &&
	test_grep "\"title\":\"abc.*fed\\\\r\"" out &&
	test_grep_not "$ESC" out &&
	expect_code 0 task-list --format=tsv &&
	test_grep "^2	둘\\\\n줄\\\\t탭	" out &&
	test "$(wc -l <out)" = 4
'

test_expect_success 'text and markdown reports escape a name from the database' '
	expect_code 0 report-build --period=2007 --format=text staff &&
	test_grep_not "$ESC" out &&
	test_grep "^ ○ 현 원 : 8명 (사회\\\\x1b]0;x\\\\x07복지과 2, 창의혁신단 4, 총무과 2)$" out &&
	expect_code 0 report-build --period=2007 --format=md staff &&
	test_grep_not "$ESC" out &&
	test_grep "사회\\\\\\\\x1b\\\\]0;x\\\\\\\\x07복지과 2" out
'

test_done
