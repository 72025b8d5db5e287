/*
 * idea-review: records a review meeting's decision on an idea, or the
 * implementation of an adopted one, from options or many from CSV.
 */
#include "cli.h"
#include "idea.h"
#include "i18n.h"

static const char synopsis[] =
    "idea-review [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--idea n] [--date date]\n"
    "[--meeting name] [--decision word] [--dept name]\n"
    "[--implementation word] [--reason text] [file]\n";
static const char *const help_text = N_(
    "Record a decision on an idea (adopted, rejected or pending) or the\n"
    "implementation of an adopted idea, from options or from CSV.\n"
    "\n"
    "      --idea N              the idea's id\n"
    "      --date DATE           the day of the decision\n"
    "      --meeting NAME        the review meeting\n"
    "      --decision WORD       adopted, rejected or pending\n"
    "      --dept NAME           the department assigned to an adopted idea\n"
    "      --implementation WORD  planned, in_progress, done or dropped\n"
    "      --reason TEXT         why\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"decision", "adopted rejected pending", NULL},
		{"implementation", "planned in_progress done dropped", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"idea", required_argument, NULL, CLI_COL + INNO_REVIEW_IDEA},
		{"date", required_argument, NULL, CLI_COL + INNO_REVIEW_DATE},
		{"meeting", required_argument, NULL,
		    CLI_COL + INNO_REVIEW_MEETING},
		{"decision", required_argument, NULL,
		    CLI_COL + INNO_REVIEW_DECISION},
		{"dept", required_argument, NULL, CLI_COL + INNO_REVIEW_DEPT},
		{"implementation", required_argument, NULL,
		    CLI_COL + INNO_REVIEW_IMPLEMENTATION},
		{"reason", required_argument, NULL,
		    CLI_COL + INNO_REVIEW_REASON},
		{NULL, 0, NULL, 0},
	};
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_review_cols, .ncols = INNO_REVIEW_NCOLS,
		.fn = inno_review_row, .arg = &arg, .id = &arg.last_id,
		.table = "idea_review", .what = N_("reviews"),
	};
	struct cli c;

	cli_init(&c, "idea-review", synopsis, help_text,
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
