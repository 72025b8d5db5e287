/*
 * task.c: innovation tasks.  The office collects candidate tasks into a
 * pool, scores and selects them, gives each a task force and dated
 * milestones, logs progress at its report meetings, and closes them.  The
 * fields, focus areas, the moves allowed between statuses and the pool's
 * scoring criteria come from inno.ini, because they change from year to
 * year; the 2007 fields and the usual workflow are the defaults.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "task.h"
#include "staff.h"
#include "i18n.h"

const char *const inno_task_statuses[INNO_TASK_NSTATUS + 1] = {
	"pool", "selected", "in_progress", "completed", "dropped", NULL
};
const char *const inno_task_origins[] = {"common", "own", "assigned", NULL};

/* The 15 fields of 2007 (seed 001), the first four the focus areas. */
static const char default_fields[] =
    "고객만족 제고, 행정의 투명성 제고, 업무프로세스 혁신, "
    "성과중심조직 운영, 주민참여, 지식관리, 정책품질관리, "
    "자원봉사 인프라 확충, 갈등관리, 민원행정 개선, 정보공개 활성화, "
    "행정서비스 전달체계 개선, 정책홍보, 지역인재 양성, "
    "공무원평생학습체계 구축";
static const char default_focus[] =
    "고객만족 제고, 행정의 투명성 제고, 업무프로세스 혁신, "
    "성과중심조직 운영";
/* pool -> selected, dropped; selected -> in_progress, dropped; ... */
static const char *const default_moves[INNO_TASK_NSTATUS] = {
	"selected, dropped", "in_progress, dropped", "completed, dropped",
	"", ""
};
static const char *const default_criteria[] = {
	"impact", "feasibility", "urgency", "citizen", NULL
};
static const int64_t default_weights[] = {40, 30, 20, 10};

#define MAX_FIELDS 64
#define MAX_CRITERIA 32

void
inno_task_conf_release(struct inno_task_conf *c)
{
	size_t i;

	for (i = 0; i < c->nfields; i++)
		free(c->fields[i]);
	free(c->fields);
	free(c->focus);
	free(c->all_list);
	free(c->focus_list);
	free(c->years_list);
	for (i = 0; i < c->ncriteria; i++)
		free(c->criteria[i]);
	free(c->criteria);
	free(c->weights);
	memset(c, 0, sizeof *c);
}

/*
 * Splits a comma-separated list into trimmed items; *items is the caller's
 * (each item and the array).  Empty items are skipped.
 */
static const struct inno_error *
split(const char *s, char ***items, size_t *n)
{
	const char *p = s, *e, *end;
	char **v;
	size_t cnt = 0;

	*items = NULL;
	*n = 0;
	if ((v = calloc(MAX_FIELDS, sizeof *v)) == NULL)
		return inno_error_nomem();
	*items = v;
	while (*p != '\0') {
		e = strchr(p, ',');
		end = e != NULL ? e : p + strlen(p);
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > p) {
			if (cnt == MAX_FIELDS)
				return inno_error(INNO_EUSAGE, _("more than %d "
				    "items in a list"), MAX_FIELDS);
			if ((v[cnt] = strndup(p, (size_t)(end - p))) == NULL)
				return inno_error_nomem();
			*n = ++cnt;
		}
		if (e == NULL)
			break;
		p = e + 1;
	}
	return NULL;
}

