/*
 * staff.h: the organisation module.  lib/staff.c owns the tables dept,
 * team and employee: no other file's SQL names them.  Other modules reach
 * the organisation through the functions below, and inside their own SQL
 * through the lookup functions staff.c defines on every connection:
 *
 *   inno_dept_name(dept_id)          the department's name
 *   inno_dept_ref(name)              the id of the department so named
 *   inno_team_name(team_id)          the team's name
 *   inno_team_dept(team_id)          the team's department id
 *   inno_employee_name(id)           the employee's name
 *   inno_employee_code(id)           the office's own id (employee_id)
 *   inno_employee_ref(code)          the row id of employee_id code
 *   inno_employee_dept(id)           the employee's department id
 *   inno_employee_team(id)           the employee's team id
 *   inno_employee_grade(id)          the employee's grade (1 to 9)
 *   inno_employee_joined(id)         the day they joined, or NULL
 *   inno_employee_left(id)           the day they left, or NULL
 *   inno_employee_active(id, day)    1 when employed on day, else 0
 *   inno_dept_headcount(id, a, b)    staff of the department employed on
 *                                    any day from a to b
 *
 * Each is NULL for an id or name that does not exist (and for NULL).
 */
#ifndef INNO_STAFF_H
#define INNO_STAFF_H

#include "inno.h"

/*
 * Defines the lookup functions above on db's connection.  inno_db_open
 * calls it; nothing else needs to.
 */
const struct inno_error *inno_staff_functions(struct inno_db *);

/*
 * Lookups shared by every importer: an employee by employee_id, a
 * department by name, each checked to exist (and, for an employee with a
 * date, to be employed on that date).  *id is the row id.
 */
int inno_row_employee(struct inno_row *, int col, const char *on_date,
    int64_t *id);
int inno_row_dept(struct inno_row *, int col, int64_t *id);


/* The columns of staff-import, in this order. */
enum {
	INNO_STAFF_ID, INNO_STAFF_NAME, INNO_STAFF_GRADE, INNO_STAFF_DEPT,
	INNO_STAFF_TEAM, INNO_STAFF_JOINED, INNO_STAFF_LEFT, INNO_STAFF_NCOLS
};
extern const struct inno_col inno_staff_cols[INNO_STAFF_NCOLS];
/* The row function of staff-import: insert or update by employee_id. */
const struct inno_error *inno_staff_row(void *arg, struct inno_row *);

/* The columns of staff-import --teams: dept, team, authorised, kind. */
enum {
	INNO_TEAM_DEPT, INNO_TEAM_TEAM, INNO_TEAM_AUTH, INNO_TEAM_KIND,
	INNO_TEAM_NCOLS
};
extern const struct inno_col inno_team_cols[INNO_TEAM_NCOLS];
const struct inno_error *inno_team_row(void *arg, struct inno_row *);

struct inno_staff_filter {
	const char *dept;
	const char *team;
	int64_t grade;		/* 0: any */
	const char *active_on;	/* NULL: everyone ever recorded */
	const char *by;		/* NULL, "dept", "team" or "grade" */
};
/* Prepares the staff-list query for f; the statement is the database's. */
const struct inno_error *inno_staff_query(struct inno_db *,
    const struct inno_staff_filter *f, struct inno_stmt **stp);

/* The organisation's checks, for inno-check. */
const struct inno_error *inno_staff_check(struct inno_db *, struct inno_diag *);

#endif /* INNO_STAFF_H */
