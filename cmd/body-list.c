/*
 * body-list: lists committees, councils and forums with their members and
 * meetings, or their members, or their meetings.
 */
#include <string.h>

#include "cli.h"
#include "body.h"
#include "i18n.h"

static const char synopsis[] =
    "body-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--columns list] [--show what] [--kind kind]\n"
    "[--programme name] [--body text] [--period period] [--as-of date]\n";
static const char *const help_text = N_(
    "List committees, councils and forums, their members or their meetings.\n"
    "\n"
    "      --show WHAT          bodies (the default), members or meetings\n"
    "      --kind KIND          committee, council or forum\n"
    "      --programme NAME     only the bodies of this programme\n"
    "      --body TEXT          only bodies whose name contains TEXT\n"
    "      --period PERIOD      meetings held in PERIOD only\n"
    "      --as-of DATE         bodies and members as they stood on DATE\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"show", "bodies members meetings", NULL},
		{"kind", "committee council forum", NULL},
		{"programme", NULL, cli_offer_programmes},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"show", required_argument, NULL, 'S'},
		{"kind", required_argument, NULL, 'K'},
		{"programme", required_argument, NULL, 'G'},
		{"body", required_argument, NULL, 'N'},
		{"period", required_argument, NULL, 'P'},
		{"as-of", required_argument, NULL, 'A'},
		{NULL, 0, NULL, 0},
	};
	struct inno_body_filter f = {0};
	struct inno_period period;
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *why;
	char day[11];
	struct cli c;
	int ch;

	cli_init(&c, "body-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'S':
			f.what = optarg;
			break;
		case 'K':
			if (inno_word_index(inno_body_kinds, optarg) < 0)
				cli_usage_error(&c, _("--kind=%s: expected "
				    "committee, council or forum"), optarg);
			f.kind = optarg;
			break;
		case 'G':
			f.programme = optarg;
			break;
		case 'N':
			f.body = optarg;
			break;
		case 'P':
			cli_period(&c, "period", optarg, &period);
			f.period = &period;
			break;
		case 'A':
			if ((why = inno_parse_date(optarg, strlen(optarg),
			    day)) != NULL)
				cli_usage_error(&c, "--as-of=%s: %s", optarg,
				    _(why));
			f.as_of = day;
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
	if ((err = inno_body_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
