/*
 * budget-spend: records money spent against a budget line, from options or
 * many from CSV.
 */
#include "cli.h"
#include "budget.h"
#include "i18n.h"

static const char synopsis[] =
    "budget-spend [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--year year] [--programme name]\n"
    "[--date date] [--amount won] [--purpose text] [file]\n";
static const char *const help_text = N_(
    "Record money spent against a programme's budget line, from options or\n"
    "many from a CSV file or standard input.\n"
    "\n"
    "      --year YEAR           the budget year (default: the date's)\n"
    "      --programme NAME      the programme\n"
    "      --date DATE           the day\n"
    "      --amount WON          the money, in won\n"
    "      --purpose TEXT        what it paid for\n");

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"year", required_argument, NULL, CLI_COL + INNO_SPEND_YEAR},
		{"programme", required_argument, NULL,
		    CLI_COL + INNO_SPEND_PROGRAMME},
		{"date", required_argument, NULL, CLI_COL + INNO_SPEND_DATE},
		{"amount", required_argument, NULL,
		    CLI_COL + INNO_SPEND_AMOUNT},
		{"purpose", required_argument, NULL,
		    CLI_COL + INNO_SPEND_PURPOSE},
		{NULL, 0, NULL, 0},
	};
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_spend_cols, .ncols = INNO_SPEND_NCOLS,
		.fn = inno_spend_row, .arg = &arg, .id = &arg.last_id,
		.table = "budget_spend", .what = N_("payments"),
	};
	struct cli c;

	cli_init(&c, "budget-spend", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	cli_writer(&c, &w);
	/* Every option is a column's or a common one: cli_getopt takes them. */
	while (cli_getopt(&c, argc, argv, "", longopts) != -1)
		continue;
	argc -= optind;
	argv += optind;
	return cli_write(&c, &w, argc, argv);
}
