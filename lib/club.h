/*
 * club.h: learning clubs (학습·연구 동아리), their members, grants and
 * activities.  lib/club.c owns the tables club, club_member, club_grant and
 * club_activity: no other file's SQL names them.  The row functions below
 * are the writers of club-register, club-join, club-fund and
 * club-activity; each takes as its argument a pointer to an int64_t that
 * receives the id of the last record it wrote (or NULL).
 */
#ifndef INNO_CLUB_H
#define INNO_CLUB_H

#include "inno.h"

/* club-register: name, kind, topic, leader, dept, registered. */
enum {
	INNO_CLUB_NAME, INNO_CLUB_KIND, INNO_CLUB_TOPIC, INNO_CLUB_LEADER,
	INNO_CLUB_DEPT, INNO_CLUB_REGISTERED, INNO_CLUB_NCOLS
};
extern const struct inno_col inno_club_cols[INNO_CLUB_NCOLS];
const struct inno_error *inno_club_row(void *last_id, struct inno_row *);

/* club-join: club, employee_id, joined, left. */
enum {
	INNO_MEMBER_CLUB, INNO_MEMBER_EMPLOYEE, INNO_MEMBER_JOINED,
	INNO_MEMBER_LEFT, INNO_MEMBER_NCOLS
};
extern const struct inno_col inno_member_cols[INNO_MEMBER_NCOLS];
const struct inno_error *inno_member_row(void *last_id, struct inno_row *);

/* club-fund: club, date, amount, purpose. */
enum {
	INNO_GRANT_CLUB, INNO_GRANT_DATE, INNO_GRANT_AMOUNT, INNO_GRANT_PURPOSE,
	INNO_GRANT_NCOLS
};
extern const struct inno_col inno_grant_cols[INNO_GRANT_NCOLS];
const struct inno_error *inno_grant_row(void *last_id, struct inno_row *);

/* club-activity: club, kind, date, attendees, result, note. */
enum {
	INNO_ACT_CLUB, INNO_ACT_KIND, INNO_ACT_DATE, INNO_ACT_ATTENDEES,
	INNO_ACT_RESULT, INNO_ACT_NOTE, INNO_ACT_NCOLS
};
extern const struct inno_col inno_act_cols[INNO_ACT_NCOLS];
const struct inno_error *inno_act_row(void *last_id, struct inno_row *);

/*
 * The yearly club budget in won for year (YYYY): [club] budget_YYYY, else
 * [club] budget; 0 means no limit.
 */
const struct inno_error *inno_club_budget(const struct inno_config *,
    const char *year, int64_t *won);

struct inno_club_filter {
	const char *kind;	/* NULL: any */
	const char *dept;	/* NULL: any */
	const char *club;	/* NULL: any (for --members) */
	const char *first;	/* a period: the grants and activities */
	const char *last;	/* counted are those dated in it */
	int funded;		/* -1 any, 1 funded in the period, 0 not */
	const char *on;		/* the day of the register and of the
				   members (required) */
	int active;		/* only clubs with members on that day */
	int members;		/* list the memberships instead */
	int members_on;		/* only the memberships on that day */
	const char *by;		/* NULL, "kind" or "dept" */
};
/*
 * Prepares the club-list query; the statement is the database's.  The
 * clubs are those on the register on the day f->on: registered on or
 * before it (a club, registered once, stays on the register).  With by,
 * the rows are (kind or dept, clubs, funded, granted, members,
 * activities), each with the meaning of inno_club_figures.
 */
const struct inno_error *inno_club_query(struct inno_db *,
    const struct inno_club_filter *, struct inno_stmt **stp);

/*
 * The club figures of a period as the council report gives them
 * (학습동아리 등록 49개: 전략형 12, 부서별 37; 활동비 지원 24개 동아리
 * 3,600천원), counted on the day `on`, the as-of date or the period's last
 * day if earlier, and over the days [first, on].  They are the rows of
 * `club-list --period=FIRST..ON --by=kind`, read through the same
 * statement, so the report and the listing cannot disagree.
 */
struct inno_club_kind {
	char kind[16];		/* strategic or departmental */
	char first[512];	/* the first club of the kind registered */
	int64_t clubs;		/* of the kind, on the register on the day */
	int64_t funded;		/* of those, granted money in the period */
	int64_t granted;	/* won granted to them in the period */
	int64_t members;	/* their memberships on the day */
	int64_t activities;	/* their activities dated in the period */
};
struct inno_club_figures {
	char first[11];		/* the period's first day */
	char on[11];		/* the day counted, the period's last */
	int64_t clubs;		/* on the register on the day: registered
				   on or before it, in any year */
	int64_t strategic;	/* of those, by kind */
	int64_t departmental;
	int64_t funded;		/* clubs granted money in the period */
	int64_t granted;	/* won granted in the period */
	int64_t activities;	/* activities dated in the period */
	int64_t members;	/* memberships of any club on the day: one
				   person in two clubs counts twice */
	struct inno_club_kind kind[2];	/* by kind, strategic first; a kind
					   without clubs has no entry */
	size_t nkind;
};
/* Fills *out for the period p as of as_of; *out needs no release. */
const struct inno_error *inno_club_figures(struct inno_db *,
    const struct inno_period *p, const char *as_of,
    struct inno_club_figures *out);

/* The checks inno-check runs on the clubs. */
const struct inno_error *inno_club_check(struct inno_db *, struct inno_diag *);

#endif /* INNO_CLUB_H */
