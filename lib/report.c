/*
 * report.c: builds the figure model of a report from the records and the
 * wording file, and checks that parts add up to their totals.  Each section
 * of a kind comes from the wording file; a section naming a source gets
 * its figures from that source's builder, which computes every number with
 * bound SQL.  The renderers live in report_out.c.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "task.h"

/* The state of one build: what the builders need besides the section. */
struct ctx {
	struct inno_db *db;
	const struct inno_config *cfg;
	struct inno_report *r;
	char from[11];		/* results are counted from here ... */
	char to[11];		/* ... to here (the as-of date or period end) */
	char plan_to[11];	/* plans run from the as-of date to here */
	const char *office;	/* the office's department, NULL: all */
	int plan_open;		/* the section's plan heading is out */
	int no_results;		/* a plan: budget lines and plans only */
	const char *kind;	/* the kind's wording section, "kind.plan" */
};

typedef const struct inno_error *(*builder_fn)(struct ctx *,
    struct inno_rsection *);

const char *
inno_report_share(const struct inno_config *cfg, const char *compiled)
{
	const char *s;

	if ((s = getenv("INNO_SHARE")) != NULL && *s != '\0')
		return s;
	if ((s = inno_config_str(cfg, "report:share", NULL)) != NULL &&
	    *s != '\0')
		return s;
	return compiled;
}

int
inno_report_format_parse(const char *s)
{
	static const char *const names[] = {"text", "md", "html", "csv",
	    "xlsx", NULL};

	return inno_word_index(names, s);
}

/* A wording value, or def; owned by the wording file. */
static const char *
word(const struct inno_report *r, const char *section, const char *key,
    const char *def)
{
	char buf[256];

	if (snprintf(buf, sizeof buf, "%s:%s", section, key) >= (int)sizeof buf)
		return def;
	return inno_config_str(r->words, buf, def);
}

const char *
inno_report_unit(const struct inno_report *r, const char *unit)
{
	if (strcmp(unit, "money") == 0)
		unit = r->money_million ? "million" : "thousand";
	else if (strcmp(unit, "money.million") == 0)
		unit = "million";
	else if (strcmp(unit, "money.thousand") == 0)
		unit = "thousand";
	return word(r, "unit", unit, unit);
}

int64_t
inno_report_shown(const struct inno_report *r, const struct inno_ritem *it)
{
	int64_t d;

	if (it->unit == NULL || strncmp(it->unit, "money", 5) != 0)
		return it->value;
	/* Rounded half away from zero, as a clerk rounds by hand. */
	if (strcmp(it->unit, "money.million") == 0)
		d = 1000000;
	else if (strcmp(it->unit, "money.thousand") == 0)
		d = 1000;
	else
		d = r->money_million ? 1000000 : 1000;
	return it->value >= 0 ? (it->value + d / 2) / d :
	    -((-it->value + d / 2) / d);
}

/* Formats v with thousands separators into buf (32 bytes). */
static const char *
fmt_thousands(int64_t v, char buf[32])
{
	char raw[24];
	size_t n, i, o = 0;

	snprintf(raw, sizeof raw, "%lld", (long long)(v < 0 ? -v : v));
	n = strlen(raw);
	if (v < 0)
		buf[o++] = '-';
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
	return buf;
}

