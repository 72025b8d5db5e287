/*
 * group-join: records members joining and leaving the innovation leader
 * groups (혁신주도그룹), each bounded by the grades set in inno.ini.
 */
#include "group.h"
#include "cli.h"
#include "i18n.h"

static const char synopsis[] =
    "group-join [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "group-join [-nq] [-d db] [-c config] --group name --employee-id id\n"
    "[--joined date] [--left date]\n";
static const char *const help_text = N_(
    "Record members joining or leaving the leader groups, one from options\n"
    "or many from CSV (group,employee_id,joined,left).  An employee whose\n"
    "grade is outside the group's range is refused.\n"
    "\n"
    "      --group NAME     the group, by name (혁신리더) or key (leader)\n"
    "      --employee-id ID  the member\n"
    "      --joined DATE    the day the member joined (default today)\n"
    "      --left DATE      the day the member left\n");

int
main(int argc, char **argv)
{
	int64_t id = 0;
	struct cli_writer w = {
		.cols = inno_gm_cols, .ncols = INNO_GM_NCOLS,
		.fn = inno_gm_row, .arg = &id, .id = &id,
		.table = "group_member", .what = N_("memberships"),
	};

	return cli_writer_main("group-join", synopsis, help_text, NULL, &w, argc,
	    argv);
}
