/*
 * course.c: training courses and enrolments.  A course is one round of a
 * programme (the e-learning rounds of a year share a name); employees are
 * enrolled one by one or from a CSV file, and the same file format marks
 * completion later, so an enrolment is inserted once and then updated.  The
 * listing counts enrolled and completed per course and round, per
 * programme, or per kind over a period, and the figures of the council
 * report are its rows.  This file owns the tables course and enrolment,
 * and reads the organisation through the lookup functions of staff.h.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "club.h"
#include "course.h"
#include "mileage.h"
#include "staff.h"
#include "i18n.h"

const struct inno_col inno_course_cols[INNO_COURSE_NCOLS] = {
	{"name", 1}, {"kind", 1}, {"round", 0}, {"start", 1}, {"end", 0},
	{"hours", 0}, {"target", 0}, {"programme", 0}, {"attended", 0},
	{"catalogue", 0}, {"catalogue_name", 0},
};
const struct inno_col inno_enrol_cols[INNO_ENROL_NCOLS] = {
	{"course", 1}, {"round", 0}, {"employee_id", 1}, {"status", 0},
	{"completed", 0},
};

static const char *const course_kinds[] = {"e-learning", "special",
    "workshop", NULL};
static const char *const statuses[] = {"enrolled", "completed", "dropped",
    NULL};

const struct inno_error *
inno_course_row(void *last_id, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *name, *target, *programme, *catname;
	char start[11], end[11];
	int64_t round = 1, hours = 0, attended = 0, catalogue = 0, id;
	int kind = 0, has_hours, has_attended, has_catalogue, found;

	inno_row_text(r, INNO_COURSE_NAME, 200, &name);
	inno_row_word(r, INNO_COURSE_KIND, course_kinds, &kind);
	inno_row_int(r, INNO_COURSE_ROUND, 1, 1000, &round);
	inno_row_date(r, INNO_COURSE_START, start);
	if (inno_row_date(r, INNO_COURSE_END, end) == 0)
		memcpy(end, start, sizeof end);
	has_hours = inno_row_int(r, INNO_COURSE_HOURS, 0, 10000, &hours);
	inno_row_text(r, INNO_COURSE_TARGET, 200, &target);
	inno_row_text(r, INNO_COURSE_PROGRAMME, 200, &programme);
	has_attended = inno_row_int(r, INNO_COURSE_ATTENDED, 0, 10000000,
	    &attended);
	has_catalogue = inno_row_int(r, INNO_COURSE_CATALOGUE, 0, 100000,
	    &catalogue);
	inno_row_text(r, INNO_COURSE_CATALOGUE_NAME, 200, &catname);
	if (!inno_row_bad(r) && strcmp(end, start) < 0)
		inno_row_error(r, INNO_COURSE_END, _("%s: before the start %s"),
		    end, start);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_int(db, &id, &found, "SELECT id FROM course WHERE "
	    "name = ? AND round = ?", "ti", name, round)) != NULL)
		return err;
	if (found) {
		inno_row_error(r, INNO_COURSE_ROUND, _("%.40s round %lld: "
		    "already recorded (course %lld)"), name, (long long)round,
		    (long long)id);
		return NULL;
	}
	/* An absent number is NULL: -1 stands for it in the binding. */
	err = inno_db_run(db, "INSERT INTO course (name, kind, round, start, "
	    "end, hours, target, programme, attended, catalogue, "
	    "catalogue_name) VALUES (?, ?, ?, ?, ?, nullif(?, -1), ?, ?, "
	    "nullif(?, -1), nullif(?, -1), ?)", "ttittittiit", name,
	    course_kinds[kind], round, start, end, has_hours == 1 ? hours :
	    (int64_t)-1, target != NULL ? target : "", programme,
	    has_attended == 1 ? attended : (int64_t)-1, has_catalogue == 1 ?
	    catalogue : (int64_t)-1, catname);
	if (err != NULL)
		return err;
	id = inno_db_last_id(db);
	if (last_id != NULL)
		*(int64_t *)last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

/*
 * Finds the course by name and round; without a round, the name must have
 * only one.  start and end receive its dates.
 */
