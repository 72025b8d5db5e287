/*
 * i18n.c: binding the message catalogue (see i18n.h).
 */
#include <locale.h>
#include <stdlib.h>

#include "i18n.h"

#ifndef INNO_LOCALEDIR
#define INNO_LOCALEDIR "/usr/local/share/locale"
#endif

void
inno_i18n_init(void)
{
	const char *dir = getenv("INNO_LOCALEDIR");

	/*
	 * Only the two categories the programs use: the character set
	 * (multibyte text, the ctype functions) and the messages.  The others
	 * stay "C": numbers are written and read in the C form whatever the
	 * locale, since CSV, configuration files and dates must not change
	 * with it, and nothing formats money, times or collates by locale.
	 * Each category is a file to open and map where the locales are not
	 * archived, which every program start paid ten times over.
	 */
	(void)setlocale(LC_CTYPE, "");
	(void)setlocale(LC_MESSAGES, "");
	(void)bindtextdomain(INNO_TEXTDOMAIN, dir != NULL && *dir != '\0' ?
	    dir : INNO_LOCALEDIR);
	(void)bind_textdomain_codeset(INNO_TEXTDOMAIN, "UTF-8");
}
