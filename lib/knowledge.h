/*
 * knowledge.h: knowledge items, their expert evaluations, view counts and
 * the quarterly awards.
 * lib/knowledge.c owns the tables knowledge, knowledge_eval and
 * knowledge_view: no other file's SQL names them.
 *
 * Statements handed back through stp are owned by the database (cached),
 * never finalised by the caller, and valid until the same SQL is prepared
 * again.
 */
#ifndef INNO_KNOWLEDGE_H
#define INNO_KNOWLEDGE_H

#include "inno.h"

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

/*
 * What knowledge-list selects.  Every item is read as it stood at the end
 * of as_of (NULL: as it stands now): items registered later, and later
 * evaluations and months of views, are left out, and an item's status is
 * the verdict of its last evaluation recorded by then (submitted when there
 * is none), so a listing or report as of a past day does not change with
 * later evaluations.
 */
struct inno_knowledge_filter {
	const char *kind;		/* work, living, manual; NULL */
	const char *status;		/* submitted, approved, rejected */
	const char *author;		/* employee_id */
	const char *dept;
	const struct inno_period *period;	/* registration; evaluations
					   and views by their date */
	const char *as_of;		/* YYYY-MM-DD, or NULL */
	const char *by;	/* NULL, total, kind, status, dept, author, month,
			   quarter */
	int evaluations;		/* list evaluations instead */
};
const struct inno_error *inno_knowledge_query(struct inno_db *,
    const struct inno_knowledge_filter *, struct inno_stmt **stp);

/*
 * The knowledge figures of a period as the council report gives them
 * (업무매뉴얼 등록 33건; 지식평가 76건: 승인 47, 거부 29), every item as it
 * stood at the end of as_of (see inno_knowledge_filter; NULL: now).  They
 * are the columns of knowledge-list --period=P --as-of=D --by=total, which
 * runs the same statement.
 */
struct inno_knowledge_figures {
	int64_t items;		/* registered in the period, by as_of */
	int64_t kinds[3];	/* of those: work, living, manual */
	int64_t evaluations;	/* evaluations dated in the period (of items
				   registered at any time) */
	int64_t approved;	/* of those, by verdict */
	int64_t rejected;
	int64_t views;		/* views in the months of the period */
};
const struct inno_error *inno_knowledge_figures(struct inno_db *,
    const struct inno_period *p, const char *as_of,
    struct inno_knowledge_figures *out);

/*
 * The quarterly awards: approved items registered in the quarter, scored
 * by the [knowledge] award rule, best first, with the award each earns.
 */
const struct inno_error *inno_knowledge_awards(struct inno_db *,
    const struct inno_period *quarter, struct inno_stmt **stp);

/*
 * The award rule's numbers: how many items a quarter names best and
 * excellent ([knowledge] award_best, award_excellent); a bad value is an
 * EUSAGE error naming the key.
 */
const struct inno_error *inno_knowledge_award_rule(const struct inno_config *,
    int64_t *best, int64_t *excellent);


/* The checks inno-check runs over these records. */
const struct inno_error *inno_knowledge_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_KNOWLEDGE_H */