static void
free_items(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* "|a|b|c|" from a list, so SQL can test membership with instr(). */
static char *
bar_list(char **v, const int *keep, size_t n)
{
	size_t i, len = 2;
	char *s;

	for (i = 0; i < n; i++)
		len += strlen(v[i]) + 1;
	if ((s = malloc(len)) == NULL)
		return NULL;
	strcpy(s, "|");
	for (i = 0; i < n; i++)
		if (keep == NULL || keep[i]) {
			strcat(s, v[i]);
			strcat(s, "|");
		}
	return s;
}

int
inno_task_field_index(const struct inno_task_conf *c, const char *field)
{
	size_t i;

	for (i = 0; i < c->nfields; i++)
		if (strcmp(c->fields[i], field) == 0)
			return (int)i;
	return -1;
}

/*
 * Reads the fields from the key fkey (task:fields, or task:fields_YYYY for
 * a year of its own) and the focus areas from fockey.
 */
static const struct inno_error *
load_fields(const struct inno_config *cfg, struct inno_task_conf *c,
    const char *fkey, const char *fockey)
{
	const struct inno_error *err;
	const char *v;
	char **focus = NULL;
	size_t nfocus = 0, i, j;
	int k;

	v = inno_config_str(cfg, fkey, default_fields);
	if ((err = split(v, &c->fields, &c->nfields)) != NULL)
		return inno_error(err->code, _("%s: %s: %s"),
		    inno_config_origin(cfg, fkey), fkey, err->msg);
	if (c->nfields == 0)
		return inno_error(INNO_EUSAGE, _("%s: task:fields: no field "
		    "given"), inno_config_origin(cfg, fkey));
	for (i = 0; i < c->nfields; i++) {
		if (strchr(c->fields[i], '|') != NULL)
			return inno_error(INNO_EUSAGE, _("%s: task:fields: "
			    "\"%s\": a field may not contain '|'"),
			    inno_config_origin(cfg, fkey),
			    c->fields[i]);
		for (j = 0; j < i; j++)
			if (strcmp(c->fields[i], c->fields[j]) == 0)
				return inno_error(INNO_EUSAGE, _("%s: "
				    "task:fields: \"%s\" given twice"),
				    inno_config_origin(cfg, fkey),
				    c->fields[i]);
	}
	if ((c->focus = calloc(c->nfields, sizeof *c->focus)) == NULL)
		return inno_error_nomem();
	v = inno_config_str(cfg, fockey, NULL);
	if (v == NULL)
		v = inno_config_str(cfg, fkey, NULL) == NULL ?
		    default_focus : "";
	if ((err = split(v, &focus, &nfocus)) != NULL) {
		free_items(focus, nfocus);
		return inno_error(err->code, _("%s: task:focus: %s"),
		    inno_config_origin(cfg, fockey), err->msg);
	}
	for (i = 0; i < nfocus; i++) {
		if ((k = inno_task_field_index(c, focus[i])) < 0) {
			err = inno_error(INNO_EUSAGE, _("%s: task:focus: "
			    "\"%s\" is not one of task:fields"),
			    inno_config_origin(cfg, fockey), focus[i]);
			free_items(focus, nfocus);
			return err;
		}
		c->focus[k] = 1;
	}
	free_items(focus, nfocus);
	if ((c->all_list = bar_list(c->fields, NULL, c->nfields)) == NULL ||
	    (c->focus_list = bar_list(c->fields, c->focus, c->nfields)) ==
	    NULL)
		return inno_error_nomem();
	return NULL;
}

static const struct inno_error *
load_moves(const struct inno_config *cfg, struct inno_task_conf *c)
{
	const struct inno_error *err;
	char key[64], **to;
	const char *v;
	size_t n, i;
	int s, t;

	for (s = 0; s < INNO_TASK_NSTATUS; s++) {
		snprintf(key, sizeof key, "task_workflow:%s",
		    inno_task_statuses[s]);
		v = inno_config_str(cfg, key, default_moves[s]);
		if ((err = split(v, &to, &n)) != NULL) {
			free_items(to, n);
			return inno_error(err->code, "%s: %s: %s",
			    inno_config_origin(cfg, key), key, err->msg);
		}
		c->moves[s] = 0;
		for (i = 0; i < n; i++) {
			if ((t = inno_word_index(inno_task_statuses, to[i])) <
			    0 || t == s) {
				err = inno_error(INNO_EUSAGE, _("%s: %s = "
				    "\"%s\": \"%s\" is not another status "
				    "(pool, selected, in_progress, completed, "
				    "dropped)"), inno_config_origin(cfg, key),
				    key, v, to[i]);
				free_items(to, n);
				return err;
			}
			c->moves[s] |= 1u << t;
		}
		free_items(to, n);
	}
	return NULL;
}

static const struct inno_error *
load_criteria(const struct inno_config *cfg, struct inno_task_conf *c)
{
	const struct inno_error *err;
	const char **keys = NULL;
	size_t n = 0, i;

	if ((err = inno_config_keys(cfg, "task_priority", &keys, &n)) != NULL)
		return err;
	if (n > MAX_CRITERIA) {
		free(keys);
		return inno_error(INNO_EUSAGE,
		    _("[task_priority]: more than %d criteria"), MAX_CRITERIA);
	}
	if (n == 0)
		while (default_criteria[n] != NULL)
			n++;
	c->criteria = calloc(n, sizeof *c->criteria);
	c->weights = calloc(n, sizeof *c->weights);
	if (c->criteria == NULL || c->weights == NULL) {
		free(keys);
		return inno_error_nomem();
	}
	for (i = 0; i < n; i++) {
		const char *name = keys != NULL ? strchr(keys[i], ':') + 1 :
		    default_criteria[i];
		if ((c->criteria[i] = strdup(name)) == NULL) {
			free(keys);
			return inno_error_nomem();
		}
		c->ncriteria = i + 1;
		if (keys == NULL)
			c->weights[i] = default_weights[i];
		else if ((err = inno_config_int(cfg, keys[i], 0, 0, 1000,
		    &c->weights[i])) != NULL) {
			free(keys);
			return err;
		}
	}
	free(keys);
	return NULL;
}

const struct inno_error *
inno_task_conf_load(const struct inno_config *cfg, struct inno_task_conf *c)
{
	return inno_task_conf_load_year(cfg, NULL, c);
}

/*
 * "|f|g|...|": every field of every task:fields_YYYY key, so that a task
 * of such a year may name one of its fields.
 */
static const struct inno_error *
load_years(const struct inno_config *cfg, struct inno_task_conf *c)
{
	const struct inno_error *err;
	const char **keys = NULL, *k;
	char **v, *g;
	size_t n = 0, nv, i, j, len;

	if ((c->years_list = strdup("|")) == NULL)
		return inno_error_nomem();
	if ((err = inno_config_keys(cfg, "task", &keys, &n)) != NULL)
		return err;
	for (i = 0; i < n && err == NULL; i++) {
		k = strchr(keys[i], ':');
		k = k != NULL ? k + 1 : keys[i];
		if (strncmp(k, "fields_", 7) != 0)
			continue;
		if ((err = split(inno_config_str(cfg, keys[i], ""), &v, &nv)) !=
		    NULL)
			break;
		for (j = 0; j < nv && err == NULL; j++) {
			len = strlen(c->years_list);
			if ((g = realloc(c->years_list, len + strlen(v[j]) +
			    2)) == NULL) {
				err = inno_error_nomem();
				break;
			}
			c->years_list = g;
			snprintf(g + len, strlen(v[j]) + 2, "%s|", v[j]);
		}
		free_items(v, nv);
	}
	free(keys);
	return err;
}

const struct inno_error *
inno_task_conf_load_year(const struct inno_config *cfg, const char *year,
    struct inno_task_conf *c)
{
	const struct inno_error *err;
	char fkey[32] = "task:fields", fockey[32] = "task:focus";

	memset(c, 0, sizeof *c);
	if (year != NULL && strlen(year) == 4) {
		snprintf(fkey, sizeof fkey, "task:fields_%s", year);
		snprintf(fockey, sizeof fockey, "task:focus_%s", year);
		if (inno_config_str(cfg, fkey, NULL) == NULL) {
			snprintf(fkey, sizeof fkey, "task:fields");
			snprintf(fockey, sizeof fockey, "task:focus");
		}
	}
	if ((err = load_fields(cfg, c, fkey, fockey)) != NULL ||
	    (err = load_years(cfg, c)) != NULL ||
	    (err = load_moves(cfg, c)) != NULL ||
	    (err = load_criteria(cfg, c)) != NULL)
		return err;
	return NULL;
}

void
inno_task_moves(const struct inno_task_conf *c, int s, char *buf,
    size_t size)
{
	int t;

	buf[0] = '\0';
	for (t = 0; t < INNO_TASK_NSTATUS; t++)
		if (c->moves[s] & (1u << t)) {
			if (buf[0] != '\0')
				strncat(buf, ", ", size - strlen(buf) - 1);
			strncat(buf, inno_task_statuses[t], size - strlen(buf) -
			    1);
		}
	if (buf[0] == '\0')
		snprintf(buf, size, "none");
}

/* ------------------------------------------------------------ task-add */

/* The audit detail of a task entered in a status other than pool. */
#define ENTERED "entered as "

const struct inno_col inno_task_cols[INNO_TASK_NCOLS] = {
	{"title", 1}, {"field", 1}, {"origin", 0}, {"dept", 1},
	{"status", 0}, {"priority", 0}, {"budget", 0}, {"start", 0},
	{"due", 0},
};

/* Binds v, or NULL when the value is absent. */
static const struct inno_error *
bind_opt(struct inno_stmt *st, int idx, int present, int64_t v)
{
	return present ? inno_stmt_bind_int(st, idx, v) :
	    inno_stmt_bind_null(st, idx);
}

/* Reads and checks a field column against the configured fields. */
/* Whether field is one of a year's own fields (task:fields_YYYY). */
static int
year_field(const struct inno_task_conf *c, const char *field)
{
	const char *p;
	size_t n = strlen(field);

	for (p = c->years_list; p != NULL && (p = strchr(p, '|')) != NULL &&
	    p[1] != '\0'; p++)
		if (strncmp(p + 1, field, n) == 0 && p[n + 1] == '|')
			return 1;
	return 0;
}

static int
row_field(struct inno_row *r, int col, const struct inno_task_conf *c,
    const char **out)
{
	int rc;

	if ((rc = inno_row_text(r, col, 100, out)) <= 0)
		return rc;
	if (inno_task_field_index(c, *out) < 0 && !year_field(c, *out)) {
		inno_row_error(r, col, _("%.60s: not one of the %zu fields of "
		    "task:fields in inno.ini"), *out, c->nfields);
		return -1;
	}
	return 1;
}

/*
 * Listings write a title that a spreadsheet would run as a formula with a
 * leading "'"; a title read back from CSV loses that quote again, so that
 * task-list | task-add reproduces "=..." titles exactly.
 */
static const char *
unquote_title(struct inno_row *r, const char *title)
{
	if (title != NULL && inno_row_is_batch(r) && title[0] == '\'' &&
	    inno_out_is_formula(title + 1))
		return title + 1;
	return title;
}

const struct inno_error *
inno_task_add_row(void *arg, struct inno_row *r)
{
	struct inno_task_add *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *title, *field;
	char start[11], due[11];
	int64_t dept_id = 0, priority = 0, budget = 0;
	int origin = 1, status = INNO_TASK_POOL, has_pri, has_budget, row;

	inno_row_text(r, INNO_TASK_TITLE, 0, &title);
	title = unquote_title(r, title);
	if (title != NULL && inno_utf8_len(title, strlen(title)) > 200)
		inno_row_error(r, INNO_TASK_TITLE,
		    _("longer than 200 characters"));
	row_field(r, INNO_TASK_FIELD, a->conf, &field);
	inno_row_word(r, INNO_TASK_ORIGIN, inno_task_origins, &origin);
	inno_row_dept(r, INNO_TASK_DEPT, &dept_id);
	inno_row_word(r, INNO_TASK_STATUS, inno_task_statuses, &status);
	has_pri = inno_row_int(r, INNO_TASK_PRIORITY, 0, 1000, &priority);
	has_budget = inno_row_money(r, INNO_TASK_BUDGET, &budget);
	inno_row_date(r, INNO_TASK_START, start);
	inno_row_date(r, INNO_TASK_DUE, due);
	if (!inno_row_bad(r) && start[0] && due[0] && strcmp(due, start) < 0)
		inno_row_error(r, INNO_TASK_DUE,
		    _("%s: before the start %s"), due,
		    start);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_prepare(db, &st, "INSERT INTO task (title, field, "
	    "origin, dept_id, status, priority, budget, start, due) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?)")) != NULL)
		return err;
	/* Priority and budget may be absent (NULL) or zero. */
	if ((err = inno_stmt_bind_text(st, 1, title, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 2, field, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 3, inno_task_origins[origin],
	    -1)) != NULL ||
	    (err = inno_stmt_bind_int(st, 4, dept_id)) != NULL ||
	    (err = inno_stmt_bind_text(st, 5, inno_task_statuses[status],
	    -1)) != NULL ||
	    (err = bind_opt(st, 6, has_pri == 1, priority)) != NULL ||
	    (err = bind_opt(st, 7, has_budget == 1, budget)) != NULL ||
	    (err = inno_stmt_bind_text(st, 8, start[0] ? start : NULL, -1)) !=
	    NULL ||
	    (err = inno_stmt_bind_text(st, 9, due[0] ? due : NULL, -1)) !=
	    NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	inno_stmt_reset(st);
	a->last_id = inno_db_last_id(db);
	/*
	 * The workflow starts in the pool; a task entered further along has
	 * its status written to the audit trail, so that inno-check can
	 * follow every task's status from its entry to now.  The line's
	 * action is "status", not "insert": an insert line is the batch's,
	 * covering the range of ids it wrote.
	 */
	if (status != INNO_TASK_POOL && (err = inno_audit(db, "status",
	    "task", a->last_id, a->last_id, "task %lld: " ENTERED "%s",
	    (long long)a->last_id, inno_task_statuses[status])) != NULL)
		return err;
	inno_row_wrote(r, a->last_id);
	return NULL;
}

/* --------------------------------------------------------- task-update */

const struct inno_col inno_task_update_cols[INNO_TASKU_NCOLS] = {
	{"id", 1}, {"title", 0}, {"field", 0}, {"origin", 0}, {"dept", 0},
	{"status", 0}, {"priority", 0}, {"budget", 0}, {"start", 0},
	{"due", 0},
};

/* A task as stored, for comparing with the requested values. */
struct task_now {
	char title[1024], field[512], origin[16], dept[512], status[16];
	char start[11], due[11];
	int64_t dept_id, priority, budget;
	int has_priority, has_budget;
};

static const struct inno_error *
task_load(struct inno_db *db, int64_t id, struct task_now *t, int *found)
{
	const struct inno_error *err;
	struct inno_stmt *st;

	if ((err = inno_db_query(db, &st, "SELECT t.title, t.field, t.origin, "
	    "inno_dept_name(t.dept_id), t.status, t.priority, t.budget, "
	    "t.start, t.due, t.dept_id FROM task t WHERE t.id = ?", "i",
	    id)) != NULL || (err = inno_stmt_step(st, found)) != NULL)
		return err;
	if (*found) {
		inno_text_copy(t->title, sizeof t->title, inno_stmt_text(st, 0));
		inno_text_copy(t->field, sizeof t->field, inno_stmt_text(st, 1));
		inno_text_copy(t->origin, sizeof t->origin, inno_stmt_text(st, 2));
		inno_text_copy(t->dept, sizeof t->dept, inno_stmt_text(st, 3));
		inno_text_copy(t->status, sizeof t->status, inno_stmt_text(st, 4));
		t->has_priority = !inno_stmt_isnull(st, 5);
		t->priority = inno_stmt_int(st, 5);
		t->has_budget = !inno_stmt_isnull(st, 6);
		t->budget = inno_stmt_int(st, 6);
		inno_text_copy(t->start, sizeof t->start, inno_stmt_text(st, 7));
		inno_text_copy(t->due, sizeof t->due, inno_stmt_text(st, 8));
		t->dept_id = inno_stmt_int(st, 9);
	}
	inno_stmt_reset(st);
	return NULL;
}

