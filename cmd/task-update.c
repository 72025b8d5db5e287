/*
 * task-update: changes a task: its attributes, its status along the
 * configured workflow, its task force, its milestones and its pool scores,
 * all in one transaction that is written whole or not at all; or changes
 * the attributes of many tasks from CSV, such as an edited task-list.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "task.h"
#include "i18n.h"

static const char synopsis[] =
    "task-update [-nq] [-d db] [-c config] [--title text] [--field field]\n"
    "[--origin word] [--dept dept] [--status status] [--priority n]\n"
    "[--budget won] [--start date] [--due date] [--score criterion=n]\n"
    "[--add-member employee_id[:role]] [--remove-member employee_id]\n"
    "[--milestone date:title] [--move date:title] [--done title]\n"
    "[--named 0|1] [--on date] id\n"
    "task-update [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] file\n";
static const char *const help_text = N_(
    "Change the task with the given id.  Options that add or remove take\n"
    "effect in order and may be repeated; nothing is written unless every\n"
    "change is accepted.  Or change many tasks from a CSV file (- for\n"
    "standard input) with an id column and task-add's columns.\n"
    "\n"
    "      --title TEXT     a new title\n"
    "      --field FIELD    one of the fields in inno.ini (task:fields)\n"
    "      --origin WORD    common, own or assigned\n"
    "      --dept NAME      the owning department\n"
    "      --status WORD    move along the workflow of inno.ini\n"
    "      --priority N     set the priority, 0 to 1000\n"
    "      --budget WON     the budget in won\n"
    "      --start DATE     the start date\n"
    "      --due DATE       the due date\n"
    "      --score C=N      score criterion C (0 to 100); the priority\n"
    "                       becomes the weighted mean of the scores\n"
    "      --add-member E[:ROLE]  put employee E on the task force\n"
    "                       (role: member unless given, e.g. leader)\n"
    "      --remove-member E  take employee E off the task force\n"
    "      --milestone DATE:TITLE  add a milestone due on DATE\n"
    "      --move DATE:TITLE  move milestone TITLE to DATE\n"
    "      --done TITLE     mark milestone TITLE reached\n"
    "      --named 0|1      1: the council report names the task under\n"
    "                       its task forces\n"
    "      --on DATE        the date of joins, leaves and reached\n"
    "                       milestones (default today)\n");

enum {
	OPT_SCORE = 0x2000, OPT_ADD, OPT_REMOVE, OPT_MILESTONE, OPT_MOVE,
	OPT_DONE, OPT_ON, OPT_NAMED
};

/* Column i of task-add's columns is column 1 + i of task-update's. */
#define COL(i) (CLI_COL + 1 + (i))

/* Appends an option's value to a list sized for every argument. */
static void
push(struct inno_task_list_arg *l, const char *v)
{
	l->v[l->n++] = v;
}

