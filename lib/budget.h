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

/*
 * The budget lines of all years together may not pass this many won
 * (10^15, the most one amount may be): each line's amount is checked
 * against it, and spending against its line, so no sum the programs
 * compute over these records can overflow 64 bits.
 */
#define INNO_BUDGET_TOTAL_MAX 1000000000000000LL

/*
 * The budget of a year (year 0: every year): its lines, their amounts and
 * what was spent against them, in won, as budget-list --year=Y --by=total
 * prints them (the same statement).
 */
struct inno_budget_figures {
	int64_t lines;
	int64_t amount;		/* the lines' amounts */
	int64_t spent;		/* spent against them */
};
const struct inno_error *inno_budget_figures(struct inno_db *, int64_t year,
    struct inno_budget_figures *out);

/*
 * One programme's budget line for a year (사업개요: 소요예산, 사업기간,
 * 사업내용), as budget-list --year=Y --programme=P prints it; *found is 0
 * when there is none.  first, last and content are "" when not recorded.
 * Release with inno_budget_line_release, also after an error.
 */
struct inno_budget_line {
	int64_t id, year;
	int64_t amount;		/* won */
	int64_t spent;		/* won spent against it */
	char first[11], last[11];	/* the period the programme runs */
	char *content;
	char *dept;		/* the department running it, or "" */
};
const struct inno_error *inno_budget_line(struct inno_db *, int64_t year,
    const char *programme, struct inno_budget_line *out, int *found);
void inno_budget_line_release(struct inno_budget_line *);

/* The checks inno-check runs over these records. */
const struct inno_error *inno_budget_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_BUDGET_H */