/* Replaces every {year} in s with the period's year; the caller frees. */
static char *
subst_year(const char *s, const struct inno_period *p)
{
	size_t n = strlen(s), i, o = 0;
	char *out;

	if ((out = malloc(n * 2 + 5)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (strncmp(s + i, "{year}", 6) == 0) {
			memcpy(out + o, p->first, 4);
			o += 4;
			i += 5;
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

/*
 * Appends an item to a section; *idx receives its index.  label is
 * copied; key may be NULL.
 */
static const struct inno_error *
add_item(struct inno_rsection *s, enum inno_ritem_kind kind, int level,
    const char *key, const char *label, int64_t value, const char *unit,
    size_t parent, size_t *idx)
{
	struct inno_ritem *it;

	if (s->nitems == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		struct inno_ritem *g = realloc(s->items, cap * sizeof *g);

		if (g == NULL)
			return inno_error_nomem();
		s->items = g;
		s->cap = cap;
	}
	it = &s->items[s->nitems];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->level = level;
	it->value = value;
	it->unit = unit;
	it->parent = parent;
	if ((it->label = strdup(label)) == NULL ||
	    (key != NULL && (it->key = strdup(key)) == NULL)) {
		free(it->label);
		return inno_error_nomem();
	}
	if (parent != INNO_RNONE)
		s->items[parent].nparts++;
	if (idx != NULL)
		*idx = s->nitems;
	s->nitems++;
	return NULL;
}

/* A figure's label from [label], or its key when the wording has none. */
static const char *
label(struct ctx *c, const char *key)
{
	return word(c->r, "label", key, key);
}

/* Adds a sentence or heading from the wording: "□ x", "○ x", "- x", "· x". */
static const struct inno_error *
add_line(struct inno_rsection *s, const char *line)
{
	static const struct {
		const char *mark;
		int level;
	} marks[] = {{"□", 0}, {"○", 1}, {"-", 2}, {"·", 3}};
	size_t i, n;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		n = strlen(marks[i].mark);
		if (strncmp(line, marks[i].mark, n) == 0) {
			line += n;
			while (*line == ' ')
				line++;
			return add_item(s, INNO_RTEXT, marks[i].level, NULL,
			    line, 0, NULL, INNO_RNONE, NULL);
		}
	}
	return add_item(s, INNO_RTEXT, 1, NULL, line, 0, NULL, INNO_RNONE,
	    NULL);
}

/*
 * Adds a figure whose parts come from a query of (label, value) rows,
 * after its total from another query; both bind the office (?1) and,
 * when types says so, the as-of date (?2).  The two are counted separately on purpose: a record
 * that falls outside every part (an employee with no team of the office)
 * makes them disagree, and the check reports it.
 */
static const struct inno_error *
add_split(struct ctx *c, struct inno_rsection *s, const char *key,
    const char *unit, const char *types, const char *total_sql,
    const char *parts_sql, const char *suffix)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int64_t total;
	size_t idx;
	char *pl;
	int row;

	if ((err = inno_db_int(c->db, &total, NULL, total_sql, types,
	    c->office, c->to)) != NULL)
		return err;
	if ((err = add_item(s, INNO_RFIG, 1, key, label(c, key), total, unit,
	    INNO_RNONE, &idx)) != NULL)
		return err;
	s->items[idx].split = 1;
	if ((err = inno_db_query(c->db, &st, parts_sql, types, c->office,
	    c->to)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((pl = inno_strf("%s%s", inno_stmt_text(st, 0),
		    suffix)) == NULL)
			return inno_error_nomem();
		err = add_item(s, INNO_RFIG, 2, NULL, pl, inno_stmt_int(st, 1),
		    unit, idx, NULL);
		free(pl);
		if (err != NULL)
			return err;
	}
	return err;
}

/*
 * The office's organisation: headcount by team, authorised and current, and
 * by grade.  Without a configured office, every department is counted, by
 * department, since employees outside the office need not have a team.
 */
static const struct inno_error *
build_staff(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	const char *auth_parts, *cur_parts;

#define OFFICE " (?1 IS NULL OR d.name = ?1)"
#define ACTIVE " (e.joined IS NULL OR e.joined <= ?2)" \
	" AND (e.left IS NULL OR e.left >= ?2)"
	if (c->office != NULL) {
		auth_parts = "SELECT t.name, coalesce(t.authorised, 0) FROM "
		    "team t JOIN dept d ON d.id = t.dept_id WHERE d.name = ?1 "
		    "ORDER BY t.id";
		cur_parts = "SELECT t.name, (SELECT count(*) FROM employee e "
		    "WHERE e.team_id = t.id AND" ACTIVE ") FROM team t JOIN "
		    "dept d ON d.id = t.dept_id WHERE d.name = ?1 ORDER BY t.id";
	} else {
		auth_parts = "SELECT d.name, coalesce(sum(t.authorised), 0) "
		    "FROM dept d JOIN team t ON t.dept_id = d.id WHERE ?1 IS "
		    "NULL GROUP BY d.id ORDER BY d.id";
		cur_parts = "SELECT d.name, (SELECT count(*) FROM employee e "
		    "WHERE e.dept_id = d.id AND" ACTIVE ") FROM dept d WHERE ?1 "
		    "IS NULL ORDER BY d.id";
	}
	if ((err = add_item(s, INNO_RTEXT, 0, NULL, label(c, "staff"), 0,
	    NULL, INNO_RNONE, NULL)) != NULL)
		return err;
	if ((err = add_split(c, s, "staff.authorised", "people", "t",
	    "SELECT coalesce(sum(t.authorised), 0) FROM team t JOIN dept d "
	    "ON d.id = t.dept_id WHERE" OFFICE, auth_parts, "")) != NULL)
		return err;
	if ((err = add_split(c, s, "staff.current", "people", "tt",
	    "SELECT count(*) FROM employee e JOIN dept d ON d.id = e.dept_id "
	    "WHERE" OFFICE " AND" ACTIVE, cur_parts, "")) != NULL)
		return err;
	return add_split(c, s, "staff.grades", "people", "tt",
	    "SELECT count(*) FROM employee e JOIN dept d ON d.id = e.dept_id "
	    "WHERE" OFFICE " AND" ACTIVE,
	    "SELECT e.grade, count(*) FROM employee e JOIN dept d ON d.id = "
	    "e.dept_id WHERE" OFFICE " AND" ACTIVE " GROUP BY e.grade "
	    "ORDER BY e.grade", inno_report_unit(c->r, "grade"));
#undef OFFICE
#undef ACTIVE
}

/*
 * Tasks in the period: those whose start..due overlaps it.  ?1 and ?2 are
 * the first and last day counted.
 */
#define TASK_SCOPE " (t.start IS NULL OR t.start <= ?2)" \
	" AND (t.due IS NULL OR t.due >= ?1)"
/* A task force member on the as-of day ?2. */
#define MEMBER_ON " m.joined <= ?2 AND (m.left IS NULL OR m.left > ?2)"

/*
 * 혁신과제: unit projects by field (the configured fields, in order), each
 * by status; the fields they cover; the focus areas' assigned tasks; and
 * the task forces with their members.
 */
static const struct inno_error *
build_tasks(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_task_conf conf;
	struct inno_stmt *st;
	int64_t n;
	size_t total, field, i;
	char key[64], *line;
	int row, listed = 0;

	memset(&conf, 0, sizeof conf);
	if ((err = inno_task_conf_load(c->cfg, &conf)) != NULL)
		goto done;
	if ((err = inno_db_int(c->db, &n, NULL, "SELECT count(*) FROM task t "
	    "WHERE" TASK_SCOPE, "tt", c->from, c->to)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "tasks.projects", label(c,
	    "tasks.projects"), n, "count", INNO_RNONE, &total)) != NULL)
		goto done;
	s->items[total].split = 1;
	for (i = 0; i < conf.nfields; i++) {
		if ((err = inno_db_int(c->db, &n, NULL, "SELECT count(*) FROM "
		    "task t WHERE t.field = ?3 AND" TASK_SCOPE, "ttt", c->from,
		    c->to, conf.fields[i])) != NULL)
			goto done;
		if (n == 0)
			continue;
		if ((err = add_item(s, INNO_RFIG, 2, NULL, conf.fields[i], n,
		    "count", total, &field)) != NULL)
			goto done;
		if ((err = inno_db_query(c->db, &st, "SELECT t.status, "
		    "count(*) FROM task t WHERE t.field = ?3 AND" TASK_SCOPE
		    " GROUP BY t.status ORDER BY CASE t.status WHEN 'pool' "
		    "THEN 0 WHEN 'selected' THEN 1 WHEN 'in_progress' THEN 2 "
		    "WHEN 'completed' THEN 3 ELSE 4 END", "ttt", c->from, c->to,
		    conf.fields[i])) != NULL)
			goto done;
		while ((err = inno_stmt_step(st, &row)) == NULL && row) {
			snprintf(key, sizeof key, "status.%s",
			    inno_stmt_text(st, 0));
			if ((err = add_item(s, INNO_RFIG, 3, NULL, label(c, key),
			    inno_stmt_int(st, 1), "count", field, NULL)) !=
			    NULL)
				break;
		}
		if (err != NULL)
			goto done;
	}
	if ((err = inno_db_int(c->db, &n, NULL, "SELECT count(DISTINCT "
	    "t.field) FROM task t WHERE" TASK_SCOPE, "tt", c->from,
	    c->to)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "tasks.fields", label(c,
	    "tasks.fields"), n, "fields", INNO_RNONE, NULL)) != NULL)
		goto done;
	/* The focus areas' assigned tasks (지정과제), one line each. */
	if ((err = inno_db_query(c->db, &st, "SELECT t.field, t.title, d.name "
	    "FROM task t JOIN dept d ON d.id = t.dept_id WHERE t.origin = "
	    "'assigned' AND t.status <> 'dropped' AND instr(?3, '|' || "
	    "t.field || '|') > 0 AND" TASK_SCOPE " ORDER BY instr(?3, '|' || "
	    "t.field || '|'), t.id", "ttt", c->from, c->to,
	    conf.focus_list)) != NULL)
		goto done;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if (!listed && (err = add_item(s, INNO_RTEXT, 1, NULL,
		    label(c, "tasks.focus"), 0, NULL, INNO_RNONE, NULL)) !=
		    NULL)
			break;
		listed = 1;
		if ((line = inno_strf("%s : %s (%s)", inno_stmt_text(st, 0),
		    inno_stmt_text(st, 1), inno_stmt_text(st, 2))) == NULL) {
			err = inno_error_nomem();
			break;
		}
		err = add_item(s, INNO_RTEXT, 2, NULL, line, 0, NULL,
		    INNO_RNONE, NULL);
		free(line);
		if (err != NULL)
			break;
	}
	if (err != NULL)
		goto done;
	if ((err = inno_db_int(c->db, &n, NULL, "SELECT count(DISTINCT "
	    "m.task_id) FROM task_member m JOIN task t ON t.id = m.task_id "
	    "WHERE" MEMBER_ON " AND" TASK_SCOPE, "tt", c->from, c->to)) !=
	    NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "tasks.forces", label(c,
	    "tasks.forces"), n, "teams", INNO_RNONE, NULL)) != NULL)
		goto done;
	if ((err = inno_db_int(c->db, &n, NULL, "SELECT count(*) FROM "
	    "task_member m JOIN task t ON t.id = m.task_id WHERE" MEMBER_ON
	    " AND" TASK_SCOPE, "tt", c->from, c->to)) != NULL)
		goto done;
	err = add_item(s, INNO_RFIG, 1, "tasks.members", label(c,
	    "tasks.members"), n, "people", INNO_RNONE, NULL);
