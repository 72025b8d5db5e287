/*
 * club-fund: records grants to learning clubs within the yearly club
 * budget of inno.ini, one from options or many from CSV.
 */
#include "club.h"
#include "cli.h"
#include "i18n.h"

static const char synopsis[] =
    "club-fund [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "club-fund [-nq] [-d db] [-c config] --club name --amount won\n"
    "[--date date] [--purpose text]\n";
static const char *const help_text = N_(
    "Record grants to clubs, one from options or many from CSV\n"
    "(club,date,amount,purpose), within the yearly budget of [club] budget.\n"
    "\n"
    "      --club NAME      the club\n"
    "      --amount WON     the grant, in won\n"
    "      --date DATE      the day of the grant (default today)\n"
    "      --purpose TEXT   what it is for\n");

int
main(int argc, char **argv)
{
	int64_t id = 0;
	struct cli_writer w = {
		.cols = inno_grant_cols, .ncols = INNO_GRANT_NCOLS,
		.fn = inno_grant_row, .arg = &id, .id = &id,
		.table = "club_grant", .what = N_("grants"),
	};

	return cli_writer_main("club-fund", synopsis, help_text, NULL, &w, argc,
	    argv);
}
