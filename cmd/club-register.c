/*
 * club-register: registers learning clubs (학습·연구 동아리), one from
 * options or many from CSV, and prints the id of a single club.
 */
#include "club.h"
#include "club-writer.h"

static const char synopsis[] =
    "club-register [-nq] [-d db] [-c config] [--reject file] [--batch-id id]\n"
    "[--encoding enc] [file]\n"
    "club-register [-nq] [-d db] [-c config] --name name --kind kind\n"
    "[--topic text] [--leader employee-id] [--dept name] [--registered date]\n";
static const char help_text[] =
    "Register learning clubs, one from options or many from CSV\n"
    "(name,kind,topic,leader,dept,registered).\n"
    "\n"
    "      --name NAME      the club's name, unique\n"
    "      --kind KIND      strategic or departmental\n"
    "      --topic TEXT     what the club studies\n"
    "      --leader ID      the leader's employee_id\n"
    "      --dept NAME      the department (default: the leader's)\n"
    "      --registered D   the registration date (default today)\n";

int
main(int argc, char **argv)
{
	return record_main(argc, argv, "club-register", synopsis, help_text,
	    inno_club_cols, INNO_CLUB_NCOLS,
	    inno_club_row, "club", "clubs");
}
