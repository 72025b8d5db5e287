/*
 * club.h: learning clubs (학습·연구 동아리), their members, grants and
 * activities, and the innovation leader groups (혁신주도그룹) bounded by
 * civil-service grade.  The row functions below are the writers of
 * club-register, club-join, club-fund, club-activity and group-join; each
 * takes as its argument a pointer to an int64_t that receives the id of the
 * last record it wrote (or NULL).
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
	const char *first;	/* a period: registered in it, and the */
	const char *last;	/* grants and activities counted in it */
	int funded;		/* -1 any, 1 funded in the period, 0 not */
	const char *on;		/* the day members are counted (required) */
	int active;		/* only clubs with members on that day */
	int members;		/* list the memberships instead */
	int members_on;		/* only the memberships on that day */
	const char *by;		/* NULL, "kind" or "dept" */
};
/* Prepares the club-list query; the statement is the database's. */
const struct inno_error *inno_club_query(struct inno_db *,
    const struct inno_club_filter *, struct inno_stmt **stp);

/*
 * The club figures of a period [first, last] as the council report
 * gives them (학습동아리 등록 49개: 전략형 12, 부서별 37; 활동비 지원
 * 24개 동아리 3,600천원).
 */
struct inno_club_figures {
	int64_t clubs;		/* registered in the period */
	int64_t strategic;	/* of those, by kind */
	int64_t departmental;
	int64_t funded;		/* clubs granted money in the period */
	int64_t granted;	/* won granted in the period */
	int64_t activities;	/* activities dated in the period */
	int64_t members;	/* members of any club on the last day */
};
const struct inno_error *inno_club_figures(struct inno_db *,
    const char *first, const char *last, struct inno_club_figures *);

/* ------------------------------------------------------- leader groups */

struct inno_group {
	char key[64];		/* the section suffix: [group.KEY] */
	char name[128];		/* the name recorded, such as 혁신리더 */
	int64_t min_grade;
	int64_t max_grade;
};

/*
 * The leader groups of the configuration's [group.KEY] sections, or the
 * three built-in ones when there are none.  *groups is the caller's, freed
 * with free().
 */
const struct inno_error *inno_groups_load(const struct inno_config *,
    struct inno_group **groups, size_t *n);

/* group-join: group, employee_id, joined, left. */
enum {
	INNO_GM_GROUP, INNO_GM_EMPLOYEE, INNO_GM_JOINED, INNO_GM_LEFT,
	INNO_GM_NCOLS
};
extern const struct inno_col inno_gm_cols[INNO_GM_NCOLS];
const struct inno_error *inno_gm_row(void *last_id, struct inno_row *);

struct inno_group_filter {
	const char *group;	/* NULL: any; a key or a name */
	const char *dept;	/* NULL: any */
	const char *on;		/* NULL: every membership ever */
	const char *by;		/* NULL, "group" or "grade" */
};
const struct inno_error *inno_group_query(struct inno_db *,
    const struct inno_group_filter *, struct inno_stmt **stp);

/* The checks inno-check runs for clubs, groups and training. */
const struct inno_error *inno_club_check(struct inno_db *, struct inno_diag *);

#endif /* INNO_CLUB_H */
