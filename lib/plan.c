/*
 * plan.c: the sources of figures that the year plan (report-build plan)
 * adds to those of the council report.  A plan states the office as it
 * stands when the year begins (the as-of date) and the rules it will work
 * by: the staff by grade, the year's budget lines, the leader groups with
 * their grade bands, the clubs with their members, the courses planned,
 * the committee, councils and forums (body.h) with their members and
 * cadence, and the configured rules of the MVP schemes, the mileage and
 * the knowledge awards.  Every number
 * comes from the module that owns its records, or from the configuration
 * that module reads, so the plan and the listings cannot disagree; this
 * file names no table.  The sentences around the figures are the plan's
 * wording file's (share/report/plan-YEAR.ini).
 */
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "club.h"
#include "course.h"
#include "group.h"
#include "i18n.h"
#include "knowledge.h"
#include "mileage.h"
#include "mvp.h"
#include "body.h"
#include "plan.h"
#include "staff.h"
#include "task.h"

/* A figure's label from the wording's [label], or key itself. */
static const char *
label(const struct inno_report_src *c, const char *key)
{
	char buf[256];

	if (snprintf(buf, sizeof buf, "label:%s", key) >= (int)sizeof buf)
		return key;
	return inno_config_str(c->r->words, buf, key);
}

/* A key of the section's wording, [section.NAME] key, or def. */
static const char *
sect_word(const struct inno_report_src *c, const char *key, const char *def)
{
	char buf[256];

	if (snprintf(buf, sizeof buf, "section.%s:%s", c->section, key) >=
	    (int)sizeof buf)
		return def;
	return inno_config_str(c->r->words, buf, def);
}

/* Adds a figure at level 1 with the label of key. */
static const struct inno_error *
add_fig(const struct inno_report_src *c, struct inno_rsection *s,
    const char *key, int64_t value, const char *unit, size_t *idx)
{
	return inno_report_add(s, INNO_RFIG, 1, key, label(c, key), value,
	    unit, INNO_RNONE, idx);
}

/*
 * Calls fn for every name of a comma-separated list, trimmed of spaces;
 * the names are at most 255 bytes.
 */
static const struct inno_error *
each_name(const char *list, const struct inno_error *(*fn)(
    const struct inno_report_src *, struct inno_rsection *, const char *),
    const struct inno_report_src *c, struct inno_rsection *s)
{
	const struct inno_error *err = NULL;
	const char *p, *t, *e;
	char name[256];

	for (p = list; err == NULL && *p != '\0'; p = *t != '\0' ? t + 1 : t) {
		while (*p == ' ')
			p++;
		if ((t = strchr(p, ',')) == NULL)
			t = p + strlen(p);
		for (e = t; e > p && e[-1] == ' '; e--)
			;
		if (e == p)
			continue;
		snprintf(name, sizeof name, "%.*s", (int)(e - p), p);
		err = fn(c, s, name);
	}
	return err;
}

/*
 * 인력: the office's staff on the as-of date, by grade (총 13명: 5급 1,
 * 6급 4, ...), as the general status of the council report counts them.
 */
