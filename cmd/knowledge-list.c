/*
 * knowledge-list: lists knowledge items or their expert evaluations,
 * counts them overall or by kind, status, department, author, month or
 * quarter, or ranks a quarter's items for its awards.
 */
#include <string.h>

#include "cli.h"
#include "knowledge.h"
#include "i18n.h"

static const char synopsis[] =
    "knowledge-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--kind kind] [--status status] [--author id]\n"
    "[--dept name] [--period period] [--as-of date] [--evaluations]\n"
    "[--by key]\n"
    "knowledge-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] --awards quarter\n";
static const char *const help_text = N_(
    "List knowledge items, or count them, or rank a quarter's awards.\n"
    "\n"
    "      --kind KIND          work, living or manual\n"
    "      --status STATUS      submitted, approved or rejected\n"
    "      --author ID          by this employee\n"
    "      --dept NAME          of this department\n"
    "      --period PERIOD      registered (evaluated, viewed) in PERIOD\n"
    "      --as-of DATE         as the records stood at the end of DATE\n"
    "      --evaluations        list the evaluations instead\n"
    "      --by KEY             counts: total, kind, status, dept, author,\n"
    "                           month, quarter\n"
    "      --awards QUARTER     the quarter's awards (YYYY-Qn), ranked\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", "work living manual", NULL},
		{"status", "submitted approved rejected", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, 'K'},
		{"status", required_argument, NULL, 'S'},
		{"author", required_argument, NULL, 'A'},
		{"dept", required_argument, NULL, 'D'},
		{"period", required_argument, NULL, 'P'},
		{"evaluations", no_argument, NULL, 'E'},
		{"by", required_argument, NULL, 'B'},
		{"awards", required_argument, NULL, 'W'},
		{"as-of", required_argument, NULL, 'T'},
		{NULL, 0, NULL, 0},
	};
	static const char *const kinds[] = {"work", "living", "manual", NULL};
	static const char *const statuses[] = {"submitted", "approved",
	    "rejected", NULL};
	struct inno_knowledge_filter f = {0};
	struct inno_period period, quarter;
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *awards = NULL, *why;
	char as_of[11];
	struct cli c;
	int ch;

	cli_init(&c, "knowledge-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'K':
			if (inno_word_index(kinds, optarg) < 0) {
				cli_warn(&c,
				    _("--kind=%s: expected work, living "
				    "or manual"), optarg);
				return INNO_EUSAGE;
			}
			f.kind = optarg;
			break;
		case 'S':
			if (inno_word_index(statuses, optarg) < 0) {
				cli_warn(&c,
				    _("--status=%s: expected submitted, "
				    "approved or rejected"), optarg);
				return INNO_EUSAGE;
			}
			f.status = optarg;
			break;
		case 'A':
			f.author = optarg;
			break;
		case 'D':
			f.dept = optarg;
			break;
		case 'P':
			cli_period(&c, "period", optarg, &period);
			f.period = &period;
			break;
		case 'E':
			f.evaluations = 1;
			break;
		case 'B':
			f.by = optarg;
			break;
		case 'T':
			if ((why = inno_parse_date(optarg, strlen(optarg),
			    as_of)) != NULL) {
				cli_warn(&c, "--as-of=%s: %s", optarg, _(why));
				return INNO_EUSAGE;
			}
			f.as_of = as_of;
			break;
		case 'W':
			if (strlen(optarg) != 7 || optarg[5] != 'Q') {
				cli_warn(&c,
				    _("--awards=%s: expected a quarter "
				    "(YYYY-Qn)"), optarg);
				return INNO_EUSAGE;
			}
			cli_period(&c, "awards", optarg, &quarter);
			awards = optarg;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	cli_operands(&c, argc, argv, 0, 0, NULL);
	if (awards != NULL && (f.kind || f.status || f.author || f.dept ||
	    f.period || f.evaluations || f.by))
		cli_usage_error(&c, _("--awards takes no filter or --by"));
	cli_setup(&c);
	cli_open_db(&c, INNO_DB_READ);
	if (awards != NULL)
		err = inno_knowledge_awards(c.db, &quarter, &st);
	else
		err = inno_knowledge_query(c.db, &f, &st);
	if (err != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
