/*
 * club-activity: records the seminars, visits, invited lecturers and
 * contest entries and results of learning clubs, one from options or many
 * from CSV.
 */
#include "club.h"
#include "club-writer.h"

static const char synopsis[] =
    "club-activity [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "club-activity [-nq] [-d db] [-c config] --club name --kind kind\n"
    "[--date date] [--attendees n] [--result text] [--note text]\n";
static const char help_text[] =
    "Record club activities, one from options or many from CSV\n"
    "(club,kind,date,attendees,result,note).\n"
    "\n"
    "      --club NAME      the club\n"
    "      --kind KIND      seminar, visit, lecturer, contest-entry or\n"
    "                       contest-result\n"
    "      --date DATE      the day (default today)\n"
    "      --attendees N    how many took part\n"
    "      --result TEXT    the prize of a contest-result\n"
    "      --note TEXT      a note\n";

int
main(int argc, char **argv)
{
	return record_main(argc, argv, "club-activity", synopsis, help_text,
	    inno_act_cols, INNO_ACT_NCOLS,
	    inno_act_row, "club_activity", "activities");
}