/* Appends "what old -> new" to the change list. */
static void
change(char *buf, size_t size, const char *what, const char *from,
    const char *to)
{
	size_t len = strlen(buf);

	snprintf(buf + len, size - len, "%s%s %s -> %s", len ? "; " : "", what,
	    from[0] ? from : "(none)", to[0] ? to : "(none)");
}

/* Checks option text: valid UTF-8, not empty, at most max characters. */
static const char *
check_text(const char *s, size_t max)
{
	size_t bad, len = strlen(s);
	const char *why;

	if (len == 0)
		return "empty";
	if ((why = inno_utf8_check(s, len, &bad)) != NULL)
		return why;
	if (inno_utf8_len(s, len) > max)
		return _("too long");
	return NULL;
}

/* Splits "YYYY-MM-DD:TITLE" into a checked date and the title. */
static const char *
date_title(const char *s, char date[11], const char **title)
{
	const char *why;

	if (strlen(s) < 12 || s[10] != ':')
		return "expected YYYY-MM-DD:TITLE";
	if ((why = inno_parse_date(s, 10, date)) != NULL)
		return why;
	*title = s + 11;
	return check_text(*title, 200);
}

static const struct inno_error *
employee_find(struct inno_db *db, const char *eid, int64_t *id, char
    joined[11], char left[11], int *found)
{
	const struct inno_error *err;
	struct inno_stmt *st;

	if ((err = inno_db_query(db, &st, "SELECT e, inno_employee_joined(e), "
	    "inno_employee_left(e) FROM (SELECT inno_employee_ref(?) AS e) "
	    "WHERE e IS NOT NULL", "t", eid)) != NULL ||
	    (err = inno_stmt_step(st, found)) != NULL)
		return err;
	if (*found) {
		*id = inno_stmt_int(st, 0);
		inno_text_copy(joined, 11, inno_stmt_text(st, 1));
		inno_text_copy(left, 11, inno_stmt_text(st, 2));
	}
	inno_stmt_reset(st);
	return NULL;
}

/*
 * Puts employee eid on the task force of task with role from day on, or
 * gives a current member the new role.  A refusal is recorded on the row:
 * at column col with the message naming the employee, or (col -1) naming
 * what, the option value it came from.  *changed counts a change made;
 * *inserted receives the id of a membership inserted (0 when none), whose
 * audit line the caller writes.
 */
static const struct inno_error *
member_add(struct inno_row *r, int64_t task, const char *eid,
    const char *role, const char *on, int col, const char *what,
    size_t *changed, int64_t *inserted)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	char joined[11], left[11], *old = NULL;
	const char *why;
	int64_t emp = 0, mid;
	int found;

	*inserted = 0;
	if ((why = check_text(eid, 32)) != NULL ||
	    (why = check_text(role, 50)) != NULL) {
		if (col < 0)
			inno_row_error(r, -1, _("--add-member=%.80s: %s"), what,
			    why);
		else
			inno_row_error(r, col, "%s", why);
		return NULL;
	}
	if ((err = employee_find(db, eid, &emp, joined, left, &found)) !=
	    NULL)
		return err;
	if (!found) {
		if (col < 0)
			inno_row_error(r, -1,
			    _("--add-member=%.80s: no such employee"), what);
		else
			inno_row_error(r, col, _("%.80s: no such employee"),
			    eid);
		return NULL;
	}
	if ((joined[0] && strcmp(on, joined) < 0) ||
	    (left[0] && strcmp(on, left) > 0)) {
		if (col < 0)
			inno_row_error(r, -1, _("--add-member=%.80s: not "
			    "employed on %s"), what, on);
		else
			inno_row_error(r, col, _("%.80s: not employed on %s"),
			    eid, on);
		return NULL;
	}
	if ((err = inno_db_text(db, &old, "SELECT role FROM task_member "
	    "WHERE task_id = ? AND employee_id = ? AND left IS NULL",
	    "ii", task, emp)) != NULL)
		return err;
	if (old != NULL) {
		int same = strcmp(old, role) == 0;

		free(old);
		if (same) {
			if (col < 0)
				inno_row_error(r, -1, _("--add-member=%.80s: "
				    "already on the task force"), what);
			else
				inno_row_error(r, col, _("%.80s: already on "
				    "the task force of task %lld"), eid,
				    (long long)task);
			return NULL;
		}
		/* A member given a new role keeps the membership. */
		if ((err = inno_db_int(db, &mid, &found, "SELECT id "
		    "FROM task_member WHERE task_id = ? AND "
		    "employee_id = ? AND left IS NULL", "ii", task,
		    emp)) != NULL ||
		    (err = inno_db_run(db, "UPDATE task_member SET "
		    "role = ? WHERE id = ?", "ti", role, mid)) !=
		    NULL ||
		    (err = inno_audit(db, "update", "task_member", mid,
		    mid, "task %lld: member %s role %s", (long long)task,
		    eid, role)) != NULL)
			return err;
		(*changed)++;
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO task_member (task_id, "
	    "employee_id, role, joined) VALUES (?, ?, ?, ?)", "iitt",
	    task, emp, role, on)) != NULL)
		return err;
	*inserted = inno_db_last_id(db);
	(*changed)++;
	return NULL;
}

static const struct inno_error *
add_members(struct inno_row *r, struct inno_task_update *u, int64_t task,
    const char *on)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	char eid[128], *role;
	int64_t mid;
	size_t i;

	for (i = 0; i < u->add_member.n; i++) {
		const char *arg = u->add_member.v[i];

		inno_text_copy(eid, sizeof eid, arg);
		role = strchr(eid, ':');
		if (role != NULL)
			*role++ = '\0';
		else
			role = "member";
		if ((err = member_add(r, task, eid, role, on, -1, arg,
		    &u->changed, &mid)) != NULL)
			return err;
		if (mid > 0 && (err = inno_audit(db, "insert", "task_member",
		    mid, mid, "task %lld: member %s (%s) joined %s",
		    (long long)task, eid, role, on)) != NULL)
			return err;
	}
	return NULL;
}

const struct inno_col inno_task_member_cols[INNO_TMEM_NCOLS] = {
	{"task", 1}, {"employee_id", 1}, {"role", 0}, {"joined", 0},
};

const struct inno_error *
inno_task_member_row(void *arg, struct inno_row *r)
{
	int64_t *last = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *eid, *role;
	char joined[11];
	int64_t task = 0, x, mid;
	size_t changed = 0;
	int found;

	inno_row_int(r, INNO_TMEM_TASK, 1, INT64_MAX, &task);
	inno_row_text(r, INNO_TMEM_EMPLOYEE, 32, &eid);
	if (inno_row_text(r, INNO_TMEM_ROLE, 50, &role) != 1)
		role = "member";
	inno_row_date(r, INNO_TMEM_JOINED, joined);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_int(db, &x, &found, "SELECT id FROM task WHERE id "
	    "= ?", "i", task)) != NULL)
		return err;
	if (!found) {
		inno_row_error(r, INNO_TMEM_TASK, _("%lld: no such task"),
		    (long long)task);
		return NULL;
	}
	if (joined[0] == '\0' && (err = inno_today(joined)) != NULL)
		return err;
	if ((err = member_add(r, task, eid, role, joined, INNO_TMEM_EMPLOYEE,
	    NULL, &changed, &mid)) != NULL)
		return err;
	if (inno_row_bad(r))
		return NULL;
	if (mid > 0 && last != NULL)
		*last = mid;
	/* The runner audits the memberships inserted; a new role was. */
	inno_row_wrote(r, mid);
	return NULL;
}

static const struct inno_error *
remove_members(struct inno_row *r, struct inno_task_update *u, int64_t task,
    const char *on)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	char *joined = NULL;
	int64_t mid;
	size_t i;
	int found;

	for (i = 0; i < u->remove_member.n; i++) {
		const char *eid = u->remove_member.v[i];
		if ((err = inno_db_int(db, &mid, &found, "SELECT m.id FROM "
		    "task_member m WHERE m.task_id = ? AND m.employee_id = "
		    "inno_employee_ref(?) AND m.left IS NULL", "it", task,
		    eid)) != NULL)
			return err;
		if (!found) {
			inno_row_error(r, -1, _("--remove-member=%.80s: not on "
			    "the task force of task %lld"), eid,
			    (long long)task);
			continue;
		}
		if ((err = inno_db_text(db, &joined, "SELECT joined FROM "
		    "task_member WHERE id = ?", "i", mid)) != NULL)
			return err;
		if (joined != NULL && strcmp(on, joined) < 0) {
			inno_row_error(r, -1, _("--remove-member=%.80s: %s is "
			    "before joining on %s"), eid, on, joined);
			free(joined);
			continue;
		}
		free(joined);
		if ((err = inno_db_run(db, "UPDATE task_member SET left = ? "
		    "WHERE id = ?", "ti", on, mid)) != NULL ||
		    (err = inno_audit(db, "update", "task_member", mid, mid,
		    "task %lld: member %s left %s", (long long)task, eid,
		    on)) != NULL)
			return err;
		u->changed++;
	}
	return NULL;
}