done:
	inno_task_conf_release(&conf);
	return err;
}

/* Adds a figure whose value is one bound query's first column. */
static const struct inno_error *
add_count(struct ctx *c, struct inno_rsection *s, int level, const char *key,
    const char *unit, size_t parent, size_t *idx, const char *sql,
    const char *types, ...)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	va_list ap;
	int64_t v = 0;
	int row;

	if ((err = inno_db_prepare(c->db, &st, sql)) != NULL)
		return err;
	va_start(ap, types);
	err = inno_stmt_bindv(st, types, ap);
	va_end(ap);
	if (err != NULL || (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row)
		v = inno_stmt_int(st, 0);
	inno_stmt_reset(st);
	return add_item(s, INNO_RFIG, level, key, label(c, key), v, unit,
	    parent, idx);
}

/* Adds one sentence built with printf. */
static const struct inno_error *
add_textf(struct inno_rsection *s, int level, const char *fmt, ...)
{
	const struct inno_error *err;
	va_list ap;
	char *t;

	va_start(ap, fmt);
	t = inno_vstrf(fmt, ap);
	va_end(ap);
	if (t == NULL)
		return inno_error_nomem();
	err = add_item(s, INNO_RTEXT, level, NULL, t, 0, NULL, INNO_RNONE,
	    NULL);
	free(t);
	return err;
}

/* Adds the parts of figure parent from (label, value) rows. */
static const struct inno_error *
add_parts(struct ctx *c, struct inno_rsection *s, size_t parent,
    const char *unit, const char *prefix, const char *suffix,
    const char *sql, const char *types, ...)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	va_list ap;
	char *pl;
	int row;

	s->items[parent].split = 1;
	if ((err = inno_db_prepare(c->db, &st, sql)) != NULL)
		return err;
	va_start(ap, types);
	err = inno_stmt_bindv(st, types, ap);
	va_end(ap);
	while (err == NULL && (err = inno_stmt_step(st, &row)) == NULL &&
	    row) {
		if ((pl = inno_strf("%s%s%s", prefix, inno_stmt_text(st, 0),
		    suffix)) == NULL)
			return inno_error_nomem();
		err = add_item(s, INNO_RFIG, s->items[parent].level + 1, NULL,
		    pl, inno_stmt_int(st, 1), unit, parent, NULL);
		free(pl);
	}
	return err;
}

/* "2007. 3. 19" style day, and "3월" style month, of an ISO date. */
static void
short_date(const char *iso, char buf[16])
{
	snprintf(buf, 16, "%d. %d", atoi(iso + 5), atoi(iso + 8));
}

/*
 * 사업개요: the programme's budget line for the period's year (amount,
 * period, content), from the budget records.
 */
