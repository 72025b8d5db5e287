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

/*
 * What idea-list selects.  Every idea is read as it stood at the end of
 * as_of (NULL: as it stands now): ideas received later are left out, and
 * its status, department and implementation come from the reviews
 * recorded by then, so a listing or report as of a past day does not
 * change with later decisions.
 */
struct inno_idea_filter {
	const char *status;		/* pending, adopted, rejected; NULL */
	const char *source;		/* staff, citizen; NULL */
	const struct inno_period *period;	/* submission date; review
					   meetings by their date */
	const char *as_of;		/* YYYY-MM-DD, or NULL */
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

/* How many adopted ideas the figures name as examples. */
#define INNO_IDEA_EXAMPLES 3

/*
 * The idea figures of a period as the council report gives them (접수
 * 74건: 심의 45, 심의대기 29; 심의회 2회; 심의 결과 45건: 채택 16,
 * 불채택 29), every idea as it stood at the end of as_of (see
 * inno_idea_filter; NULL: now).  They are the columns of idea-list
 * --period=P --as-of=D --by=total, counted by a leaner statement that
 * reads each idea's last decision the same way (t0614 holds the two
 * together):
 */
struct inno_idea_figures {
	int64_t received;	/* received in the period, by as_of */
	int64_t reviewed;	/* of those, decided by a review by as_of */
	int64_t waiting;	/* of those received, not yet decided */
	int64_t adopted;	/* of those reviewed, by their last decision */
	int64_t rejected;
	int64_t held;		/* last decided "pending": reviewed, held */
	int64_t pending;	/* waiting and held together */
	int64_t meetings;	/* review meetings in the period (and by
				   as_of) that decided an idea */
	/* The titles of the first adopted ideas received in the period. */
	char examples[INNO_IDEA_EXAMPLES][801];
	size_t nexamples;
};
const struct inno_error *inno_idea_figures(struct inno_db *,
    const struct inno_period *p, const char *as_of,
    struct inno_idea_figures *out);


/* The checks inno-check runs over these records. */
const struct inno_error *inno_idea_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_IDEA_H */
