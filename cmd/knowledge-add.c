/*
 * knowledge-add: registers knowledge items (work knowledge, living
 * knowledge, work manuals), or loads the monthly view counts the knowledge
 * system reports, from options or many from CSV.
 */
#include "record-cli.h"
#include "knowledge.h"

static const char synopsis[] =
    "knowledge-add [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [--kind kind] [--title text] [--author id]\n"
    "[--dept name] [--registered date] [file]\n"
    "knowledge-add --views [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [file]\n";
static const char help_text[] =
    "Register knowledge items from options, or many from a CSV file or\n"
    "standard input; with --views, load monthly view counts\n"
    "(knowledge,month,views).\n"
    "\n"
    "      --kind KIND          work, living or manual\n"
    "      --title TEXT         the item's title\n"
    "      --author ID          the author's employee id\n"
    "      --dept NAME          the department (default: the author's)\n"
    "      --registered DATE    the day it was registered\n"
    "      --views              load view counts instead\n";

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, REC_OPT + INNO_KN_KIND},
		{"title", required_argument, NULL, REC_OPT + INNO_KN_TITLE},
		{"author", required_argument, NULL, REC_OPT + INNO_KN_AUTHOR},
		{"dept", required_argument, NULL, REC_OPT + INNO_KN_DEPT},
		{"registered", required_argument, NULL,
		    REC_OPT + INNO_KN_REGISTERED},
		{"views", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *values[INNO_KN_NCOLS] = {NULL};
	struct inno_record_arg arg = {0};
	struct cli c;
	int ch, given = 0;

	cli_init(&c, "knowledge-add", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		if (ch == 'V')
			arg.views = 1;
		else
			rec_option(&c, ch, values, INNO_KN_NCOLS, &given);
	}
	argc -= optind;
	argv += optind;
	if (arg.views) {
		if (given)
			cli_usage(&c);
		return rec_write(&c, argc, argv, 0, inno_kview_cols,
		    INNO_KV_NCOLS, NULL, inno_knowledge_row, &arg,
		    "knowledge_view", "view counts");
	}
	return rec_write(&c, argc, argv, given, inno_knowledge_cols,
	    INNO_KN_NCOLS, values, inno_knowledge_row, &arg, "knowledge",
	    "items");
}
