/*
 * club.c: learning clubs.  A club is registered once under a unique name;
 * members join and leave with dates, so the membership on any day can be
 * counted; grants come out of a yearly budget set in inno.ini and are
 * refused, with the amount over, when they would exceed it.  This file
 * owns the tables club, club_member, club_grant and club_activity, and
 * reads the organisation through the lookup functions of staff.h; the
 * leader groups are group.c's.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "club.h"
#include "mileage.h"
#include "staff.h"
#include "i18n.h"

const struct inno_col inno_club_cols[INNO_CLUB_NCOLS] = {
	{"name", 1}, {"kind", 1}, {"topic", 0}, {"leader", 0}, {"dept", 0},
	{"registered", 0},
};
const struct inno_col inno_member_cols[INNO_MEMBER_NCOLS] = {
	{"club", 1}, {"employee_id", 1}, {"joined", 0}, {"left", 0},
};
const struct inno_col inno_grant_cols[INNO_GRANT_NCOLS] = {
	{"club", 1}, {"date", 0}, {"amount", 1}, {"purpose", 0},
};
const struct inno_col inno_act_cols[INNO_ACT_NCOLS] = {
	{"club", 1}, {"kind", 1}, {"date", 0}, {"attendees", 0},
	{"result", 0}, {"note", 0},
};

static const char *const club_kinds[] = {"strategic", "departmental", NULL};
static const char *const act_kinds[] = {"seminar", "visit", "lecturer",
    "contest-entry", "contest-result", NULL};

/* Writes n with thousands separators, as the office writes money. */
static const char *
won(int64_t n, char buf[32])
{
	return inno_fmt_thousands(n, buf);
}

/* Records the id a row wrote, for the program to print. */
static void
wrote(void *last_id, struct inno_row *r, int64_t id, int inserted)
{
	if (last_id != NULL)
		*(int64_t *)last_id = id;
	inno_row_wrote(r, inserted ? id : 0);
}

/* A date column, or today when it is empty; like the row getters. */
static int
row_date_today(struct inno_row *r, int col, char out[11])
{
	const struct inno_error *err;
	int rc;

	if ((rc = inno_row_date(r, col, out)) != 0)
		return rc;
	if ((err = inno_today(out)) != NULL) {
		inno_row_error(r, col, "%s", err->msg);
		return -1;
	}
	return 1;
}

/* Looks a club up by name; *registered receives its registration date. */
static int
row_club(struct inno_row *r, int col, int64_t *id, char registered[11])
{
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *name;
	int rc;

	registered[0] = '\0';
	if ((rc = inno_row_text(r, col, 100, &name)) <= 0)
		return rc;
	err = inno_db_query(inno_row_db(r), &st, "SELECT id, registered FROM "
	    "club WHERE name = ?", "t", name);
	if (inno_row_found(r, col, err, st, _("%.40s: no such club"),
	    name) < 0)
		return -1;
	*id = inno_stmt_int(st, 0);
	snprintf(registered, 11, "%s", inno_stmt_text(st, 1));
	inno_stmt_reset(st);
	return 1;
}

const struct inno_error *
inno_club_row(void *last_id, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *name, *topic;
	char registered[11];
	int64_t leader = 0, dept = 0, id;
	int kind, found;

	inno_row_text(r, INNO_CLUB_NAME, 100, &name);
	inno_row_word(r, INNO_CLUB_KIND, club_kinds, &kind);
	inno_row_text(r, INNO_CLUB_TOPIC, 200, &topic);
	row_date_today(r, INNO_CLUB_REGISTERED, registered);
	inno_row_employee(r, INNO_CLUB_LEADER, registered, &leader);
	inno_row_dept(r, INNO_CLUB_DEPT, &dept);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_int(db, &id, &found, "SELECT id FROM club WHERE "
	    "name = ?", "t", name)) != NULL)
		return err;
	if (found) {
		inno_row_error(r, INNO_CLUB_NAME, _("%.40s: already registered "
		    "(club %lld)"), name, (long long)id);
		return NULL;
	}
	/* A club registered without a department is its leader's. */
	if (dept == 0 && leader != 0 && (err = inno_db_int(db, &dept, NULL,
	    "SELECT inno_employee_dept(?)", "i", leader)) != NULL)
		return err;
	if ((err = inno_db_run(db, "INSERT INTO club (name, kind, topic, "
	    "leader_id, dept_id, registered) VALUES (?, ?, ?, ?, ?, ?)",
	    "tttIIt", name, club_kinds[kind], topic != NULL ? topic : "",
	    leader, dept, registered)) != NULL)
		return err;
	wrote(last_id, r, inno_db_last_id(db), 1);
	return NULL;
}

