/*
 * report.c: builds the figure model of a report from the records and the
 * wording file, and checks that parts add up to their totals.  Each section
 * of a kind comes from the wording file; a section naming a source gets
 * its figures from that source's builder, which asks the module that owns
 * the records for them (inno_<noun>_figures) and names no table, so the
 * report and each module's listing cannot disagree.  The renderers live in
 * report_out.c.
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "body.h"
#include "club.h"
#include "course.h"
#include "award.h"
#include "benchmark.h"
#include "budget.h"
#include "idea.h"
#include "knowledge.h"
#include "plan.h"
#include "report.h"
#include "schedule.h"
#include "staff.h"
#include "mvp.h"
#include "task.h"
#include "i18n.h"

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

static const struct inno_error *add_item(struct inno_rsection *,
    enum inno_ritem_kind, int, const char *, const char *, int64_t,
    const char *, size_t, size_t *);

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

const struct inno_error *
inno_report_wording(struct inno_config **words, const char *share)
{
	const struct inno_error *err;
	char *path;

	*words = NULL;
	if ((path = inno_strf("%s/report/report.ini", share)) == NULL)
		return inno_error_nomem();
	err = inno_config_read(words, path);
	free(path);
	return err;
}

/* Whether a kind or year may be part of a file name: no '/', no "..". */
static int
name_safe(const char *s)
{
	return *s != '\0' && *s != '.' && strchr(s, '/') == NULL;
}

const struct inno_error *
inno_report_wording_for(struct inno_config **words, const char *share,
    const char *kind, const char *year, const char *file)
{
	const struct inno_error *err;
	struct stat st;
	char *base, *over = NULL;

	*words = NULL;
	if ((base = inno_strf("%s/report/report.ini", share)) == NULL)
		return inno_error_nomem();
	if (file == NULL && kind != NULL && name_safe(kind)) {
		/* The kind's wording for the year, else for every year. */
		if (year != NULL && name_safe(year) && (over = inno_strf(
		    "%s/report/%s-%s.ini", share, kind, year)) == NULL) {
			free(base);
			return inno_error_nomem();
		}
		if (over != NULL && stat(over, &st) != 0) {
			free(over);
			over = NULL;
		}
		if (over == NULL && (over = inno_strf("%s/report/%s.ini",
		    share, kind)) == NULL) {
			free(base);
			return inno_error_nomem();
		}
		if (stat(over, &st) != 0) {
			free(over);
			over = NULL;
		}
		file = over;
	}
	err = inno_config_read_over(words, file, base);
	free(over);
	free(base);
	return err;
}

const struct inno_error *
inno_report_add(struct inno_rsection *s, enum inno_ritem_kind kind, int level,
    const char *key, const char *label, int64_t value, const char *unit,
    size_t parent, size_t *idx)
{
	return add_item(s, kind, level, key, label, value, unit, parent, idx);
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
	int level = inno_report_mark(&line);

	return add_item(s, INNO_RTEXT, level, NULL, line, 0, NULL, INNO_RNONE,
	    NULL);
}

int
inno_report_mark(const char **line)
{
	static const struct {
		const char *mark;
		int level;
	} marks[] = {{"□", 0}, {"○", 1}, {"-", 2}, {"·", 3}};
	size_t i, n;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		n = strlen(marks[i].mark);
		if (strncmp(*line, marks[i].mark, n) == 0) {
			*line += n;
			while (**line == ' ')
				(*line)++;
			return marks[i].level;
		}
	}
	return 1;
}

/*
 * Adds a figure that must equal the sum of its parts, at level 1; *idx
 * receives its index for the parts that follow.
 */
static const struct inno_error *
add_total(struct ctx *c, struct inno_rsection *s, const char *key,
    int64_t value, const char *unit, size_t *idx)
{
	const struct inno_error *err;

	if ((err = add_item(s, INNO_RFIG, 1, key, label(c, key), value, unit,
	    INNO_RNONE, idx)) != NULL)
		return err;
	s->items[*idx].split = 1;
	return NULL;
}

/*
 * The office's organisation: headcount by team, authorised and current, and
 * by grade, from the organisation's figures (staff.h).  Without a
 * configured office, every department is counted, by department, since
 * employees outside the office need not have a team.  The totals and the
 * parts are counted separately on purpose: an employee of the office with
 * no team makes them disagree, and the check reports it.
 */