static const struct inno_error *
build_overview(struct ctx *c, struct inno_rsection *s, const char *programme)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int64_t year = atoi(c->r->period.first);
	char *first = NULL, *last = NULL, *content = NULL, *span;
	int row;

	if ((err = inno_db_query(c->db, &st, "SELECT amount, coalesce(first, "
	    "''), coalesce(last, ''), coalesce(content, '') FROM budget WHERE "
	    "year = ? AND programme = ?", "it", year, programme)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (!row)
		return NULL;
	if ((first = strdup(inno_stmt_text(st, 1))) == NULL ||
	    (last = strdup(inno_stmt_text(st, 2))) == NULL ||
	    (content = strdup(inno_stmt_text(st, 3))) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	if ((err = add_item(s, INNO_RFIG, 2, "budget.amount", label(c,
	    "budget.amount"), inno_stmt_int(st, 0), "money", INNO_RNONE,
	    NULL)) != NULL)
		goto done;
	inno_stmt_reset(st);
	/* A line that runs the whole year is "년중", as the office writes. */
	if ((*first == '\0' || strncmp(first + 4, "-01-01", 6) == 0) &&
	    (*last == '\0' || strncmp(last + 4, "-12-31", 6) == 0) &&
	    (*first == '\0' || *last == '\0' || strncmp(first, last, 4) == 0))
		span = strdup(label(c, "budget.all_year"));
	else if (*first != '\0' && *last != '\0' && strncmp(first, last,
	    4) == 0)
		span = inno_strf("%.4s년 %d월~%d월", first, atoi(first + 5),
		    atoi(last + 5));
	else if (*first != '\0' && *last != '\0')
		span = inno_strf("%.4s년 %d월 ~ %.4s년 %d월", first,
		    atoi(first + 5), last, atoi(last + 5));
	else
		span = strdup(*first != '\0' ? first : last);
	if (span == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	err = add_textf(s, 2, "%s : %s", label(c, "budget.period"), span);
	free(span);
	if (err == NULL && *content != '\0')
		err = add_textf(s, 2, "%s : %s", label(c, "budget.content"),
		    content);
done:
	free(first);
	free(last);
	free(content);
	return err;
}

/*
 * 그동안의 주요성과: every award up to the as-of date (not only the
 * period's: the council hears the results since the office began), its
 * incentive money and the projects it funds.
 */
static const struct inno_error *
build_awards(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char year[5] = "", day[16], num[32];
	size_t total;
	int row;

	if ((err = add_count(c, s, 1, "awards.count", "kinds", INNO_RNONE,
	    &total, "SELECT count(*) FROM award WHERE date <= ?", "t",
	    c->to)) != NULL ||
	    (err = add_parts(c, s, total, "kinds", "", "년", "SELECT "
	    "substr(date, 1, 4), count(*) FROM award WHERE date <= ? GROUP BY "
	    "1 ORDER BY 1", "t", c->to)) != NULL ||
	    (err = add_count(c, s, 1, "awards.incentive", "money.million",
	    INNO_RNONE, NULL, "SELECT coalesce(sum(incentive), 0) FROM award "
	    "WHERE date <= ?", "t", c->to)) != NULL ||
	    (err = add_count(c, s, 1, "awards.projects", "projects",
	    INNO_RNONE, NULL, "SELECT count(*) FROM award_fund f JOIN award a "
	    "ON a.id = f.award_id WHERE a.date <= ?", "t", c->to)) != NULL)
		return err;
	if ((err = add_item(s, INNO_RTEXT, 0, NULL, label(c, "awards.list"),
	    0, NULL, INNO_RNONE, NULL)) != NULL)
		return err;
	if ((err = inno_db_query(c->db, &st, "SELECT date, name, incentive "
	    "FROM award WHERE date <= ? ORDER BY date, id", "t", c->to)) !=
	    NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		const char *d = inno_stmt_text(st, 0);

		if (strncmp(year, d, 4) != 0) {
			memcpy(year, d, 4);
			if ((err = add_textf(s, 1, "%s년", year)) != NULL)
				break;
		}
		short_date(d, day);
		if (inno_stmt_int(st, 2) > 0) {
			snprintf(num, sizeof num, "%lld",
			    (long long)((inno_stmt_int(st, 2) + 50000000) /
			    100000000));
			err = add_textf(s, 2, "%s : %s (%s : %s%s)",
			    inno_stmt_text(st, 1), day, label(c,
			    "awards.incentive_short"), num,
			    inno_report_unit(c->r, "eok"));
		} else
			err = add_textf(s, 2, "%s : %s", inno_stmt_text(st, 1),
			    day);
		if (err != NULL)
			break;
	}
	if (err != NULL)
		return err;
	if ((err = add_item(s, INNO_RTEXT, 0, NULL, label(c, "awards.funded"),
	    0, NULL, INNO_RNONE, NULL)) != NULL)
		return err;
	/* The five largest projects, as the council report lists them. */
	if ((err = inno_db_query(c->db, &st, "SELECT f.project, d.name, "
	    "f.amount FROM award_fund f JOIN award a ON a.id = f.award_id "
	    "JOIN dept d ON d.id = f.dept_id WHERE a.date <= ? ORDER BY "
	    "f.amount DESC, f.id LIMIT 5", "t", c->to)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		struct inno_ritem tmp;

		memset(&tmp, 0, sizeof tmp);
		tmp.value = inno_stmt_int(st, 2);
		tmp.unit = "money.million";
		if ((err = add_textf(s, 2, "%s(%s) : %s%s",
		    inno_stmt_text(st, 0), inno_stmt_text(st, 1),
		    fmt_thousands(inno_report_shown(c->r, &tmp), num),
		    inno_report_unit(c->r, "money.million"))) != NULL)
			break;
	}
	return err;
}

/* 지식행정: manuals registered and expert evaluations by verdict. */
static const struct inno_error *
build_knowledge(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	size_t total;

	if ((err = add_count(c, s, 1, "knowledge.manuals", "items",
	    INNO_RNONE, NULL, "SELECT count(*) FROM knowledge WHERE kind = "
	    "'manual' AND registered BETWEEN ? AND ?", "tt", c->from,
	    c->to)) != NULL ||
	    (err = add_count(c, s, 1, "knowledge.items", "items", INNO_RNONE,
	    &total, "SELECT count(*) FROM knowledge WHERE registered BETWEEN "
	    "? AND ?", "tt", c->from, c->to)) != NULL ||
	    (err = add_parts(c, s, total, "items", "", "", "SELECT "
	    "coalesce(l.label, k.kind), count(*) FROM knowledge k LEFT JOIN "
	    "(SELECT 'work' AS kind, ?3 AS label UNION ALL SELECT 'living', ?4 "
	    "UNION ALL SELECT 'manual', ?5) l ON l.kind = k.kind WHERE "
	    "k.registered BETWEEN ?1 AND ?2 GROUP BY k.kind ORDER BY "
	    "CASE k.kind WHEN 'work' THEN 0 WHEN 'living' THEN 1 ELSE 2 END",
	    "ttttt", c->from, c->to, label(c, "knowledge.work"), label(c,
	    "knowledge.living"), label(c, "knowledge.manual"))) != NULL)
		return err;
	if ((err = add_count(c, s, 1, "knowledge.evals", "items", INNO_RNONE,
	    &total, "SELECT count(*) FROM knowledge_eval WHERE date BETWEEN ? "
	    "AND ?", "tt", c->from, c->to)) != NULL)
		return err;
	return add_parts(c, s, total, "items", "", "", "SELECT CASE verdict "
	    "WHEN 'approved' THEN ?3 ELSE ?4 END, count(*) FROM knowledge_eval "
	    "WHERE date BETWEEN ?1 AND ?2 GROUP BY verdict ORDER BY verdict",
	    "tttt", c->from, c->to, label(c, "knowledge.approved"), label(c,
	    "knowledge.rejected"));
}

/*
 * 창의구정 아이디어: received, split into those a meeting reviewed and
 * those still waiting; the meetings; the reviewed by decision; adopted.
 * Whether an idea was reviewed comes from the review history, its decision
 * from the status stored on the idea, so an idea whose status was changed
 * without a review (or a review removed) makes the parts disagree with the
 * totals, and --check names the figure.
 */
static const struct inno_error *
build_ideas(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	size_t total, reviewed;
	char *examples = NULL, *g;
	int64_t v[7] = {0};
	int row, n = 0, k;

#define IDEA_IN " i.submitted BETWEEN ?1 AND ?2"
	/*
	 * One pass over the period's ideas: rv says whether a meeting
	 * reviewed the idea by the as-of date (from the history); the
	 * decisions come from the status stored on the idea.
	 */
	if ((err = inno_db_query(c->db, &st, "SELECT count(*), "
	    "coalesce(sum(rv), 0), coalesce(sum(status = 'pending' AND NOT rv), "
	    "0), coalesce(sum(status = 'adopted'), 0), coalesce(sum(status = "
	    "'rejected'), 0), coalesce(sum(status = 'pending' AND rv), 0) FROM "
	    "(SELECT i.status, EXISTS (SELECT 1 FROM idea_review r WHERE "
	    "r.idea_id = i.id AND r.decision IS NOT NULL AND r.meeting_id IS "
	    "NOT NULL AND r.date <= ?2) AS rv FROM idea i WHERE" IDEA_IN ")",
	    "tt", c->from, c->to)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	for (k = 0; row && k < 6; k++)
		v[k] = inno_stmt_int(st, k);
	inno_stmt_reset(st);
	if ((err = add_item(s, INNO_RFIG, 1, "ideas.received", label(c,
	    "ideas.received"), v[0], "items", INNO_RNONE, &total)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "ideas.reviewed", label(c,
	    "ideas.reviewed"), v[1], "items", total, NULL)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "ideas.waiting", label(c,
	    "ideas.waiting"), v[2], "items", total, NULL)) != NULL ||
	    (err = add_count(c, s, 1, "ideas.meetings", "times", INNO_RNONE,
	    NULL, "SELECT count(DISTINCT r.meeting_id) FROM idea_review r "
	    "WHERE r.date BETWEEN ? AND ? AND r.decision IS NOT NULL", "tt",
	    c->from, c->to)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "ideas.decided", label(c,
	    "ideas.decided"), v[1], "items", INNO_RNONE, &reviewed)) != NULL)
		return err;
	s->items[reviewed].split = 1;
	for (k = 3; k < 6; k++) {
		static const char *const keys[] = {"ideas.adopted",
		    "ideas.rejected", "ideas.held"};

		if (v[k] == 0)
			continue;
		if ((err = add_item(s, INNO_RFIG, 2, NULL, label(c,
		    keys[k - 3]), v[k], "items", reviewed, NULL)) != NULL)
			return err;
	}
	/* A few adopted ideas by name, "안양천 수변 분수대 설치 ... 등". */
	/* In id order, stopping at the third: no index on the date. */
	if ((err = inno_db_query(c->db, &st, "SELECT i.title FROM idea i "
	    "WHERE +i.submitted BETWEEN ?1 AND ?2 AND i.status = 'adopted' "
	    "ORDER BY i.id LIMIT 3", "tt", c->from, c->to)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		g = inno_strf("%s%s%s", examples ? examples : "",
		    examples ? ", " : "", inno_stmt_text(st, 0));
		free(examples);
		if ((examples = g) == NULL)
			return inno_error_nomem();
		n++;
	}
	if (err == NULL && n > 0)
		err = add_textf(s, 2, "%s %s", examples, label(c,
		    "ideas.and_more"));
	free(examples);
	return err;
#undef IDEA_IN
}

/*
 * 벤치마킹: presentations given and institutions that visited, as
 * institutions and as people, each total counted apart from its parts;
 * and the office's own visits by quarter.
 */
static const struct inno_error *
build_benchmark(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	size_t inst, people, out;
	int64_t v[7] = {0};
	int row, k;

	/* One pass over the period's events; each figure its own sum. */
	if ((err = inno_db_query(c->db, &st, "SELECT "
	    "coalesce(sum(kind IN ('presentation', 'incoming')), 0), "
	    "coalesce(sum(kind = 'presentation'), 0), "
	    "coalesce(sum(kind = 'incoming'), 0), "
	    "coalesce(sum(CASE WHEN kind IN ('presentation', 'incoming') THEN "
	    "people END), 0), "
	    "coalesce(sum(CASE WHEN kind = 'presentation' THEN people END), 0), "
	    "coalesce(sum(CASE WHEN kind = 'incoming' THEN people END), 0), "
	    "coalesce(sum(kind = 'outgoing'), 0) "
	    "FROM benchmark WHERE date BETWEEN ? AND ?", "tt", c->from,
	    c->to)) != NULL || (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	for (k = 0; row && k < 7; k++)
		v[k] = inno_stmt_int(st, k);
	inno_stmt_reset(st);
	if ((err = add_item(s, INNO_RFIG, 1, "bench.institutions", label(c,
	    "bench.institutions"), v[0], "institutions", INNO_RNONE,
	    &inst)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "bench.presentations", label(c,
	    "bench.presentations"), v[1], "times", inst, NULL)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "bench.incoming", label(c,
	    "bench.incoming"), v[2], "institutions", inst, NULL)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "bench.people", label(c,
	    "bench.people"), v[3], "people", INNO_RNONE, &people)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "bench.presentation_people",
	    label(c, "bench.presentation_people"), v[4], "people", people,
	    NULL)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "bench.incoming_people",
	    label(c, "bench.incoming_people"), v[5], "people", people,
	    NULL)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "bench.outgoing", label(c,
	    "bench.outgoing"), v[6], "times", INNO_RNONE, &out)) != NULL)
		return err;
	if (v[6] == 0)
		return NULL;
	return add_parts(c, s, out, "times", "", "", "SELECT ((CAST(substr("
	    "date, 6, 2) AS INTEGER) + 2) / 3) || ?3, count(*) FROM benchmark "
	    "WHERE date BETWEEN ?1 AND ?2 AND kind = 'outgoing' GROUP BY 1 "
	    "ORDER BY 1", "ttt", c->from, c->to, label(c, "bench.quarter"));
}