const struct inno_error *
inno_member_row(void *last_id, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	char *why;
	struct inno_stmt *st;
	char joined[11], left[11], registered[11], since[11];
	int64_t club = 0, emp = 0, id;
	int has_joined, has_left, row;

	has_joined = inno_row_date(r, INNO_MEMBER_JOINED, joined);
	has_left = inno_row_date(r, INNO_MEMBER_LEFT, left);
	if (has_joined == 0 && has_left == 0)
		has_joined = row_date_today(r, INNO_MEMBER_JOINED, joined);
	row_club(r, INNO_MEMBER_CLUB, &club, registered);
	inno_row_employee(r, INNO_MEMBER_EMPLOYEE, has_joined == 1 ? joined :
	    left, &emp);
	if (inno_row_bad(r))
		return NULL;
	if (has_joined == 1 && has_left == 1 && strcmp(left, joined) < 0) {
		inno_row_error(r, INNO_MEMBER_LEFT,
		    _("%s: before joining on %s"),
		    left, joined);
		return NULL;
	}
	if (has_joined != 1) {
		/* Leaving: close the membership open on that day. */
		if ((err = inno_db_query(db, &st, "SELECT id, joined FROM "
		    "club_member WHERE club_id = ? AND employee_id = ? AND "
		    "left IS NULL ORDER BY joined DESC LIMIT 1", "ii", club,
		    emp)) != NULL || (err = inno_stmt_step(st, &row)) != NULL)
			return err;
		if (!row) {
			inno_stmt_reset(st);
			inno_row_error(r, INNO_MEMBER_EMPLOYEE, _("not a "
			    "member of the club on %s"), left);
			return NULL;
		}
		id = inno_stmt_int(st, 0);
		snprintf(since, sizeof since, "%s", inno_stmt_text(st, 1));
		inno_stmt_reset(st);
		if (strcmp(left, since) < 0) {
			inno_row_error(r, INNO_MEMBER_LEFT, _("%s: before "
			    "joining on %s"), left, since);
			return NULL;
		}
		if ((err = inno_db_run(db, "UPDATE club_member SET left = ? "
		    "WHERE id = ?", "ti", left, id)) != NULL ||
		    (err = inno_audit(db, "update", "club_member", id, id,
		    "left on %s", left)) != NULL)
			return err;
		wrote(last_id, r, id, 0);
		return NULL;
	}
	if (strcmp(joined, registered) < 0) {
		inno_row_error(r, INNO_MEMBER_JOINED, _("%s: before the club "
		    "was registered on %s"), joined, registered);
		return NULL;
	}
	/* Memberships of one person in one club never overlap. */
	if ((err = inno_db_query(db, &st, "SELECT joined FROM club_member "
	    "WHERE club_id = ?1 AND employee_id = ?2 AND (left IS NULL OR "
	    "left >= ?3) AND (?4 IS NULL OR joined <= ?4) LIMIT 1", "iitt",
	    club, emp, joined, has_left == 1 ? left : NULL)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row) {
		snprintf(since, sizeof since, "%s", inno_stmt_text(st, 0));
		inno_stmt_reset(st);
		inno_row_error(r, INNO_MEMBER_EMPLOYEE, _("already a member of "
		    "the club then (joined %s)"), since);
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO club_member (club_id, "
	    "employee_id, joined, left) VALUES (?, ?, ?, ?)", "iitt", club,
	    emp, joined, has_left == 1 ? left : NULL)) != NULL)
		return err;
	id = inno_db_last_id(db);
	wrote(last_id, r, id, 1);
	if ((why = inno_mileage_reason(inno_db_config(db), "club_join", id,
	    (char *)NULL)) == NULL)
		return inno_error_nomem();
	err = inno_mileage_event(r, "club:mileage_join", emp, joined, why, id);
	free(why);
	return err;
}