static const struct inno_error *
plan_grades(const struct inno_report_src *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_staff_figures f;
	size_t total, i;
	char *pl;

	if ((err = inno_staff_figures(c->db, c->office, c->to, &f)) != NULL ||
	    (err = add_fig(c, s, "plan.staff", f.current, "people",
	    &total)) != NULL)
		goto done;
	s->items[total].split = 1;
	for (i = 0; i < f.ngrades; i++) {
		if ((pl = inno_strf("%lld%s", (long long)f.grades[i].grade,
		    inno_report_unit(c->r, "grade"))) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		err = inno_report_add(s, INNO_RFIG, 2, NULL, pl,
		    f.grades[i].current, "people", total, NULL);
		free(pl);
		if (err != NULL)
			goto done;
	}
done:
	inno_staff_figures_release(&f);
	return err;
}

/* One budget line of the year, "본 예산 : 97,280천원"; none: nothing. */
static const struct inno_error *
plan_budget_line(const struct inno_report_src *c, struct inno_rsection *s,
    const char *programme)
{
	const struct inno_error *err;
	struct inno_budget_line l;
	int found;

	memset(&l, 0, sizeof l);
	if ((err = inno_budget_line(c->db, atoi(c->r->period.first),
	    programme, &l, &found)) == NULL && found)
		err = inno_report_add(s, INNO_RFIG, 1, "plan.budget", programme,
		    l.amount, "money.thousand", INNO_RNONE, NULL);
	inno_budget_line_release(&l);
	return err;
}

/*
 * 예산: the budget lines of the period's year that the section's
 * programmes key names, in its order, in thousand won.
 */
static const struct inno_error *
plan_budgets(const struct inno_report_src *c, struct inno_rsection *s)
{
	return each_name(sect_word(c, "programmes", ""), plan_budget_line, c,
	    s);
}

/*
 * 혁신주도그룹: the groups and their members on the as-of date, each with
 * the grades it takes (구성 3개 그룹, 72명: 혁신리더 5~6급 21, ...), from
 * the group module's figures and the configured bands.
 */
static const struct inno_error *
plan_groups(const struct inno_report_src *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_group_figures f;
	struct inno_group *g = NULL;
	struct inno_period p;
	size_t ng = 0, i, k, total;
	char *pl;

	memset(&f, 0, sizeof f);
	memcpy(p.first, c->from, sizeof p.first);
	memcpy(p.last, c->to, sizeof p.last);
	if ((err = inno_groups_load(c->cfg, &g, &ng)) != NULL ||
	    (err = inno_group_figures(c->db, &p, c->to, &f)) != NULL ||
	    (err = add_fig(c, s, "plan.groups", (int64_t)ng, "groups",
	    NULL)) != NULL ||
	    (err = add_fig(c, s, "plan.group_members", f.members, "people",
	    &total)) != NULL)
		goto done;
	s->items[total].split = 1;
	/* In the configuration's order, which is the plan's. */
	for (k = 0; k < ng; k++) {
		for (i = 0; i < f.ngroup; i++)
			if (strcmp(f.group[i].name, g[k].name) == 0)
				break;
		if (g[k].min_grade == g[k].max_grade)
			pl = inno_strf("%s (%lld%s)", g[k].name,
			    (long long)g[k].min_grade,
			    inno_report_unit(c->r, "grade"));
		else
			pl = inno_strf("%s (%lld~%lld%s)", g[k].name,
			    (long long)g[k].min_grade,
			    (long long)g[k].max_grade,
			    inno_report_unit(c->r, "grade"));
		if (pl == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		err = inno_report_add(s, INNO_RFIG, 2, NULL, pl,
		    i < f.ngroup ? f.group[i].members : 0, "people", total,
		    NULL);
		free(pl);
		if (err != NULL)
			goto done;
	}
	/* A group recorded but no longer configured keeps its members. */
	for (i = 0; i < f.ngroup; i++) {
		for (k = 0; k < ng; k++)
			if (strcmp(f.group[i].name, g[k].name) == 0)
				break;
		if (k == ng && (err = inno_report_add(s, INNO_RFIG, 2, NULL,
		    f.group[i].name, f.group[i].members, "people", total,
		    NULL)) != NULL)
			goto done;
	}
done:
	free(g);
	inno_group_figures_release(&f);
	return err;
}

/*
 * 혁신주도그룹 교육: a course for each leader group, the groups the
 * configuration names ([group.KEY]), "혁신주도그룹 교육 (혁신리더,
 * 변화관리자, 혁신새싹) : 3개 그룹"; the label is [label]
 * plan.group_training.
 */
static const struct inno_error *
plan_group_training(const struct inno_report_src *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_group *g = NULL;
	size_t ng = 0, k;
	char *l, *t;

	if ((err = inno_groups_load(c->cfg, &g, &ng)) != NULL)
		return err;
	if ((l = strdup(label(c, "plan.group_training"))) == NULL) {
		free(g);
		return inno_error_nomem();
	}
	for (k = 0; k < ng && l != NULL; k++) {
		t = inno_strf("%s%s%s", l, k == 0 ? " (" : ", ", g[k].name);
		free(l);
		l = t;
	}
	if (l != NULL && ng > 0) {
		t = inno_strf("%s)", l);
		free(l);
		l = t;
	}
	free(g);
	if (l == NULL)
		return inno_error_nomem();
	err = inno_report_add(s, INNO_RFIG, 1, "plan.group_training", l,
	    (int64_t)ng, "groups", INNO_RNONE, NULL);
	free(l);
	return err;
}

/*
 * 학습·연구 동아리 현황: the clubs on the register on the as-of date and
 * their members that day (4개 동아리 51명: 정책품질관리 15, ...), the rows
 * of club-list --on=DAY.
 */
static const struct inno_error *
plan_club_members(const struct inno_report_src *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_club_filter f;
	struct inno_stmt *st;
	struct {
		char *name;
		int64_t members;
	} *v = NULL, *g;
	size_t n = 0, i, total;
	int row, cname, cmem;
	int64_t sum = 0;

	memset(&f, 0, sizeof f);
	f.funded = -1;
	f.on = c->to;
	if ((err = inno_club_query(c->db, &f, &st)) != NULL)
		return err;
	cname = inno_stmt_colindex(st, "name");
	cmem = inno_stmt_colindex(st, "members");
	while (cname >= 0 && cmem >= 0 &&
	    (err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((g = realloc(v, (n + 1) * sizeof *v)) == NULL) {
			err = inno_error_nomem();
			break;
		}
		v = g;
		v[n].members = inno_stmt_int(st, cmem);
		if ((v[n].name = strdup(inno_stmt_text(st, cname))) == NULL) {
			err = inno_error_nomem();
			break;
		}
		sum += v[n++].members;
	}
	inno_stmt_reset(st);
	if (err != NULL ||
	    (err = add_fig(c, s, "plan.clubs", (int64_t)n, "clubs",
	    NULL)) != NULL ||
	    (err = add_fig(c, s, "plan.club_members", sum, "people",
	    &total)) != NULL)
		goto done;
	s->items[total].split = 1;
	for (i = 0; i < n && err == NULL; i++)
		err = inno_report_add(s, INNO_RFIG, 2, NULL, v[i].name,
		    v[i].members, "people", total, NULL);
done:
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	return err;
}

/* One configured mileage category and its default points. */
static const struct inno_error *
plan_category(const struct inno_report_src *c, struct inno_rsection *s,
    const char *name)
{
	const struct inno_error *err;
	struct inno_mileage_cat cat;
	char key[128];
	int found;

	if ((err = inno_mileage_cat_get(c->cfg, name, &cat, &found)) != NULL ||
	    !found)
		return err;
	snprintf(key, sizeof key, "mileage.%s", name);
	return inno_report_add(s, INNO_RFIG, 2, key, label(c, key), cat.points,
	    "points", INNO_RNONE, NULL);
}

/*
 * One MVP scheme's rule: the persons it names a period, with who is named
 * and when from the scheme's section of inno.ini ([mvp], [mvp.NAME]), read
 * through mvp.h as mileage-mvp decides by it: "혁신 MVP 선발·포상 (개인,
 * 부서, 매월) : 1명", "혁신·CS 통합마일리지 우수자 포상 (개인, 연말) :
 * 5명".  The label is [label] plan.mvp.NAME; the words in brackets are
 * plan.mvp.person, plan.mvp.dept, plan.mvp.month and plan.mvp.year_end.
 * A scheme the configuration does not define is left out.
 */
static const struct inno_error *
plan_scheme(const struct inno_report_src *c, struct inno_rsection *s,
    const char *name)
{
	const struct inno_error *err;
	struct inno_mvp_scheme m;
	char key[128], *l;

	/* A scheme the configuration does not have awards no one. */
	if ((err = inno_mvp_scheme_get(c->cfg, name, &m)) != NULL)
		return err->what == INNO_E_NOTFOUND ? NULL : err;
	snprintf(key, sizeof key, "plan.mvp.%s", name);
	if (m.depts)
		l = inno_strf("%s (%s, %s, %s)", label(c, key), label(c,
		    "plan.mvp.person"), label(c, "plan.mvp.dept"), label(c,
		    m.year ? "plan.mvp.year_end" : "plan.mvp.month"));
	else
		l = inno_strf("%s (%s, %s)", label(c, key), label(c,
		    "plan.mvp.person"), label(c, m.year ? "plan.mvp.year_end" :
		    "plan.mvp.month"));
	if (l == NULL)
		return inno_error_nomem();
	err = inno_report_add(s, INNO_RFIG, 2, key, l, m.winners, "people",
	    INNO_RNONE, NULL);
	free(l);
	return err;
}

/*
 * 혁신마일리지 부여: the mileage categories the section's categories key
 * names, each with the points the configuration gives it; one not
 * configured (or disabled) is left out, as it earns nothing.  Then the
 * rewards: the MVP schemes the section's schemes key names (default for
 * [mvp], NAME for [mvp.NAME]), each with the persons it names a period.
 */
static const struct inno_error *
plan_mileage_rules(const struct inno_report_src *c, struct inno_rsection *s)
{
	const struct inno_error *err;

	if ((err = each_name(sect_word(c, "categories", ""), plan_category, c,
	    s)) != NULL ||
	    (err = inno_report_add(s, INNO_RTEXT, 1, NULL, label(c,
	    "plan.mvp_rules"), 0, NULL, INNO_RNONE, NULL)) != NULL)
		return err;
	return each_name(sect_word(c, "schemes", "default"), plan_scheme, c,
	    s);
}

/*
 * 지식관리: the knowledge kinds (3종: 업무지식, 생활지식, 업무편람) and
 * the quarterly awards the [knowledge] rule names (최우수 1건, 우수 3건).
 */
static const struct inno_error *
plan_knowledge_rules(const struct inno_report_src *c, struct inno_rsection *s)
{
	static const char *const kinds[] = {"knowledge.work",
	    "knowledge.living", "knowledge.manual"};
	const struct inno_error *err;
	int64_t best, exc;
	size_t total, k;
	char *l;

	if ((l = inno_strf("%s (%s, %s, %s)", label(c, "plan.knowledge_kinds"),
	    label(c, kinds[0]), label(c, kinds[1]), label(c, kinds[2]))) ==
	    NULL)
		return inno_error_nomem();
	err = inno_report_add(s, INNO_RFIG, 1, "plan.knowledge_kinds", l, 3,
	    "kinds", INNO_RNONE, NULL);
	free(l);
	if (err != NULL ||
	    (err = inno_knowledge_award_rule(c->cfg, &best, &exc)) != NULL ||
	    (err = add_fig(c, s, "plan.knowledge_awards", best + exc, "items",
	    &total)) != NULL)
		return err;
	s->items[total].split = 1;
	for (k = 0; k < 2; k++)
		if ((err = inno_report_add(s, INNO_RFIG, 2, NULL, label(c,
		    k == 0 ? "plan.knowledge_best" : "plan.knowledge_excellent"),
		    k == 0 ? best : exc, "items", total, NULL)) != NULL)
			return err;
	return NULL;
}

/*
 * 과제실행팀(TFT): the task forces of the year's tasks and their members,
 * as the council report's task figures count them (task.h), the members
 * by task force as task-list --period=YEAR lists them (21명: 업무프로세스
 * 개선W/G 11, 불필요한 일 버리기W/G 10).
 */
static const struct inno_error *
plan_task_forces(const struct inno_report_src *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_task_figures f;
	struct inno_task_conf conf;
	struct inno_task_filter tf;
	struct inno_period p;
	struct inno_stmt *st;
	size_t total;
	int row, ct, cm;

	memset(&conf, 0, sizeof conf);
	memset(&f, 0, sizeof f);
	memset(&tf, 0, sizeof tf);
	snprintf(p.first, sizeof p.first, "%.4s-01-01", c->r->period.first);
	snprintf(p.last, sizeof p.last, "%.4s-12-31", c->r->period.first);
	tf.period = &p;
	tf.due_within = -1;
	if ((err = inno_task_conf_load(c->cfg, &conf)) != NULL ||
	    (err = inno_task_figures(c->db, &conf, &p, &f)) != NULL ||
	    (err = add_fig(c, s, "plan.task_forces", f.forces, "teams",
	    NULL)) != NULL ||
	    (err = add_fig(c, s, "plan.task_members", f.members, "people",
	    &total)) != NULL ||
	    (err = inno_task_query(c->db, &conf, &tf, &st)) != NULL)
		goto done;
	s->items[total].split = 1;
	ct = inno_stmt_colindex(st, "title");
	cm = inno_stmt_colindex(st, "members");
	while (ct >= 0 && cm >= 0 && (err = inno_stmt_step(st, &row)) == NULL &&
	    row)
		if (inno_stmt_int(st, cm) > 0 &&
		    (err = inno_report_add(s, INNO_RFIG, 2, NULL,
		    inno_stmt_text(st, ct), inno_stmt_int(st, cm), "people",
		    total, NULL)) != NULL)
			break;
	inno_stmt_reset(st);
done:
	inno_task_figures_release(&f);
	inno_task_conf_release(&conf);
	return err;
}

/*
 * When a course's rounds are held, as the plan says it: a half or the
 * whole of the year in the wording's words ([label] plan.course.h1,
 * plan.course.h2, plan.course.year: 상반기, 하반기, 연중), else the months
 * ("2006. 3월~9월").  The caller frees the string.
 */
static char *
course_span(const struct inno_report_src *c, const char *first,
    const char *last)
{
	static const struct {
		const char *from, *to, *key;
	} halves[] = {
		{"01-01", "06-30", "plan.course.h1"},
		{"07-01", "12-31", "plan.course.h2"},
		{"01-01", "12-31", "plan.course.year"},
	};
	size_t k;

	for (k = 0; k < sizeof halves / sizeof halves[0]; k++)
		if (strncmp(first, last, 4) == 0 &&
		    strcmp(first + 5, halves[k].from) == 0 &&
		    strcmp(last + 5, halves[k].to) == 0 &&
		    strcmp(label(c, halves[k].key), halves[k].key) != 0)
			return strdup(label(c, halves[k].key));
	if (strncmp(first, last, 7) == 0)
		return inno_strf("%.4s. %d월", first, atoi(first + 5));
	if (strncmp(first, last, 4) == 0)
		return inno_strf("%.4s. %d월~%d월", first, atoi(first + 5),
		    atoi(last + 5));
	return inno_strf("%.4s. %d월~%.4s. %d월", first, atoi(first + 5),
	    last, atoi(last + 5));
}

/*
 * One course's line at level: its rounds in the year, when they are held
 * and its target group, then the catalogue of its first round if any, "혁신 사이버 강의 (2006. 3월~9월, 500명(...)) :
 * 1회", "관리자 변화 혁신교육 (하반기, 6급이상, 230명) : 1회".
 */
static const struct inno_error *
add_course(const struct inno_report_src *c, struct inno_rsection *s,
    int level, const char *name, const char *first, const char *last,
    const char *target, int64_t rounds, int64_t catalogue,
    const char *catname)
{
	const struct inno_error *err;
	char *span, *l;

	if ((span = course_span(c, first, last)) == NULL)
		return inno_error_nomem();
	l = *target != '\0' ? inno_strf("%s (%s, %s)", name, span, target) :
	    inno_strf("%s (%s)", name, span);
	free(span);
	if (l == NULL)
		return inno_error_nomem();
	err = inno_report_add(s, INNO_RFIG, level, "plan.course", l, rounds,
	    "times", INNO_RNONE, NULL);
	free(l);
	if (err != NULL || catalogue == 0)
		return err;
	/* Its catalogue, "교육내용 (이노베이션, 리더쉽, BSC 등 택일) : 75과정". */
	l = *catname != '\0' ? inno_strf("%s (%s %s)", label(c,
	    "plan.course.catalogue"), catname, label(c,
	    "plan.course.choose")) : strdup(label(c, "plan.course.catalogue"));
	if (l == NULL)
		return inno_error_nomem();
	err = inno_report_add(s, INNO_RFIG, level + 1, "plan.course.catalogue",
	    l, catalogue, "courses", INNO_RNONE, NULL);
	free(l);
	return err;
}

/*
 * 교육 계획: the courses held at least in part in the period's year, one
 * line a course with its rounds, when they are held and the target group
 * of its first round, in the order of their first start, from the rows of
 * course-list --period=YEAR.  The courses of the kind the section's
 * grouped key names (e-learning) come first, under a figure that counts
 * them ([label] plan.courses.KIND, "혁신사이버 교육 : 2개 분야"); the
 * others follow, each a line of its own.
 */
static const struct inno_error *
plan_courses(const struct inno_report_src *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_course_filter f;
	struct inno_stmt *st;
	struct course {
		char *name, *target, *catname;
		char first[11], last[11];
		int64_t rounds, catalogue;
		int grouped;
	} *v = NULL, *g;
	size_t n = 0, i;
	int64_t ngrouped = 0;
	char first[11], last[11], key[96];
	const char *name, *t, *grouped;
	int row, cn, cs, ce, ct, ck, cc, ccn, pass;

	grouped = sect_word(c, "grouped", "");
	snprintf(first, sizeof first, "%.4s-01-01", c->r->period.first);
	snprintf(last, sizeof last, "%.4s-12-31", c->r->period.first);
	memset(&f, 0, sizeof f);
	f.first = first;
	f.last = last;
	f.on = c->to;
	if ((err = inno_course_query(c->db, &f, &st)) != NULL)
		return err;
	cn = inno_stmt_colindex(st, "name");
	ck = inno_stmt_colindex(st, "kind");
	cs = inno_stmt_colindex(st, "start");
	ce = inno_stmt_colindex(st, "end");
	ct = inno_stmt_colindex(st, "target");
	cc = inno_stmt_colindex(st, "catalogue");
	ccn = inno_stmt_colindex(st, "catalogue_name");
	while (cn >= 0 && ck >= 0 && cs >= 0 && ce >= 0 && ct >= 0 &&
	    cc >= 0 && ccn >= 0 &&
	    (err = inno_stmt_step(st, &row)) == NULL && row) {
		name = inno_stmt_text(st, cn);
		for (i = 0; i < n; i++)
			if (strcmp(v[i].name, name) == 0)
				break;
		if (i == n) {
			if ((g = realloc(v, (n + 1) * sizeof *v)) == NULL) {
				err = inno_error_nomem();
				break;
			}
			v = g;
			memset(&v[n], 0, sizeof v[n]);
			t = inno_stmt_isnull(st, ct) ? "" : inno_stmt_text(st, ct);
			if ((v[n].name = strdup(name)) == NULL ||
			    (v[n].target = strdup(t)) == NULL ||
			    (v[n].catname = strdup(inno_stmt_isnull(st, ccn) ?
			    "" : inno_stmt_text(st, ccn))) == NULL) {
				free(v[n].name);
				free(v[n].target);
				err = inno_error_nomem();
				break;
			}
			v[n].catalogue = inno_stmt_int(st, cc);
			snprintf(v[n].first, sizeof v[n].first, "%s",
			    inno_stmt_text(st, cs));
			snprintf(v[n].last, sizeof v[n].last, "%s",
			    inno_stmt_text(st, ce));
			v[n].grouped = strcmp(inno_stmt_text(st, ck),
			    grouped) == 0;
			ngrouped += v[n].grouped;
			n++;
		}
		v[i].rounds++;
		if (strcmp(inno_stmt_text(st, cs), v[i].first) < 0)
			snprintf(v[i].first, sizeof v[i].first, "%s",
			    inno_stmt_text(st, cs));
		if (strcmp(inno_stmt_text(st, ce), v[i].last) > 0)
			snprintf(v[i].last, sizeof v[i].last, "%s",
			    inno_stmt_text(st, ce));
	}
	inno_stmt_reset(st);
	snprintf(key, sizeof key, "plan.courses.%s", grouped);
	if (err == NULL && ngrouped > 0)
		err = add_fig(c, s, key, ngrouped, "fields", NULL);
	for (pass = 1; pass >= 0; pass--)
		for (i = 0; err == NULL && i < n; i++)
			if (v[i].grouped == pass)
				err = add_course(c, s, pass ? 2 : 1, v[i].name,
				    v[i].first, v[i].last, v[i].target,
				    v[i].rounds, v[i].catalogue, v[i].catname);
	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].target);
		free(v[i].catname);
	}
	free(v);
	return err;
}

