/*
 * staff-show: one employee's dossier over a period: task forces and
 * roles, mileage by month and category with the MVPs won, clubs, courses
 * completed, ideas and their fate, knowledge items and their evaluations,
 * benchmarking visits and presentations.  As rows in the listing formats,
 * or as text in the office's report style.
 */
#include <string.h>

#include "cli.h"
#include "dossier.h"
#include "i18n.h"

static const char synopsis[] =
    "staff-show [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--period period | --from date --to date]\n"
    "employee_id\n";
static const char *const help_text = N_(
    "Show everything one employee did in a period.\n"
    "\n"
    "      --period P       only records in P: 2007, 2007-H1, 2007-Q2,\n"
    "                       2007-05, 2007-05-14 or A..B\n"
    "      --from D         only records from D (a date, month or year)\n"
    "      --to D           only records up to D (a date, month or year)\n"
    "      --format FMT     text (the report style), table, csv, tsv or\n"
    "                       json\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"format", "text table csv tsv json", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"period", required_argument, NULL, 'P'},
		{"from", required_argument, NULL, 'F'},
		{"to", required_argument, NULL, 'T'},
		{NULL, 0, NULL, 0},
	};
	struct inno_period period, p;
	struct inno_dossier d;
	const struct inno_error *err;
	struct inno_out *out;
	struct cli c;
	int ch, text = 0, have = 0, range = 0;

	memset(&period, 0, sizeof period);
	cli_init(&c, "staff-show", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'P':
			cli_period(&c, "period", optarg, &period);
			have = 1;
			break;
		case 'F':
			cli_period(&c, "from", optarg, &p);
			memcpy(period.first, p.first, sizeof period.first);
			range = 1;
			break;
		case 'T':
			cli_period(&c, "to", optarg, &p);
			memcpy(period.last, p.last, sizeof period.last);
			range = 1;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	if (have && range)
		cli_usage_error(&c, _("--period and --from or --to exclude "
		    "each other"));
	cli_operands(&c, argc, argv, 1, 1, N_("an employee id"));
	if (c.format_arg != NULL && strcmp(c.format_arg, "text") == 0) {
		text = 1;
		c.format_arg = NULL;
	}
	cli_setup(&c);
	cli_open_db(&c, INNO_DB_READ);
	err = inno_dossier_build(c.db, argv[0], &period, &d);
	if (err == NULL) {
		if (text)
			err = inno_dossier_text(cli_output(&c), &d);
		else {
			out = cli_out(&c);
			err = inno_dossier_write(out, &d);
			inno_out_free(out);
		}
	}
	inno_dossier_release(&d);
	if (err != NULL)
		cli_fail(&c, err);
	return cli_finish(&c);
}
