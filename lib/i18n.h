/*
 * i18n.h: the messages' translation.  Every message a person reads (errors,
 * notes, usage lines, table headers) is written in English in the code and
 * marked with _() where it is used, or N_() where it is only stored;
 * gettext looks it up in the "inno" catalogue of the user's locale
 * (po/ko.po for Korean).  Column names of CSV, TSV and JSON are never
 * marked: scripts depend on them.
 *
 * The library translates with dgettext on its own text domain, so it works
 * whatever domain a program has chosen; a program binds the domain to its
 * catalogue directory once, at start (inno_i18n_init).
 */
#ifndef INNO_I18N_H
#define INNO_I18N_H

#include <libintl.h>

#define INNO_TEXTDOMAIN "inno"
#define _(s) dgettext(INNO_TEXTDOMAIN, s)
#define N_(s) (s)

/*
 * Sets the locale from the environment and binds the text domain to
 * $INNO_LOCALEDIR or the compiled-in catalogue directory.  Programs call
 * it first thing in main.
 */
void inno_i18n_init(void);

#endif /* INNO_I18N_H */