/*
 * A body's lines: the committee, council or forum the section's body key
 * names (body-add), as its members stand on the as-of date, with the
 * meetings it plans a year by its cadence.  The section's keys body1,
 * body2, ... are its lines in order, each "WHAT | LINE": LINE starts with
 * its mark (○, -, ·) as a wording line does and has {name}, {chair},
 * {cadence} (the wording's [cadence] word for it), {others} (the outside
 * members but the chair, ", " between) and {note} filled in; WHAT is text
 * (a sentence), or the figure the line shows: members, staff, outside,
 * others (how many members but the chair), affiliations (the members,
 * with as parts how many of each affiliation: 광역 1, 기초 6), cadence
 * (meetings a year: monthly 12, bimonthly 6, quarterly 4, half_yearly 2,
 * yearly 1, as_needed 0) or meetings (held in the period).  bodyN.unit
 * names the figure's unit (people; times for cadence and meetings).
 */
struct body_view {
	const struct inno_body_item *b;
	const char *cadence;
	char *others;
	int64_t nothers;
	struct {
		char *name;
		int64_t n;
	} *aff;
	size_t naff;
};

/* The outside members but the chair, and how many of each affiliation. */
static const struct inno_error *
body_members(const struct inno_report_src *c, struct body_view *v)
{
	const struct inno_error *err;
	struct inno_body_filter f;
	struct inno_stmt *st;
	const char *a, *nm;
	void *g;
	char *o;
	size_t i;
	int row, cb, cn, ca, cr;

	memset(&f, 0, sizeof f);
	f.what = "members";
	f.body = v->b->name;
	f.as_of = c->to;
	if ((v->others = strdup("")) == NULL)
		return inno_error_nomem();
	if ((err = inno_body_query(c->db, &f, &st)) != NULL)
		return err;
	cb = inno_stmt_colindex(st, "body");
	cn = inno_stmt_colindex(st, "name");
	ca = inno_stmt_colindex(st, "affiliation");
	cr = inno_stmt_colindex(st, "role");
	while (cb >= 0 && cn >= 0 && ca >= 0 && cr >= 0 &&
	    (err = inno_stmt_step(st, &row)) == NULL && row) {
		if (strcmp(inno_stmt_text(st, cb), v->b->name) != 0)
			continue;
		a = inno_stmt_isnull(st, ca) ? "" : inno_stmt_text(st, ca);
		nm = inno_stmt_isnull(st, cn) ? "" : inno_stmt_text(st, cn);
		if (*a != '\0') {
			for (i = 0; i < v->naff; i++)
				if (strcmp(v->aff[i].name, a) == 0)
					break;
			if (i == v->naff) {
				if ((g = realloc(v->aff, (v->naff + 1) *
				    sizeof *v->aff)) == NULL) {
					err = inno_error_nomem();
					break;
				}
				v->aff = g;
				v->aff[i].n = 0;
				if ((v->aff[i].name = strdup(a)) == NULL) {
					err = inno_error_nomem();
					break;
				}
				v->naff++;
			}
			v->aff[i].n++;
		}
		if (strcmp(inno_stmt_text(st, cr), "chair") == 0 ||
		    strcmp(nm, v->b->chair) == 0)
			continue;
		v->nothers++;
		if (*a == '\0')
			continue;	/* an employee: named by no one */
		o = inno_strf("%s%s%s", v->others, *v->others != '\0' ? ", " :
		    "", nm);
		free(v->others);
		if ((v->others = o) == NULL) {
			err = inno_error_nomem();
			break;
		}
	}
	inno_stmt_reset(st);
	return err;
}