/* Says what the update changed, in place of the usual batch report. */
static void
report(struct cli *c, struct cli_writer *w,
    const struct inno_batch_result *res)
{
	const struct inno_task_update *u = w->arg;
	int batch = w->input != NULL;

	if (c->quiet)
		return;
	if (res->already)
		cli_warn(c, _("batch %s was applied before; nothing written"),
		    res->batch_id);
	else if (u->changed == 0 && batch)
		cli_warn(c, _("%s: nothing to change"), w->input);
	else if (u->changed == 0)
		cli_warn(c, _("task %s: nothing to change"),
		    w->values[INNO_TASKU_ID]);
	else if (c->dry_run)
		cli_warn(c, dngettext(INNO_TEXTDOMAIN,
		    "dry run: %zu change valid, nothing written",
		    "dry run: %zu changes valid, nothing written", u->changed),
		    u->changed);
	else if (batch) {
		/* Two counts, each with its own plural, in one sentence. */
		char changes[64], tasks[64];

		snprintf(changes, sizeof changes, dngettext(INNO_TEXTDOMAIN,
		    "%zu change", "%zu changes", u->changed), u->changed);
		snprintf(tasks, sizeof tasks, dngettext(INNO_TEXTDOMAIN,
		    "%zu task", "%zu tasks", res->rows), res->rows);
		cli_warn(c, _("%s to %s"), changes, tasks);
	}
}

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"field", NULL, cli_offer_task_fields},
		{"origin", "common own assigned", NULL},
		{"status", NULL, cli_offer_task_statuses},
		{"named", "0 1", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"title", required_argument, NULL, COL(INNO_TASK_TITLE)},
		{"field", required_argument, NULL, COL(INNO_TASK_FIELD)},
		{"origin", required_argument, NULL, COL(INNO_TASK_ORIGIN)},
		{"dept", required_argument, NULL, COL(INNO_TASK_DEPT)},
		{"status", required_argument, NULL, COL(INNO_TASK_STATUS)},
		{"priority", required_argument, NULL, COL(INNO_TASK_PRIORITY)},
		{"budget", required_argument, NULL, COL(INNO_TASK_BUDGET)},
		{"start", required_argument, NULL, COL(INNO_TASK_START)},
		{"due", required_argument, NULL, COL(INNO_TASK_DUE)},
		{"score", required_argument, NULL, OPT_SCORE},
		{"add-member", required_argument, NULL, OPT_ADD},
		{"remove-member", required_argument, NULL, OPT_REMOVE},
		{"milestone", required_argument, NULL, OPT_MILESTONE},
		{"move", required_argument, NULL, OPT_MOVE},
		{"done", required_argument, NULL, OPT_DONE},
		{"on", required_argument, NULL, OPT_ON},
		{"named", required_argument, NULL, OPT_NAMED},
		{NULL, 0, NULL, 0},
	};
	struct inno_task_conf conf;
	struct inno_task_update u;
	struct cli_writer w = {
		.cols = inno_task_update_cols, .ncols = INNO_TASKU_NCOLS,
		.fn = inno_task_update_row, .arg = &u, .table = "task",
		.what = N_("tasks"), .report = report,
	};
	struct inno_task_list_arg *lists[6];
	const struct inno_error *err;
	const char *why;
	char on[11];
	int64_t id;
	struct cli c;
	int ch, i, rc, lists_given = 0, batch;

	memset(&u, 0, sizeof u);
	lists[0] = &u.add_member;
	lists[1] = &u.remove_member;
	lists[2] = &u.milestone;
	lists[3] = &u.move;
	lists[4] = &u.done;
	lists[5] = &u.score;
	for (i = 0; i < 6; i++)
		if ((lists[i]->v = calloc((size_t)argc, sizeof(char *))) ==
		    NULL) {
			perror("task-update");
			return INNO_ESYS;
		}
	cli_init(&c, "task-update", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	cli_values(&c, values);
	cli_writer(&c, &w);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		lists_given = 1;
		switch (ch) {
		case OPT_SCORE:
			push(&u.score, optarg);
			break;
		case OPT_ADD:
			push(&u.add_member, optarg);
			break;
		case OPT_REMOVE:
			push(&u.remove_member, optarg);
			break;
		case OPT_MILESTONE:
			push(&u.milestone, optarg);
			break;
		case OPT_MOVE:
			push(&u.move, optarg);
			break;
		case OPT_DONE:
			push(&u.done, optarg);
			break;
		case OPT_NAMED:
			u.named = optarg;
			break;
		case OPT_ON:
			if ((why = inno_parse_date(optarg, strlen(optarg),
			    on)) != NULL)
				cli_usage_error(&c,
				    "--on=%s: %s", optarg, _(why));
			u.on = on;
			break;
		}
	}
	argc -= optind;
	argv += optind;
	cli_operands(&c, argc, argv, 1, 1, N_("a task id, or a file"));
	/* Digits name a task; anything else is a CSV file, "-" stdin. */
	batch = strcmp(argv[0], "-") == 0 || argv[0][strspn(argv[0],
	    "0123456789")] != '\0';
	if (batch && (w.given > 0 || lists_given))
		cli_usage_error(&c, _("a file gives its own changes: no change "
		    "options with '%s'"), argv[0]);
	if (!batch && (why = inno_parse_int(argv[0], strlen(argv[0]), 1,
	    INT64_MAX, &id)) != NULL)
		cli_usage_error(&c, _("%s: %s (a task id)"), argv[0], _(why));
	if (!batch) {
		w.values[INNO_TASKU_ID] = argv[0];
		w.mode = CLI_WRITE_ONE;
		argc = 0;
	} else
		w.mode = CLI_WRITE_MANY;
	cli_setup(&c);
	memset(&conf, 0, sizeof conf);
	if ((err = inno_task_conf_load(c.cfg, &conf)) != NULL) {
		inno_task_conf_release(&conf);
		cli_fail(&c, err);
	}
	u.conf = &conf;
	rc = cli_write(&c, &w, argc, argv);
	inno_task_conf_release(&conf);
	for (i = 0; i < 6; i++)
		free(lists[i]->v);
	return rc;
}
