/*
 * body.c: committees, councils and forums.  The office runs a committee
 * of outside experts that meets quarterly (행정혁신위원회), sits on a
 * council of the capital region's governments that meets every other
 * month with one of them chairing, runs joint forums with other
 * districts, and holds a forum with the private sector.  Each is a body
 * with a kind, a chair, a cadence and the programme it serves; its
 * members are employees or outside people (or institutions) with an
 * affiliation; its meetings are dated, with their attendance.
 */
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "audit.h"
#include "body.h"
#include "check.h"
#include "staff.h"
#include "i18n.h"

const char *const inno_body_kinds[] = {"committee", "council", "forum",
    NULL};
const char *const inno_body_cadences[] = {"monthly", "bimonthly",
    "quarterly", "half_yearly", "yearly", "as_needed", NULL};
static const char *const roles[] = {"member", "chair", NULL};

const struct inno_col inno_body_cols[INNO_BODY_NCOLS] = {
	{"name", 1}, {"kind", 1}, {"programme", 0}, {"chair", 0},
	{"cadence", 0}, {"formed", 1}, {"note", 0},
};
const struct inno_col inno_body_member_cols[INNO_BODYM_NCOLS] = {
	{"body", 1}, {"employee_id", 0}, {"name", 0}, {"affiliation", 0},
	{"role", 0}, {"joined", 1},
};
const struct inno_col inno_body_meeting_cols[INNO_MEET_NCOLS] = {
	{"body", 1}, {"date", 1}, {"attendance", 0}, {"topic", 0},
};

const struct inno_error *
inno_body_row(void *arg, struct inno_row *r)
{
	struct inno_activity_names *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *name, *prog, *chair, *note;
	char formed[11];
	int kind = 0, cadence = 5, found;
	int64_t id;
	size_t i;

	inno_row_text(r, INNO_BODY_NAME, 200, &name);
	inno_row_word(r, INNO_BODY_KIND, inno_body_kinds, &kind);
	inno_row_text(r, INNO_BODY_PROGRAMME, 200, &prog);
	inno_row_text(r, INNO_BODY_CHAIR, 200, &chair);
	inno_row_word(r, INNO_BODY_CADENCE, inno_body_cadences, &cadence);
	inno_row_date(r, INNO_BODY_FORMED, formed);
	inno_row_text(r, INNO_BODY_NOTE, 4000, &note);
	if (inno_row_bad(r))
		return NULL;
	if (prog != NULL) {
		for (i = 0; i < a->nprogrammes; i++)
			if (strcmp(a->programmes[i], prog) == 0)
				break;
		if (i == a->nprogrammes) {
			inno_row_error(r, INNO_BODY_PROGRAMME, _("%.60s: no "
			    "such programme in the report wording"), prog);
			return NULL;
		}
	}
	if ((err = inno_db_int(db, &id, &found, "SELECT id FROM body WHERE "
	    "name = ?", "t", name)) != NULL)
		return err;
	if (found) {
		inno_row_error(r, INNO_BODY_NAME, _("%.60s: already "
		    "recorded"), name);
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO body (name, kind, programme, "
	    "chair, cadence, formed, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
	    "ttttttt", name, inno_body_kinds[kind], prog, chair,
	    inno_body_cadences[cadence], formed, note)) != NULL)
		return err;
	id = inno_db_last_id(db);
	a->last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

/* Looks up the body a row's column col names into *id; -1 after an error. */
static int
row_body(struct inno_row *r, int col, const char *date, int64_t *id)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *name;
	int rc;

	if ((rc = inno_row_text(r, col, 200, &name)) <= 0)
		return rc;
	err = inno_db_query(inno_row_db(r), &st, "SELECT id, formed FROM body "
	    "WHERE name = ?", "t", name);
	if (inno_row_found(r, col, err, st, _("%.60s: no such body"),
	    name) < 0)
		return -1;
	*id = inno_stmt_int(st, 0);
	if (date != NULL && date[0] != '\0' &&
	    strcmp(date, inno_stmt_text(st, 1)) < 0) {
		inno_row_error(r, col, _("%.60s: not yet formed on %s (formed "
		    "%s)"), name, date, inno_stmt_text(st, 1));
		inno_stmt_reset(st);
		return -1;
	}
	inno_stmt_reset(st);
	return 1;
}

