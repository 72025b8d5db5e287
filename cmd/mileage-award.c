/*
 * mileage-award: appends mileage to the ledger, one award from options or a
 * batch from CSV, or reverses an entry.  Points, ranges and caps come from
 * inno.ini; the ledger itself is append-only.
 */
#include <stdlib.h>

#include "cli.h"
#include "mileage.h"

static const char synopsis[] =
    "mileage-award [-nq] [-d db] [-c config] [--employee-id id | --dept name]\n"
    "[--date date] [--category name] [--points n] [--reason text]\n"
    "[--ref text] [--idea-id id] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "mileage-award [-nq] [-d db] [-c config] --reverse entry [--date date]\n"
    "[--reason text]\n";
static const char help_text[] =
    "Award mileage to an employee or a department, or load many awards\n"
    "from CSV (employee_id or dept, date, category, points, reason, ref).\n"
    "With a file, the options below give values for rows that lack them.\n"
    "\n"
    "      --employee-id ID the employee to award\n"
    "      --dept NAME      the department to award\n"
    "      --date DATE      the date of the event (default today)\n"
    "      --category NAME  the category, as configured in inno.ini\n"
    "      --points N       the points (default: the category's)\n"
    "      --reason TEXT    why\n"
    "      --ref TEXT       what caused it, in the source system\n"
    "      --idea-id ID     the idea that earned it (earned once)\n"
    "      --reverse ENTRY  write the reversal of ledger entry ENTRY\n";

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"employee-id", required_argument, NULL, 'E'},
		{"dept", required_argument, NULL, 'D'},
		{"date", required_argument, NULL, 'T'},
		{"category", required_argument, NULL, 'C'},
		{"points", required_argument, NULL, 'P'},
		{"reason", required_argument, NULL, 'R'},
		{"ref", required_argument, NULL, 'F'},
		{"idea-id", required_argument, NULL, 'I'},
		{"reverse", required_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *values[INNO_MILEAGE_NCOLS] = {0};
	const char *rev[INNO_MREV_NCOLS] = {0};
	struct inno_mileage_defaults defs = {0};
	struct inno_mileage_award *award;
	struct inno_batch_opts opts;
	struct inno_batch_result res;
	const struct inno_error *err;
	const char *name;
	struct cli c;
	FILE *in;
	int ch;

	cli_init(&c, "mileage-award", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'E':
			values[INNO_MILEAGE_EMPLOYEE] = optarg;
			break;
		case 'D':
			values[INNO_MILEAGE_DEPT] = optarg;
			break;
		case 'T':
			values[INNO_MILEAGE_DATE] = optarg;
			break;
		case 'C':
			values[INNO_MILEAGE_CATEGORY] = optarg;
			break;
		case 'P':
			values[INNO_MILEAGE_POINTS] = optarg;
			break;
		case 'R':
			values[INNO_MILEAGE_REASON] = optarg;
			break;
		case 'F':
			values[INNO_MILEAGE_REF] = optarg;
			break;
		case 'I':
			values[INNO_MILEAGE_IDEA] = optarg;
			break;
		case 'V':
			rev[INNO_MREV_ENTRY] = optarg;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		cli_usage(&c);
	/* A reversal takes only a date and a reason. */
	if (rev[INNO_MREV_ENTRY] != NULL && (argc > 0 ||
	    values[INNO_MILEAGE_EMPLOYEE] != NULL ||
	    values[INNO_MILEAGE_DEPT] != NULL ||
	    values[INNO_MILEAGE_CATEGORY] != NULL ||
	    values[INNO_MILEAGE_POINTS] != NULL ||
	    values[INNO_MILEAGE_REF] != NULL ||
	    values[INNO_MILEAGE_IDEA] != NULL)) {
		cli_warn(&c, "--reverse takes only --date and --reason");
		cli_usage(&c);
	}
	/* A file's rows name their own recipients. */
	if (argc > 0 && (values[INNO_MILEAGE_EMPLOYEE] != NULL ||
	    values[INNO_MILEAGE_DEPT] != NULL ||
	    values[INNO_MILEAGE_IDEA] != NULL)) {
		cli_warn(&c, "--employee-id, --dept and --idea-id award one "
		    "entry; the rows of a file name their own");
		cli_usage(&c);
	}
	cli_setup(&c);
	if (argc > 0 || (rev[INNO_MREV_ENTRY] == NULL &&
	    values[INNO_MILEAGE_EMPLOYEE] == NULL &&
	    values[INNO_MILEAGE_DEPT] == NULL)) {
		defs.date = values[INNO_MILEAGE_DATE];
		defs.category = values[INNO_MILEAGE_CATEGORY];
		defs.points = values[INNO_MILEAGE_POINTS];
		defs.reason = values[INNO_MILEAGE_REASON];
		defs.ref = values[INNO_MILEAGE_REF];
		if ((err = inno_mileage_award_new(&award, c.cfg,
		    &defs)) != NULL)
			cli_fail(&c, err);
		in = cli_input(&c, argc > 0 ? argv[0] : NULL, &name);
		cli_open_db(&c, INNO_DB_WRITE);
		cli_batch_opts(&c, &opts, "mileage");
		opts.identity = inno_mileage_award_identity(award);
		inno_batch_result_init(&res);
		err = inno_batch_csv(c.db, in, name, inno_mileage_cols,
		    INNO_MILEAGE_NCOLS, inno_mileage_award_row, award, &opts,
		    &res);
		if (err != NULL)
			cli_fail_batch(&c, err, &res);
		if (res.already) {
			/* Notes on rows that were not applied would mislead. */
			inno_diag_release(&res.diag);
		}
		cli_batch_report(&c, &res, "entries");
		if (in != stdin)
			fclose(in);
	} else {
		if ((err = inno_mileage_award_new(&award, c.cfg,
		    NULL)) != NULL)
			cli_fail(&c, err);
		rev[INNO_MREV_DATE] = values[INNO_MILEAGE_DATE];
		rev[INNO_MREV_REASON] = values[INNO_MILEAGE_REASON];
		cli_open_db(&c, INNO_DB_WRITE);
		cli_batch_opts(&c, &opts, "mileage");
		inno_batch_result_init(&res);
		if (rev[INNO_MREV_ENTRY] != NULL)
			err = inno_batch_one(c.db, inno_mileage_rev_cols,
			    INNO_MREV_NCOLS, rev, inno_mileage_reverse_row,
			    award, &opts, &res);
		else
			err = inno_batch_one(c.db, inno_mileage_cols,
			    INNO_MILEAGE_NCOLS, values, inno_mileage_award_row,
			    award, &opts, &res);
		if (err != NULL)
			cli_fail_batch(&c, err, &res);
		cli_batch_report(&c, &res, "entries");
		if (!c.dry_run && inno_mileage_award_last(award) != 0)
			fprintf(cli_output(&c), "%lld\n",
			    (long long)inno_mileage_award_last(award));
	}
	inno_mileage_award_free(award);
	inno_batch_result_release(&res);
	return cli_finish(&c);
}
