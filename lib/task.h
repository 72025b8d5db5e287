/*
 * task.h: innovation tasks (혁신과제): the configured fields and focus
 * areas, the status workflow and the pool's priority criteria; the row
 * functions of task-add, task-update and task-log; and the queries behind
 * task-list and task-log's history.
 */
#ifndef INNO_TASK_H
#define INNO_TASK_H

#include "inno.h"

/* The statuses, in workflow order; the schema fixes the same list. */
enum {
	INNO_TASK_POOL, INNO_TASK_SELECTED, INNO_TASK_IN_PROGRESS,
	INNO_TASK_COMPLETED, INNO_TASK_DROPPED, INNO_TASK_NSTATUS
};
extern const char *const inno_task_statuses[INNO_TASK_NSTATUS + 1];
extern const char *const inno_task_origins[];

/*
 * The task settings of inno.ini, read once per program.  Every string is
 * owned by the structure and freed by inno_task_conf_release.
 */
struct inno_task_conf {
	char **fields;		/* task:fields, in order */
	int *focus;		/* 1 where fields[i] is a focus area */
	size_t nfields;
	char *all_list;		/* "|field|field|...|", for SQL */
	char *focus_list;	/* "|focus|...|" */
	char *years_list;	/* "|f|...|": the fields of every year of
				   its own (task:fields_YYYY) */
	unsigned moves[INNO_TASK_NSTATUS];	/* bit s: may move to s */
	char **criteria;	/* [task_priority] keys */
	int64_t *weights;
	size_t ncriteria;
};

/*
 * Reads the fields, focus areas, workflow and criteria from cfg, falling
 * back to the 2007 fields and the default workflow.  A bad value is an
 * EUSAGE error naming the key.  conf is the caller's; release it even after
 * an error.
 */
const struct inno_error *inno_task_conf_load(const struct inno_config *cfg,
    struct inno_task_conf *conf);
/*
 * The same, with the fields and focus areas of year ("2006") when the
 * configuration gives that year its own (task:fields_2006, task:focus_2006);
 * year NULL or a year without them: task:fields.  A task may name a field
 * of any year's own list.
 */
const struct inno_error *inno_task_conf_load_year(const struct inno_config *cfg,
    const char *year, struct inno_task_conf *conf);
void inno_task_conf_release(struct inno_task_conf *conf);

/* The index of a configured field, or -1. */
int inno_task_field_index(const struct inno_task_conf *, const char *field);

/*
 * Writes the statuses a task may move to from status s into buf, as
 * "selected, dropped" ("none" when it may not move).
 */
void inno_task_moves(const struct inno_task_conf *, int s, char *buf,
    size_t size);

/* The columns of task-add, in this order; task-update takes id first. */
enum {
	INNO_TASK_TITLE, INNO_TASK_FIELD, INNO_TASK_ORIGIN, INNO_TASK_DEPT,
	INNO_TASK_STATUS, INNO_TASK_PRIORITY, INNO_TASK_BUDGET,
	INNO_TASK_START, INNO_TASK_DUE, INNO_TASK_NCOLS
};
extern const struct inno_col inno_task_cols[INNO_TASK_NCOLS];

/* What task-add's row function needs, and the id it inserted last. */
struct inno_task_add {
	const struct inno_task_conf *conf;
	int64_t last_id;
};
/* The row function of task-add; arg is a struct inno_task_add. */
const struct inno_error *inno_task_add_row(void *arg, struct inno_row *);

/* The columns of task-update: the task's id, then task-add's. */
enum { INNO_TASKU_ID, INNO_TASKU_NCOLS = INNO_TASK_NCOLS + 1 };
extern const struct inno_col inno_task_update_cols[INNO_TASKU_NCOLS];

/*
 * The changes of one task-update call beyond its attributes.  Each list
 * holds option values the caller owns:
 *   add_member "EMPLOYEE_ID" or "EMPLOYEE_ID:ROLE"; remove_member
 *   "EMPLOYEE_ID"; milestone and move "YYYY-MM-DD:TITLE"; done "TITLE";
 *   score "CRITERION=N" with N from 0 to 100.
 * on is the date of joins, leaves and milestones reached (NULL: today).
 */
struct inno_task_list_arg {
	const char **v;
	size_t n;
};
struct inno_task_update {
	const struct inno_task_conf *conf;
	const char *on;
	struct inno_task_list_arg add_member, remove_member, milestone, move,
	    done, score;
	const char *named;	/* NULL, or "1"/"0": the council report
				   names the task under its task forces */
	size_t changed;		/* out: the number of changes made */
};
/* The row function of task-update; arg is a struct inno_task_update. */
const struct inno_error *inno_task_update_row(void *arg, struct inno_row *);

/*
 * task-member: the task forces in bulk, one membership a row: the task's
 * id, the employee, the role (default member) and the day joined
 * (default today).  An employee already on the task force with another
 * role is given the new one.
 */
enum {
	INNO_TMEM_TASK, INNO_TMEM_EMPLOYEE, INNO_TMEM_ROLE, INNO_TMEM_JOINED,
	INNO_TMEM_NCOLS
};
extern const struct inno_col inno_task_member_cols[INNO_TMEM_NCOLS];
/*
 * The row function of task-member; arg is an int64_t receiving the id of
 * the last membership inserted.
 */
const struct inno_error *inno_task_member_row(void *arg, struct inno_row *);

