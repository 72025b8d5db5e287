/*
 * award.c: awards and the incentive money that comes with them, and the
 * projects the money funds.  The council report opens with the awards
 * and incentives since 2005; these tables hold those figures in won.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "award.h"
#include "staff.h"
#include "check.h"
#include "sums.h"
#include "i18n.h"

const struct inno_col inno_award_cols[INNO_AWARD_NCOLS] = {
	{"date", 1}, {"name", 1}, {"grantor", 0}, {"incentive", 0},
	{"kind", 0}, {"programme", 0}, {"entrants", 0},
};

/* The kinds an award may have, in the order of enum inno_award_kind. */
const char *const inno_award_kinds[] = {"award", "designation", "evaluation",
    NULL};

const struct inno_col inno_fund_cols[INNO_FUND_NCOLS] = {
	{"award", 1}, {"project", 1}, {"dept", 1}, {"amount", 1},
	{"major", 0},
};

const struct inno_error *
inno_award_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *name, *grantor, *programme;
	char date[11];
	int64_t incentive = 0, entrants = 0, id, total;
	int found, kind = 0;

	inno_row_date(r, INNO_AWARD_DATE, date);
	inno_row_text(r, INNO_AWARD_NAME, 200, &name);
	inno_row_text(r, INNO_AWARD_GRANTOR, 100, &grantor);
	inno_row_money(r, INNO_AWARD_INCENTIVE, &incentive);
	inno_row_word(r, INNO_AWARD_KIND, inno_award_kinds, &kind);
	inno_row_text(r, INNO_AWARD_PROGRAMME, 200, &programme);
	inno_row_int(r, INNO_AWARD_ENTRANTS, 1, 1000000, &entrants);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_int(db, &id, &found, "SELECT id FROM award WHERE "
	    "date = ? AND name = ?", "tt", date, name)) != NULL)
		return err;
	if (found) {
		inno_row_error(r, INNO_AWARD_NAME, _("already recorded on %s "
		    "as award %lld"), date, (long long)id);
		return NULL;
	}
	/* One sum under key 0, which the condition binds and ignores. */
	if ((err = inno_sums_get(db, "award.total", 0, "SELECT "
	    "coalesce(sum(incentive), 0) FROM award WHERE ? = 0", &total)) !=
	    NULL)
		return err;
	if (incentive > INNO_AWARD_TOTAL_MAX - total) {
		inno_row_error(r, INNO_AWARD_INCENTIVE, _("%lld won would "
		    "bring the incentives of all awards past %lld won"),
		    (long long)incentive, (long long)INNO_AWARD_TOTAL_MAX);
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO award (date, name, grantor, "
	    "incentive, kind, programme, entrants) VALUES (?, ?, ?, ?, ?, ?, "
	    "nullif(?, 0))", "tttitti", date, name, grantor, incentive,
	    inno_award_kinds[kind], programme, entrants)) != NULL)
		return err;
	id = inno_db_last_id(db);
	if ((err = inno_sums_add(db, "award.total", 0, incentive)) != NULL)
		return err;
	a->last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

const struct inno_error *
inno_fund_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *project;
	int64_t award = 0, dept = 0, amount = 0, major = 0, incentive, funded,
	    id;
	int ha, found;

	ha = inno_row_int(r, INNO_FUND_AWARD, 1, INT64_MAX, &award);
	inno_row_text(r, INNO_FUND_PROJECT, 200, &project);
	inno_row_dept(r, INNO_FUND_DEPT, &dept);
	inno_row_money(r, INNO_FUND_AMOUNT, &amount);
	inno_row_int(r, INNO_FUND_MAJOR, 0, 1, &major);
	if (inno_row_bad(r) || ha != 1)
		return NULL;
	if ((err = inno_db_int(db, &incentive, &found, "SELECT incentive FROM "
	    "award WHERE id = ?", "i", award)) != NULL)
		return err;
	if (!found) {
		inno_row_error(r, INNO_FUND_AWARD, _("%lld: no such award"),
		    (long long)award);
		return NULL;
	}
	if ((err = inno_sums_get(db, "award.funded", award, "SELECT "
	    "coalesce(sum(amount), 0) FROM award_fund WHERE award_id = ?",
	    &funded)) != NULL)
		return err;
	/* funded never passes incentive, so the sum below cannot overflow. */
	if (amount == 0)
		inno_row_error(r, INNO_FUND_AMOUNT,
		    _("0: must be more than 0"));
	else if (amount > incentive - funded)
		inno_row_error(r, INNO_FUND_AMOUNT, _("%lld won would bring "
		    "the projects of award %lld to %lld won, more than its "
		    "incentive of %lld won"), (long long)amount,
		    (long long)award, (long long)(funded + amount),
		    (long long)incentive);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_int(db, &id, &found, "SELECT id FROM award_fund "
	    "WHERE award_id = ? AND project = ?", "it", award, project)) !=
	    NULL)
		return err;
	if (found) {
		inno_row_error(r, INNO_FUND_PROJECT,
		    _("already funded by award %lld"), (long long)award);
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO award_fund (award_id, project, "
	    "dept_id, amount, major) VALUES (?, ?, ?, ?, ?)", "itiii", award,
	    project, dept, amount, major)) != NULL)
		return err;
	id = inno_db_last_id(db);
	if ((err = inno_sums_add(db, "award.funded", award, amount)) != NULL)
		return err;
	a->last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

