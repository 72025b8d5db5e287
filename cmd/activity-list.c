/*
 * activity-list: lists programme activity, or totals it by kind,
 * programme or month.
 */
#include "cli.h"
#include "activity.h"
#include "i18n.h"

static const char synopsis[] =
    "activity-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--columns list] [--programme name] [--kind kind]\n"
    "[--period period] [--by key]\n";
static const char *const help_text = N_(
    "List programme activity, or total it.\n"
    "\n"
    "      --programme NAME     only the activity of this programme\n"
    "      --kind KIND          only activity of this kind\n"
    "      --period PERIOD      only activity dated in PERIOD (2007-H1, ...)\n"
    "      --by KEY             totals: kind, programme, month\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", NULL, cli_offer_activity_kinds},
		{"programme", NULL, cli_offer_programmes},
		{"by", "kind programme month", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"programme", required_argument, NULL, 'G'},
		{"kind", required_argument, NULL, 'K'},
		{"period", required_argument, NULL, 'P'},
		{"by", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	struct inno_activity_filter f = {0};
	struct inno_period period;
	const struct inno_error *err;
	struct inno_stmt *st;
	struct cli c;
	int ch;

	cli_init(&c, "activity-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'G':
			f.programme = optarg;
			break;
		case 'K':
			f.kind = optarg;
			break;
		case 'P':
			cli_period(&c, "period", optarg, &period);
			f.period = &period;
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
	if ((err = inno_activity_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
