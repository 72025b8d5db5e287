/*
 * task-member: puts employees on the task forces of innovation tasks, one
 * membership from options or many from CSV (task,employee_id,role,joined),
 * so that 15 task forces of 180 people load in one batch.
 */
#include "cli.h"
#include "task.h"
#include "i18n.h"

static const char synopsis[] =
    "task-member [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "task-member [-nq] [-d db] [-c config] --task n --employee-id id\n"
    "[--role role] [--joined date]\n";
static const char *const help_text = N_(
    "Put employees on task forces, one from options or many from CSV\n"
    "(task,employee_id,role,joined).\n"
    "\n"
    "      --task N           the task's id\n"
    "      --employee-id ID   the employee\n"
    "      --role ROLE        leader, member, ... (default member)\n"
    "      --joined DATE      the day they joined (default today)\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"role", "leader member", NULL},
		{NULL, NULL, NULL},
	};
	int64_t id = 0;
	struct cli_writer w = {
		.cols = inno_task_member_cols, .ncols = INNO_TMEM_NCOLS,
		.fn = inno_task_member_row, .arg = &id, .id = &id,
		.table = "task_member", .what = N_("memberships"),
	};

	return cli_writer_main("task-member", synopsis, help_text, values, &w,
	    argc, argv);
}
