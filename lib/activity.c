/*
 * activity.c: programme activity.  Much of what a programme does is
 * neither a task nor a club, course, idea or visit: a forum session the
 * managers attend, a contest, a monthly monitoring round, the launch of a
 * system, a newsletter issue, press coverage, a festival event, a photo
 * exhibition, a campaign in the neighbourhoods, a self-evaluation of the
 * service charter.  Each is recorded as a dated activity of a kind under
 * a programme, with counts whose meaning the kind gives, and the
 * employees who took part, so that "10명 (5급 3, 6급 7)" is counted from
 * their grades.  Some kinds are gauges, read as of a date rather than
 * summed (INNO246's membership, the innovation level).  The kinds and
 * programmes are the report wording's, so a kind the report cannot show
 * is never recorded.
 */
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "audit.h"
#include "check.h"
#include "report.h"
#include "staff.h"
#include "i18n.h"

const struct inno_col inno_activity_cols[INNO_PA_NCOLS] = {
	{"programme", 1}, {"kind", 1}, {"date", 1}, {"ends", 0},
	{"title", 0}, {"times", 0}, {"people", 0}, {"items", 0},
	{"units", 0}, {"depts", 0}, {"winners", 0}, {"employees", 0},
	{"covers_from", 0}, {"covers_to", 0}, {"note", 0},
};

const char *const inno_activity_counts[] = {"times", "people", "items",
    "units", "depts", "winners", NULL};

/* The most employees one activity lists. */
#define MAX_MEMBERS 500

void
inno_activity_names_release(struct inno_activity_names *a)
{
	size_t i;

	for (i = 0; i < a->nkinds; i++)
		free(a->kinds[i]);
	for (i = 0; i < a->nprogrammes; i++)
		free(a->programmes[i]);
	free(a->kinds);
	free(a->programmes);
	memset(a, 0, sizeof *a);
}

/* Appends a copy of s to *v unless it is there; NULL or an error. */
static const struct inno_error *
add_name(char ***v, size_t *n, const char *s)
{
	char **g;
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return NULL;
	if ((g = inno_grow(*v, *n, sizeof *g)) == NULL)
		return inno_error_nomem();
	*v = g;
	if ((g[*n] = strdup(s)) == NULL)
		return inno_error_nomem();
	(*n)++;
	return NULL;
}

const struct inno_error *
inno_activity_names_init(struct inno_activity_names *a, const char *share)
{
	const struct inno_error *err;
	struct inno_config *words = NULL;
	const char **names = NULL;
	const char *prog;
	char key[256];
	size_t n = 0, i;

	memset(a, 0, sizeof *a);
	if ((err = inno_report_wording(&words, share)) != NULL ||
	    (err = inno_config_sections(words, "activity.", &names, &n)) !=
	    NULL)
		goto done;
	for (i = 0; i < n && err == NULL; i++)
		err = add_name(&a->kinds, &a->nkinds, names[i] +
		    strlen("activity."));
	free(names);
	names = NULL;
	if (err != NULL || (err = inno_config_sections(words, "section.",
	    &names, &n)) != NULL)
		goto done;
	for (i = 0; i < n && err == NULL; i++) {
		snprintf(key, sizeof key, "%s:programme", names[i]);
		if ((prog = inno_config_str(words, key, NULL)) != NULL &&
		    *prog != '\0')
			err = add_name(&a->programmes, &a->nprogrammes, prog);
	}
	if (err == NULL && a->nkinds == 0)
		err = inno_error(INNO_EUSAGE,
		    _("%s/report/report.ini: no [activity.KIND] section"),
		    share);
done:
	free(names);
	inno_config_free(words);
	return err;
}

/*
 * Whether s is one of v; if not, records an error on col naming the
 * first of them.
 */
static int
known(struct inno_row *r, int col, char *const *v, size_t n, const char *s,
    const char *what)
{
	char list[512];
	size_t i, o = 0;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	list[0] = '\0';
	for (i = 0; i < n && o + 4 < sizeof list; i++)
		o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
		    i > 0 ? ", " : "", v[i]);
	if (o >= sizeof list)
		memcpy(list + sizeof list - 4, "...", 4);
	inno_row_error(r, col, _("%.60s: no such %s in the report wording "
	    "(%s)"), s, what, list);
	return 0;
}