static const struct inno_error *
build_staff(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_staff_figures f;
	size_t i, idx;
	char *pl;

	if ((err = inno_staff_figures(c->db, c->office, c->to, &f)) != NULL)
		goto done;
	if ((err = add_item(s, INNO_RTEXT, 0, NULL, label(c, "staff"), 0,
	    NULL, INNO_RNONE, NULL)) != NULL ||
	    (err = add_total(c, s, "staff.authorised", f.authorised, "people",
	    &idx)) != NULL)
		goto done;
	for (i = 0; i < f.nunits; i++)
		if ((f.units[i].has_authorised || !f.units_are_depts) &&
		    (err = add_item(s, INNO_RFIG, 2, NULL, f.units[i].name,
		    f.units[i].authorised, "people", idx, NULL)) != NULL)
			goto done;
	if ((err = add_total(c, s, "staff.current", f.current, "people",
	    &idx)) != NULL)
		goto done;
	for (i = 0; i < f.nunits; i++)
		if ((err = add_item(s, INNO_RFIG, 2, NULL, f.units[i].name,
		    f.units[i].current, "people", idx, NULL)) != NULL)
			goto done;
	if ((err = add_total(c, s, "staff.grades", f.current, "people",
	    &idx)) != NULL)
		goto done;
	for (i = 0; i < f.ngrades; i++) {
		if ((pl = inno_strf("%lld%s", (long long)f.grades[i].grade,
		    inno_report_unit(c->r, "grade"))) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		err = add_item(s, INNO_RFIG, 2, NULL, pl, f.grades[i].current,
		    "people", idx, NULL);
		free(pl);
		if (err != NULL)
			goto done;
	}
done:
	inno_staff_figures_release(&f);
	return err;
}

/*
 * 혁신과제: unit projects by field (the configured fields, in order), each
 * by status; the fields they cover; the focus areas' assigned tasks; and
 * the task forces with their members, from the task figures (task.h) of
 * the period up to the as-of day.
 */
static const struct inno_error *
build_tasks(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	const struct inno_task_field_figures *e;
	struct inno_task_figures f;
	struct inno_task_conf conf;
	struct inno_period p;
	size_t total, field, i;
	char key[64], *line;
	int st;

	memset(&conf, 0, sizeof conf);
	memset(&f, 0, sizeof f);
	memcpy(p.first, c->from, sizeof p.first);
	memcpy(p.last, c->to, sizeof p.last);
	/* The fields of the period's year (task:fields_YYYY), if it has its own. */
	snprintf(key, sizeof key, "%.4s", c->from);
	if ((err = inno_task_conf_load_year(c->cfg, key, &conf)) != NULL ||
	    (err = inno_task_figures(c->db, &conf, &p, &f)) != NULL ||
	    (err = add_total(c, s, "tasks.projects", f.projects, "count",
	    &total)) != NULL)
		goto done;
	for (i = 0; i < f.nbyfield; i++) {
		/*
		 * A field no longer configured is left out of the parts, so
		 * that --check names its tasks.
		 */
		e = &f.byfield[i];
		if (e->tasks == 0 || inno_task_field_index(&conf, e->field) < 0)
			continue;
		if ((err = add_item(s, INNO_RFIG, 2, NULL, e->field, e->tasks,
		    "count", total, &field)) != NULL)
			goto done;
		for (st = 0; st < INNO_TASK_NSTATUS; st++) {
			if (e->status[st] == 0)
				continue;
			snprintf(key, sizeof key, "status.%s",
			    inno_task_statuses[st]);
			if ((err = add_item(s, INNO_RFIG, 3, NULL, label(c, key),
			    e->status[st], "count", field, NULL)) != NULL)
				goto done;
		}
	}
	if ((err = add_item(s, INNO_RFIG, 1, "tasks.fields", label(c,
	    "tasks.fields"), f.fields, "fields", INNO_RNONE, NULL)) != NULL)
		goto done;
	/* The focus areas' assigned tasks (지정과제), one line each. */
	if (f.nfocus > 0 && (err = add_item(s, INNO_RTEXT, 1, NULL,
	    label(c, "tasks.focus"), 0, NULL, INNO_RNONE, NULL)) != NULL)
		goto done;
	for (i = 0; i < f.nfocus; i++) {
		if ((line = inno_strf("%s : %s (%s)", f.focus[i].field,
		    f.focus[i].title, f.focus[i].dept)) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		err = add_item(s, INNO_RTEXT, 2, NULL, line, 0, NULL,
		    INNO_RNONE, NULL);
		free(line);
		if (err != NULL)
			goto done;
	}
	if ((err = add_item(s, INNO_RFIG, 1, "tasks.forces", label(c,
	    "tasks.forces"), f.forces, "teams", INNO_RNONE, NULL)) != NULL)
		goto done;
	/* The tasks of those forces the office names (task-update --named). */
	{
		char **named;
		size_t nnamed, k;

		if ((err = inno_task_named(c->db, c->to, &named, &nnamed)) !=
		    NULL)
			goto done;
		for (k = 0; k < nnamed && err == NULL; k++)
			err = add_item(s, INNO_RTEXT, 2, NULL, named[k], 0, NULL,
			    INNO_RNONE, NULL);
		inno_task_named_free(named, nnamed);
		if (err != NULL)
			goto done;
	}
	err = add_item(s, INNO_RFIG, 1, "tasks.members", label(c,
	    "tasks.members"), f.members, "people", INNO_RNONE, NULL);
done:
	inno_task_figures_release(&f);
	inno_task_conf_release(&conf);
	return err;
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

/* "2007. 3. 19" style day, and "3월" style month, of an ISO date. */
static void
short_date(const char *iso, char buf[16])
{
	snprintf(buf, 16, "%d. %d", atoi(iso + 5), atoi(iso + 8));
}

/*
 * 사업개요: the programme's budget line for the period's year (amount,
 * period, content), from the budget module.
 */
static const struct inno_error *
build_overview(struct ctx *c, struct inno_rsection *s, const char *programme)
{
	const struct inno_error *err;
	struct inno_budget_line l;
	const char *first, *last;
	char *span;
	int found;

	if ((err = inno_budget_line(c->db, atoi(c->r->period.first),
	    programme, &l, &found)) != NULL || !found)
		return err;
	first = l.first;
	last = l.last;
	if ((err = add_item(s, INNO_RFIG, 2, "budget.amount", label(c,
	    "budget.amount"), l.amount, "money", INNO_RNONE, NULL)) != NULL)
		goto done;
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
	if (err == NULL && *l.content != '\0')
		err = add_textf(s, 2, "%s : %s", label(c, "budget.content"),
		    l.content);
done:
	inno_budget_line_release(&l);
	return err;
}

/*
 * 그동안의 주요성과: every award up to the as-of date (not only the
 * period's: the council hears the results since the office began), its
 * incentive money and the projects it funds, from the award module's
 * figures.
 */
static const struct inno_error *
build_awards(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_award_figures f;
	struct inno_ritem tmp;
	struct inno_period p;
	char year[5] = "", day[16], num[32], *pl;
	size_t total, incentive, i;

	/* Since the first year a date may have. */
	memcpy(p.first, "1900-01-01", sizeof p.first);
	memcpy(p.last, c->to, sizeof p.last);
	/* "총 N종의 수상" counts the configured kinds ([award] counted). */
	if ((err = inno_award_figures_counted(c->db, &p, inno_config_str(c->cfg,
	    "award:counted", INNO_AWARD_COUNTED), &f)) != NULL)
		return err;
	if ((err = add_item(s, INNO_RFIG, 1, "awards.count", label(c,
	    "awards.count"), f.awards, "kinds", INNO_RNONE, &total)) != NULL)
		goto done;
	s->items[total].split = 1;
	for (i = 0; i < f.nyears; i++) {
		if ((pl = inno_strf("%s년", f.years[i].year)) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		err = add_item(s, INNO_RFIG, 2, NULL, pl, f.years[i].awards,
		    "kinds", total, NULL);
		free(pl);
		if (err != NULL)
			goto done;
	}
	/*
	 * The incentive money of every award with some (a designation's
	 * too), award by award, so that each is a row of the CSV and their
	 * sum is checked against the total.
	 */
	for (i = 0, tmp.value = 0; i < f.nlist; i++)
		tmp.value += f.list[i].incentive;
	if ((err = add_total(c, s, "awards.incentive", tmp.value,
	    "money.million", &incentive)) != NULL)
		goto done;
	for (i = 0; i < f.nlist; i++)
		if (f.list[i].incentive > 0 && (err = add_item(s, INNO_RFIG, 2,
		    NULL, f.list[i].name, f.list[i].incentive, "money.million",
		    incentive, NULL)) != NULL)
			goto done;
	if ((err = add_item(s, INNO_RFIG, 1, "awards.projects", label(c,
	    "awards.projects"), f.projects, "projects", INNO_RNONE, NULL)) !=
	    NULL ||
	    (err = add_item(s, INNO_RTEXT, 0, NULL, label(c, "awards.list"),
	    0, NULL, INNO_RNONE, NULL)) != NULL)
		goto done;
	for (i = 0; i < f.nlist; i++) {
		const struct inno_award_item *a = &f.list[i];

		if (strncmp(year, a->date, 4) != 0) {
			memcpy(year, a->date, 4);
			if ((err = add_textf(s, 1, "%s년", year)) != NULL)
				goto done;
		}
		short_date(a->date, day);
		if (a->incentive > 0) {
			snprintf(num, sizeof num, "%lld",
			    (long long)((a->incentive + 50000000) /
			    100000000));
			err = add_textf(s, 2, "%s : %s (%s : %s%s)", a->name,
			    day, label(c, "awards.incentive_short"), num,
			    inno_report_unit(c->r, "eok"));
		} else
			err = add_textf(s, 2, "%s : %s", a->name, day);
		if (err != NULL)
			goto done;
	}
	if ((err = add_item(s, INNO_RTEXT, 0, NULL, label(c, "awards.funded"),
	    0, NULL, INNO_RNONE, NULL)) != NULL)
		goto done;
	/*
	 * The projects the office marked major (award-fund --major), or the
	 * five largest when it marked none; each is a figure, so a row of
	 * the CSV.
	 */
	for (i = 0; i < f.ntop; i++) {
		if ((pl = inno_strf("%s(%s)", f.top[i].project,
		    f.top[i].dept)) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		err = add_item(s, INNO_RFIG, 2, NULL, pl, f.top[i].amount,
		    "money.million", INNO_RNONE, NULL);
		free(pl);
		if (err != NULL)
			goto done;
	}
done:
	inno_award_figures_release(&f);
	return err;
}

/*
 * The awards of a programme, in its own section (행정서비스헌장 우수기관 in
 * 행정서비스헌장제 운영): those whose programme is the section's, given
 * in the period up to the as-of date, each with the number of
 * institutions it was contested among.
 */
static const struct inno_error *
build_programme_awards(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_award_figures f;
	struct inno_period p;
	const char *prog;
	char sect[128], day[16];
	size_t i;

	snprintf(sect, sizeof sect, "section.%s", s->key);
	if ((prog = word(c->r, sect, "programme", NULL)) == NULL ||
	    *prog == '\0')
		return NULL;
	memcpy(p.first, c->from, sizeof p.first);
	memcpy(p.last, c->to, sizeof p.last);
	if ((err = inno_award_figures(c->db, &p, &f)) != NULL)
		return err;
	for (i = 0; i < f.nlist && err == NULL; i++) {
		const struct inno_award_item *a = &f.list[i];

		if (a->programme == NULL || strcmp(a->programme, prog) != 0)
			continue;
		short_date(a->date, day);
		if ((err = add_textf(s, 1, "%s : %s", a->name, day)) == NULL &&
		    a->entrants > 0)
			err = add_item(s, INNO_RFIG, 2, "awards.entrants",
			    label(c, "awards.entrants"), a->entrants,
			    "institutions", INNO_RNONE, NULL);
	}
	inno_award_figures_release(&f);
	return err;
}

/*
 * 지식행정: manuals registered, items by kind and expert evaluations by
 * verdict, from the knowledge module's figures of the period.
 */
static const struct inno_error *
build_knowledge(struct ctx *c, struct inno_rsection *s)
{
	static const char *const kinds[] = {"knowledge.work",
	    "knowledge.living", "knowledge.manual"};
	const struct inno_error *err;
	struct inno_knowledge_figures f;
	struct inno_period p;
	size_t total, evals;
	int k;

	memcpy(p.first, c->from, sizeof p.first);
	memcpy(p.last, c->to, sizeof p.last);
	if ((err = inno_knowledge_figures(c->db, &p, c->to, &f)) != NULL)
		return err;
	if ((err = add_item(s, INNO_RFIG, 1, "knowledge.manuals", label(c,
	    "knowledge.manuals"), f.kinds[2], "items", INNO_RNONE, NULL)) !=
	    NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "knowledge.items", label(c,
	    "knowledge.items"), f.items, "items", INNO_RNONE, &total)) != NULL)
		return err;
	s->items[total].split = 1;
	for (k = 0; k < 3; k++)
		if (f.kinds[k] > 0 && (err = add_item(s, INNO_RFIG, 2, NULL,
		    label(c, kinds[k]), f.kinds[k], "items", total, NULL)) !=
		    NULL)
			return err;
	if ((err = add_item(s, INNO_RFIG, 1, "knowledge.evals", label(c,
	    "knowledge.evals"), f.evaluations, "items", INNO_RNONE, &evals)) !=
	    NULL)
		return err;
	s->items[evals].split = 1;
	if (f.approved > 0 && (err = add_item(s, INNO_RFIG, 2, NULL, label(c,
	    "knowledge.approved"), f.approved, "items", evals, NULL)) != NULL)
		return err;
	if (f.rejected > 0 && (err = add_item(s, INNO_RFIG, 2, NULL, label(c,
	    "knowledge.rejected"), f.rejected, "items", evals, NULL)) != NULL)
		return err;
	return NULL;
}

/*
 * 창의구정 아이디어: received, split into those a review decided and
 * those still waiting; the meetings; the reviewed by their decision;
 * a few adopted ones by name.  Every idea is read as it stood at the end
 * of the period (or the as-of day, when earlier), from the idea module.
 */
static const struct inno_error *
build_ideas(struct ctx *c, struct inno_rsection *s)
{
	static const char *const keys[] = {"ideas.adopted", "ideas.rejected",
	    "ideas.held"};
	const struct inno_error *err;
	struct inno_idea_figures f;
	struct inno_period p;
	size_t total, reviewed, k;
	char *examples = NULL, *g;
	int64_t v[3];

	memcpy(p.first, c->from, sizeof p.first);
	memcpy(p.last, c->to, sizeof p.last);
	if ((err = inno_idea_figures(c->db, &p, c->to, &f)) != NULL)
		return err;
	if ((err = add_item(s, INNO_RFIG, 1, "ideas.received", label(c,
	    "ideas.received"), f.received, "items", INNO_RNONE, &total)) !=
	    NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "ideas.reviewed", label(c,
	    "ideas.reviewed"), f.reviewed, "items", total, NULL)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "ideas.waiting", label(c,
	    "ideas.waiting"), f.waiting, "items", total, NULL)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "ideas.meetings", label(c,
	    "ideas.meetings"), f.meetings, "times", INNO_RNONE, NULL)) !=
	    NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "ideas.decided", label(c,
	    "ideas.decided"), f.reviewed, "items", INNO_RNONE, &reviewed)) !=
	    NULL)
		return err;
	s->items[reviewed].split = 1;
	v[0] = f.adopted;
	v[1] = f.rejected;
	v[2] = f.held;
	for (k = 0; k < 3; k++) {
		if (v[k] == 0)
			continue;
		if ((err = add_item(s, INNO_RFIG, 2, NULL, label(c, keys[k]),
		    v[k], "items", reviewed, NULL)) != NULL)
			return err;
	}
	/* A few adopted ideas by name, "안양천 수변 분수대 설치 ... 등". */
	for (k = 0; k < f.nexamples; k++) {
		g = inno_strf("%s%s%s", examples ? examples : "",
		    examples ? ", " : "", f.examples[k]);
		free(examples);
		if ((examples = g) == NULL)
			return inno_error_nomem();
	}
	if (examples != NULL)
		err = add_textf(s, 2, "%s %s", examples, label(c,
		    "ideas.and_more"));
	free(examples);
	return err;
}

