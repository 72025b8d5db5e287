/*
 * staff-import: loads employees, or teams with their authorised headcount,
 * from CSV, inserting or updating by employee_id.
 */
#include <stdlib.h>

#include "cli.h"
#include "staff.h"

static const char synopsis[] =
    "staff-import [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [--teams] [file]\n";
static const char help_text[] =
    "Load employees (employee_id,name,grade,dept,team,joined,left) from a\n"
    "CSV file or standard input, inserting or updating by employee_id.\n"
    "\n"
    "      --teams          load teams instead (dept,team,authorised,kind)\n";

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"teams", no_argument, NULL, 'T'},
		{NULL, 0, NULL, 0},
	};
	struct cli c;
	struct inno_batch_opts opts;
	struct inno_batch_result res;
	const struct inno_error *err;
	const char *name;
	FILE *in;
	int ch, teams = 0;

	cli_init(&c, "staff-import", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'T':
			teams = 1;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		cli_usage(&c);
	cli_setup(&c);
	in = cli_input(&c, argc > 0 ? argv[0] : NULL, &name);
	cli_open_db(&c, INNO_DB_WRITE);
	cli_batch_opts(&c, &opts, teams ? NULL : "employee");
	inno_batch_result_init(&res);
	if (teams)
		err = inno_batch_csv(c.db, in, name, inno_team_cols,
		    INNO_TEAM_NCOLS, inno_team_row, NULL, &opts, &res);
	else
		err = inno_batch_csv(c.db, in, name, inno_staff_cols,
		    INNO_STAFF_NCOLS, inno_staff_row, NULL, &opts, &res);
	if (err != NULL)
		cli_fail_batch(&c, err, &res);
	cli_batch_report(&c, &res, teams ? "teams" : "employees");
	inno_batch_result_release(&res);
	if (in != stdin)
		fclose(in);
	return cli_finish(&c);
}
