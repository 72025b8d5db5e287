/*
 * club-join: records members joining and leaving learning clubs, one from
 * options or many from CSV.
 */
#include "club.h"
#include "club-writer.h"

static const char synopsis[] =
    "club-join [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "club-join [-nq] [-d db] [-c config] --club name --employee-id id\n"
    "[--joined date] [--left date]\n";
static const char help_text[] =
    "Record members joining or leaving clubs, one from options or many from\n"
    "CSV (club,employee_id,joined,left).  With --left alone, the member's\n"
    "open membership ends on that date.\n"
    "\n"
    "      --club NAME      the club\n"
    "      --employee-id ID the member\n"
    "      --joined DATE    the day the member joined (default today)\n"
    "      --left DATE      the day the member left\n";

int
main(int argc, char **argv)
{
	return record_main(argc, argv, "club-join", synopsis, help_text,
	    inno_member_cols, INNO_MEMBER_NCOLS,
	    inno_member_row, "club_member", "memberships");
}
