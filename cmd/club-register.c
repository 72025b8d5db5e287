/*
 * club-register: registers learning clubs (학습·연구 동아리), one from
 * options or many from CSV, and prints the id of a single club.
 */
#include "club.h"
#include "cli.h"
#include "i18n.h"

static const char synopsis[] =
    "club-register [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "club-register [-nq] [-d db] [-c config] --name name --kind kind\n"
    "[--topic text] [--leader employee-id] [--dept name] [--registered date]\n";
static const char *const help_text = N_(
    "Register learning clubs, one from options or many from CSV\n"
    "(name,kind,topic,leader,dept,registered).\n"
    "\n"
    "      --name NAME      the club's name, unique\n"
    "      --kind KIND      strategic or departmental\n"
    "      --topic TEXT     what the club studies\n"
    "      --leader ID      the leader's employee_id\n"
    "      --dept NAME      the department (default: the leader's)\n"
    "      --registered D   the registration date (default today)\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", "strategic departmental", NULL},
		{NULL, NULL, NULL},
	};
	int64_t id = 0;
	struct cli_writer w = {
		.cols = inno_club_cols, .ncols = INNO_CLUB_NCOLS,
		.fn = inno_club_row, .arg = &id, .id = &id,
		.table = "club", .what = N_("clubs"),
	};

	return cli_writer_main("club-register", synopsis, help_text, values, &w, argc,
	    argv);
}