const struct inno_error *
inno_club_budget(const struct inno_config *cfg, const char *year,
    int64_t *amount)
{
	const struct inno_error *err;
	char key[32];

	if ((err = inno_config_int(cfg, "club:budget", 0, 0, INT64_C(1) << 50,
	    amount)) != NULL)
		return err;
	snprintf(key, sizeof key, "club:budget_%.4s", year);
	return inno_config_int(cfg, key, *amount, 0, INT64_C(1) << 50, amount);
}

const struct inno_error *
inno_grant_row(void *last_id, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *purpose;
	char date[11], registered[11], year[5], b1[32], b2[32], b3[32], b4[32];
	int64_t club = 0, amount = 0, budget, spent;

	row_club(r, INNO_GRANT_CLUB, &club, registered);
	row_date_today(r, INNO_GRANT_DATE, date);
	inno_row_money(r, INNO_GRANT_AMOUNT, &amount);
	inno_row_text(r, INNO_GRANT_PURPOSE, 200, &purpose);
	if (!inno_row_bad(r) && amount == 0)
		inno_row_error(r, INNO_GRANT_AMOUNT,
		    _("0: a grant is more than 0 won"));
	if (!inno_row_bad(r) && strcmp(date, registered) < 0)
		inno_row_error(r, INNO_GRANT_DATE, _("%s: before the club was "
		    "registered on %s"), date, registered);
	if (inno_row_bad(r))
		return NULL;
	snprintf(year, sizeof year, "%.4s", date);
	if ((err = inno_club_budget(inno_db_config(db), year, &budget)) !=
	    NULL)
		return err;
	if (budget > 0) {
		/* Earlier rows of this batch are already in the table. */
		if ((err = inno_db_int(db, &spent, NULL, "SELECT coalesce("
		    "sum(amount), 0) FROM club_grant WHERE date BETWEEN ?1 || "
		    "'-01-01' AND ?1 || '-12-31'", "t", year)) != NULL)
			return err;
		if (spent + amount > budget) {
			inno_row_error(r, INNO_GRANT_AMOUNT, _("%s won would "
			    "exceed the %s club budget of %s won by %s won (%s "
			    "won granted so far)"), won(amount, b1), year,
			    won(budget, b2), won(spent + amount - budget, b3),
			    won(spent, b4));
			return NULL;
		}
	}
	if ((err = inno_db_run(db, "INSERT INTO club_grant (club_id, date, "
	    "amount, purpose) VALUES (?, ?, ?, ?)", "itit", club, date, amount,
	    purpose != NULL ? purpose : "")) != NULL)
		return err;
	wrote(last_id, r, inno_db_last_id(db), 1);
	return NULL;
}

#define ACT_INSERT "INSERT INTO club_activity (club_id, kind, date, " \
	"attendees, result, note) VALUES (?, ?, ?, ?, ?, ?)"

