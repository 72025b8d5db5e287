/*
 * idea.c: ideas from staff and citizens (창의구정 아이디어).  An idea is
 * pending from the day it is received until a review meeting adopts or
 * rejects it; a meeting may also leave it pending.  An adopted idea is
 * assigned to the department that carries it out, which then reports its
 * implementation.  Every decision is kept as a review row, so the idea's
 * status is always the latest decision, and a decision that takes back an
 * adoption also takes back the mileage the adoption gave.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "check.h"
#include "hook.h"
#include "idea.h"
#include "mileage.h"
#include "staff.h"
#include "i18n.h"


static const char *const sources[] = {"staff", "citizen", NULL};
static const char *const decisions[] = {"adopted", "rejected", "pending",
    NULL};
static const char *const impls[] = {"planned", "in_progress", "done",
    "dropped", NULL};

const struct inno_col inno_idea_cols[INNO_IDEA_NCOLS] = {
	{"submitted", 1}, {"title", 1}, {"source", 0}, {"employee_id", 0},
	{"proposer", 0}, {"dept", 0}, {"content", 0},
};

const struct inno_col inno_review_cols[INNO_REVIEW_NCOLS] = {
	{"idea", 1}, {"date", 1}, {"meeting", 0}, {"decision", 0},
	{"dept", 0}, {"implementation", 0}, {"reason", 0},
};

const struct inno_error *
inno_idea_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *title, *proposer, *content;
	char date[11], *reason;
	int source = -1, found, he;
	int64_t emp = 0, dept = 0, id;

	inno_row_date(r, INNO_IDEA_SUBMITTED, date);
	inno_row_text(r, INNO_IDEA_TITLE, 200, &title);
	inno_row_word(r, INNO_IDEA_SOURCE, sources, &source);
	he = inno_row_employee(r, INNO_IDEA_EMPLOYEE, date, &emp);
	inno_row_text(r, INNO_IDEA_PROPOSER, 100, &proposer);
	inno_row_dept(r, INNO_IDEA_DEPT, &dept);
	inno_row_text(r, INNO_IDEA_CONTENT, 4000, &content);
	if (inno_row_bad(r))
		return NULL;
	if (source < 0)
		source = he == 1 || proposer == NULL ? 0 : 1;
	if (source == 0 && he != 1)
		inno_row_error(r, INNO_IDEA_EMPLOYEE,
		    _("required for an idea from staff"));
	if (source == 1 && he == 1)
		inno_row_error(r, INNO_IDEA_EMPLOYEE, _("a citizen's idea has "
		    "a proposer, not an employee"));
	if (source == 1 && proposer == NULL)
		inno_row_error(r, INNO_IDEA_PROPOSER, _("required for an idea "
		    "from a citizen"));
	if (inno_row_bad(r))
		return NULL;
	if (source == 0 && dept == 0 && (err = inno_db_int(db, &dept, &found,
	    "SELECT inno_employee_dept(?)", "i", emp)) != NULL)
		return err;
	if ((err = inno_db_run(db, "INSERT INTO idea (submitted, title, "
	    "source, employee_id, proposer, dept_id, content) VALUES (?, ?, ?, "
	    "?, ?, ?, ?)", "tttItIt", date, title, sources[source], emp,
	    proposer, dept, content)) != NULL)
		return err;
	id = inno_db_last_id(db);
	if (emp != 0) {
		if ((reason = inno_mileage_reason(inno_db_config(db),
		    "idea_submitted", id, "title", title,
		    (char *)NULL)) == NULL)
			return inno_error_nomem();
		err = inno_mileage_event(r, "idea:mileage_submitted", emp,
		    date, reason, id);
		free(reason);
		if (err != NULL)
			return err;
	}
	a->last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

/* Finds or creates the review meeting held on date under name. */
static const struct inno_error *
meeting_ensure(struct inno_db *db, const char *date, const char *name,
    int64_t *id)
{
	const struct inno_error *err;
	int found;

	if ((err = inno_db_int(db, id, &found, "SELECT id FROM idea_meeting "
	    "WHERE date = ? AND name = ?", "tt", date, name)) != NULL ||
	    found)
		return err;
	if ((err = inno_db_run(db, "INSERT INTO idea_meeting (date, name) "
	    "VALUES (?, ?)", "tt", date, name)) != NULL)
		return err;
	*id = inno_db_last_id(db);
	return inno_audit(db, "insert", "idea_meeting", *id, *id, "review "
	    "meeting %s on %s", name, date);
}

