/*
 * group-list: lists the members of the innovation leader groups
 * (혁신주도그룹), on a day or ever, or counts them by group or grade.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "group.h"
#include "i18n.h"

static const char synopsis[] =
    "group-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--group name] [--dept name] [--on date]\n"
    "[--by group|grade]\n";
static const char *const help_text = N_(
    "List the members of the leader groups, or count them.\n"
    "\n"
    "      --group NAME     only this group (name or key)\n"
    "      --dept NAME      only members of this department\n"
    "      --on DATE        only memberships on this day (default: all)\n"
    "      --by KEY         counts by group or grade\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"by", "group grade", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"group", required_argument, NULL, 'G'},
		{"dept", required_argument, NULL, 'D'},
		{"on", required_argument, NULL, 'O'},
		{"by", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	struct inno_group_filter f = {0};
	const struct inno_error *err;
	const char *why;
	struct inno_stmt *st;
	struct cli c;
	char on[11];
	int ch;

	cli_init(&c, "group-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'G':
			f.group = optarg;
			break;
		case 'D':
			f.dept = optarg;
			break;
		case 'O':
			if ((why = inno_parse_date(optarg, strlen(optarg),
			    on)) != NULL) {
				cli_warn(&c, "--on=%s: %s", optarg, _(why));
				return INNO_EUSAGE;
			}
			f.on = on;
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
	cli_setup(&c);
	cli_open_db(&c, INNO_DB_READ);
	if ((err = inno_group_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