/*
 * 벤치마킹: presentations given and institutions that visited, as
 * institutions and as people, and the office's own visits by quarter, all
 * from the benchmarking module's figures of the period.
 */
static const struct inno_error *
build_benchmark(struct ctx *c, struct inno_rsection *s)
{
	enum { OUT, IN, PRES };
	const struct inno_error *err;
	struct inno_benchmark_figures f;
	struct inno_period p;
	size_t inst, people, out;
	char *pl;
	int q;

	memcpy(p.first, c->from, sizeof p.first);
	memcpy(p.last, c->to, sizeof p.last);
	if ((err = inno_benchmark_figures(c->db, &p, &f)) != NULL)
		return err;
	if ((err = add_item(s, INNO_RFIG, 1, "bench.institutions", label(c,
	    "bench.institutions"), f.events[PRES] + f.events[IN],
	    "institutions", INNO_RNONE, &inst)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "bench.presentations", label(c,
	    "bench.presentations"), f.events[PRES], "times", inst, NULL)) !=
	    NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "bench.incoming", label(c,
	    "bench.incoming"), f.events[IN], "institutions", inst, NULL)) !=
	    NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "bench.people", label(c,
	    "bench.people"), f.people[PRES] + f.people[IN], "people",
	    INNO_RNONE, &people)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "bench.presentation_people",
	    label(c, "bench.presentation_people"), f.people[PRES], "people",
	    people, NULL)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 2, "bench.incoming_people",
	    label(c, "bench.incoming_people"), f.people[IN], "people", people,
	    NULL)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "bench.outgoing", label(c,
	    "bench.outgoing"), f.events[OUT], "times", INNO_RNONE, &out)) !=
	    NULL)
		return err;
	if (f.events[OUT] == 0)
		return NULL;
	s->items[out].split = 1;
	for (q = 0; q < 4; q++) {
		if (f.outgoing_quarter[q] == 0)
			continue;
		if ((pl = inno_strf("%d%s", q + 1, label(c, "bench.quarter"))) ==
		    NULL)
			return inno_error_nomem();
		err = add_item(s, INNO_RFIG, 2, NULL, pl, f.outgoing_quarter[q],
		    "times", out, NULL);
		free(pl);
		if (err != NULL)
			return err;
	}
	return NULL;
}

static const struct inno_error *build_mvp_count(struct ctx *,
    struct inno_rsection *);

/*
 * Mileage: innovation points of the period by month and by department
 * (혁신마일리지), CS points by month as a figure of their own, and the
 * people the MVP schemes honoured, as the mileage and MVP modules count
 * them (inno_mileage_figures, inno_mvp_figures).
 */
static const struct inno_error *
add_mileage_parts(struct inno_rsection *s, size_t parent,
    const struct inno_mileage_part *parts, size_t n, int month,
    const char *suffix)
{
	const struct inno_error *err;
	char *pl;
	size_t i;

	s->items[parent].split = 1;
	for (i = 0; i < n; i++) {
		/* A month's label is its number: "3월". */
		if ((pl = month ? inno_strf("%d%s", atoi(parts[i].label + 5),
		    suffix) : inno_strf("%s", parts[i].label)) == NULL)
			return inno_error_nomem();
		err = add_item(s, INNO_RFIG, s->items[parent].level + 1, NULL,
		    pl, parts[i].points, "points", parent, NULL);
		free(pl);
		if (err != NULL)
			return err;
	}
	return NULL;
}

