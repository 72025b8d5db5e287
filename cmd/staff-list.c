/*
 * staff-list: lists employees, or counts them by department, team or grade
 * with the authorised headcount beside the current one.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "staff.h"
#include "i18n.h"

static const char synopsis[] =
    "staff-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--dept name] [--team name] [--grade n]\n"
    "[--active[=date]] [--by dept|team|grade]\n";
static const char *const help_text = N_(
    "List employees, or count them.\n"
    "\n"
    "      --dept NAME      only this department\n"
    "      --team NAME      only this team\n"
    "      --grade N        only this grade (1-9)\n"
    "      --active[=DATE]  only those employed on DATE (default today)\n"
    "      --by KEY         counts by dept, team or grade\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"by", "dept team grade", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"dept", required_argument, NULL, 'D'},
		{"team", required_argument, NULL, 'T'},
		{"grade", required_argument, NULL, 'G'},
		{"active", optional_argument, NULL, 'A'},
		{"by", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	struct inno_staff_filter f = {0};
	const struct inno_error *err;
	const char *why;
	struct inno_stmt *st;
	struct cli c;
	char date[11];
	int ch, active_today = 0;

	cli_init(&c, "staff-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'D':
			f.dept = optarg;
			break;
		case 'T':
			f.team = optarg;
			break;
		case 'G':
			if ((why = inno_parse_int(optarg, strlen(optarg), 1, 9,
			    &f.grade)) != NULL) {
				cli_warn(&c,
				    _("--grade=%s: %s (1 to 9)"), optarg,
				    _(why));
				return INNO_EUSAGE;
			}
			break;
		case 'A':
			if (optarg == NULL) {
				active_today = 1;
				if ((err = inno_today(date)) != NULL)
					cli_fail(&c, err);
			} else if ((why = inno_parse_date(optarg,
			    strlen(optarg), date)) != NULL) {
				cli_warn(&c, "--active=%s: %s", optarg, _(why));
				return INNO_EUSAGE;
			}
			f.active_on = date;
			break;
		case 'B':
			f.by = optarg;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	/* An optional value is joined with "=", as getopt_long reads it. */
	if (argc > 0 && f.active_on != NULL && active_today &&
	    inno_parse_date(argv[0], strlen(argv[0]), date) == NULL)
		cli_usage_error(&c, _("unexpected operand '%s' (write "
		    "--active=%s)"), argv[0], argv[0]);
	cli_operands(&c, argc, argv, 0, 0, NULL);
	cli_setup(&c);
	cli_open_db(&c, INNO_DB_READ);
	if ((err = inno_staff_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
