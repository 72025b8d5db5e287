/*
 * dossier.c: one employee's dossier.  Nothing here counts or reads a table:
 * each section runs the listing query of the module that owns the records
 * (the same statement task-list, mileage-list, club-list, course-list,
 * idea-list, knowledge-list and benchmark-list print) and keeps the rows
 * that are the person's, so the dossier and the listings cannot disagree.
 * Rows are read by column name, so a listing that gains a column does not
 * move what the dossier reads.
 */
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "benchmark.h"
#include "club.h"
#include "course.h"
#include "i18n.h"
#include "idea.h"
#include "knowledge.h"
#include "mileage.h"
#include "mvp.h"
#include "task.h"


/* Column name's text in the current row; "" when absent or NULL. */
static const char *
txt(struct inno_stmt *st, const char *name)
{
	int i = inno_stmt_colindex(st, name);

	return i < 0 ? "" : inno_stmt_text(st, i);
}

static int64_t
num(struct inno_stmt *st, const char *name)
{
	int i = inno_stmt_colindex(st, name);

	return i < 0 ? 0 : inno_stmt_int(st, i);
}

/* Whether day (YYYY-MM-DD, or a prefix such as YYYY-MM) is in d's period. */
static int
in_period(const struct inno_dossier *d, const char *day)
{
	if (day == NULL || *day == '\0')
		return 1;
	if (d->period.first[0] != '\0' &&
	    strncmp(day, d->period.first, strlen(day)) < 0)
		return 0;
	if (d->period.last[0] != '\0' && strcmp(day, d->period.last) > 0)
		return 0;
	return 1;
}

/* Whether the space-separated list words holds word. */
static int
has_word(const char *words, const char *word)
{
	size_t n = strlen(word);
	const char *p = words;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == words || p[-1] == ' ') && (p[n] == '\0' ||
		    p[n] == ' '))
			return 1;
		p += n;
	}
	return 0;
}

static const struct inno_error *
add(struct inno_dossier *d, const char *section, const char *date,
    int64_t ref, const char *title, const char *detail, const char *extra,
    int has_points, int64_t points)
{
	struct inno_dossier_item *it, *v;

	if ((v = inno_grow(d->items, d->nitems, sizeof *v)) == NULL)
		return inno_error_nomem();
	d->items = v;
	it = &v[d->nitems];
	memset(it, 0, sizeof *it);
	snprintf(it->section, sizeof it->section, "%s", section);
	snprintf(it->date, sizeof it->date, "%s", date != NULL ? date : "");
	it->ref = ref;
	it->has_points = has_points;
	it->points = points;
	if ((it->title = strdup(title != NULL ? title : "")) == NULL ||
	    (it->detail = strdup(detail != NULL ? detail : "")) == NULL ||
	    (it->extra = strdup(extra != NULL ? extra : "")) == NULL) {
		free(it->title);
		free(it->detail);
		return inno_error_nomem();
	}
	d->nitems++;
	return NULL;
}

/* Steps st; *row as inno_stmt_step. */
#define STEP(st, row) inno_stmt_step((st), (row))

/*
 * A section read straight from a listing: its rows whose column who is
 * the person and whose column date lies in the period, one item each,
 * with the columns named for its ref, title, detail and extra.
 */
struct pick {
	const char *section, *who, *date, *ref, *title, *detail, *extra;
};

static const struct inno_error *
pick_rows(struct inno_dossier *d, struct inno_stmt *st,
    const struct pick *p)
{
	const struct inno_error *err;
	int row;

	while ((err = STEP(st, &row)) == NULL && row) {
		if (strcmp(txt(st, p->who), d->employee_id) != 0 ||
		    !in_period(d, txt(st, p->date)))
			continue;
		if ((err = add(d, p->section, txt(st, p->date), num(st, p->ref),
		    txt(st, p->title), txt(st, p->detail), txt(st, p->extra), 0,
		    0)) != NULL)
			break;
	}
	inno_stmt_reset(st);
	return err;
}

