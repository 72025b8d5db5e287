/*
 * mvp.h: the MVP schemes (혁신 MVP, CS MVP, the year-end top five), the
 * year ranking and the MVP notice.  lib/mvp.c owns the table mileage_mvp:
 * no other file's SQL names it.  It reads the ledger only through
 * mileage.h and the organisation through staff.h's lookups, and decides
 * under the rules of a scheme: [mvp] is the default scheme, and each
 * [mvp.NAME] of inno.ini another, inheriting [mvp]'s rules (which kinds
 * count, how departments score, who is eligible, the tie-breaks) and
 * adding its own period (month or year), winners and departments.
 * mileage-mvp, report-build's notice and inno-check all rank through
 * inno_mvp_rank, so they cannot disagree.
 */
#ifndef INNO_MVP_H
#define INNO_MVP_H

#include "mileage.h"

/* A category's share of a candidate's score, for --explain. */
struct inno_mvp_catsum {
	char *category;
	int64_t points;
};

/* A person or a department competing for a month's MVP. */
struct inno_mvp_cand {
	int64_t id;		/* employee.id or dept.id */
	char *key;		/* employee_id, or the department's name */
	char *name;		/* the employee's name; NULL for a department */
	char *dept;		/* the person's department now, or the name */
	int64_t grade;		/* persons only */
	int64_t points;		/* net points in the month */
	int64_t entries;	/* entries net of reversals */
	int64_t headcount;	/* departments: staff employed in the month */
	int64_t ncats;		/* categories with positive points */
	char last[11];		/* the date of its last entry in the month */
	struct inno_mvp_catsum *cats;
	size_t ncatsums;
	int eligible;
	size_t rank;		/* 1 is the winner; 0 when not eligible */
	char why[384];		/* why it won, lost, or could not win */
};

/* The outcome of mileage-mvp --month (or of a year scheme's --year). */
struct inno_mvp_result {
	char scheme[65];	/* "default", or the NAME of [mvp.NAME] */
	char month[8];		/* YYYY-MM, or YYYY for a year scheme */
	int year;		/* the scheme decides a year */
	size_t winners;		/* persons named: 1 a month, N a year */
	int no_depts;		/* the scheme names no department */
	int per_head;		/* the department score is points per head */
	int closed;		/* the month is closed (now or before) */
	int closed_now;		/* --close closed it in this run */
	int stored;		/* 0 nothing, 1 inserted, 2 updated, 3 same */
	struct inno_mvp_cand *persons;	/* ranked: eligible first */
	size_t npersons;
	struct inno_mvp_cand *depts;
	size_t ndepts;
};

struct inno_mvp_opts {
	const char *month;	/* YYYY-MM */
	int close;		/* close the month after storing */
	int dry_run;		/* compute only, in a read transaction */
	/*
	 * Rank every candidate; else only those who can place (the
	 * winners, the first five and the next) are in the result.
	 */
	int explain;
	/*
	 * Called with the result just before the month's result is
	 * committed (and not for a dry run or a closed month), or NULL: a
	 * program writes its output there, so an output that fails leaves
	 * nothing stored and nothing closed.  An error it returns rolls back.
	 */
	const struct inno_error *(*before_commit)(void *arg,
	    const struct inno_mvp_result *res);
	void *before_commit_arg;
	/*
	 * The scheme (NAME of [mvp.NAME]), or NULL for the default; for a
	 * year scheme, month is the year (YYYY).
	 */
	const char *scheme;
};

/*
 * Computes the MVP person and department of opts->month from the ledger and
 * the [mvp] rules, stores the result (one row a month, in one write
 * transaction, so concurrent runs agree) and closes the month when asked.
 * A closed month is not recomputed: its stored winners are kept.  With
 * dry_run it only reads (a read-only database will do).  res is the
 * caller's, released with inno_mvp_result_release even on error.
 */
const struct inno_error *inno_mvp_month(struct inno_db *,
    const struct inno_mvp_opts *, struct inno_mvp_result *res);
void inno_mvp_result_release(struct inno_mvp_result *);

/*
 * The ranking of month (YYYY-MM) as inno_mvp_month computes it, inside the
 * caller's (read) transaction and without storing anything: what
 * mileage-mvp --explain shows, the stored winners of a closed month first.
 * For the notice of report-build.  res as for inno_mvp_month.
 */
const struct inno_error *inno_mvp_rank(struct inno_db *, const char *month,
    struct inno_mvp_result *res);

/*
 * The months from first to last (YYYY-MM, inclusive) with a stored
 * decision, in order.  *months is the caller's, freed with free().
 */
const struct inno_error *inno_mvp_months(struct inno_db *,
    const char *first, const char *last, char (**months)[8], size_t *n);

/* What a scheme decides, as its section of inno.ini says. */
struct inno_mvp_scheme {
	int year;		/* 1: a year, 0: a month */
	int64_t winners;	/* persons named a period */
	int depts;		/* a department is named too */
	const char *kinds;	/* innovation, cs or both (static) */
};

/*
 * The rules of scheme (NAME of [mvp.NAME], or NULL or "default" for
 * [mvp]) as mileage-mvp decides under them: what the year plan states of
 * its MVPs.  An unknown scheme is an EUSAGE error naming the known ones.
 */
const struct inno_error *inno_mvp_scheme_get(const struct inno_config *,
    const char *scheme, struct inno_mvp_scheme *out);

/* A winner of a year scheme, for the report. */
struct inno_mvp_place {
	char *scheme;
	char year[5];
	int64_t place;
	char *name;
	char *dept;
	int64_t points;
};

/* The MVP figures of a period, from the stored results of every scheme. */
struct inno_mvp_figures {
	/*
	 * The people honoured by the monthly schemes in the period: each
	 * scheme counts a person once however many months they won, and
	 * the schemes' counts add up (CS 및 창의혁신 MVP).
	 */
	int64_t monthly_people;
	size_t monthly_schemes;	/* monthly schemes with a result */
	/* The places of the year schemes whose year ends in the period. */
	struct inno_mvp_place *places;
	size_t nplaces;
};

/*
 * The figures of the months first to last (YYYY-MM, inclusive).  out is
 * the caller's, released with inno_mvp_figures_release even on error.
 */
const struct inno_error *inno_mvp_figures(struct inno_db *,
    const char *first, const char *last, struct inno_mvp_figures *out);
void inno_mvp_figures_release(struct inno_mvp_figures *);

/*
 * Writes the winners (one row each for person and department) or, with
 * explain, every candidate with its rank, per-category breakdown and why.
 */
const struct inno_error *inno_mvp_write(struct inno_out *,
    const struct inno_mvp_result *, int explain);

/*
 * Prepares the year ranking: the persons ranked by combined innovation and
 * CS points in year (YYYY), best first, with a rank shared by equal totals,
 * down to rank top (so a tie at the last place shows everyone tied).  The
 * statement is the database's.
 */
const struct inno_error *inno_mvp_year_query(struct inno_db *,
    const char *year, int64_t top, struct inno_stmt **stp);

/*
 * inno-check's MVP rule: every stored MVP is recomputed from the ledger
 * under the rules it was decided by (stored with it; the configuration's
 * for a result stored before the rules were), and a stored winner or
 * figure the ledger does not give is reported.  For a month still open
 * that includes a result the ledger has moved past since it was stored
 * (mileage-mvp for the month again brings it up to date).
 */
const struct inno_error *inno_mvp_check(struct inno_db *, struct inno_diag *);

#endif /* INNO_MVP_H */
