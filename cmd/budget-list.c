/*
 * budget-list: lists programme budget lines with what has been spent and
 * what remains, the spending itself, or totals by year.
 */
#include <string.h>

#include "cli.h"
#include "budget.h"
#include "i18n.h"

static const char synopsis[] =
    "budget-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--year year] [--programme name] [--dept name]\n"
    "[--spending | --by key]\n";
static const char *const help_text = N_(
    "List programme budget lines with spending, or the spending, or totals.\n"
    "\n"
    "      --year YEAR          only this budget year\n"
    "      --programme NAME     only this programme\n"
    "      --dept NAME          only lines of this department\n"
    "      --spending           list the spending instead\n"
    "      --by KEY             totals: total or year\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"by", "total year", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"year", required_argument, NULL, 'Y'},
		{"programme", required_argument, NULL, 'G'},
		{"dept", required_argument, NULL, 'D'},
		{"spending", no_argument, NULL, 'S'},
		{"by", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	struct inno_budget_filter f = {0};
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *why;
	struct cli c;
	int ch;

	cli_init(&c, "budget-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'Y':
			if ((why = inno_parse_int(optarg, strlen(optarg), 1900,
			    2999, &f.year)) != NULL) {
				cli_warn(&c, _("--year=%s: %s (1900 to 2999)"),
				    optarg, _(why));
				return INNO_EUSAGE;
			}
			break;
		case 'G':
			f.programme = optarg;
			break;
		case 'D':
			f.dept = optarg;
			break;
		case 'S':
			f.spending = 1;
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
	if ((err = inno_budget_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