/* The period the report counts: from its start to the as-of date. */
static void
counted(const struct ctx *c, struct inno_period *p)
{
	snprintf(p->first, sizeof p->first, "%s", c->from);
	snprintf(p->last, sizeof p->last, "%s", c->to);
}

static const struct inno_error *
build_mileage_month(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_mileage_figures f;
	struct inno_period p;
	size_t month;

	counted(c, &p);
	if ((err = inno_mileage_figures(c->db, &p, &f)) == NULL &&
	    (err = add_item(s, INNO_RFIG, 1, "mileage.by_month", label(c,
	    "mileage.by_month"), f.innovation, "points", INNO_RNONE,
	    &month)) == NULL)
		err = add_mileage_parts(s, month, f.months, f.nmonths, 1,
		    label(c, "mileage.month"));
	/* CS mileage is never summed into 혁신마일리지: a line of its own. */
	if (err == NULL && f.cs != 0 && (err = add_item(s, INNO_RFIG, 1,
	    "mileage.cs_by_month", label(c, "mileage.cs_by_month"), f.cs,
	    "points", INNO_RNONE, &month)) == NULL)
		err = add_mileage_parts(s, month, f.cs_months, f.ncs_months, 1,
		    label(c, "mileage.month"));
	inno_mileage_figures_release(&f);
	return err;
}

static const struct inno_error *
build_mileage(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_mileage_figures f;
	struct inno_period p;
	size_t dept;

	if ((err = build_mileage_month(c, s)) != NULL)
		return err;
	counted(c, &p);
	if ((err = inno_mileage_figures(c->db, &p, &f)) == NULL &&
	    (err = add_item(s, INNO_RFIG, 1, "mileage.by_dept", label(c,
	    "mileage.by_dept"), f.innovation, "points", INNO_RNONE, &dept)) ==
	    NULL)
		err = add_mileage_parts(s, dept, f.depts, f.ndepts, 0, "");
	inno_mileage_figures_release(&f);
	if (err != NULL)
		return err;
	return build_mvp_count(c, s);
}

/*
 * The people the monthly MVP schemes honoured in the period (each once a
 * scheme), then the places of a year scheme whose year ends in it.
 */
static const struct inno_error *
build_mvp_count(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_mvp_figures f;
	char first[8], last[8], *l;
	size_t i;

	snprintf(first, sizeof first, "%.7s", c->from);
	snprintf(last, sizeof last, "%.7s", c->to);
	if ((err = inno_mvp_figures(c->db, first, last, &f)) != NULL ||
	    (err = add_item(s, INNO_RFIG, 1, "mileage.mvp", label(c,
	    "mileage.mvp"), f.monthly_people, "people", INNO_RNONE,
	    NULL)) != NULL || f.nplaces == 0 ||
	    (err = add_item(s, INNO_RFIG, 1, "mileage.mvp_year", label(c,
	    "mileage.mvp_year"), (int64_t)f.nplaces, "people", INNO_RNONE,
	    NULL)) != NULL)
		goto done;
	/* The places are named, not parts: their points are no headcount. */
	for (i = 0; i < f.nplaces; i++) {
		if ((l = inno_strf("%lld%s %s (%s)", (long long)f.places[i].place,
		    label(c, "mvp.place"), f.places[i].name,
		    f.places[i].dept)) == NULL) {
			err = inno_error_nomem();
			break;
		}
		err = add_item(s, INNO_RFIG, 2, "mileage.mvp_year.place", l,
		    f.places[i].points, "points", INNO_RNONE, NULL);
		free(l);
		if (err != NULL)
			break;
	}
done:
	inno_mvp_figures_release(&f);
	return err;
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
 * 학습동아리: the clubs on the register by kind, with the first of each
 * kind named ("정책품질관리 연구 외 11"), and the clubs funded in the
 * period with the money they received: inno_club_figures, which are
 * club-list's --by=kind rows.  A kind funded nothing has no part.
 */
static const struct inno_error *
build_clubs(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_club_figures f;
	const struct inno_club_kind *k;
	const char *kl[sizeof f.kind / sizeof f.kind[0]];
	size_t total, funded, i;

	if ((err = inno_club_figures(c->db, &c->r->period, c->r->date,
	    &f)) != NULL)
		return err;
	for (i = 0; i < f.nkind; i++)
		kl[i] = label(c, strcmp(f.kind[i].kind, "strategic") == 0 ?
		    "clubs.strategic" : "clubs.departmental");
	if ((err = add_item(s, INNO_RFIG, 1, "clubs.registered", label(c,
	    "clubs.registered"), f.clubs, "clubs", INNO_RNONE, &total)) !=
	    NULL)
		return err;
	s->items[total].split = 1;
	for (i = 0; i < f.nkind; i++)
		if ((err = add_item(s, INNO_RFIG, 2, NULL, kl[i],
		    f.kind[i].clubs, "clubs", total, NULL)) != NULL)
			return err;
	for (i = 0; i < f.nkind; i++) {
		k = &f.kind[i];
		if (k->clubs > 1)
			err = add_textf(s, 2, "%s : %s %s %lld", kl[i],
			    k->first, label(c, "clubs.and"),
			    (long long)(k->clubs - 1));
		else
			err = add_textf(s, 2, "%s : %s", kl[i], k->first);
		if (err != NULL)
			return err;
	}
	if ((err = add_item(s, INNO_RFIG, 1, "clubs.funded", label(c,
	    "clubs.funded"), f.funded, "clubs", INNO_RNONE, &funded)) != NULL)
		return err;
	s->items[funded].split = 1;
	for (i = 0; i < f.nkind; i++)
		if (f.kind[i].funded > 0 && (err = add_item(s, INNO_RFIG, 2,
		    NULL, kl[i], f.kind[i].funded, "clubs", funded, NULL)) !=
		    NULL)
			return err;
	return add_item(s, INNO_RFIG, 1, "clubs.grants", label(c,
	    "clubs.grants"), f.granted, "money", INNO_RNONE, NULL);
}

static char *sched_when(const char *a, const char *b, int month);

/*
 * When a course is held, as the council report writes it: "3. 26" (one
 * day), "3. 23~24" (days of one month), "4월" or "2~3월" (whole months),
 * else "6. 10 ~ 7. 10".  The caller frees the string.
 */
static char *
course_span(const char *a, const char *b)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	int ma = atoi(a + 5), mb = atoi(b + 5), yb = atoi(b), last;

	last = mdays[(mb - 1) % 12] + (mb == 2 && ((yb % 4 == 0 &&
	    yb % 100 != 0) || yb % 400 == 0));
	if (strcmp(a, b) == 0)
		return inno_strf("%d. %d", ma, atoi(a + 8));
	if (atoi(a + 8) == 1 && atoi(b + 8) == last &&
	    strncmp(a, b, 4) == 0)
		return ma == mb ? inno_strf("%d월", ma) :
		    inno_strf("%d~%d월", ma, mb);
	if (strncmp(a, b, 7) == 0)
		return inno_strf("%d. %d~%d", ma, atoi(a + 8), atoi(b + 8));
	return inno_strf("%d. %d ~ %d. %d", ma, atoi(a + 8), mb, atoi(b + 8));
}

/*
 * The catalogue of rounds k[0..n) as one figure, "교육과정 (1·2차: 성과를
 * 만드는 코칭의 기술 외) : 37과정", when the rounds record one.
 */
