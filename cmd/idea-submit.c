/*
 * idea-submit: records an idea from a member of staff or a citizen, from
 * options or many from CSV.
 */
#include "record-cli.h"
#include "idea.h"

static const char synopsis[] =
    "idea-submit [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--submitted date] [--title text]\n"
    "[--source source] [--employee-id id] [--proposer name] [--dept name]\n"
    "[--content text] [file]\n";
static const char help_text[] =
    "Record an idea from staff or a citizen from options, or many from a CSV\n"
    "file or standard input.\n"
    "\n"
    "      --submitted DATE      the day it was received\n"
    "      --title TEXT          the idea\n"
    "      --source SOURCE       staff or citizen\n"
    "      --employee-id ID      the employee who proposed it\n"
    "      --proposer NAME       the citizen who proposed it\n"
    "      --dept NAME           the proposer's department\n"
    "      --content TEXT        the proposal in full\n"
;

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"submitted", required_argument, NULL,
		    REC_OPT + INNO_IDEA_SUBMITTED},
		{"title", required_argument, NULL, REC_OPT + INNO_IDEA_TITLE},
		{"source", required_argument, NULL,
		    REC_OPT + INNO_IDEA_SOURCE},
		{"employee-id", required_argument, NULL,
		    REC_OPT + INNO_IDEA_EMPLOYEE},
		/* The older spelling, still accepted. */
		{"employee", required_argument, NULL,
		    REC_OPT + INNO_IDEA_EMPLOYEE},
		{"proposer", required_argument, NULL,
		    REC_OPT + INNO_IDEA_PROPOSER},
		{"dept", required_argument, NULL, REC_OPT + INNO_IDEA_DEPT},
		{"content", required_argument, NULL,
		    REC_OPT + INNO_IDEA_CONTENT},
		{NULL, 0, NULL, 0},
	};
	const char *values[INNO_IDEA_NCOLS] = {NULL};
	struct inno_record_arg arg = {0};
	struct cli c;
	int ch, given = 0;

	cli_init(&c, "idea-submit", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1)
		rec_option(&c, ch, values, INNO_IDEA_NCOLS, &given);
	argc -= optind;
	argv += optind;
	return rec_write(&c, argc, argv, given, inno_idea_cols,
	    INNO_IDEA_NCOLS, values, inno_idea_row, &arg, "idea",
	    "ideas");
}
