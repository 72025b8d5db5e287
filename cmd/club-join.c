/*
 * club-join: records members joining and leaving learning clubs, one from
 * options or many from CSV.
 */
#include "club.h"
#include "cli.h"
#include "i18n.h"

static const char synopsis[] =
    "club-join [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "club-join [-nq] [-d db] [-c config] --club name --employee-id id\n"
    "[--joined date] [--left date]\n";
static const char *const help_text = N_(
    "Record members joining or leaving clubs, one from options or many from\n"
    "CSV (club,employee_id,joined,left).  With --left alone, the member's\n"
    "open membership ends on that date.\n"
    "\n"
    "      --club NAME      the club\n"
    "      --employee-id ID  the member\n"
    "      --joined DATE    the day the member joined (default today)\n"
    "      --left DATE      the day the member left\n");

int
main(int argc, char **argv)
{
	int64_t id = 0;
	struct cli_writer w = {
		.cols = inno_member_cols, .ncols = INNO_MEMBER_NCOLS,
		.fn = inno_member_row, .arg = &id, .id = &id,
		.table = "club_member", .what = N_("memberships"),
	};

	return cli_writer_main("club-join", synopsis, help_text, NULL, &w, argc,
	    argv);
}
