/*
 * mileage-list: the mileage ledger, filtered by person, department,
 * category, kind and period, or its sums by employee, department, month,
 * category or kind.
 */
#include <string.h>

#include "cli.h"
#include "mileage.h"
#include "i18n.h"

static const char synopsis[] =
    "mileage-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--employee-id id] [--dept name] [--category name]\n"
    "[--kind innovation|cs] [--period period]\n"
    "[--by employee|dept|month|category|kind]\n";
static const char *const help_text = N_(
    "List mileage ledger entries, or their sums.\n"
    "\n"
    "      --employee-id ID  only this employee's entries\n"
    "      --dept NAME      only entries of this department (as of each)\n"
    "      --category NAME  only this category\n"
    "      --kind KIND      only innovation or cs mileage\n"
    "      --period P       only dates in P: 2007, 2007-H1, 2007-Q2,\n"
    "                       2007-05, 2007-05-14 or A..B\n"
    "      --by KEY         sums by employee, dept, month, category or kind\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"category", NULL, cli_offer_categories},
		{"kind", "innovation cs", NULL},
		{"by", "employee dept month category kind", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"employee-id", required_argument, NULL, 'E'},
		{"dept", required_argument, NULL, 'D'},
		{"category", required_argument, NULL, 'C'},
		{"kind", required_argument, NULL, 'K'},
		{"period", required_argument, NULL, 'P'},
		{"by", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	struct inno_mileage_filter f = {0};
	struct inno_period period;
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *why;
	struct cli c;
	int ch;

	cli_init(&c, "mileage-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'E':
			f.employee_id = optarg;
			break;
		case 'D':
			f.dept = optarg;
			break;
		case 'C':
			f.category = optarg;
			break;
		case 'K':
			f.kind = optarg;
			break;
		case 'P':
			if ((why = inno_parse_period(optarg, &period)) !=
			    NULL) {
				cli_warn(&c, "--period=%s: %s", optarg, _(why));
				return INNO_EUSAGE;
			}
			f.first = period.first;
			f.last = period.last;
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
	if ((err = inno_mileage_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
