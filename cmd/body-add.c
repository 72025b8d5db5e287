/*
 * body-add: records a committee, council or forum, one from options or
 * many from CSV.
 */
#include "cli.h"
#include "activity.h"
#include "body.h"
#include "report.h"
#include "i18n.h"

static const char synopsis[] =
    "body-add [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [--name name] [--kind kind] [--programme name]\n"
    "[--chair name] [--cadence cadence] [--formed date] [--note text]\n"
    "[file]\n";
static const char *const help_text = N_(
    "Record a committee, council or forum from options, or many from a CSV\n"
    "file or standard input.\n"
    "\n"
    "      --name NAME          the body's name\n"
    "      --kind KIND          committee, council or forum\n"
    "      --programme NAME     the programme it serves (report wording)\n"
    "      --chair NAME         who chairs it (a person or a government)\n"
    "      --cadence CADENCE    monthly, bimonthly, quarterly, half_yearly,\n"
    "                           yearly or as_needed (the default)\n"
    "      --formed DATE        the day it was formed\n"
    "      --note TEXT          a note\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"kind", "committee council forum", NULL},
		{"cadence", "monthly bimonthly quarterly half_yearly yearly "
		    "as_needed", NULL},
		{"programme", NULL, cli_offer_programmes},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"name", required_argument, NULL, CLI_COL + INNO_BODY_NAME},
		{"kind", required_argument, NULL, CLI_COL + INNO_BODY_KIND},
		{"programme", required_argument, NULL,
		    CLI_COL + INNO_BODY_PROGRAMME},
		{"chair", required_argument, NULL, CLI_COL + INNO_BODY_CHAIR},
		{"cadence", required_argument, NULL,
		    CLI_COL + INNO_BODY_CADENCE},
		{"formed", required_argument, NULL,
		    CLI_COL + INNO_BODY_FORMED},
		{"note", required_argument, NULL, CLI_COL + INNO_BODY_NOTE},
		{NULL, 0, NULL, 0},
	};
	struct inno_activity_names names;
	struct cli_writer w = {
		.cols = inno_body_cols, .ncols = INNO_BODY_NCOLS,
		.fn = inno_body_row, .arg = &names, .id = &names.last_id,
		.table = "body", .what = N_("bodies"),
	};
	const struct inno_error *err;
	struct cli c;
	int rc;

	cli_init(&c, "body-add", synopsis, help_text, CLI_WRITE | CLI_BATCH);
	cli_values(&c, values);
	cli_writer(&c, &w);
	while (cli_getopt(&c, argc, argv, "", longopts) != -1)
		continue;
	argc -= optind;
	argv += optind;
	cli_setup(&c);
	if ((err = inno_activity_names_init(&names, inno_report_share(c.cfg,
	    INNO_DATADIR))) != NULL) {
		inno_activity_names_release(&names);
		cli_fail(&c, err);
	}
	rc = cli_write(&c, &w, argc, argv);
	inno_activity_names_release(&names);
	return rc;
}