/* The idea as a review finds it. */
struct idea_now {
	int64_t id, emp, dept, adopted_by, assigned;
	char submitted[11];
	char status[16];
	char impl[16];
	char *title;
};

static const struct inno_error *
idea_load(struct inno_db *db, int64_t id, struct idea_now *n, int *found)
{
	const struct inno_error *err;
	struct inno_stmt *st;

	if ((err = inno_db_query(db, &st, "SELECT i.submitted, i.status, "
	    "coalesce(i.employee_id, 0), coalesce(inno_employee_dept("
	    "i.employee_id), i.dept_id, 0), coalesce(i.adopted_by, 0), "
	    "coalesce(i.assigned_id, 0), coalesce(i.implementation, ''), "
	    "i.title FROM idea i WHERE i.id = ?", "i", id)) !=
	    NULL || (err = inno_stmt_step(st, found)) != NULL || !*found)
		return err;
	n->id = id;
	snprintf(n->submitted, sizeof n->submitted, "%s",
	    inno_stmt_text(st, 0));
	snprintf(n->status, sizeof n->status, "%s", inno_stmt_text(st, 1));
	n->emp = inno_stmt_int(st, 2);
	n->dept = inno_stmt_int(st, 3);
	n->adopted_by = inno_stmt_int(st, 4);
	n->assigned = inno_stmt_int(st, 5);
	snprintf(n->impl, sizeof n->impl, "%s", inno_stmt_text(st, 6));
	n->title = strdup(inno_stmt_text(st, 7));
	inno_stmt_reset(st);
	return n->title == NULL ? inno_error_nomem() : NULL;
}

/* Writes the review and what it changes; n is the idea before it. */
static const struct inno_error *
review_write(struct inno_row *r, struct inno_db *db, struct idea_now *n,
    const char *date, int64_t meeting, int decision, int64_t dept, int impl,
    const char *reason, int64_t *id)
{
	const struct inno_error *err;
	const char *status = decision >= 0 ? decisions[decision] : n->status;
	const char *newimpl;
	int was = strcmp(n->status, "adopted") == 0;
	int is = strcmp(status, "adopted") == 0;
	int64_t adopted_by = n->adopted_by;
	char *why;

	if (!is) {
		dept = 0;
		newimpl = NULL;
	} else {
		if (dept == 0)
			dept = n->assigned;
		newimpl = impl >= 0 ? impls[impl] : was ? n->impl : "planned";
	}
	if ((err = inno_db_run(db, "INSERT INTO idea_review (idea_id, date, "
	    "meeting_id, decision, assigned_id, implementation, reason) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?)", "itItItt", n->id, date, meeting,
	    decision >= 0 ? decisions[decision] : NULL,
	    (decision >= 0 || dept != n->assigned) ? dept : (int64_t)0,
	    impl >= 0 ? impls[impl] : NULL, reason)) != NULL)
		return err;
	*id = inno_db_last_id(db);
	if (was && !is) {
		if ((why = inno_mileage_reason(inno_db_config(db),
		    "idea_unadopted", n->id, "status", status, "title",
		    n->title, (char *)NULL)) == NULL)
			return inno_error_nomem();
		err = inno_mileage_event_undo(r, "idea:mileage_adopted",
		    n->id, date, why);
		free(why);
		if (err != NULL)
			return err;
		adopted_by = 0;
	} else if (!was && is) {
		adopted_by = *id;
		if ((err = inno_hook_add(db, "idea-adopt", "iissi", "idea",
		    n->id, "review", *id, "date", date, "title", n->title,
		    "assigned_dept_id", dept)) != NULL)
			return err;
		if (n->emp != 0) {
			if ((why = inno_mileage_reason(inno_db_config(db),
			    "idea_adopted", n->id, "title", n->title,
			    (char *)NULL)) == NULL)
				return inno_error_nomem();
			err = inno_mileage_event(r, "idea:mileage_adopted",
			    n->emp, date, why, n->id);
			free(why);
			if (err != NULL)
				return err;
		}
	}
	if ((err = inno_db_run(db, "UPDATE idea SET status = ?, decided = "
	    "CASE WHEN ? THEN ? ELSE decided END, assigned_id = ?, "
	    "implementation = ?, adopted_by = ? WHERE id = ?", "tdtItIi",
	    status, decision >= 0, date, dept, newimpl, adopted_by, n->id)) !=
	    NULL)
		return err;
	return inno_audit(db, "update", "idea", n->id, n->id, "idea %lld: "
	    "%s%s%s (review %lld)", (long long)n->id, status,
	    newimpl ? ", " : "", newimpl ? newimpl : "", (long long)*id);
}

