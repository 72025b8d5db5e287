/*
 * body-add: records a committee, council or forum, one from options or
 * many from CSV.
 */
#include "cli.h"
#include "activity.h"
#include "body.h"
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
	struct inno_activity_names state;
	struct cli_writer w = {
		.cols = inno_body_cols, .ncols = INNO_BODY_NCOLS,
		.fn = inno_body_row, .arg = &state, .id = &state.last_id,
		.table = "body", .what = N_("bodies"),
		.setup = cli_activity_names_setup,
		.release = cli_activity_names_release,
	};

	return cli_writer_main("body-add", synopsis, help_text, values, &w,
	    argc, argv);
}