const struct inno_error *
inno_body_member_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *name, *aff;
	char joined[11];
	int role = 0, he, hn, found;
	int64_t body = 0, emp = 0, id;

	inno_row_date(r, INNO_BODYM_JOINED, joined);
	row_body(r, INNO_BODYM_BODY, inno_row_bad(r) ? NULL : joined, &body);
	he = inno_row_employee(r, INNO_BODYM_EMPLOYEE, inno_row_bad(r) ? NULL :
	    joined, &emp);
	hn = inno_row_text(r, INNO_BODYM_NAME, 200, &name);
	inno_row_text(r, INNO_BODYM_AFFILIATION, 200, &aff);
	inno_row_word(r, INNO_BODYM_ROLE, roles, &role);
	if (inno_row_bad(r))
		return NULL;
	if ((he == 1) == (hn == 1)) {
		inno_row_error(r, he == 1 ? INNO_BODYM_NAME : INNO_BODYM_EMPLOYEE,
		    _("give employee_id for a member of staff or name for an "
		    "outside member, not both"));
		return NULL;
	}
	if (he == 1 && aff != NULL) {
		inno_row_error(r, INNO_BODYM_AFFILIATION, _("only an outside "
		    "member has an affiliation"));
		return NULL;
	}
	if ((err = inno_db_int(db, &id, &found, "SELECT id FROM body_member "
	    "WHERE body_id = ? AND (employee_id = ? OR name = ?)", "iIt",
	    body, emp, hn == 1 ? name : NULL)) != NULL)
		return err;
	if (found) {
		inno_row_error(r, he == 1 ? INNO_BODYM_EMPLOYEE : INNO_BODYM_NAME,
		    _("already a member"));
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO body_member (body_id, "
	    "employee_id, name, affiliation, role, joined) VALUES (?, ?, ?, "
	    "?, ?, ?)", "iItttt", body, emp, hn == 1 ? name : NULL, aff,
	    roles[role], joined)) != NULL)
		return err;
	id = inno_db_last_id(db);
	a->last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

const struct inno_error *
inno_body_meeting_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *topic;
	char date[11];
	int64_t body = 0, att = -1, id;

	inno_row_date(r, INNO_MEET_DATE, date);
	row_body(r, INNO_MEET_BODY, inno_row_bad(r) ? NULL : date, &body);
	inno_row_int(r, INNO_MEET_ATTENDANCE, 0, 1000000, &att);
	inno_row_text(r, INNO_MEET_TOPIC, 400, &topic);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_run(db, "INSERT INTO body_meeting (body_id, date, "
	    "attendance, topic) VALUES (?, ?, nullif(?, -1), ?)", "itit",
	    body, date, att, topic)) != NULL)
		return err;
	id = inno_db_last_id(db);
	a->last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

/* ?1 kind, ?2 programme, ?3 name part, ?4 ?5 the period, ?6 as of. */
#define BODY_WHERE " WHERE (?1 IS NULL OR b.kind = ?1)" \
	" AND (?2 IS NULL OR b.programme = ?2)" \
	" AND (?3 IS NULL OR instr(b.name, ?3) > 0)" \
	" AND (?6 IS NULL OR b.formed <= ?6)"
#define BODY_MEETINGS " FROM body_meeting t WHERE t.body_id = b.id" \
	" AND (?4 IS NULL OR t.date >= ?4) AND (?5 IS NULL OR t.date <= ?5)"
#define BODY_MEMBERS " FROM body_member m WHERE m.body_id = b.id" \
	" AND (?6 IS NULL OR m.joined <= ?6)"

const struct inno_error *
inno_body_query(struct inno_db *db, const struct inno_body_filter *f,
    struct inno_stmt **stp)
{
	static const char *const whats[] = {"bodies", "members", "meetings",
	    NULL};
	static const char *const sql[] = {
		"SELECT b.id, b.name, b.kind, b.programme, b.chair, "
		    "b.cadence, b.formed, (SELECT count(*)" BODY_MEMBERS
		    ") AS members, (SELECT count(m.employee_id)" BODY_MEMBERS
		    ") AS staff, (SELECT count(m.name)" BODY_MEMBERS
		    ") AS outside, (SELECT count(*)" BODY_MEETINGS
		    ") AS meetings, (SELECT coalesce(sum(t.attendance), 0)"
		    BODY_MEETINGS ") AS attendance, b.note FROM body b"
		    BODY_WHERE " ORDER BY b.formed, b.id",
		"SELECT b.name AS body, m.role, inno_employee_code("
		    "m.employee_id) AS employee_id, coalesce(m.name, "
		    "inno_employee_name(m.employee_id)) AS name, "
		    "m.affiliation, inno_employee_grade(m.employee_id) AS "
		    "grade, m.joined FROM body b JOIN body_member m ON "
		    "m.body_id = b.id" BODY_WHERE " AND (?6 IS NULL OR "
		    "m.joined <= ?6) AND (?4 IS NULL OR ?4 = ?4) AND (?5 IS "
		    "NULL OR ?5 = ?5) ORDER BY b.formed, b.id, m.role = "
		    "'member', m.id",
		"SELECT b.name AS body, t.date, t.attendance, t.topic FROM "
		    "body b JOIN body_meeting t ON t.body_id = b.id" BODY_WHERE
		    " AND (?4 IS NULL OR t.date >= ?4) AND (?5 IS NULL OR "
		    "t.date <= ?5) ORDER BY t.date, t.id",
	};
	int i = 0;

