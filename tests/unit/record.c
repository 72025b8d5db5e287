/*
 * Unit tests of the record areas through the library alone: the word
 * lists the record listings filter by (inno_parse_words), where each word
 * sets its bit and anything that is not a plain comma-separated list of
 * known words is refused; and the sums award-fund and budget-spend keep
 * for a batch, which must follow a rejected or dry batch and another
 * connection's commits, and the figures the report reads.
 */
#include <stdlib.h>
#include <unistd.h>

#include "tap.h"
#include "award.h"
#include "benchmark.h"
#include "budget.h"
#include "idea.h"
#include "staff.h"

/* Loads CSV text into db through a row function; the error or "ok". */
static const char *
load(struct inno_db *db, const char *csv, const struct inno_col *cols,
    size_t ncols, inno_row_fn fn, const char *table, int dry)
{
	static char msg[4200];
	const struct inno_error *err;
	struct inno_batch_opts opts = {0};
	struct inno_batch_result res;
	struct inno_record_arg arg = {0};
	struct inno_staff_batch staff = {0};
	/* staff-import's rows take its batch maps, the others a record arg. */
	void *fnarg = fn == inno_staff_row ? (void *)&staff : (void *)&arg;
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");

	opts.table = table;
	opts.dry_run = dry;
	inno_batch_result_init(&res);
	err = inno_batch_csv(db, fp, "t.csv", cols, ncols, fn, fnarg, &opts,
	    &res);
	inno_staff_batch_release(&staff);
	snprintf(msg, sizeof msg, "%s%s%s", err != NULL ? err->msg : "ok",
	    res.diag.nmsgs > 0 ? ": " : "", res.diag.nmsgs > 0 ?
	    res.diag.msgs[0] : "");
	inno_batch_result_release(&res);
	fclose(fp);
	return msg;
}

#define FUND(db, csv, dry) load(db, "award,project,dept,amount\n" csv, \
	inno_fund_cols, INNO_FUND_NCOLS, inno_fund_row, "award_fund", dry)
#define SPEND(db, csv, dry) load(db, "programme,date,amount\n" csv, \
	inno_spend_cols, INNO_SPEND_NCOLS, inno_spend_row, "budget_spend", \
	dry)

/*
 * Two connections to one database: what one commits, the sums the other
 * keeps must follow; a rejected or dry batch must leave them as they were.
 */
