/*
 * body-join: records the members of committees, councils and forums:
 * employees, or outside people and institutions with an affiliation.
 */
#include "cli.h"
#include "body.h"
#include "i18n.h"

static const char synopsis[] =
    "body-join [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "body-join [-nq] [-d db] [-c config] --body name --joined date\n"
    "[--employee-id id | --name name [--affiliation text]] [--role role]\n";
static const char *const help_text = N_(
    "Record members of a body, one from options or many from CSV\n"
    "(body,employee_id,name,affiliation,role,joined).\n"
    "\n"
    "      --body NAME          the committee, council or forum\n"
    "      --employee-id ID     a member of staff\n"
    "      --name NAME          an outside member (a person or institution)\n"
    "      --affiliation TEXT   the outside member's affiliation\n"
    "      --role ROLE          member (the default) or chair\n"
    "      --joined DATE        the day the member joined\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"role", "member chair", NULL},
		{NULL, NULL, NULL},
	};
	struct inno_record_arg arg = {0};
	struct cli_writer w = {
		.cols = inno_body_member_cols, .ncols = INNO_BODYM_NCOLS,
		.fn = inno_body_member_row, .arg = &arg, .id = &arg.last_id,
		.table = "body_member", .what = N_("members"),
	};

	return cli_writer_main("body-join", synopsis, help_text, values, &w,
	    argc, argv);
}
