/*
 * mileage.h: the mileage ledger (혁신마일리지 and CS mileage).  lib/mileage.c
 * owns the tables mileage and mileage_close: no other file's SQL names
 * them.  Other programs give mileage for the events they store (an idea
 * adopted, a knowledge item approved, a club activity) with
 * inno_mileage_event, under one policy, and take it back with
 * inno_mileage_event_undo; the mileage programs award and list; the MVP
 * (mvp.h) and reports read the ledger through the sums and figures below.
 *
 * The ledger is append-only.  Categories, their points, ranges, kinds and
 * caps come from the configuration ([mileage] and [mileage.CATEGORY]
 * sections, see inno.ini(5)), never from code.
 */
#ifndef INNO_MILEAGE_H
#define INNO_MILEAGE_H

#include "inno.h"

/*
 * Appends one entry of category's default points, referring to (ref_table,
 * ref_id) when ref_table is not NULL: the strict form of
 * inno_mileage_event, for callers that want a refusal as an error (and for
 * tests).  employee is employee.id, or 0 to award dept (dept.id) itself;
 * a person's entry goes to the person's department whatever dept says.
 * Caps apply as configured (trimmed to nothing writes nothing).  A
 * refusal (a closed month, a cap under reject, a recipient not employed
 * on date, a record that already earned the category) is an EINPUT
 * error.  An unconfigured or disabled category writes nothing and *entry
 * is 0.  Call inside the caller's write transaction; writes its own audit
 * row.  entry may be NULL.
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

/*
 * The columns of mileage-award, in this order (CSV names and options).
 * idea_id, or id in a category an event earns (the CSV of idea-list, for
 * example), names the record that earned the mileage: a record earns a
 * category once, however the entry reaches the ledger.
 */
