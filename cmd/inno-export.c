/*
 * inno-export: writes any table or view of the database, whole, for
 * spreadsheets and other systems.
 */
#include "cli.h"
#include "i18n.h"

static const char synopsis[] =
    "inno-export [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--list | table]\n";
static const char *const help_text = N_(
    "Write a table or view as CSV (or another format).\n"
    "\n"
    "      --list           list the tables and views\n");

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"list", no_argument, NULL, 'L'},
		{NULL, 0, NULL, 0},
	};
	const struct inno_error *err;
	struct inno_stmt *st;
	struct cli c;
	int ch, list = 0;

	cli_init(&c, "inno-export", synopsis, help_text, CLI_LIST);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'L':
			list = 1;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	cli_operands(&c, argc, argv, !list, !list, N_("a table"));
	cli_setup(&c);
	cli_open_db(&c, INNO_DB_READ);
	if (list)
		err = inno_db_tables(c.db, &st);
	else
		err = inno_db_table_rows(c.db, argv[0], &st);
	if (err != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