const struct inno_error *
inno_act_row(void *last_id, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	char *why;
	const char *result, *note;
	char date[11], registered[11];
	int64_t club = 0, attendees = -1, id, leader = 0;
	int kind = 0, has_att;

	row_club(r, INNO_ACT_CLUB, &club, registered);
	inno_row_word(r, INNO_ACT_KIND, act_kinds, &kind);
	row_date_today(r, INNO_ACT_DATE, date);
	has_att = inno_row_int(r, INNO_ACT_ATTENDEES, 0, 100000, &attendees);
	inno_row_text(r, INNO_ACT_RESULT, 200, &result);
	inno_row_text(r, INNO_ACT_NOTE, 1000, &note);
	if (!inno_row_bad(r) && result != NULL &&
	    strcmp(act_kinds[kind], "contest-result") != 0)
		inno_row_error(r, INNO_ACT_RESULT,
		    _("only a contest-result has a result"));
	if (!inno_row_bad(r) && strcmp(date, registered) < 0)
		inno_row_error(r, INNO_ACT_DATE, _("%s: before the club was "
		    "registered on %s"), date, registered);
	if (inno_row_bad(r))
		return NULL;
	if (result == NULL)
		result = "";
	if (note == NULL)
		note = "";
	if (has_att == 1)
		err = inno_db_run(db, ACT_INSERT, "ittitt", club,
		    act_kinds[kind], date, attendees, result, note);
	else
		err = inno_db_run(db, ACT_INSERT, "ittntt", club,
		    act_kinds[kind], date, result, note);
	if (err != NULL)
		return err;
	id = inno_db_last_id(db);
	wrote(last_id, r, id, 1);
	/* The leader answers for the club's activity. */
	if ((err = inno_db_int(db, &leader, NULL, "SELECT coalesce(leader_id, "
	    "0) FROM club WHERE id = ?", "i", club)) != NULL)
		return err;
	if ((why = inno_mileage_reason(inno_db_config(db), "club_activity", id,
	    "kind", act_kinds[kind], (char *)NULL)) == NULL)
		return inno_error_nomem();
	err = inno_mileage_event(r, "club:mileage_activity", leader, date,
	    why, id);
	free(why);
	return err;
}

/* ------------------------------------------------------------ listings */

/*
 * One row per club with its figures.  ?1 kind, ?2 dept, ?3 and ?4 the
 * period (NULL: no period; grants and activities of all time), ?5 the day
 * of the register and of the members, ?6 funded (-1 any), ?7 active only,
 * ?8 club, ?9 (the member listing) only memberships on ?5.  Every
 * statement names ?9, if only as "?9 = ?9", so that one binding fits them
 * all.
 *
 * A club is on the register from the day it is registered: the schema has
 * no day a club ends, and a club is registered once (its name is unique),
 * so a club of 2006 still working in 2007 is one of 2007's clubs.  The
 * clubs counted are therefore those registered on or before ?5, whatever
 * the period; the grants and activities are those dated in the period.
 * Since a grant is never dated before its club's registration, every club
 * funded in a period ending on ?5 is among them.
 */
#define CLUB_BASE \
	"SELECT c.id, c.name, c.kind, c.topic, " \
	"inno_employee_code(c.leader_id) AS leader, " \
	"inno_employee_name(c.leader_id) AS leader_name, " \
	"inno_dept_name(c.dept_id) AS dept, c.registered, " \
	"(SELECT count(*) FROM club_member m WHERE m.club_id = c.id AND " \
	"m.joined <= ?5 AND (m.left IS NULL OR m.left >= ?5)) AS members, " \
	"(SELECT count(*) FROM club_grant g WHERE g.club_id = c.id AND " \
	"(?3 IS NULL OR g.date BETWEEN ?3 AND ?4)) AS grants, " \
	"(SELECT coalesce(sum(g.amount), 0) FROM club_grant g WHERE " \
	"g.club_id = c.id AND (?3 IS NULL OR g.date BETWEEN ?3 AND ?4)) " \
	"AS granted, " \
	"(SELECT count(*) FROM club_activity a WHERE a.club_id = c.id AND " \
	"(?3 IS NULL OR a.date BETWEEN ?3 AND ?4)) AS activities " \
	"FROM club c " \
	"WHERE (?1 IS NULL OR c.kind = ?1) AND " \
	"(?2 IS NULL OR c.dept_id = inno_dept_ref(?2)) " \
	"AND c.registered <= ?5 AND (?8 IS NULL OR c.name = ?8)"
