/*
 * award-list: lists awards with their incentive money and how much of it
 * funds projects, the funded projects themselves, or totals by year.
 */
#include "cli.h"
#include "award.h"
#include "i18n.h"

static const char synopsis[] =
    "award-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--period period] [--kind kinds] [--by key]\n"
    "award-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--period period] [--dept name] --funds\n";
static const char *const help_text = N_(
    "List awards and their incentive money, or the projects it funds.\n"
    "\n"
    "      --period PERIOD      awards given in PERIOD (2005..2007, ...)\n"
    "      --kind KINDS         only these kinds: award, designation,\n"
    "                           evaluation (space-separated)\n"
    "      --by KEY             totals: total or year\n"
    "      --funds              list the funded projects\n"
    "      --dept NAME          with --funds: this department's projects\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"by", "total year", NULL},
		{"kind", "award designation evaluation", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"period", required_argument, NULL, 'P'},
		{"by", required_argument, NULL, 'B'},
		{"kind", required_argument, NULL, 'K'},
		{"funds", no_argument, NULL, 'F'},
		{"dept", required_argument, NULL, 'D'},
		{NULL, 0, NULL, 0},
	};
	struct inno_award_filter f = {0};
	struct inno_period period;
	const struct inno_error *err;
	struct inno_stmt *st;
	struct cli c;
	int ch;

	cli_init(&c, "award-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'P':
			cli_period(&c, "period", optarg, &period);
			f.period = &period;
			break;
		case 'B':
			f.by = optarg;
			break;
		case 'K':
			f.kinds = optarg;
			break;
		case 'F':
			f.funds = 1;
			break;
		case 'D':
			f.dept = optarg;
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
	if ((err = inno_award_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
