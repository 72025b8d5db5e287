/*
 * course-list: lists training courses with the employees enrolled in and
 * completing each round, sums them per programme or kind over a period,
 * or lists the enrolments.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "course.h"
#include "i18n.h"

static const char synopsis[] =
    "course-list [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--kind kind] [--name name] [--round n]\n"
    "[--programme name]\n"
    "[--period period] [--on date] [--enrolments [--status status] |\n"
    "--by course|kind]\n";
static const char *const help_text = N_(
    "List courses with their enrolled and completed counts.\n"
    "\n"
    "      --kind KIND      e-learning, special or workshop\n"
    "      --name NAME      only this course\n"
    "      --round N        only this round\n"
    "      --programme P    only the courses of programme P\n"
    "      --period P       only courses held in part in P (2007,\n"
    "                       2007-H1, 2007-02..2007-04, ...)\n"
    "      --on DATE        the day a course's state is judged (default\n"
    "                       today)\n"
    "      --enrolments     list the enrolments instead\n"
    "      --status STATUS  with --enrolments: enrolled, completed or\n"
    "                       dropped\n"
    "      --by KEY         sums by course (all rounds) or kind\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", "e-learning special workshop", NULL},
		{"status", "enrolled completed dropped", NULL},
		{"by", "course kind", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, 'K'},
		{"name", required_argument, NULL, 'N'},
		{"round", required_argument, NULL, 'R'},
		{"programme", required_argument, NULL, 'G'},
		{"period", required_argument, NULL, 'P'},
		{"on", required_argument, NULL, 'O'},
		{"enrolments", no_argument, NULL, 'E'},
		{"status", required_argument, NULL, 'S'},
		{"by", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	static const char *const kinds[] = {"e-learning", "special",
	    "workshop", NULL};
	static const char *const statuses[] = {"enrolled", "completed",
	    "dropped", NULL};
	struct inno_course_filter f = {0};
	struct inno_period period;
	const struct inno_error *err;
	const char *why;
	struct inno_stmt *st;
	struct cli c;
	char on[11] = "";
	int ch;

	cli_init(&c, "course-list", synopsis, help_text, CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'K':
			if (inno_word_index(kinds, optarg) < 0) {
				cli_warn(&c,
				    _("--kind=%s: expected e-learning, "
				    "special or workshop"), optarg);
				return INNO_EUSAGE;
			}
			f.kind = optarg;
			break;
		case 'N':
			f.name = optarg;
			break;
		case 'R':
			if ((why = inno_parse_int(optarg, strlen(optarg), 1,
			    1000, &f.round)) != NULL) {
				cli_warn(&c, _("--round=%s: %s (1 to 1000)"),
				    optarg, _(why));
				return INNO_EUSAGE;
			}
			break;
		case 'G':
			f.programme = optarg;
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
		case 'O':
			if ((why = inno_parse_date(optarg, strlen(optarg),
			    on)) != NULL) {
				cli_warn(&c, "--on=%s: %s", optarg, _(why));
				return INNO_EUSAGE;
			}
			break;
		case 'E':
			f.enrolments = 1;
			break;
		case 'S':
			if (inno_word_index(statuses, optarg) < 0) {
				cli_warn(&c,
				    _("--status=%s: expected enrolled, "
				    "completed or dropped"), optarg);
				return INNO_EUSAGE;
			}
			f.status = optarg;
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
	if (f.enrolments && f.by != NULL)
		cli_usage_error(&c,
		    _("--enrolments lists enrolments: no --by"));
	if (f.status != NULL && !f.enrolments)
		cli_usage_error(&c, _("--status is for --enrolments"));
	cli_setup(&c);
	if (on[0] == '\0' && (err = inno_today(on)) != NULL)
		cli_fail(&c, err);
	f.on = on;
	cli_open_db(&c, INNO_DB_READ);
	if ((err = inno_course_query(c.db, &f, &st)) != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
