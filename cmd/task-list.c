/*
 * task-list: lists innovation tasks with filters, counts them by field,
 * status or department, lists their task forces or milestones, or lays
 * them out as a roadmap of months.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "task.h"
#include "i18n.h"

static const char synopsis[] =
    "task-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--status status] [--field field] [--focus]\n"
    "[--no-focus] [--dept dept] [--member employee_id] [--period period]\n"
    "[--overdue] [--due-within days] [--sort id|priority|due|field]\n"
    "[--by field|status|dept|force | --members | --milestones | --scores |\n"
    "--roadmap]\n";
static const char *const help_text = N_(
    "List innovation tasks, or count them.\n"
    "\n"
    "      --status WORD    pool, selected, in_progress, completed, dropped\n"
    "      --field FIELD    only this field\n"
    "      --focus          only tasks in the focus areas\n"
    "      --no-focus       only tasks outside the focus areas\n"
    "      --dept NAME      only this department's tasks\n"
    "      --member E       only tasks employee E has worked on\n"
    "      --period P       only tasks running or with a milestone in P\n"
    "                       (2007, 2007-H2, 2007-Q3, 2007-07, A..B)\n"
    "      --overdue        only tasks with a milestone due before today\n"
    "                       and not reached\n"
    "      --due-within N   only open tasks due, or with a milestone due,\n"
    "                       within N days from today\n"
    "      --sort KEY       id (the default), priority, due or field\n"
    "      --by KEY         counts by field, status or dept; task forces\n"
    "                       by field (force)\n"
    "      --members        the task forces of the tasks\n"
    "      --milestones     the milestones of the tasks\n"
    "      --scores         the pool scores of the tasks\n"
    "      --roadmap        tasks by month of --period (default this\n"
    "                       year), with their milestones\n");

enum {
	OPT_STATUS = 0x1000, OPT_FIELD, OPT_FOCUS, OPT_NOFOCUS, OPT_DEPT,
	OPT_MEMBER, OPT_PERIOD, OPT_OVERDUE, OPT_WITHIN, OPT_SORT, OPT_BY,
	OPT_MEMBERS, OPT_MILESTONES, OPT_SCORES, OPT_ROADMAP
};

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"field", NULL, cli_offer_task_fields},
		{"status", NULL, cli_offer_task_statuses},
		{"sort", "id priority due field", NULL},
		{"by", "field status dept", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"status", required_argument, NULL, OPT_STATUS},
		{"field", required_argument, NULL, OPT_FIELD},
		{"focus", no_argument, NULL, OPT_FOCUS},
		{"no-focus", no_argument, NULL, OPT_NOFOCUS},
		{"dept", required_argument, NULL, OPT_DEPT},
		{"member", required_argument, NULL, OPT_MEMBER},
		{"period", required_argument, NULL, OPT_PERIOD},
		{"overdue", no_argument, NULL, OPT_OVERDUE},
		{"due-within", required_argument, NULL, OPT_WITHIN},
		{"sort", required_argument, NULL, OPT_SORT},
		{"by", required_argument, NULL, OPT_BY},
		{"members", no_argument, NULL, OPT_MEMBERS},
		{"milestones", no_argument, NULL, OPT_MILESTONES},
		{"scores", no_argument, NULL, OPT_SCORES},
		{"roadmap", no_argument, NULL, OPT_ROADMAP},
		{NULL, 0, NULL, 0},
	};
	struct inno_task_filter f;
	struct inno_task_conf conf;
	struct inno_period period, year;
	const struct inno_error *err;
	struct inno_stmt *st;
	struct inno_out *out;
	const char *why;
	char today[11], y[5];
	struct cli c;
	int ch, roadmap = 0, views = 0;

	memset(&f, 0, sizeof f);
	f.due_within = -1;
	cli_init(&c, "task-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case OPT_STATUS:
			f.status = optarg;
			break;
		case OPT_FIELD:
			f.field = optarg;
			break;
		case OPT_FOCUS:
			f.focus = 1;
			break;
		case OPT_NOFOCUS:
			f.focus = -1;
			break;
		case OPT_DEPT:
			f.dept = optarg;
			break;
		case OPT_MEMBER:
			f.member = optarg;
			break;
		case OPT_PERIOD:
			if ((why = inno_parse_period(optarg, &period)) !=
			    NULL) {
				cli_warn(&c, "--period=%s: %s", optarg, _(why));
				return INNO_EUSAGE;
			}
			f.period = &period;
			break;
		case OPT_OVERDUE:
			f.overdue = 1;
			break;
		case OPT_WITHIN:
			if ((why = inno_parse_int(optarg, strlen(optarg), 0,
			    36500, &f.due_within)) != NULL) {
				cli_warn(&c,
				    _("--due-within=%s: %s (0 to 36500 "
				    "days)"), optarg, _(why));
				return INNO_EUSAGE;
			}
			break;
		case OPT_SORT:
			f.sort = optarg;
			break;
		case OPT_BY:
			f.by = optarg;
			views++;
			break;
		case OPT_MEMBERS:
			f.view = "members";
			views++;
			break;
		case OPT_MILESTONES:
			f.view = "milestones";
			views++;
			break;
		case OPT_SCORES:
			f.view = "scores";
			views++;
			break;
		case OPT_ROADMAP:
			roadmap = 1;
			views++;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	cli_operands(&c, argc, argv, 0, 0, NULL);
	if (views > 1)
		cli_usage_error(&c, _("--by, --members, --milestones and "
		    "--scores: one at a time"));
	cli_setup(&c);
	memset(&conf, 0, sizeof conf);
	if ((err = inno_task_conf_load(c.cfg, &conf)) != NULL) {
		inno_task_conf_release(&conf);
		cli_fail(&c, err);
	}
	cli_open_db(&c, INNO_DB_READ);
	if (roadmap) {
		if (f.period == NULL) {
			/* The roadmap of this year unless told otherwise. */
			if ((err = inno_today(today)) != NULL)
				cli_fail(&c, err);
			snprintf(y, sizeof y, "%.4s", today);
			if ((why = inno_parse_period(y, &year)) != NULL)
				cli_fail(&c, inno_error(INNO_ESYS, "%s", _(why)));
			f.period = &year;
		}
		out = cli_out(&c);
		err = inno_task_roadmap(c.db, &conf, &f, f.period, out);
	} else {
		err = inno_task_query(c.db, &conf, &f, &st);
		out = err == NULL ? cli_out(&c) : NULL;
		if (err == NULL)
			err = inno_out_stmt(out, st);
	}
	inno_task_conf_release(&conf);
	if (err != NULL || (err = inno_out_finish(out)) != NULL)
		cli_fail(&c, err);
	inno_out_free(out);
	return cli_finish(&c);
}
