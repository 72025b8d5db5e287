/*
 * idea-submit: records an idea from a member of staff or a citizen, from
 * options or many from CSV.
 */
#include "cli.h"
#include "idea.h"
#include "i18n.h"

static const char synopsis[] =
    "idea-submit [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--submitted date] [--title text]\n"
    "[--source source] [--employee-id id] [--proposer name] [--dept name]\n"
    "[--content text] [file]\n";
static const char *const help_text = N_(
    "Record an idea from staff or a citizen from options, or many from a CSV\n"
    "file or standard input.\n"
    "\n"
    "      --submitted DATE      the day it was received\n"
    "      --title TEXT          the idea\n"
    "      --source SOURCE       staff or citizen\n"
    "      --employee-id ID      the employee who proposed it\n"
    "      --proposer NAME       the citizen who proposed it\n"
    "      --dept NAME           the proposer's department\n"
    "      --content TEXT        the proposal in full\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"source", "staff citizen", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"submitted", required_argument, NULL,
		    CLI_COL + INNO_IDEA_SUBMITTED},
		{"title", required_argument, NULL, CLI_COL + INNO_IDEA_TITLE},
		{"source", required_argument, NULL,
		    CLI_COL + INNO_IDEA_SOURCE},
		{"employee-id", required_argument, NULL,
		    CLI_COL + INNO_IDEA_EMPLOYEE},
		/* The older spelling, still accepted. */
		{"employee", required_argument, NULL,
		    CLI_COL + INNO_IDEA_EMPLOYEE},
		{"proposer", required_argument, NULL,
		    CLI_COL + INNO_IDEA_PROPOSER},
		{"dept", required_argument, NULL, CLI_COL + INNO_IDEA_DEPT},
		{"content", required_argument, NULL,
		    CLI_COL + INNO_IDEA_CONTENT},
		{NULL, 0, NULL, 0},
	};
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_idea_cols, .ncols = INNO_IDEA_NCOLS,
		.fn = inno_idea_row, .arg = &arg, .id = &arg.last_id,
		.table = "idea", .what = N_("ideas"),
	};
	struct cli c;

	cli_init(&c, "idea-submit", synopsis, help_text,
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