#define CLUB_WHERE \
	" WHERE (?6 < 0 OR (CASE WHEN grants > 0 THEN 1 ELSE 0 END) = ?6) " \
	"AND (?7 = 0 OR members > 0)"
/* The sums of a group of clubs: --by's columns after the first. */
#define CLUB_SUMS \
	" count(*) AS clubs, sum(grants > 0) AS funded, sum(granted) AS " \
	"granted, sum(members) AS members, sum(activities) AS activities "
/* The counts by kind: the figures' statement and club-list --by=kind's. */
#define CLUB_BY_KIND "SELECT kind," CLUB_SUMS "FROM (" CLUB_BASE ")" \
	CLUB_WHERE " AND ?9 = ?9 GROUP BY kind ORDER BY kind DESC"

/* Prepares sql, one of the statements above, with the filter f bound. */
static const struct inno_error *
club_bind(struct inno_db *db, const struct inno_club_filter *f,
    const char *sql, struct inno_stmt **stp)
{
	return inno_db_query(db, stp, sql, "ttttt" "ddtd", f->kind, f->dept,
	    f->first, f->last, f->on, f->funded, f->active, f->club,
	    f->members_on);
}

const struct inno_error *
inno_club_query(struct inno_db *db, const struct inno_club_filter *f,
    struct inno_stmt **stp)
{
	const char *sql;

	/*
	 * The member listing sorts by the number of its employee_id column,
	 * so that the lookup runs once a row rather than again for the key.
	 */
	if (f->members)
		sql = "SELECT c.name AS club, "
		    "inno_employee_code(m.employee_id) AS employee_id, "
		    "inno_employee_name(m.employee_id) AS name, "
		    "inno_employee_grade(m.employee_id) AS grade, "
		    "inno_dept_name(inno_employee_dept(m.employee_id)) AS dept, "
		    "m.joined, m.left FROM (" CLUB_BASE ") c "
		    "JOIN club_member m ON m.club_id = c.id" CLUB_WHERE
		    " AND (NOT ?9 OR (m.joined <= ?5 AND (m.left IS NULL OR "
		    "m.left >= ?5))) ORDER BY c.name, m.joined, 2";
	else if (f->by == NULL)
		sql = "SELECT * FROM (" CLUB_BASE ")" CLUB_WHERE
		    " AND ?9 = ?9 ORDER BY kind DESC, name";
	else if (strcmp(f->by, "kind") == 0)
		sql = CLUB_BY_KIND;
	else if (strcmp(f->by, "dept") == 0)
		sql = "SELECT dept," CLUB_SUMS "FROM (" CLUB_BASE ")"
		    CLUB_WHERE " AND ?9 = ?9 GROUP BY dept ORDER BY dept";
	else
		return inno_error(INNO_EUSAGE,
		    _("--by=%s: expected kind or dept"),
		    f->by);
	return club_bind(db, f, sql, stp);
}