static const struct inno_error *
milestones(struct inno_row *r, struct inno_task_update *u, int64_t task,
    const char *on)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *title, *why;
	char date[11], *old = NULL;
	int64_t mid;
	size_t i;
	int found;

	for (i = 0; i < u->milestone.n; i++) {
		if ((why = date_title(u->milestone.v[i], date, &title)) !=
		    NULL) {
			inno_row_error(r, -1, _("--milestone=%.80s: %s"),
			    u->milestone.v[i], why);
			continue;
		}
		if ((err = inno_db_int(db, &mid, &found, "SELECT id FROM "
		    "task_milestone WHERE task_id = ? AND title = ?", "it",
		    task, title)) != NULL)
			return err;
		if (found) {
			inno_row_error(r, -1, _("--milestone=%.80s: the task "
			    "already has this milestone (use --move)"),
			    u->milestone.v[i]);
			continue;
		}
		if ((err = inno_db_run(db, "INSERT INTO task_milestone "
		    "(task_id, title, due) VALUES (?, ?, ?)", "itt", task,
		    title, date)) != NULL)
			return err;
		mid = inno_db_last_id(db);
		if ((err = inno_audit(db, "insert", "task_milestone", mid, mid,
		    "task %lld: milestone %s due %s", (long long)task, title,
		    date)) != NULL)
			return err;
		u->changed++;
	}
	for (i = 0; i < u->move.n; i++) {
		if ((why = date_title(u->move.v[i], date, &title)) != NULL) {
			inno_row_error(r, -1, _("--move=%.80s: %s"),
			    u->move.v[i], why);
			continue;
		}
		if ((err = inno_db_int(db, &mid, &found, "SELECT id FROM "
		    "task_milestone WHERE task_id = ? AND title = ?", "it",
		    task, title)) != NULL)
			return err;
		if (!found) {
			inno_row_error(r, -1,
			    _("--move=%.80s: no such milestone"),
			    u->move.v[i]);
			continue;
		}
		if ((err = inno_db_text(db, &old, "SELECT due FROM "
		    "task_milestone WHERE id = ?", "i", mid)) != NULL)
			return err;
		if (old != NULL && strcmp(old, date) != 0) {
			err = inno_db_run(db, "UPDATE task_milestone SET due = "
			    "? WHERE id = ?", "ti", date, mid);
			if (err == NULL)
				err = inno_audit(db, "update", "task_milestone",
				    mid, mid, "task %lld: milestone %s due %s "
				    "-> %s", (long long)task, title, old, date);
			u->changed++;
		}
		free(old);
		old = NULL;
		if (err != NULL)
			return err;
	}
	for (i = 0; i < u->done.n; i++) {
		title = u->done.v[i];
		if ((err = inno_db_text(db, &old, "SELECT coalesce(done, '') "
		    "FROM task_milestone WHERE task_id = ? AND title = ?", "it",
		    task, title)) != NULL)
			return err;
		if (old == NULL)
			inno_row_error(r, -1,
			    _("--done=%.80s: no such milestone"),
			    title);
		else if (old[0] != '\0')
			inno_row_error(r, -1, _("--done=%.80s: already reached "
			    "on %s"), title, old);
		else if ((err = inno_db_int(db, &mid, &found, "SELECT id FROM "
		    "task_milestone WHERE task_id = ? AND title = ?", "it",
		    task, title)) == NULL && (err = inno_db_run(db, "UPDATE "
		    "task_milestone SET done = ? WHERE id = ?", "ti", on,
		    mid)) == NULL) {
			err = inno_audit(db, "update", "task_milestone", mid,
			    mid, "task %lld: milestone %s done %s",
			    (long long)task, title, on);
			u->changed++;
		}
		free(old);
		old = NULL;
		if (err != NULL)
			return err;
	}
	return NULL;
}

/*
 * Records the scores, then recomputes the priority as the weighted mean of
 * every criterion's score (a criterion not yet scored counts 0).
 */
static const struct inno_error *
scores(struct inno_row *r, struct inno_task_update *u, int64_t task,
    int64_t *priority)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_task_conf *c = u->conf;
	const struct inno_error *err;
	const char *eq, *why;
	char name[128];
	int64_t score, sid, sum = 0, wsum = 0, old;
	size_t i, k;
	int found;

	for (i = 0; i < u->score.n; i++) {
		const char *arg = u->score.v[i];
		if ((eq = strchr(arg, '=')) == NULL) {
			inno_row_error(r, -1,
			    _("--score=%.80s: expected CRITERION=N"), arg);
			continue;
		}
		snprintf(name, sizeof name, "%.*s", (int)(eq - arg), arg);
		for (k = 0; k < c->ncriteria; k++)
			if (strcmp(c->criteria[k], name) == 0)
				break;
		if (k == c->ncriteria) {
			inno_row_error(r, -1, _("--score=%.80s: %s is not a "
			    "criterion of [task_priority] in inno.ini"), arg,
			    name);
			continue;
		}
		if ((why = inno_parse_int(eq + 1, strlen(eq + 1), 0, 100,
		    &score)) != NULL) {
			inno_row_error(r, -1, _("--score=%.80s: %s (0 to 100)"),
			    arg, why);
			continue;
		}
		if ((err = inno_db_int(db, &sid, &found, "SELECT id FROM "
		    "task_score WHERE task_id = ? AND criterion = ?", "it",
		    task, name)) != NULL)
			return err;
		if (found) {
			if ((err = inno_db_int(db, &old, NULL, "SELECT score "
			    "FROM task_score WHERE id = ?", "i", sid)) != NULL)
				return err;
			if (old == score)
				continue;
			if ((err = inno_db_run(db, "UPDATE task_score SET "
			    "score = ? WHERE id = ?", "ii", score, sid)) !=
			    NULL || (err = inno_audit(db, "update",
			    "task_score", sid, sid, "task %lld: score %s %lld "
			    "-> %lld", (long long)task, name, (long long)old,
			    (long long)score)) != NULL)
				return err;
		} else {
			if ((err = inno_db_run(db, "INSERT INTO task_score "
			    "(task_id, criterion, score) VALUES (?, ?, ?)",
			    "iti", task, name, score)) != NULL)
				return err;
			sid = inno_db_last_id(db);
			if ((err = inno_audit(db, "insert", "task_score", sid,
			    sid, "task %lld: score %s %lld", (long long)task,
			    name, (long long)score)) != NULL)
				return err;
		}
		u->changed++;
	}
	for (k = 0; k < c->ncriteria; k++) {
		if ((err = inno_db_int(db, &score, &found, "SELECT score FROM "
		    "task_score WHERE task_id = ? AND criterion = ?", "it",
		    task, c->criteria[k])) != NULL)
			return err;
		if (found)
			sum += score * c->weights[k];
		wsum += c->weights[k];
	}
	*priority = wsum > 0 ? (sum + wsum / 2) / wsum : 0;
	return NULL;
}

#define UCOL(x) ((x) + 1)

