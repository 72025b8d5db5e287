/*
 * mileage-award: appends mileage to the ledger, one award from options or a
 * batch from CSV, or reverses an entry.  Points, ranges and caps come from
 * inno.ini; the ledger itself is append-only.
 */
#include <stdlib.h>

#include "cli.h"
#include "mileage.h"
#include "i18n.h"

static const char synopsis[] =
    "mileage-award [-nq] [-d db] [-c config] [--employee-id id | --dept name]\n"
    "[--date date] [--category name] [--points n] [--reason text]\n"
    "[--ref text] [--idea-id id] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "mileage-award [-nq] [-d db] [-c config] --reverse entry [--date date]\n"
    "[--reason text]\n";
static const char *const help_text = N_(
    "Award mileage to an employee or a department, or load many awards\n"
    "from CSV (employee_id or dept, date, category, points, reason, ref).\n"
    "With a file, the options below give values for rows that lack them.\n"
    "\n"
    "      --employee-id ID  the employee to award\n"
    "      --dept NAME      the department to award\n"
    "      --date DATE      the date of the event (default today)\n"
    "      --category NAME  the category, as configured in inno.ini\n"
    "      --points N       the points (default: the category's)\n"
    "      --reason TEXT    why\n"
    "      --ref TEXT       what caused it, in the source system\n"
    "      --idea-id ID     the idea that earned it (earned once)\n"
    "      --reverse ENTRY  write the reversal of ledger entry ENTRY\n");

/* The id of the entry the award wrote, for cli_write to print. */
static int64_t
last_id(void *arg)
{
	return inno_mileage_award_last(arg);
}

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"category", NULL, cli_offer_categories},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"employee-id", required_argument, NULL,
		    CLI_COL + INNO_MILEAGE_EMPLOYEE},
		{"dept", required_argument, NULL, CLI_COL + INNO_MILEAGE_DEPT},
		{"date", required_argument, NULL, CLI_COL + INNO_MILEAGE_DATE},
		{"category", required_argument, NULL,
		    CLI_COL + INNO_MILEAGE_CATEGORY},
		{"points", required_argument, NULL,
		    CLI_COL + INNO_MILEAGE_POINTS},
		{"reason", required_argument, NULL,
		    CLI_COL + INNO_MILEAGE_REASON},
		{"ref", required_argument, NULL, CLI_COL + INNO_MILEAGE_REF},
		{"idea-id", required_argument, NULL,
		    CLI_COL + INNO_MILEAGE_IDEA},
		{"reverse", required_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct inno_mileage_defaults defs = {0};
	struct inno_mileage_award *award;
	struct cli_writer w = {
		.cols = inno_mileage_cols, .ncols = INNO_MILEAGE_NCOLS,
		.fn = inno_mileage_award_row, .last_id = last_id,
		.table = "mileage", .what = N_("entries"),
	};
	struct cli_writer rw = {
		.cols = inno_mileage_rev_cols, .ncols = INNO_MREV_NCOLS,
		.fn = inno_mileage_reverse_row, .last_id = last_id,
		.table = "mileage", .what = N_("entries"),
		.mode = CLI_WRITE_ONE,
	};
	const struct inno_error *err;
	const char *reverse = NULL, **v = w.values;
	struct cli c;
	int rc;

	cli_init(&c, "mileage-award", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	cli_values(&c, values);
	cli_writer(&c, &w);
	while (cli_getopt(&c, argc, argv, "", longopts) != -1)
		reverse = optarg;	/* --reverse, the one not a column's */
	argc -= optind;
	argv += optind;
	/* A reversal takes only a date and a reason. */
	if (reverse != NULL && (argc > 0 || v[INNO_MILEAGE_EMPLOYEE] != NULL ||
	    v[INNO_MILEAGE_DEPT] != NULL || v[INNO_MILEAGE_CATEGORY] != NULL ||
	    v[INNO_MILEAGE_POINTS] != NULL || v[INNO_MILEAGE_REF] != NULL ||
	    v[INNO_MILEAGE_IDEA] != NULL))
		cli_usage_error(&c,
		    _("--reverse takes only --date and --reason"));
	/* A file's rows name their own recipients. */
	if (argc > 0 && (v[INNO_MILEAGE_EMPLOYEE] != NULL ||
	    v[INNO_MILEAGE_DEPT] != NULL || v[INNO_MILEAGE_IDEA] != NULL))
		cli_usage_error(&c,
		    _("--employee-id, --dept and --idea-id award "
		    "one entry; the rows of a file name their own"));
	cli_setup(&c);
	if (reverse != NULL) {
		if ((err = inno_mileage_award_new(&award, c.cfg,
		    NULL)) != NULL)
			cli_fail(&c, err);
		rw.values[INNO_MREV_ENTRY] = reverse;
		rw.values[INNO_MREV_DATE] = v[INNO_MILEAGE_DATE];
		rw.values[INNO_MREV_REASON] = v[INNO_MILEAGE_REASON];
		rw.arg = award;
		rc = cli_write(&c, &rw, argc, argv);
	} else if (v[INNO_MILEAGE_EMPLOYEE] != NULL ||
	    v[INNO_MILEAGE_DEPT] != NULL) {
		if ((err = inno_mileage_award_new(&award, c.cfg,
		    NULL)) != NULL)
			cli_fail(&c, err);
		w.arg = award;
		w.mode = CLI_WRITE_ONE;
		rc = cli_write(&c, &w, argc, argv);
	} else {
		/* With a file, the options give the rows' defaults. */
		defs.date = v[INNO_MILEAGE_DATE];
		defs.category = v[INNO_MILEAGE_CATEGORY];
		defs.points = v[INNO_MILEAGE_POINTS];
		defs.reason = v[INNO_MILEAGE_REASON];
		defs.ref = v[INNO_MILEAGE_REF];
		if ((err = inno_mileage_award_new(&award, c.cfg,
		    &defs)) != NULL)
			cli_fail(&c, err);
		w.arg = award;
		w.mode = CLI_WRITE_MANY;
		/* inno_mileage_award_row checks each row's employee and dept. */
		w.refs_checked = 1;
		rc = cli_write(&c, &w, argc, argv);
	}
	inno_mileage_award_free(award);
	return rc;
}
