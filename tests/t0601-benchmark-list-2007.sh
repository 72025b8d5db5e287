#!/bin/sh
# benchmark-list: the 2007 council report's figures (23 presentations to
# 1,509 people and 30 visiting institutions with 462 people: 53
# institutions, 1,971 people), totals by quarter and year, every format,
# and a listing that loads back.
. "$(dirname "$0")/lib.sh"

# CSV and TSV end lines with CR LF (RFC 4180); compare without the CRs.
strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup: the first half of 2007' '
	setup_staff &&
	{
		echo kind,date,institution,people,speaker &&
		for i in $(seq 1 23); do
			m=$(( (i - 1) % 6 + 1 ))
			p=65; [ $i -eq 23 ] && p=79
			echo "presentation,2007-0$m-10,보고기관$i,$p,E01"
		done &&
		for i in $(seq 1 30); do
			m=$(( (i - 1) % 6 + 1 ))
			p=15; [ $i -eq 30 ] && p=27
			echo "incoming,2007-0$m-20,방문기관$i,$p,"
		done &&
		echo "outgoing,2007-02-01,서울시 강남구,2,"
	} >events.csv &&
	benchmark-log -q events.csv
'

test_expect_success 'presentations and visiting institutions add up to 53 and 1,971' '
	expect_code 0 benchmark-list --kind=incoming,presentation --by=total \
		--period=2007-H1 --format=csv &&
	cat >expect <<-\EOT &&
	events,institutions,people,outgoing,incoming,presentations
	53,53,1971,0,30,23
	EOT
	strip out && test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'by kind' '
	expect_code 0 benchmark-list --by=kind --format=csv &&
	cat >expect <<-\EOT &&
	kind,events,institutions,people
	outgoing,1,1,2
	incoming,30,30,462
	presentation,23,23,1509
	EOT
	strip out && test_cmp expect actual && test_must_be_empty err
'

test_expect_success 'by quarter and by year' '
	expect_code 0 benchmark-list --kind=incoming,presentation \
		--by=quarter --format=csv &&
	cat >expect <<-\EOT &&
	quarter,events,institutions,people,outgoing,incoming,presentations
	2007-Q1,27,27,1005,0,15,12
	2007-Q2,26,26,966,0,15,11
	EOT
	strip out && test_cmp expect actual && test_must_be_empty err &&
	expect_code 0 benchmark-list --by=year --format=tsv &&
	printf "year\tevents\tinstitutions\tpeople\toutgoing\tincoming\tpresentations\n2007\t54\t54\t1973\t1\t30\t23\n" >expect &&
	strip out && test_cmp expect actual
'

test_expect_success 'filter by institution and period, as a table' '
	expect_code 0 benchmark-list --institution=강남 --format=table &&
	cat >expect <<-\EOT &&
	id  kind      date        institution    sector  people  speaker  employees  findings  task_id
	54  outgoing  2007-02-01  서울시 강남구               2
	EOT
	strip out && test_cmp expect actual &&
	expect_code 0 benchmark-list --period=2007-06 --kind=presentation \
		--format=json &&
	test_grep "\"institution\": *\"보고기관6\"" out &&
	test_grep "\"people\": *65" out
'

test_expect_success 'the CSV of a listing loads back' '
	benchmark-list --kind=incoming --format=csv >back.csv &&
	db_set_aside first.db &&
	staff-import -q staff.csv &&
	expect_code 0 benchmark-log back.csv &&
	benchmark-list --by=total --format=csv >again &&
	printf "events,institutions,people,outgoing,incoming,presentations\n30,30,462,0,30,0\n" >expect &&
	strip again && test_cmp expect actual
'

test_expect_success 'bad filters are usage errors' '
	expect_code 2 benchmark-list --kind=visit &&
	test_grep "^benchmark-list: --kind=visit: unknown word" err &&
	expect_code 2 benchmark-list --period=2007-Q5 &&
	test_grep "^benchmark-list: --period=2007-Q5: " err &&
	expect_code 2 benchmark-list --by=week &&
	test_grep "^benchmark-list: --by=week: expected total" err &&
	test_must_be_empty out
'

test_done
