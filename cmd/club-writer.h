/*
 * club-writer.h: the main program of the club and training writers
 * (club-register, club-join, club-fund, club-activity, group-join,
 * course-add, course-enroll), which all work alike: one record from
 * options named after the CSV columns (column employee_id is option
 * --employee-id), or many from a CSV file or standard input.  A single
 * record's id is printed alone on stdout.  Kept in one place so the seven
 * programs cannot drift apart; each program supplies its columns, row
 * function and texts.
 */
#ifndef INNO_CLUB_WRITER_H
#define INNO_CLUB_WRITER_H

#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define RECORD_MAXCOLS 16
/* Option values past the common options' (cli.c uses 256 and up). */
#define RECORD_OPT0 1000

static int
record_main(int argc, char **argv, const char *prog, const char *synopsis,
    const char *help, const struct inno_col *cols, size_t ncols,
    inno_row_fn fn, const char *table, const char *what)
{
	struct option longopts[RECORD_MAXCOLS + 1];
	char names[RECORD_MAXCOLS][32];
	const char *values[RECORD_MAXCOLS] = {NULL};
	struct inno_batch_opts opts;
	struct inno_batch_result res;
	const struct inno_error *err;
	const char *name = NULL;
	struct cli c;
	FILE *in = NULL;
	int64_t id = 0;
	size_t i, nvalues = 0;
	char *p;
	int ch;

	for (i = 0; i < ncols && i < RECORD_MAXCOLS; i++) {
		snprintf(names[i], sizeof names[i], "%s", cols[i].name);
		for (p = names[i]; *p != '\0'; p++)
			if (*p == '_')
				*p = '-';
		longopts[i].name = names[i];
		longopts[i].has_arg = required_argument;
		longopts[i].flag = NULL;
		longopts[i].val = RECORD_OPT0 + (int)i;
	}
	memset(&longopts[i], 0, sizeof longopts[i]);

	cli_init(&c, prog, synopsis, help, CLI_WRITE | CLI_BATCH);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		if (ch < RECORD_OPT0 || ch >= RECORD_OPT0 + (int)ncols)
			cli_usage(&c);
		if (values[ch - RECORD_OPT0] == NULL)
			nvalues++;
		values[ch - RECORD_OPT0] = optarg;
	}
	argc -= optind;
	argv += optind;
	if (argc > 1 || (nvalues > 0 && argc > 0))
		cli_usage(&c);
	cli_setup(&c);
	if (nvalues == 0)
		in = cli_input(&c, argc > 0 ? argv[0] : NULL, &name);
	cli_open_db(&c, INNO_DB_WRITE);
	cli_batch_opts(&c, &opts, table);
	inno_batch_result_init(&res);
	if (nvalues > 0)
		err = inno_batch_one(c.db, cols, ncols, values, fn, &id, &opts,
		    &res);
	else
		err = inno_batch_csv(c.db, in, name, cols, ncols, fn, NULL,
		    &opts, &res);
	if (err != NULL)
		cli_fail_batch(&c, err, &res);
	cli_batch_report(&c, &res, what);
	inno_batch_result_release(&res);
	if (in != NULL && in != stdin)
		fclose(in);
	if (nvalues > 0 && !c.dry_run && id > 0)
		fprintf(cli_output(&c), "%lld\n", (long long)id);
	return cli_finish(&c);
}

#endif /* INNO_CLUB_WRITER_H */
