/*
 * dossier.h: one employee's dossier (staff-show): everything the person
 * did in a period, gathered from the modules' own listings (task forces,
 * the mileage ledger and the MVPs, clubs, courses, ideas, knowledge items,
 * benchmarking) and filtered to that person, so the dossier shows exactly
 * the records the listings show.  lib/dossier.c owns no table.
 */
#ifndef INNO_DOSSIER_H
#define INNO_DOSSIER_H

#include "inno.h"

/* One record of the person's, in the dossier's one row shape. */
struct inno_dossier_item {
	char section[16];	/* task, mileage, mvp, club, course, idea,
				   knowledge, evaluation, benchmark */
	char date[11];		/* the day it happened ("" when none) */
	int64_t ref;		/* the record's id in its listing, 0: none */
	char *title;		/* what it is */
	char *detail;		/* role, category, status, ... */
	char *extra;		/* a second detail (the month, a verdict) */
	int has_points;
	int64_t points;
};

struct inno_dossier {
	char employee_id[65];
	char *name;
	char *dept;
	int64_t grade;
	struct inno_period period;	/* "" first or last: open */
	struct inno_dossier_item *items;
	size_t nitems;
};

/*
 * Gathers the dossier of employee_id (the office's id) over period (NULL:
 * every record), inside one read transaction.  An unknown employee is an
 * EINPUT error (INNO_E_NOTFOUND).  d is the caller's, released with
 * inno_dossier_release even on error.
 */
const struct inno_error *inno_dossier_build(struct inno_db *,
    const char *employee_id, const struct inno_period *period,
    struct inno_dossier *d);
void inno_dossier_release(struct inno_dossier *);

/*
 * Writes the items as rows (section, date, ref, title, detail, extra,
 * points) through out, for table, csv, tsv and json.
 */
const struct inno_error *inno_dossier_write(struct inno_out *,
    const struct inno_dossier *);

/*
 * Writes the dossier as text in the office's report style (□ sections,
 * ○ items, - sub-items), headings in the message language, to fp (which
 * stays the caller's).  A write error is an ESYS error.
 */
const struct inno_error *inno_dossier_text(FILE *fp,
    const struct inno_dossier *);

#endif /* INNO_DOSSIER_H */
