#!/bin/sh
# inno-undo speaks Korean under a ko_KR locale: its help, its refusals and
# its listing's headers and words; CSV keeps the English column names.
. "$(dirname "$0")/lib.sh"

: "${INNO_LOCALEDIR:=$SRC_DIRECTORY/$INNO_BUILD/locale}"
export INNO_LOCALEDIR
mkdir -p "$TRASH/locale"
if ! localedef -i ko_KR -f UTF-8 "$TRASH/locale/ko_KR.UTF-8" >/dev/null 2>&1 ||
    ! test -f "$INNO_LOCALEDIR/ko/LC_MESSAGES/inno.mo"; then
	echo "1..0 # SKIP no ko_KR locale source or no Korean catalogue"
	exit 0
fi

ko() {
	LOCPATH=$TRASH/locale LC_ALL=ko_KR.UTF-8 LANG=ko_KR.UTF-8 "$@"
}

test_expect_success 'setup: a task added and undone' '
	setup_staff &&
	INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini task-add -q --title=무인발급기 \
	    --field="고객만족 제고" --dept=총무과 --origin=own >/dev/null &&
	inno-undo -q 2
'

test_expect_success 'the refusals in Korean' '
	expect_code 1 ko inno-undo 2 &&
	echo "inno-undo: 명령 2은(는) 이미 명령 3(으)로 되돌렸습니다" >expect &&
	test_cmp expect err &&
	expect_code 1 ko inno-undo 9 &&
	echo "inno-undo: 명령 9: 그런 명령이 없습니다" >expect &&
	test_cmp expect err &&
	expect_code 2 ko inno-undo --user=x 2 &&
	test_grep "^inno-undo: --since, --until, --program, --user는 --list와 함께 씁니다" err
'

test_expect_success 'the help and the listing in Korean, CSV names in English' '
	expect_code 0 ko inno-undo --help &&
	test_grep "되돌립니다" out &&
	expect_code 0 ko inno-undo --list --format=table --columns=id,changes,undone_by &&
	test_grep "변경 내용" out &&
	test_grep "되돌림 명령" out &&
	test_grep "task: 1 추가" out &&
	test_grep "task: 1 삭제" out &&
	expect_code 0 ko inno-undo --list --format=csv --columns=id,changes &&
	head -n 1 out >got &&
	printf "id,changes\r\n" >expect &&
	test_cmp expect got
'

test_done