/* The task forces the person was on, with the role, overlapping the period. */
static const struct inno_error *
tasks(struct inno_db *db, struct inno_dossier *d)
{
	struct inno_task_filter f;
	struct inno_task_conf conf;
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *joined, *left;
	int row;

	memset(&f, 0, sizeof f);
	memset(&conf, 0, sizeof conf);
	f.member = d->employee_id;
	f.view = "members";
	f.due_within = -1;
	if ((err = inno_task_conf_load(inno_db_config(db), &conf)) == NULL)
		err = inno_task_query(db, &conf, &f, &st);
	inno_task_conf_release(&conf);
	if (err != NULL)
		return err;
	while ((err = STEP(st, &row)) == NULL && row) {
		if (strcmp(txt(st, "employee_id"), d->employee_id) != 0)
			continue;
		joined = txt(st, "joined");
		left = txt(st, "left");
		if ((d->period.last[0] != '\0' && *joined != '\0' &&
		    strcmp(joined, d->period.last) > 0) ||
		    (d->period.first[0] != '\0' && *left != '\0' &&
		    strcmp(left, d->period.first) < 0))
			continue;
		if ((err = add(d, "task", joined, num(st, "task"),
		    txt(st, "title"), txt(st, "role"), left, 0, 0)) != NULL)
			break;
	}
	inno_stmt_reset(st);
	return err;
}

/* The person's ledger entries dated in the period, reversals included. */
static const struct inno_error *
mileage(struct inno_db *db, struct inno_dossier *d)
{
	struct inno_mileage_filter f;
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	memset(&f, 0, sizeof f);
	f.employee_id = d->employee_id;
	if (d->period.first[0] != '\0') {
		f.first = d->period.first;
		f.last = d->period.last[0] != '\0' ? d->period.last :
		    "2999-12-31";
	} else if (d->period.last[0] != '\0') {
		f.first = "1900-01-01";
		f.last = d->period.last;
	}
	if ((err = inno_mileage_query(db, &f, &st)) != NULL)
		return err;
	while ((err = STEP(st, &row)) == NULL && row) {
		if ((err = add(d, "mileage", txt(st, "date"), num(st, "id"),
		    txt(st, "category"), txt(st, "reason"), txt(st, "kind"), 1,
		    num(st, "points"))) != NULL)
			break;
	}
	inno_stmt_reset(st);
	return err;
}

/* The months of the period whose MVP person the employee was. */
static const struct inno_error *
mvps(struct inno_db *db, struct inno_dossier *d)
{
	struct inno_mvp_result res;
	const struct inno_error *err;
	char first[8], last[8], (*months)[8] = NULL;
	size_t i, j, n = 0;

	snprintf(first, sizeof first, "%.7s", d->period.first[0] != '\0' ?
	    d->period.first : "1900-01");
	snprintf(last, sizeof last, "%.7s", d->period.last[0] != '\0' ?
	    d->period.last : "2999-12");
	if ((err = inno_mvp_months(db, first, last, &months, &n)) != NULL)
		return err;
	for (i = 0; i < n && err == NULL; i++) {
		memset(&res, 0, sizeof res);
		if ((err = inno_mvp_rank(db, months[i], &res)) == NULL)
			for (j = 0; j < res.npersons && err == NULL; j++)
				if (res.persons[j].rank == 1 &&
				    strcmp(res.persons[j].key,
				    d->employee_id) == 0)
					err = add(d, "mvp", "", 0, months[i],
					    res.persons[j].dept, NULL, 1,
					    res.persons[j].points);
		inno_mvp_result_release(&res);
	}
	free(months);
	return err;
}