/* LINE of a body line with its fields filled in; the caller frees it. */
static char *
body_fill(const char *t, const struct body_view *v)
{
	static const char *const keys[] = {"{name}", "{chair}", "{cadence}",
	    "{others}", "{note}"};
	const char *vals[5];
	char *out, *g;
	const char *val;
	size_t k, n;

	vals[0] = v->b->name;
	vals[1] = v->b->chair;
	vals[2] = v->cadence;
	vals[3] = v->others;
	vals[4] = v->b->note;
	if ((out = strdup("")) == NULL)
		return NULL;
	for (; *t != '\0'; t += n) {
		val = NULL;
		n = 1;
		for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if (strncmp(t, keys[k], strlen(keys[k])) == 0) {
				val = vals[k];
				n = strlen(keys[k]);
				break;
			}
		g = val != NULL ? inno_strf("%s%s", out, val) :
		    inno_strf("%s%c", out, *t);
		free(out);
		if ((out = g) == NULL)
			return NULL;
	}
	return out;
}

/* One line "WHAT | LINE" of the body v. */
static const struct inno_error *
body_line(const struct inno_report_src *c, struct inno_rsection *s,
    const struct body_view *v, const char *spec, const char *unit)
{
	static const char *const whats[] = {"text", "members", "staff",
	    "outside", "others", "affiliations", "cadence", "meetings", NULL};
	static const int64_t per_year[] = {12, 6, 4, 2, 1, 0};
	const struct inno_error *err;
	const char *bar, *line;
	char what[32], *l;
	int64_t value = 0;
	size_t total, i;
	int w, level, k;

	if ((bar = strchr(spec, '|')) == NULL ||
	    (size_t)(bar - spec) >= sizeof what)
		return inno_error(INNO_EUSAGE, _("section %s: expected WHAT | "
		    "LINE, not %s"), c->section, spec);
	snprintf(what, sizeof what, "%.*s", (int)(bar - spec), spec);
	for (i = strlen(what); i > 0 && what[i - 1] == ' '; i--)
		what[i - 1] = '\0';
	for (line = bar + 1; *line == ' '; line++)
		;
	if ((w = inno_word_index(whats, what)) < 0)
		return inno_error(INNO_EUSAGE, _("section %s: unknown body "
		    "figure %s (expected text, members, staff, outside, "
		    "others, affiliations, cadence or meetings)"), c->section,
		    what);
	level = inno_report_mark(&line);
	if ((l = body_fill(line, v)) == NULL)
		return inno_error_nomem();
	switch (w) {
	case 1: case 5: value = v->b->members; break;
	case 2: value = v->b->staff; break;
	case 3: value = v->b->outside; break;
	case 4: value = v->nothers; break;
	case 6:
		k = inno_word_index(inno_body_cadences, v->b->cadence);
		value = k >= 0 ? per_year[k] : 0;
		break;
	case 7: value = v->b->meetings; break;
	}
	if (unit == NULL)
		unit = w >= 6 ? "times" : "people";
	if (w == 0)
		err = inno_report_add(s, INNO_RTEXT, level, NULL, l, 0, NULL,
		    INNO_RNONE, NULL);
	else
		err = inno_report_add(s, INNO_RFIG, level, "plan.body", l,
		    value, unit, INNO_RNONE, &total);
	free(l);
	if (err != NULL || w != 5)
		return err;
	s->items[total].split = 1;
	for (i = 0; i < v->naff && err == NULL; i++)
		err = inno_report_add(s, INNO_RFIG, level + 1, NULL,
		    v->aff[i].name, v->aff[i].n, "count", total, NULL);
	return err;
}

