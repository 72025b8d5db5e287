/*
 * schedule-add: records events the office has planned for a programme
 * (meetings, contests, evaluations), which report-build shows as the
 * programme's 향후추진계획 until they are past.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "report.h"
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

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"section", NULL, cli_offer_report_sections},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"section", required_argument, NULL,
		    CLI_COL + INNO_SCHED_SECTION},
		{"start", required_argument, NULL, CLI_COL + INNO_SCHED_START},
		{"end", required_argument, NULL, CLI_COL + INNO_SCHED_END},
		{"what", required_argument, NULL, CLI_COL + INNO_SCHED_WHAT},
		{"months", required_argument, NULL,
		    CLI_COL + INNO_SCHED_MONTHS},
		{"undated", required_argument, NULL,
		    CLI_COL + INNO_SCHED_UNDATED},
		{NULL, 0, NULL, 0},
	};
	struct inno_schedule_add add;
	struct cli_writer w = {
		.cols = inno_schedule_cols, .ncols = INNO_SCHED_NCOLS,
		.fn = inno_schedule_row, .arg = &add, .id = &add.last_id,
		.table = "schedule", .what = N_("events"),
	};
	const struct inno_error *err;
	struct cli c;
	int rc;

	cli_init(&c, "schedule-add", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	cli_values(&c, values);
	cli_writer(&c, &w);
	/* Every option is a column's or a common one: cli_getopt takes them. */
	while (cli_getopt(&c, argc, argv, "", longopts) != -1)
		continue;
	argc -= optind;
	argv += optind;
	/* The sections an event may name are those of the report wording. */
	cli_setup(&c);
	if ((err = inno_schedule_add_init(&add, inno_report_share(c.cfg,
	    INNO_DATADIR))) != NULL) {
		inno_schedule_add_release(&add);
		cli_fail(&c, err);
	}
	rc = cli_write(&c, &w, argc, argv);
	inno_schedule_add_release(&add);
	return rc;
}
