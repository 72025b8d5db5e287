/*
 * activity-log: records programme activity (a forum session, a contest, a
 * monitoring round, a launch, a newsletter issue, press coverage, a gauge
 * reading, ...), one from options or many from CSV.
 */
#include "cli.h"
#include "activity.h"
#include "i18n.h"

static const char synopsis[] =
    "activity-log [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--programme name] [--kind kind]\n"
    "[--date date] [--ends date] [--title text] [--times n] [--people n]\n"
    "[--items n] [--units n] [--depts n] [--winners n] [--employees ids]\n"
    "[--covers-from date] [--covers-to date] [--note text] [file]\n";
static const char *const help_text = N_(
    "Record programme activity from options, or many from a CSV file or\n"
    "standard input.  Kinds and programmes are those of the report wording.\n"
    "\n"
    "      --programme NAME      the programme (a section's programme name)\n"
    "      --kind KIND           the kind (an [activity.KIND] of the wording)\n"
    "      --date DATE           the day, or the day of a gauge reading\n"
    "      --ends DATE           the last day of an activity of several days\n"
    "      --title TEXT          its name (contest, newsletter, best case)\n"
    "      --times N             how many times (default once)\n"
    "      --people N            people (default: the employees listed)\n"
    "      --items N             items, cases or posts\n"
    "      --units N             copies, pieces, fields or a level\n"
    "      --depts N             departments or neighbourhoods\n"
    "      --winners N           winners or departments awarded\n"
    "      --employees IDS       the employees who took part\n"
    "      --covers-from DATE    the first day of the period evaluated\n"
    "      --covers-to DATE      the last day of the period evaluated\n"
    "      --note TEXT           a note\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", NULL, cli_offer_activity_kinds},
		{"programme", NULL, cli_offer_programmes},
		{NULL, NULL, NULL},
	};
	struct inno_activity_names state;
	struct cli_writer w = {
		.cols = inno_activity_cols, .ncols = INNO_PA_NCOLS,
		.fn = inno_activity_row, .arg = &state, .id = &state.last_id,
		.table = "activity", .what = N_("activities"),
		.setup = cli_activity_names_setup,
		.release = cli_activity_names_release,
	};

	return cli_writer_main("activity-log", synopsis, help_text, values, &w,
	    argc, argv);
}
