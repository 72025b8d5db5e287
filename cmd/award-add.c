/*
 * award-add: records an award the office received, with its incentive
 * money, from options or many from CSV.
 */
#include "cli.h"
#include "award.h"
#include "i18n.h"

static const char synopsis[] =
    "award-add [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--date date] [--name text]\n"
    "[--grantor name] [--incentive won] [--kind kind]\n"
    "[--programme name] [--entrants n] [file]\n";
static const char *const help_text = N_(
    "Record an award received, with its incentive money in won, from options\n"
    "or many from a CSV file or standard input.\n"
    "\n"
    "      --date DATE           the day it was given\n"
    "      --name TEXT           the award\n"
    "      --grantor NAME        who gave it\n"
    "      --incentive WON       the incentive money, in won\n"
    "      --kind KIND           award, designation or evaluation\n"
    "      --programme NAME      the programme whose section shows it too\n"
    "      --entrants N          the institutions it was contested among\n");

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"date", required_argument, NULL, CLI_COL + INNO_AWARD_DATE},
		{"name", required_argument, NULL, CLI_COL + INNO_AWARD_NAME},
		{"grantor", required_argument, NULL,
		    CLI_COL + INNO_AWARD_GRANTOR},
		{"incentive", required_argument, NULL,
		    CLI_COL + INNO_AWARD_INCENTIVE},
		{"kind", required_argument, NULL, CLI_COL + INNO_AWARD_KIND},
		{"programme", required_argument, NULL,
		    CLI_COL + INNO_AWARD_PROGRAMME},
		{"entrants", required_argument, NULL,
		    CLI_COL + INNO_AWARD_ENTRANTS},
		{NULL, 0, NULL, 0},
	};
	static const struct cli_values values[] = {
		{"kind", "award designation evaluation", NULL},
		{NULL, NULL, NULL},
	};
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_award_cols, .ncols = INNO_AWARD_NCOLS,
		.fn = inno_award_row, .arg = &arg, .id = &arg.last_id,
		.table = "award", .what = N_("awards"),
	};
	struct cli c;

	cli_init(&c, "award-add", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	cli_values(&c, values);
	cli_writer(&c, &w);
	/* Every option is a column's or a common one: cli_getopt takes them. */
	while (cli_getopt(&c, argc, argv, "", longopts) != -1)
		continue;
	argc -= optind;
	argv += optind;
	return cli_write(&c, &w, argc, argv);
}
