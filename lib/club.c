/*
 * club.c: learning clubs and the innovation leader groups.  A club is
 * registered once under a unique name; members join and leave with dates,
 * so the membership on any day can be counted; grants come out of a yearly
 * budget set in inno.ini and are refused, with the amount over, when they
 * would exceed it.  The leader groups are bounded by civil-service grade,
 * with the ranges taken from inno.ini.
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "club.h"
#include "mileage.h"
#include "staff.h"

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
const struct inno_col inno_gm_cols[INNO_GM_NCOLS] = {
	{"group", 1}, {"employee_id", 1}, {"joined", 0}, {"left", 0},
};

static const char *const club_kinds[] = {"strategic", "departmental", NULL};
static const char *const act_kinds[] = {"seminar", "visit", "lecturer",
    "contest-entry", "contest-result", NULL};

/* Writes n with thousands separators, as the office writes money. */
static const char *
won(int64_t n, char buf[32])
{
	char tmp[32];
	size_t len, i, o = 0;
	int neg = n < 0;

	snprintf(tmp, sizeof tmp, "%lld", (long long)(neg ? -n : n));
	len = strlen(tmp);
	if (neg)
		buf[o++] = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = tmp[i];
	}
	buf[o] = '\0';
	return buf;
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
	int rc, row;

	registered[0] = '\0';
	if ((rc = inno_row_text(r, col, 100, &name)) <= 0)
		return rc;
	err = inno_db_query(inno_row_db(r), &st, "SELECT id, registered FROM "
	    "club WHERE name = ?", "t", name);
	if (err == NULL)
		err = inno_stmt_step(st, &row);
	if (err != NULL) {
		inno_row_error(r, col, "%s", err->msg);
		return -1;
	}
	if (!row) {
		inno_row_error(r, col, "%.40s: no such club", name);
		return -1;
	}
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
		inno_row_error(r, INNO_CLUB_NAME, "%.40s: already registered "
		    "(club %lld)", name, (long long)id);
		return NULL;
	}
	/* A club registered without a department is its leader's. */
	if (dept == 0 && leader != 0 && (err = inno_db_int(db, &dept, NULL,
	    "SELECT dept_id FROM employee WHERE id = ?", "i", leader)) != NULL)
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
		inno_row_error(r, INNO_MEMBER_LEFT, "%s: before joining on %s",
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
			inno_row_error(r, INNO_MEMBER_EMPLOYEE, "not a member "
			    "of the club on %s", left);
			return NULL;
		}
		id = inno_stmt_int(st, 0);
		snprintf(since, sizeof since, "%s", inno_stmt_text(st, 1));
		inno_stmt_reset(st);
		if (strcmp(left, since) < 0) {
			inno_row_error(r, INNO_MEMBER_LEFT, "%s: before "
			    "joining on %s", left, since);
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
		inno_row_error(r, INNO_MEMBER_JOINED, "%s: before the club was "
		    "registered on %s", joined, registered);
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
		inno_row_error(r, INNO_MEMBER_EMPLOYEE, "already a member of "
		    "the club then (joined %s)", since);
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO club_member (club_id, "
	    "employee_id, joined, left) VALUES (?, ?, ?, ?)", "iitt", club,
	    emp, joined, has_left == 1 ? left : NULL)) != NULL)
		return err;
	id = inno_db_last_id(db);
	wrote(last_id, r, id, 1);
	return inno_club_mileage(r, "club:mileage_join", "club.join", emp,
	    joined, "club_member", id, "joined a learning club");
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
		inno_row_error(r, INNO_GRANT_AMOUNT, "0: a grant is more than "
		    "0 won");
	if (!inno_row_bad(r) && strcmp(date, registered) < 0)
		inno_row_error(r, INNO_GRANT_DATE, "%s: before the club was "
		    "registered on %s", date, registered);
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
			inno_row_error(r, INNO_GRANT_AMOUNT, "%s won would "
			    "exceed the %s club budget of %s won by %s won "
			    "(%s won granted so far)", won(amount, b1), year,
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
		inno_row_error(r, INNO_ACT_RESULT, "only a contest-result has "
		    "a result");
	if (!inno_row_bad(r) && strcmp(date, registered) < 0)
		inno_row_error(r, INNO_ACT_DATE, "%s: before the club was "
		    "registered on %s", date, registered);
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
	return inno_club_mileage(r, "club:mileage_activity", "club.activity",
	    leader, date, "club_activity", id, act_kinds[kind]);
}

