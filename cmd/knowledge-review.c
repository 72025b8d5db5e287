/*
 * knowledge-review: records an expert's evaluation of a knowledge item, from
 * options or many from CSV.
 */
#include "cli.h"
#include "knowledge.h"
#include "i18n.h"

static const char synopsis[] =
    "knowledge-review [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--knowledge n] [--date date]\n"
    "[--evaluator id] [--verdict word] [--reason text] [file]\n";
static const char *const help_text = N_(
    "Record an expert evaluation (approved or rejected) of a knowledge item,\n"
    "from options or many from a CSV file or standard input.\n"
    "\n"
    "      --knowledge N         the item's id\n"
    "      --date DATE           the day of the evaluation\n"
    "      --evaluator ID        the expert's employee id\n"
    "      --verdict WORD        approved or rejected\n"
    "      --reason TEXT         why (required to reject)\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"verdict", "approved rejected", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"knowledge", required_argument, NULL, CLI_COL + INNO_KE_ID},
		{"date", required_argument, NULL, CLI_COL + INNO_KE_DATE},
		{"evaluator", required_argument, NULL,
		    CLI_COL + INNO_KE_EVALUATOR},
		{"verdict", required_argument, NULL,
		    CLI_COL + INNO_KE_VERDICT},
		{"reason", required_argument, NULL, CLI_COL + INNO_KE_REASON},
		{NULL, 0, NULL, 0},
	};
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_keval_cols, .ncols = INNO_KE_NCOLS,
		.fn = inno_keval_row, .arg = &arg, .id = &arg.last_id,
		.table = "knowledge_eval", .what = N_("evaluations"),
	};
	struct cli c;

	cli_init(&c, "knowledge-review", synopsis, help_text,
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
