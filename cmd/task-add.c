/*
 * task-add: records innovation tasks, one from options or many from CSV,
 * and prints the id of a single new task.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "task.h"
#include "i18n.h"

static const char synopsis[] =
    "task-add [-nq] [-d db] [-c config] --title text --field field\n"
    "--dept dept [--origin common|own|assigned] [--status status]\n"
    "[--priority n] [--budget won] [--start date] [--due date]\n"
    "task-add [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n";
static const char *const help_text = N_(
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
    "      --due DATE       the due date, YYYY-MM-DD\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"field", NULL, cli_offer_task_fields},
		{"origin", "common own assigned", NULL},
		{"status", NULL, cli_offer_task_statuses},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"title", required_argument, NULL, CLI_COL + INNO_TASK_TITLE},
		{"field", required_argument, NULL, CLI_COL + INNO_TASK_FIELD},
		{"origin", required_argument, NULL, CLI_COL + INNO_TASK_ORIGIN},
		{"dept", required_argument, NULL, CLI_COL + INNO_TASK_DEPT},
		{"status", required_argument, NULL, CLI_COL + INNO_TASK_STATUS},
		{"priority", required_argument, NULL,
		    CLI_COL + INNO_TASK_PRIORITY},
		{"budget", required_argument, NULL, CLI_COL + INNO_TASK_BUDGET},
		{"start", required_argument, NULL, CLI_COL + INNO_TASK_START},
		{"due", required_argument, NULL, CLI_COL + INNO_TASK_DUE},
		{NULL, 0, NULL, 0},
	};
	struct inno_task_conf conf;
	struct inno_task_add add = {0};
	struct cli_writer w = {
		.cols = inno_task_cols, .ncols = INNO_TASK_NCOLS,
		.fn = inno_task_add_row, .arg = &add, .id = &add.last_id,
		.table = "task", .what = N_("tasks"),
	};
	const struct inno_error *err;
	struct cli c;
	int rc;

	cli_init(&c, "task-add", synopsis, help_text, CLI_WRITE | CLI_BATCH);
	cli_values(&c, values);
	cli_writer(&c, &w);
	/* Every option is a column's or a common one: cli_getopt takes them. */
	while (cli_getopt(&c, argc, argv, "", longopts) != -1)
		continue;
	argc -= optind;
	argv += optind;
	cli_setup(&c);
	memset(&conf, 0, sizeof conf);
	if ((err = inno_task_conf_load(c.cfg, &conf)) != NULL) {
		inno_task_conf_release(&conf);
		cli_fail(&c, err);
	}
	add.conf = &conf;
	rc = cli_write(&c, &w, argc, argv);
	inno_task_conf_release(&conf);
	return rc;
}
