/*
 * club-activity: records the seminars, visits, invited lecturers and
 * contest entries and results of learning clubs, one from options or many
 * from CSV.
 */
#include "club.h"
#include "cli.h"
#include "i18n.h"

static const char synopsis[] =
    "club-activity [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "club-activity [-nq] [-d db] [-c config] --club name --kind kind\n"
    "[--date date] [--attendees n] [--result text] [--note text]\n";
static const char *const help_text = N_(
    "Record club activities, one from options or many from CSV\n"
    "(club,kind,date,attendees,result,note).\n"
    "\n"
    "      --club NAME      the club\n"
    "      --kind KIND      seminar, visit, lecturer, contest-entry or\n"
    "                       contest-result\n"
    "      --date DATE      the day (default today)\n"
    "      --attendees N    how many took part\n"
    "      --result TEXT    the prize of a contest-result\n"
    "      --note TEXT      a note\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", "seminar visit lecturer contest-entry contest-result",
		    NULL},
		{NULL, NULL, NULL},
	};
	int64_t id = 0;
	struct cli_writer w = {
		.cols = inno_act_cols, .ncols = INNO_ACT_NCOLS,
		.fn = inno_act_row, .arg = &id, .id = &id,
		.table = "club_activity", .what = N_("activities"),
	};

	return cli_writer_main("club-activity", synopsis, help_text, values, &w, argc,
	    argv);
}