const struct inno_error *
inno_review_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *mname, *reason;
	struct idea_now n;
	char date[11];
	int decision = -1, impl = -1, hi, hd, found = 0;
	int64_t idea = 0, dept = 0, meeting = 0, id;

	hi = inno_row_int(r, INNO_REVIEW_IDEA, 1, INT64_MAX, &idea);
	inno_row_date(r, INNO_REVIEW_DATE, date);
	inno_row_text(r, INNO_REVIEW_MEETING, 100, &mname);
	inno_row_word(r, INNO_REVIEW_DECISION, decisions, &decision);
	hd = inno_row_dept(r, INNO_REVIEW_DEPT, &dept);
	inno_row_word(r, INNO_REVIEW_IMPLEMENTATION, impls, &impl);
	inno_row_text(r, INNO_REVIEW_REASON, 1000, &reason);
	if (inno_row_bad(r))
		return NULL;
	memset(&n, 0, sizeof n);
	if (hi == 1 && (err = idea_load(db, idea, &n, &found)) != NULL)
		return err;
	if (!found) {
		inno_row_error(r, INNO_REVIEW_IDEA, _("%lld: no such idea"),
		    (long long)idea);
		return NULL;
	}
	if (strcmp(date, n.submitted) < 0)
		inno_row_error(r, INNO_REVIEW_DATE, _("%s: before the idea was "
		    "submitted on %s"), date, n.submitted);
	if (decision < 0 && impl < 0)
		inno_row_error(r, INNO_REVIEW_DECISION, _("give a decision or "
		    "an implementation status"));
	else if (decision == 0 && hd != 1 && n.assigned == 0)
		inno_row_error(r, INNO_REVIEW_DEPT, _("required when an idea "
		    "is adopted (the department that carries it out)"));
	else if (decision > 0 && (hd == 1 || impl >= 0))
		inno_row_error(r, hd == 1 ? INNO_REVIEW_DEPT :
		    INNO_REVIEW_IMPLEMENTATION, _("only for an adopted idea"));
	else if (decision < 0 && strcmp(n.status, "adopted") != 0)
		inno_row_error(r, INNO_REVIEW_IMPLEMENTATION, _("idea %lld is "
		    "%s, not adopted"), (long long)idea, n.status);
	if (inno_row_bad(r)) {
		free(n.title);
		return NULL;
	}
	if (mname != NULL && (err = meeting_ensure(db, date, mname,
	    &meeting)) != NULL)
		goto done;
	if ((err = review_write(r, db, &n, date, meeting, decision, dept,
	    impl, reason, &id)) != NULL)
		goto done;
	a->last_id = id;
	inno_row_wrote(r, id);
