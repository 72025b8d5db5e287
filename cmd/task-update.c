/*
 * task-update: changes a task: its attributes, its status along the
 * configured workflow, its task force, its milestones and its pool scores,
 * all in one transaction that is written whole or not at all.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "task.h"

static const char synopsis[] =
    "task-update [-nq] [-d db] [-c config] [--title text] [--field field]\n"
    "[--origin word] [--dept dept] [--status status] [--priority n]\n"
    "[--budget won] [--start date] [--due date] [--score criterion=n]\n"
    "[--add-member employee_id[:role]] [--remove-member employee_id]\n"
    "[--milestone date:title] [--move date:title] [--done title]\n"
    "[--on date] id\n";
static const char help_text[] =
    "Change the task with the given id.  Options that add or remove take\n"
    "effect in order and may be repeated; nothing is written unless every\n"
    "change is accepted.\n"
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
    "      --on DATE        the date of joins, leaves and reached\n"
    "                       milestones (default today)\n";

enum {
	OPT_SCORE = 0x2000, OPT_ADD, OPT_REMOVE, OPT_MILESTONE, OPT_MOVE,
	OPT_DONE, OPT_ON
};

/* Appends an option's value to a list sized for every argument. */
static void
push(struct inno_task_list_arg *l, const char *v)
{
	l->v[l->n++] = v;
}

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
		{"score", required_argument, NULL, OPT_SCORE},
		{"add-member", required_argument, NULL, OPT_ADD},
		{"remove-member", required_argument, NULL, OPT_REMOVE},
		{"milestone", required_argument, NULL, OPT_MILESTONE},
		{"move", required_argument, NULL, OPT_MOVE},
		{"done", required_argument, NULL, OPT_DONE},
		{"on", required_argument, NULL, OPT_ON},
		{NULL, 0, NULL, 0},
	};
	const char *values[INNO_TASKU_NCOLS] = {0};
	struct inno_task_conf conf;
	struct inno_task_update u;
	struct inno_batch_opts opts;
	struct inno_batch_result res;
	struct inno_task_list_arg *lists[6];
	const struct inno_error *err;
	const char *why;
	char on[11];
	struct cli c;
	int ch, i;

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
	cli_init(&c, "task-update", synopsis, help_text, CLI_WRITE);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
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
		case OPT_ON:
			if ((why = inno_parse_date(optarg, strlen(optarg),
			    on)) != NULL) {
				cli_warn(&c, "--on=%s: %s", optarg, why);
				return INNO_EUSAGE;
			}
			u.on = on;
			break;
		default:
			if (ch >= 0x1000 && ch < 0x1000 + INNO_TASK_NCOLS)
				values[ch - 0x1000 + 1] = optarg;
			else
				cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		cli_usage(&c);
	values[INNO_TASKU_ID] = argv[0];
	cli_setup(&c);
	memset(&conf, 0, sizeof conf);
	if ((err = inno_task_conf_load(c.cfg, &conf)) != NULL) {
		inno_task_conf_release(&conf);
		cli_fail(&c, err);
	}
	u.conf = &conf;
	cli_open_db(&c, INNO_DB_WRITE);
	cli_batch_opts(&c, &opts, "task");
	inno_batch_result_init(&res);
	err = inno_batch_one(c.db, inno_task_update_cols, INNO_TASKU_NCOLS,
	    values, inno_task_update_row, &u, &opts, &res);
	inno_task_conf_release(&conf);
	for (i = 0; i < 6; i++)
		free(lists[i]->v);
	if (err != NULL)
		cli_fail_batch(&c, err, &res);
	if (!c.quiet && u.changed == 0)
		cli_warn(&c, "task %s: nothing to change", argv[0]);
	else if (!c.quiet && c.dry_run)
		cli_warn(&c, "dry run: %zu change%s valid, nothing written",
		    u.changed, u.changed == 1 ? "" : "s");
	inno_batch_result_release(&res);
	return cli_finish(&c);
}
