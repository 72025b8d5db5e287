/*
 * mileage.h: the mileage ledger (혁신마일리지 and CS mileage) and the monthly
 * MVP.  Other programs record mileage for the events they store (an idea
 * adopted, a knowledge item approved, a club activity) with
 * inno_mileage_record, and take it back with inno_mileage_reverse_ref; the
 * mileage programs award, list and rank.
 *
 * The ledger is append-only.  Categories, their points, ranges, kinds and
 * caps come from the configuration ([mileage] and [mileage.CATEGORY]
 * sections, see inno.ini(5)), never from code.
 */
#ifndef INNO_MILEAGE_H
#define INNO_MILEAGE_H

#include "inno.h"

/*
 * Appends a ledger entry for an event another program recorded (an idea
 * adopted, a knowledge item approved, a club activity...). Call inside the
 * caller's write transaction. employee is employee.id (0 when awarding a
 * department), dept is dept.id (0 for a person: the person's department is
 * used). Points are the category's default from inno.ini; caps apply as
 * configured. When the category is not configured (or disabled) nothing is
 * written and *entry is 0, so mileage for these events is optional by
 * configuration. Writes its own audit row. entry may be NULL.
 */
const struct inno_error *inno_mileage_record(struct inno_db *db,
    int64_t employee, int64_t dept, const char *date, const char *category,
    const char *reason, const char *ref_table, int64_t ref_id, int64_t *entry);

/*
 * Writes a reversal entry for every entry that refers to (ref_table,
 * ref_id) and is not yet reversed, dated date (which must be in an open
 * month), each naming the entry it reverses. *reversed (may be NULL) gets
 * how many. Call inside the caller's write transaction.
 */
const struct inno_error *inno_mileage_reverse_ref(struct inno_db *db,
    const char *ref_table, int64_t ref_id, const char *date,
    const char *reason, int64_t *reversed);

/* ------------------------------------------------------------ categories */

enum inno_mileage_kind { INNO_MILEAGE_INNOVATION, INNO_MILEAGE_CS };
/* "innovation", "cs", NULL: the words of the kind column. */
extern const char *const inno_mileage_kinds[];

/* A category as configured in [mileage.NAME]. */
struct inno_mileage_cat {
	char name[65];
	int64_t points;		/* the default */
	int64_t min, max;	/* the points a row may give */
	int64_t month_cap;	/* per recipient per month; 0: none */
	int kind;		/* enum inno_mileage_kind */
	int enabled;
};

/*
 * Looks up category name.  *found is 0 when the category is not configured
 * or has enabled = no; a malformed setting is an EUSAGE error naming the
 * file and key.
 */
const struct inno_error *inno_mileage_cat_get(const struct inno_config *,
    const char *name, struct inno_mileage_cat *cat, int *found);

/* The [mileage] settings that apply to every category. */
struct inno_mileage_rules {
	int64_t person_month_cap;	/* all categories; 0: none */
	int64_t dept_month_cap;		/* awards to a department; 0: none */
	int trim;			/* cap_action: 0 reject, 1 trim */
};
const struct inno_error *inno_mileage_rules_get(const struct inno_config *,
    struct inno_mileage_rules *);

/* ------------------------------------------------------------- awarding */

/* The columns of mileage-award, in this order (CSV names and options). */
enum {
	INNO_MILEAGE_EMPLOYEE, INNO_MILEAGE_DEPT, INNO_MILEAGE_DATE,
	INNO_MILEAGE_CATEGORY, INNO_MILEAGE_POINTS, INNO_MILEAGE_REASON,
	INNO_MILEAGE_REF, INNO_MILEAGE_NCOLS
};
extern const struct inno_col inno_mileage_cols[INNO_MILEAGE_NCOLS];

/*
 * Values that apply to every row of a batch whose CSV lacks the column or
 * leaves the cell empty (as when idea-list output is piped in with
 * --category).  NULL: no default.
 */
struct inno_mileage_defaults {
	const char *date;
	const char *category;
	const char *points;
	const char *reason;
	const char *ref;
};