static const struct inno_error *
plan_body(const struct inno_report_src *c, struct inno_rsection *s)
{
	const struct inno_error *err;
	struct inno_body_figures f;
	struct body_view v;
	struct inno_period p;
	const char *name = sect_word(c, "body", ""), *spec;
	char key[32], ukey[40], ck[96];
	size_t i;
	int n;

	memset(&v, 0, sizeof v);
	memset(&f, 0, sizeof f);
	snprintf(p.first, sizeof p.first, "%.4s-01-01", c->r->period.first);
	snprintf(p.last, sizeof p.last, "%.4s-12-31", c->r->period.first);
	if ((err = inno_body_figures(c->db, NULL, &p, c->to, &f)) != NULL)
		goto done;
	for (i = 0; i < f.nbodies; i++)
		if (strcmp(f.bodies[i].name, name) == 0)
			break;
	if (i == f.nbodies)
		goto done;	/* not recorded (yet): nothing to show */
	v.b = &f.bodies[i];
	snprintf(ck, sizeof ck, "cadence:%s", v.b->cadence);
	v.cadence = inno_config_str(c->r->words, ck, v.b->cadence);
	if ((err = body_members(c, &v)) != NULL)
		goto done;
	for (n = 1; err == NULL; n++) {
		snprintf(key, sizeof key, "body%d", n);
		if ((spec = sect_word(c, key, NULL)) == NULL)
			break;
		snprintf(ukey, sizeof ukey, "body%d.unit", n);
		err = body_line(c, s, &v, spec, sect_word(c, ukey, NULL));
	}
done:
	for (i = 0; i < v.naff; i++)
		free(v.aff[i].name);
	free(v.aff);
	free(v.others);
	inno_body_figures_release(&f);
	return err;
}

static const struct {
	const char *name;
	inno_plan_fn fn;
} sources[] = {
	{"grades", plan_grades},
	{"budgets", plan_budgets},
	{"groups", plan_groups},
	{"group_training", plan_group_training},
	{"club_members", plan_club_members},
	{"courses", plan_courses},
	{"task_forces", plan_task_forces},
	{"mileage_rules", plan_mileage_rules},
	{"knowledge_rules", plan_knowledge_rules},
	{"body", plan_body},
};

inno_plan_fn
inno_plan_source(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof sources / sizeof sources[0]; i++)
		if (strlen(sources[i].name) == n &&
		    strncmp(sources[i].name, name, n) == 0)
			return sources[i].fn;
	return NULL;
}
