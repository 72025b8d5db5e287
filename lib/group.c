/*
 * group.c: the innovation leader groups (혁신주도그룹).  Each group takes
 * employees of a range of civil-service grades, set in inno.ini (three
 * built-in groups otherwise); a member joins and leaves with dates, and
 * the grade at joining is kept with the membership.  This file owns the
 * table group_member; it reads the organisation through the lookup
 * functions of staff.h.
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "group.h"
#include "staff.h"
#include "i18n.h"

const struct inno_col inno_gm_cols[INNO_GM_NCOLS] = {
	{"group", 1}, {"employee_id", 1}, {"joined", 0}, {"left", 0},
};

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
			err = inno_error(INNO_EUSAGE, _("%s: [%s] min_grade "
			    "%lld is above max_grade "
			    "%lld"), inno_config_origin(cfg,
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

/*
 * The joined and left columns of a row: *has_joined and *has_left are the
 * getters' results; a row with neither joins today, as a clerk typing
 * group-join without dates means.
 */
static void
row_period(struct inno_row *r, char joined[11], char left[11],
    int *has_joined, int *has_left)
{
	const struct inno_error *err;

	*has_joined = inno_row_date(r, INNO_GM_JOINED, joined);
	*has_left = inno_row_date(r, INNO_GM_LEFT, left);
	if (*has_joined != 0 || *has_left != 0)
		return;
	if ((err = inno_today(joined)) != NULL) {
		inno_row_error(r, INNO_GM_JOINED, "%s", err->msg);
		*has_joined = -1;
	} else
		*has_joined = 1;
}