/* The clubs the person leads and the memberships overlapping the period. */
static const struct inno_error *
clubs(struct inno_db *db, struct inno_dossier *d, const char *today)
{
	struct inno_club_filter f;
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *joined, *left;
	int row;

	memset(&f, 0, sizeof f);
	f.funded = -1;
	f.first = d->period.first[0] != '\0' ? d->period.first : NULL;
	f.last = f.first != NULL ? (d->period.last[0] != '\0' ?
	    d->period.last : today) : NULL;
	f.on = d->period.last[0] != '\0' ? d->period.last : today;
	if ((err = inno_club_query(db, &f, &st)) != NULL)
		return err;
	while ((err = STEP(st, &row)) == NULL && row) {
		if (strcmp(txt(st, "leader"), d->employee_id) != 0)
			continue;
		if ((err = add(d, "club", txt(st, "registered"), num(st, "id"),
		    txt(st, "name"), "leader", txt(st, "kind"), 0, 0)) != NULL)
			break;
	}
	inno_stmt_reset(st);
	if (err != NULL)
		return err;
	f.members = 1;
	if ((err = inno_club_query(db, &f, &st)) != NULL)
		return err;
	while ((err = STEP(st, &row)) == NULL && row) {
		if (strcmp(txt(st, "employee_id"), d->employee_id) != 0)
			continue;
		joined = txt(st, "joined");
		left = txt(st, "left");
		if ((d->period.last[0] != '\0' && *joined != '\0' &&
		    strcmp(joined, d->period.last) > 0) ||
		    (d->period.first[0] != '\0' && *left != '\0' &&
		    strcmp(left, d->period.first) < 0))
			continue;
		if ((err = add(d, "club", joined, 0, txt(st, "club"),
		    "member", left, 0, 0)) != NULL)
			break;
	}
	inno_stmt_reset(st);
	return err;
}

/* The courses the person completed in the period. */
static const struct inno_error *
courses(struct inno_db *db, struct inno_dossier *d, const char *today)
{
	struct inno_course_filter f;
	const struct inno_error *err;
	struct inno_stmt *st;
	char round[32];
	int row;

	memset(&f, 0, sizeof f);
	f.enrolments = 1;
	f.status = "completed";
	f.on = today;
	if ((err = inno_course_query(db, &f, &st)) != NULL)
		return err;
	while ((err = STEP(st, &row)) == NULL && row) {
		if (strcmp(txt(st, "employee_id"), d->employee_id) != 0 ||
		    !in_period(d, txt(st, "completed")))
			continue;
		snprintf(round, sizeof round, "%lld",
		    (long long)num(st, "round"));
		if ((err = add(d, "course", txt(st, "completed"), 0,
		    txt(st, "course"), round, txt(st, "status"), 0, 0)) != NULL)
			break;
	}
	inno_stmt_reset(st);
	return err;
}

/* The ideas the person proposed in the period, with their fate now. */
static const struct inno_error *
ideas(struct inno_db *db, struct inno_dossier *d)
{
	struct inno_idea_filter f;
	const struct inno_error *err;
	struct inno_stmt *st;
	char cutoff[11];

	memset(&f, 0, sizeof f);
	if ((err = inno_idea_deadline(db, &f.decision_days, cutoff)) != NULL ||
	    (err = inno_idea_query(db, &f, &st)) != NULL)
		return err;
	return pick_rows(d, st, &(const struct pick){"idea", "employee_id",
	    "submitted", "id", "title", "status", "decided"});
}

/*
 * The knowledge items the person registered in the period, and every
 * evaluation of them.
 */
static const struct inno_error *
knowledge(struct inno_db *db, struct inno_dossier *d)
{
	struct inno_knowledge_filter f;
	const struct inno_error *err;
	struct inno_stmt *st;
	size_t i, first = d->nitems;
	int row, mine;

	memset(&f, 0, sizeof f);
	f.author = d->employee_id;
	if ((err = inno_knowledge_query(db, &f, &st)) != NULL)
		return err;
	if ((err = pick_rows(d, st, &(const struct pick){"knowledge",
	    "author", "registered", "id", "title", "status", "kind"})) !=
	    NULL || d->nitems == first)
		return err;
	f.evaluations = 1;
	if ((err = inno_knowledge_query(db, &f, &st)) != NULL)
		return err;
	while ((err = STEP(st, &row)) == NULL && row) {
		mine = 0;
		for (i = first; i < d->nitems && !mine; i++)
			mine = strcmp(d->items[i].section, "knowledge") == 0 &&
			    d->items[i].ref == num(st, "knowledge");
		if (!mine)
			continue;
		if ((err = add(d, "evaluation", txt(st, "date"), num(st,
		    "knowledge"), txt(st, "title"), txt(st, "verdict"),
		    txt(st, "evaluator"), 0, 0)) != NULL)
			break;
	}
	inno_stmt_reset(st);
	return err;
}

