/*
 * fuzz_import.c: libFuzzer harness for every batch importer whose row
 * function needs no more than a struct inno_record_arg: staff-import
 * --teams, benchmark-log, idea-submit, idea-review, knowledge-add (and
 * --views), knowledge-review, award-add, award-fund, budget-set and
 * budget-spend.  The first byte of the input picks the importer, the rest
 * is its CSV, loaded into a database seeded with the demo data so that
 * rows can refer to real employees, ideas and awards.  A refused batch, a
 * dry run or a batch applied before must leave every table unchanged; an
 * accepted one must leave a database inno-check finds clean (every row it
 * inserted covered by an audit entry, every rule kept).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inno.h"
#include "sha256.h"
#include "award.h"
#include "benchmark.h"
#include "budget.h"
#include "check.h"
#include "idea.h"
#include "knowledge.h"
#include "staff.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

struct importer {
	const char *table;
	const struct inno_col *cols;
	size_t ncols;
	inno_row_fn fn;
	int views;
	const char *seed;	/* demo file loaded at setup, or NULL */
};

static const struct importer importers[] = {
	{NULL, inno_team_cols, INNO_TEAM_NCOLS, inno_team_row, 0, "teams.csv"},
	{"employee", inno_staff_cols, INNO_STAFF_NCOLS, inno_staff_row, 0,
	    "staff.csv"},
	{"employee", inno_staff_cols, INNO_STAFF_NCOLS, inno_staff_row, 0,
	    "record-staff.csv"},
	{"benchmark", inno_benchmark_cols, INNO_BM_NCOLS, inno_benchmark_row, 0,
	    "benchmark.csv"},
	{"idea", inno_idea_cols, INNO_IDEA_NCOLS, inno_idea_row, 0,
	    "ideas.csv"},
	{"idea_review", inno_review_cols, INNO_REVIEW_NCOLS, inno_review_row, 0,
	    NULL},
	{"knowledge", inno_knowledge_cols, INNO_KN_NCOLS, inno_knowledge_row, 0,
	    "knowledge.csv"},
	{"knowledge_view", inno_kview_cols, INNO_KV_NCOLS, inno_knowledge_row,
	    1, NULL},
	{"knowledge_eval", inno_keval_cols, INNO_KE_NCOLS, inno_keval_row, 0,
	    NULL},
	{"award", inno_award_cols, INNO_AWARD_NCOLS, inno_award_row, 0,
	    "awards.csv"},
	{"award_fund", inno_fund_cols, INNO_FUND_NCOLS, inno_fund_row, 0,
	    NULL},
	{"budget", inno_budget_cols, INNO_BUDGET_NCOLS, inno_budget_row, 0,
	    "budget.csv"},
	{"budget_spend", inno_spend_cols, INNO_SPEND_NCOLS, inno_spend_row, 0,
	    NULL},
};
#define NIMPORTERS (sizeof importers / sizeof importers[0])

static char dir[64], dbpath[96], pristine[96], cfgpath[96];
static struct inno_config *cfg;
static struct inno_db *db;
static unsigned long runs;

static void
fail(const char *what, const char *table)
{
	fprintf(stderr, "fuzz_import: invariant broken (%s): %s\n",
	    table ? table : "team", what);
	abort();
}

static void
must(const struct inno_error *err, const char *what)
{
	if (err != NULL) {
		fprintf(stderr, "fuzz_import: %s: %s\n", what, err->msg);
		abort();
	}
}

static const struct inno_error *
load(const struct importer *im, FILE *fp, const char *name, int dry_run,
    struct inno_batch_result *res)
{
	const struct inno_error *err;
	struct inno_batch_opts opts;
	struct inno_record_arg arg;
	struct inno_staff_batch staff;

	memset(&opts, 0, sizeof opts);
	memset(&arg, 0, sizeof arg);
	memset(&staff, 0, sizeof staff);
	arg.views = im->views;
	opts.table = im->table;
	opts.dry_run = dry_run;
	/* staff-import's rows take its batch maps, the others a record arg. */
	err = inno_batch_csv(db, fp, name, im->cols, im->ncols, im->fn,
	    im->fn == inno_staff_row ? (void *)&staff : (void *)&arg, &opts,
	    res);
	inno_staff_batch_release(&staff);
	return err;
}

static void
copy_file(const char *from, const char *to)
{
	char buf[65536];
	size_t n;
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");

	if (in == NULL || out == NULL)
		abort();
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			abort();
	if (ferror(in) || fclose(out) != 0)
		abort();
	fclose(in);
}

static void
open_db(void)
{
	must(inno_db_open(&db, dbpath, INNO_DB_WRITE, cfg, "fuzz_import"),
	    "opening the database");
}

/* Back to the seeded database, so that it never grows without bound. */
static void
reset_db(void)
{
	inno_db_close(db);
	copy_file(pristine, dbpath);
	open_db();
}