done:
	free(n.title);
	return err;
}

const struct inno_error *
inno_idea_deadline(struct inno_db *db, int64_t *days, char cutoff[11])
{
	const struct inno_error *err;

	if ((err = inno_config_int(inno_db_config(db), "idea:decision_days",
	    60, 1, 3650, days)) != NULL || (err = inno_today(cutoff)) != NULL)
		return err;
	inno_date_add_days(cutoff, -(int)*days, cutoff);
	return NULL;
}

/*
 * The ideas a query counts, each as it stood on the as-of day ?8 (NULL:
 * as it stands now), derived from its review history rather than read from
 * the status stored on the idea, so that a report as of a past day does not
 * change with later decisions.  Decisions count in the order they were
 * recorded, as idea-review applies them:
 *
 *   h: every idea received by ?8, with its last decision by ?8 (dec) and
 *      its last decision by ?8 that was not an adoption (off);
 *   s: its status (the last decision, else pending), the day it was
 *      decided, and, when adopted, the department assigned and the
 *      implementation status recorded since it was last adopted;
 *   f: those that pass the filters other than the period (?1 status, ?2
 *      source, ?6 assigned department, ?7 pending and received before);
 *   fp: those of f received in the period (?3..?4);
 *   rv: the decisions recorded at a meeting in the period and by ?8, of
 *      the ideas of f.
 *
 * ?5 is the decision deadline ("+60 days").
 */
#define IDEA_BY(day) "(?8 IS NULL OR " day " <= ?8)"
#define IDEA_F "WITH h AS (SELECT i.*, (SELECT max(r.id) FROM " \
	"idea_review r WHERE r.idea_id = i.id AND r.decision IS NOT NULL AND " \
	IDEA_BY("r.date") ") AS dec, (SELECT max(r.id) FROM idea_review r " \
	"WHERE r.idea_id = i.id AND r.decision IN ('rejected', 'pending') AND " \
	IDEA_BY("r.date") ") AS off FROM idea i WHERE " \
	IDEA_BY("i.submitted") "), " \
	"s AS (SELECT h.id, h.submitted, h.title, h.source, h.employee_id, " \
	"h.proposer, h.dept_id, h.content, coalesce(d.decision, 'pending') AS " \
	"status, d.date AS decided, CASE WHEN d.decision = 'adopted' THEN " \
	"(SELECT r.assigned_id FROM idea_review r WHERE r.idea_id = h.id AND " \
	"r.assigned_id IS NOT NULL AND r.id > coalesce(h.off, 0) AND " \
	IDEA_BY("r.date") " ORDER BY r.id DESC LIMIT 1) END AS assigned_id, " \
	"CASE WHEN d.decision = 'adopted' THEN coalesce((SELECT " \
	"r.implementation FROM idea_review r WHERE r.idea_id = h.id AND " \
	"r.implementation IS NOT NULL AND r.id > coalesce(h.off, 0) AND " \
	IDEA_BY("r.date") " ORDER BY r.id DESC LIMIT 1), 'planned') END AS " \
	"implementation FROM h LEFT JOIN idea_review d ON d.id = h.dec), " \
	"f AS (SELECT * FROM s WHERE (?1 IS NULL OR status = ?1)" \
	" AND (?2 IS NULL OR source = ?2)" \
	" AND (?6 IS NULL OR assigned_id = inno_dept_ref(?6))" \
	" AND (?7 IS NULL OR (status = 'pending' AND submitted < ?7))" \
	" AND ?5 IS NOT ''), " \
	"fp AS (SELECT * FROM f WHERE (?3 IS NULL OR submitted >= ?3)" \
	" AND (?4 IS NULL OR submitted <= ?4)), " \
	"rv AS (SELECT r.* FROM idea_review r JOIN f ON f.id = r.idea_id " \
	"WHERE r.decision IS NOT NULL AND r.meeting_id IS NOT NULL" \
	" AND (?3 IS NULL OR r.date >= ?3) AND (?4 IS NULL OR r.date <= ?4)" \
	" AND " IDEA_BY("r.date") ") "
