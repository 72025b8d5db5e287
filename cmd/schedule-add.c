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

static const char synopsis[] =
    "schedule-add [-nq] [-d db] [-c config] --section name --start when\n"
    "[--end when] --what text\n"
    "schedule-add [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n";
static const char help_text[] =
    "Record one planned event from options and print its id, or many from\n"
    "a CSV file (section,start,end,what) or standard input, all or nothing.\n"
    "\n"
    "      --section NAME   the programme's section in the report wording\n"
    "      --start WHEN     the day (YYYY-MM-DD) or month (YYYY-MM)\n"
    "      --end WHEN       the last day or month (default: the start)\n"
    "      --what TEXT      the event\n";

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"section", required_argument, NULL, 'S'},
		{"start", required_argument, NULL, 'B'},
		{"end", required_argument, NULL, 'E'},
		{"what", required_argument, NULL, 'W'},
		{NULL, 0, NULL, 0},
	};
	const char *values[INNO_SCHED_NCOLS] = {NULL};
	struct inno_batch_opts opts;
	struct inno_batch_result res;
	const struct inno_error *err;
	const char *name;
	struct inno_schedule_add add;
	FILE *in = NULL;
	struct cli c;
	int ch, given = 0;

	cli_init(&c, "schedule-add", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'S':
			values[INNO_SCHED_SECTION] = optarg;
			break;
		case 'B':
			values[INNO_SCHED_START] = optarg;
			break;
		case 'E':
			values[INNO_SCHED_END] = optarg;
			break;
		case 'W':
			values[INNO_SCHED_WHAT] = optarg;
			break;
		default:
			cli_usage(&c);
		}
		given = 1;
	}
	argc -= optind;
	argv += optind;
	if (argc > 1 || (given && argc > 0))
		cli_usage(&c);
	cli_setup(&c);
	if (!given)
		in = cli_input(&c, argc > 0 ? argv[0] : NULL, &name);
	if ((err = inno_schedule_add_init(&add, inno_report_share(c.cfg,
	    INNO_DATADIR))) != NULL) {
		inno_schedule_add_release(&add);
		cli_fail(&c, err);
	}
	cli_open_db(&c, INNO_DB_WRITE);
	cli_batch_opts(&c, &opts, "schedule");
	inno_batch_result_init(&res);
	if (given)
		err = inno_batch_one(c.db, inno_schedule_cols,
		    INNO_SCHED_NCOLS, values, inno_schedule_row, &add,
		    &opts, &res);
	else
		err = inno_batch_csv(c.db, in, name, inno_schedule_cols,
		    INNO_SCHED_NCOLS, inno_schedule_row, &add, &opts, &res);
	if (err != NULL)
		cli_fail_batch(&c, err, &res);
	if (given && !c.dry_run && add.last_id > 0)
		fprintf(cli_output(&c), "%lld\n", (long long)add.last_id);
	else
		cli_batch_report(&c, &res, "events");
	inno_batch_result_release(&res);
	inno_schedule_add_release(&add);
	if (in != NULL && in != stdin)
		fclose(in);
	return cli_finish(&c);
}
