/*
 * budget.h: programme budget lines and their spending.
 * lib/budget.c owns the tables budget and budget_spend: no other file's SQL names them.
 *
 * Statements handed back through stp are owned by the database (cached),
 * never finalised by the caller, and valid until the same SQL is prepared
 * again.
 */
#ifndef INNO_BUDGET_H
#define INNO_BUDGET_H

#include "inno.h"

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
const struct inno_error *inno_budget_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_BUDGET_H */
