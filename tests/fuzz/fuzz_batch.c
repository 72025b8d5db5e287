/*
 * fuzz_batch.c: libFuzzer harness for the batch runner and staff-import's
 * row function (lib/batch.c, lib/staff.c) writing to a real database file.
 * The input is a CSV batch.  Every run checks the all-or-nothing promise:
 * a checksum over every table is taken before and after, and a refused
 * batch, a dry run or a batch applied before must leave it unchanged; an
 * accepted batch must report every row as written, and each employee it
 * names must then hold the values of the last row that named it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inno.h"
#include "sha256.h"
#include "staff.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static char dir[64], dbpath[96], cfgpath[96];
static struct inno_config *cfg;
static struct inno_db *db;
static unsigned long runs;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_batch: invariant broken: %s\n", what);
	abort();
}

static void
must(const struct inno_error *err, const char *what)
{
	if (err != NULL) {
		fprintf(stderr, "fuzz_batch: %s: %s\n", what, err->msg);
		abort();
	}
}

/* A fresh database every so often, so it never grows without bound. */
static void
open_db(void)
{
	char p[128];

	if (db != NULL) {
		inno_db_close(db);
		unlink(dbpath);
		snprintf(p, sizeof p, "%s-wal", dbpath);
		unlink(p);
		snprintf(p, sizeof p, "%s-shm", dbpath);
		unlink(p);
	}
	must(inno_db_open(&db, dbpath, INNO_DB_WRITE, cfg, "fuzz_batch"),
	    "opening the database");
}

static void
setup(void)
{
	FILE *fp;

	snprintf(dir, sizeof dir, "%s/fuzz_batch.XXXXXX",
	    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(dbpath, sizeof dbpath, "%s/inno.db", dir);
	snprintf(cfgpath, sizeof cfgpath, "%s/inno.ini", dir);
	if ((fp = fopen(cfgpath, "w")) == NULL)
		abort();
	fputs("[database]\nsynchronous = normal\nbusy_timeout = 0\n"
	    "[csv]\nmax_field = 4096\n", fp);
	if (fclose(fp) != 0)
		abort();
	must(inno_config_load(&cfg, cfgpath, NULL), "loading the config");
	open_db();
}

/* SHA-256 over every row of every table, in rowid order. */
static void
checksum(char hex[65])
{
	struct sha256 sha;
	struct inno_stmt *st, *t;
	char *names[64], *sql;
	size_t n = 0, i;
	int row, c;

	sha256_init(&sha);
	must(inno_db_query(db, &st, "SELECT name FROM sqlite_master WHERE "
	    "type = 'table' ORDER BY name", NULL), "listing tables");
	while (must(inno_stmt_step(st, &row), "listing tables"), row)
		if (n < 64)
			names[n++] = strdup(inno_stmt_text(st, 0));
	for (i = 0; i < n; i++) {
		if ((sql = inno_strf("SELECT * FROM \"%s\" ORDER BY rowid",
		    names[i])) == NULL)
			abort();
		must(inno_db_query(db, &t, sql, NULL), "reading a table");
		sha256_update(&sha, names[i], strlen(names[i]) + 1);
		while (must(inno_stmt_step(t, &row), "reading"), row)
			for (c = 0; c < inno_stmt_ncols(t); c++) {
				const char *v = inno_stmt_text(t, c);
				int len = inno_stmt_bytes(t, c);
				sha256_update(&sha, inno_stmt_isnull(t, c) ?
				    "N" : "V", 1);
				sha256_update(&sha, v, (size_t)len);
				sha256_update(&sha, "\0", 1);
			}
		free(sql);
		free(names[i]);
	}
	sha256_hex(&sha, hex);
}

static FILE *
open_input(const unsigned char *data, size_t size)
{
	return size > 0 ? fmemopen((void *)data, size, "r") :
	    fopen("/dev/null", "r");
}

/*
 * After an accepted batch: every employee_id named takes the name, grade
 * and department of the last row naming it.
 */
static void
check_written(const unsigned char *data, size_t size,
    const struct inno_batch_result *res)
{
	struct inno_csv *csv;
	struct inno_stmt *st;
	char **ids = NULL, **vals = NULL;
	size_t n = 0, i, j, len;
	int got, row, cid, cname, cgrade, cdept;
	FILE *fp;

	if (res->written != res->rows || res->rows_bad != 0)
		fail("an accepted batch did not write every row it read");
	if ((fp = open_input(data, size)) == NULL)
		abort();
	must(inno_csv_open(&csv, fp, "fuzz.csv", INNO_ENC_UTF8, 4096),
	    "rereading an accepted batch");
	cid = inno_csv_find(csv, "employee_id");
	cname = inno_csv_find(csv, "name");
	cgrade = inno_csv_find(csv, "grade");
	cdept = inno_csv_find(csv, "dept");
	if (cid < 0 || cname < 0 || cgrade < 0 || cdept < 0)
		fail("an accepted batch without the required columns");
	for (;;) {
		must(inno_csv_next(csv, &got), "rereading");
		if (!got)
			break;
		ids = realloc(ids, (n + 1) * sizeof *ids);
		vals = realloc(vals, (n + 1) * sizeof *vals);
		if (ids == NULL || vals == NULL)
			abort();
		ids[n] = strdup(inno_csv_field(csv, (size_t)cid, &len));
		vals[n] = inno_strf("%s|%s|%s",
		    inno_csv_field(csv, (size_t)cname, &len),
		    inno_csv_field(csv, (size_t)cgrade, &len),
		    inno_csv_field(csv, (size_t)cdept, &len));
		n++;
	}
	if (n != res->rows)
		fail("the batch reported another number of rows than it has");
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++)
			if (strcmp(ids[i], ids[j]) == 0)
				break;
		if (j == n) {
			must(inno_db_query(db, &st, "SELECT e.name || '|' || "
			    "e.grade || '|' || d.name FROM employee e JOIN "
			    "dept d ON d.id = e.dept_id WHERE e.employee_id "
			    "= ?", "t", ids[i]), "looking up an employee");
			must(inno_stmt_step(st, &row), "looking up");
			if (!row)
				fail("an accepted row is not in the database");
			if (strcmp(inno_stmt_text(st, 0), vals[i]) != 0)
				fail("an accepted row differs in the database");
			inno_stmt_reset(st);
		}
		free(ids[i]);
		free(vals[i]);
	}
	free(ids);
	free(vals);
	inno_csv_free(csv);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const struct inno_error *err;
	struct inno_batch_opts opts;
	struct inno_batch_result res;
	char before[65], after[65];
	FILE *fp;

	if (db == NULL)
		setup();
	else if (++runs % 500 == 0)
		open_db();
	memset(&opts, 0, sizeof opts);
	opts.table = "employee";
	opts.dry_run = size % 7 == 3;
	checksum(before);
	if ((fp = open_input(data, size)) == NULL)
		abort();
	inno_batch_result_init(&res);
	err = inno_batch_csv(db, fp, "fuzz.csv", inno_staff_cols,
	    INNO_STAFF_NCOLS, inno_staff_row, NULL, &opts, &res);
	fclose(fp);
	checksum(after);
	if (err != NULL) {
		if (err->code != INNO_EINPUT)
			fail("a batch failed with something other than bad "
			    "input");
		if (strcmp(before, after) != 0)
			fail("a refused batch changed the database");
	} else if (opts.dry_run || res.already) {
		if (strcmp(before, after) != 0)
			fail("a dry run or repeated batch changed the database");
	} else
		check_written(data, size, &res);
	inno_batch_result_release(&res);
	return 0;
}