/* Visits the person went on and presentations the person gave. */
static const struct inno_error *
benchmarks(struct inno_db *db, struct inno_dossier *d)
{
	struct inno_benchmark_filter f;
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *role;
	int row;

	memset(&f, 0, sizeof f);
	if ((err = inno_benchmark_query(db, &f, &st)) != NULL)
		return err;
	while ((err = STEP(st, &row)) == NULL && row) {
		if (!in_period(d, txt(st, "date")))
			continue;
		if (strcmp(txt(st, "speaker"), d->employee_id) == 0)
			role = "speaker";
		else if (has_word(txt(st, "employees"), d->employee_id))
			role = "participant";
		else
			continue;
		if ((err = add(d, "benchmark", txt(st, "date"), num(st, "id"),
		    txt(st, "institution"), txt(st, "kind"), role, 1,
		    num(st, "people"))) != NULL)
			break;
	}
	inno_stmt_reset(st);
	return err;
}

const struct inno_error *
inno_dossier_build(struct inno_db *db, const char *employee_id,
    const struct inno_period *period, struct inno_dossier *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char today[11];
	int row;

	memset(d, 0, sizeof *d);
	snprintf(d->employee_id, sizeof d->employee_id, "%s", employee_id);
	if (period != NULL)
		d->period = *period;
	if ((err = inno_today(today)) != NULL ||
	    (err = inno_db_begin_read(db)) != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT inno_employee_name(e), "
	    "inno_dept_name(inno_employee_dept(e)), inno_employee_grade(e) "
	    "FROM (SELECT inno_employee_ref(?1) AS e) WHERE e IS NOT NULL",
	    "t", employee_id)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		goto done;
	if (!row) {
		inno_stmt_reset(st);
		err = inno_error_code(INNO_EINPUT, INNO_E_NOTFOUND,
		    _("%s: no such employee"), employee_id);
		goto done;
	}
	d->name = strdup(inno_stmt_text(st, 0));
	d->dept = strdup(inno_stmt_text(st, 1));
	d->grade = inno_stmt_int(st, 2);
	inno_stmt_reset(st);
	if (d->name == NULL || d->dept == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	if ((err = tasks(db, d)) != NULL || (err = mileage(db, d)) != NULL ||
	    (err = mvps(db, d)) != NULL ||
	    (err = clubs(db, d, today)) != NULL ||
	    (err = courses(db, d, today)) != NULL ||
	    (err = ideas(db, d)) != NULL ||
	    (err = knowledge(db, d)) != NULL)
		goto done;
	err = benchmarks(db, d);
done:
	inno_db_rollback(db);
	return err;
}

void
inno_dossier_release(struct inno_dossier *d)
{
	size_t i;

	for (i = 0; i < d->nitems; i++) {
		free(d->items[i].title);
		free(d->items[i].detail);
		free(d->items[i].extra);
	}
	free(d->items);
	free(d->name);
	free(d->dept);
	memset(d, 0, sizeof *d);
}

const struct inno_error *
inno_dossier_write(struct inno_out *out, const struct inno_dossier *d)
{
	static const char *const names[] = {"section", "date", "ref",
	    "title", "detail", "extra", "points"};
	static const enum inno_kind kinds[] = {INNO_TEXT, INNO_TEXT, INNO_NUM,
	    INNO_TEXT, INNO_TEXT, INNO_TEXT, INNO_NUM};
	const struct inno_dossier_item *it;
	const struct inno_error *err;
	size_t i;

	if ((err = inno_out_header(out, 7, names, kinds)) != NULL)
		return err;
	for (i = 0; i < d->nitems; i++) {
		it = &d->items[i];
		if ((err = inno_out_text(out, it->section)) != NULL ||
		    (err = *it->date != '\0' ? inno_out_text(out, it->date) :
		    inno_out_null(out)) != NULL ||
		    (err = it->ref != 0 ? inno_out_int(out, it->ref) :
		    inno_out_null(out)) != NULL ||
		    (err = inno_out_text(out, it->title)) != NULL ||
		    (err = inno_out_text(out, it->detail)) != NULL ||
		    (err = *it->extra != '\0' ? inno_out_text(out, it->extra) :
		    inno_out_null(out)) != NULL ||
		    (err = it->has_points ? inno_out_int(out, it->points) :
		    inno_out_null(out)) != NULL ||
		    (err = inno_out_endrow(out)) != NULL)
			return err;
	}
	return inno_out_finish(out);
}

/* ------------------------------------------------------------- text */

/* The items of one section, counted. */
static size_t
count(const struct inno_dossier *d, const char *section)
{
	size_t i, n = 0;

	for (i = 0; i < d->nitems; i++)
		n += strcmp(d->items[i].section, section) == 0;
	return n;
}

/* A text cell as it can be shown: control characters escaped. */
static void
put(FILE *fp, const char *s)
{
	char *e;

	if (inno_text_plain(s)) {
		fputs(s, fp);
		return;
	}
	if ((e = inno_text_escape(s)) != NULL)
		fputs(e, fp);
	free(e);
}

/*
 * A word of the records (a role, a status, a kind) as the text shows it:
 * in the message language when it is one of these, else as stored.  The
 * rows keep the stored word, since scripts read it.
 */
static const char *
word(const char *s)
{
	static const char *const words[] = {N_("leader"), N_("member"),
	    N_("speaker"), N_("participant"), N_("adopted"), N_("rejected"),
	    N_("pending"), N_("approved"), N_("submitted"), N_("completed"),
	    N_("incoming"), N_("outgoing"), N_("presentation"), N_("work"),
	    N_("living"), N_("manual"), N_("strategic"), N_("departmental"),
	    NULL};

	return inno_word_index(words, s) >= 0 ? _(s) : s;
}

/* The heading "□ heading (N건)" of a section, or nothing when empty. */
static int
heading(FILE *fp, const struct inno_dossier *d, const char *section,
    const char *title)
{
	size_t n = count(d, section);

	fprintf(fp, "\n□ %s ", title);
	fprintf(fp, _("(%zu)"), n);
	fputc('\n', fp);
	if (n == 0)
		fprintf(fp, "  ○ %s\n", _("none"));
	return n != 0;
}

/* The mileage: net points, then by month and category within the month. */
static void
text_mileage(FILE *fp, const struct inno_dossier *d)
{
	const struct inno_dossier_item *it, *jt;
	size_t i, j, k;
	int64_t total = 0, sum;
	char th[INNO_THOUSANDS_SIZE];
	int seen;

	for (i = 0; i < d->nitems; i++)
		if (strcmp(d->items[i].section, "mileage") == 0)
			total += d->items[i].points;
	fprintf(fp, "\n□ %s ", _("Innovation mileage"));
	fprintf(fp, _("(%s points)"), inno_fmt_thousands(total, th));
	fputc('\n', fp);
	if (count(d, "mileage") == 0)
		fprintf(fp, "  ○ %s\n", _("none"));
	for (i = 0; i < d->nitems; i++) {
		it = &d->items[i];
		if (strcmp(it->section, "mileage") != 0)
			continue;
		/* The first entry of its month opens the month. */
		for (seen = 0, j = 0; j < i && !seen; j++)
			seen = strcmp(d->items[j].section, "mileage") == 0 &&
			    strncmp(d->items[j].date, it->date, 7) == 0;
		if (seen)
			continue;
		for (sum = 0, j = i; j < d->nitems; j++)
			if (strcmp(d->items[j].section, "mileage") == 0 &&
			    strncmp(d->items[j].date, it->date, 7) == 0)
				sum += d->items[j].points;
		fprintf(fp, "  ○ %.7s: ", it->date);
		fprintf(fp, _("%s points"), inno_fmt_thousands(sum, th));
		fputc('\n', fp);
		for (j = i; j < d->nitems; j++) {
			jt = &d->items[j];
			if (strcmp(jt->section, "mileage") != 0 ||
			    strncmp(jt->date, it->date, 7) != 0)
				continue;
			for (seen = 0, k = i; k < j && !seen; k++)
				seen = strcmp(d->items[k].section,
				    "mileage") == 0 && strncmp(d->items[k].date,
				    it->date, 7) == 0 && strcmp(d->items[k].title,
				    jt->title) == 0;
			if (seen)
				continue;
			for (sum = 0, k = j; k < d->nitems; k++)
				if (strcmp(d->items[k].section,
				    "mileage") == 0 && strncmp(d->items[k].date,
				    it->date, 7) == 0 && strcmp(d->items[k].title,
				    jt->title) == 0)
					sum += d->items[k].points;
			fputs("    - ", fp);
			put(fp, jt->title);
			fputs(": ", fp);
			fprintf(fp, _("%s points"), inno_fmt_thousands(sum,
			    th));
			fputc('\n', fp);
		}
	}
	for (i = 0; i < d->nitems; i++) {
		it = &d->items[i];
		if (strcmp(it->section, "mvp") != 0)
			continue;
		fprintf(fp, "  ○ ");
		fprintf(fp, _("innovation MVP of %s (%s points)"), it->title,
		    inno_fmt_thousands(it->points, th));
		fputc('\n', fp);
	}
}

/*
 * One line a record: "  ○ date title (detail)" and, for a knowledge item,
 * its evaluations as "-" sub-items.
 */
static void
text_section(FILE *fp, const struct inno_dossier *d, const char *section,
    const char *title)
{
	const struct inno_dossier_item *it, *ev;
	size_t i, j;

	if (!heading(fp, d, section, title))
		return;
	for (i = 0; i < d->nitems; i++) {
		it = &d->items[i];
		if (strcmp(it->section, section) != 0)
			continue;
		fputs("  ○ ", fp);
		if (*it->date != '\0')
			fprintf(fp, "%s ", it->date);
		put(fp, it->title);
		fputs(" (", fp);
		put(fp, word(it->detail));
		if (*it->extra != '\0') {
			fputs(", ", fp);
			put(fp, word(it->extra));
		}
		fputs(")\n", fp);
		if (strcmp(section, "knowledge") != 0)
			continue;
		for (j = 0; j < d->nitems; j++) {
			ev = &d->items[j];
			if (strcmp(ev->section, "evaluation") != 0 ||
			    ev->ref != it->ref)
				continue;
			fprintf(fp, "    - %s ", ev->date);
			put(fp, word(ev->detail));
			if (*ev->extra != '\0') {
				fputs(" (", fp);
				put(fp, ev->extra);
				fputc(')', fp);
			}
			fputc('\n', fp);
		}
	}
}

const struct inno_error *
inno_dossier_text(FILE *fp, const struct inno_dossier *d)
{
	fprintf(fp, "□ %s: ", _("Innovation record"));
	put(fp, d->name);
	fprintf(fp, " (%s, ", d->employee_id);
	put(fp, d->dept);
	fputs(", ", fp);
	fprintf(fp, _("grade %lld"), (long long)d->grade);
	fputs(")\n", fp);
	if (d->period.first[0] == '\0' && d->period.last[0] == '\0')
		fprintf(fp, "  ○ %s: %s\n", _("Period"), _("every record"));
	else
		fprintf(fp, "  ○ %s: %s ~ %s\n", _("Period"),
		    d->period.first, d->period.last);
	text_section(fp, d, "task", _("Task forces"));
	text_mileage(fp, d);
	text_section(fp, d, "club", _("Learning clubs"));
	text_section(fp, d, "course", _("Courses completed"));
	text_section(fp, d, "idea", _("Ideas proposed"));
	text_section(fp, d, "knowledge", _("Knowledge items"));
	text_section(fp, d, "benchmark", _("Benchmarking and presentations"));
	if (fflush(fp) == EOF || ferror(fp))
		return inno_error_errno("%s", _("write error"));
	return NULL;
}
