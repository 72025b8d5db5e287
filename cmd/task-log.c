/*
 * task-log: records dated progress on tasks, one entry from options or
 * many from CSV, and lists a task's history: its progress entries and
 * every recorded change, with who made it and when.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "task.h"

static const char synopsis[] =
    "task-log [-nq] [-d db] [-c config] --task id --note text [--date date]\n"
    "[--percent n] [--meeting name]\n"
    "task-log [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "task-log --history [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] id\n";
static const char help_text[] =
    "Record a progress entry and print its id, load many from a CSV file\n"
    "(task,date,note,percent,meeting) or standard input, or list the\n"
    "history of a task.\n"
    "\n"
    "      --task ID        the task\n"
    "      --note TEXT      what was done\n"
    "      --date DATE      the entry's date (default today)\n"
    "      --percent N      how complete the task is, 0 to 100\n"
    "      --meeting NAME   the report meeting it was reported at\n"
    "      --history        list the history of task id\n"
    "  -o, --output FILE    write the history to FILE (- is stdout)\n"
    "      --format FMT     table, csv, tsv or json\n";

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"task", required_argument, NULL, 0x1000 + INNO_TLOG_TASK},
		{"date", required_argument, NULL, 0x1000 + INNO_TLOG_DATE},
		{"note", required_argument, NULL, 0x1000 + INNO_TLOG_NOTE},
		{"percent", required_argument, NULL, 0x1000 + INNO_TLOG_PERCENT},
		{"meeting", required_argument, NULL, 0x1000 + INNO_TLOG_MEETING},
		{"history", no_argument, NULL, 'H'},
		{NULL, 0, NULL, 0},
	};
	const char *values[INNO_TLOG_NCOLS] = {0};
	struct inno_batch_opts opts;
	struct inno_batch_result res;
	const struct inno_error *err;
	struct inno_stmt *st;
	struct inno_out *out;
	const char *name, *why;
	int64_t last = 0, id;
	struct cli c;
	FILE *in = NULL;
	int ch, given = 0, history = 0;

	cli_init(&c, "task-log", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH | CLI_LIST);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		if (ch == 'H')
			history = 1;
		else if (ch >= 0x1000 && ch < 0x1000 + INNO_TLOG_NCOLS) {
			values[ch - 0x1000] = optarg;
			given = 1;
		} else
			cli_usage(&c);
	}
	argc -= optind;
	argv += optind;
	if (history) {
		if (given || argc != 1 || c.dry_run || c.reject_arg != NULL ||
		    c.batch_id_arg != NULL)
			cli_usage(&c);
		if ((why = inno_parse_int(argv[0], strlen(argv[0]), 1,
		    INT64_MAX, &id)) != NULL) {
			cli_warn(&c, "%s: %s (a task id)", argv[0], why);
			return INNO_EUSAGE;
		}
		cli_setup(&c);
		cli_open_db(&c, INNO_DB_READ);
		if ((err = inno_task_history(c.db, id, &st)) != NULL)
			cli_fail(&c, err);
		out = cli_out(&c);
		if ((err = inno_out_stmt(out, st)) != NULL ||
		    (err = inno_out_finish(out)) != NULL)
			cli_fail(&c, err);
		inno_out_free(out);
		return cli_finish(&c);
	}
	if (argc > 1 || (given && argc > 0) || c.output_arg != NULL ||
	    c.format_arg != NULL)
		cli_usage(&c);
	cli_setup(&c);
	if (!given)
		in = cli_input(&c, argc > 0 ? argv[0] : NULL, &name);
	cli_open_db(&c, INNO_DB_WRITE);
	cli_batch_opts(&c, &opts, "task_log");
	inno_batch_result_init(&res);
	if (given)
		err = inno_batch_one(c.db, inno_task_log_cols, INNO_TLOG_NCOLS,
		    values, inno_task_log_row, &last, &opts, &res);
	else
		err = inno_batch_csv(c.db, in, name, inno_task_log_cols,
		    INNO_TLOG_NCOLS, inno_task_log_row, &last, &opts, &res);
	if (err != NULL)
		cli_fail_batch(&c, err, &res);
	if (given) {
		if (!c.dry_run)
			fprintf(cli_output(&c), "%lld\n", (long long)last);
	} else
		cli_batch_report(&c, &res, "entries");
	inno_batch_result_release(&res);
	if (in != NULL && in != stdin)
		fclose(in);
	return cli_finish(&c);
}
