/*
 * ledger-gen: the generated organisation and mileage ledger of the scale
 * benchmarks (tests/bench/mileage.sh), at national size when asked: 300,000
 * staff in 243 offices and ten years of 10,000,000 events.
 *
 *   ledger-gen staff N OFFICES
 *	N employees in OFFICES departments of five teams each, as the CSV
 *	staff-import reads, on stdout.
 *   ledger-gen awards N YEARS EMPLOYEES
 *	N mileage events as another system exports them (the CSV
 *	mileage-award reads), in date order over YEARS years ending in
 *	2025, 28 days a month, the first EMPLOYEES employees of `staff`
 *	and three categories mixed, on stdout.
 *   ledger-gen ledger DB N YEARS
 *	The same N events written straight into the ledger of DB, whose
 *	employees staff-import has loaded, in one write transaction: each
 *	month of the ledger gets the one audit row a mileage-award batch of
 *	that month writes, so that inno-check finds the file as the
 *	programs leave it.  (One transaction rather than one a month: the
 *	index by employee takes every month's entries all over, and a
 *	commit a month would write most of it again each time.)
 *
 * It writes the ledger table only: anything the library keeps from the
 * ledger in the same transaction must be written here as well, or the
 * ledger loaded with LEDGER_VIA=award (mileage.sh), which inno-check after
 * each load tells apart.
 *
 * The categories, points and kinds are those of the benchmarks' inno.ini.
 * It goes through the library (inno_db_open applies the schema, inno_audit
 * chains the audit row), but its SQL names the ledger's tables itself,
 * as a loader of test data may and no program does.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inno.h"
#include "audit.h"

static const struct {
	const char *category, *kind;
	int min, max;		/* the points the configuration allows */
} cats[] = {
	{"idea.adopted", "innovation", 1, 50},
	{"contest.prize", "innovation", 10, 100},
	{"cs.praise", "cs", 1, 20},
};
#define NCATS (sizeof cats / sizeof cats[0])
#define LAST_YEAR 2025

static void
usage(void)
{
	fprintf(stderr, "usage: ledger-gen staff N OFFICES\n"
	    "       ledger-gen awards N YEARS EMPLOYEES\n"
	    "       ledger-gen ledger DB N YEARS\n");
	exit(2);
}

static long long
number(const char *s, long long min)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min) {
		fprintf(stderr, "ledger-gen: %s: expected a number of at "
		    "least %lld\n", s, min);
		exit(2);
	}
	return v;
}

/*
 * Event i of n over years years: its day, employee index, category and
 * points.
 */
struct event {
	int year, month, day;
	long long emp;
	size_t cat;
	int points;
};

static void
event(long long i, long long n, int years, long long nemp, struct event *e)
{
	long long d = i * (years * 336LL) / n;

	e->year = LAST_YEAR - years + 1 + (int)(d / 336);
	e->month = 1 + (int)(d % 336 / 28);
	e->day = 1 + (int)(d % 28);
	/* A multiplicative hash spreads the events over the staff. */
	e->emp = (long long)(((uint64_t)i * 2654435761u) % (uint64_t)nemp);
	e->cat = (size_t)(i % NCATS);
	/* Points spread over the range, so that totals seldom tie. */
	e->points = cats[e->cat].min + (int)(((uint64_t)i * 40503u + 7) %
	    (uint64_t)(cats[e->cat].max - cats[e->cat].min + 1));
}

static int
gen_staff(long long n, long long offices)
{
	long long i;

	printf("employee_id,name,grade,dept,team,joined\n");
	for (i = 0; i < n; i++)
		printf("S%07lld,직원 %lld호,%lld,기관%03lld,팀%lld,%04lld-%02lld-"
		    "%02lld\n", i + 1, i + 1, i % 9 + 1, i % offices + 1,
		    i / offices % 5 + 1, 1990 + i % 10, i % 12 + 1,
		    i % 28 + 1);
	return fflush(stdout) != 0 || ferror(stdout) ? 1 : 0;
}

static int
gen_awards(long long n, int years, long long nemp)
{
	struct event e;
	long long i;

	printf("employee_id,date,category,points,reason,ref\n");
	for (i = 0; i < n; i++) {
		event(i, n, years, nemp, &e);
		printf("S%07lld,%04d-%02d-%02d,%s,%d,r%lld,\n", e.emp + 1,
		    e.year, e.month, e.day, cats[e.cat].category, e.points,
		    i);
	}
	return fflush(stdout) != 0 || ferror(stdout) ? 1 : 0;
}

static void
fail(const struct inno_error *err)
{
	fprintf(stderr, "ledger-gen: %s\n", err->msg);
	exit(1);
}

