/*
 * award-fund: records a project an award's incentive money funds, from
 * options or many from CSV.
 */
#include "record-cli.h"
#include "award.h"

static const char synopsis[] =
    "award-fund [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--award n] [--project text]\n"
    "[--dept name] [--amount won] [file]\n";
static const char help_text[] =
    "Record a project funded by an award's incentive, from options or many\n"
    "from a CSV file or standard input.\n"
    "\n"
    "      --award N             the award's id\n"
    "      --project TEXT        the project\n"
    "      --dept NAME           the department running it\n"
    "      --amount WON          the money, in won\n"
;

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"award", required_argument, NULL, REC_OPT + INNO_FUND_AWARD},
		{"project", required_argument, NULL,
		    REC_OPT + INNO_FUND_PROJECT},
		{"dept", required_argument, NULL, REC_OPT + INNO_FUND_DEPT},
		{"amount", required_argument, NULL,
		    REC_OPT + INNO_FUND_AMOUNT},
		{NULL, 0, NULL, 0},
	};
	const char *values[INNO_FUND_NCOLS] = {NULL};
	struct inno_record_arg arg = {0};
	struct cli c;
	int ch, given = 0;

	cli_init(&c, "award-fund", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1)
		rec_option(&c, ch, values, INNO_FUND_NCOLS, &given);
	argc -= optind;
	argv += optind;
	return rec_write(&c, argc, argv, given, inno_fund_cols,
	    INNO_FUND_NCOLS, values, inno_fund_row, &arg, "award_fund",
	    "projects");
}
