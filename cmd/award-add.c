/*
 * award-add: records an award the office received, with its incentive
 * money, from options or many from CSV.
 */
#include "record-cli.h"
#include "award.h"

static const char synopsis[] =
    "award-add [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--date date] [--name text]\n"
    "[--grantor name] [--incentive won] [file]\n";
static const char help_text[] =
    "Record an award received, with its incentive money in won, from options\n"
    "or many from a CSV file or standard input.\n"
    "\n"
    "      --date DATE           the day it was given\n"
    "      --name TEXT           the award\n"
    "      --grantor NAME        who gave it\n"
    "      --incentive WON       the incentive money, in won\n"
;

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"date", required_argument, NULL, REC_OPT + INNO_AWARD_DATE},
		{"name", required_argument, NULL, REC_OPT + INNO_AWARD_NAME},
		{"grantor", required_argument, NULL,
		    REC_OPT + INNO_AWARD_GRANTOR},
		{"incentive", required_argument, NULL,
		    REC_OPT + INNO_AWARD_INCENTIVE},
		{NULL, 0, NULL, 0},
	};
	const char *values[INNO_AWARD_NCOLS] = {NULL};
	struct inno_record_arg arg = {0};
	struct cli c;
	int ch, given = 0;

	cli_init(&c, "award-add", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1)
		rec_option(&c, ch, values, INNO_AWARD_NCOLS, &given);
	argc -= optind;
	argv += optind;
	return rec_write(&c, argc, argv, given, inno_award_cols,
	    INNO_AWARD_NCOLS, values, inno_award_row, &arg, "award",
	    "awards");
}