const struct inno_error *
inno_task_update_row(void *arg, struct inno_row *r)
{
	struct inno_task_update *u = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	struct inno_stmt *st;
	struct task_now t;
	const char *title, *field, *dept;
	char start[11], due[11], today[11], chg[4096] = "", a[32], b[32];
	char allowed[128];
	int64_t id, dept_id = 0, priority = 0, budget = 0;
	int origin = -1, status = -1, has_pri, has_budget, found, cur, row;

	inno_row_int(r, INNO_TASKU_ID, 1, INT64_MAX, &id);
	inno_row_text(r, UCOL(INNO_TASK_TITLE), 0, &title);
	title = unquote_title(r, title);
	if (title != NULL && inno_utf8_len(title, strlen(title)) > 200)
		inno_row_error(r, UCOL(INNO_TASK_TITLE),
		    _("longer than 200 characters"));
	row_field(r, UCOL(INNO_TASK_FIELD), u->conf, &field);
	inno_row_word(r, UCOL(INNO_TASK_ORIGIN), inno_task_origins, &origin);
	if (inno_row_text(r, UCOL(INNO_TASK_DEPT), 100, &dept) == 1 &&
	    inno_row_dept(r, UCOL(INNO_TASK_DEPT), &dept_id) != 1)
		dept_id = 0;
	inno_row_word(r, UCOL(INNO_TASK_STATUS), inno_task_statuses, &status);
	has_pri = inno_row_int(r, UCOL(INNO_TASK_PRIORITY), 0, 1000,
	    &priority);
	has_budget = inno_row_money(r, UCOL(INNO_TASK_BUDGET), &budget);
	inno_row_date(r, UCOL(INNO_TASK_START), start);
	inno_row_date(r, UCOL(INNO_TASK_DUE), due);
	if (has_pri == 1 && u->score.n > 0)
		inno_row_error(r, UCOL(INNO_TASK_PRIORITY), _("give a priority "
		    "or scores, not both"));
	if (inno_row_bad(r))
		return NULL;
	if ((err = task_load(db, id, &t, &found)) != NULL)
		return err;
	if (!found) {
		inno_row_error(r, -1, _("task %lld: no such task"),
		    (long long)id);
		return NULL;
	}
	if (u->on == NULL) {
		if ((err = inno_today(today)) != NULL)
			return err;
	} else
		inno_text_copy(today, sizeof today, u->on);

	/*
	 * The status move comes first in the audit line, where inno-check
	 * reads it (a title further on cannot pass for one).
	 */
	if (status >= 0 && strcmp(inno_task_statuses[status], t.status) != 0) {
		cur = inno_word_index(inno_task_statuses, t.status);
		if (cur < 0 || !(u->conf->moves[cur] & (1u << status))) {
			inno_task_moves(u->conf, cur < 0 ? 0 : cur, allowed,
			    sizeof allowed);
			inno_row_error(r, UCOL(INNO_TASK_STATUS), _("%s -> %s "
			    "is not an allowed move; from %s the task may move "
			    "to: %s"), t.status, inno_task_statuses[status],
			    t.status, allowed);
			return NULL;
		}
		change(chg, sizeof chg, "status", t.status,
		    inno_task_statuses[status]);
		inno_text_copy(t.status, sizeof t.status, inno_task_statuses[status]);
	}
	if (title != NULL && strcmp(title, t.title) != 0) {
		change(chg, sizeof chg, "title", t.title, title);
		inno_text_copy(t.title, sizeof t.title, title);
	}
	if (field != NULL && strcmp(field, t.field) != 0) {
		change(chg, sizeof chg, "field", t.field, field);
		inno_text_copy(t.field, sizeof t.field, field);
	}
	if (origin >= 0 && strcmp(inno_task_origins[origin], t.origin) != 0) {
		change(chg, sizeof chg, "origin", t.origin,
		    inno_task_origins[origin]);
		inno_text_copy(t.origin, sizeof t.origin, inno_task_origins[origin]);
	}
	if (dept != NULL && dept_id != 0 && dept_id != t.dept_id) {
		change(chg, sizeof chg, "dept", t.dept, dept);
		t.dept_id = dept_id;
	}
	if (start[0] && strcmp(start, t.start) != 0) {
		change(chg, sizeof chg, "start", t.start, start);
		inno_text_copy(t.start, sizeof t.start, start);
	}
	if (due[0] && strcmp(due, t.due) != 0) {
		change(chg, sizeof chg, "due", t.due, due);
		inno_text_copy(t.due, sizeof t.due, due);
	}
	if (t.start[0] && t.due[0] && strcmp(t.due, t.start) < 0) {
		inno_row_error(r, due[0] ? UCOL(INNO_TASK_DUE) :
		    UCOL(INNO_TASK_START), _("the due date %s would be before "
		    "the start %s"), t.due, t.start);
		return NULL;
	}
	if (has_budget == 1 && (!t.has_budget || budget != t.budget)) {
		snprintf(a, sizeof a, "%lld", (long long)t.budget);
		snprintf(b, sizeof b, "%lld", (long long)budget);
		change(chg, sizeof chg, "budget", t.has_budget ? a : "", b);
		t.budget = budget;
		t.has_budget = 1;
	}
	if (u->score.n > 0) {
		if ((err = scores(r, u, id, &priority)) != NULL)
			return err;
		if (inno_row_bad(r))
			return NULL;
		has_pri = 1;
	}
	if (has_pri == 1 && (!t.has_priority || priority != t.priority)) {
		snprintf(a, sizeof a, "%lld", (long long)t.priority);
		snprintf(b, sizeof b, "%lld", (long long)priority);
		change(chg, sizeof chg, "priority", t.has_priority ? a : "", b);
		t.priority = priority;
		t.has_priority = 1;
	}
	if (chg[0] != '\0') {
		if ((err = inno_db_prepare(db, &st, "UPDATE task SET title = ?, "
		    "field = ?, origin = ?, dept_id = ?, status = ?, priority "
		    "= ?, budget = ?, start = ?, due = ? WHERE id = ?")) !=
		    NULL)
			return err;
		if ((err = inno_stmt_bind_text(st, 1, t.title, -1)) != NULL ||
		    (err = inno_stmt_bind_text(st, 2, t.field, -1)) != NULL ||
		    (err = inno_stmt_bind_text(st, 3, t.origin, -1)) != NULL ||
		    (err = inno_stmt_bind_int(st, 4, t.dept_id)) != NULL ||
		    (err = inno_stmt_bind_text(st, 5, t.status, -1)) != NULL ||
		    (err = bind_opt(st, 6, t.has_priority, t.priority)) !=
		    NULL ||
		    (err = bind_opt(st, 7, t.has_budget, t.budget)) != NULL ||
		    (err = inno_stmt_bind_text(st, 8, t.start[0] ? t.start :
		    NULL, -1)) != NULL ||
		    (err = inno_stmt_bind_text(st, 9, t.due[0] ? t.due : NULL,
		    -1)) != NULL ||
		    (err = inno_stmt_bind_int(st, 10, id)) != NULL ||
		    (err = inno_stmt_step(st, &row)) != NULL)
			return err;
		inno_stmt_reset(st);
		if ((err = inno_audit(db, "update", "task", id, id, "%s",
		    chg)) != NULL)
			return err;
		u->changed++;
	}
	if (u->named != NULL) {
		int64_t was, want;

		if (strcmp(u->named, "0") != 0 && strcmp(u->named, "1") != 0) {
			inno_row_error(r, -1, _("--named=%.20s: expected 0 or "
			    "1"), u->named);
			return NULL;
		}
		want = u->named[0] == '1';
		if ((err = inno_db_int(db, &was, &found, "SELECT named FROM "
		    "task WHERE id = ?", "i", id)) != NULL)
			return err;
		if (was != want) {
			if ((err = inno_db_run(db, "UPDATE task SET named = ? "
			    "WHERE id = ?", "ii", want, id)) != NULL ||
			    (err = inno_audit(db, "update", "task", id, id,
			    "named %lld", (long long)want)) != NULL)
				return err;
			u->changed++;
		}
	}
	if ((err = add_members(r, u, id, today)) != NULL ||
	    (err = remove_members(r, u, id, today)) != NULL ||
	    (err = milestones(r, u, id, today)) != NULL)
		return err;
	inno_row_wrote(r, 0);
	return NULL;
}

/* ------------------------------------------------------------ task-log */

const struct inno_col inno_task_log_cols[INNO_TLOG_NCOLS] = {
	{"task", 1}, {"date", 0}, {"note", 1}, {"percent", 0},
	{"meeting", 0},
};

const struct inno_error *
inno_task_log_row(void *arg, struct inno_row *r)
{
	int64_t *last = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *note, *meeting;
	char date[11];
	int64_t task, percent = 0, x;
	int has_pct, found, row;

	inno_row_int(r, INNO_TLOG_TASK, 1, INT64_MAX, &task);
	inno_row_date(r, INNO_TLOG_DATE, date);
	inno_row_text(r, INNO_TLOG_NOTE, 2000, &note);
	has_pct = inno_row_int(r, INNO_TLOG_PERCENT, 0, 100, &percent);
	inno_row_text(r, INNO_TLOG_MEETING, 100, &meeting);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_int(db, &x, &found, "SELECT id FROM task WHERE id "
	    "= ?", "i", task)) != NULL)
		return err;
	if (!found) {
		inno_row_error(r, INNO_TLOG_TASK, _("%lld: no such task"),
		    (long long)task);
		return NULL;
	}
	if (date[0] == '\0' && (err = inno_today(date)) != NULL)
		return err;
	if ((err = inno_db_prepare(db, &st, "INSERT INTO task_log (task_id, "
	    "date, note, percent, meeting) VALUES (?, ?, ?, ?, ?)")) != NULL)
		return err;
	if ((err = inno_stmt_bind_int(st, 1, task)) != NULL ||
	    (err = inno_stmt_bind_text(st, 2, date, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 3, note, -1)) != NULL ||
	    (err = bind_opt(st, 4, has_pct == 1, percent)) != NULL ||
	    (err = inno_stmt_bind_text(st, 5, meeting, -1)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	inno_stmt_reset(st);
	*last = inno_db_last_id(db);
	inno_row_wrote(r, *last);
	return NULL;
}

/*
 * The audit trail's lines about task id, oldest first, read through the
 * audit module's audit_lines view (audit.h).  A batch's audit line covers a range of ids that may span several
 * tasks, so lines are matched to the task through the rows they cover;
 * progress entries show their own date, note and meeting.  The columns:
 * at, user, program, action, what, date, detail, percent, meeting.
 */
static const struct inno_error *
audit_history(struct inno_db *db, int64_t id, struct inno_stmt **stp)
{
	return inno_db_query(db, stp, "SELECT a.at, a.user, a.program, "
	    "a.action, a.tbl AS what, l.date, "
	    "CASE WHEN l.id IS NOT NULL THEN l.note ELSE a.detail END AS "
	    "detail, l.percent, l.meeting FROM audit_lines a "
	    "LEFT JOIN task_log l ON a.tbl = 'task_log' AND l.id BETWEEN "
	    "a.first_id AND a.last_id AND l.task_id = ?1 "
	    "WHERE (a.tbl = 'task' AND ?1 BETWEEN a.first_id AND a.last_id) "
	    "OR l.id IS NOT NULL "
	    "OR (a.tbl = 'task_member' AND EXISTS (SELECT 1 FROM task_member "
	    "m WHERE m.task_id = ?1 AND m.id BETWEEN a.first_id AND "
	    "a.last_id)) "
	    "OR (a.tbl = 'task_milestone' AND EXISTS (SELECT 1 FROM "
	    "task_milestone m WHERE m.task_id = ?1 AND m.id BETWEEN "
	    "a.first_id AND a.last_id)) "
	    "OR (a.tbl = 'task_score' AND EXISTS (SELECT 1 FROM task_score s "
	    "WHERE s.task_id = ?1 AND s.id BETWEEN a.first_id AND "
	    "a.last_id)) "
	    "ORDER BY a.id, l.id", "i", id);
}

/*
 * The audit trail's own lines about single tasks (task-add's status line
 * or a task-update change), oldest first: the task's id and the detail,
 * through the audit_lines view like audit_history.
 */
static const struct inno_error *
audit_task_lines(struct inno_db *db, struct inno_stmt **stp)
{
	return inno_db_query(db, stp, "SELECT first_id, detail FROM audit_lines "
	    "WHERE tbl = 'task' AND first_id = last_id AND action IN "
	    "('status', 'update') ORDER BY id", NULL);
}

const struct inno_error *
inno_task_history(struct inno_db *db, int64_t id, struct inno_stmt **stp)
{
	const struct inno_error *err;
	int found;

	if ((err = inno_task_exists(db, id, &found)) != NULL)
		return err;
	if (!found)
		return inno_error(INNO_EINPUT, _("%lld: no such task"),
		    (long long)id);
	return audit_history(db, id, stp);
}

/* ----------------------------------------------------------- task-list */

/*
 * Whether field x is one of the focus fields ?12 ('|'-separated), as 1
 * or 0: an integer, not a comparison's truth, so that it goes with the 0
 * of the rows of fields no longer configured on every engine.
 */
#define FOCUS(x) "CASE WHEN instr(?12, '|' || " x " || '|') > 0 THEN 1 " \
	"ELSE 0 END"

/*
 * The filter every task-list query shares.  Parameters: ?1 status, ?2
 * field, ?3 focus (1, -1 or 0), ?4 dept, ?5 member, ?6 and ?7 the period,
 * ?8 overdue, ?9 today, ?10 the last day of --due-within, ?11 the fields
 * and ?12 the focus areas as "|a|b|", ?13 origin.
 */
#define TASK_FROM " FROM task t" \
	" WHERE (?1 IS NULL OR t.status = ?1)" \
	" AND (?2 IS NULL OR t.field = ?2)" \
	" AND (?13 IS NULL OR t.origin = ?13)" \
	" AND (?3 = 0 OR (?3 = 1) = (instr(?12, '|' || t.field || '|') > 0))" \
	" AND (?4 IS NULL OR t.dept_id = inno_dept_ref(?4))" \
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM task_member m WHERE" \
	" m.task_id = t.id AND m.employee_id = inno_employee_ref(?5)))" \
	" AND (?6 IS NULL OR ((t.start IS NOT NULL OR t.due IS NOT NULL)" \
	" AND (t.start IS NULL OR t.start <= ?7) AND (t.due IS NULL OR" \
	" t.due >= ?6))" \
	" OR EXISTS (SELECT 1 FROM task_milestone ms WHERE ms.task_id = t.id" \
	" AND ms.due BETWEEN ?6 AND ?7))" \
	" AND (?8 = 0 OR (t.status <> 'dropped' AND EXISTS (SELECT 1 FROM" \
	" task_milestone ms WHERE ms.task_id = t.id AND ms.done IS NULL AND" \
	" ms.due < ?9)))" \
	" AND (?10 IS NULL OR (t.status NOT IN ('completed', 'dropped') AND" \
	" (t.due BETWEEN ?9 AND ?10 OR EXISTS (SELECT 1 FROM task_milestone" \
	" ms WHERE ms.task_id = t.id AND ms.done IS NULL AND ms.due BETWEEN" \
	" ?9 AND ?10))))"

