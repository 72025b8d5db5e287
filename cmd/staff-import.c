/*
 * staff-import: loads employees, or teams with their authorised headcount,
 * from CSV, inserting or updating by employee_id.
 */
#include <stdlib.h>

#include "cli.h"
#include "staff.h"
#include "i18n.h"

static const char synopsis[] =
    "staff-import [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [--teams] [file]\n";
static const char *const help_text = N_(
    "Load employees (employee_id,name,grade,dept,team,joined,left) from a\n"
    "CSV file or standard input, inserting or updating by employee_id.\n"
    "\n"
    "      --teams          load teams instead (dept,team,authorised,kind)\n");

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"teams", no_argument, NULL, 'T'},
		{NULL, 0, NULL, 0},
	};
	struct cli_writer w = {
		.cols = inno_staff_cols, .ncols = INNO_STAFF_NCOLS,
		.fn = inno_staff_row, .table = "employee",
		.what = N_("employees"), .mode = CLI_WRITE_MANY,
		/*
		 * Every department and team an employee names is found in,
		 * or added to, the batch's maps, read inside its write
		 * transaction: the database need not check them again.
		 */
		.refs_checked = 1,
	};
	struct inno_staff_batch batch = {0};
	struct cli c;
	int rc;

	/* The departments and teams are looked up in memory, once a batch. */
	w.arg = &batch;
	cli_init(&c, "staff-import", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	cli_writer(&c, &w);
	while (cli_getopt(&c, argc, argv, "", longopts) != -1) {
		/* --teams, the one option of the program's own. */
		w.cols = inno_team_cols;
		w.ncols = INNO_TEAM_NCOLS;
		w.fn = inno_team_row;
		w.arg = NULL;
		w.table = NULL;
		w.what = N_("teams");
		w.refs_checked = 0;
	}
	if (w.fn == inno_team_row)
		cli_identity(&c, "teams", "1");
	argc -= optind;
	argv += optind;
	rc = cli_write(&c, &w, argc, argv);
	inno_staff_batch_release(&batch);
	return rc;
}