static const struct inno_error *build_mvp_count(struct ctx *,
    struct inno_rsection *);

/*
 * Mileage: points of the period by month and by department, and the
 * monthly MVPs chosen.  Reversals are entries with negative points, so
 * plain sums are right.
 */
static const struct inno_error *
build_mileage_month(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	size_t month;

	if ((err = add_count(c, s, 1, "mileage.by_month", "points",
	    INNO_RNONE, &month, "SELECT coalesce(sum(m.points), 0) FROM "
	    "mileage m WHERE m.date BETWEEN ?1 AND ?2", "tt", c->from,
	    c->to)) != NULL)
		return err;
	return add_parts(c, s, month, "points", "", label(c, "mileage.month"),
	    "SELECT CAST(substr(m.date, 6, 2) AS INTEGER), sum(m.points) FROM "
	    "mileage m WHERE m.date BETWEEN ?1 AND ?2 GROUP BY substr(m.date, "
	    "1, 7) ORDER BY substr(m.date, 1, 7)", "tt", c->from, c->to);
}

static const struct inno_error *
build_mileage(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	size_t dept;

#define ML_IN " m.date BETWEEN ?1 AND ?2"
	if ((err = build_mileage_month(c, s)) != NULL ||
	    (err = add_count(c, s, 1, "mileage.by_dept", "points", INNO_RNONE,
	    &dept, "SELECT coalesce(sum(m.points), 0) FROM mileage m WHERE"
	    ML_IN, "tt", c->from, c->to)) != NULL ||
	    (err = add_parts(c, s, dept, "points", "", "", "SELECT d.name, "
	    "sum(m.points) FROM mileage m JOIN dept d ON d.id = m.dept_id "
	    "WHERE" ML_IN " GROUP BY d.id ORDER BY 2 DESC, d.name", "tt",
	    c->from, c->to)) != NULL)
		return err;
	return build_mvp_count(c, s);
#undef ML_IN
}

/* The monthly MVPs chosen in the period (persons). */
static const struct inno_error *
build_mvp_count(struct ctx *c, struct inno_rsection *s)
{
	return add_count(c, s, 1, "mileage.mvp", "people", INNO_RNONE, NULL,
	    "SELECT count(*) FROM mileage_mvp WHERE employee_id IS NOT NULL "
	    "AND month BETWEEN substr(?1, 1, 7) AND substr(?2, 1, 7)", "tt",
	    c->from, c->to);
}

/* Adds the section's 향후추진계획 heading once, before its first plan. */
static const struct inno_error *
plan_heading(struct ctx *c, struct inno_rsection *s)
{
	if (c->plan_open)
		return NULL;
	c->plan_open = 1;
	return add_line(s, label(c, "plan"));
}

/*
 * Whether a table exists: the clubs and training records come from a
 * migration that a database may not have yet, and a report without them
 * is still a report.
 */
static const struct inno_error *
has_table(struct ctx *c, const char *name, int *yes)
{
	int64_t n;
	const struct inno_error *err;

	err = inno_db_int(c->db, &n, NULL, "SELECT count(*) FROM sqlite_master "
	    "WHERE type = 'table' AND name = ?", "t", name);
	*yes = err == NULL && n > 0;
	return err;
}

/*
 * 학습동아리: clubs registered by kind, with the first of each kind named
 * ("정책품질관리 연구 외 11"), and the clubs funded in the period with the
 * money they received.
 */