static void
test_sums(void)
{
	const struct inno_error *err;
	struct inno_db *a = NULL, *b = NULL;
	struct inno_award_figures af;
	struct inno_budget_figures bf;
	char dir[] = "/tmp/inno-unit-record.XXXXXX", path[64];

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof path, "%s/inno.db", dir);
	/*
	 * A new database is put in place by its first write, so the second
	 * connection opens it after that.
	 */
	err = inno_db_open(&a, path, INNO_DB_WRITE, NULL, "unit-record");
	if (err == NULL)
		tap_str(load(a, "employee_id,name,grade,dept\nE01,김민수,5,"
		    "총무과\n", inno_staff_cols, INNO_STAFF_NCOLS,
		    inno_staff_row, "employee", 0), "ok", "one employee");
	if (err == NULL)
		err = inno_db_open(&b, path, INNO_DB_WRITE, NULL, "unit-record");
	tap_ok(err == NULL, "two connections to a fresh database");
	if (err != NULL) {
		printf("# %s\n", err->msg);
		goto done;
	}
	tap_str(load(a, "date,name,incentive\n2007-01-01,상,1000\n",
	    inno_award_cols, INNO_AWARD_NCOLS, inno_award_row, "award", 0),
	    "ok", "an award of 1,000 won");
	tap_str(load(a, "year,programme,amount\n2007,P,1000\n",
	    inno_budget_cols, INNO_BUDGET_NCOLS, inno_budget_row, "budget", 0),
	    "ok", "a budget line of 1,000 won");

	tap_str(FUND(a, "1,p1,총무과,600\n", 0), "ok", "600 won funded on a");
	tap_str(FUND(b, "1,p2,총무과,300\n", 0), "ok", "300 won on b");
	tap_str(FUND(a, "1,p3,총무과,200\n", 0), "1 of 1 row rejected; "
	    "nothing was written: t.csv:2: amount: 200 won would bring the "
	    "projects of award 1 to 1100 won, more than its incentive of 1000 "
	    "won", "a sees what b committed");
	tap_str(FUND(a, "1,p3,총무과,50\n1,p4,없는과,10\n", 0), "1 of 2 rows "
	    "rejected; nothing was written: t.csv:3: dept: 없는과: no such "
	    "department", "a rejected batch");
	tap_str(FUND(a, "1,p5,총무과,100\n", 1), "ok", "a dry run of 100");
	tap_str(FUND(a, "1,p5,총무과,100\n", 0), "ok",
	    "neither took any money: 100 won fit");
	tap_str(FUND(b, "1,p6,총무과,1\n", 0), "1 of 1 row rejected; "
	    "nothing was written: t.csv:2: amount: 1 won would bring the "
	    "projects of award 1 to 1001 won, more than its incentive of 1000 "
	    "won", "b sees what a committed");

	tap_str(SPEND(a, "P,2007-03-01,700\n", 0), "ok", "700 won spent on a");
	tap_str(SPEND(b, "P,2007-03-02,200\n", 0), "ok", "200 won on b");
	tap_str(SPEND(a, "P,2007-03-03,101\n", 0), "1 of 1 row rejected; "
	    "nothing was written: t.csv:2: amount: 101 won would bring the "
	    "spending to 1001 won, more than the budget of 1000 won",
	    "a sees what b spent");
	tap_str(SPEND(a, "P,2007-03-03,60\nP,2007-03-04,41\n", 0),
	    "1 of 2 rows rejected; nothing was written: t.csv:3: amount: 41 won "
	    "would bring the spending to 1001 won, more than the budget of "
	    "1000 won", "a batch counts its own earlier rows");
	tap_str(SPEND(a, "P,2007-03-03,100\n", 0), "ok",
	    "the rejected batch spent nothing");

	err = inno_award_figures(a, NULL, &af);
	tap_ok(err == NULL && af.awards == 1 && af.incentive == 1000 &&
	    af.projects == 3 && af.funded == 1000 && af.nyears == 1 &&
	    af.nlist == 1 && af.ntop == 3 && af.top[0].amount == 600 &&
	    strcmp(af.top[0].dept, "총무과") == 0,
	    "the award figures: one award, three projects, the largest first");
	inno_award_figures_release(&af);
	err = inno_budget_figures(b, 2007, &bf);
	tap_ok(err == NULL && bf.lines == 1 && bf.amount == 1000 &&
	    bf.spent == 1000, "the budget figures of 2007");
	err = inno_budget_figures(b, 2008, &bf);
	tap_ok(err == NULL && bf.lines == 0 && bf.amount == 0,
	    "no budget in 2008");
done:
	inno_db_close(b);
	inno_db_close(a);
	unlink(path);
	snprintf(path, sizeof path, "%s/inno.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/inno.db-shm", dir);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	static const struct {
		const char *in;
		int ok;
		unsigned mask;
	} cases[] = {
		{"outgoing", 1, 1},
		{"incoming", 1, 2},
		{"presentation", 1, 4},
		{"incoming,presentation", 1, 6},
		{"presentation,outgoing,incoming", 1, 7},
		{"incoming,incoming", 1, 2},
		{"", 0, 0},
		{",", 0, 0},
		{"incoming,", 0, 0},
		{",incoming", 0, 0},
		{"incoming,,presentation", 0, 0},
		{"Incoming", 0, 0},
		{"incoming presentation", 0, 0},
		{"visit", 0, 0},
		{"outgoingoutgoingoutgoingoutgoingoutgoingoutgoingoutgoingoutgoing",
		    0, 0},
	};
	char what[160];
	unsigned mask;
	const char *why;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		why = inno_parse_words(cases[i].in, inno_benchmark_kinds,
		    &mask);
		snprintf(what, sizeof what, "\"%s\" is %s", cases[i].in,
		    cases[i].ok ? "accepted" : "refused");
		tap_ok((why == NULL) == cases[i].ok, what);
		if (cases[i].ok) {
			snprintf(what, sizeof what, "\"%s\" sets mask %u",
			    cases[i].in, cases[i].mask);
			tap_ok(mask == cases[i].mask, what);
		}
	}
	tap_str(inno_parse_words("visit", inno_benchmark_kinds, &mask),
	    "unknown word in the list", "an unknown word says so");
	tap_str(inno_parse_words("incoming,,outgoing", inno_benchmark_kinds, &mask),
	    "expected a comma-separated list", "an empty item says so");
	test_sums();
	return tap_done();
}
