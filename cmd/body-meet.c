/*
 * body-meet: records the meetings committees, councils and forums held.
 */
#include "cli.h"
#include "body.h"
#include "i18n.h"

static const char synopsis[] =
    "body-meet [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "body-meet [-nq] [-d db] [-c config] --body name --date date\n"
    "[--attendance n] [--topic text]\n";
static const char *const help_text = N_(
    "Record meetings of a body, one from options or many from CSV\n"
    "(body,date,attendance,topic).\n"
    "\n"
    "      --body NAME          the committee, council or forum\n"
    "      --date DATE          the day it met\n"
    "      --attendance N       how many attended\n"
    "      --topic TEXT         what it discussed\n");

int
main(int argc, char **argv)
{
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_body_meeting_cols, .ncols = INNO_MEET_NCOLS,
		.fn = inno_body_meeting_row, .arg = &arg, .id = &arg.last_id,
		.table = "body_meeting", .what = N_("meetings"),
	};

	return cli_writer_main("body-meet", synopsis, help_text, NULL, &w,
	    argc, argv);
}