const struct inno_error *
inno_club_figures(struct inno_db *db, const struct inno_period *p,
    const char *as_of, struct inno_club_figures *out)
{
	const struct inno_error *err;
	struct inno_club_filter f = {0};
	struct inno_club_kind *k;
	struct inno_stmt *st;
	size_t i;
	int row;

	memset(out, 0, sizeof *out);
	snprintf(out->first, sizeof out->first, "%s", p->first);
	snprintf(out->on, sizeof out->on, "%s", strcmp(as_of, p->last) < 0 ?
	    as_of : p->last);
	/* club-list --period=FIRST..ON --by=kind, to the letter. */
	f.first = out->first;
	f.last = out->on;
	f.on = out->on;
	f.funded = -1;
	f.by = "kind";
	if ((err = inno_club_query(db, &f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		/* The schema's CHECK allows two kinds, so two rows at most. */
		assert(out->nkind < sizeof out->kind / sizeof out->kind[0]);
		k = &out->kind[out->nkind++];
		snprintf(k->kind, sizeof k->kind, "%s", inno_stmt_text(st, 0));
		k->clubs = inno_stmt_int(st, 1);
		k->funded = inno_stmt_int(st, 2);
		k->granted = inno_stmt_int(st, 3);
		k->members = inno_stmt_int(st, 4);
		k->activities = inno_stmt_int(st, 5);
		out->clubs += k->clubs;
		out->funded += k->funded;
		out->granted += k->granted;
		out->members += k->members;
		out->activities += k->activities;
		if (strcmp(k->kind, "strategic") == 0)
			out->strategic = k->clubs;
		else
			out->departmental = k->clubs;
	}
	if (err != NULL)
		return err;
	/* The first club registered of each kind, from the same clubs. */
	if ((err = club_bind(db, &f, "SELECT kind, name FROM (" CLUB_BASE ")"
	    CLUB_WHERE " AND ?9 = ?9 ORDER BY registered, id", &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		for (i = 0; i < out->nkind; i++)
			if (out->kind[i].first[0] == '\0' &&
			    strcmp(out->kind[i].kind, inno_stmt_text(st, 0)) ==
			    0)
				snprintf(out->kind[i].first,
				    sizeof out->kind[i].first, "%s",
				    inno_stmt_text(st, 1));
	return err;
}

/* Runs a query whose rows are messages, adding one line per row. */
static const struct inno_error *
check_rows(struct inno_db *db, struct inno_diag *d, const char *sql)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, sql, NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, "%s", inno_stmt_text(st, 0));
	return err;
}

const struct inno_error *
inno_club_check(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char year[5], b1[32], b2[32];
	int64_t budget, spent;
	int row;

	if ((err = check_rows(db, d, "SELECT printf('club %s: member %s "
	    "joined on %s after leaving on %s', c.name, "
	    "inno_employee_code(m.employee_id), m.joined, m.left) FROM "
	    "club_member m JOIN club c ON c.id = m.club_id WHERE m.left < "
	    "m.joined")) != NULL ||
	    (err = check_rows(db, d, "SELECT printf('club %s: member %s "
	    "joined on %s, before the club was registered on %s', c.name, "
	    "inno_employee_code(m.employee_id), m.joined, c.registered) FROM "
	    "club_member m JOIN club c ON c.id = m.club_id WHERE m.joined < "
	    "c.registered")) != NULL ||
	    (err = check_rows(db, d, "SELECT printf('club %s: member %s has "
	    "overlapping memberships from %s and from %s', c.name, "
	    "inno_employee_code(a.employee_id), a.joined, b.joined) FROM "
	    "club_member a JOIN club_member b ON b.club_id = a.club_id AND "
	    "b.employee_id = a.employee_id AND b.id > a.id AND (a.left IS NULL "
	    "OR a.left >= b.joined) AND (b.left IS NULL OR b.left >= "
	    "a.joined) JOIN club c ON c.id = a.club_id")) != NULL ||
	    (err = check_rows(db, d, "SELECT printf('club %s: %s on %s, "
	    "before the club was registered on %s', c.name, x.what, x.date, "
	    "c.registered) FROM (SELECT club_id, 'grant' AS what, date FROM "
	    "club_grant UNION ALL SELECT club_id, kind, date FROM "
	    "club_activity) x JOIN club c ON c.id = x.club_id WHERE x.date < "
	    "c.registered")) != NULL)
		return err;

	/* Grants over the yearly budget, as the configuration stands. */
	if ((err = inno_db_query(db, &st, "SELECT substr(date, 1, 4) AS y, "
	    "sum(amount) FROM club_grant GROUP BY y ORDER BY y", NULL)) !=
	    NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		snprintf(year, sizeof year, "%s", inno_stmt_text(st, 0));
		spent = inno_stmt_int(st, 1);
		if ((err = inno_club_budget(inno_db_config(db), year,
		    &budget)) != NULL) {
			inno_stmt_reset(st);
			return err;
		}
		if (budget > 0 && spent > budget)
			inno_diag_add(d,
			    _("club_grant: %s grants of %s won exceed the "
			    "budget of %s won"), year, won(spent, b1),
			    won(budget, b2));
	}
	return err;
}