static int
row_course(struct inno_row *r, int64_t round, int64_t *id, char start[11],
    char end[11])
{
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *name;
	int64_t any = 0;
	int rc, row, n = 0;

	if ((rc = inno_row_text(r, INNO_ENROL_COURSE, 200, &name)) <= 0)
		return rc;
	err = inno_db_query(inno_row_db(r), &st, "SELECT id, start, end FROM "
	    "course WHERE name = ?1 AND (?2 = 0 OR round = ?2) ORDER BY round",
	    "ti", name, round);
	while (err == NULL && (err = inno_stmt_step(st, &row)) == NULL &&
	    row) {
		if (n++ == 0) {
			*id = inno_stmt_int(st, 0);
			snprintf(start, 11, "%s", inno_stmt_text(st, 1));
			snprintf(end, 11, "%s", inno_stmt_text(st, 2));
		}
	}
	if (err != NULL) {
		inno_row_error(r, INNO_ENROL_COURSE, "%s", err->msg);
		return -1;
	}
	/*
	 * A round the course does not have is the round's fault; a name no
	 * course has is the course's, whatever the round says.
	 */
	if (n == 0 && round > 0 && (err = inno_db_int(inno_row_db(r), &any,
	    NULL, "SELECT count(*) FROM course WHERE name = ?", "t",
	    name)) != NULL) {
		inno_row_error(r, INNO_ENROL_COURSE, "%s", err->msg);
		return -1;
	}
	if (n == 0 && round > 0 && any > 0)
		inno_row_error(r, INNO_ENROL_ROUND, _("%.40s round %lld: no "
		    "such course"), name, (long long)round);
	else if (n == 0)
		inno_row_error(r, INNO_ENROL_COURSE, _("%.40s: no such course"),
		    name);
	else if (n > 1)
		inno_row_error(r, INNO_ENROL_ROUND, _("%.40s has %d rounds: "
		    "give the round"), name, n);
	return n == 1 ? 1 : -1;
}

/*
 * The mileage of enrolment id's completion (reason "course_completed") or
 * its withdrawal (any other reason, which takes the mileage back), with
 * the ledger reason worded by the configuration.
 */
static const struct inno_error *
event(struct inno_row *r, const char *reason, int64_t emp, const char *date,
    int64_t id)
{
	const struct inno_error *err;
	char *why;

	if ((why = inno_mileage_reason(inno_db_config(inno_row_db(r)), reason,
	    id, (char *)NULL)) == NULL)
		return inno_error_nomem();
	if (strcmp(reason, "course_completed") == 0)
		err = inno_mileage_event(r, "course:mileage_completed", emp,
		    date, why, id);
	else
		err = inno_mileage_event_undo(r, "course:mileage_completed",
		    id, date, why);
	free(why);
	return err;
}

const struct inno_error *
inno_enrol_row(void *last_id, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	struct inno_stmt *st;
	char start[11], end[11], completed[11], old_completed[11];
	char old_status[16];
	int64_t round = 0, course = 0, emp = 0, id;
	int status = 0, has_status, has_completed, row;

	inno_row_int(r, INNO_ENROL_ROUND, 1, 1000, &round);
	has_status = inno_row_word(r, INNO_ENROL_STATUS, statuses, &status);
	has_completed = inno_row_date(r, INNO_ENROL_COMPLETED, completed);
	if (inno_row_bad(r))
		return NULL;
	if (row_course(r, round, &course, start, end) == 1)
		inno_row_employee(r, INNO_ENROL_EMPLOYEE, start, &emp);
	if (inno_row_bad(r))
		return NULL;
	if (has_completed == 1 && has_status == 1 &&
	    strcmp(statuses[status], "completed") != 0) {
		inno_row_error(r, INNO_ENROL_COMPLETED, _("a completion date "
		    "with status %s"), statuses[status]);
		return NULL;
	}
	if (has_completed == 1)
		status = 1;
	else if (status == 1)
		memcpy(completed, end, sizeof completed);
	if (status == 1 && strcmp(completed, start) < 0) {
		inno_row_error(r, INNO_ENROL_COMPLETED, _("%s: before the "
		    "course started on %s"), completed, start);
		return NULL;
	}
	if ((err = inno_db_query(db, &st, "SELECT id, status, coalesce("
	    "completed, '') FROM enrolment WHERE course_id = ? AND "
	    "employee_id = ?", "ii", course, emp)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row) {
		id = inno_stmt_int(st, 0);
		snprintf(old_status, sizeof old_status, "%s",
		    inno_stmt_text(st, 1));
		snprintf(old_completed, sizeof old_completed, "%s",
		    inno_stmt_text(st, 2));
		inno_stmt_reset(st);
		if (last_id != NULL)
			*(int64_t *)last_id = id;
		inno_row_wrote(r, 0);
		/* Enrolling again without a status changes nothing. */
		if ((has_status != 1 && has_completed != 1) ||
		    (strcmp(old_status, statuses[status]) == 0 &&
		    (status != 1 || strcmp(old_completed, completed) == 0)))
			return NULL;
		if ((err = inno_db_run(db, "UPDATE enrolment SET status = ?, "
		    "completed = ? WHERE id = ?", "tti", statuses[status],
		    status == 1 ? completed : NULL, id)) != NULL ||
		    (err = inno_audit(db, "update", "enrolment", id, id,
		    "status %s%s%s", statuses[status], status == 1 ? " on " :
		    "", status == 1 ? completed : "")) != NULL)
			return err;
		if (status == 1 && strcmp(old_status, "completed") != 0)
			return event(r, "course_completed", emp, completed,
			    id);
		/* A completion withdrawn takes its mileage back. */
		if (status != 1 && strcmp(old_status, "completed") == 0) {
			char today[11];

			if ((err = inno_today(today)) != NULL)
				return err;
			return event(r, "course_withdrawn", 0, today, id);
		}
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO enrolment (course_id, "
	    "employee_id, status, completed) VALUES (?, ?, ?, ?)", "iitt",
	    course, emp, statuses[status], status == 1 ? completed : NULL)) !=
	    NULL)
		return err;
	id = inno_db_last_id(db);
	if (last_id != NULL)
		*(int64_t *)last_id = id;
	inno_row_wrote(r, id);
	if (status == 1)
		return event(r, "course_completed", emp, completed, id);
	return NULL;
}