#define IDEA_COUNTS "count(*) FILTER (WHERE status = 'adopted') AS adopted, " \
	"count(*) FILTER (WHERE status = 'rejected') AS rejected, " \
	"count(*) FILTER (WHERE status = 'pending') AS pending"
#define IDEA_IMPL(col) "count(*) FILTER (WHERE " col " = 'planned') AS " \
	"planned, count(*) FILTER (WHERE " col " = 'in_progress') AS " \
	"in_progress, count(*) FILTER (WHERE " col " = 'done') AS done, " \
	"count(*) FILTER (WHERE " col " = 'dropped') AS dropped"

const struct inno_error *
inno_idea_query(struct inno_db *db, const struct inno_idea_filter *f,
    struct inno_stmt **stp)
{
	static const char *const bys[] = {"total", "status", "month", "dept",
	    "meeting", "source", NULL};
	static const char *const sql[] = {
		IDEA_F "SELECT count(*) AS received, count(decided) AS "
		    "reviewed, " IDEA_COUNTS ", (SELECT count(DISTINCT "
		    "meeting_id) FROM rv) AS meetings, " IDEA_IMPL(
		    "implementation") " FROM fp",
		IDEA_F "SELECT status, count(*) AS ideas FROM fp GROUP BY "
		    "status ORDER BY CASE status WHEN 'pending' THEN 0 WHEN "
		    "'adopted' THEN 1 ELSE 2 END",
		IDEA_F "SELECT substr(submitted, 1, 7) AS month, count(*) AS "
		    "received, " IDEA_COUNTS " FROM fp GROUP BY 1 ORDER BY 1",
		IDEA_F "SELECT inno_dept_name(assigned_id) AS dept, count(*) AS "
		    "adopted, " IDEA_IMPL("implementation") " FROM fp WHERE "
		    "status = 'adopted' GROUP BY assigned_id ORDER BY 1",
		IDEA_F "SELECT m.date, m.name AS meeting, count(DISTINCT "
		    "rv.idea_id) AS reviewed, count(*) FILTER (WHERE "
		    "rv.decision = 'adopted') AS adopted, count(*) FILTER (WHERE "
		    "rv.decision = 'rejected') AS rejected, count(*) FILTER "
		    "(WHERE rv.decision = 'pending') AS pending FROM "
		    "idea_meeting m JOIN rv ON rv.meeting_id = m.id GROUP BY "
		    "m.id ORDER BY m.date, m.id",
		IDEA_F "SELECT source, count(*) AS received, " IDEA_COUNTS
		    " FROM fp GROUP BY source ORDER BY source DESC",
	};
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *q;
	char *shift;
	int i;

