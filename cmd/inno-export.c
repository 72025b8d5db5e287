/*
 * inno-export: writes any table or view of the database, whole, for
 * spreadsheets and other systems.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char synopsis[] =
    "inno-export [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--list | table]\n";
static const char help_text[] =
    "Write a table or view as CSV (or another format).\n"
    "\n"
    "      --list           list the tables and views\n";

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
	char *name = NULL, *sql;
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
	cli_operands(&c, argc, argv, !list, !list, "a table");
	cli_setup(&c);
	cli_open_db(&c, INNO_DB_READ);
	if (list) {
		err = inno_db_query(c.db, &st, "SELECT name, type FROM "
		    "sqlite_schema WHERE type IN ('table', 'view') AND name NOT "
		    "LIKE 'sqlite_%' ORDER BY name", NULL);
	} else {
		/*
		 * The name is checked against the schema first and then
		 * quoted, so user text never becomes SQL.
		 */
		err = inno_db_text(c.db, &name, "SELECT name FROM sqlite_schema "
		    "WHERE type IN ('table', 'view') AND name = ? AND name NOT "
		    "LIKE 'sqlite_%'", "t", argv[0]);
		if (err == NULL && name == NULL)
			err = inno_error(INNO_EUSAGE, "%s: no such table or "
			    "view (see inno-export --list)", argv[0]);
		if (err == NULL && strchr(name, '"') != NULL)
			err = inno_error(INNO_EUSAGE, "%s: unusual table name",
			    name);
		if (err == NULL) {
			if ((sql = inno_strf("SELECT * FROM \"%s\" ORDER BY 1",
			    name)) == NULL)
				err = inno_error_nomem();
			else {
				err = inno_db_query(c.db, &st, sql, NULL);
				free(sql);
			}
		}
	}
	free(name);
	if (err != NULL)
		cli_fail(&c, err);
	cli_list(&c, st);
	return cli_finish(&c);
}