/*
 * One row per course round.  ?1 kind, ?2 name, ?3 round (0 any), ?4 and ?5
 * a period (NULL: any), ?6 the day of its state, ?7 an enrolment status
 * (NULL: any), ?8 a programme (NULL: any) and ?9 1 to take the courses
 * of no programme with it.  With a period, the rounds are those held at least in part
 * in it, and completed counts the completions dated in it: a round running
 * across the period's end has its later completions in the next period.
 * A round is in progress from its first day to its last, both included.
 */
#define COURSE_BASE \
	"SELECT c.id, c.name, c.kind, c.round, c.start, c.end, c.hours, " \
	"c.target, CASE WHEN ?6 < c.start THEN 'planned' WHEN ?6 <= c.end " \
	"THEN 'in progress' ELSE 'finished' END AS state, " \
	"(SELECT count(*) FROM enrolment n WHERE n.course_id = c.id AND " \
	"n.status <> 'dropped') AS enrolled, " \
	"(SELECT count(*) FROM enrolment n WHERE n.course_id = c.id AND " \
	"n.status = 'completed' AND (?4 IS NULL OR n.completed BETWEEN ?4 " \
	"AND ?5)) AS completed, " \
	"(SELECT count(*) FROM enrolment n WHERE n.course_id = c.id AND " \
	"n.status = 'dropped') AS dropped, c.programme, c.attended, " \
	"c.catalogue, c.catalogue_name FROM course c " \
	"WHERE (?1 IS NULL OR c.kind = ?1) AND (?2 IS NULL OR c.name = ?2) " \
	"AND (?3 = 0 OR c.round = ?3) AND (?4 IS NULL OR (c.start <= ?5 " \
	"AND c.end >= ?4)) AND (?7 IS NULL OR ?7 = ?7) AND (?8 IS NULL OR " \
	"c.programme = ?8 OR (?9 AND c.programme IS NULL))"
/* The order of the rounds, in the listing and in the figures. */
#define COURSE_ORDER " ORDER BY c.start, c.name, c.round"

/* Prepares sql, one of the statements above, with the filter f bound. */
static const struct inno_error *
course_bind(struct inno_db *db, const struct inno_course_filter *f,
    const char *sql, struct inno_stmt **stp)
{
	return inno_db_query(db, stp, sql, "ttittttti", f->kind, f->name,
	    f->round, f->first, f->last, f->on, f->status, f->programme,
	    (int64_t)f->unfiled);
}

const struct inno_error *
inno_course_query(struct inno_db *db, const struct inno_course_filter *f,
    struct inno_stmt **stp)
{
	const char *sql;

	/*
	 * The enrolment listing sorts by the number of its employee_id
	 * column, so that the lookup runs once a row rather than again for
	 * the sort key.
	 */
	if (f->enrolments)
		sql = "SELECT c.name AS course, c.round, "
		    "inno_employee_code(n.employee_id) AS employee_id, "
		    "inno_employee_name(n.employee_id) AS name, "
		    "inno_dept_name(inno_employee_dept(n.employee_id)) AS dept, "
		    "n.status, n.completed FROM (" COURSE_BASE ") c "
		    "JOIN enrolment n ON n.course_id = c.id "
		    "WHERE (?7 IS NULL OR n.status = ?7) "
		    "ORDER BY c.start, c.name, c.round, 3";
	else if (f->by == NULL)
		sql = COURSE_BASE COURSE_ORDER;
	else if (strcmp(f->by, "course") == 0)
		sql = "SELECT name, kind, count(*) AS rounds, min(start) AS "
		    "start, max(end) AS end, sum(hours) AS hours, "
		    "sum(enrolled) AS enrolled, sum(completed) AS completed, "
		    "sum(dropped) AS dropped, sum(attended) AS attended FROM ("
		    COURSE_BASE ") GROUP BY name, kind ORDER BY min(start), "
		    "name";
	else if (strcmp(f->by, "kind") == 0)
		sql = "SELECT kind, count(*) AS courses, sum(enrolled) AS "
		    "enrolled, sum(completed) AS completed, sum(dropped) AS "
		    "dropped FROM (" COURSE_BASE ") GROUP BY kind "
		    "ORDER BY kind";
	else
		return inno_error(INNO_EUSAGE,
		    _("--by=%s: expected course or kind"), f->by);
	return course_bind(db, f, sql, stp);
}

