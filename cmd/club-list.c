/*
 * club-list: lists learning clubs with their member count, grants and
 * activities, counts them by kind or department, or lists their members.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "club.h"
#include "i18n.h"

static const char synopsis[] =
    "club-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--kind kind] [--dept name] [--club name]\n"
    "[--year yyyy | --period period] [--funded | --unfunded] [--on date]\n"
    "[--active] [--members | --by kind|dept]\n";
static const char *const help_text = N_(
    "List learning clubs with members, grants and activities.\n"
    "\n"
    "      --kind KIND      strategic or departmental\n"
    "      --dept NAME      only this department's clubs\n"
    "      --club NAME      only this club\n"
    "      --year YYYY      clubs on the register at the year's end;\n"
    "                       grants and activities of that year\n"
    "      --period P       the same for a period (2007-H1, 2007-01..2007-06)\n"
    "      --funded         only clubs granted money (in the period)\n"
    "      --unfunded       only clubs granted nothing (in the period)\n"
    "      --on DATE        the day of the register and the members\n"
    "                       (default today, or the period's last day)\n"
    "      --active         only clubs with members on that day\n"
    "      --members        list the members instead (on --on's day only\n"
    "                       when --on or --active is given)\n"
    "      --by KEY         counts by kind or dept\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", "strategic departmental", NULL},
		{"by", "kind dept", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, 'K'},
		{"dept", required_argument, NULL, 'D'},
		{"club", required_argument, NULL, 'C'},
		{"year", required_argument, NULL, 'Y'},
		{"period", required_argument, NULL, 'P'},
		{"funded", no_argument, NULL, 'F'},
		{"unfunded", no_argument, NULL, 'U'},
		{"on", required_argument, NULL, 'O'},
		{"active", no_argument, NULL, 'A'},
		{"members", no_argument, NULL, 'M'},
		{"by", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	struct inno_club_filter f = {0};
	struct inno_period period;
	const struct inno_error *err;
	const char *why, *period_arg = NULL;
	struct inno_stmt *st;
	struct cli c;
	char on[11] = "", yearbuf[16];
	int ch;

	f.funded = -1;
	cli_init(&c, "club-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'K':
			if (strcmp(optarg, "strategic") != 0 &&
			    strcmp(optarg, "departmental") != 0) {
				cli_warn(&c,
				    _("--kind=%s: expected strategic or "
				    "departmental"), optarg);
				return INNO_EUSAGE;
			}
			f.kind = optarg;
			break;
		case 'D':
			f.dept = optarg;
			break;
		case 'C':
			f.club = optarg;
			break;
		case 'Y':
			if (strlen(optarg) != 4) {
				cli_warn(&c, _("--year=%s: not a year (YYYY)"),
				    optarg);
				return INNO_EUSAGE;
			}
			snprintf(yearbuf, sizeof yearbuf, "%s", optarg);
			period_arg = yearbuf;
			break;
		case 'P':
			period_arg = optarg;
			break;
		case 'F':
			f.funded = 1;
			break;
		case 'U':
			f.funded = 0;
			break;
		case 'O':
			if ((why = inno_parse_date(optarg, strlen(optarg),
			    on)) != NULL) {
				cli_warn(&c, "--on=%s: %s", optarg, _(why));
				return INNO_EUSAGE;
			}
			f.members_on = 1;
			break;
		case 'A':
			f.active = 1;
			f.members_on = 1;
			break;
		case 'M':
			f.members = 1;
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
	cli_operands(&c, argc, argv, 0, 0, NULL);
	if (f.members && f.by != NULL)
		cli_usage_error(&c, _("--members lists members: no --by"));
	if (period_arg != NULL) {
		if ((why = inno_parse_period(period_arg, &period)) != NULL) {
			cli_warn(&c, "%s: %s", period_arg, _(why));
			return INNO_EUSAGE;
		}
		f.first = period.first;
		f.last = period.last;
	}
	cli_setup(&c);
	if (on[0] == '\0') {
		if (f.last != NULL)
			snprintf(on, sizeof on, "%s", f.last);
		else if ((err = inno_today(on)) != NULL)
			cli_fail(&c, err);
	}
	f.on = on;
	cli_open_db(&c, INNO_DB_READ);
	if ((err = inno_club_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
