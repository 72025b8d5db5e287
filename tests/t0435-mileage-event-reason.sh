#!/bin/sh
# The ledger reasons of mileage that events earn: worded by the
# configuration's [mileage] reason_EVENT keys, with {id} and the event's
# placeholders filled in, and the built-in English wording when a key is
# absent or empty.
. "$(dirname "$0")/lib.sh"

cat >inno.ini <<\EOT
[mileage]
person_month_cap = 0
reason_idea_submitted = 제안 {id} 접수: {title}
reason_idea_adopted = 제안 {id} 채택: {title}
reason_idea_unadopted = 제안 {id} 채택 취소, 현재 {status}: {title}
reason_knowledge_approved = 지식 {id} 승인
reason_knowledge_unapproved = 지식 {id} 승인 취소
reason_presentation = 벤치마킹 {id} 발표: {institution}
reason_club_join = 학습동아리 가입 {id}
reason_club_activity = 학습동아리 활동: {kind} {nonsense}
reason_course_completed = 교육 이수
reason_course_withdrawn = 교육 이수 취소
[mileage.idea.submitted]
points = 1
[mileage.idea.adopted]
points = 10
[mileage.knowledge.approved]
points = 5
[mileage.presentation]
points = 15
[mileage.club.join]
points = 1
[mileage.club.activity]
points = 3
[mileage.course.completed]
points = 5
EOT
INNO_CONFIG=$TRASH/inno.ini
INNO_NOW=2007-06-30
export INNO_CONFIG INNO_NOW

ledger() {
	db_value "SELECT points, category, reason FROM mileage ORDER BY id"
}

test_expect_success 'setup' '
	setup_staff &&
	club-register -q --name=정책품질관리 --kind=strategic --leader=E01 \
	    --registered=2007-03-01 >/dev/null &&
	course-add -q --name=특별교육 --kind=special --start=2007-03-26 >/dev/null
'

test_expect_success 'an idea submitted, adopted and reverted, in the configured words' '
	expect_code 0 idea-submit --submitted=2007-04-02 \
		--title="안양천 분수대" --employee=E02 &&
	expect_code 0 idea-review --idea=1 --date=2007-05-15 \
		--decision=adopted --dept=총무과 &&
	expect_code 0 idea-review --idea=1 --date=2007-06-20 \
		--decision=rejected --reason="예산 부족" &&
	test_must_be_empty err &&
	ledger >actual &&
	cat >expect <<-\EOT &&
	1|idea.submitted|제안 1 접수: 안양천 분수대
	10|idea.adopted|제안 1 채택: 안양천 분수대
	-10|idea.adopted|제안 1 채택 취소, 현재 rejected: 안양천 분수대
	EOT
	test_cmp expect actual
'

test_expect_success 'knowledge approved and rejected, a presentation' '
	knowledge-add -q --kind=manual --title="민원 매뉴얼" --author=E02 \
		--registered=2007-02-01 >/dev/null &&
	expect_code 0 knowledge-review --knowledge=1 --date=2007-02-05 \
		--evaluator=E01 --verdict=approved &&
	expect_code 0 knowledge-review --knowledge=1 --date=2007-03-05 \
		--evaluator=E03 --verdict=rejected --reason="중복 등록" &&
	expect_code 0 benchmark-log --kind=presentation --date=2007-06-25 \
		--institution=안양시 --people=40 --speaker=E03 &&
	ledger | sed 1,3d >actual &&
	cat >expect <<-\EOT &&
	5|knowledge.approved|지식 1 승인
	-5|knowledge.approved|지식 1 승인 취소
	15|presentation|벤치마킹 1 발표: 안양시
	EOT
	test_cmp expect actual
'

test_expect_success 'a club and a course; an unknown placeholder stays as written' '
	expect_code 0 club-join --club=정책품질관리 --employee-id=E02 \
		--joined=2007-03-05 &&
	expect_code 0 club-activity --club=정책품질관리 --kind=seminar \
		--date=2007-04-02 --attendees=10 &&
	expect_code 0 course-enroll --course=특별교육 --employee-id=E03 \
		--status=completed &&
	expect_code 0 course-enroll --course=특별교육 --employee-id=E03 \
		--status=dropped &&
	ledger | sed 1,6d >actual &&
	cat >expect <<-\EOT &&
	1|club.join|학습동아리 가입 1
	3|club.activity|학습동아리 활동: seminar {nonsense}
	5|course.completed|교육 이수
	-5|course.completed|교육 이수 취소
	EOT
	test_cmp expect actual
'

test_expect_success 'without a key, or with an empty one, the English wording' '
	printf "[mileage]\nreason_club_join =\n[mileage.club.join]\npoints = 1\n[mileage.knowledge.approved]\npoints = 5\n" >plain.ini &&
	expect_code 0 club-join -c plain.ini --club=정책품질관리 \
		--employee-id=E03 --joined=2007-03-05 &&
	knowledge-add -q --kind=work --title="업무 지식" --author=E05 \
		--registered=2007-02-11 >/dev/null &&
	expect_code 0 knowledge-review -c plain.ini --knowledge=2 \
		--date=2007-02-15 --evaluator=E01 --verdict=approved &&
	ledger | sed 1,10d >actual &&
	cat >expect <<-\EOT &&
	1|club.join|joined a learning club
	5|knowledge.approved|knowledge 2 approved
	EOT
	test_cmp expect actual
'

test_expect_success 'a misspelt reason key is refused' '
	printf "[mileage]\nreason_club_joined = x\n" >bad.ini &&
	expect_code 2 club-join -c bad.ini --club=정책품질관리 \
		--employee-id=E04 --joined=2007-03-05 &&
	echo "club-join: bad.ini:2: reason_club_joined: unknown key in [mileage]; did you mean reason_club_join?" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

test_done
