/*
 * benchmark-log: records a benchmarking event: an outgoing visit, an incoming
 * visit or a good-practice presentation, from options or many from CSV.
 */
#include "cli.h"
#include "benchmark.h"
#include "i18n.h"

static const char synopsis[] =
    "benchmark-log [-nq] [-d db] [-c config] [--reject file]\n"
    "[--batch-id id] [--encoding enc] [--kind kind] [--date date]\n"
    "[--institution name] [--sector sector] [--people n] [--speaker id]\n"
    "[--employees ids] [--findings text] [--task-id n] [file]\n";
static const char *const help_text = N_(
    "Record a benchmarking event (outgoing visit, incoming visit or\n"
    "presentation) from options, or many from a CSV file or standard input.\n"
    "\n"
    "      --kind KIND           outgoing, incoming or presentation\n"
    "      --date DATE           the day, YYYY-MM-DD\n"
    "      --institution NAME    the other institution\n"
    "      --sector SECTOR       public or private\n"
    "      --people N            visitors, attendance or participants\n"
    "      --speaker ID          the employee who presented\n"
    "      --employees IDS       participating employees (outgoing)\n"
    "      --findings TEXT       what was learnt\n"
    "      --task-id N           the innovation task the visit inspired\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", "outgoing incoming presentation", NULL},
		{"sector", "public private", NULL},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, CLI_COL + INNO_BM_KIND},
		{"date", required_argument, NULL, CLI_COL + INNO_BM_DATE},
		{"institution", required_argument, NULL,
		    CLI_COL + INNO_BM_INSTITUTION},
		{"sector", required_argument, NULL, CLI_COL + INNO_BM_SECTOR},
		{"people", required_argument, NULL, CLI_COL + INNO_BM_PEOPLE},
		{"speaker", required_argument, NULL,
		    CLI_COL + INNO_BM_SPEAKER},
		{"employees", required_argument, NULL,
		    CLI_COL + INNO_BM_EMPLOYEES},
		{"findings", required_argument, NULL,
		    CLI_COL + INNO_BM_FINDINGS},
		{"task-id", required_argument, NULL, CLI_COL + INNO_BM_TASK},
		{NULL, 0, NULL, 0},
	};
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_benchmark_cols, .ncols = INNO_BM_NCOLS,
		.fn = inno_benchmark_row, .arg = &arg, .id = &arg.last_id,
		.table = "benchmark", .what = N_("events"),
	};
	struct cli c;

	cli_init(&c, "benchmark-log", synopsis, help_text,
	    CLI_WRITE | CLI_BATCH);
	cli_values(&c, values);
	cli_writer(&c, &w);
	/* Every option is a column's or a common one: cli_getopt takes them. */
	while (cli_getopt(&c, argc, argv, "", longopts) != -1)
		continue;
	argc -= optind;
	argv += optind;
	return cli_write(&c, &w, argc, argv);
}