static const struct inno_error *
add_catalogue(struct ctx *c, struct inno_rsection *s,
    const struct inno_course_round *const *k, size_t n)
{
	const struct inno_error *err;
	char *rounds = NULL, *l, *g;
	size_t i;

	if (n == 0 || k[0]->catalogue == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		g = inno_strf("%s%s%lld", rounds != NULL ? rounds : "",
		    i > 0 ? "·" : "", (long long)k[i]->round);
		free(rounds);
		if ((rounds = g) == NULL)
			return inno_error_nomem();
	}
	if (*k[0]->catalogue_name != '\0')
		l = inno_strf("%s (%s%s: %s %s)", label(c, "training.catalogue"),
		    rounds, label(c, "training.round"), k[0]->catalogue_name,
		    label(c, "clubs.and"));
	else
		l = inno_strf("%s (%s%s)", label(c, "training.catalogue"),
		    rounds, label(c, "training.round"));
	free(rounds);
	if (l == NULL)
		return inno_error_nomem();
	err = add_item(s, INNO_RFIG, 2, NULL, l, k[0]->catalogue, "courses",
	    INNO_RNONE, NULL);
	free(l);
	return err;
}

/*
 * 교육·학습 and the training of other programmes: the courses of the
 * section's programme (its wording's programme; unfiled = yes takes the
 * courses recorded without one too).  E-learning completions in the
 * period by round ("1차 (2~3월) 154, 2차 (4월) 132") with their
 * catalogues, rounds in progress on the as-of date with their enrolment,
 * and every other course once, its rounds numbered and totalled
 * ("3회 ... 1,156명 (1차 400, 2차 400, 3차 356)"), its days as a span and
 * its target group under it; then, as plan, the courses that start after
 * the as-of date.  The figures are inno_course_figures_of, course-list
 * --programme's rows; a round counts its recorded head count, or else its
 * enrolments.
 */
