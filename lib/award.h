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

/*
 * award-add: date, name, grantor, incentive; kind (award, designation or
 * evaluation, default award); programme, the wording file's programme
 * name whose report section shows the award too; entrants, the number
 * of institutions it was contested among.
 */
enum {
	INNO_AWARD_DATE, INNO_AWARD_NAME, INNO_AWARD_GRANTOR,
	INNO_AWARD_INCENTIVE, INNO_AWARD_KIND, INNO_AWARD_PROGRAMME,
	INNO_AWARD_ENTRANTS, INNO_AWARD_NCOLS
};
/* The kinds of award, NULL-terminated: award, designation, evaluation. */
extern const char *const inno_award_kinds[];
/*
 * Checks a space-separated list of kinds (the configuration's [award]
 * counted, award-list --kind); an unknown kind is an EUSAGE error.
 */
const struct inno_error *inno_award_kinds_check(const char *list);
/* The kinds "총 N종의 수상" counts when [award] counted is not set. */
#define INNO_AWARD_COUNTED "award"
extern const struct inno_col inno_award_cols[INNO_AWARD_NCOLS];
const struct inno_error *inno_award_row(void *arg, struct inno_row *);

enum {
	INNO_FUND_AWARD, INNO_FUND_PROJECT, INNO_FUND_DEPT, INNO_FUND_AMOUNT,
	INNO_FUND_MAJOR,	/* 1: one of the office's 주요 사업 */
	INNO_FUND_NCOLS
};
extern const struct inno_col inno_fund_cols[INNO_FUND_NCOLS];
const struct inno_error *inno_fund_row(void *arg, struct inno_row *);

struct inno_award_filter {
	const struct inno_period *period;	/* award date */
	const char *dept;		/* funded projects of this department */
	const char *by;			/* NULL, total, year */
	int funds;			/* list the funded projects */
	const char *kinds;		/* NULL, or only these kinds
					   (space-separated) */
};
const struct inno_error *inno_award_query(struct inno_db *,
    const struct inno_award_filter *, struct inno_stmt **stp);

/*
 * The incentives of all awards together may not pass this many won (10^15,
 * the most one amount may be): each award's incentive is checked against
 * it, and a project's money against its award's incentive, so no sum the
 * programs compute over these records can overflow 64 bits.
 */
#define INNO_AWARD_TOTAL_MAX 1000000000000000LL

/*
 * How many of the largest funded projects the figures name when the office
 * has marked none as major.
 */
#define INNO_AWARD_TOP 5

/*
 * The award figures of a period as the council report gives them (수상
 * 7종: 2006년 6, 2007년 1; 인센티브 1,800백만원; 활용 사업 15개): every
 * award dated from p->first to p->last (p NULL: every award), its money
 * and the projects it funds, whatever their own dates.  The counts are the
 * rows of award-list --period=P --by=year, which runs the same statement,
 * and the list is award-list --period=P.  Release with
 * inno_award_figures_release, also after an error.
 */
struct inno_award_year {
	char year[5];
	int64_t awards;		/* awards dated in the year (and period) */
	int64_t incentive;	/* their incentive money, won */
	int64_t projects;	/* the projects they fund */
	int64_t funded;		/* the money given to those projects */
};
struct inno_award_item {
	char date[11];
	char *name;
	int64_t incentive;
	char kind[16];		/* award, designation or evaluation */
	char *programme;	/* NULL: the office's as a whole */
	int64_t entrants;	/* 0: not recorded */
};
struct inno_award_project {
	char *project;
	char *dept;		/* the department running it */
	int64_t amount;
};
struct inno_award_figures {
	int64_t awards;		/* the years' sum: the counted kinds */
	int64_t incentive, projects, funded;	/* of every kind */
	struct inno_award_year *years;	/* in order, years with an award */
	size_t nyears;
	struct inno_award_item *list;	/* every award, by date */
	size_t nlist;
	struct inno_award_project *top;	/* the projects marked major, or
					   else the INNO_AWARD_TOP largest;
					   largest first */
	size_t ntop;
};
const struct inno_error *inno_award_figures(struct inno_db *,
    const struct inno_period *p, struct inno_award_figures *out);
/*
 * The same, with the awards, years and incentives counted over the kinds
 * in counted only (space-separated; NULL: every kind), as award-list
 * --by=year --kind=COUNTED counts them; the list still holds every award.
 */
const struct inno_error *inno_award_figures_counted(struct inno_db *,
    const struct inno_period *p, const char *counted,
    struct inno_award_figures *out);
void inno_award_figures_release(struct inno_award_figures *);

/* The checks inno-check runs over these records. */
const struct inno_error *inno_award_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_AWARD_H */
