/*
 * inno-check: checks the database: SQLite's integrity and foreign keys, the
 * schema against the compiled migrations, the audit trail against the
 * change log, and the office's rules the schema cannot state (lib/check.c).
 */
#include "cli.h"
#include "i18n.h"
#include "check.h"

static const char synopsis[] = "inno-check [-q] [-d db] [-c config]\n";
static const char help_text[] =
    "Check the database; print one line per problem and exit 1 if any.\n";

int
main(int argc, char **argv)
{
	const struct inno_error *err;
	struct inno_diag d;
	struct cli c;
	size_t i;
	int ch;

	cli_init(&c, "inno-check", synopsis, help_text, 0);
	while ((ch = cli_getopt(&c, argc, argv, "", NULL)) != -1)
		cli_usage(&c);
	cli_operands(&c, argc - optind, argv + optind, 0, 0, NULL);
	cli_setup(&c);
	cli_open_db(&c, INNO_DB_READ);
	inno_diag_init(&d);
	if ((err = inno_check_all(c.db, &d)) != NULL)
		cli_fail(&c, err);
	for (i = 0; i < d.nmsgs; i++)
		printf("%s\n", d.msgs[i]);
	if (d.count > d.nmsgs)
		printf(_("... and %zu more\n"), d.count - d.nmsgs);
	if (d.count > 0 && !c.quiet)
		cli_warn(&c, dngettext(INNO_TEXTDOMAIN, "%zu problem found",
		    "%zu problems found", d.count), d.count);
	ch = d.count > 0 ? INNO_EINPUT : 0;
	inno_diag_release(&d);
	cli_finish(&c);
	return ch;
}