#define TASK_COLS "SELECT t.id, t.title, t.field," \
	" " FOCUS("t.field") " AS focus, t.origin," \
	" inno_dept_name(t.dept_id) AS dept, t.status, t.priority, t.budget," \
	" t.start, t.due," \
	" (SELECT count(*) FROM task_member m WHERE m.task_id = t.id AND" \
	" m.left IS NULL) AS members," \
	" (SELECT group_concat(inno_employee_name(m.employee_id), ', ') FROM" \
	" task_member m WHERE m.task_id = t.id AND m.left IS NULL" \
	" AND m.role = 'leader') AS leader," \
	" (SELECT group_concat(x, '; ') FROM (SELECT ms.due || ' ' || ms.title" \
	" || CASE WHEN ms.done IS NULL THEN '' ELSE ' (done)' END AS x FROM" \
	" task_milestone ms WHERE ms.task_id = t.id ORDER BY ms.due, ms.id))" \
	" AS milestones," \
	" (SELECT l.percent FROM task_log l WHERE l.task_id = t.id AND" \
	" l.percent IS NOT NULL ORDER BY l.date DESC, l.id DESC LIMIT 1)" \
	" AS percent"

#define STATUS_COUNTS " sum(t.status = 'pool') AS pool," \
	" sum(t.status = 'selected') AS selected," \
	" sum(t.status = 'in_progress') AS in_progress," \
	" sum(t.status = 'completed') AS completed," \
	" sum(t.status = 'dropped') AS dropped"

static const char *const sorts[] = {"id", "priority", "due", "field", NULL};
static const char *const list_sql[] = {
	TASK_COLS TASK_FROM " ORDER BY t.id",
	TASK_COLS TASK_FROM " ORDER BY t.priority IS NULL, t.priority DESC,"
	    " t.id",
	TASK_COLS TASK_FROM " ORDER BY t.due IS NULL, t.due, t.id",
	TASK_COLS TASK_FROM " ORDER BY instr(?11, '|' || t.field || '|') = 0,"
	    " instr(?11, '|' || t.field || '|'), t.field, t.id",
};

static const char *const bys[] = {"field", "status", "dept", "force",
    NULL};
static const char *const by_sql[] = {
	/*
	 * Every configured field in order, with zero counts, then any field
	 * still on a task but no longer configured.
	 */
	"WITH RECURSIVE split (n, f, rest) AS (SELECT 0, '', substr(?11, 2)"
	" UNION ALL SELECT n + 1, substr(rest, 1, instr(rest, '|') - 1),"
	" substr(rest, instr(rest, '|') + 1) FROM split WHERE rest <> ''),"
	" agg AS (SELECT t.field, count(*) AS tasks," STATUS_COUNTS ","
	" coalesce(sum(t.budget), 0) AS budget" TASK_FROM " GROUP BY t.field)"
	" SELECT field, focus, tasks, pool, selected, in_progress, completed,"
	" dropped, budget FROM ("
	" SELECT s.n AS ord, s.f AS field, " FOCUS("s.f")
	" AS focus, coalesce(a.tasks, 0) AS tasks, coalesce(a.pool, 0) AS pool,"
	" coalesce(a.selected, 0) AS selected,"
	" coalesce(a.in_progress, 0) AS in_progress,"
	" coalesce(a.completed, 0) AS completed,"
	" coalesce(a.dropped, 0) AS dropped, coalesce(a.budget, 0) AS budget"
	" FROM split s LEFT JOIN agg a ON a.field = s.f WHERE s.n > 0"
	" UNION ALL SELECT 1000000, a.field, 0, a.tasks, a.pool, a.selected,"
	" a.in_progress, a.completed, a.dropped, a.budget FROM agg a"
	" WHERE instr(?11, '|' || a.field || '|') = 0)"
	" ORDER BY ord, field",

	"WITH ft AS (SELECT t.*" TASK_FROM "),"
	" st (n, status) AS (VALUES (1, 'pool'), (2, 'selected'),"
	" (3, 'in_progress'), (4, 'completed'), (5, 'dropped'))"
	" SELECT st.status, count(t.id) AS tasks,"
	" coalesce(sum(" FOCUS("t.field") "), 0) AS focus,"
	" coalesce(sum(t.budget), 0) AS budget"
	" FROM st LEFT JOIN ft t ON t.status = st.status"
	" GROUP BY st.n, st.status ORDER BY st.n",

	"SELECT inno_dept_name(t.dept_id) AS dept, count(*) AS tasks,"
	" sum(" FOCUS("t.field") ") AS focus," STATUS_COUNTS ","
	" coalesce(sum(t.budget), 0) AS budget" TASK_FROM
	" GROUP BY t.dept_id ORDER BY dept",

	/*
	 * The task forces by field, in by=field's order: the tasks with at
	 * least one member on the day, and those members, the day being the
	 * period's last (today without a period).  A member who leaves on a
	 * day is no longer on the force that day.
	 */
	"WITH RECURSIVE split (n, f, rest) AS (SELECT 0, '', substr(?11, 2)"
	" UNION ALL SELECT n + 1, substr(rest, 1, instr(rest, '|') - 1),"
	" substr(rest, instr(rest, '|') + 1) FROM split WHERE rest <> ''),"
	" agg AS (SELECT field, sum(n > 0) AS forces, sum(n) AS members FROM"
	" (SELECT t.field, (SELECT count(*) FROM task_member m WHERE"
	" m.task_id = t.id AND m.joined <= coalesce(?7, ?9) AND (m.left IS"
	" NULL OR m.left > coalesce(?7, ?9))) AS n" TASK_FROM ")"
	" GROUP BY field)"
	" SELECT field, focus, forces, members FROM ("
	" SELECT s.n AS ord, s.f AS field, " FOCUS("s.f")
	" AS focus, coalesce(a.forces, 0) AS forces,"
	" coalesce(a.members, 0) AS members"
	" FROM split s LEFT JOIN agg a ON a.field = s.f WHERE s.n > 0"
	" UNION ALL SELECT 1000000, a.field, 0, a.forces, a.members FROM agg a"
	" WHERE instr(?11, '|' || a.field || '|') = 0)"
	" ORDER BY ord, field",
};

static const char *const views[] = {"members", "milestones", "scores",
    NULL};
static const char *const view_sql[] = {
	"SELECT t.id AS task, t.title, inno_employee_code(m.employee_id) AS"
	" employee_id, inno_employee_name(m.employee_id) AS name,"
	" inno_dept_name(inno_employee_dept(m.employee_id)) AS employee_dept,"
	" m.role, m.joined, m.left FROM task_member m"
	" JOIN (SELECT t.*" TASK_FROM ") t ON t.id = m.task_id"
	" ORDER BY t.id, m.role <> 'leader', m.left IS NOT NULL,"
	" inno_employee_code(m.employee_id)",

	"SELECT t.id AS task, t.title, ms.title AS milestone, ms.due, ms.done,"
	" CASE WHEN ms.done IS NOT NULL THEN 'done' WHEN ms.due < ?9 THEN"
	" 'overdue' ELSE 'open' END AS state FROM task_milestone ms"
	" JOIN (SELECT t.*" TASK_FROM ") t ON t.id = ms.task_id"
	" ORDER BY t.id, ms.due, ms.id",

	"SELECT t.id AS task, t.title, t.status, sc.criterion, sc.score,"
	" t.priority FROM task_score sc"
	" JOIN (SELECT t.*" TASK_FROM ") t ON t.id = sc.task_id"
	" ORDER BY t.id, sc.criterion",
};

