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

	(void)setlocale(LC_ALL, "");
	/*
	 * Numbers are written and read in the C form whatever the locale:
	 * CSV, configuration files and dates must not change with it.
	 */
	(void)setlocale(LC_NUMERIC, "C");
	(void)bindtextdomain(INNO_TEXTDOMAIN, dir != NULL && *dir != '\0' ?
	    dir : INNO_LOCALEDIR);
	(void)bind_textdomain_codeset(INNO_TEXTDOMAIN, "UTF-8");
}