#define AWARD_WHERE " WHERE (?1 IS NULL OR a.date >= ?1) AND (?2 IS NULL " \
	"OR a.date <= ?2) AND ?3 IS NOT '' AND (?4 IS NULL OR instr(' ' || " \
	"?4 || ' ', ' ' || a.kind || ' ') > 0)"
#define AWARD_TOTALS "count(*) AS awards, count(*) FILTER (WHERE " \
	"a.incentive > 0) AS with_incentive, coalesce(sum(a.incentive), 0) " \
	"AS incentive, coalesce(sum(f.projects), 0) AS projects, " \
	"coalesce(sum(f.funded), 0) AS funded, coalesce(sum(a.incentive), 0) " \
	"- coalesce(sum(f.funded), 0) AS unfunded FROM award a LEFT JOIN " \
	"(SELECT award_id, count(*) AS projects, sum(amount) AS funded FROM " \
	"award_fund GROUP BY award_id) f ON f.award_id = a.id" AWARD_WHERE

const struct inno_error *
inno_award_query(struct inno_db *db, const struct inno_award_filter *f,
    struct inno_stmt **stp)
{
	const struct inno_error *err;
	const char *q;

	if (f->funds && f->by != NULL)
		return inno_error(INNO_EUSAGE, _("--funds lists projects; it "
		    "takes no --by"));
	if (f->dept != NULL && !f->funds)
		return inno_error(INNO_EUSAGE, _("--dept selects funded "
		    "projects; give --funds too"));
	if (f->funds)
		q = "SELECT f.id, f.award_id AS award, a.date AS award_date, "
		    "a.name AS award_name, f.project, inno_dept_name(f.dept_id) "
		    "AS dept, f.amount, f.major FROM award_fund f JOIN award a ON a.id = "
		    "f.award_id" AWARD_WHERE " AND (?3 IS NULL OR f.dept_id = "
		    "inno_dept_ref(?3)) ORDER BY a.date, a.id, f.id";
	else if (f->by == NULL)
		q = "SELECT a.id, a.date, a.name, a.grantor, a.incentive, "
		    "coalesce(f.projects, 0) AS projects, coalesce(f.funded, 0) "
		    "AS funded, a.incentive - coalesce(f.funded, 0) AS unfunded, "
		    "a.kind, a.programme, a.entrants "
		    "FROM award a LEFT JOIN (SELECT award_id, count(*) AS "
		    "projects, sum(amount) AS funded FROM award_fund GROUP BY "
		    "award_id) f ON f.award_id = a.id" AWARD_WHERE
		    " ORDER BY a.date, a.id";
	else if (strcmp(f->by, "total") == 0)
		q = "SELECT " AWARD_TOTALS;
	else if (strcmp(f->by, "year") == 0)
		q = "SELECT substr(a.date, 1, 4) AS year, " AWARD_TOTALS
		    " GROUP BY 1 ORDER BY 1";
	else
		return inno_error(INNO_EUSAGE,
		    _("--by=%s: expected total or year"), f->by);
	if (f->kinds != NULL && (err = inno_award_kinds_check(f->kinds)) !=
	    NULL)
		return err;
	return inno_db_query(db, stp, q, "tttt", f->period ? f->period->first :
	    NULL, f->period ? f->period->last : NULL, f->dept, f->kinds);
}

const struct inno_error *
inno_award_kinds_check(const char *list)
{
	const char *p, *t;
	size_t i, n;

	for (p = list; *p != '\0'; p = t) {
		while (*p == ' ')
			p++;
		for (t = p; *t != '\0' && *t != ' '; t++)
			;
		if ((n = (size_t)(t - p)) == 0)
			break;
		for (i = 0; inno_award_kinds[i] != NULL; i++)
			if (strlen(inno_award_kinds[i]) == n &&
			    strncmp(inno_award_kinds[i], p, n) == 0)
				break;
		if (inno_award_kinds[i] == NULL)
			return inno_error_code(INNO_EUSAGE, INNO_E_NOTFOUND,
			    _("%.*s: not a kind of award (award, designation, "
			    "evaluation)"), (int)n, p);
	}
	return NULL;
}

void
inno_award_figures_release(struct inno_award_figures *f)
{
	size_t i;

	for (i = 0; i < f->nlist; i++) {
		free(f->list[i].name);
		free(f->list[i].programme);
	}
	free(f->list);
	for (i = 0; i < f->ntop; i++) {
		free(f->top[i].project);
		free(f->top[i].dept);
	}
	free(f->top);
	free(f->years);
	memset(f, 0, sizeof *f);
}

