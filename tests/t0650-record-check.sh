#!/bin/sh
# inno-check on benchmarking, idea, knowledge, award and budget records:
# clean after the programs wrote them; each rule reports a record changed
# behind the programs' backs.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: one record of each kind' '
	setup_staff &&
	benchmark-log -q --kind=outgoing --date=2007-03-02 --institution=A \
		--employees="E01 E02" >/dev/null &&
	idea-submit -q --submitted=2007-03-05 --title=X --employee=E02 >/dev/null &&
	idea-review -q --idea=1 --date=2007-04-01 --decision=adopted \
		--dept=총무과 >/dev/null &&
	knowledge-add -q --kind=manual --title=M --author=E02 \
		--registered=2007-02-01 >/dev/null &&
	knowledge-review -q --knowledge=1 --date=2007-02-05 --evaluator=E01 \
		--verdict=approved >/dev/null &&
	award-add -q --date=2006-04-07 --name=국무총리상 \
		--incentive=1000000000 >/dev/null &&
	award-fund -q --award=1 --project=P --dept=총무과 \
		--amount=900000000 >/dev/null &&
	budget-set -q --year=2007 --programme=B --amount=5000 >/dev/null &&
	budget-spend -q --programme=B --date=2007-05-01 --amount=4000 >/dev/null &&
	expect_code 0 inno-check &&
	test_must_be_empty out && test_must_be_empty err
'

test_expect_success 'funded projects past the incentive' '
	db_exec "UPDATE award SET incentive = 800000000" &&
	expect_code 1 inno-check &&
	test_grep "^award 1: funded projects total 900000000 won, more than the incentive of 800000000 won" out &&
	db_exec "UPDATE award SET incentive = 1000000000"
'

test_expect_success 'spending past a budget line, and outside its year' '
	db_exec "UPDATE budget SET amount = 3000" &&
	expect_code 1 inno-check &&
	test_grep "^budget 1: 2007 B: spent 4000 won, more than the budget of 3000 won" out &&
	db_exec "UPDATE budget SET amount = 5000;
		UPDATE budget_spend SET date = '"'2008-01-02'"'" &&
	expect_code 1 inno-check &&
	test_grep "^budget spending 1: dated 2008-01-02, outside the budget year 2007" out &&
	db_exec "UPDATE budget_spend SET date = '"'2007-05-01'"'"
'

test_expect_success 'an idea or an item whose status disagrees with its history' '
	db_exec "UPDATE idea SET status = '"'rejected'"', assigned_id = NULL, implementation = NULL;
		UPDATE knowledge SET status = '"'submitted'"'" &&
	expect_code 1 inno-check &&
	test_grep "^idea 1: status rejected, but the latest decision is adopted" out &&
	test_grep "^knowledge 1: status submitted, but the latest evaluation is approved" out
'

# Every edit made here with sqlite3 is also reported by the change log
# ("... outside the inno programs (no audit entry covers it)"); rules_only
# keeps the lines of the record rules.
rules_only() {
	grep -v " outside the inno programs (no audit entry covers it)\$" out >rules
	return 0
}

test_expect_success 'an idea adopted without a review that decided it' '
	db_exec "UPDATE idea SET status = '"'adopted'"', assigned_id = 2, implementation = '"'planned'"';
		UPDATE knowledge SET status = '"'approved'"'" &&
	expect_code 1 inno-check && rules_only && test_must_be_empty rules &&
	idea-submit -q --submitted=2007-03-06 --title=Y --employee=E03 >/dev/null &&
	db_exec "UPDATE idea SET status = '"'adopted'"', assigned_id = 2, implementation = '"'planned'"' WHERE id = 2" &&
	expect_code 1 inno-check &&
	cat >expect <<-\EOT &&
	idea 2: status adopted, but no review decided it
	idea 2: adopted, but it names no review that adopted it
	EOT
	rules_only && test_cmp expect rules &&
	db_exec "UPDATE idea SET adopted_by = 1 WHERE id = 2" &&
	expect_code 1 inno-check &&
	cat >expect <<-\EOT &&
	idea 2: status adopted, but no review decided it
	idea 2: adopted, but review 1, which it names, did not adopt it
	EOT
	rules_only && test_cmp expect rules &&
	db_exec "UPDATE idea SET status = '"'pending'"', assigned_id = NULL, implementation = NULL, adopted_by = NULL WHERE id = 2" &&
	expect_code 1 inno-check && rules_only && test_must_be_empty rules
'

test_expect_success 'a visit with fewer people than participants' '
	db_exec "UPDATE benchmark SET people = 1" &&
	expect_code 1 inno-check &&
	test_grep "^benchmark 1: 1 people, fewer than its 2 participating employees" out
'

test_expect_success 'a record inserted outside the programs' '
	db_exec "INSERT INTO award (date, name) VALUES ('"'2007-01-01'"', '"'몰래'"')" &&
	expect_code 1 inno-check &&
	test_grep "^award: row 2 has no audit entry" out
'

test_done
