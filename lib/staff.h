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
/*
 * Splits list (employee_ids separated by spaces, commas or semicolons)
 * into the row ids of at most max employees in ids; records an error on
 * column col for an unknown or repeated id.  Returns the number found, -1
 * after an error.
 */
int inno_row_employees(struct inno_row *, int col, const char *list,
    int64_t *ids, int max);


/* The columns of staff-import, in this order. */
enum {
	INNO_STAFF_ID, INNO_STAFF_NAME, INNO_STAFF_GRADE, INNO_STAFF_DEPT,
	INNO_STAFF_TEAM, INNO_STAFF_JOINED, INNO_STAFF_LEFT, INNO_STAFF_NCOLS
};
extern const struct inno_col inno_staff_cols[INNO_STAFF_NCOLS];
/*
 * The row function of staff-import: insert or update by employee_id.  arg
 * is NULL, or a struct inno_staff_batch the caller zeroes before the batch
 * and releases after it, through which the departments and teams are
 * looked up in memory rather than in the database, row after row.
 */
const struct inno_error *inno_staff_row(void *arg, struct inno_row *);

struct staff_map;
struct staff_new;
struct inno_audit_bulk;
/*
 * What staff-import remembers across the rows of one batch: every
 * department and team by name, loaded at the first row; the employee
 * insert trigger taken out for the batch (inno_audit_bulk_begin), which
 * the end of the batch puts back with the run of ids it inserted; and,
 * once the batch has inserted as many employees as there were, the index
 * employee_dept, built again at the end in one pass.  The departments
 * and teams it creates are audited at the end too, one row a table.  The
 * maps are the struct's (inno_staff_batch_release frees them); a struct
 * serves one batch, one transaction.
 */
struct inno_staff_batch {
	struct inno_db *db;	/* the database the maps were loaded from */
	struct staff_map *depts, *teams;
	struct inno_audit_bulk *bulk;
	int64_t first_id;	/* the first employee inserted, 0: none */
	int64_t before;		/* employees when the batch began */
	int64_t inserted;	/* employees the batch inserted so far */
	char *dept_index;	/* employee_dept's SQL while it is out */
	struct staff_new *new_depts, *new_teams;	/* audited at the end */
};
void inno_staff_batch_release(struct inno_staff_batch *);

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
/*
 * Prepares the staff-list query for f; the statement is the database's.
 * With f->by, one row a department (dept, authorised, current), a team
 * (dept, team, authorised, current) or a grade (grade, current), counting
 * the employees f selects; the report's figures are these same rows (see
 * inno_staff_figures).  An unknown f->by is an EUSAGE error.
 */
const struct inno_error *inno_staff_query(struct inno_db *,
    const struct inno_staff_filter *f, struct inno_stmt **stp);

/*
 * The organisation's figures on one day, as the council report gives them
 * (정원 15명 / 현원 15명, 팀별 5, 4, 3, 3; 직급별 현원).  office names the
 * department counted (the report's [report] office); NULL counts every
 * department, and then the units are departments instead of teams.  Each
 * figure has one meaning:
 *
 *   authorised   the authorised headcount (정원) of the office's teams,
 *                as recorded now (the organisation keeps no history)
 *   current      employees of the office employed on the as-of day (현원):
 *                joined on or before it, not left before it
 *   units        the teams of the office in the order they were created
 *                (every department by name when office is NULL), each with
 *                its authorised headcount (has_authorised 0: no team holds
 *                one) and its employees on the as-of day; an employee of
 *                the office without a team is in current but in no unit
 *   grades       the employees of current by grade, lowest number first
 *
 * These are the rows of staff-list --by=dept, --by=team and --by=grade
 * with --dept=office --active=as_of: both come from inno_staff_query.
 * out is the caller's, released with inno_staff_figures_release (also
 * after an error).
 */
struct inno_staff_unit {
	char *name;		/* the team's (or department's) name */
	int has_authorised;
	int64_t authorised;
	int64_t current;
};
struct inno_staff_grade {
	int64_t grade;
	int64_t current;
};
struct inno_staff_figures {
	int64_t authorised;
	int64_t current;
	int units_are_depts;	/* 1 when office was NULL */
	struct inno_staff_unit *units;
	size_t nunits;
	struct inno_staff_grade *grades;
	size_t ngrades;
};
const struct inno_error *inno_staff_figures(struct inno_db *,
    const char *office, const char *as_of, struct inno_staff_figures *out);
void inno_staff_figures_release(struct inno_staff_figures *);

/* The organisation's checks, for inno-check. */
const struct inno_error *inno_staff_check(struct inno_db *, struct inno_diag *);

/*
 * Calls fn for every employee in id order, with the row id, the office's
 * id, the department id and the days joined and left (NULL when not
 * recorded), until fn returns non-zero: for a module that checks a batch
 * against the organisation held in memory instead of one lookup a row.
 */
const struct inno_error *inno_staff_each_employee(struct inno_db *,
    int (*fn)(void *arg, int64_t id, const char *code, int64_t dept,
    const char *joined, const char *left), void *arg);

/*
 * Calls fn for each of the n employees ids[0..n-1] (employee.id) that
 * exists, in that order, with its position i, the office's id, the name,
 * the grade and the name of the department the person belongs to now,
 * until fn returns non-zero: one query for a list of many people (the
 * candidates of a month's MVP) instead of lookups person by person.
 */
const struct inno_error *inno_staff_describe(struct inno_db *,
    const int64_t *ids, size_t n, int (*fn)(void *arg, size_t i,
    const char *code, const char *name, int64_t grade, const char *dept),
    void *arg);

#endif /* INNO_STAFF_H */
