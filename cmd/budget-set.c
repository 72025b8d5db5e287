/*
 * budget-set: sets a programme's budget line for a year, inserting it or
 * updating it by year and programme, from options or many from CSV.
 */
#include "record-cli.h"
#include "budget.h"

static const char synopsis[] =
    "budget-set [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--year year] [--programme name]\n"
    "[--amount won] [--first date] [--last date] [--content text]\n"
    "[--dept name] [file]\n";
static const char help_text[] =
    "Set a programme's budget line for a year (amount in won, period,\n"
    "content), from options or many from a CSV file or standard input.\n"
    "\n"
    "      --year YEAR           the budget year\n"
    "      --programme NAME      the programme\n"
    "      --amount WON          the budget, in won\n"
    "      --first DATE          the programme's first day\n"
    "      --last DATE           its last day\n"
    "      --content TEXT        what it does\n"
    "      --dept NAME           the department responsible\n"
;

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"year", required_argument, NULL, REC_OPT + INNO_BUDGET_YEAR},
		{"programme", required_argument, NULL,
		    REC_OPT + INNO_BUDGET_PROGRAMME},
		{"amount", required_argument, NULL,
		    REC_OPT + INNO_BUDGET_AMOUNT},
		{"first", required_argument, NULL,
		    REC_OPT + INNO_BUDGET_FIRST},
		{"last", required_argument, NULL, REC_OPT + INNO_BUDGET_LAST},
		{"content", required_argument, NULL,
		    REC_OPT + INNO_BUDGET_CONTENT},
		{"dept", required_argument, NULL, REC_OPT + INNO_BUDGET_DEPT},
		{NULL, 0, NULL, 0},
	};
	const char *values[INNO_BUDGET_NCOLS] = {NULL};
	struct inno_record_arg arg = {0};
	struct cli c;
	int ch, given = 0;

	cli_init(&c, "budget-set", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1)
		rec_option(&c, ch, values, INNO_BUDGET_NCOLS, &given);
	argc -= optind;
	argv += optind;
	return rec_write(&c, argc, argv, given, inno_budget_cols,
	    INNO_BUDGET_NCOLS, values, inno_budget_row, &arg, "budget",
	    "budget lines");
}