static const struct inno_error *
build_clubs(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	size_t total, funded;
	int yes, row;

	if ((err = has_table(c, "club", &yes)) != NULL || !yes)
		return err;
#define KIND_LABEL " CASE k.kind WHEN 'strategic' THEN ?3 ELSE ?4 END"
#define KIND_ORDER " ORDER BY CASE k.kind WHEN 'strategic' THEN 0 ELSE 1 END"
	if ((err = add_count(c, s, 1, "clubs.registered", "clubs", INNO_RNONE,
	    &total, "SELECT count(*) FROM club WHERE registered <= ?", "t",
	    c->to)) != NULL ||
	    (err = add_parts(c, s, total, "clubs", "", "", "SELECT" KIND_LABEL
	    ", count(*) FROM club k WHERE k.registered <= ?2 AND ?1 IS NOT "
	    "NULL GROUP BY k.kind" KIND_ORDER, "tttt", c->from, c->to,
	    label(c, "clubs.strategic"), label(c, "clubs.departmental"))) !=
	    NULL)
		return err;
	if ((err = inno_db_query(c->db, &st, "SELECT" KIND_LABEL ", (SELECT "
	    "name FROM club WHERE kind = k.kind AND registered <= ?2 ORDER BY "
	    "registered, id LIMIT 1), count(*) - 1 FROM club k WHERE "
	    "k.registered <= ?2 AND ?1 IS NOT NULL GROUP BY k.kind" KIND_ORDER,
	    "tttt", c->from, c->to, label(c, "clubs.strategic"), label(c,
	    "clubs.departmental"))) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if (inno_stmt_int(st, 2) > 0)
			err = add_textf(s, 2, "%s : %s %s %lld",
			    inno_stmt_text(st, 0), inno_stmt_text(st, 1),
			    label(c, "clubs.and"),
			    (long long)inno_stmt_int(st, 2));
		else
			err = add_textf(s, 2, "%s : %s", inno_stmt_text(st, 0),
			    inno_stmt_text(st, 1));
		if (err != NULL)
			return err;
	}
	if (err != NULL)
		return err;
#define GRANT_IN " g.date BETWEEN ?1 AND ?2"
	if ((err = add_count(c, s, 1, "clubs.funded", "clubs", INNO_RNONE,
	    &funded, "SELECT count(DISTINCT g.club_id) FROM club_grant g WHERE"
	    GRANT_IN, "tt", c->from, c->to)) != NULL ||
	    (err = add_parts(c, s, funded, "clubs", "", "", "SELECT" KIND_LABEL
	    ", count(DISTINCT g.club_id) FROM club_grant g JOIN club k ON "
	    "k.id = g.club_id WHERE" GRANT_IN " GROUP BY k.kind" KIND_ORDER,
	    "tttt", c->from, c->to, label(c, "clubs.strategic"), label(c,
	    "clubs.departmental"))) != NULL)
		return err;
	return add_count(c, s, 1, "clubs.grants", "money", INNO_RNONE, NULL,
	    "SELECT coalesce(sum(g.amount), 0) FROM club_grant g WHERE"
	    GRANT_IN, "tt", c->from, c->to);
#undef KIND_LABEL
#undef KIND_ORDER
#undef GRANT_IN
}

/*
 * 교육·학습: e-learning completions in the period by round ("1차 154,
 * 2차 132"), rounds still running on the as-of date with their enrolment,
 * and special training held; then, as plan, the courses that start after
 * the as-of date.
 */