/* The columns of task-log entries. */
enum {
	INNO_TLOG_TASK, INNO_TLOG_DATE, INNO_TLOG_NOTE, INNO_TLOG_PERCENT,
	INNO_TLOG_MEETING, INNO_TLOG_NCOLS
};
extern const struct inno_col inno_task_log_cols[INNO_TLOG_NCOLS];
/* The row function of task-log; arg is an int64_t receiving the last id. */
const struct inno_error *inno_task_log_row(void *arg, struct inno_row *);

/* The filters, sort and grouping of task-list. */
struct inno_task_filter {
	const char *status;
	const char *field;
	const char *origin;	/* NULL, "common", "own" or "assigned" */
	int focus;		/* 1: focus areas only, -1: the others only */
	const char *dept;
	const char *member;	/* an employee_id, ever on the task force */
	const struct inno_period *period;	/* NULL: any time */
	int overdue;		/* an open milestone due before today */
	int64_t due_within;	/* -1: no filter; else due in [today, +N] */
	const char *sort;	/* NULL or "id", "priority", "due", "field" */
	const char *by;		/* NULL or "field", "status", "dept", "force" */
	const char *view;	/* NULL, "members", "milestones", "scores" */
};

/*
 * Prepares the task-list query (tasks, counts, members or milestones) for
 * f; the statement is the database's.  Unknown words in f are EUSAGE.
 */
const struct inno_error *inno_task_query(struct inno_db *,
    const struct inno_task_conf *, const struct inno_task_filter *f,
    struct inno_stmt **stp);

/*
 * Writes the roadmap of the tasks f selects to out: one row a task, one
 * column a month of period, each cell the milestones due that month ("*"
 * after one reached) or "~" for a month the task runs without one.
 */
const struct inno_error *inno_task_roadmap(struct inno_db *,
    const struct inno_task_conf *, const struct inno_task_filter *f,
    const struct inno_period *period, struct inno_out *out);

/*
 * Prepares the history of task id: every audit line about the task, its
 * task force, milestones, scores and progress entries, oldest first.  An
 * unknown task is an EINPUT error.
 */
const struct inno_error *inno_task_history(struct inno_db *, int64_t id,
    struct inno_stmt **stp);

/*
 * The task figures of a period, as the council report gives them (15 task
 * fields, 236 unit projects, 15 task forces with 180 members).  A task is
 * in the period when it runs during it (start on or before its last day,
 * due on or after its first; a missing start means long ago, a missing
 * due runs on, a task with neither dates nor milestones is in no period)
 * or has a milestone due in it: the rule of task-list --period.  Each
 * figure has one meaning:
 *
 *   projects     tasks in the period (단위사업), whatever their status
 *   fields       fields with at least one task in the period
 *   byfield      every configured field in order, then any other field a
 *                task of the period still has: its tasks in the period,
 *                those by current status, and its task forces and members
 *   forces       tasks in the period with at least one task force member
 *                on the period's last day (과제별 TFT)
 *   members      memberships on that day of those task forces (구성원);
 *                a member joins on the day given and is gone on the day
 *                they leave
 *   focus        the assigned tasks (지정과제) of the focus areas in the
 *                period that are not dropped, by field then id
 *
 * These are the rows of task-list --period=P --by=field, --by=force and
 * --focus (its assigned tasks): both come from inno_task_query.  A report
 * as of a day inside its period passes the period up to that day.  out is
 * the caller's, released with inno_task_figures_release (also after an
 * error).
 */
struct inno_task_field_figures {
	char *field;
	int focus;		/* 1: a focus area */
	int64_t tasks;
	int64_t status[INNO_TASK_NSTATUS];	/* by inno_task_statuses */
	int64_t forces;
	int64_t members;
};
struct inno_task_focus {
	int64_t id;
	char *field, *title, *dept;
};
struct inno_task_figures {
	int64_t projects;
	int64_t fields;
	int64_t forces;
	int64_t members;
	struct inno_task_field_figures *byfield;
	size_t nbyfield;
	struct inno_task_focus *focus;
	size_t nfocus;
};
const struct inno_error *inno_task_figures(struct inno_db *,
    const struct inno_task_conf *, const struct inno_period *,
    struct inno_task_figures *out);
void inno_task_figures_release(struct inno_task_figures *);

/*
 * The milestones due in period, in date order, for the report's roadmap:
 * reached is 1 when the milestone was reached on or before as_of.  *v is
 * the caller's, freed with inno_task_dues_free.
 */
struct inno_task_due {
	char due[11];
	int reached;
	char *field, *task, *title;
};
const struct inno_error *inno_task_dues(struct inno_db *,
    const struct inno_period *, const char *as_of, struct inno_task_due **v,
    size_t *n);
void inno_task_dues_free(struct inno_task_due *v, size_t n);

/* inno-check's task rules. */
const struct inno_error *inno_task_check(struct inno_db *, struct inno_diag *);

/* Whether task id exists: *found is 1 or 0. */
const struct inno_error *inno_task_exists(struct inno_db *, int64_t id,
    int *found);

/*
 * The titles of the tasks marked named (task-update --named=1) that have a
 * task force member on day on, by id, for the council report's list under
 * its task forces.  *v is the caller's, freed with inno_task_named_free.
 */
const struct inno_error *inno_task_named(struct inno_db *, const char *on,
    char ***v, size_t *n);
void inno_task_named_free(char **v, size_t n);

#endif /* INNO_TASK_H */