static const struct inno_error *
bind_filter(struct inno_stmt *st, const struct inno_task_conf *c,
    const struct inno_task_filter *f, const char today[11])
{
	const struct inno_error *err;
	char until[11];
	int64_t n = f->due_within;

	if (n >= 0)
		inno_date_add_days(today, (int)n, until);
	if ((err = inno_stmt_bind_text(st, 1, f->status, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 2, f->field, -1)) != NULL ||
	    (err = inno_stmt_bind_int(st, 3, f->focus)) != NULL ||
	    (err = inno_stmt_bind_text(st, 4, f->dept, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 5, f->member, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 6, f->period ? f->period->first :
	    NULL, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 7, f->period ? f->period->last :
	    NULL, -1)) != NULL ||
	    (err = inno_stmt_bind_int(st, 8, f->overdue)) != NULL ||
	    (err = inno_stmt_bind_text(st, 9, today, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 10, n >= 0 ? until : NULL, -1)) !=
	    NULL ||
	    (err = inno_stmt_bind_text(st, 11, c->all_list, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 12, c->focus_list, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 13, f->origin, -1)) != NULL)
		return err;
	return NULL;
}

static const struct inno_error *
check_filter(const struct inno_task_conf *c, const struct inno_task_filter *f)
{
	if (f->status != NULL && inno_word_index(inno_task_statuses,
	    f->status) < 0)
		return inno_error(INNO_EUSAGE, _("--status=%s: expected pool, "
		    "selected, in_progress, completed or dropped"), f->status);
	if (f->origin != NULL && inno_word_index(inno_task_origins,
	    f->origin) < 0)
		return inno_error(INNO_EUSAGE, _("origin %s: expected common, "
		    "own or assigned"), f->origin);
	if (f->field != NULL && inno_task_field_index(c, f->field) < 0)
		return inno_error(INNO_EUSAGE, _("--field=%s: not one of the "
		    "%zu fields of task:fields in inno.ini"), f->field,
		    c->nfields);
	return NULL;
}

const struct inno_error *
inno_task_query(struct inno_db *db, const struct inno_task_conf *c,
    const struct inno_task_filter *f, struct inno_stmt **stp)
{
	const struct inno_error *err;
	const char *sql;
	char today[11];
	int i;

	if ((err = check_filter(c, f)) != NULL)
		return err;
	if (f->by != NULL) {
		if ((i = inno_word_index(bys, f->by)) < 0)
			return inno_error(INNO_EUSAGE,
			    _("--by=%s: expected field, status or dept "
			    "(tasks), or force (task forces)"), f->by);
		sql = by_sql[i];
	} else if (f->view != NULL) {
		if ((i = inno_word_index(views, f->view)) < 0)
			return inno_error(INNO_EUSAGE, _("%s: expected "
			    "members, milestones or scores"), f->view);
		sql = view_sql[i];
	} else {
		if ((i = inno_word_index(sorts, f->sort ? f->sort : "id")) < 0)
			return inno_error(INNO_EUSAGE, _("--sort=%s: expected "
			    "id, priority, due or field"), f->sort);
		sql = list_sql[i];
	}
	if ((err = inno_today(today)) != NULL ||
	    (err = inno_db_prepare(db, stp, sql)) != NULL)
		return err;
	return bind_filter(*stp, c, f, today);
}

/* ------------------------------------------------------------- roadmap */

#define MAX_MONTHS 60

/* Appends s to a growing cell; 0, or -1 when memory is short. */
static int
cell_add(char **cell, const char *sep, const char *s, const char *mark)
{
	size_t len = *cell ? strlen(*cell) : 0;
	char *p = realloc(*cell, len + strlen(sep) + strlen(s) +
	    strlen(mark) + 1);

	if (p == NULL)
		return -1;
	if (len == 0)
		p[0] = '\0';
	else
		strcat(p, sep);
	strcat(p, s);
	strcat(p, mark);
	*cell = p;
	return 0;
}

const struct inno_error *
inno_task_roadmap(struct inno_db *db, const struct inno_task_conf *c,
    const struct inno_task_filter *f, const struct inno_period *period,
    struct inno_out *out)
{
	const struct inno_error *err;
	struct inno_stmt *st, *ms;
	char months[MAX_MONTHS][8], first[8], *cells[MAX_MONTHS];
	const char *names[MAX_MONTHS + 4];
	enum inno_kind kinds[MAX_MONTHS + 4];
	char start[11], due[11];
	int nm = 0, i, row, mrow;
	int64_t id;

