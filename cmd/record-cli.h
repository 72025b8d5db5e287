/*
 * record-cli.h: the part the writers of benchmarking, ideas, knowledge,
 * awards and budgets share: a record comes from options named after the
 * columns, or many come from a CSV operand (or standard input), never both.
 * One record created from options prints its id alone on stdout.
 */
#ifndef INNO_RECORD_CLI_H
#define INNO_RECORD_CLI_H

#include <stdlib.h>

#include "cli.h"

/* getopt values of the column options: REC_OPT + the column index, clear of
 * the common options' values. */
#define REC_OPT 1024

/*
 * Sets the value of a column option, or prints the usage and exits for an
 * option that is not one.
 */
static inline void
rec_option(struct cli *c, int ch, const char **values, size_t ncols,
    int *given)
{
	if (ch < REC_OPT || ch >= REC_OPT + (int)ncols)
		cli_usage(c);
	values[ch - REC_OPT] = optarg;
	*given = 1;
}

/*
 * Runs the writer after option parsing: from options when any column
 * option was given, else from the CSV operand or standard input.  table is
 * where the rows go (the audit line), what names them in the report.
 */
static inline int
rec_write(struct cli *c, int argc, char **argv, int given,
    const struct inno_col *cols, size_t ncols, const char *const *values,
    inno_row_fn fn, struct inno_record_arg *arg, const char *table,
    const char *what)
{
	struct inno_batch_opts opts;
	struct inno_batch_result res;
	const struct inno_error *err;
	const char *name;
	FILE *in = NULL;

	if (argc > 1 || (given && argc > 0))
		cli_usage(c);
	cli_setup(c);
	if (!given)
		in = cli_input(c, argc > 0 ? argv[0] : NULL, &name);
	cli_open_db(c, INNO_DB_WRITE);
	cli_batch_opts(c, &opts, table);
	inno_batch_result_init(&res);
	if (given)
		err = inno_batch_one(c->db, cols, ncols, values, fn, arg, &opts,
		    &res);
	else
		err = inno_batch_csv(c->db, in, name, cols, ncols, fn, arg,
		    &opts, &res);
	if (err != NULL)
		cli_fail_batch(c, err, &res);
	if (given && !c->dry_run && arg->last_id > 0) {
		/* A record stands with notes: a cap or a closed month. */
		if (!c->quiet)
			cli_diag(c, &res.diag);
		fprintf(cli_output(c), "%lld\n", (long long)arg->last_id);
	} else
		cli_batch_report(c, &res, what);
	inno_batch_result_release(&res);
	if (in != NULL && in != stdin)
		fclose(in);
	return cli_finish(c);
}

/*
 * Parses a --period option into p, or prints the reason and exits 2.
 */
static inline void
rec_period(struct cli *c, const char *opt, const char *s,
    struct inno_period *p)
{
	const char *why;

	if ((why = inno_parse_period(s, p)) != NULL) {
		cli_warn(c, "--%s=%s: %s", opt, s, why);
		exit(INNO_EUSAGE);
	}
}


#endif
