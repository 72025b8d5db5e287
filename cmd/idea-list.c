/*
 * idea-list: lists ideas, their review history, or counts them overall,
 * by status, month of submission, assigned department, review meeting or
 * source; --overdue lists the pending ideas past the decision deadline.
 */
#include <string.h>

#include "cli.h"
#include "idea.h"
#include "i18n.h"

static const char synopsis[] =
    "idea-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--status status] [--source source]\n"
    "[--period period] [--as-of date] [--dept name] [--overdue]\n"
    "[--reviews] [--by key]\n";
static const char *const help_text = N_(
    "List ideas, or count them.\n"
    "\n"
    "      --status STATUS      pending, adopted or rejected\n"
    "      --source SOURCE      staff or citizen\n"
    "      --period PERIOD      submitted in PERIOD (2007, 2007-H1, ...)\n"
    "      --as-of DATE         as the records stood at the end of DATE\n"
    "      --dept NAME          assigned to this department\n"
    "      --overdue            pending past [idea] decision_days\n"
    "      --reviews            list the decisions instead of the ideas\n"
    "      --by KEY             counts: total, status, month, dept,\n"
    "                           meeting, source\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"status", "pending adopted rejected", NULL},
		{"source", "staff citizen", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"status", required_argument, NULL, 'S'},
		{"source", required_argument, NULL, 'O'},
		{"period", required_argument, NULL, 'P'},
		{"dept", required_argument, NULL, 'D'},
		{"overdue", no_argument, NULL, 'L'},
		{"reviews", no_argument, NULL, 'R'},
		{"by", required_argument, NULL, 'B'},
		{"as-of", required_argument, NULL, 'A'},
		{NULL, 0, NULL, 0},
	};
	static const char *const statuses[] = {"pending", "adopted",
	    "rejected", NULL};
	static const char *const sources[] = {"staff", "citizen", NULL};
	struct inno_idea_filter f = {0};
	struct inno_period period;
	const struct inno_error *err;
	struct inno_stmt *st;
	struct cli c;
	char cutoff[11], as_of[11];
	const char *why;
	int ch, overdue = 0;

	cli_init(&c, "idea-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'S':
			if (inno_word_index(statuses, optarg) < 0) {
				cli_warn(&c, _("--status=%s: expected pending, "
				    "adopted or rejected"), optarg);
				return INNO_EUSAGE;
			}
			f.status = optarg;
			break;
		case 'O':
			if (inno_word_index(sources, optarg) < 0) {
				cli_warn(&c, _("--source=%s: expected staff or "
				    "citizen"), optarg);
				return INNO_EUSAGE;
			}
			f.source = optarg;
			break;
		case 'P':
			cli_period(&c, "period", optarg, &period);
			f.period = &period;
			break;
		case 'D':
			f.dept = optarg;
			break;
		case 'L':
			overdue = 1;
			break;
		case 'R':
			f.reviews = 1;
			break;
		case 'B':
			f.by = optarg;
			break;
		case 'A':
			if ((why = inno_parse_date(optarg, strlen(optarg),
			    as_of)) != NULL) {
				cli_warn(&c, "--as-of=%s: %s", optarg, _(why));
				return INNO_EUSAGE;
			}
			f.as_of = as_of;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	cli_operands(&c, argc, argv, 0, 0, NULL);
	cli_setup(&c);
	cli_open_db(&c, INNO_DB_READ);
	if ((err = inno_idea_deadline(c.db, &f.decision_days, cutoff)) != NULL)
		cli_fail(&c, err);
	if (overdue)
		f.overdue_before = cutoff;
	if ((err = inno_idea_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
