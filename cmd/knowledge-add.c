/*
 * knowledge-add: registers knowledge items (work knowledge, living
 * knowledge, work manuals), or loads the monthly view counts the knowledge
 * system reports, from options or many from CSV.
 */
#include "cli.h"
#include "knowledge.h"
#include "i18n.h"

static const char synopsis[] =
    "knowledge-add [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [--kind kind] [--title text] [--author id]\n"
    "[--dept name] [--registered date] [file]\n"
    "knowledge-add --views [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [file]\n";
static const char *const help_text = N_(
    "Register knowledge items from options, or many from a CSV file or\n"
    "standard input; with --views, load monthly view counts\n"
    "(knowledge,month,views).\n"
    "\n"
    "      --kind KIND          work, living or manual\n"
    "      --title TEXT         the item's title\n"
    "      --author ID          the author's employee id\n"
    "      --dept NAME          the department (default: the author's)\n"
    "      --registered DATE    the day it was registered\n"
    "      --views              load view counts instead\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", "work living manual", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, CLI_COL + INNO_KN_KIND},
		{"title", required_argument, NULL, CLI_COL + INNO_KN_TITLE},
		{"author", required_argument, NULL, CLI_COL + INNO_KN_AUTHOR},
		{"dept", required_argument, NULL, CLI_COL + INNO_KN_DEPT},
		{"registered", required_argument, NULL,
		    CLI_COL + INNO_KN_REGISTERED},
		{"views", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_knowledge_cols, .ncols = INNO_KN_NCOLS,
		.fn = inno_knowledge_row, .arg = &arg, .id = &arg.last_id,
		.table = "knowledge", .what = N_("items"),
	};
	struct cli c;

	cli_init(&c, "knowledge-add", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	cli_values(&c, values);
	cli_writer(&c, &w);
	while (cli_getopt(&c, argc, argv, "", longopts) != -1)
		arg.views = 1;	/* --views, the one option not a column's */
	argc -= optind;
	argv += optind;
	if (arg.views) {
		if (w.given > 0)
			cli_usage_error(&c, _("--views loads view counts from "
			    "a file; it takes no item options"));
		w.cols = inno_kview_cols;
		w.ncols = INNO_KV_NCOLS;
		w.table = "knowledge_view";
		w.what = N_("view counts");
		w.mode = CLI_WRITE_MANY;
		cli_identity(&c, "views", "1");
	}
	return cli_write(&c, &w, argc, argv);
}
