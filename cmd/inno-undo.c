/*
 * inno-undo: lists the commands that wrote to the database, and takes one
 * back as a whole (lib/undo.h).
 */
#include <string.h>

#include "audit.h"
#include "cli.h"
#include "undo.h"
#include "i18n.h"

static const char synopsis[] =
    "inno-undo [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] --list [--since date] [--until date] [--program name]\n"
    "[--user name]\n"
    "inno-undo [-nq] [-d db] [-c config] id\n";
static const char *const help_text = N_(
    "List the commands that wrote to the database, or take back the\n"
    "command with the given id, all of it or nothing.  The undo is itself\n"
    "a command and can be undone.\n"
    "\n"
    "  -l, --list           list the commands: id, time, user, program,\n"
    "                       what they changed\n"
    "      --since DATE     only commands on or after DATE\n"
    "      --until DATE     only commands on or before DATE\n"
    "      --program NAME   only commands of this program\n"
    "      --user NAME      only commands of this user\n");

static void
date_opt(struct cli *c, const char *opt, const char *s, char out[11])
{
	const char *why;

	if ((why = inno_parse_date(s, strlen(s), out)) != NULL)
		cli_usage_error(c, "--%s=%s: %s", opt, s, _(why));
}

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"program", "award-add award-fund benchmark-log budget-set "
		    "budget-spend club-activity club-fund club-join "
		    "club-register course-add course-enroll group-join "
		    "idea-review idea-submit inno-undo knowledge-add "
		    "knowledge-review mileage-award mileage-mvp schedule-add "
		    "staff-import task-add task-update", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"list", no_argument, NULL, 'l'},
		{"since", required_argument, NULL, 'S'},
		{"until", required_argument, NULL, 'U'},
		{"program", required_argument, NULL, 'P'},
		{"user", required_argument, NULL, 'W'},
		{NULL, 0, NULL, 0},
	};
	struct inno_audit_filter f = {0};
	struct inno_undo_result res;
	const struct inno_error *err;
	struct inno_stmt *st;
	char since[11], until[11];
	const char *why;
	int64_t id;
	int ch, list = 0;
	struct cli c;

	cli_init(&c, "inno-undo", synopsis, help_text, CLI_WRITE | CLI_LIST);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "l", longopts)) != -1) {
		switch (ch) {
		case 'l':
			list = 1;
			break;
		case 'S':
			date_opt(&c, "since", optarg, since);
			f.since = since;
			break;
		case 'U':
			date_opt(&c, "until", optarg, until);
			f.until = until;
			break;
		case 'P':
			f.program = optarg;
			break;
		case 'W':
			f.user = optarg;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	if (list) {
		cli_operands(&c, argc, argv, 0, 0, NULL);
		cli_setup(&c);
		cli_open_db(&c, INNO_DB_READ);
		if ((err = inno_undo_list(c.db, &f, &st)) != NULL)
			cli_fail(&c, err);
		cli_list(&c, st);
		return cli_finish(&c);
	}
	if (f.since != NULL || f.until != NULL || f.program != NULL ||
	    f.user != NULL)
		cli_usage_error(&c, _("--since, --until, --program and --user "
		    "go with --list"));
	cli_operands(&c, argc, argv, 1, 1, N_("a command id"));
	if ((why = inno_parse_int(argv[0], strlen(argv[0]), 1, INT64_MAX,
	    &id)) != NULL)
		cli_usage_error(&c, "%s: %s", argv[0], _(why));
	cli_setup(&c);
	cli_open_db(&c, INNO_DB_WRITE);
	if ((err = inno_undo(c.db, id, c.dry_run, &res)) != NULL)
		cli_fail(&c, err);
	if (!c.quiet) {
		if (c.dry_run)
			cli_warn(&c, _("command %lld can be undone: %lld rows "
			    "to delete, %lld to restore, %lld to put back, "
			    "%lld ledger entries to write (nothing written)"),
			    (long long)id, (long long)res.deleted,
			    (long long)res.restored, (long long)res.reinserted,
			    (long long)res.entries);
		else
			cli_warn(&c, _("command %lld undone by command %lld: "
			    "%lld rows deleted, %lld restored, %lld put back, "
			    "%lld ledger entries written"), (long long)id,
			    (long long)res.command, (long long)res.deleted,
			    (long long)res.restored, (long long)res.reinserted,
			    (long long)res.entries);
	}
	return cli_finish(&c);
}
