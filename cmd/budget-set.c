/*
 * budget-set: sets a programme's budget line for a year, inserting it or
 * updating it by year and programme, from options or many from CSV.
 */
#include "cli.h"
#include "budget.h"
#include "i18n.h"

static const char synopsis[] =
    "budget-set [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--year year] [--programme name]\n"
    "[--amount won] [--first date] [--last date] [--content text]\n"
    "[--dept name] [file]\n";
static const char *const help_text = N_(
    "Set a programme's budget line for a year (amount in won, period,\n"
    "content), from options or many from a CSV file or standard input.\n"
    "\n"
    "      --year YEAR           the budget year\n"
    "      --programme NAME      the programme\n"
    "      --amount WON          the budget, in won\n"
    "      --first DATE          the programme's first day\n"
    "      --last DATE           its last day\n"
    "      --content TEXT        what it does\n"
    "      --dept NAME           the department responsible\n");

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"year", required_argument, NULL, CLI_COL + INNO_BUDGET_YEAR},
		{"programme", required_argument, NULL,
		    CLI_COL + INNO_BUDGET_PROGRAMME},
		{"amount", required_argument, NULL,
		    CLI_COL + INNO_BUDGET_AMOUNT},
		{"first", required_argument, NULL,
		    CLI_COL + INNO_BUDGET_FIRST},
		{"last", required_argument, NULL, CLI_COL + INNO_BUDGET_LAST},
		{"content", required_argument, NULL,
		    CLI_COL + INNO_BUDGET_CONTENT},
		{"dept", required_argument, NULL, CLI_COL + INNO_BUDGET_DEPT},
		{NULL, 0, NULL, 0},
	};
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_budget_cols, .ncols = INNO_BUDGET_NCOLS,
		.fn = inno_budget_row, .arg = &arg, .id = &arg.last_id,
		.table = "budget", .what = N_("budget lines"),
	};
	struct cli c;

	cli_init(&c, "budget-set", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	cli_writer(&c, &w);
	/* Every option is a column's or a common one: cli_getopt takes them. */
	while (cli_getopt(&c, argc, argv, "", longopts) != -1)
		continue;
	argc -= optind;
	argv += optind;
	return cli_write(&c, &w, argc, argv);
}