	if (f->reviews) {
		if (f->by != NULL)
			return inno_error(INNO_EUSAGE, _("--reviews lists "
			    "reviews; it takes no --by"));
		q = IDEA_F "SELECT r.id, r.idea_id AS idea, r.date, m.name AS "
		    "meeting, r.decision, inno_dept_name(r.assigned_id) AS "
		    "dept, r.implementation, r.reason FROM idea_review r JOIN "
		    "fp ON fp.id = r.idea_id LEFT JOIN idea_meeting m ON m.id = "
		    "r.meeting_id WHERE " IDEA_BY("r.date") " ORDER BY r.date, "
		    "r.id";
	} else if (f->by == NULL)
		q = IDEA_F "SELECT id, submitted, title, source, "
		    "inno_employee_code(employee_id) AS employee_id, proposer, "
		    "inno_dept_name(dept_id) AS dept, status, decided, "
		    "coalesce(decided, submitted) AS date, "
		    "inno_dept_name(assigned_id) AS assigned, implementation, "
		    "CASE WHEN status = 'pending' THEN date(submitted, ?5) END "
		    "AS due, content FROM fp ORDER BY id";
	else if ((i = inno_word_index(bys, f->by)) >= 0)
		q = sql[i];
	else
		return inno_error(INNO_EUSAGE, _("--by=%s: expected total, "
		    "status, month, dept, meeting or source"), f->by);
	if ((shift = inno_strf("+%lld days", (long long)f->decision_days)) ==
	    NULL)
		return inno_error_nomem();
	err = inno_db_prepare(db, &st, q);
	if (err == NULL && (err = inno_stmt_bind_text(st, 1, f->status, -1)) ==
	    NULL && (err = inno_stmt_bind_text(st, 2, f->source, -1)) == NULL &&
	    (err = inno_stmt_bind_text(st, 3, f->period ? f->period->first :
	    NULL, -1)) == NULL && (err = inno_stmt_bind_text(st, 4, f->period ?
	    f->period->last : NULL, -1)) == NULL &&
	    (err = inno_stmt_bind_text(st, 5, shift, -1)) == NULL &&
	    (err = inno_stmt_bind_text(st, 6, f->dept, -1)) == NULL &&
	    (err = inno_stmt_bind_text(st, 7, f->overdue_before, -1)) == NULL)
		err = inno_stmt_bind_text(st, 8, f->as_of, -1);
	free(shift);
	*stp = st;
	return err;
}

/*
 * The counts of idea-list --by=total that the report shows, for ideas
 * filtered by period and as-of day only, in one statement that reads the
 * history once: the last decision by ?3 of every idea (one pass over the
 * reviews, the bare decision taken from the row of max(id), as SQLite
 * gives it), joined to the ideas received in the period (?1..?2) by ?3;
 * and the meetings that decided one in the period, each found by its
 * first such review (idea_review_meeting) rather than by reading every
 * review of the period for count(DISTINCT meeting_id).  IDEA_F computes
 * the status, assignment and implementation of every idea with four
 * lookups each, which the figures do not need.
 */
#define IDEA_FIG_IN(col) col " >= ?1 AND " col " <= ?2 AND " col " <= ?3"
static const char idea_figures_sql[] =
	"WITH last AS (SELECT r.idea_id, r.id, r.decision FROM idea_review r "
	"WHERE r.id = (SELECT max(x.id) FROM idea_review x WHERE x.idea_id = "
	"r.idea_id AND x.decision IS NOT NULL AND x.date <= ?3)) "
	"SELECT (SELECT count(*) FROM idea WHERE " IDEA_FIG_IN("submitted")
	"), count(*), count(*) FILTER (WHERE l.decision = 'adopted'), "
	"count(*) FILTER (WHERE l.decision = 'rejected'), "
	"count(*) FILTER (WHERE l.decision = 'pending'), "
	"(SELECT count(*) FROM idea_meeting m WHERE EXISTS (SELECT 1 FROM "
	"idea_review r JOIN idea i ON i.id = r.idea_id WHERE r.meeting_id = "
	"m.id AND r.decision IS NOT NULL AND " IDEA_FIG_IN("r.date") " AND "
	"i.submitted <= ?3)) "
	"FROM last l JOIN idea i ON i.id = l.idea_id WHERE "
	IDEA_FIG_IN("i.submitted");

/*
 * The first adopted ideas received in the period, by their last decision.
 * The unary + keeps idea_submitted out of it: read in the order of id, the
 * scan stops at the LIMIT, where the index would read the whole period
 * and sort it.
 */
static const char idea_examples_sql[] =
	"SELECT i.title FROM idea i WHERE " IDEA_FIG_IN("+i.submitted")
	" AND (SELECT r.decision FROM idea_review r WHERE r.idea_id = i.id AND "
	"r.decision IS NOT NULL AND r.date <= ?3 ORDER BY r.id DESC LIMIT 1) = "
	"'adopted' ORDER BY i.id LIMIT ?4";