const struct inno_error *
inno_club_mileage(struct inno_row *r, const char *key, const char *def,
    int64_t emp, const char *date, const char *ref_table, int64_t ref_id,
    const char *reason)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *category;

	/*
	 * The category's points, caps and whether it is enabled are the
	 * mileage settings' business: an unconfigured category writes
	 * nothing there.  Here an empty value turns the event off.
	 */
	category = inno_config_str(inno_db_config(db), key, def);
	if (category == NULL || category[0] == '\0' || emp == 0)
		return NULL;
	err = inno_mileage_record(db, emp, 0, date, category, reason,
	    ref_table, ref_id, NULL);
	return inno_club_mileage_refused(r, err);
}

const struct inno_error *
inno_club_mileage_refused(struct inno_row *r, const struct inno_error *err)
{
	/*
	 * The record is a fact whatever the ledger allows: a cap reached or
	 * a closed month costs the mileage, not the record, and the clerk
	 * is told.  The ledger checks before it writes, so nothing of the
	 * refused entry is left behind.
	 */
	if (err != NULL && err->code == INNO_EINPUT) {
		inno_row_note(r, -1, "no mileage written: %s", err->msg);
		return NULL;
	}
	return err;
}

/* ------------------------------------------------------- leader groups */

/* 혁신주도그룹 of the 2006 plan, used when inno.ini defines no group. */
static const struct inno_group builtin_groups[] = {
	{"leader", "혁신리더", 5, 6},
	{"manager", "변화관리자", 6, 9},
	{"sprout", "혁신새싹", 8, 9},
};

const struct inno_error *
inno_groups_load(const struct inno_config *cfg, struct inno_group **gp,
    size_t *np)
{
	const struct inno_error *err = NULL;
	struct inno_group *g;
	const char **names = NULL, *v;
	char key[200];
	size_t i, n;

	*gp = NULL;
	*np = 0;
	if ((err = inno_config_sections(cfg, "group.", &names, &n)) != NULL)
		return err;
	if (n == 0) {
		free(names);
		if ((g = malloc(sizeof builtin_groups)) == NULL)
			return inno_error_nomem();
		memcpy(g, builtin_groups, sizeof builtin_groups);
		*gp = g;
		*np = sizeof builtin_groups / sizeof builtin_groups[0];
		return NULL;
	}
	if ((g = calloc(n, sizeof *g)) == NULL) {
		free(names);
		return inno_error_nomem();
	}
	for (i = 0; i < n; i++) {
		snprintf(g[i].key, sizeof g[i].key, "%s", names[i] + 6);
		snprintf(key, sizeof key, "%s:name", names[i]);
		v = inno_config_str(cfg, key, g[i].key);
		snprintf(g[i].name, sizeof g[i].name, "%s", v);
		snprintf(key, sizeof key, "%s:min_grade", names[i]);
		if ((err = inno_config_int(cfg, key, 1, 1, 9,
		    &g[i].min_grade)) != NULL)
			break;
		snprintf(key, sizeof key, "%s:max_grade", names[i]);
		if ((err = inno_config_int(cfg, key, 9, 1, 9,
		    &g[i].max_grade)) != NULL)
			break;
		if (g[i].min_grade > g[i].max_grade) {
			err = inno_error(INNO_EUSAGE, "%s: [%s] min_grade %lld "
			    "is above max_grade %lld", inno_config_origin(cfg,
			    key), names[i], (long long)g[i].min_grade,
			    (long long)g[i].max_grade);
			break;
		}
	}
	free(names);
	if (err != NULL) {
		free(g);
		return err;
	}
	*gp = g;
	*np = n;
	return NULL;
}

