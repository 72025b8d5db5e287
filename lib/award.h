/*
 * award.h: awards the office received, with their incentive money and
 * the projects it funds.
 * lib/award.c owns the tables award and award_fund: no other file's SQL names them.
 *
 * Statements handed back through stp are owned by the database (cached),
 * never finalised by the caller, and valid until the same SQL is prepared
 * again.
 */
#ifndef INNO_AWARD_H
#define INNO_AWARD_H

#include "inno.h"

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


/* The checks inno-check runs over these records. */
const struct inno_error *inno_award_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_AWARD_H */
