/*
 * mileage-mvp: names a month's best person and best department from the
 * mileage ledger and stores the result, optionally closing the month; or
 * ranks the year's persons by combined innovation and CS mileage.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "hook.h"
#include "mvp.h"
#include "i18n.h"

static const char synopsis[] =
    "mileage-mvp [-nq] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--scheme name] --month month [--explain] [--close]\n"
    "mileage-mvp [-nq] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] --scheme name --year year [--explain]\n"
    "mileage-mvp [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] --year year [--top n]\n";
static const char *const help_text = N_(
    "Name the month's MVP person and department and store the result, or\n"
    "rank the year's persons by innovation and CS mileage combined.\n"
    "\n"
    "      --scheme NAME    the scheme of [mvp.NAME] in inno.ini (default:\n"
    "                       [mvp]); a year scheme decides --year\n"
    "      --month YYYY-MM  the month to decide\n"
    "      --explain        every candidate, its points by category, and\n"
    "                       why the winner won\n"
    "      --close          close the month: no entry may be dated in it\n"
    "      --year YYYY      the year ranking instead\n"
    "      --top N          how many places of the year ranking (default 5)\n");

/* The schemes completion offers: default and each [mvp.NAME]. */
static void
offer_schemes(struct cli *c)
{
	const char **names;
	size_t n, i;

	cli_offer(c, "default");
	if (c->cfg == NULL || inno_config_sections(c->cfg, "mvp.", &names,
	    &n) != NULL)
		return;
	for (i = 0; i < n; i++)
		cli_offer(c, names[i] + 4);
	free(names);
}

/* What write_result needs. */
struct result_writer {
	struct cli *c;
	int explain;
	int done;
};

/*
 * Writes the month's result to the output and flushes it.  inno_mvp_month
 * calls it before it commits, so an output that fails (a full disk, a
 * closed pipe, a misspelt --columns) leaves the month as it was.
 */
static const struct inno_error *
write_result(void *arg, const struct inno_mvp_result *res)
{
	struct result_writer *w = arg;
	const struct inno_error *err;
	struct inno_out *out;
	FILE *fp;

	w->done = 1;
	out = cli_out(w->c);
	if ((err = inno_mvp_write(out, res, w->explain)) != NULL ||
	    (err = inno_out_finish(out)) != NULL) {
		inno_out_free(out);
		return err;
	}
	inno_out_free(out);
	fp = cli_output(w->c);
	errno = 0;
	if (fflush(fp) == EOF || ferror(fp)) {
		if (errno == 0)
			errno = EIO;
		return inno_error_errno(_("write error"));
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"month", required_argument, NULL, 'M'},
		{"explain", no_argument, NULL, 'X'},
		{"close", no_argument, NULL, 'C'},
		{"year", required_argument, NULL, 'Y'},
		{"top", required_argument, NULL, 'T'},
		{"scheme", required_argument, NULL, 'S'},
		{NULL, 0, NULL, 0},
	};
	static const struct cli_values values[] = {
		{"scheme", NULL, offer_schemes},
		{NULL, NULL, NULL},
	};
	struct inno_mvp_opts o = {0};
	struct inno_mvp_result res;
	struct result_writer wr;
	const struct inno_error *err;
	const char *year = NULL, *top_arg = NULL, *why;
	struct inno_stmt *st;
	struct inno_out *out;
	struct cli c;
	int64_t top = 5;
	int ch, explain = 0;

	cli_init(&c, "mileage-mvp", synopsis, help_text, CLI_LIST | CLI_WRITE);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'M':
			o.month = optarg;
			break;
		case 'X':
			explain = 1;
			break;
		case 'C':
			o.close = 1;
			break;
		case 'Y':
			year = optarg;
			break;
		case 'T':
			top_arg = optarg;
			break;
		case 'S':
			o.scheme = optarg;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	cli_operands(&c, argc, argv, 0, 0, NULL);
	if ((o.month == NULL) == (year == NULL))
		cli_usage_error(&c, _("give --month or --year"));
	/* A scheme's --year is the period it decides, as --month is. */
	if (year != NULL && o.scheme != NULL) {
		if (top_arg != NULL)
			cli_usage_error(&c, _("--top is for the year ranking; "
			    "a scheme has its own winners"));
		o.month = year;
		year = NULL;
	}
	if (year != NULL && (explain || o.close))
		cli_usage_error(&c,
		    _("%s is for --month"), explain ? "--explain" :
		    "--close");
	if (o.month != NULL && top_arg != NULL)
		cli_usage_error(&c, _("--top is for --year"));
	if (top_arg != NULL && (why = inno_parse_int(top_arg, strlen(top_arg),
	    1, 1000000, &top)) != NULL) {
		cli_warn(&c, _("--top=%s: %s (1 or more)"), top_arg, _(why));
		return INNO_EUSAGE;
	}
	o.dry_run = c.dry_run;
	cli_setup(&c);
	if (year != NULL) {
		cli_open_db(&c, INNO_DB_READ);
		if ((err = inno_mvp_year_query(c.db, year, top, &st)) != NULL)
			cli_fail(&c, err);
		out = cli_out(&c);
		if ((err = inno_out_stmt(out, st)) != NULL ||
		    (err = inno_out_finish(out)) != NULL)
			cli_fail(&c, err);
		inno_out_free(out);
		return cli_finish(&c);
	}
	/*
	 * The output is opened before the month is decided, stored and
	 * perhaps closed, so an output that cannot be opened leaves the
	 * month as it was.  A dry run only reads, so a read-only database
	 * will do.
	 */
	cli_output(&c);
	cli_open_db(&c, c.dry_run ? INNO_DB_READ : INNO_DB_WRITE);
	wr.c = &c;
	wr.explain = explain;
	o.explain = explain;
	wr.done = 0;
	o.before_commit = write_result;
	o.before_commit_arg = &wr;
	if ((err = inno_mvp_month(c.db, &o, &res)) != NULL) {
		inno_mvp_result_release(&res);
		cli_fail(&c, err);
	}
	/* After COMMIT: a post- hook's failure leaves the result stored. */
	if (!c.dry_run && (err = inno_hook_post(c.db)) != NULL)
		cli_warn(&c, _("%s; what was written stands"), err->msg);
	/* A dry run or a closed month stored nothing: write it now. */
	if (!wr.done && (err = write_result(&wr, &res)) != NULL)
		cli_fail(&c, err);
	if (!c.quiet && res.closed && !res.closed_now)
		cli_warn(&c, o.close ? "month %s was already closed" :
		    "month %s is closed: its stored result stands", res.month);
	else if (!c.quiet && o.close && c.dry_run)
		cli_warn(&c, _("dry run: month %s not closed, nothing stored"),
		    res.month);
	inno_mvp_result_release(&res);
	return cli_finish(&c);
}