const struct inno_error *
inno_award_figures(struct inno_db *db, const struct inno_period *p,
    struct inno_award_figures *out)
{
	return inno_award_figures_counted(db, p, NULL, out);
}

const struct inno_error *
inno_award_figures_counted(struct inno_db *db, const struct inno_period *p,
    const char *counted, struct inno_award_figures *out)
{
	struct inno_award_filter f;
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *prog;
	int64_t majors;
	void *g;
	size_t n;
	int row, found;

	memset(out, 0, sizeof *out);
	memset(&f, 0, sizeof f);
	f.period = p;
	f.by = "year";
	f.kinds = counted;
	if ((err = inno_award_query(db, &f, &st)) != NULL)
		goto done;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((g = realloc(out->years, (out->nyears + 1) *
		    sizeof *out->years)) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
		out->years = g;
		n = out->nyears++;
		snprintf(out->years[n].year, sizeof out->years[n].year, "%s",
		    inno_stmt_text(st, 0));
		out->years[n].awards = inno_stmt_int(st, 1);
		out->years[n].incentive = inno_stmt_int(st, 3);
		out->years[n].projects = inno_stmt_int(st, 4);
		out->years[n].funded = inno_stmt_int(st, 5);
		out->awards += out->years[n].awards;
	}
	if (err != NULL)
		goto done;
	/* The money and its projects come with every kind of award. */
	f.by = "total";
	f.kinds = NULL;
	if ((err = inno_award_query(db, &f, &st)) != NULL)
		goto done;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		out->incentive = inno_stmt_int(st, 2);
		out->projects = inno_stmt_int(st, 3);
		out->funded = inno_stmt_int(st, 4);
	}
	if (err != NULL)
		goto done;
	f.by = NULL;
	f.kinds = NULL;
	if ((err = inno_award_query(db, &f, &st)) != NULL)
		goto done;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((g = realloc(out->list, (out->nlist + 1) *
		    sizeof *out->list)) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
		out->list = g;
		n = out->nlist;
		snprintf(out->list[n].date, sizeof out->list[n].date, "%s",
		    inno_stmt_text(st, 1));
		out->list[n].incentive = inno_stmt_int(st, 4);
		snprintf(out->list[n].kind, sizeof out->list[n].kind, "%s",
		    inno_stmt_text(st, 8));
		out->list[n].entrants = inno_stmt_int(st, 10);
		prog = inno_stmt_text(st, 9);
		out->list[n].programme = NULL;
		if ((out->list[n].name = strdup(inno_stmt_text(st, 2))) ==
		    NULL || (*prog != '\0' && (out->list[n].programme =
		    strdup(prog)) == NULL)) {
			free(out->list[n].name);
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
		out->nlist++;
	}
	if (err != NULL)
		goto done;
	/*
	 * The projects the office marked major or, when it marked none, the
	 * largest; the earlier recorded first among equals.
	 */
	if ((err = inno_db_int(db, &majors, &found, "SELECT count(*) FROM "
	    "award_fund f JOIN award a ON a.id = f.award_id" AWARD_WHERE
	    " AND f.major = 1", "tttt", p ? p->first : NULL, p ? p->last :
	    NULL, NULL, NULL)) != NULL)
		goto done;
	if ((err = inno_db_query(db, &st, "SELECT f.project, "
	    "inno_dept_name(f.dept_id), f.amount FROM award_fund f JOIN award "
	    "a ON a.id = f.award_id" AWARD_WHERE " AND (?5 = 0 OR f.major = 1) "
	    "ORDER BY f.amount DESC, f.id LIMIT ?6", "ttttii", p ? p->first :
	    NULL, p ? p->last : NULL, NULL, NULL, majors, majors > 0 ?
	    INT64_MAX : (int64_t)INNO_AWARD_TOP)) != NULL)
		goto done;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((g = realloc(out->top, (out->ntop + 1) *
		    sizeof *out->top)) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
		out->top = g;
		n = out->ntop;
		out->top[n].amount = inno_stmt_int(st, 2);
		if ((out->top[n].project = strdup(inno_stmt_text(st, 0))) ==
		    NULL || (out->top[n].dept = strdup(inno_stmt_text(st,
		    1))) == NULL) {
			free(out->top[n].project);
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
		out->ntop++;
	}
done:
	if (err != NULL)
		inno_award_figures_release(out);
	return err;
}

/* The checks inno-check runs over these records. */
const struct inno_error *
inno_award_check(struct inno_db *db, struct inno_diag *d)
{
	static const struct inno_check_rule rules[] = {
		{"award", "SELECT a.id, printf('funded projects total %d won, "
		    "more than the incentive of %d won', sum(f.amount), "
		    "a.incentive) FROM award a JOIN award_fund f ON f.award_id "
		    "= a.id GROUP BY a.id HAVING sum(f.amount) > a.incentive"},
	};

	return inno_check_rules(db, d, rules, sizeof rules / sizeof rules[0]);
}