static const struct inno_error *
build_training(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	size_t total;
	char a[16], b[16];
	int yes, row;

	if ((err = has_table(c, "course", &yes)) != NULL || !yes)
		return err;
	if ((err = add_count(c, s, 1, "training.completed", "people",
	    INNO_RNONE, &total, "SELECT count(*) FROM enrolment e JOIN course "
	    "k ON k.id = e.course_id WHERE k.kind = 'e-learning' AND "
	    "e.status = 'completed' AND e.completed BETWEEN ? AND ?", "tt",
	    c->from, c->to)) != NULL ||
	    (err = add_parts(c, s, total, "people", "", label(c,
	    "training.round"), "SELECT k.round, count(*) FROM course k JOIN "
	    "enrolment e ON e.course_id = k.id WHERE k.kind = 'e-learning' AND "
	    "e.status = 'completed' AND e.completed BETWEEN ? AND ? GROUP BY "
	    "k.id ORDER BY k.start, k.round", "tt", c->from, c->to)) != NULL)
		return err;
	/* Rounds running on the as-of date, and special training held. */
	if ((err = inno_db_query(c->db, &st, "SELECT k.kind, k.round, k.name, "
	    "k.start, k.end, (SELECT count(*) FROM enrolment e WHERE "
	    "e.course_id = k.id AND e.status <> 'dropped') FROM course k "
	    "WHERE (k.kind = 'e-learning' AND k.start <= ?2 AND k.end > ?2) "
	    "OR (k.kind <> 'e-learning' AND k.start BETWEEN ?1 AND ?2) ORDER "
	    "BY k.start, k.id", "tt", c->from, c->to)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		char *l;

		short_date(inno_stmt_text(st, 3), a);
		short_date(inno_stmt_text(st, 4), b);
		if (strcmp(inno_stmt_text(st, 0), "e-learning") == 0)
			l = inno_strf("%lld%s %s %s (%s ~ %s)",
			    (long long)inno_stmt_int(st, 1), label(c,
			    "training.round"), inno_stmt_text(st, 2), label(c,
			    "training.ongoing"), a, b);
		else
			l = inno_strf("%s (%s)", inno_stmt_text(st, 2), a);
		if (l == NULL)
			return inno_error_nomem();
		err = add_item(s, INNO_RFIG, 1, NULL, l, inno_stmt_int(st, 5),
		    "people", INNO_RNONE, NULL);
		free(l);
		if (err != NULL)
			return err;
	}
	if (err != NULL)
		return err;
	/* The plan: courses that start after the as-of date this year. */
	if ((err = inno_db_query(c->db, &st, "SELECT k.kind, k.round, k.name, "
	    "k.start FROM course k WHERE k.start > ?1 AND k.start <= ?2 ORDER "
	    "BY k.start, k.id", "tt", c->r->date, c->plan_to)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		const char *d = inno_stmt_text(st, 3);

		if ((err = plan_heading(c, s)) != NULL)
			return err;
		if (strcmp(inno_stmt_text(st, 0), "e-learning") == 0)
			err = add_textf(s, 2, "%.4s. %d월 : %lld%s %s %s", d,
			    atoi(d + 5), (long long)inno_stmt_int(st, 1),
			    label(c, "training.round"), inno_stmt_text(st, 2),
			    label(c, "training.held"));
		else
			err = add_textf(s, 2, "%.4s. %d월 : %s", d, atoi(d + 5),
			    inno_stmt_text(st, 2));
		if (err != NULL)
			return err;
	}
	return err;
}

/*
 * The monthly MVP notice: for each month of the period with a decision,
 * the MVP person and department with their points, then the month's five
 * highest-scoring people from the ledger.
 */
static const struct inno_error *
build_mvp(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char (*months)[8] = NULL, *l;
	size_t n = 0, i;
	int row, rank;

	if ((err = inno_db_query(c->db, &st, "SELECT month FROM mileage_mvp "
	    "WHERE month BETWEEN substr(?1, 1, 7) AND substr(?2, 1, 7) ORDER BY "
	    "month", "tt", c->from, c->to)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		char (*g)[8] = realloc(months, (n + 1) * sizeof *months);

		if (g == NULL) {
			free(months);
			return inno_error_nomem();
		}
		months = g;
		snprintf(months[n++], 8, "%s", inno_stmt_text(st, 0));
	}
	for (i = 0; err == NULL && i < n; i++) {
		if ((err = add_textf(s, 0, "%.4s년 %d월 %s", months[i],
		    atoi(months[i] + 5), label(c, "mvp.month"))) != NULL)
			break;
		if ((err = inno_db_query(c->db, &st, "SELECT coalesce(e.name, ''), "
		    "coalesce(ed.name, ''), coalesce(v.person_points, 0), "
		    "coalesce(d.name, ''), coalesce(v.dept_points, 0), "
		    "v.employee_id IS NOT NULL, v.dept_id IS NOT NULL FROM "
		    "mileage_mvp v LEFT JOIN employee e ON e.id = v.employee_id "
		    "LEFT JOIN dept ed ON ed.id = e.dept_id LEFT JOIN dept d ON "
		    "d.id = v.dept_id WHERE v.month = ?", "t", months[i])) !=
		    NULL || (err = inno_stmt_step(st, &row)) != NULL)
			break;
		if (row && inno_stmt_int(st, 5)) {
			if ((l = inno_strf("%s %s(%s)", label(c,
			    "mvp.person"), inno_stmt_text(st, 0),
			    inno_stmt_text(st, 1))) == NULL) {
				err = inno_error_nomem();
				break;
			}
			err = add_item(s, INNO_RFIG, 1, "mvp.person", l,
			    inno_stmt_int(st, 2), "points", INNO_RNONE, NULL);
			free(l);
		}
		if (err == NULL && row && inno_stmt_int(st, 6)) {
			if ((l = inno_strf("%s %s", label(c, "mvp.dept"),
			    inno_stmt_text(st, 3))) == NULL) {
				err = inno_error_nomem();
				break;
			}
			err = add_item(s, INNO_RFIG, 1, "mvp.dept", l,
			    inno_stmt_int(st, 4), "points", INNO_RNONE, NULL);
			free(l);
		}
		inno_stmt_reset(st);
		if (err != NULL || (err = add_item(s, INNO_RTEXT, 1, NULL,
		    label(c, "mvp.ranking"), 0, NULL, INNO_RNONE, NULL)) != NULL)
			break;
		if ((err = inno_db_query(c->db, &st, "SELECT e.name, d.name, "
		    "sum(m.points) FROM mileage m JOIN employee e ON e.id = "
		    "m.employee_id JOIN dept d ON d.id = e.dept_id WHERE "
		    "substr(m.date, 1, 7) = ? GROUP BY e.id ORDER BY 3 DESC, "
		    "e.employee_id LIMIT 5", "t", months[i])) != NULL)
			break;
		rank = 0;
		while ((err = inno_stmt_step(st, &row)) == NULL && row) {
			if ((l = inno_strf("%d%s %s (%s)", ++rank, label(c,
			    "mvp.place"), inno_stmt_text(st, 0),
			    inno_stmt_text(st, 1))) == NULL) {
				err = inno_error_nomem();
				break;
			}
			err = add_item(s, INNO_RFIG, 2, "mvp.rank", l,
			    inno_stmt_int(st, 2), "points", INNO_RNONE, NULL);
			free(l);
			if (err != NULL)
				break;
		}
	}
	free(months);
	return err;
}

/*
 * The roadmap: the tasks' milestones due in the period, month by month,
 * with the field, task and whether each was reached.
 */
static const struct inno_error *
build_roadmap(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char month[8] = "", day[16];
	int row;

	if ((err = inno_db_query(c->db, &st, "SELECT m.due, t.field, t.title, "
	    "m.title, m.done IS NOT NULL AND m.done <= ?3 FROM task_milestone "
	    "m JOIN task t ON t.id = m.task_id WHERE m.due BETWEEN ?1 AND ?2 "
	    "ORDER BY m.due, t.id, m.id", "ttt", c->r->period.first,
	    c->r->period.last, c->r->date)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		const char *due = inno_stmt_text(st, 0);

		if (strncmp(month, due, 7) != 0) {
			snprintf(month, sizeof month, "%.7s", due);
			if ((err = add_textf(s, 0, "%.4s. %d월", due,
			    atoi(due + 5))) != NULL)
				return err;
		}
		short_date(due, day);
		if ((err = add_textf(s, 2, "%s (%s) : %s [%s] %s", day,
		    inno_stmt_text(st, 1), inno_stmt_text(st, 2),
		    inno_stmt_text(st, 3), label(c, inno_stmt_int(st, 4) ?
		    "roadmap.done" : "roadmap.open"))) != NULL)
			return err;
	}
	return err;
}

static const struct {
	const char *name;
	builder_fn fn;
} sources[] = {
	{"staff", build_staff},
	{"tasks", build_tasks},
	{"awards", build_awards},
	{"knowledge", build_knowledge},
	{"ideas", build_ideas},
	{"benchmark", build_benchmark},
	{"mileage", build_mileage},
	{"mvp", build_mvp_count},
	{"mileage_month", build_mileage_month},
	{"clubs", build_clubs},
	{"training", build_training},
	{"monthly", build_mvp},
	{"roadmap", build_roadmap},
};

/*
 * When a scheduled event happens, as the office writes it: "2007. 7월",
 * "2007. 6월~12월", "2007. 7. 10.", "2007. 7. 10.~7. 20.".  The caller
 * frees the string.
 */
static char *
sched_when(const char *a, const char *b, int month)
{
	int same_year = strncmp(a, b, 4) == 0;

	if (month) {
		if (strncmp(a, b, 7) == 0)
			return inno_strf("%.4s. %d월", a, atoi(a + 5));
		if (same_year)
			return inno_strf("%.4s. %d월~%d월", a, atoi(a + 5),
			    atoi(b + 5));
		return inno_strf("%.4s. %d월~%.4s. %d월", a, atoi(a + 5), b,
		    atoi(b + 5));
	}
	if (strcmp(a, b) == 0)
		return inno_strf("%.4s. %d. %d.", a, atoi(a + 5), atoi(a + 8));
	if (same_year)
		return inno_strf("%.4s. %d. %d.~%d. %d.", a, atoi(a + 5),
		    atoi(a + 8), atoi(b + 5), atoi(b + 8));
	return inno_strf("%.4s. %d. %d.~%.4s. %d. %d.", a, atoi(a + 5),
	    atoi(a + 8), b, atoi(b + 5), atoi(b + 8));
}

/*
 * 향후추진계획: the section's scheduled events still ahead on the as-of
 * date (an event under way counts), up to the end of the year.
 */
static const struct inno_error *
build_schedule(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char *when;
	int yes, row;

	if ((err = has_table(c, "schedule", &yes)) != NULL || !yes)
		return err;
	if ((err = inno_db_query(c->db, &st, "SELECT starts, ends, precision, "
	    "what FROM schedule WHERE section = ? AND ends > ? AND starts <= ? "
	    "ORDER BY starts, id", "ttt", s->key, c->r->date, c->plan_to)) !=
	    NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((err = plan_heading(c, s)) != NULL)
			return err;
		if ((when = sched_when(inno_stmt_text(st, 0),
		    inno_stmt_text(st, 1), strcmp(inno_stmt_text(st, 2),
		    "month") == 0)) == NULL)
			return inno_error_nomem();
		err = add_textf(s, 2, "%s : %s", when, inno_stmt_text(st, 3));
		free(when);
		if (err != NULL)
			return err;
	}
	return err;
}

/*
 * Runs the sources a section names ("knowledge clubs"), after its results
 * heading; an unknown source is a usage error naming the section.
 */
static const struct inno_error *
run_sources(struct ctx *c, struct inno_rsection *s, const char *section,
    const char *list, const char *results)
{
	const struct inno_error *err = NULL;
	const char *p, *t;
	size_t i, n;

	for (p = list; err == NULL && *p != '\0'; p = t) {
		while (*p == ' ' || *p == ',')
			p++;
		for (t = p; *t != '\0' && *t != ' ' && *t != ','; t++)
			;
		if ((n = (size_t)(t - p)) == 0)
			break;
		for (i = 0; i < sizeof sources / sizeof sources[0]; i++)
			if (strlen(sources[i].name) == n &&
			    strncmp(sources[i].name, p, n) == 0)
				break;
		if (i == sizeof sources / sizeof sources[0])
			return inno_error(INNO_EUSAGE, "section %s: unknown "
			    "source %.*s", section, (int)n, p);
		if (p == list && results != NULL &&
		    (err = add_line(s, results)) != NULL)
			return err;
		err = sources[i].fn(c, s);
	}
	return err;
}

/* Builds one section: wording lines, the source's figures, more lines. */
static const struct inno_error *
build_section(struct ctx *c, const char *name)
{
	const struct inno_error *err;
	struct inno_report *r = c->r;
	struct inno_rsection *s, *g;
	const char **keys = NULL;
	const char *heading, *src, *k;
	char sect[128];
	size_t n = 0, i, pass;

	if (snprintf(sect, sizeof sect, "section.%s", name) >=
	    (int)sizeof sect)
		return inno_error(INNO_EUSAGE, "section %s: name too long",
		    name);
	if ((heading = word(r, sect, "heading", NULL)) == NULL)
		return inno_error(INNO_EUSAGE, "section %s: no heading in "
		    "[%s] of the wording file", name, sect);
	if ((g = realloc(r->secs, (r->nsecs + 1) * sizeof *g)) == NULL)
		return inno_error_nomem();
	r->secs = g;
	s = &r->secs[r->nsecs++];
	memset(s, 0, sizeof *s);
	if ((s->key = strdup(name)) == NULL ||
	    (s->heading = strdup(heading)) == NULL ||
	    (s->group = subst_year(*word(r, sect, "group", "") != '\0' ?
	    word(r, c->kind, "group", word(r, sect, "group", "")) : "",
	    &r->period)) == NULL)
		return inno_error_nomem();
	if ((err = inno_config_keys(r->words, sect, &keys, &n)) != NULL)
		return err;
	c->plan_open = 0;
	/* The programme's budget line, 사업개요, comes first. */
	if ((src = word(r, sect, "programme", NULL)) != NULL && *src != '\0' &&
	    ((err = add_item(s, INNO_RTEXT, 0, NULL, label(c, "overview"), 0,
	    NULL, INNO_RNONE, NULL)) != NULL ||
	    (err = build_overview(c, s, src)) != NULL)) {
		free(keys);
		return err;
	}
	/* Pass 0: lines before the figures; pass 1: the source; 2: after. */
	for (pass = 0; pass < 3 && err == NULL; pass++) {
		if (pass == 1) {
			if (!c->no_results && (src = word(r, sect, "source",
			    NULL)) != NULL && *src != '\0')
				err = run_sources(c, s, name, src,
				    word(r, sect, "results", NULL));
			continue;
		}
		for (i = 0; i < n && err == NULL; i++) {
			k = strchr(keys[i], ':');
			k = k != NULL ? k + 1 : keys[i];
			if (strncmp(k, pass == 0 ? "line" : "after",
			    pass == 0 ? 4 : 5) == 0)
				err = add_line(s, inno_config_str(r->words,
				    keys[i], ""));
		}
	}
	free(keys);
	if (err == NULL)
		err = build_schedule(c, s);
	return err;
}

const char *
inno_report_kinds(const struct inno_report *r)
{
	return word(r, "report", "kinds", "");
}

const struct inno_error *
inno_report_build(struct inno_db *db, const struct inno_config *cfg,
    const struct inno_report_opts *o, struct inno_report **rp)
{
	static const char *const money[] = {"thousand", "million", NULL};
	const struct inno_error *err;
	struct inno_report *r;
	struct ctx c;
	const char *sections, *p, *t;
	char *path = NULL, *name = NULL, kind[128];
	int m;

	*rp = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL)
		return inno_error_nomem();
	r->period = o->period;
	memcpy(r->date, o->as_of, sizeof r->date);
	if ((err = inno_config_choice(cfg, "report:money", money, 0, &m)) !=
	    NULL)
		goto done;
	r->money_million = m == 1;
	if ((path = inno_strf("%s/report/report.ini", o->share)) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	if ((err = inno_config_read(&r->words, path)) != NULL)
		goto done;
	if (snprintf(kind, sizeof kind, "kind.%s", o->kind) >=
	    (int)sizeof kind || (sections = word(r, kind, "sections",
	    NULL)) == NULL) {
		err = inno_error(INNO_EUSAGE, "%s: no report kind", o->kind);
		goto done;
	}
	if ((r->kind = strdup(o->kind)) == NULL ||
	    (r->title = subst_year(word(r, kind, "title", ""),
	    &o->period)) == NULL ||
	    (r->cover = subst_year(word(r, kind, "cover", ""),
	    &o->period)) == NULL ||
	    (r->office = strdup(inno_config_str(cfg, "report:office",
	    ""))) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	memset(&c, 0, sizeof c);
	c.db = db;
	c.cfg = cfg;
	c.r = r;
	c.office = *r->office != '\0' ? r->office : NULL;
	c.no_results = strcmp(word(r, kind, "results", "yes"), "no") == 0;
	c.kind = kind;
	memcpy(c.from, o->period.first, sizeof c.from);
	memcpy(c.to, strcmp(o->as_of, o->period.last) < 0 ? o->as_of :
	    o->period.last, sizeof c.to);
	/* Plans reach to the end of the year the period ends in. */
	snprintf(c.plan_to, sizeof c.plan_to, "%.4s-12-31", o->period.last);
	/*
	 * A report reads the same tables several times over: map the file
	 * and keep a large page cache so that the later passes find their
	 * pages in memory rather than read them again.  Both only affect
	 * this connection.
	 */
	if ((err = inno_db_exec(db, "PRAGMA mmap_size = 268435456; "
	    "PRAGMA cache_size = -65536")) != NULL)
		goto done;
	if ((err = inno_db_begin_read(db)) != NULL)
		goto done;
	for (p = sections; err == NULL && *p != '\0'; p = t) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		for (t = p; *t != '\0' && *t != ' ' && *t != '\t' &&
		    *t != ','; t++)
			;
		free(name);
		if ((name = strndup(p, (size_t)(t - p))) == NULL) {
			err = inno_error_nomem();
			break;
		}
		err = build_section(&c, name);
	}
	inno_db_rollback(db);
done:
	free(name);
	free(path);
	if (err != NULL)
		inno_report_free(r);
	else
		*rp = r;
	return err;
}

void
inno_report_free(struct inno_report *r)
{
	size_t i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->nsecs; i++) {
		for (j = 0; j < r->secs[i].nitems; j++) {
			free(r->secs[i].items[j].key);
			free(r->secs[i].items[j].label);
		}
		free(r->secs[i].items);
		free(r->secs[i].key);
		free(r->secs[i].heading);
		free(r->secs[i].group);
	}
	free(r->secs);
	free(r->kind);
	free(r->title);
	free(r->cover);
	free(r->office);
	inno_config_free(r->words);
	free(r);
}

void
inno_report_check(const struct inno_report *r, struct inno_diag *d)
{
	const struct inno_rsection *s;
	const struct inno_ritem *it;
	int64_t *sum;
	size_t i, j;

	for (i = 0; i < r->nsecs; i++) {
		s = &r->secs[i];
		if ((sum = calloc(s->nitems + 1, sizeof *sum)) == NULL) {
			inno_diag_add(d, "out of memory");
			return;
		}
		for (j = 0; j < s->nitems; j++)
			if (s->items[j].parent != INNO_RNONE)
				sum[s->items[j].parent] += s->items[j].value;
		for (j = 0; j < s->nitems; j++) {
			it = &s->items[j];
			if ((it->split || it->nparts > 0) &&
			    sum[j] != it->value)
				inno_diag_add(d, "%s (%s): total %lld, but "
				    "its parts add up to %lld", it->key != NULL ?
				    it->key : s->key, it->label,
				    (long long)it->value, (long long)sum[j]);
		}
		free(sum);
	}
}