const struct inno_error *
inno_course_figures(struct inno_db *db, const struct inno_period *p,
    const char *as_of, const char *kind, struct inno_course_figures *out)
{
	return inno_course_figures_of(db, p, as_of, kind, NULL, 0, out);
}

const struct inno_error *
inno_course_figures_of(struct inno_db *db, const struct inno_period *p,
    const char *as_of, const char *kind, const char *programme, int unfiled,
    struct inno_course_figures *out)
{
	const struct inno_error *err;
	struct inno_course_filter f = {0};
	struct inno_course_round *k;
	struct inno_stmt *st;
	const char *state;
	int row;

	memset(out, 0, sizeof *out);
	snprintf(out->first, sizeof out->first, "%s", p->first);
	snprintf(out->on, sizeof out->on, "%s", strcmp(as_of, p->last) < 0 ?
	    as_of : p->last);
	/* course-list --period=FIRST..ON --on=ON [--kind=K], row by row. */
	f.kind = kind;
	f.programme = programme;
	f.unfiled = unfiled;
	f.first = out->first;
	f.last = out->on;
	f.on = out->on;
	if ((err = inno_course_query(db, &f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((k = realloc(out->round, (out->nround + 1) *
		    sizeof *k)) == NULL) {
			inno_stmt_reset(st);
			return inno_error_nomem();
		}
		out->round = k;
		k = &out->round[out->nround];
		memset(k, 0, sizeof *k);
		if ((k->name = strdup(inno_stmt_text(st, 1))) == NULL ||
		    (k->target = strdup(inno_stmt_text(st, 7))) == NULL ||
		    (k->catalogue_name = strdup(inno_stmt_text(st, 15))) ==
		    NULL) {
			inno_stmt_reset(st);
			out->nround++;
			return inno_error_nomem();
		}
		out->nround++;
		k->id = inno_stmt_int(st, 0);
		snprintf(k->kind, sizeof k->kind, "%s", inno_stmt_text(st, 2));
		k->round = inno_stmt_int(st, 3);
		snprintf(k->start, sizeof k->start, "%s", inno_stmt_text(st, 4));
		snprintf(k->end, sizeof k->end, "%s", inno_stmt_text(st, 5));
		state = inno_stmt_text(st, 8);
		k->state = strcmp(state, "planned") == 0 ? INNO_COURSE_PLANNED :
		    strcmp(state, "in progress") == 0 ? INNO_COURSE_RUNNING :
		    INNO_COURSE_FINISHED;
		k->enrolled = inno_stmt_int(st, 9);
		k->completed = inno_stmt_int(st, 10);
		k->dropped = inno_stmt_int(st, 11);
		k->attended = inno_stmt_isnull(st, 13) ? -1 :
		    inno_stmt_int(st, 13);
		k->catalogue = inno_stmt_int(st, 14);
		k->people = k->attended >= 0 ? k->attended : k->enrolled;
		out->rounds++;
		out->enrolled += k->enrolled;
		out->completed += k->completed;
		out->dropped += k->dropped;
		/* A round held in [first, on] has started by on. */
		assert(k->state != INNO_COURSE_PLANNED);
		if (k->state == INNO_COURSE_RUNNING) {
			out->running++;
			out->running_enrolled += k->enrolled;
		} else {
			out->finished++;
			out->finished_completed += k->completed;
		}
	}
	return err;
}

void
inno_course_figures_release(struct inno_course_figures *f)
{
	size_t i;

	for (i = 0; i < f->nround; i++) {
		free(f->round[i].name);
		free(f->round[i].target);
		free(f->round[i].catalogue_name);
	}
	free(f->round);
	f->round = NULL;
	f->nround = 0;
}

const struct inno_error *
inno_course_check(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT printf('course %s round %d: "
	    "%s completed on %s, before the start on %s', c.name, c.round, "
	    "inno_employee_code(n.employee_id), n.completed, c.start) FROM "
	    "enrolment n JOIN course c ON c.id = n.course_id WHERE "
	    "n.completed < c.start ORDER BY n.id", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, "%s", inno_stmt_text(st, 0));
	return err;
}
