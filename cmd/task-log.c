/*
 * task-log: records dated progress on tasks, one entry from options or
 * many from CSV, and lists a task's history: its progress entries and
 * every recorded change, with who made it and when.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "task.h"
#include "i18n.h"

static const char synopsis[] =
    "task-log [-nq] [-d db] [-c config] --task id --note text [--date date]\n"
    "[--percent n] [--meeting name]\n"
    "task-log [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "task-log --history [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] id\n";
static const char *const help_text = N_(
    "Record a progress entry and print its id, load many from a CSV file\n"
    "(task,date,note,percent,meeting) or standard input, or list the\n"
    "history of a task.\n"
    "\n"
    "      --task ID        the task\n"
    "      --note TEXT      what was done\n"
    "      --date DATE      the entry's date (default today)\n"
    "      --percent N      how complete the task is, 0 to 100\n"
    "      --meeting NAME   the report meeting it was reported at\n"
    "      --history        list the history of task id, written as the\n"
    "                       output options below say\n");

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"task", required_argument, NULL, CLI_COL + INNO_TLOG_TASK},
		{"date", required_argument, NULL, CLI_COL + INNO_TLOG_DATE},
		{"note", required_argument, NULL, CLI_COL + INNO_TLOG_NOTE},
		{"percent", required_argument, NULL,
		    CLI_COL + INNO_TLOG_PERCENT},
		{"meeting", required_argument, NULL,
		    CLI_COL + INNO_TLOG_MEETING},
		{"history", no_argument, NULL, 'H'},
		{NULL, 0, NULL, 0},
	};
	int64_t last = 0, id;
	struct cli_writer w = {
		.cols = inno_task_log_cols, .ncols = INNO_TLOG_NCOLS,
		.fn = inno_task_log_row, .arg = &last, .id = &last,
		.table = "task_log", .what = N_("entries"),
	};
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *why;
	struct cli c;
	int history = 0;

	cli_init(&c, "task-log", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH | CLI_LIST);
	cli_writer(&c, &w);
	while (cli_getopt(&c, argc, argv, "", longopts) != -1)
		history = 1;	/* --history, the one option not a column's */
	argc -= optind;
	argv += optind;
	if (history) {
		if (w.given > 0 || c.dry_run || c.reject_arg != NULL ||
		    c.batch_id_arg != NULL)
			cli_usage_error(&c,
			    _("--history lists a task; it takes "
			    "no entry or batch options"));
		cli_operands(&c, argc, argv, 1, 1, N_("a task id"));
		if ((why = inno_parse_int(argv[0], strlen(argv[0]), 1,
		    INT64_MAX, &id)) != NULL)
			cli_usage_error(&c,
			    _("%s: %s (a task id)"), argv[0], _(why));
		cli_setup(&c);
		cli_open_db(&c, INNO_DB_READ);
		if ((err = inno_task_history(c.db, id, &st)) != NULL)
			cli_fail(&c, err);
		cli_list(&c, st);
		return cli_finish(&c);
	}
	if (c.output_arg != NULL || c.format_arg != NULL)
		cli_usage_error(&c, _("%s is for --history"),
		    c.output_arg != NULL ? "-o" : "--format");
	return cli_write(&c, &w, argc, argv);
}