	if (f->what != NULL && (i = inno_word_index(whats, f->what)) < 0)
		return inno_error(INNO_EUSAGE, _("--show=%s: expected bodies, "
		    "members or meetings"), f->what);
	return inno_db_query(db, stp, sql[i], "tttttt", f->kind, f->programme,
	    f->body, f->period ? f->period->first : NULL,
	    f->period ? f->period->last : NULL, f->as_of);
}

void
inno_body_figures_release(struct inno_body_figures *f)
{
	size_t i;
	struct inno_body_item *b;

	for (i = 0; i < f->nbodies; i++) {
		b = &f->bodies[i];
		free(b->name);
		free(b->kind);
		free(b->programme);
		free(b->chair);
		free(b->cadence);
		free(b->note);
		free(b->affiliations);
		free(b->dates);
	}
	free(f->bodies);
	memset(f, 0, sizeof *f);
}

/* The meeting dates and outside members of b (row id id). */
static const struct inno_error *
body_details(struct inno_db *db, struct inno_body_item *b, int64_t id,
    const struct inno_period *p, const char *as_of)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	size_t n = 0;
	int row;

	if (b->meetings > 0 && (b->dates = calloc((size_t)b->meetings,
	    sizeof *b->dates)) == NULL)
		return inno_error_nomem();
	if ((err = inno_db_query(db, &st, "SELECT date FROM body_meeting "
	    "WHERE body_id = ?1 AND (?2 IS NULL OR date >= ?2) AND (?3 IS "
	    "NULL OR date <= ?3) ORDER BY date, id", "itt", id,
	    p != NULL ? p->first : NULL, p != NULL ? p->last : NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		if (n < (size_t)b->meetings)
			snprintf(b->dates[n++], sizeof b->dates[0], "%s",
			    inno_stmt_text(st, 0));
	if (err != NULL)
		return err;
	if ((err = inno_db_text(db, &b->affiliations, "SELECT group_concat(x, "
	    "', ') FROM (SELECT name AS x FROM body_member WHERE body_id = ?1 "
	    "AND name IS NOT NULL AND (?2 IS NULL OR joined <= ?2) ORDER BY "
	    "id)", "it", id, as_of)) != NULL)
		return err;
	if (b->affiliations == NULL && (b->affiliations = strdup("")) == NULL)
		return inno_error_nomem();
	return NULL;
}

const struct inno_error *
inno_body_figures(struct inno_db *db, const char *programme,
    const struct inno_period *p, const char *as_of,
    struct inno_body_figures *out)
{
	struct inno_body_filter f;
	const struct inno_error *err;
	struct inno_body_item *b, *g;
	struct inno_stmt *st;
	int64_t *ids = NULL, *gi;
	size_t i;
	int row;

	memset(out, 0, sizeof *out);
	memset(&f, 0, sizeof f);
	f.programme = programme;
	f.period = p;
	f.as_of = as_of;
	if ((err = inno_body_query(db, &f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((g = inno_grow(out->bodies, out->nbodies, sizeof *g)) ==
		    NULL || (gi = inno_grow(ids, out->nbodies, sizeof *gi)) ==
		    NULL) {
			if (g != NULL)
				out->bodies = g;
			err = inno_error_nomem();
			inno_stmt_reset(st);
			break;
		}
		out->bodies = g;
		ids = gi;
		b = &g[out->nbodies];
		memset(b, 0, sizeof *b);
		out->nbodies++;
		ids[out->nbodies - 1] = inno_stmt_int(st, 0);
		b->members = inno_stmt_int(st, 7);
		b->staff = inno_stmt_int(st, 8);
		b->outside = inno_stmt_int(st, 9);
		b->meetings = inno_stmt_int(st, 10);
		b->attendance = inno_stmt_int(st, 11);
		if ((b->name = strdup(inno_stmt_text(st, 1))) == NULL ||
		    (b->kind = strdup(inno_stmt_text(st, 2))) == NULL ||
		    (b->programme = strdup(inno_stmt_text(st, 3))) == NULL ||
		    (b->chair = strdup(inno_stmt_text(st, 4))) == NULL ||
		    (b->cadence = strdup(inno_stmt_text(st, 5))) == NULL ||
		    (b->note = strdup(inno_stmt_text(st, 12))) == NULL) {
			err = inno_error_nomem();
			inno_stmt_reset(st);
			break;
		}
	}
	for (i = 0; err == NULL && i < out->nbodies; i++)
		err = body_details(db, &out->bodies[i], ids[i], p, as_of);
	free(ids);
	return err;
}

/* The checks inno-check runs over these records. */
const struct inno_error *
inno_body_check(struct inno_db *db, struct inno_diag *d)
{
	static const struct inno_check_rule rules[] = {
		{"body_meeting", "SELECT t.id, printf('meets on %s, before its "
		    "body %s was formed on %s', t.date, b.name, b.formed) FROM "
		    "body_meeting t JOIN body b ON b.id = t.body_id WHERE "
		    "t.date < b.formed"},
	};

	return inno_check_rules(db, d, rules, sizeof rules / sizeof rules[0]);
}