	snprintf(first, sizeof first, "%.7s", period->first);
	while (nm < MAX_MONTHS) {
		if (nm == 0)
			memcpy(months[0], first, 8);
		else
			inno_month_add(months[nm - 1], 1, months[nm]);
		if (strncmp(months[nm], period->last, 7) > 0)
			break;
		nm++;
	}
	if (nm == MAX_MONTHS && strncmp(months[nm - 1], period->last, 7) < 0)
		return inno_error(INNO_EUSAGE, _("%s..%s: a roadmap spans at "
		    "most %d months"), period->first, period->last, MAX_MONTHS);
	names[0] = "id";
	names[1] = "title";
	names[2] = "field";
	names[3] = "status";
	for (i = 0; i < 4; i++)
		kinds[i] = INNO_TEXT;
	kinds[0] = INNO_NUM;
	for (i = 0; i < nm; i++) {
		names[i + 4] = months[i];
		kinds[i + 4] = INNO_TEXT;
		cells[i] = NULL;
	}
	if ((err = inno_out_header(out, (size_t)nm + 4, names, kinds)) != NULL)
		return err;
	if ((err = inno_task_query(db, c, f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		id = inno_stmt_int(st, 0);
		inno_text_copy(start, sizeof start, inno_stmt_text(st, 9));
		inno_text_copy(due, sizeof due, inno_stmt_text(st, 10));
		if ((err = inno_out_int(out, id)) != NULL ||
		    (err = inno_out_text(out, inno_stmt_text(st, 1))) != NULL ||
		    (err = inno_out_text(out, inno_stmt_text(st, 2))) != NULL ||
		    (err = inno_out_text(out, inno_stmt_text(st, 6))) != NULL)
			break;
		if ((err = inno_db_query(db, &ms, "SELECT substr(due, 1, 7), "
		    "title, done IS NOT NULL FROM task_milestone WHERE task_id "
		    "= ? AND due BETWEEN ? AND ? ORDER BY due, id", "itt", id,
		    period->first, period->last)) != NULL)
			break;
		while ((err = inno_stmt_step(ms, &mrow)) == NULL && mrow) {
			for (i = 0; i < nm; i++)
				if (strcmp(months[i], inno_stmt_text(ms, 0)) ==
				    0)
					break;
			if (i < nm && cell_add(&cells[i], "; ",
			    inno_stmt_text(ms, 1), inno_stmt_int(ms, 2) ? "*" :
			    "") == -1) {
				err = inno_error_nomem();
				break;
			}
		}
		inno_stmt_reset(ms);
		for (i = 0; err == NULL && i < nm; i++) {
			/* A month the task runs in without a milestone. */
			int runs = (start[0] || due[0]) &&
			    (!start[0] || strncmp(start, months[i], 7) <= 0) &&
			    (!due[0] || strncmp(due, months[i], 7) >= 0);
			err = inno_out_text(out, cells[i] ? cells[i] :
			    runs ? "~" : "");
		}
		for (i = 0; i < nm; i++) {
			free(cells[i]);
			cells[i] = NULL;
		}
		if (err != NULL || (err = inno_out_endrow(out)) != NULL)
			break;
	}
	inno_stmt_reset(st);
	return err;
}

/* ------------------------------------------------------------- figures */

void
inno_task_figures_release(struct inno_task_figures *f)
{
	size_t i;

	for (i = 0; i < f->nbyfield; i++)
		free(f->byfield[i].field);
	free(f->byfield);
	for (i = 0; i < f->nfocus; i++) {
		free(f->focus[i].field);
		free(f->focus[i].title);
		free(f->focus[i].dept);
	}
	free(f->focus);
	memset(f, 0, sizeof *f);
}

/* The field's entry of f, or NULL. */
static struct inno_task_field_figures *
field_entry(struct inno_task_figures *f, const char *field)
{
	size_t i;

	for (i = 0; i < f->nbyfield; i++)
		if (strcmp(f->byfield[i].field, field) == 0)
			return &f->byfield[i];
	return NULL;
}

const struct inno_error *
inno_task_figures(struct inno_db *db, const struct inno_task_conf *c,
    const struct inno_period *period, struct inno_task_figures *out)
{
	const struct inno_error *err;
	struct inno_task_filter f;
	struct inno_task_field_figures *e;
	struct inno_task_focus *fo;
	struct inno_stmt *st;
	int row, s;

	memset(out, 0, sizeof *out);
	memset(&f, 0, sizeof f);
	f.due_within = -1;
	f.period = period;
	/* field, focus, tasks, pool ... dropped, budget */
	f.by = "field";
	if ((err = inno_task_query(db, c, &f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((e = inno_grow(out->byfield, out->nbyfield, sizeof *e)) == NULL)
			goto nomem;
		out->byfield = e;
		e = &out->byfield[out->nbyfield];
		memset(e, 0, sizeof *e);
		if ((e->field = strdup(inno_stmt_text(st, 0))) == NULL)
			goto nomem;
		out->nbyfield++;
		e->focus = inno_stmt_int(st, 1) != 0;
		e->tasks = inno_stmt_int(st, 2);
		for (s = 0; s < INNO_TASK_NSTATUS; s++)
			e->status[s] = inno_stmt_int(st, 3 + s);
		out->projects += e->tasks;
		out->fields += e->tasks > 0;
	}
	if (err != NULL)
		return err;
	/* field, focus, forces, members: the same fields in the same order */
	f.by = "force";
	if ((err = inno_task_query(db, c, &f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		/* by=force and by=field list the same fields. */
		e = field_entry(out, inno_stmt_text(st, 0));
		assert(e != NULL);
		e->forces = inno_stmt_int(st, 2);
		e->members = inno_stmt_int(st, 3);
		out->forces += e->forces;
		out->members += e->members;
	}
	if (err != NULL)
		return err;
	/* The focus areas' assigned tasks, by field: keep the open ones. */
	f.by = NULL;
	f.focus = 1;
	f.origin = "assigned";
	f.sort = "field";
	if ((err = inno_task_query(db, c, &f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if (strcmp(inno_stmt_text(st, 6), "dropped") == 0)
			continue;
		if ((fo = inno_grow(out->focus, out->nfocus, sizeof *fo)) == NULL)
			goto nomem;
		out->focus = fo;
		fo = &out->focus[out->nfocus];
		memset(fo, 0, sizeof *fo);
		out->nfocus++;
		fo->id = inno_stmt_int(st, 0);
		if ((fo->title = strdup(inno_stmt_text(st, 1))) == NULL ||
		    (fo->field = strdup(inno_stmt_text(st, 2))) == NULL ||
		    (fo->dept = strdup(inno_stmt_text(st, 5))) == NULL)
			goto nomem;
	}
	return err;
nomem:
	inno_stmt_reset(st);
	return inno_error_nomem();
}

void
inno_task_dues_free(struct inno_task_due *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].field);
		free(v[i].task);
		free(v[i].title);
	}
	free(v);
}

const struct inno_error *
inno_task_dues(struct inno_db *db, const struct inno_period *period,
    const char *as_of, struct inno_task_due **vp, size_t *np)
{
	const struct inno_error *err;
	struct inno_task_due *v = NULL, *d;
	struct inno_stmt *st;
	size_t n = 0;
	int row;

	*vp = NULL;
	*np = 0;
	if ((err = inno_db_query(db, &st, "SELECT m.due, t.field, t.title, "
	    "m.title, m.done IS NOT NULL AND m.done <= ?3 FROM task_milestone "
	    "m JOIN task t ON t.id = m.task_id WHERE m.due BETWEEN ?1 AND ?2 "
	    "ORDER BY m.due, t.id, m.id", "ttt", period->first, period->last,
	    as_of)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((d = inno_grow(v, n, sizeof *d)) == NULL)
			goto nomem;
		v = d;
		d = &v[n++];
		memset(d, 0, sizeof *d);
		snprintf(d->due, sizeof d->due, "%s", inno_stmt_text(st, 0));
		d->reached = inno_stmt_int(st, 4) != 0;
		if ((d->field = strdup(inno_stmt_text(st, 1))) == NULL ||
		    (d->task = strdup(inno_stmt_text(st, 2))) == NULL ||
		    (d->title = strdup(inno_stmt_text(st, 3))) == NULL)
			goto nomem;
	}
	if (err != NULL) {
		inno_task_dues_free(v, n);
		return err;
	}
	*vp = v;
	*np = n;
	return NULL;
nomem:
	inno_stmt_reset(st);
	inno_task_dues_free(v, n);
	return inno_error_nomem();
}

/* -------------------------------------------------------------- checks */

/* A task's status now, and where its audited history leaves it. */
struct task_status {
	int64_t id;
	int now;		/* index in inno_task_statuses */
	int history;		/* likewise; pool until the audit says more */
	int broken;		/* a move from a status it was not in */
};

/*
 * Reads the status word at *p, which must end at a ';', at end or at the
 * " -> " that follows a move's first status; its index, or -1.
 */
static int
status_word(const char **p)
{
	size_t n;
	int s;

	for (s = 0; s < INNO_TASK_NSTATUS; s++) {
		n = strlen(inno_task_statuses[s]);
		if (strncmp(*p, inno_task_statuses[s], n) == 0 &&
		    ((*p)[n] == '\0' || (*p)[n] == ';' || (*p)[n] == ' ')) {
			*p += n;
			return s;
		}
	}
	return -1;
}

/*
 * Finds the status move at the start of a task-update audit detail
 * ("status selected -> in_progress; due ..."): *from and *to, and 1; 0
 * when the line moves no status.
 */
static int
status_move(const char *detail, int *from, int *to)
{
	const char *p = detail;

	if (strncmp(p, "status ", 7) != 0)
		return 0;
	p += 7;
	if ((*from = status_word(&p)) < 0 || strncmp(p, " -> ", 4) != 0)
		return 0;
	p += 4;
	return (*to = status_word(&p)) >= 0 && (*p == '\0' || *p == ';');
}

/* The entry of task id in v (sorted by id), or NULL. */
static struct task_status *
status_find(struct task_status *v, size_t n, int64_t id)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].id == id)
			return &v[mid];
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * The workflow check: every status a program gives a task is in the audit
 * trail (task-add's entry line for a task entered past the pool, and
 * task-update's "status a -> b" for every move, which task-update made only
 * along the configured workflow).  Following those lines from the pool
 * must lead to the status the task has now; a task whose status differs,
 * or whose history moves it from a status it was not in, had its status
 * changed behind the programs' back.
 */
static const struct inno_error *
check_workflow(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct task_status *v = NULL, *t;
	struct inno_stmt *st;
	const char *detail, *p;
	size_t n = 0, i;
	int row, from, to;
	char prefix[48];

	if ((err = inno_db_query(db, &st, "SELECT id, status FROM task ORDER "
	    "BY id", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((t = inno_grow(v, n, sizeof *v)) == NULL) {
			inno_stmt_reset(st);
			free(v);
			return inno_error_nomem();
		}
		v = t;
		t = &v[n++];
		t->id = inno_stmt_int(st, 0);
		t->now = inno_word_index(inno_task_statuses,
		    inno_stmt_text(st, 1));
		t->history = INNO_TASK_POOL;
		t->broken = 0;
	}
	if (err == NULL)
		err = audit_task_lines(db, &st);
	while (err == NULL && (err = inno_stmt_step(st, &row)) == NULL &&
	    row) {
		if ((t = status_find(v, n, inno_stmt_int(st, 0))) == NULL)
			continue;
		detail = inno_stmt_text(st, 1);
		snprintf(prefix, sizeof prefix, "task %lld: " ENTERED,
		    (long long)t->id);
		if (strncmp(detail, prefix, strlen(prefix)) == 0) {
			p = detail + strlen(prefix);
			if ((to = status_word(&p)) >= 0 && *p == '\0')
				t->history = to;
			continue;
		}
		if (!status_move(detail, &from, &to))
			continue;
		if (from != t->history && !t->broken) {
			inno_diag_add(d, _("task %lld: the audit trail moves "
			    "its status from %s, but it was %s (changed "
			    "outside the inno programs)"), (long long)t->id,
			    inno_task_statuses[from],
			    inno_task_statuses[t->history]);
			t->broken = 1;
		}
		t->history = to;
	}
	for (i = 0; err == NULL && i < n; i++)
		if (v[i].now >= 0 && v[i].now != v[i].history)
			inno_diag_add(d, _("task %lld: status %s, but its "
			    "history in the audit trail ends at %s (changed "
			    "outside the inno programs)"), (long long)v[i].id,
			    inno_task_statuses[v[i].now],
			    inno_task_statuses[v[i].history]);
	free(v);
	return err;
}

const struct inno_error *
inno_task_check(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = check_workflow(db, d)) != NULL)
		return err;

	if ((err = inno_db_query(db, &st, "SELECT t.id, ms.title, ms.due FROM "
	    "task t JOIN task_milestone ms ON ms.task_id = t.id WHERE "
	    "t.status = 'completed' AND ms.done IS NULL ORDER BY t.id, ms.id",
	    NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, _("task %lld: completed, but milestone %s "
		    "(due %s) is not done"), (long long)inno_stmt_int(st, 0),
		    inno_stmt_text(st, 1), inno_stmt_text(st, 2));
	if (err != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT m.task_id, "
	    "inno_employee_code(m.employee_id), m.joined, m.left FROM "
	    "task_member m WHERE m.left < m.joined ORDER BY m.id", NULL)) !=
	    NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, _("task %lld: member %s left the task force "
		    "on %s, before joining on %s"),
		    (long long)inno_stmt_int(st, 0), inno_stmt_text(st, 1),
		    inno_stmt_text(st, 3), inno_stmt_text(st, 2));
	if (err != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT m.task_id, "
	    "inno_employee_code(m.employee_id), inno_employee_left("
	    "m.employee_id) AS gone FROM task_member m WHERE m.left IS NULL "
	    "AND inno_employee_left(m.employee_id) IS NOT NULL AND EXISTS "
	    "(SELECT 1 FROM task t WHERE t.id = m.task_id AND t.status IN "
	    "('selected', 'in_progress')) ORDER BY m.id", NULL)) !=
	    NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, _("task %lld: member %s left the office on %s "
		    "but is still on the task force"),
		    (long long)inno_stmt_int(st, 0), inno_stmt_text(st, 1),
		    inno_stmt_text(st, 2));
	return err;
}

const struct inno_error *
inno_task_exists(struct inno_db *db, int64_t id, int *found)
{
	int64_t one;

	return inno_db_int(db, &one, found, "SELECT 1 FROM task WHERE id = ?",
	    "i", id);
}

void
inno_task_named_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

const struct inno_error *
inno_task_named(struct inno_db *db, const char *on, char ***vp, size_t *np)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char **v = NULL, **g;
	size_t n = 0;
	int row;

	*vp = NULL;
	*np = 0;
	if ((err = inno_db_query(db, &st, "SELECT t.title FROM task t WHERE "
	    "t.named = 1 AND EXISTS (SELECT 1 FROM task_member m WHERE "
	    "m.task_id = t.id AND m.joined <= ?1 AND (m.left IS NULL OR "
	    "m.left > ?1)) ORDER BY t.id", "t", on)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((g = realloc(v, (n + 1) * sizeof *v)) == NULL ||
		    (g[n] = strdup(inno_stmt_text(st, 0))) == NULL) {
			if (g != NULL)
				v = g;
			inno_stmt_reset(st);
			inno_task_named_free(v, n);
			return inno_error_nomem();
		}
		v = g;
		n++;
	}
	if (err != NULL) {
		inno_task_named_free(v, n);
		return err;
	}
	*vp = v;
	*np = n;
	return NULL;
}
