/*
 * schedule-add: records events the office has planned for a programme
 * (meetings, contests, evaluations), which report-build shows as the
 * programme's 향후추진계획 until they are past.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "schedule.h"
#include "i18n.h"

static const char synopsis[] =
    "schedule-add [-nq] [-d db] [-c config] --section name --start when\n"
    "[--end when] --what text\n"
    "schedule-add [-nq] [-d db] [-c config] --section name --months list\n"
    "--what text\n"
    "schedule-add [-nq] [-d db] [-c config] --section name --start year\n"
    "--undated words --what text\n"
    "schedule-add [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n";
static const char *const help_text = N_(
    "Record one planned event from options and print its id, or many from\n"
    "a CSV file (section,start,end,what,months,undated) or standard input,\n"
    "all or nothing.\n"
    "\n"
    "      --section NAME   the programme's section in the report wording\n"
    "      --start WHEN     the day (YYYY-MM-DD) or month (YYYY-MM), or the\n"
    "                       year (YYYY) of an undated event\n"
    "      --end WHEN       the last day or month (default: the start)\n"
    "      --months LIST    the months of an event held in several\n"
    "                       (2007-07,2007-12), in place of start and end\n"
    "      --undated WORDS  the words shown in place of a date (필요시)\n"
    "      --what TEXT      the event\n");

/* The sections an event may name are those of the report wording. */
static const struct inno_error *
setup(void *arg, const char *share)
{
	return inno_schedule_add_init(arg, share);
}

static void
release(void *arg)
{
	inno_schedule_add_release(arg);
}

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"section", NULL, cli_offer_report_sections},
		{NULL, NULL, NULL},
	};
	struct inno_schedule_add state;
	struct cli_writer w = {
		.cols = inno_schedule_cols, .ncols = INNO_SCHED_NCOLS,
		.fn = inno_schedule_row, .arg = &state, .id = &state.last_id,
		.table = "schedule", .what = N_("events"),
		.setup = setup, .release = release,
	};

	return cli_writer_main("schedule-add", synopsis, help_text, values, &w,
	    argc, argv);
}
