/*
 * benchmark-list: lists benchmarking events, or totals them (events,
 * distinct institutions, people) overall, by kind, year, quarter, month or
 * institution.
 */
#include "cli.h"
#include "benchmark.h"
#include "i18n.h"

static const char synopsis[] =
    "benchmark-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--kind kinds] [--period period]\n"
    "[--institution text] [--by key]\n";
static const char *const help_text = N_(
    "List benchmarking events, or total them.\n"
    "\n"
    "      --kind KINDS         outgoing, incoming, presentation (comma list)\n"
    "      --period PERIOD      only events in PERIOD (2007, 2007-Q2, ...)\n"
    "      --institution TEXT   only institutions whose name contains TEXT\n"
    "      --by KEY             totals: total, kind, year, quarter, month,\n"
    "                           institution\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", "outgoing incoming presentation", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, 'K'},
		{"period", required_argument, NULL, 'P'},
		{"institution", required_argument, NULL, 'I'},
		{"by", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	struct inno_benchmark_filter f = {0};
	struct inno_period period;
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *why;
	struct cli c;
	int ch;

	cli_init(&c, "benchmark-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'K':
			if ((why = inno_parse_words(optarg,
			    inno_benchmark_kinds, &f.kinds)) != NULL) {
				cli_warn(&c, _("--kind=%s: %s of outgoing, "
				    "incoming, presentation"), optarg, _(why));
				return INNO_EUSAGE;
			}
			break;
		case 'P':
			cli_period(&c, "period", optarg, &period);
			f.period = &period;
			break;
		case 'I':
			f.institution = optarg;
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
	if ((err = inno_benchmark_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
