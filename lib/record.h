/*
 * record.h: the office's other records: benchmarking visits and
 * presentations, ideas and their review, knowledge items with expert
 * evaluation and quarterly awards, awards with their incentive money and
 * the projects it funds, and programme budget lines with spending.  Each
 * writer is a batch row function over a column table (the CSV header and
 * the option names); each listing prepares one statement over a filter.
 *
 * Statements handed back through stp are owned by the database (cached),
 * never finalised by the caller, and valid until the same SQL is prepared
 * again.
 */
#ifndef INNO_RECORD_H
#define INNO_RECORD_H

#include "inno.h"

/*
 * What a writer remembers across rows: the id of the last record it
 * inserted (printed by a program that creates one record from options).
 * The caller owns it.
 */
struct inno_record_arg {
	int64_t last_id;
	int views;		/* knowledge-add: load view counts instead */
};

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

/*
 * Parses a comma-separated list of words (each in words) into a bit mask,
 * bit i for words[i].  Returns NULL or a static reason.
 */
const char *inno_record_words(const char *s, const char *const *words,
    unsigned *mask);

/* ----------------------------------------------------------- benchmarking */

extern const char *const inno_benchmark_kinds[];	/* NULL-terminated */

enum {
	INNO_BM_KIND, INNO_BM_DATE, INNO_BM_INSTITUTION, INNO_BM_SECTOR,
	INNO_BM_PEOPLE, INNO_BM_SPEAKER, INNO_BM_EMPLOYEES, INNO_BM_FINDINGS,
	INNO_BM_TASK, INNO_BM_NCOLS
};
extern const struct inno_col inno_benchmark_cols[INNO_BM_NCOLS];
/* benchmark-log's row function; arg is a struct inno_record_arg. */
const struct inno_error *inno_benchmark_row(void *arg, struct inno_row *);

struct inno_benchmark_filter {
	unsigned kinds;			/* bit per inno_benchmark_kinds; 0: any */
	const struct inno_period *period;	/* NULL: any date */
	const char *institution;	/* a part of the name; NULL: any */
	const char *by;	/* NULL (events), total, kind, year, quarter, month,
			   institution */
};
const struct inno_error *inno_benchmark_query(struct inno_db *,
    const struct inno_benchmark_filter *, struct inno_stmt **stp);

/* ------------------------------------------------------------------ ideas */

enum {
	INNO_IDEA_SUBMITTED, INNO_IDEA_TITLE, INNO_IDEA_SOURCE,
	INNO_IDEA_EMPLOYEE, INNO_IDEA_PROPOSER, INNO_IDEA_DEPT,
	INNO_IDEA_CONTENT, INNO_IDEA_NCOLS
};
extern const struct inno_col inno_idea_cols[INNO_IDEA_NCOLS];
const struct inno_error *inno_idea_row(void *arg, struct inno_row *);

enum {
	INNO_REVIEW_IDEA, INNO_REVIEW_DATE, INNO_REVIEW_MEETING,
	INNO_REVIEW_DECISION, INNO_REVIEW_DEPT, INNO_REVIEW_IMPLEMENTATION,
	INNO_REVIEW_REASON, INNO_REVIEW_NCOLS
};
extern const struct inno_col inno_review_cols[INNO_REVIEW_NCOLS];
const struct inno_error *inno_review_row(void *arg, struct inno_row *);

struct inno_idea_filter {
	const char *status;		/* pending, adopted, rejected; NULL */
	const char *source;		/* staff, citizen; NULL */
	const struct inno_period *period;	/* submission date */
	const char *dept;		/* assigned department; NULL */
	const char *overdue_before;	/* pending and submitted before this */
	const char *by;	/* NULL, total, status, month, dept, meeting */
	int64_t decision_days;		/* for the due column */
	int reviews;			/* list the review history instead */
};
/*
 * The overdue cut-off for today: ideas submitted before *cutoff and still
 * pending have passed [idea] decision_days.  *days receives the setting.
 */
const struct inno_error *inno_idea_deadline(struct inno_db *, int64_t *days,
    char cutoff[11]);
const struct inno_error *inno_idea_query(struct inno_db *,
    const struct inno_idea_filter *, struct inno_stmt **stp);

/* -------------------------------------------------------------- knowledge */

