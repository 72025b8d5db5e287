/*
 * task-add: records innovation tasks, one from options or many from CSV,
 * and prints the id of a single new task.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "task.h"

static const char synopsis[] =
    "task-add [-nq] [-d db] [-c config] --title text --field field\n"
    "--dept dept [--origin common|own|assigned] [--status status]\n"
    "[--priority n] [--budget won] [--start date] [--due date]\n"
    "task-add [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n";
static const char help_text[] =
    "Record one innovation task from options and print its id, or many\n"
    "from a CSV file (title,field,origin,dept,status,priority,budget,\n"
    "start,due) or standard input, all or nothing.\n"
    "\n"
    "      --title TEXT     the task's title\n"
    "      --field FIELD    one of the fields in inno.ini (task:fields)\n"
    "      --origin WORD    common, own (the default) or assigned\n"
    "      --dept NAME      the owning department\n"
    "      --status WORD    pool (the default), selected, in_progress,\n"
    "                       completed or dropped\n"
    "      --priority N     0 to 1000, higher first\n"
    "      --budget WON     the budget in won\n"
    "      --start DATE     the start date, YYYY-MM-DD\n"
    "      --due DATE       the due date, YYYY-MM-DD\n";

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"title", required_argument, NULL, 0x1000 + INNO_TASK_TITLE},
		{"field", required_argument, NULL, 0x1000 + INNO_TASK_FIELD},
		{"origin", required_argument, NULL, 0x1000 + INNO_TASK_ORIGIN},
		{"dept", required_argument, NULL, 0x1000 + INNO_TASK_DEPT},
		{"status", required_argument, NULL, 0x1000 + INNO_TASK_STATUS},
		{"priority", required_argument, NULL,
		    0x1000 + INNO_TASK_PRIORITY},
		{"budget", required_argument, NULL, 0x1000 + INNO_TASK_BUDGET},
		{"start", required_argument, NULL, 0x1000 + INNO_TASK_START},
		{"due", required_argument, NULL, 0x1000 + INNO_TASK_DUE},
		{NULL, 0, NULL, 0},
	};
	const char *values[INNO_TASK_NCOLS] = {0};
	struct inno_task_conf conf;
	struct inno_task_add add = {0};
	struct inno_batch_opts opts;
	struct inno_batch_result res;
	const struct inno_error *err;
	const char *name;
	struct cli c;
	FILE *in = NULL, *out;
	int ch, given = 0;

	cli_init(&c, "task-add", synopsis, help_text, CLI_WRITE | CLI_BATCH);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		if (ch >= 0x1000 && ch < 0x1000 + INNO_TASK_NCOLS) {
			values[ch - 0x1000] = optarg;
			given = 1;
		} else
			cli_usage(&c);
	}
	argc -= optind;
	argv += optind;
	if (argc > 1 || (given && argc > 0))
		cli_usage(&c);
	cli_setup(&c);
	memset(&conf, 0, sizeof conf);
	if ((err = inno_task_conf_load(c.cfg, &conf)) != NULL) {
		inno_task_conf_release(&conf);
		cli_fail(&c, err);
	}
	add.conf = &conf;
	if (!given)
		in = cli_input(&c, argc > 0 ? argv[0] : NULL, &name);
	cli_open_db(&c, INNO_DB_WRITE);
	cli_batch_opts(&c, &opts, "task");
	inno_batch_result_init(&res);
	if (given)
		err = inno_batch_one(c.db, inno_task_cols, INNO_TASK_NCOLS,
		    values, inno_task_add_row, &add, &opts, &res);
	else
		err = inno_batch_csv(c.db, in, name, inno_task_cols,
		    INNO_TASK_NCOLS, inno_task_add_row, &add, &opts, &res);
	inno_task_conf_release(&conf);
	if (err != NULL)
		cli_fail_batch(&c, err, &res);
	if (given) {
		/* A dry run has no id to print. */
		out = cli_output(&c);
		if (!c.dry_run)
			fprintf(out, "%lld\n", (long long)add.last_id);
	} else
		cli_batch_report(&c, &res, "tasks");
	inno_batch_result_release(&res);
	if (in != NULL && in != stdin)
		fclose(in);
	return cli_finish(&c);
}