static void
setup(void)
{
	const char *share = getenv("INNO_SHARE");
	struct inno_batch_result res;
	char path[512], line[1024];
	FILE *fp, *ex;
	size_t i;

	if (share == NULL)
		share = "share";
	snprintf(dir, sizeof dir, "%s/fuzz_import.XXXXXX",
	    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(dbpath, sizeof dbpath, "%s/inno.db", dir);
	snprintf(pristine, sizeof pristine, "%s/seeded.db", dir);
	snprintf(cfgpath, sizeof cfgpath, "%s/inno.ini", dir);
	/* The example configuration, with quick commits. */
	snprintf(path, sizeof path, "%s/inno.ini", share);
	if ((fp = fopen(cfgpath, "w")) == NULL)
		abort();
	if ((ex = fopen(path, "r")) != NULL) {
		while (fgets(line, sizeof line, ex) != NULL)
			if (strncmp(line, "synchronous", 11) != 0 &&
			    strncmp(line, "busy_timeout", 12) != 0)
				fputs(line, fp);
		fclose(ex);
	}
	fputs("\n[database]\nsynchronous = normal\nbusy_timeout = 0\n", fp);
	if (fclose(fp) != 0)
		abort();
	must(inno_config_load(&cfg, cfgpath, NULL), "loading the config");
	open_db();
	for (i = 0; i < NIMPORTERS; i++) {
		if (importers[i].seed == NULL)
			continue;
		snprintf(path, sizeof path, "%s/demo/%s", share,
		    importers[i].seed);
		if ((fp = fopen(path, "r")) == NULL)
			continue;
		inno_batch_result_init(&res);
		if (load(&importers[i], fp, path, 0, &res) != NULL)
			fprintf(stderr, "fuzz_import: seeding %s failed\n",
			    path);
		inno_batch_result_release(&res);
		fclose(fp);
	}
	inno_db_close(db);
	copy_file(dbpath, pristine);
	open_db();
}

/* SHA-256 over every row of every table, in rowid order. */
static void
checksum(char hex[65])
{
	struct sha256 sha;
	struct inno_stmt *st, *t;
	char *names[128], *sql;
	size_t n = 0, i;
	int row, c;

	sha256_init(&sha);
	must(inno_db_query(db, &st, "SELECT name FROM sqlite_master WHERE "
	    "type = 'table' ORDER BY name", NULL), "listing tables");
	while (must(inno_stmt_step(st, &row), "listing tables"), row)
		if (n < 128)
			names[n++] = strdup(inno_stmt_text(st, 0));
	for (i = 0; i < n; i++) {
		if ((sql = inno_strf("SELECT * FROM \"%s\" ORDER BY rowid",
		    names[i])) == NULL)
			abort();
		must(inno_db_query(db, &t, sql, NULL), "reading a table");
		sha256_update(&sha, names[i], strlen(names[i]) + 1);
		while (must(inno_stmt_step(t, &row), "reading"), row)
			for (c = 0; c < inno_stmt_ncols(t); c++) {
				sha256_update(&sha, inno_stmt_isnull(t, c) ?
				    "N" : "V", 1);
				sha256_update(&sha, inno_stmt_text(t, c),
				    (size_t)inno_stmt_bytes(t, c));
				sha256_update(&sha, "\0", 1);
			}
		free(sql);
		free(names[i]);
	}
	sha256_hex(&sha, hex);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const struct importer *im;
	const struct inno_error *err;
	struct inno_batch_result res;
	struct inno_diag d;
	char before[65], after[65];
	int dry_run;
	FILE *fp;

	if (size < 1)
		return 0;
	if (db == NULL)
		setup();
	else if (++runs % 300 == 0)
		reset_db();
	im = &importers[data[0] % NIMPORTERS];
	dry_run = (data[0] / NIMPORTERS) % 8 == 7;
	data++;
	size--;
	checksum(before);
	fp = size > 0 ? fmemopen((void *)data, size, "r") :
	    fopen("/dev/null", "r");
	if (fp == NULL)
		abort();
	inno_batch_result_init(&res);
	err = load(im, fp, "fuzz.csv", dry_run, &res);
	fclose(fp);
	checksum(after);
	if (err != NULL || dry_run || res.already) {
		if (strcmp(before, after) != 0)
			fail(err != NULL ? "a refused batch changed the "
			    "database" : "a dry run or repeated batch changed "
			    "the database", im->table);
	} else {
		if (res.rows_bad != 0)
			fail("an accepted batch with bad rows", im->table);
		inno_diag_init(&d);
		must(inno_check_all(db, &d), "checking");
		if (d.count > 0) {
			fprintf(stderr, "fuzz_import: %s\n", d.nmsgs > 0 ?
			    d.msgs[0] : "");
			fail("an accepted batch left a problem inno-check "
			    "reports", im->table);
		}
		inno_diag_release(&d);
	}
	inno_batch_result_release(&res);
	return 0;
}
