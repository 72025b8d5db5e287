/*
 * group.h: the innovation leader groups (혁신주도그룹), three groups
 * bounded by civil-service grade (혁신리더 5-6, 변화관리자 6-9, 혁신새싹
 * 8-9 in the 2006 plan; the ranges come from inno.ini), and their members.
 * lib/group.c owns the table group_member: no other file's SQL names it.
 * Memberships are periods [joined, left], so the members of a group on
 * any day can be counted.
 */
#ifndef INNO_GROUP_H
#define INNO_GROUP_H

#include "inno.h"

struct inno_group {
	char key[64];		/* the section suffix: [group.KEY] */
	char name[128];		/* the name recorded, such as 혁신리더 */
	int64_t min_grade;
	int64_t max_grade;
};

/*
 * The leader groups of the configuration's [group.KEY] sections, or the
 * three built-in ones when there are none.  *groups is the caller's, freed
 * with free(); a malformed range is an EUSAGE error naming the key.
 */
const struct inno_error *inno_groups_load(const struct inno_config *,
    struct inno_group **groups, size_t *n);

/*
 * group-join: group, employee_id, joined, left.  The row function joins
 * (or, with only left, closes the open membership of) one employee; last_id
 * points to an int64_t that receives the membership's id, or is NULL.
 */
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
/*
 * Prepares the group-list query; the statement is the database's.  With
 * by, the rows are the counts of inno_group_figures: (group, members), or
 * (group, grade, members).
 */
const struct inno_error *inno_group_query(struct inno_db *,
    const struct inno_group_filter *, struct inno_stmt **stp);

/*
 * The leader-group figures on one day: the members of each group on that
 * day (joined on or before it, not left before it), as `group-list
 * --on=DAY --by=group` counts them, through the same statement.  A person
 * in two groups is counted in each.
 */
struct inno_group_part {
	char name[128];		/* the group's recorded name */
	int64_t members;	/* its members on the day */
};
struct inno_group_figures {
	char on[11];		/* the day: the as-of date, at most the
				   period's last day */
	int64_t members;	/* memberships on the day, every group */
	struct inno_group_part *group;	/* by group, in name order */
	size_t ngroup;
};
/*
 * Fills *out for the period p as of the day as_of (the figures are taken
 * on the earlier of as_of and p->last).  out is the caller's, released
 * with inno_group_figures_release, also after an error.
 */
const struct inno_error *inno_group_figures(struct inno_db *,
    const struct inno_period *p, const char *as_of,
    struct inno_group_figures *out);
void inno_group_figures_release(struct inno_group_figures *);

/* The checks inno-check runs on the leader groups. */
const struct inno_error *inno_group_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_GROUP_H */