/*
 * The state of one run of mileage-award: settings read once and small
 * caches that keep a large batch to indexed lookups.  *ap is the caller's,
 * freed with inno_mileage_award_free.  defaults may be NULL; a bad default
 * is an EUSAGE error naming the option.
 */
struct inno_mileage_award;
const struct inno_error *inno_mileage_award_new(
    struct inno_mileage_award **ap, const struct inno_config *cfg,
    const struct inno_mileage_defaults *defaults);
void inno_mileage_award_free(struct inno_mileage_award *);
/* The id of the last entry the run wrote, 0 when none. */
int64_t inno_mileage_award_last(const struct inno_mileage_award *);

/* The row function of mileage-award; arg is a struct inno_mileage_award. */
const struct inno_error *inno_mileage_award_row(void *arg, struct inno_row *);

/*
 * The columns of mileage-award --reverse: the entry to reverse, the date of
 * the reversal (default: the entry's own date) and the reason.
 */
enum {
	INNO_MREV_ENTRY, INNO_MREV_DATE, INNO_MREV_REASON, INNO_MREV_NCOLS
};
extern const struct inno_col inno_mileage_rev_cols[INNO_MREV_NCOLS];
/* The row function of --reverse; arg is a struct inno_mileage_award. */
const struct inno_error *inno_mileage_reverse_row(void *arg,
    struct inno_row *);

/* -------------------------------------------------------------- listing */

struct inno_mileage_filter {
	const char *employee_id;	/* the office's id; NULL: anyone */
	const char *dept;		/* department as of the entry */
	const char *category;
	const char *kind;		/* "innovation" or "cs" */
	const char *first, *last;	/* inclusive dates; NULL: open */
	const char *by;	/* NULL, employee, dept, month, category or kind */
};

/*
 * Prepares the mileage-list query for f: the entries, or their sums by
 * f->by.  The statement is the database's.  An unknown by or kind is an
 * EUSAGE error.
 */
const struct inno_error *inno_mileage_query(struct inno_db *,
    const struct inno_mileage_filter *f, struct inno_stmt **stp);

/* ------------------------------------------------------------------ MVP */

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

/* The outcome of mileage-mvp --month. */
struct inno_mvp_result {
	char month[8];
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
};

/*
 * Computes the MVP person and department of opts->month from the ledger and
 * the [mvp] rules, stores the result (one row a month, in one write
 * transaction, so concurrent runs agree) and closes the month when asked.
 * A closed month is not recomputed: its stored winners are kept.  With
 * dry_run it only reads (a read-only database will do), for reports that
 * show the ranking.  res is the caller's, released with
 * inno_mvp_result_release even on error.
 */
const struct inno_error *inno_mvp_month(struct inno_db *,
    const struct inno_mvp_opts *, struct inno_mvp_result *res);
void inno_mvp_result_release(struct inno_mvp_result *);

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
 * inno-check's mileage rules: every reversal mirrors the entry it names
 * (same recipient, department, category and kind, opposite points) and
 * names an entry that is not itself a reversal.
 */
const struct inno_error *inno_mileage_check(struct inno_db *,
    struct inno_diag *);

/* Whether the month of month (YYYY-MM, or a date in it) is closed. */
const struct inno_error *inno_mileage_closed(struct inno_db *,
    const char *month, int *closed);

/*
 * Gives mileage for a record: writes a ledger entry (inno_mileage_record)
 * for the employee and department, referring to ref_table and ref_id, in
 * the category that key names (for example "idea:mileage_adopted", by
 * default "idea.adopted").  An empty key, or a category without a
 * [mileage.NAME] section, gives nothing.
 */
const struct inno_error *inno_record_mileage(struct inno_db *,
    const char *key, int64_t employee, int64_t dept, const char *date,
    const char *reason, const char *ref_table, int64_t ref_id);

/*
 * Takes back the mileage given for ref_table and ref_id, if any, with a
 * reversal entry dated date; ref_id 0 does nothing.
 */
const struct inno_error *inno_record_unmileage(struct inno_db *,
    const char *ref_table, int64_t ref_id, const char *date,
    const char *reason);

#endif /* INNO_MILEAGE_H */
