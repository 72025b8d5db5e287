/*
 * course-add: records training courses (e-learning rounds, special
 * training, workshops), one from options or many from CSV.
 */
#include "course.h"
#include "cli.h"
#include "i18n.h"

static const char synopsis[] =
    "course-add [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "course-add [-nq] [-d db] [-c config] --name name --kind kind\n"
    "--start date [--end date] [--round n] [--hours n] [--target text]\n"
    "[--programme name] [--attended n] [--catalogue n]\n"
    "[--catalogue-name text]\n";
static const char *const help_text = N_(
    "Record courses, one from options or many from CSV\n"
    "(name,kind,round,start,end,hours,target,programme,attended,catalogue,\n"
    "catalogue_name).\n"
    "\n"
    "      --name NAME            the course or programme\n"
    "      --kind KIND            e-learning, special or workshop\n"
    "      --round N              the round (차) of the programme (default 1)\n"
    "      --start DATE           the first day\n"
    "      --end DATE             the last day (default the first)\n"
    "      --hours N              the hours of study\n"
    "      --target TEXT          who the course is for\n"
    "      --programme NAME       the programme whose section shows it\n"
    "      --attended N           how many took it, when not enrolled\n"
    "      --catalogue N          the courses of its catalogue\n"
    "      --catalogue-name TEXT  the course of the catalogue named first\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", "e-learning special workshop", NULL},
		{NULL, NULL, NULL},
	};
	int64_t id = 0;
	struct cli_writer w = {
		.cols = inno_course_cols, .ncols = INNO_COURSE_NCOLS,
		.fn = inno_course_row, .arg = &id, .id = &id,
		.table = "course", .what = N_("courses"),
	};

	return cli_writer_main("course-add", synopsis, help_text, values, &w, argc,
	    argv);
}