/* The group named by its key or its name, or NULL. */
static const struct inno_group *
group_find(const struct inno_group *g, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(g[i].key, s) == 0 || strcmp(g[i].name, s) == 0)
			return &g[i];
	return NULL;
}

const struct inno_error *
inno_gm_row(void *last_id, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const struct inno_group *grp = NULL;
	struct inno_group *groups;
	struct inno_stmt *st;
	const char *gname, *eid = NULL;
	char joined[11], left[11], since[11], list[600];
	int64_t emp = 0, grade = 0, id;
	size_t ngroups, i;
	int has_joined, has_left, row;

	if ((err = inno_groups_load(inno_db_config(db), &groups, &ngroups)) !=
	    NULL)
		return err;
	if (inno_row_text(r, INNO_GM_GROUP, 100, &gname) == 1 &&
	    (grp = group_find(groups, ngroups, gname)) == NULL) {
		list[0] = '\0';
		for (i = 0; i < ngroups; i++) {
			if (i > 0)
				strncat(list, ", ", sizeof list -
				    strlen(list) - 1);
			strncat(list, groups[i].name, sizeof list -
			    strlen(list) - 1);
		}
		inno_row_error(r, INNO_GM_GROUP, "%.40s: no such group "
		    "(expected one of %s)", gname, list);
	}
	has_joined = inno_row_date(r, INNO_GM_JOINED, joined);
	has_left = inno_row_date(r, INNO_GM_LEFT, left);
	if (has_joined == 0 && has_left == 0)
		has_joined = row_date_today(r, INNO_GM_JOINED, joined);
	if (inno_row_employee(r, INNO_GM_EMPLOYEE, has_joined == 1 ? joined :
	    left, &emp) == 1) {
		inno_row_text(r, INNO_GM_EMPLOYEE, 64, &eid);
		if ((err = inno_db_int(db, &grade, NULL, "SELECT grade FROM "
		    "employee WHERE id = ?", "i", emp)) != NULL)
			goto done;
	}
	if (inno_row_bad(r))
		goto done;
	if (has_joined == 1 && has_left == 1 && strcmp(left, joined) < 0) {
		inno_row_error(r, INNO_GM_LEFT, "%s: before joining on %s",
		    left, joined);
		goto done;
	}
	if (has_joined != 1) {
		if ((err = inno_db_query(db, &st, "SELECT id, joined FROM "
		    "group_member WHERE grp = ? AND employee_id = ? AND left "
		    "IS NULL LIMIT 1", "ti", grp->name, emp)) != NULL ||
		    (err = inno_stmt_step(st, &row)) != NULL)
			goto done;
		if (!row) {
			inno_stmt_reset(st);
			inno_row_error(r, INNO_GM_EMPLOYEE, "%.40s: not a "
			    "member of %s", eid, grp->name);
			goto done;
		}
		id = inno_stmt_int(st, 0);
		snprintf(since, sizeof since, "%s", inno_stmt_text(st, 1));
		inno_stmt_reset(st);
		if (strcmp(left, since) < 0) {
			inno_row_error(r, INNO_GM_LEFT, "%s: before joining "
			    "on %s", left, since);
			goto done;
		}
		if ((err = inno_db_run(db, "UPDATE group_member SET left = ? "
		    "WHERE id = ?", "ti", left, id)) != NULL ||
		    (err = inno_audit(db, "update", "group_member", id, id,
		    "left %s on %s", grp->name, left)) != NULL)
			goto done;
		wrote(last_id, r, id, 0);
		goto done;
	}
	if (grade < grp->min_grade || grade > grp->max_grade) {
		if (grp->min_grade == grp->max_grade)
			inno_row_error(r, INNO_GM_EMPLOYEE, "%.40s: grade "
			    "%lld; %s takes grade %lld only", eid,
			    (long long)grade, grp->name,
			    (long long)grp->min_grade);
		else
			inno_row_error(r, INNO_GM_EMPLOYEE, "%.40s: grade "
			    "%lld; %s takes grades %lld to %lld", eid,
			    (long long)grade, grp->name,
			    (long long)grp->min_grade,
			    (long long)grp->max_grade);
		goto done;
	}
	if ((err = inno_db_query(db, &st, "SELECT joined FROM group_member "
	    "WHERE grp = ?1 AND employee_id = ?2 AND (left IS NULL OR left >= "
	    "?3) AND (?4 IS NULL OR joined <= ?4) LIMIT 1", "titt", grp->name,
	    emp, joined, has_left == 1 ? left : NULL)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		goto done;
	if (row) {
		snprintf(since, sizeof since, "%s", inno_stmt_text(st, 0));
		inno_stmt_reset(st);
		inno_row_error(r, INNO_GM_EMPLOYEE, "%.40s: already in %s "
		    "then (joined %s)", eid, grp->name, since);
		goto done;
	}
	if ((err = inno_db_run(db, "INSERT INTO group_member (grp, "
	    "employee_id, grade, joined, left) VALUES (?, ?, ?, ?, ?)",
	    "tiitt", grp->name, emp, grade, joined, has_left == 1 ? left :
	    NULL)) != NULL)
		goto done;
	wrote(last_id, r, inno_db_last_id(db), 1);
done:
	free(groups);
	return err;
}

/* ------------------------------------------------------------ listings */

/*
 * One row per club with its figures.  ?1 kind, ?2 dept, ?3 and ?4 the
 * period (NULL: no period; grants and activities of all time), ?5 the day
 * members are counted, ?6 funded (-1 any), ?7 active only, ?8 club, ?9
 * (the member listing) only memberships on ?5.  Every statement names ?9,
 * if only as "?9 = ?9", so that one binding fits them all.
 */
#define CLUB_BASE \
	"SELECT c.id, c.name, c.kind, c.topic, l.employee_id AS leader, " \
	"l.name AS leader_name, d.name AS dept, c.registered, " \
	"(SELECT count(*) FROM club_member m WHERE m.club_id = c.id AND " \
	"m.joined <= ?5 AND (m.left IS NULL OR m.left >= ?5)) AS members, " \
	"(SELECT count(*) FROM club_grant g WHERE g.club_id = c.id AND " \
	"(?3 IS NULL OR g.date BETWEEN ?3 AND ?4)) AS grants, " \
	"(SELECT coalesce(sum(g.amount), 0) FROM club_grant g WHERE " \
	"g.club_id = c.id AND (?3 IS NULL OR g.date BETWEEN ?3 AND ?4)) " \
	"AS granted, " \
	"(SELECT count(*) FROM club_activity a WHERE a.club_id = c.id AND " \
	"(?3 IS NULL OR a.date BETWEEN ?3 AND ?4)) AS activities " \
	"FROM club c LEFT JOIN employee l ON l.id = c.leader_id " \
	"LEFT JOIN dept d ON d.id = c.dept_id " \
	"WHERE (?1 IS NULL OR c.kind = ?1) AND (?2 IS NULL OR d.name = ?2) " \
	"AND (?3 IS NULL OR c.registered BETWEEN ?3 AND ?4) " \
	"AND (?8 IS NULL OR c.name = ?8)"
#define CLUB_WHERE \
	" WHERE (?6 < 0 OR (grants > 0) = ?6) AND (NOT ?7 OR members > 0)"

const struct inno_error *
inno_club_query(struct inno_db *db, const struct inno_club_filter *f,
    struct inno_stmt **stp)
{
	const char *sql;

	if (f->members)
		sql = "SELECT c.name AS club, e.employee_id, e.name, e.grade, "
		    "ed.name AS dept, m.joined, m.left FROM (" CLUB_BASE ") c "
		    "JOIN club_member m ON m.club_id = c.id "
		    "JOIN employee e ON e.id = m.employee_id "
		    "JOIN dept ed ON ed.id = e.dept_id" CLUB_WHERE
		    " AND (NOT ?9 OR (m.joined <= ?5 AND (m.left IS NULL OR "
		    "m.left >= ?5))) ORDER BY c.name, m.joined, e.employee_id";
	else if (f->by == NULL)
		sql = "SELECT * FROM (" CLUB_BASE ")" CLUB_WHERE
		    " AND ?9 = ?9 ORDER BY kind DESC, name";
	else if (strcmp(f->by, "kind") == 0)
		sql = "SELECT kind, count(*) AS clubs, sum(grants > 0) AS "
		    "funded, sum(granted) AS granted, sum(members) AS members, "
		    "sum(activities) AS activities FROM (" CLUB_BASE ")"
		    CLUB_WHERE " AND ?9 = ?9 GROUP BY kind ORDER BY kind DESC";
	else if (strcmp(f->by, "dept") == 0)
		sql = "SELECT dept, count(*) AS clubs, sum(grants > 0) AS "
		    "funded, sum(granted) AS granted, sum(members) AS members, "
		    "sum(activities) AS activities FROM (" CLUB_BASE ")"
		    CLUB_WHERE " AND ?9 = ?9 GROUP BY dept ORDER BY dept";
	else
		return inno_error(INNO_EUSAGE, "--by=%s: expected kind or dept",
		    f->by);
	return inno_db_query(db, stp, sql, "ttttt" "ddtd", f->kind, f->dept,
	    f->first, f->last, f->on, f->funded, f->active, f->club,
	    f->members_on);
}

const struct inno_error *
inno_group_query(struct inno_db *db, const struct inno_group_filter *f,
    struct inno_stmt **stp)
{
	const struct inno_error *err;
	const struct inno_group *g;
	struct inno_group *groups;
	const char *sql;
	char *name = NULL;
	size_t n;

	if (f->group != NULL) {
		if ((err = inno_groups_load(inno_db_config(db), &groups,
		    &n)) != NULL)
			return err;
		/* A group no longer configured is still listed by name. */
		g = group_find(groups, n, f->group);
		name = strdup(g != NULL ? g->name : f->group);
		free(groups);
		if (name == NULL)
			return inno_error_nomem();
	}
#define GROUP_FROM " FROM group_member m JOIN employee e ON " \
	"e.id = m.employee_id JOIN dept d ON d.id = e.dept_id " \
	"WHERE (?1 IS NULL OR m.grp = ?1) AND (?2 IS NULL OR d.name = ?2) " \
	"AND (?3 IS NULL OR (m.joined <= ?3 AND (m.left IS NULL OR " \
	"m.left >= ?3)))"
	if (f->by == NULL)
		sql = "SELECT m.grp AS \"group\", e.employee_id, e.name, "
		    "m.grade, d.name AS dept, m.joined, m.left" GROUP_FROM
		    " ORDER BY m.grp, m.grade, e.employee_id, m.joined";
	else if (strcmp(f->by, "group") == 0)
		sql = "SELECT m.grp AS \"group\", count(*) AS members"
		    GROUP_FROM " GROUP BY m.grp ORDER BY m.grp";
	else if (strcmp(f->by, "grade") == 0)
		sql = "SELECT m.grp AS \"group\", m.grade, count(*) AS members"
		    GROUP_FROM " GROUP BY m.grp, m.grade ORDER BY m.grp, "
		    "m.grade";
	else
		sql = NULL;
#undef GROUP_FROM
	if (sql == NULL) {
		err = inno_error(INNO_EUSAGE, "--by=%s: expected group or "
		    "grade", f->by);
	} else
		err = inno_db_query(db, stp, sql, "ttt", name, f->dept, f->on);
	free(name);		/* SQLite keeps its own copy */
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
	struct inno_group *groups = NULL;
	struct inno_stmt *st;
	const struct inno_group *g;
	char year[5], b1[32], b2[32];
	int64_t budget, spent;
	size_t n;
	int row;

	if ((err = check_rows(db, d, "SELECT printf('club %s: member %s "
	    "joined on %s after leaving on %s', c.name, e.employee_id, "
	    "m.joined, m.left) FROM club_member m JOIN club c ON c.id = "
	    "m.club_id JOIN employee e ON e.id = m.employee_id WHERE m.left < "
	    "m.joined")) != NULL ||
	    (err = check_rows(db, d, "SELECT printf('club %s: member %s "
	    "joined on %s, before the club was registered on %s', c.name, "
	    "e.employee_id, m.joined, c.registered) FROM club_member m JOIN "
	    "club c ON c.id = m.club_id JOIN employee e ON e.id = "
	    "m.employee_id WHERE m.joined < c.registered")) != NULL ||
	    (err = check_rows(db, d, "SELECT printf('club %s: member %s has "
	    "overlapping memberships from %s and from %s', c.name, "
	    "e.employee_id, a.joined, b.joined) FROM club_member a JOIN "
	    "club_member b ON b.club_id = a.club_id AND b.employee_id = "
	    "a.employee_id AND b.id > a.id AND (a.left IS NULL OR a.left >= "
	    "b.joined) AND (b.left IS NULL OR b.left >= a.joined) JOIN club c "
	    "ON c.id = a.club_id JOIN employee e ON e.id = a.employee_id")) !=
	    NULL ||
	    (err = check_rows(db, d, "SELECT printf('group %s: member %s "
	    "joined on %s after leaving on %s', m.grp, e.employee_id, "
	    "m.joined, m.left) FROM group_member m JOIN employee e ON e.id = "
	    "m.employee_id WHERE m.left < m.joined")) != NULL ||
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
			inno_diag_add(d, "club_grant: %s grants of %s won "
			    "exceed the budget of %s won", year, won(spent, b1),
			    won(budget, b2));
	}
	if (err != NULL)
		return err;

	/* Leader-group members outside their group's grades. */
	if ((err = inno_groups_load(inno_db_config(db), &groups, &n)) != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT m.grp, e.employee_id, "
	    "m.grade FROM group_member m JOIN employee e ON e.id = "
	    "m.employee_id ORDER BY m.id", NULL)) != NULL)
		goto done;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		const char *grp = inno_stmt_text(st, 0);
		int64_t grade = inno_stmt_int(st, 2);

		if ((g = group_find(groups, n, grp)) == NULL)
			inno_diag_add(d, "group %s: not configured (member %s)",
			    grp, inno_stmt_text(st, 1));
		else if (grade < g->min_grade || grade > g->max_grade)
			inno_diag_add(d, "group %s: member %s has grade %lld; "
			    "the group takes grades %lld to %lld", grp,
			    inno_stmt_text(st, 1), (long long)grade,
			    (long long)g->min_grade, (long long)g->max_grade);
	}