/* Records the id a row wrote, for the program to print. */
static void
wrote(void *last_id, struct inno_row *r, int64_t id, int inserted)
{
	if (last_id != NULL)
		*(int64_t *)last_id = id;
	inno_row_wrote(r, inserted ? id : 0);
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
		inno_row_error(r, INNO_GM_GROUP, _("%.40s: no such group "
		    "(expected one of %s)"), gname, list);
	}
	row_period(r, joined, left, &has_joined, &has_left);
	if (inno_row_employee(r, INNO_GM_EMPLOYEE, has_joined == 1 ? joined :
	    left, &emp) == 1) {
		inno_row_text(r, INNO_GM_EMPLOYEE, 64, &eid);
		if ((err = inno_db_int(db, &grade, NULL, "SELECT "
		    "inno_employee_grade(?)", "i", emp)) != NULL)
			goto done;
	}
	if (inno_row_bad(r))
		goto done;
	if (has_joined == 1 && has_left == 1 && strcmp(left, joined) < 0) {
		inno_row_error(r, INNO_GM_LEFT, _("%s: before joining on %s"),
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
			inno_row_error(r, INNO_GM_EMPLOYEE,
			    _("%.40s: not a member of %s"), eid, grp->name);
			goto done;
		}
		id = inno_stmt_int(st, 0);
		snprintf(since, sizeof since, "%s", inno_stmt_text(st, 1));
		inno_stmt_reset(st);
		if (strcmp(left, since) < 0) {
			inno_row_error(r, INNO_GM_LEFT,
			    _("%s: before joining on %s"), left, since);
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
			inno_row_error(r, INNO_GM_EMPLOYEE, _("%.40s: grade "
			    "%lld; %s takes grade %lld only"), eid,
			    (long long)grade, grp->name,
			    (long long)grp->min_grade);
		else
			inno_row_error(r, INNO_GM_EMPLOYEE, _("%.40s: grade "
			    "%lld; %s takes grades %lld to %lld"), eid,
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
		inno_row_error(r, INNO_GM_EMPLOYEE, _("%.40s: already in %s "
		    "then (joined %s)"), eid, grp->name, since);
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

/*
 * The memberships selected by ?1 the group's name (NULL: any), ?2 the
 * department's name (NULL: any; the member's department now) and ?3 a day
 * (NULL: every membership ever, else those on that day).
 */
#define GROUP_FROM " FROM group_member m " \
	"WHERE (?1 IS NULL OR m.grp = ?1) AND (?2 IS NULL OR " \
	"inno_employee_dept(m.employee_id) = inno_dept_ref(?2)) " \
	"AND (?3 IS NULL OR (m.joined <= ?3 AND (m.left IS NULL OR " \
	"m.left >= ?3)))"
/* The counts by group: the figures' statement and group-list --by=group's. */
#define GROUP_BY_GROUP "SELECT m.grp AS \"group\", count(*) AS members" \
	GROUP_FROM " GROUP BY m.grp ORDER BY m.grp"

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
	/*
	 * The listing sorts by its output columns' numbers, so that each
	 * lookup runs once a row rather than again for the sort key.
	 */
	if (f->by == NULL)
		sql = "SELECT m.grp AS \"group\", "
		    "inno_employee_code(m.employee_id) AS employee_id, "
		    "inno_employee_name(m.employee_id) AS name, m.grade, "
		    "inno_dept_name(inno_employee_dept(m.employee_id)) AS dept, "
		    "m.joined, m.left" GROUP_FROM " ORDER BY 1, 4, 2, 6";
	else if (strcmp(f->by, "group") == 0)
		sql = GROUP_BY_GROUP;
	else if (strcmp(f->by, "grade") == 0)
		sql = "SELECT m.grp AS \"group\", m.grade, count(*) AS members"
		    GROUP_FROM " GROUP BY m.grp, m.grade ORDER BY m.grp, "
		    "m.grade";
	else
		sql = NULL;
	if (sql == NULL) {
		err = inno_error(INNO_EUSAGE,
		    _("--by=%s: expected group or grade"), f->by);
	} else
		err = inno_db_query(db, stp, sql, "ttt", name, f->dept, f->on);
	free(name);		/* SQLite keeps its own copy */
	return err;
}

const struct inno_error *
inno_group_figures(struct inno_db *db, const struct inno_period *p,
    const char *as_of, struct inno_group_figures *out)
{
	const struct inno_error *err;
	struct inno_group_filter f = {0};
	struct inno_group_part *g;
	struct inno_stmt *st;
	int row;

	memset(out, 0, sizeof *out);
	snprintf(out->on, sizeof out->on, "%s", strcmp(as_of, p->last) < 0 ?
	    as_of : p->last);
	f.on = out->on;
	f.by = "group";
	if ((err = inno_group_query(db, &f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((g = realloc(out->group, (out->ngroup + 1) *
		    sizeof *g)) == NULL) {
			inno_stmt_reset(st);
			return inno_error_nomem();
		}
		out->group = g;
		g = &out->group[out->ngroup++];
		snprintf(g->name, sizeof g->name, "%s", inno_stmt_text(st, 0));
		g->members = inno_stmt_int(st, 1);
		out->members += g->members;
	}
	return err;
}

void
inno_group_figures_release(struct inno_group_figures *f)
{
	free(f->group);
	f->group = NULL;
	f->ngroup = 0;
}

const struct inno_error *
inno_group_check(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_group *groups = NULL;
	const struct inno_group *g;
	struct inno_stmt *st;
	size_t n;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT printf('group %s: member %s "
	    "joined on %s after leaving on %s', grp, "
	    "inno_employee_code(employee_id), joined, left) FROM group_member "
	    "WHERE left < joined ORDER BY id", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, "%s", inno_stmt_text(st, 0));
	if (err != NULL)
		return err;

	/* Members outside their group's grades, as configured now. */
	if ((err = inno_groups_load(inno_db_config(db), &groups, &n)) != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT grp, "
	    "inno_employee_code(employee_id), grade FROM group_member ORDER BY "
	    "id", NULL)) != NULL)
		goto done;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		const char *grp = inno_stmt_text(st, 0);
		int64_t grade = inno_stmt_int(st, 2);

		if ((g = group_find(groups, n, grp)) == NULL)
			inno_diag_add(d,
			    _("group %s: not configured (member %s)"),
			    grp, inno_stmt_text(st, 1));
		else if (grade < g->min_grade || grade > g->max_grade)
			inno_diag_add(d, _("group %s: member %s has grade "
			    "%lld; the group takes grades %lld to %lld"), grp,
			    inno_stmt_text(st, 1), (long long)grade,
			    (long long)g->min_grade, (long long)g->max_grade);
	}
done:
	free(groups);
	return err;
}
