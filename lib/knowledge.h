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


/* The checks inno-check runs over these records. */
const struct inno_error *inno_knowledge_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_KNOWLEDGE_H */