done:
	free(groups);
	return err;
}

const struct inno_error *
inno_club_figures(struct inno_db *db, const char *first, const char *last,
    struct inno_club_figures *f)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	memset(f, 0, sizeof *f);
	if ((err = inno_db_query(db, &st, "SELECT count(*), "
	    "coalesce(sum(kind = 'strategic'), 0), "
	    "coalesce(sum(kind = 'departmental'), 0) FROM club WHERE "
	    "registered BETWEEN ?1 AND ?2", "tt", first, last)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	f->clubs = inno_stmt_int(st, 0);
	f->strategic = inno_stmt_int(st, 1);
	f->departmental = inno_stmt_int(st, 2);
	inno_stmt_reset(st);
	if ((err = inno_db_query(db, &st, "SELECT count(DISTINCT club_id), "
	    "coalesce(sum(amount), 0) FROM club_grant WHERE date BETWEEN ?1 "
	    "AND ?2", "tt", first, last)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	f->funded = inno_stmt_int(st, 0);
	f->granted = inno_stmt_int(st, 1);
	inno_stmt_reset(st);
	if ((err = inno_db_int(db, &f->activities, NULL, "SELECT count(*) FROM "
	    "club_activity WHERE date BETWEEN ?1 AND ?2", "tt", first,
	    last)) != NULL)
		return err;
	return inno_db_int(db, &f->members, NULL, "SELECT count(*) FROM "
	    "club_member WHERE joined <= ?1 AND (left IS NULL OR left >= ?1)",
	    "t", last);
}
