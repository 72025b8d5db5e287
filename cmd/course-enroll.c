/*
 * course-enroll: enrols employees in courses and records their completion,
 * one from options or many from CSV.
 */
#include "course.h"
#include "club-writer.h"

static const char synopsis[] =
    "course-enroll [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "course-enroll [-nq] [-d db] [-c config] --course name --employee-id id\n"
    "[--round n] [--status status] [--completed date]\n";
static const char help_text[] =
    "Enrol employees in courses or record their completion, one from\n"
    "options or many from CSV (course,round,employee_id,status,completed).\n"
    "An enrolment already recorded is updated.\n"
    "\n"
    "      --course NAME    the course\n"
    "      --round N        its round (needed when it has several)\n"
    "      --employee-id ID the employee\n"
    "      --status STATUS  enrolled, completed or dropped\n"
    "      --completed DATE the day of completion (default the course's end)\n";

int
main(int argc, char **argv)
{
	return record_main(argc, argv, "course-enroll", synopsis, help_text,
	    inno_enrol_cols, INNO_ENROL_NCOLS,
	    inno_enrol_row, "enrolment", "enrolments");
}
