/*
 * course-enroll: enrols employees in courses and records their completion,
 * one from options or many from CSV.
 */
#include "course.h"
#include "cli.h"
#include "i18n.h"

static const char synopsis[] =
    "course-enroll [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "course-enroll [-nq] [-d db] [-c config] --course name --employee-id id\n"
    "[--round n] [--status status] [--completed date]\n";
static const char *const help_text = N_(
    "Enrol employees in courses or record their completion, one from\n"
    "options or many from CSV (course,round,employee_id,status,completed).\n"
    "An enrolment already recorded is updated.\n"
    "\n"
    "      --course NAME    the course\n"
    "      --round N        its round (needed when it has several)\n"
    "      --employee-id ID  the employee\n"
    "      --status STATUS  enrolled, completed or dropped\n"
    "      --completed DATE  the day completed (default: the course's end)\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"status", "enrolled completed dropped", NULL},
		{NULL, NULL, NULL},
	};
	int64_t id = 0;
	struct cli_writer w = {
		.cols = inno_enrol_cols, .ncols = INNO_ENROL_NCOLS,
		.fn = inno_enrol_row, .arg = &id, .id = &id,
		.table = "enrolment", .what = N_("enrolments"),
	};

	return cli_writer_main("course-enroll", synopsis, help_text, values, &w, argc,
	    argv);
}
