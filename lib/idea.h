/*
 * idea.h: ideas from staff and citizens, the review meetings and their
 * decisions.
 * lib/idea.c owns the tables idea, idea_meeting and idea_review: no other file's SQL names them.
 *
 * Statements handed back through stp are owned by the database (cached),
 * never finalised by the caller, and valid until the same SQL is prepared
 * again.
 */
#ifndef INNO_IDEA_H
#define INNO_IDEA_H

#include "inno.h"

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


/* The checks inno-check runs over these records. */
const struct inno_error *inno_idea_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_IDEA_H */