const struct inno_error *
inno_activity_row(void *arg, struct inno_row *r)
{
	struct inno_activity_names *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *prog, *kind, *title, *emps, *note;
	char date[11], ends[11] = "", cf[11] = "", ct[11] = "";
	int64_t count[INNO_PAC_N], id, mid = 0, first = 0;
	int64_t ids[MAX_MEMBERS];
	int has[INNO_PAC_N], n = 0, i, he, hcf, hct;

	inno_row_text(r, INNO_PA_PROGRAMME, 200, &prog);
	inno_row_text(r, INNO_PA_KIND, 64, &kind);
	inno_row_date(r, INNO_PA_DATE, date);
	he = inno_row_date(r, INNO_PA_ENDS, ends);
	inno_row_text(r, INNO_PA_TITLE, 400, &title);
	for (i = 0; i < INNO_PAC_N; i++) {
		count[i] = 0;
		has[i] = inno_row_int(r, INNO_PA_TIMES + i, 0, 100000000,
		    &count[i]);
	}
	inno_row_text(r, INNO_PA_EMPLOYEES, 8000, &emps);
	hcf = inno_row_date(r, INNO_PA_COVERS_FROM, cf);
	hct = inno_row_date(r, INNO_PA_COVERS_TO, ct);
	inno_row_text(r, INNO_PA_NOTE, 4000, &note);
	if (inno_row_bad(r))
		return NULL;
	known(r, INNO_PA_KIND, a->kinds, a->nkinds, kind, _("kind"));
	known(r, INNO_PA_PROGRAMME, a->programmes, a->nprogrammes, prog,
	    _("programme"));
	if (he == 1 && strcmp(ends, date) < 0)
		inno_row_error(r, INNO_PA_ENDS, _("%s: before the date %s"),
		    ends, date);
	if (hcf != hct)
		inno_row_error(r, hcf == 1 ? INNO_PA_COVERS_TO :
		    INNO_PA_COVERS_FROM, _("covers_from and covers_to go "
		    "together"));
	else if (hcf == 1 && strcmp(ct, cf) < 0)
		inno_row_error(r, INNO_PA_COVERS_TO, _("%s: before "
		    "covers_from %s"), ct, cf);
	if (inno_row_bad(r))
		return NULL;
	if (emps != NULL && (n = inno_row_employees(r, INNO_PA_EMPLOYEES,
	    emps, ids, MAX_MEMBERS)) < 0)
		return NULL;
	if (has[INNO_PAC_PEOPLE] != 1 && n > 0) {
		has[INNO_PAC_PEOPLE] = 1;
		count[INNO_PAC_PEOPLE] = n;
	} else if (has[INNO_PAC_PEOPLE] == 1 && count[INNO_PAC_PEOPLE] < n) {
		inno_row_error(r, INNO_PA_PEOPLE, _("%lld: fewer than the %d "
		    "employees listed"), (long long)count[INNO_PAC_PEOPLE], n);
		return NULL;
	}
	for (i = 0; i < INNO_PAC_N; i++)
		if (has[i] != 1)
			count[i] = -1;	/* bound as NULL below */
	err = inno_db_run(db, "INSERT INTO activity (programme, kind, date, "
	    "ends, title, times, people, items, units, depts, winners, "
	    "covers_from, covers_to, note) VALUES (?, ?, ?, ?, ?, nullif(?, "
	    "-1), nullif(?, -1), nullif(?, -1), nullif(?, -1), nullif(?, -1), "
	    "nullif(?, -1), ?, ?, ?)", "tttttiiiiiittt", prog, kind, date, he == 1 ? ends : NULL, title,
	    count[0], count[1], count[2], count[3], count[4], count[5],
	    hcf == 1 ? cf : NULL, hct == 1 ? ct : NULL, note);
	if (err != NULL)
		return err;
	id = inno_db_last_id(db);
	for (i = 0; i < n; i++) {
		if ((err = inno_db_run(db, "INSERT INTO activity_member "
		    "(activity_id, employee_id) VALUES (?, ?)", "ii", id,
		    ids[i])) != NULL)
			return err;
		mid = inno_db_last_id(db);
		if (first == 0)
			first = mid;
	}
	if (n > 0 && (err = inno_audit(db, "insert", "activity_member",
	    first, mid, "%d participant%s of activity %lld", n, n == 1 ? "" :
	    "s", (long long)id)) != NULL)
		return err;
	a->last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

/* The filter every query shares; ?1..?4 as bound below. */
#define ACT_WHERE " WHERE (?1 IS NULL OR a.programme = ?1)" \
	" AND (?2 IS NULL OR a.kind = ?2)" \
	" AND (?3 IS NULL OR a.date >= ?3) AND (?4 IS NULL OR a.date <= ?4)"
#define ACT_SUMS "count(*) AS records, sum(coalesce(a.times, 1)) AS times, " \
	"coalesce(sum(a.people), 0) AS people, coalesce(sum(a.items), 0) AS " \
	"items, coalesce(sum(a.units), 0) AS units, coalesce(sum(a.depts), " \
	"0) AS depts, coalesce(sum(a.winners), 0) AS winners"

const struct inno_error *
inno_activity_query(struct inno_db *db, const struct inno_activity_filter *f,
    struct inno_stmt **stp)
{
	static const char *const bys[] = {"kind", "programme", "month", NULL};
	static const char *const sql[] = {
		"SELECT a.programme, a.kind, " ACT_SUMS " FROM activity a"
		    ACT_WHERE " GROUP BY a.programme, a.kind ORDER BY "
		    "min(a.date), a.programme, a.kind",
		"SELECT a.programme, " ACT_SUMS " FROM activity a" ACT_WHERE
		    " GROUP BY a.programme ORDER BY min(a.date), a.programme",
		"SELECT substr(a.date, 1, 7) AS month, " ACT_SUMS " FROM "
		    "activity a" ACT_WHERE " GROUP BY 1 ORDER BY 1",
	};
	const char *q;
	int i;

	if (f->by == NULL)
		q = "SELECT a.id, a.programme, a.kind, a.date, a.ends, "
		    "a.title, a.times, a.people, a.items, a.units, a.depts, "
		    "a.winners, (SELECT group_concat(x, ' ') FROM (SELECT "
		    "inno_employee_code(m.employee_id) AS x FROM "
		    "activity_member m WHERE m.activity_id = a.id ORDER BY "
		    "m.id)) AS employees, a.covers_from, a.covers_to, a.note "
		    "FROM activity a" ACT_WHERE " ORDER BY a.date, a.id";
	else if ((i = inno_word_index(bys, f->by)) >= 0)
		q = sql[i];
	else
		return inno_error(INNO_EUSAGE, _("--by=%s: expected kind, "
		    "programme or month"), f->by);
	return inno_db_query(db, stp, q, "tttt", f->programme, f->kind,
	    f->period ? f->period->first : NULL,
	    f->period ? f->period->last : NULL);
}

static void
kind_release(struct inno_activity_kind *k)
{
	size_t i;

	free(k->kind);
	free(k->note);
	for (i = 0; i < k->ntitles; i++)
		free(k->titles[i].title);
	free(k->titles);
	for (i = 0; i < k->nreadings; i++)
		free(k->readings[i].title);
	free(k->readings);
}

void
inno_activity_figures_release(struct inno_activity_figures *f)
{
	size_t i;

	for (i = 0; i < f->nkinds; i++)
		kind_release(&f->kinds[i]);
	free(f->kinds);
	memset(f, 0, sizeof *f);
}

/* Adds the current row of st (the records query below) to k. */
static const struct inno_error *
add_record(struct inno_activity_kind *k, struct inno_stmt *st)
{
	struct inno_activity_title *t;
	struct inno_activity_reading *g;
	const char *title = inno_stmt_text(st, 3), *end;
	int64_t v[INNO_PAC_N];
	size_t i;
	int c, m;

	for (c = 0; c < INNO_PAC_N; c++)
		v[c] = inno_stmt_int(st, 4 + c);
	if (!k->gauge && inno_stmt_isnull(st, 4))
		v[INNO_PAC_TIMES] = 1;
	k->records++;
	if (k->first[0] == '\0')
		snprintf(k->first, sizeof k->first, "%s",
		    inno_stmt_text(st, 1));
	end = inno_stmt_isnull(st, 2) ? inno_stmt_text(st, 1) :
	    inno_stmt_text(st, 2);
	if (strcmp(end, k->last) > 0)
		snprintf(k->last, sizeof k->last, "%s", end);
	if (!inno_stmt_isnull(st, 10)) {
		snprintf(k->covers_from, sizeof k->covers_from, "%s",
		    inno_stmt_text(st, 10));
		snprintf(k->covers_to, sizeof k->covers_to, "%s",
		    inno_stmt_text(st, 11));
	}
	free(k->note);
	if ((k->note = strdup(inno_stmt_text(st, 12))) == NULL)
		return inno_error_nomem();
	if (k->gauge) {
		if ((g = inno_grow(k->readings, k->nreadings, sizeof *g)) ==
		    NULL)
			return inno_error_nomem();
		k->readings = g;
		g = &g[k->nreadings];
		memset(g, 0, sizeof *g);
		snprintf(g->date, sizeof g->date, "%s", inno_stmt_text(st, 1));
		memcpy(g->count, v, sizeof v);
		if ((g->title = strdup(title)) == NULL)
			return inno_error_nomem();
		k->nreadings++;
		memcpy(k->count, v, sizeof v);	/* the last reading */
		return NULL;
	}
	for (c = 0; c < INNO_PAC_N; c++)
		k->count[c] += v[c];
	m = atoi(inno_stmt_text(st, 1) + 5);
	if (m >= 1 && m <= 12)
		k->month[m - 1] += v[INNO_PAC_TIMES];
	for (i = 0; i < k->ntitles; i++)
		if (strcmp(k->titles[i].title, title) == 0)
			break;
	if (i == k->ntitles) {
		if ((t = inno_grow(k->titles, k->ntitles, sizeof *t)) == NULL)
			return inno_error_nomem();
		k->titles = t;
		memset(&t[i], 0, sizeof t[i]);
		if ((t[i].title = strdup(title)) == NULL)
			return inno_error_nomem();
		k->ntitles++;
	}
	k->titles[i].records++;
	for (c = 0; c < INNO_PAC_N; c++)
		k->titles[i].count[c] += v[c];
	return NULL;
}

/* The participants of k's activities: attendance, distinct, by grade. */
static const struct inno_error *
add_people(struct inno_db *db, struct inno_activity_kind *k,
    const char *programme, const char *from, const char *to)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;
	int64_t g;

	if ((err = inno_db_query(db, &st, "SELECT count(*), count(DISTINCT "
	    "m.employee_id) FROM activity_member m JOIN activity a ON a.id = "
	    "m.activity_id" ACT_WHERE, "tttt", programme, k->kind, from,
	    to)) != NULL)
		return err;
	if ((err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row) {
		k->attendance = inno_stmt_int(st, 0);
		k->participants = inno_stmt_int(st, 1);
	}
	inno_stmt_reset(st);
	if ((err = inno_db_query(db, &st, "SELECT inno_employee_grade(e), "
	    "count(*) FROM (SELECT DISTINCT m.employee_id AS e FROM "
	    "activity_member m JOIN activity a ON a.id = m.activity_id"
	    ACT_WHERE ") GROUP BY 1", "tttt", programme, k->kind, from,
	    to)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		g = inno_stmt_int(st, 0);
		if (g >= 1 && g <= 9)
			k->grade[g] = inno_stmt_int(st, 1);
	}
	return err;
}

const struct inno_error *
inno_activity_figures(struct inno_db *db, const struct inno_config *words,
    const char *programme, const struct inno_period *p, const char *as_of,
    struct inno_activity_figures *out)
{
	const struct inno_error *err;
	struct inno_activity_kind *k, *g;
	struct inno_stmt *st;
	const char **names = NULL, *from, *to, *v;
	char key[256];
	size_t n = 0, i;
	int row;

	memset(out, 0, sizeof *out);
	if ((err = inno_config_sections(words, "activity.", &names, &n)) !=
	    NULL)
		return err;
	for (i = 0; i < n && err == NULL; i++) {
		if ((g = inno_grow(out->kinds, out->nkinds, sizeof *g)) ==
		    NULL) {
			err = inno_error_nomem();
			break;
		}
		out->kinds = g;
		k = &g[out->nkinds];
		memset(k, 0, sizeof *k);
		if ((k->kind = strdup(names[i] + strlen("activity."))) ==
		    NULL) {
			err = inno_error_nomem();
			break;
		}
		out->nkinds++;
		snprintf(key, sizeof key, "%s:gauge", names[i]);
		v = inno_config_str(words, key, "no");
		k->gauge = strcmp(v, "yes") == 0 || strcmp(v, "true") == 0;
		/* A gauge is read as of the day, from its first reading. */
		from = k->gauge ? NULL : p->first;
		to = k->gauge ? (strcmp(as_of, p->last) < 0 ? as_of : p->last) :
		    p->last;
		if ((err = inno_db_query(db, &st, "SELECT a.id, a.date, "
		    "a.ends, coalesce(a.title, ''), a.times, a.people, a.items, "
		    "a.units, a.depts, a.winners, a.covers_from, a.covers_to, "
		    "coalesce(a.note, '') FROM activity a" ACT_WHERE
		    " ORDER BY a.date, a.id", "tttt", programme, k->kind, from,
		    to)) != NULL)
			break;
		while ((err = inno_stmt_step(st, &row)) == NULL && row)
			if ((err = add_record(k, st)) != NULL) {
				inno_stmt_reset(st);
				break;
			}
		if (err == NULL && k->records > 0)
			err = add_people(db, k, programme, from, to);
		if (err == NULL && k->records == 0) {
			kind_release(k);
			out->nkinds--;
		}
	}
	free(names);
	return err;
}

/* The checks inno-check runs over these records. */
const struct inno_error *
inno_activity_check(struct inno_db *db, struct inno_diag *d)
{
	static const struct inno_check_rule rules[] = {
		{"activity", "SELECT a.id, printf('%d people, fewer than its "
		    "%d participating employees', a.people, count(m.id)) FROM "
		    "activity a JOIN activity_member m ON m.activity_id = a.id "
		    "GROUP BY a.id HAVING count(m.id) > coalesce(a.people, 0)"},
	};

	return inno_check_rules(db, d, rules, sizeof rules / sizeof rules[0]);
}