static const struct inno_error *
build_training(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_course_figures f, plan;
	struct inno_period ahead;
	const struct inno_course_round *k, **run = NULL;
	const char *prog;
	char sect[128], *l, *span;
	size_t total, i, j, n, nrun;
	int unfiled;
	int64_t sum;

	memset(&plan, 0, sizeof plan);
	snprintf(sect, sizeof sect, "section.%s", s->key);
	prog = word(c->r, sect, "programme", NULL);
	if (prog != NULL && *prog == '\0')
		prog = NULL;
	unfiled = strcmp(word(c->r, sect, "unfiled", "no"), "yes") == 0;
	/* A section of no programme shows every course, as before. */
	if (prog == NULL)
		unfiled = 1;
	if ((err = inno_course_figures_of(c->db, &c->r->period, c->r->date,
	    "e-learning", prog, unfiled, &f)) != NULL)
		goto done;
	if ((run = calloc(f.nround + 1, sizeof *run)) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	if ((unfiled || f.completed > 0) && (err = add_item(s, INNO_RFIG, 1,
	    "training.completed", label(c, "training.completed"), f.completed,
	    "people", INNO_RNONE, &total)) != NULL)
		goto done;
	if (unfiled || f.completed > 0)
		s->items[total].split = 1;
	for (i = 0, nrun = 0; i < f.nround; i++) {
		k = &f.round[i];
		if (k->completed == 0)
			continue;
		if ((span = course_span(k->start, k->end)) == NULL ||
		    (l = inno_strf("%lld%s (%s)", (long long)k->round, label(c,
		    "training.round"), span)) == NULL) {
			free(span);
			err = inno_error_nomem();
			goto done;
		}
		free(span);
		err = add_item(s, INNO_RFIG, 2, NULL, l, k->completed,
		    "people", total, NULL);
		free(l);
		if (err != NULL)
			goto done;
	}
	/* One catalogue line for each run of rounds sharing a catalogue. */
	for (i = 0, nrun = 0; i < f.nround; i++) {
		k = &f.round[i];
		if (k->completed == 0 || k->state == INNO_COURSE_RUNNING)
			continue;
		if (nrun > 0 && (k->catalogue != run[0]->catalogue ||
		    strcmp(k->catalogue_name, run[0]->catalogue_name) != 0)) {
			if ((err = add_catalogue(c, s, run, nrun)) != NULL)
				goto done;
			nrun = 0;
		}
		run[nrun++] = k;
	}
	if ((err = add_catalogue(c, s, run, nrun)) != NULL)
		goto done;
	/* Rounds running on the as-of date, and the other training held. */
	inno_course_figures_release(&f);
	free(run);
	run = NULL;
	if ((err = inno_course_figures_of(c->db, &c->r->period, c->r->date,
	    NULL, prog, unfiled, &f)) != NULL)
		goto done;
	for (i = 0; i < f.nround; i++) {
		k = &f.round[i];
		if (strcmp(k->kind, "e-learning") == 0) {
			if (k->state != INNO_COURSE_RUNNING)
				continue;
			if ((span = course_span(k->start, k->end)) == NULL ||
			    (l = inno_strf("%lld%s %s %s (%s)",
			    (long long)k->round, label(c, "training.round"),
			    k->name, label(c, "training.ongoing"), span)) ==
			    NULL) {
				free(span);
				err = inno_error_nomem();
				goto done;
			}
			free(span);
			err = add_item(s, INNO_RFIG, 1, NULL, l, k->enrolled,
			    "people", INNO_RNONE, NULL);
			free(l);
			if (err == NULL)
				err = add_catalogue(c, s, &k, 1);
			if (err != NULL)
				goto done;
			continue;
		}
		/* Each other course once, at its first round held. */
		for (j = 0; j < i; j++)
			if (strcmp(f.round[j].name, k->name) == 0)
				break;
		if (j < i)
			continue;
		for (j = i, n = 0, sum = 0; j < f.nround; j++)
			if (strcmp(f.round[j].name, k->name) == 0) {
				n++;
				sum += f.round[j].people;
			}
		if (n == 1) {
			if ((span = course_span(k->start, k->end)) == NULL ||
			    (l = inno_strf("%s (%s)", k->name, span)) == NULL) {
				free(span);
				err = inno_error_nomem();
				goto done;
			}
			free(span);
			err = add_item(s, INNO_RFIG, 1, NULL, l, k->people,
			    "people", INNO_RNONE, NULL);
			free(l);
		} else {
			if ((l = inno_strf("%s (%zu%s)", k->name, n,
			    inno_report_unit(c->r, "times"))) == NULL) {
				err = inno_error_nomem();
				goto done;
			}
			err = add_item(s, INNO_RFIG, 1, NULL, l, sum, "people",
			    INNO_RNONE, &total);
			free(l);
			if (err != NULL)
				goto done;
			s->items[total].split = 1;
			for (j = i; j < f.nround && err == NULL; j++) {
				const struct inno_course_round *q =
				    &f.round[j];

				if (strcmp(q->name, k->name) != 0)
					continue;
				if ((span = course_span(q->start, q->end)) ==
				    NULL || (l = inno_strf("%lld%s (%s)",
				    (long long)q->round, label(c,
				    "training.round"), span)) == NULL) {
					free(span);
					err = inno_error_nomem();
					goto done;
				}
				free(span);
				err = add_item(s, INNO_RFIG, 2, NULL, l,
				    q->people, "people", total, NULL);
				free(l);
			}
		}
		if (err == NULL && *k->target != '\0')
			err = add_textf(s, 2, "%s : %s", label(c,
			    "training.target"), k->target);
		if (err != NULL)
			goto done;
	}
	/* The plan: courses that start after the as-of date this year. */
	memcpy(ahead.first, c->r->date, sizeof ahead.first);
	memcpy(ahead.last, c->plan_to, sizeof ahead.last);
	if ((err = inno_course_figures_of(c->db, &ahead, c->plan_to, NULL,
	    prog, unfiled, &plan)) != NULL)
		goto done;
	for (i = 0; i < plan.nround; i++) {
		k = &plan.round[i];
		if (strcmp(k->start, c->r->date) <= 0)
			continue;
		if ((err = plan_heading(c, s)) != NULL)
			goto done;
		if ((span = sched_when(k->start, k->end, 1)) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		if (strcmp(k->kind, "e-learning") == 0)
			err = add_textf(s, 2, "%s : %lld%s %s %s", span,
			    (long long)k->round, label(c, "training.round"),
			    k->name, label(c, "training.held"));
		else if (*k->target != '\0')
			err = add_textf(s, 2, "%s : %s (%s)", span, k->name,
			    k->target);
		else
			err = add_textf(s, 2, "%s : %s", span, k->name);
		free(span);
		if (err != NULL)
			goto done;
	}
done:
	free(run);
	inno_course_figures_release(&f);
	inno_course_figures_release(&plan);
	return err;
}

/*
 * The monthly MVP notice: for each month of the period with a decision,
 * the MVP person and department with their points, then the month's five
 * best eligible people, all from one ranking of the mvp module (what
 * mileage-mvp --explain shows), so the winner is always the first place.
 */
static const struct inno_error *
build_mvp(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_mvp_result res;
	const struct inno_mvp_cand *p;
	char (*months)[8] = NULL, first[8], last[8], *l;
	size_t n = 0, i, k;

	snprintf(first, sizeof first, "%.7s", c->from);
	snprintf(last, sizeof last, "%.7s", c->to);
	if ((err = inno_mvp_months(c->db, first, last, &months, &n)) != NULL)
		return err;
	memset(&res, 0, sizeof res);
	for (i = 0; err == NULL && i < n; i++) {
		inno_mvp_result_release(&res);
		if ((err = add_textf(s, 0, "%.4s년 %d월 %s", months[i],
		    atoi(months[i] + 5), label(c, "mvp.month"))) != NULL ||
		    (err = inno_mvp_rank(c->db, months[i], &res)) != NULL)
			break;
		if (res.npersons > 0 && res.persons[0].eligible) {
			p = &res.persons[0];
			if ((l = inno_strf("%s %s(%s)", label(c, "mvp.person"),
			    p->name, p->dept)) == NULL) {
				err = inno_error_nomem();
				break;
			}
			err = add_item(s, INNO_RFIG, 1, "mvp.person", l,
			    p->points, "points", INNO_RNONE, NULL);
			free(l);
		}
		if (err == NULL && res.ndepts > 0 && res.depts[0].eligible) {
			p = &res.depts[0];
			if ((l = inno_strf("%s %s", label(c, "mvp.dept"),
			    p->key)) == NULL) {
				err = inno_error_nomem();
				break;
			}
			err = add_item(s, INNO_RFIG, 1, "mvp.dept", l,
			    p->points, "points", INNO_RNONE, NULL);
			free(l);
		}
		if (err != NULL || (err = add_item(s, INNO_RTEXT, 1, NULL,
		    label(c, "mvp.ranking"), 0, NULL, INNO_RNONE, NULL)) != NULL)
			break;
		for (k = 0; k < res.npersons && k < 5; k++) {
			p = &res.persons[k];
			if (!p->eligible)
				break;	/* the eligible come first */
			if ((l = inno_strf("%zu%s %s (%s)", p->rank, label(c,
			    "mvp.place"), p->name, p->dept)) == NULL) {
				err = inno_error_nomem();
				break;
			}
			err = add_item(s, INNO_RFIG, 2, "mvp.rank", l,
			    p->points, "points", INNO_RNONE, NULL);
			free(l);
			if (err != NULL)
				break;
		}
	}
	inno_mvp_result_release(&res);
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
	struct inno_task_due *v;
	char month[8] = "", day[16];
	size_t n, i;

	if ((err = inno_task_dues(c->db, &c->r->period, c->r->date, &v,
	    &n)) != NULL)
		return err;
	for (i = 0; i < n && err == NULL; i++) {
		if (strncmp(month, v[i].due, 7) != 0) {
			snprintf(month, sizeof month, "%.7s", v[i].due);
			if ((err = add_textf(s, 0, "%.4s. %d월", v[i].due,
			    atoi(v[i].due + 5))) != NULL)
				break;
		}
		short_date(v[i].due, day);
		err = add_textf(s, 2, "%s (%s) : %s [%s] %s", day, v[i].field,
		    v[i].task, v[i].title, label(c, v[i].reached ?
		    "roadmap.done" : "roadmap.open"));
	}
	inno_task_dues_free(v, n);
	return err;
}

/*
 * Programme activity (activity-log) and bodies (body-add): the section's
 * programme's activity in the period, one kind after another in the
 * order of the wording's [activity.KIND] sections, each shown as its
 * section says: a label (with {title}, {date}, {span} and {note} filled
 * in), the count it shows (count = times, people, items, units, depts,
 * winners, or none for a line without a figure) with its unit, parts
 * (parts = titles, months, grades or readings) and further figures
 * (people.label, items.label, ..., attendance.label, participants.label,
 * covers.label, title.label).  The figures are inno_activity_figures,
 * activity-list's sums.
 */

/* "2007. 5. 28. ~ 5. 31.", or "2007. 5. 28." for one day, into buf. */
static void
act_span(const char *a, const char *b, char *buf, size_t size)
{
	if (*b == '\0' || strcmp(a, b) == 0)
		snprintf(buf, size, "%.4s. %d. %d.", a, atoi(a + 5),
		    atoi(a + 8));
	else if (strncmp(a, b, 4) == 0)
		snprintf(buf, size, "%.4s. %d. %d. ~ %d. %d.", a, atoi(a + 5),
		    atoi(a + 8), atoi(b + 5), atoi(b + 8));
	else
		snprintf(buf, size, "%.4s. %d. %d. ~ %.4s. %d. %d.", a,
		    atoi(a + 5), atoi(a + 8), b, atoi(b + 5), atoi(b + 8));
}

/* The template t with {title}, {date}, {span}, {covers}, {note} filled. */
static char *
act_fill(const char *t, const struct inno_activity_kind *k)
{
	char date[16], span[64], covers[64], *out = NULL, *g;
	const char *title = k->ntitles > 0 ? k->titles[0].title :
	    k->nreadings > 0 ? k->readings[k->nreadings - 1].title : "";
	const char *v, *p;
	size_t n;

	short_date(k->first, date);
	act_span(k->first, k->last, span, sizeof span);
	if (k->covers_from[0] != '\0')
		act_span(k->covers_from, k->covers_to, covers, sizeof covers);
	else
		covers[0] = '\0';
	if ((out = strdup("")) == NULL)
		return NULL;
	for (p = t; *p != '\0'; p += n) {
		v = NULL;
		n = 1;
		if (strncmp(p, "{title}", 7) == 0)
			v = title, n = 7;
		else if (strncmp(p, "{date}", 6) == 0)
			v = date, n = 6;
		else if (strncmp(p, "{span}", 6) == 0)
			v = span, n = 6;
		else if (strncmp(p, "{covers}", 8) == 0)
			v = covers, n = 8;
		else if (strncmp(p, "{note}", 6) == 0)
			v = k->note != NULL ? k->note : "", n = 6;
		if (v != NULL)
			g = inno_strf("%s%s", out, v);
		else
			g = inno_strf("%s%c", out, *p);
		free(out);
		if ((out = g) == NULL)
			return NULL;
	}
	return out;
}

/* The unit key a count shows in when the wording names none. */
static const char *
act_unit(int count)
{
	static const char *const units[] = {"times", "people", "items",
	    "count", "count", "count"};

	return count >= 0 && count < INNO_PAC_N ? units[count] : "count";
}

/* A figure from the template in key of kind section ks; *idx its index. */
static const struct inno_error *
act_figure(struct ctx *c, struct inno_rsection *s,
    const struct inno_activity_kind *k, const char *ks, const char *key,
    const char *figkey, int level, int64_t value, const char *unit,
    size_t parent, size_t *idx)
{
	const struct inno_error *err;
	const char *t;
	char *l;

	if ((t = word(c->r, ks, key, NULL)) == NULL || *t == '\0') {
		if (idx != NULL)
			*idx = INNO_RNONE;
		return NULL;
	}
	if ((l = act_fill(t, k)) == NULL)
		return inno_error_nomem();
	err = add_item(s, INNO_RFIG, level, figkey, l, value, unit, parent,
	    idx);
	free(l);
	return err;
}

static const struct inno_error *
act_kind(struct ctx *c, struct inno_rsection *s,
    const struct inno_activity_kind *k)
{
	static const char *const grades[] = {"", "1급", "2급", "3급", "4급",
	    "5급", "6급", "7급", "8급", "9급"};
	const struct inno_error *err;
	const char *cnt, *unit, *parts, *t;
	char ks[128], key[64], fk[192], part[32], *l;
	size_t total = INNO_RNONE, who, i;
	int main_count, j;

	snprintf(ks, sizeof ks, "activity.%s", k->kind);
	snprintf(fk, sizeof fk, "activity.%s", k->kind);
	cnt = word(c->r, ks, "count", "times");
	main_count = inno_word_index(inno_activity_counts, cnt);
	unit = word(c->r, ks, "unit", act_unit(main_count));
	parts = word(c->r, ks, "parts", "none");
	if (main_count < 0) {
		/* count = none: a line of its own, without a figure. */
		if ((l = act_fill(word(c->r, ks, "label", k->kind), k)) ==
		    NULL)
			return inno_error_nomem();
		err = add_item(s, INNO_RTEXT, 1, NULL, l, 0, NULL, INNO_RNONE,
		    NULL);
		free(l);
	} else {
		if ((l = act_fill(word(c->r, ks, "label", k->kind), k)) ==
		    NULL)
			return inno_error_nomem();
		/* A gauge shown with its readings says the year of each. */
		if (strcmp(parts, "readings") == 0 && k->nreadings > 0) {
			t = l;
			l = inno_strf("%s ('%.2s년)", t,
			    k->readings[k->nreadings - 1].date + 2);
			free((char *)t);
			if (l == NULL)
				return inno_error_nomem();
		}
		err = add_item(s, INNO_RFIG, 1, fk, l, k->count[main_count],
		    unit, INNO_RNONE, &total);
		free(l);
	}
	if (err != NULL)
		return err;
	if (total != INNO_RNONE && strcmp(parts, "titles") == 0) {
		s->items[total].split = 1;
		for (i = 0; i < k->ntitles && err == NULL; i++)
			err = add_item(s, INNO_RFIG, 2, NULL,
			    k->titles[i].title, k->titles[i].count[main_count],
			    unit, total, NULL);
	} else if (total != INNO_RNONE && strcmp(parts, "months") == 0) {
		s->items[total].split = main_count == INNO_PAC_TIMES;
		for (j = 0; j < 12 && err == NULL; j++) {
			if (k->month[j] == 0)
				continue;
			snprintf(part, sizeof part, "%d%s", j + 1, label(c,
			    "mileage.month"));
			err = add_item(s, INNO_RFIG, 2, NULL, part,
			    k->month[j], unit, total, NULL);
		}
	} else if (total != INNO_RNONE && strcmp(parts, "readings") == 0 &&
	    k->nreadings > 0) {
		/* The earlier readings, each a figure of its own. */
		for (i = k->nreadings - 1; i-- > 0 && err == NULL;) {
			if ((l = inno_strf("%s ('%.2s년)", word(c->r, ks,
			    "label", k->kind), k->readings[i].date + 2)) ==
			    NULL)
				return inno_error_nomem();
			snprintf(fk, sizeof fk, "activity.%s.reading", k->kind);
			err = add_item(s, INNO_RFIG, 2, fk, l,
			    k->readings[i].count[main_count], unit,
			    INNO_RNONE, NULL);
			free(l);
		}
	}
	/* Further counts, each with a label of its own. */
	for (j = 0; j < INNO_PAC_N && err == NULL; j++) {
		if (j == main_count)
			continue;
		snprintf(key, sizeof key, "%s.label", inno_activity_counts[j]);
		snprintf(fk, sizeof fk, "activity.%s.%s", k->kind,
		    inno_activity_counts[j]);
		snprintf(part, sizeof part, "%s.unit", inno_activity_counts[j]);
		err = act_figure(c, s, k, ks, key, fk, 2, k->count[j],
		    word(c->r, ks, part, act_unit(j)), INNO_RNONE, NULL);
	}
	if (err == NULL) {
		snprintf(fk, sizeof fk, "activity.%s.attendance", k->kind);
		err = act_figure(c, s, k, ks, "attendance.label", fk, 2,
		    k->attendance, "people", INNO_RNONE, NULL);
	}
	if (err == NULL) {
		snprintf(fk, sizeof fk, "activity.%s.participants", k->kind);
		err = act_figure(c, s, k, ks, "participants.label", fk, 2,
		    k->participants, "people", INNO_RNONE, &who);
		if (err == NULL && who != INNO_RNONE) {
			s->items[who].split = 1;
			for (j = 1; j <= 9 && err == NULL; j++)
				if (k->grade[j] > 0)
					err = add_item(s, INNO_RFIG, 3, NULL,
					    grades[j], k->grade[j], "people",
					    who, NULL);
		}
	}
	if (err == NULL && k->covers_from[0] != '\0') {
		/* The period evaluated, in months (5개월). */
		int64_t months = (atoi(k->covers_to) - atoi(k->covers_from)) *
		    12 + atoi(k->covers_to + 5) - atoi(k->covers_from + 5) + 1;

		snprintf(fk, sizeof fk, "activity.%s.covers", k->kind);
		err = act_figure(c, s, k, ks, "covers.label", fk, 2, months,
		    "months", INNO_RNONE, NULL);
	}
	if (err == NULL && (t = word(c->r, ks, "title.label", NULL)) != NULL &&
	    *t != '\0') {
		snprintf(fk, sizeof fk, "activity.%s.title", k->kind);
		err = act_figure(c, s, k, ks, "title.label", fk, 2, 1,
		    word(c->r, ks, "title.unit", "items"), INNO_RNONE, NULL);
	}
	return err;
}

static const struct inno_error *
build_activity(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_activity_figures f;
	struct inno_period p;
	const char *prog;
	char sect[160];
	size_t i;

	snprintf(sect, sizeof sect, "section.%s", s->key);
	prog = word(c->r, sect, "activity_programme", word(c->r, sect,
	    "programme", NULL));
	if (prog == NULL || *prog == '\0')
		return NULL;
	memcpy(p.first, c->from, sizeof p.first);
	memcpy(p.last, c->to, sizeof p.last);
	err = inno_activity_figures(c->db, c->r->words, prog, &p, c->to, &f);
	for (i = 0; err == NULL && i < f.nkinds; i++)
		err = act_kind(c, s, &f.kinds[i]);
	inno_activity_figures_release(&f);
	return err;
}

/*
 * The meetings the section's programme's bodies held in the period, one
 * figure a body, labelled by [label] bodies.meetings with {name},
 * {note}, {(note)} (the note in brackets, when there is one) and {dates}
 * filled in: inno_body_figures, body-list's rows.
 */
static const struct inno_error *
build_bodies(struct ctx *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_body_figures f;
	const struct inno_body_item *b;
	struct inno_period p;
	const char *prog, *t, *v;
	char sect[160], day[16], *dates = NULL, *l, *g;
	size_t i, k, n;

	snprintf(sect, sizeof sect, "section.%s", s->key);
	prog = word(c->r, sect, "programme", NULL);
	if (prog == NULL || *prog == '\0')
		return NULL;
	memcpy(p.first, c->from, sizeof p.first);
	memcpy(p.last, c->to, sizeof p.last);
	err = inno_body_figures(c->db, prog, &p, c->to, &f);
	for (i = 0; err == NULL && i < f.nbodies; i++) {
		b = &f.bodies[i];
		if (b->meetings == 0)
			continue;
		free(dates);
		if ((dates = strdup("")) == NULL) {
			err = inno_error_nomem();
			break;
		}
		for (k = 0; k < (size_t)b->meetings && dates != NULL; k++) {
			short_date(b->dates[k], day);
			g = inno_strf("%s%s%s", dates, k > 0 ? ", " : "", day);
			free(dates);
			dates = g;
		}
		if (dates == NULL || (l = strdup("")) == NULL) {
			err = inno_error_nomem();
			break;
		}
		for (t = label(c, "bodies.meetings"); *t != '\0' && l != NULL;
		    t += n) {
			v = NULL;
			n = 1;
			if (strncmp(t, "{name}", 6) == 0)
				v = b->name, n = 6;
			else if (strncmp(t, "{note}", 6) == 0)
				v = b->note, n = 6;
			else if (strncmp(t, "{(note)}", 8) == 0) {
				/* The note in brackets, or nothing. */
				g = *b->note != '\0' ? inno_strf("%s(%s)", l,
				    b->note) : strdup(l);
				free(l);
				l = g;
				n = 8;
				continue;
			} else if (strncmp(t, "{dates}", 7) == 0)
				v = dates, n = 7;
			g = v != NULL ? inno_strf("%s%s", l, v) :
			    inno_strf("%s%c", l, *t);
			free(l);
			l = g;
		}
		if (l == NULL) {
			err = inno_error_nomem();
			break;
		}
		err = add_item(s, INNO_RFIG, 1, "bodies.meetings", l,
		    b->meetings, "times", INNO_RNONE, NULL);
		free(l);
	}
	free(dates);
	inno_body_figures_release(&f);
	return err;
}

static const struct {
	const char *name;
	builder_fn fn;
} sources[] = {
	{"staff", build_staff},
	{"tasks", build_tasks},
	{"awards", build_awards},
	{"programme_awards", build_programme_awards},
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
	{"activity", build_activity},
	{"bodies", build_bodies},
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
 * The months of an event held in several, "2007-07 2007-12", as one:
 * "2007. 7월·12월" (a later year is written out).  The caller frees it.
 */
static char *
sched_months(const char *list)
{
	char *out, *g;
	const char *p;

	if ((out = inno_strf("%.4s. %d월", list, atoi(list + 5))) == NULL)
		return NULL;
	for (p = list + 7; *p == ' '; p += 8) {
		if (strncmp(p + 1, list, 4) == 0)
			g = inno_strf("%s·%d월", out, atoi(p + 6));
		else
			g = inno_strf("%s·%.4s. %d월", out, p + 1, atoi(p + 6));
		free(out);
		if ((out = g) == NULL)
			return NULL;
	}
	return out;
}

/*
 * 향후추진계획: the section's scheduled events still ahead on the as-of
 * date (an event under way counts), up to the end of the year.
 */
static const struct inno_error *
build_schedule(struct ctx *c, struct inno_rsection *s, const char *section)
{
	const struct inno_error *err;
	struct inno_schedule_event *v;
	char *when;
	size_t n, i;

	if ((err = inno_schedule_ahead(c->db, section, c->r->date, c->plan_to,
	    &v, &n)) != NULL)
		return err;
	for (i = 0; i < n; i++) {
		if ((err = plan_heading(c, s)) != NULL)
			break;
		/* "언제든지 찾아가는 ... : 필요시", as the office writes it. */
		if (v[i].undated != NULL) {
			if ((err = add_textf(s, 2, "%s : %s", v[i].what,
			    v[i].undated)) != NULL)
				break;
			continue;
		}
		if (v[i].months != NULL)
			when = sched_months(v[i].months);
		else
			when = sched_when(v[i].starts, v[i].ends, v[i].month);
		if (when == NULL) {
			err = inno_error_nomem();
			break;
		}
		err = add_textf(s, 2, "%s : %s", when, v[i].what);
		free(when);
		if (err != NULL)
			break;
	}
	inno_schedule_events_free(v, n);
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
	struct inno_report_src src;
	inno_plan_fn plan;
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
		plan = NULL;
		if (i == sizeof sources / sizeof sources[0] &&
		    (plan = inno_plan_source(p, n)) == NULL)
			return inno_error(INNO_EUSAGE, _("section %s: unknown "
			    "source %.*s"), section, (int)n, p);
		if (p == list && results != NULL &&
		    (err = add_line(s, results)) != NULL)
			return err;
		if (plan != NULL) {
			src.db = c->db;
			src.cfg = c->cfg;
			src.r = c->r;
			src.section = section;
			src.from = c->from;
			src.to = c->to;
			src.office = c->office;
			err = plan(&src, s);
		} else
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
		return inno_error(INNO_EUSAGE, _("section %s: name too long"),
		    name);
	if ((heading = word(r, sect, "heading", NULL)) == NULL)
		return inno_error(INNO_EUSAGE, _("section %s: no heading in "
		    "[%s] of the wording file"), name, sect);
	if ((g = realloc(r->secs, (r->nsecs + 1) * sizeof *g)) == NULL)
		return inno_error_nomem();
	r->secs = g;
	s = &r->secs[r->nsecs++];
	memset(s, 0, sizeof *s);
	if ((s->key = strdup(name)) == NULL ||
	    (s->heading = strdup(heading)) == NULL ||
	    (s->group = subst_year(*word(r, sect, "group", "") != '\0' ?
	    (*word(r, c->kind, "group", "") != '\0' ? word(r, c->kind,
	    "group", "") : word(r, sect, "group", "")) : "",
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
	/* A section may show the events entered under another's name. */
	if (err == NULL)
		err = build_schedule(c, s, word(r, sect, "schedule", name));
	return err;
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
	char *path = NULL, *name = NULL, kind[128], year[5];
	int m;

	*rp = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL)
		return inno_error_nomem();
	r->period = o->period;
	memcpy(r->date, o->as_of, sizeof r->date);
	/* The wording of the year the period starts in. */
	snprintf(year, sizeof year, "%.4s", o->period.first);
	if ((err = inno_config_choice(cfg, "report:money", money, 0, &m)) !=
	    NULL)
		goto done;
	r->money_million = m == 1;
	if ((err = inno_report_wording_for(&r->words, o->share, o->kind,
	    year, o->wording)) != NULL)
		goto done;
	if (snprintf(kind, sizeof kind, "kind.%s", o->kind) >=
	    (int)sizeof kind || (sections = word(r, kind, "sections",
	    NULL)) == NULL) {
		err = inno_error(INNO_EUSAGE, _("%s: no report kind"), o->kind);
		goto done;
	}
	if ((r->kind = strdup(o->kind)) == NULL ||
	    (r->title = subst_year(word(r, kind, "title", ""),
	    &o->period)) == NULL ||
	    (r->cover = subst_year(o->session != NULL ? o->session :
	    word(r, kind, "session", word(r, kind, "cover", "")),
	    &o->period)) == NULL ||
	    (r->session_dates = strdup(o->session_dates != NULL ?
	    o->session_dates : word(r, kind, "session_dates", ""))) == NULL ||
	    (r->office = strdup(word(r, kind, "office",
	    inno_config_str(cfg, "report:office", "")))) == NULL) {
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
	 * The report's memory is bounded by the report, not by the
	 * database: the page cache keeps its fixed size (2 MiB), and the
	 * temporary b-trees the figures' GROUP BY and DISTINCT build go to a
	 * temporary file once they outgrow their own cache of the same
	 * size.  A report reads each table once or twice, in index order,
	 * so a larger cache or a mapped file buys no time (the sections
	 * read through the operating system's cache instead), and on a
	 * large database made the report the largest process of the run.
	 */
	if ((err = inno_db_exec(db, "PRAGMA temp_store = FILE; "
	    "PRAGMA main.cache_size = -2048; "
	    "PRAGMA temp.cache_size = -2048")) != NULL)
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
	free(r->session_dates);
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
			inno_diag_add(d, _("out of memory"));
			return;
		}
		for (j = 0; j < s->nitems; j++)
			if (s->items[j].parent != INNO_RNONE)
				sum[s->items[j].parent] += s->items[j].value;
		for (j = 0; j < s->nitems; j++) {
			it = &s->items[j];
			if ((it->split || it->nparts > 0) &&
			    sum[j] != it->value)
				inno_diag_add(d, _("%s (%s): total %lld, but "
				    "its parts add up to "
				    "%lld"), it->key != NULL ?
				    it->key : s->key, it->label,
				    (long long)it->value, (long long)sum[j]);
		}
		free(sum);
	}
}