enum {
	INNO_MILEAGE_EMPLOYEE, INNO_MILEAGE_DEPT, INNO_MILEAGE_DATE,
	INNO_MILEAGE_CATEGORY, INNO_MILEAGE_POINTS, INNO_MILEAGE_REASON,
	INNO_MILEAGE_REF, INNO_MILEAGE_IDEA, INNO_MILEAGE_ID,
	INNO_MILEAGE_NCOLS
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

/*
 * The row function of mileage-award; arg is a struct inno_mileage_award.
 * Every row's employee and department are found in the database inside
 * the batch's transaction before the entry is written, so a batch of it
 * may set inno_batch_opts.refs_checked.
 */
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

/* ------------------------------------------------ what others read */

/*
 * A recipient's net points in one category over some days: the shape in
 * which the ledger is read by the MVP (lib/mvp.c) and by reports.
 */
struct inno_mileage_sum {
	int64_t employee;	/* employee.id; 0: a department's own entry */
	int64_t dept;		/* the department credited, as of the entry */
	const char *category;
	int64_t points;		/* net of reversals */
	int64_t entries;	/* entries, each reversal counting -1 */
	const char *last;	/* the date of the latest entry */
};

/*
 * The ledger's sums from first to last (inclusive dates) per recipient,
 * department and category, for the entries of kind ("innovation" or
 * "cs"; NULL: both), passed to fn one at a time as they are read: rows
 * come grouped by person (department entries first), then department,
 * then category, and with both kinds a category whose kind changed may
 * come twice.  The strings of a row are valid during the call only.
 * An error fn returns stops the reading and is returned.
 */
const struct inno_error *inno_mileage_sums(struct inno_db *,
    const char *first, const char *last, const char *kind,
    const struct inno_error *(*fn)(void *arg,
    const struct inno_mileage_sum *), void *arg);

/*
 * Prepares the persons' totals from first to last, ranked by their net
 * points of every kind, best first, with a rank shared by equal totals
 * and kept down to rank top: columns rank, employee_id, name, dept (the
 * person's department now), innovation, cs, points.  The statement is the
 * database's.
 */
const struct inno_error *inno_mileage_ranking_query(struct inno_db *,
    const char *first, const char *last, int64_t top,
    struct inno_stmt **stp);

/*
 * The mileage figures of a period, one meaning each:
 *   points     net points of every entry dated in the period (awards
 *              minus the reversals dated in it), persons and departments
 *   entries    entries dated in the period, reversals included
 *   months     points per month of the period that has entries, in
 *              month order (label "YYYY-MM")
 *   depts      points per department credited, largest first, then by
 *              name (label the department's name)
 * These are the sums mileage-list --by=month and --by=dept print.  out is
 * the caller's, released with inno_mileage_figures_release even on error.
 */
struct inno_mileage_part {
	char *label;
	int64_t points;
};
struct inno_mileage_figures {
	int64_t points;		/* every kind */
	int64_t entries;
	/*
	 * By kind: the report's 혁신마일리지 is innovation points alone,
	 * and CS mileage its own figure.
	 */
	int64_t innovation, cs;
	struct inno_mileage_part *months;	/* innovation points */
	size_t nmonths;
	struct inno_mileage_part *cs_months;	/* CS points */
	size_t ncs_months;
	struct inno_mileage_part *depts;	/* innovation points */
	size_t ndepts;
};
const struct inno_error *inno_mileage_figures(struct inno_db *,
    const struct inno_period *, struct inno_mileage_figures *out);
void inno_mileage_figures_release(struct inno_mileage_figures *);

/* Whether the month of month (YYYY-MM, or a date in it) is closed. */
const struct inno_error *inno_mileage_closed(struct inno_db *,
    const char *month, int *closed);

/*
 * Closes month (YYYY-MM): no entry may be dated in it any more.  Call
 * inside the caller's write transaction; writes its own audit row.
 */
const struct inno_error *inno_mileage_close(struct inno_db *,
    const char *month);

/*
 * inno-check's mileage rules: every reversal mirrors the entry it names
 * (same recipient, department, category and kind, opposite points) and
 * names an entry that is not itself a reversal; no record earned the same
 * category twice without a reversal between; and the ledger's ids run
 * without a gap (an entry deleted behind the programs' back leaves one,
 * since the programs only append).
 */
const struct inno_error *inno_mileage_check(struct inno_db *,
    struct inno_diag *);

/* --------------------------------------------- mileage earned by events */

/*
 * The one policy for mileage that another program's event earns: an idea
 * submitted or adopted, a knowledge item approved, a presentation given,
 * a club joined or its activity, a course completed.  key is the setting
 * that names the event's category ("idea:mileage_adopted"; see
 * inno.ini(5) for each key, its default category and the record it
 * refers to); an empty setting or an unconfigured category earns nothing.
 * employee is employee.id (0: nobody earns anything); the entry is
 * credited to the employee's department and refers to (the key's record
 * table, ref_id).
 *
 * The event is a fact whatever the ledger allows, so nothing here refuses
 * it: a cap trims the points (cap_action = trim) or withholds them
 * (cap_action = reject), a closed month or a recipient not employed on the
 * date withholds them, and mileage the record already earned in the
 * category is not earned again; each of these adds a note to the row r.
 * Only a system error is returned.  Call inside r's write transaction.
 */
const struct inno_error *inno_mileage_event(struct inno_row *r,
    const char *key, int64_t employee, const char *date, const char *reason,
    int64_t ref_id);

/*
 * Takes back the mileage the event of key earned for ref_id, if any, with
 * a reversal entry dated date.  A closed month withholds the reversal with
 * a note on r, as it withholds an award.
 */
const struct inno_error *inno_mileage_event_undo(struct inno_row *r,
    const char *key, int64_t ref_id, const char *date, const char *reason);

/*
 * The ledger reason for the entry of an event: the wording of the setting
 * [mileage] reason_NAME (see inno.ini(5) for the names), or the built-in
 * English one when it is absent or empty, with {id} replaced by id and
 * each other {VAR} by its value; the variadic arguments are pairs of
 * const char * VAR and value, ending in a NULL VAR.  An unknown name is a
 * bug.  Returns an allocated string the caller frees, or NULL for want of
 * memory.
 */
char *inno_mileage_reason(const struct inno_config *, const char *name,
    int64_t id, ...);

/*
 * Takes back the ledger entries first..last one command wrote (for
 * inno-undo): each entry is reversed, and each reversal answered by the
 * entry it reversed written again, dated as the entry taken back.  An
 * entry in a closed month is an EINPUT error and nothing is written.
 * Writes its own audit row; *written gets how many entries it wrote.
 */
const struct inno_error *inno_mileage_undo_range(struct inno_db *,
    int64_t first, int64_t last, const char *reason, int64_t *written);

#endif /* INNO_MILEAGE_H */
