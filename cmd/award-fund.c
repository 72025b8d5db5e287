/*
 * award-fund: records a project an award's incentive money funds, from
 * options or many from CSV.
 */
#include "cli.h"
#include "award.h"
#include "i18n.h"

static const char synopsis[] =
    "award-fund [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--award n] [--project text]\n"
    "[--dept name] [--amount won] [--major 0|1] [file]\n";
static const char *const help_text = N_(
    "Record a project funded by an award's incentive, from options or many\n"
    "from a CSV file or standard input.\n"
    "\n"
    "      --award N             the award's id\n"
    "      --project TEXT        the project\n"
    "      --dept NAME           the department running it\n"
    "      --amount WON          the money, in won\n"
    "      --major 0|1           1: one of the office's major projects\n");

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"award", required_argument, NULL, CLI_COL + INNO_FUND_AWARD},
		{"project", required_argument, NULL,
		    CLI_COL + INNO_FUND_PROJECT},
		{"dept", required_argument, NULL, CLI_COL + INNO_FUND_DEPT},
		{"amount", required_argument, NULL,
		    CLI_COL + INNO_FUND_AMOUNT},
		{"major", required_argument, NULL, CLI_COL + INNO_FUND_MAJOR},
		{NULL, 0, NULL, 0},
	};
	static const struct cli_values values[] = {
		{"major", "0 1", NULL},
		{NULL, NULL, NULL},
	};
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_fund_cols, .ncols = INNO_FUND_NCOLS,
		.fn = inno_fund_row, .arg = &arg, .id = &arg.last_id,
		.table = "award_fund", .what = N_("projects"),
	};
	struct cli c;

	cli_init(&c, "award-fund", synopsis, help_text,
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