const struct inno_error *
inno_idea_figures(struct inno_db *db, const struct inno_period *p,
    const char *as_of, struct inno_idea_figures *out)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	memset(out, 0, sizeof *out);
	/* No as-of day: every decision recorded counts; dates are ISO. */
	if (as_of == NULL)
		as_of = "9999-12-31";
	if ((err = inno_db_prepare(db, &st, idea_figures_sql)) != NULL)
		return err;
	if ((err = inno_stmt_bind_text(st, 1, p->first, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 2, p->last, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 3, as_of, -1)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		goto done;
	if (row) {
		out->received = inno_stmt_int(st, 0);
		out->reviewed = inno_stmt_int(st, 1);
		out->adopted = inno_stmt_int(st, 2);
		out->rejected = inno_stmt_int(st, 3);
		out->held = inno_stmt_int(st, 4);
		out->meetings = inno_stmt_int(st, 5);
	}
	inno_stmt_reset(st);
	/* Every received idea is reviewed or not, so these cannot go below 0. */
	out->waiting = out->received - out->reviewed;
	out->pending = out->waiting + out->held;
	assert(out->waiting >= 0 && out->held >= 0);
	if ((err = inno_db_prepare(db, &st, idea_examples_sql)) != NULL)
		return err;
	if ((err = inno_stmt_bind_text(st, 1, p->first, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 2, p->last, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 3, as_of, -1)) != NULL ||
	    (err = inno_stmt_bind_int(st, 4, INNO_IDEA_EXAMPLES)) != NULL)
		goto done;
	while (out->nexamples < INNO_IDEA_EXAMPLES) {
		if ((err = inno_stmt_step(st, &row)) != NULL || !row)
			break;
		snprintf(out->examples[out->nexamples],
		    sizeof out->examples[0], "%s", inno_stmt_text(st, 0));
		out->nexamples++;
	}
done:
	inno_stmt_reset(st);
	return err;
}

/* The checks inno-check runs over these records. */
const struct inno_error *
inno_idea_check(struct inno_db *db, struct inno_diag *d)
{
	static const struct inno_check_rule rules[] = {
		{"idea", "SELECT i.id, printf('status %s, but the latest "
		    "decision is %s', i.status, r.decision) FROM idea i JOIN "
		    "idea_review r ON r.id = (SELECT max(id) FROM idea_review "
		    "WHERE idea_id = i.id AND decision IS NOT NULL) WHERE "
		    "r.decision <> i.status"},
		/*
		 * A status only a review can give, with no review behind
		 * it: changed behind idea-review's back.  The figures, read
		 * from the history, count such an idea as waiting.
		 */
		{"idea", "SELECT i.id, printf('status %s, but no review "
		    "decided it', i.status) FROM idea i WHERE i.status <> "
		    "'pending' AND NOT EXISTS (SELECT 1 FROM idea_review r "
		    "WHERE r.idea_id = i.id AND r.decision IS NOT NULL)"},
		{"idea", "SELECT i.id, CASE WHEN i.adopted_by IS NULL THEN "
		    "'adopted, but it names no review that adopted it' ELSE "
		    "printf('adopted, but review %d, which it names, did not "
		    "adopt it', i.adopted_by) END FROM idea i WHERE "
		    "i.status = 'adopted' AND NOT EXISTS (SELECT 1 FROM "
		    "idea_review r WHERE r.id = i.adopted_by AND r.idea_id = "
		    "i.id AND r.decision = 'adopted')"},
		{"idea", "SELECT i.id, 'adopted without an assigned "
		    "department' FROM idea i WHERE i.status = 'adopted' AND "
		    "i.assigned_id IS NULL"},
		{"idea", "SELECT i.id, printf('decided on %s, before it was "
		    "submitted on %s', r.date, i.submitted) FROM idea i JOIN "
		    "idea_review r ON r.idea_id = i.id WHERE r.date < "
		    "i.submitted"},
	};

	return inno_check_rules(db, d, rules, sizeof rules / sizeof rules[0]);
}