enum {
	INNO_KN_KIND, INNO_KN_TITLE, INNO_KN_AUTHOR, INNO_KN_DEPT,
	INNO_KN_REGISTERED, INNO_KN_NCOLS
};
extern const struct inno_col inno_knowledge_cols[INNO_KN_NCOLS];
/* knowledge-add's row function; with arg->views it loads view counts. */
const struct inno_error *inno_knowledge_row(void *arg, struct inno_row *);

enum { INNO_KV_ID, INNO_KV_MONTH, INNO_KV_VIEWS, INNO_KV_NCOLS };
extern const struct inno_col inno_kview_cols[INNO_KV_NCOLS];
const struct inno_error *inno_kview_row(void *arg, struct inno_row *);

enum {
	INNO_KE_ID, INNO_KE_DATE, INNO_KE_EVALUATOR, INNO_KE_VERDICT,
	INNO_KE_REASON, INNO_KE_NCOLS
};
extern const struct inno_col inno_keval_cols[INNO_KE_NCOLS];
const struct inno_error *inno_keval_row(void *arg, struct inno_row *);

struct inno_knowledge_filter {
	const char *kind;		/* work, living, manual; NULL */
	const char *status;		/* submitted, approved, rejected */
	const char *author;		/* employee_id */
	const char *dept;
	const struct inno_period *period;
	const char *by;	/* NULL, total, kind, status, dept, author, month,
			   quarter */
	int evaluations;		/* list evaluations instead */
};
const struct inno_error *inno_knowledge_query(struct inno_db *,
    const struct inno_knowledge_filter *, struct inno_stmt **stp);

/*
 * The quarterly awards: approved items registered in the quarter, scored
 * by the [knowledge] award rule, best first, with the award each earns.
 */
const struct inno_error *inno_knowledge_awards(struct inno_db *,
    const struct inno_period *quarter, struct inno_stmt **stp);

/* ---------------------------------------------------- awards and budgets */

enum {
	INNO_AWARD_DATE, INNO_AWARD_NAME, INNO_AWARD_GRANTOR,
	INNO_AWARD_INCENTIVE, INNO_AWARD_NCOLS
};
extern const struct inno_col inno_award_cols[INNO_AWARD_NCOLS];
const struct inno_error *inno_award_row(void *arg, struct inno_row *);

enum {
	INNO_FUND_AWARD, INNO_FUND_PROJECT, INNO_FUND_DEPT, INNO_FUND_AMOUNT,
	INNO_FUND_NCOLS
};
extern const struct inno_col inno_fund_cols[INNO_FUND_NCOLS];
const struct inno_error *inno_fund_row(void *arg, struct inno_row *);

struct inno_award_filter {
	const struct inno_period *period;	/* award date */
	const char *dept;		/* funded projects of this department */
	const char *by;			/* NULL, total, year */
	int funds;			/* list the funded projects */
};
const struct inno_error *inno_award_query(struct inno_db *,
    const struct inno_award_filter *, struct inno_stmt **stp);

enum {
	INNO_BUDGET_YEAR, INNO_BUDGET_PROGRAMME, INNO_BUDGET_AMOUNT,
	INNO_BUDGET_FIRST, INNO_BUDGET_LAST, INNO_BUDGET_CONTENT,
	INNO_BUDGET_DEPT, INNO_BUDGET_NCOLS
};
extern const struct inno_col inno_budget_cols[INNO_BUDGET_NCOLS];
const struct inno_error *inno_budget_row(void *arg, struct inno_row *);

enum {
	INNO_SPEND_YEAR, INNO_SPEND_PROGRAMME, INNO_SPEND_DATE,
	INNO_SPEND_AMOUNT, INNO_SPEND_PURPOSE, INNO_SPEND_NCOLS
};
extern const struct inno_col inno_spend_cols[INNO_SPEND_NCOLS];
const struct inno_error *inno_spend_row(void *arg, struct inno_row *);

struct inno_budget_filter {
	int64_t year;			/* 0: any */
	const char *programme;
	const char *dept;
	const char *by;			/* NULL, total, year */
	int spending;			/* list the spending instead */
};
const struct inno_error *inno_budget_query(struct inno_db *,
    const struct inno_budget_filter *, struct inno_stmt **stp);

/* The checks inno-check runs over these records. */
const struct inno_error *inno_record_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_RECORD_H */