static int
gen_ledger(const char *path, long long n, int years)
{
	const struct inno_error *err;
	struct inno_config *cfg;
	struct inno_db *db;
	struct inno_stmt *st;
	struct event e = {0};
	int64_t *emp = NULL, *dept = NULL, first = 0, last = 0;
	long long nemp = 0, cap = 0, i, rows = 0;
	char date[16], month[8] = "";
	int row;

	if ((err = inno_config_load(&cfg, NULL, INNO_SYSCONFDIR)) != NULL ||
	    (err = inno_db_open(&db, path, INNO_DB_WRITE, cfg,
	    "ledger-gen")) != NULL)
		fail(err);
	/*
	 * A loader's page cache: the ledger's indexes take entries all over
	 * (by employee), and a small cache would write every page many times.
	 */
	if ((err = inno_db_exec(db, "PRAGMA cache_size = -262144")) != NULL)
		fail(err);
	/* The staff in the order staff-import loaded them (S0000001 first). */
	if ((err = inno_db_query(db, &st, "SELECT id, dept_id FROM employee "
	    "WHERE employee_id GLOB 'S[0-9]*' ORDER BY employee_id", NULL)) !=
	    NULL)
		fail(err);
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if (nemp == cap) {
			cap = cap ? 2 * cap : 1024;
			if ((emp = realloc(emp, (size_t)cap * sizeof *emp)) ==
			    NULL || (dept = realloc(dept, (size_t)cap *
			    sizeof *dept)) == NULL) {
				fprintf(stderr, "ledger-gen: out of memory\n");
				return 1;
			}
		}
		emp[nemp] = inno_stmt_int(st, 0);
		dept[nemp++] = inno_stmt_int(st, 1);
	}
	if (err != NULL)
		fail(err);
	if (nemp == 0) {
		fprintf(stderr, "ledger-gen: %s: no staff from ledger-gen "
		    "staff\n", path);
		return 1;
	}
	if ((err = inno_db_begin(db)) != NULL)
		fail(err);
	for (i = 0; i <= n; i++) {
		if (i < n) {
			event(i, n, years, nemp, &e);
			snprintf(date, sizeof date, "%04d-%02d-%02d", e.year,
			    e.month, e.day);
		}
		/* A month ends: its audit row. */
		if (month[0] != '\0' && (i == n || strncmp(date, month, 7) !=
		    0)) {
			if ((err = inno_audit(db, "insert", "mileage", first,
			    last, "%lld rows from ledger-gen, month %s",
			    rows, month)) != NULL)
				fail(err);
			month[0] = '\0';
		}
		if (i == n)
			break;
		if (month[0] == '\0') {
			memcpy(month, date, 7);
			month[7] = '\0';
			rows = 0;
		}
		if ((err = inno_db_prepare(db, &st, "INSERT INTO mileage (date, "
		    "employee_id, dept_id, category, kind, points, reason, ref) "
		    "VALUES (?, ?, ?, ?, ?, ?, ?, NULL)")) != NULL ||
		    (err = inno_stmt_bind_text(st, 1, date, 10)) != NULL ||
		    (err = inno_stmt_bind_int(st, 2, emp[e.emp])) != NULL ||
		    (err = inno_stmt_bind_int(st, 3, dept[e.emp])) != NULL ||
		    (err = inno_stmt_bind_text(st, 4, cats[e.cat].category,
		    -1)) != NULL ||
		    (err = inno_stmt_bind_text(st, 5, cats[e.cat].kind, -1)) !=
		    NULL ||
		    (err = inno_stmt_bind_int(st, 6, e.points)) != NULL ||
		    (err = inno_stmt_bind_text(st, 7, "ledger-gen", -1)) !=
		    NULL ||
		    (err = inno_stmt_step(st, &row)) != NULL)
			fail(err);
		last = inno_db_last_id(db);
		if (rows++ == 0)
			first = last;
	}
	/*
	 * The monthly rollup the library keeps beside the ledger, summed as
	 * its migration sums an existing ledger, with its audit row, so that
	 * inno-check finds the two equal.
	 */
	if ((err = inno_db_exec(db, "INSERT INTO mileage_month (month, "
	    "employee_id, dept_id, category, kind, points, entries, "
	    "reversals, last) SELECT substr(date, 1, 7), coalesce(employee_id, "
	    "0), dept_id, category, kind, sum(points), count(*), "
	    "count(reverses), max(date) FROM mileage GROUP BY 1, 2, 3, 4, 5 "
	    "ORDER BY 1, 2, 3, 4, 5")) != NULL ||
	    (err = inno_db_int(db, &first, NULL, "SELECT coalesce(min(id), 0) "
	    "FROM mileage_month", NULL)) != NULL ||
	    (err = inno_db_int(db, &last, NULL, "SELECT coalesce(max(id), 0) "
	    "FROM mileage_month", NULL)) != NULL ||
	    (last > 0 && (err = inno_audit(db, "insert", "mileage_month",
	    first, last, "monthly sums of the ledger from ledger-gen")) !=
	    NULL) ||
	    (err = inno_db_commit(db)) != NULL)
		fail(err);
	free(emp);
	free(dept);
	inno_db_close(db);
	inno_config_free(cfg);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "staff") == 0)
		return gen_staff(number(argv[2], 1), number(argv[3], 1));
	if (argc == 5 && strcmp(argv[1], "awards") == 0)
		return gen_awards(number(argv[2], 1), (int)number(argv[3], 1),
		    number(argv[4], 1));
	if (argc == 5 && strcmp(argv[1], "ledger") == 0)
		return gen_ledger(argv[2], number(argv[3], 1),
		    (int)number(argv[4], 1));
	usage();
}
