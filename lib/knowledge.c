/*
 * knowledge.c: the knowledge base (지식관리시스템).  Staff register items
 * of work knowledge, living knowledge and work manuals; knowledge experts
 * approve or reject them; the knowledge system reports how often each is
 * viewed, loaded here month by month; and each quarter the best item and
 * three excellent ones are chosen by a rule the office sets in inno.ini.
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "check.h"
#include "knowledge.h"
#include "mileage.h"
#include "staff.h"
#include "i18n.h"


static const char *const kinds[] = {"work", "living", "manual", NULL};
static const char *const verdicts[] = {"approved", "rejected", NULL};

const struct inno_col inno_knowledge_cols[INNO_KN_NCOLS] = {
	{"kind", 1}, {"title", 1}, {"author", 1}, {"dept", 0},
	{"registered", 1},
};

const struct inno_col inno_kview_cols[INNO_KV_NCOLS] = {
	{"knowledge", 1}, {"month", 1}, {"views", 1},
};

const struct inno_col inno_keval_cols[INNO_KE_NCOLS] = {
	{"knowledge", 1}, {"date", 1}, {"evaluator", 1}, {"verdict", 1},
	{"reason", 0},
};

const struct inno_error *
inno_knowledge_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *title;
	char date[11];
	int kind = 0, found;
	int64_t author = 0, dept = 0, id;

	if (a->views)
		return inno_kview_row(arg, r);
	inno_row_word(r, INNO_KN_KIND, kinds, &kind);
	inno_row_text(r, INNO_KN_TITLE, 200, &title);
	inno_row_date(r, INNO_KN_REGISTERED, date);
	inno_row_employee(r, INNO_KN_AUTHOR, date, &author);
	inno_row_dept(r, INNO_KN_DEPT, &dept);
	if (inno_row_bad(r))
		return NULL;
	if (dept == 0 && (err = inno_db_int(db, &dept, &found, "SELECT "
	    "inno_employee_dept(?)", "i", author)) != NULL)
		return err;
	if ((err = inno_db_run(db, "INSERT INTO knowledge (kind, title, "
	    "author_id, dept_id, registered) VALUES (?, ?, ?, ?, ?)", "ttiit",
	    kinds[kind], title, author, dept, date)) != NULL)
		return err;
	id = inno_db_last_id(db);
	a->last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

/* Looks up the knowledge item in column col; 1 found, -1 after an error. */
static int
item(struct inno_row *r, int col, int64_t *id, char registered[11],
    int64_t *author, char status[16], int64_t *approved_by)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int rc;

	if ((rc = inno_row_int(r, col, 1, INT64_MAX, id)) <= 0)
		return rc;
	err = inno_db_query(inno_row_db(r), &st, "SELECT registered, "
	    "author_id, status, coalesce(approved_by, 0) FROM knowledge WHERE "
	    "id = ?", "i", *id);
	if (inno_row_found(r, col, err, st, _("%lld: no such knowledge "
	    "item"), (long long)*id) < 0)
		return -1;
	snprintf(registered, 11, "%s", inno_stmt_text(st, 0));
	*author = inno_stmt_int(st, 1);
	snprintf(status, 16, "%s", inno_stmt_text(st, 2));
	*approved_by = inno_stmt_int(st, 3);
	inno_stmt_reset(st);
	return 1;
}

const struct inno_error *
inno_kview_row(void *arg, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	char month[8], reg[11], status[16];
	int64_t id = 0, views = 0, author, by, vid;
	int found;

	(void)arg;
	item(r, INNO_KV_ID, &id, reg, &author, status, &by);
	inno_row_month(r, INNO_KV_MONTH, month);
	inno_row_int(r, INNO_KV_VIEWS, 0, 1000000000, &views);
	if (inno_row_bad(r))
		return NULL;
	if (strncmp(month, reg, 7) < 0) {
		inno_row_error(r, INNO_KV_MONTH, _("%s: before the item was "
		    "registered on %s"), month, reg);
		return NULL;
	}
	if ((err = inno_db_int(db, &vid, &found, "SELECT id FROM "
	    "knowledge_view WHERE knowledge_id = ? AND month = ?", "it", id,
	    month)) != NULL)
		return err;
	if (found) {
		if ((err = inno_db_run(db, "UPDATE knowledge_view SET views = "
		    "? WHERE id = ? AND views <> ?", "iii", views, vid,
		    views)) != NULL)
			return err;
		if (inno_db_changes(db) > 0 && (err = inno_audit(db, "update",
		    "knowledge_view", vid, vid, "knowledge %lld %s: %lld views",
		    (long long)id, month, (long long)views)) != NULL)
			return err;
		inno_row_wrote(r, 0);
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO knowledge_view (knowledge_id, "
	    "month, views) VALUES (?, ?, ?)", "iti", id, month, views)) != NULL)
		return err;
	inno_row_wrote(r, inno_db_last_id(db));
	return NULL;
}

const struct inno_error *
inno_keval_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *reason;
	char date[11], reg[11], status[16], *why;
	int64_t id = 0, author = 0, by = 0, evaluator = 0, eid;
	int verdict = 0;

	item(r, INNO_KE_ID, &id, reg, &author, status, &by);
	inno_row_date(r, INNO_KE_DATE, date);
	inno_row_employee(r, INNO_KE_EVALUATOR, date, &evaluator);
	inno_row_word(r, INNO_KE_VERDICT, verdicts, &verdict);
	inno_row_text(r, INNO_KE_REASON, 1000, &reason);
	if (inno_row_bad(r))
		return NULL;
	if (strcmp(date, reg) < 0)
		inno_row_error(r, INNO_KE_DATE, _("%s: before the item was "
		    "registered on %s"), date, reg);
	if (evaluator == author)
		inno_row_error(r, INNO_KE_EVALUATOR, _("the author cannot "
		    "evaluate their own item"));
	if (verdict == 1 && reason == NULL)
		inno_row_error(r, INNO_KE_REASON,
		    _("required when an item is rejected"));
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_run(db, "INSERT INTO knowledge_eval (knowledge_id, "
	    "date, evaluator_id, verdict, reason) VALUES (?, ?, ?, ?, ?)",
	    "ititt", id, date, evaluator, verdicts[verdict], reason)) != NULL)
		return err;
	eid = inno_db_last_id(db);
	if (verdict == 0 && strcmp(status, "approved") != 0) {
		by = eid;
		if ((why = inno_mileage_reason(inno_db_config(db),
		    "knowledge_approved", id, (char *)NULL)) == NULL)
			return inno_error_nomem();
		err = inno_mileage_event(r, "knowledge:mileage_approved",
		    author, date, why, id);
		free(why);
		if (err != NULL)
			return err;
	} else if (verdict == 1 && strcmp(status, "approved") == 0) {
		if ((why = inno_mileage_reason(inno_db_config(db),
		    "knowledge_unapproved", id, (char *)NULL)) == NULL)
			return inno_error_nomem();
		err = inno_mileage_event_undo(r, "knowledge:mileage_approved",
		    id, date, why);
		free(why);
		if (err != NULL)
			return err;
		by = 0;
	}
	if ((err = inno_db_run(db, "UPDATE knowledge SET status = ?, "
	    "approved_by = ? WHERE id = ?", "tIi", verdicts[verdict], by,
	    id)) != NULL || (err = inno_audit(db, "update", "knowledge", id,
	    id, "knowledge %lld: %s (evaluation %lld)", (long long)id,
	    verdicts[verdict], (long long)eid)) != NULL)
		return err;
	a->last_id = eid;
	inno_row_wrote(r, eid);
	return NULL;
}

/*
 * The items a query counts, each as it stood at the end of the as-of day
 * ?7 (NULL: as it stands now): registered by then, with the status its
 * last evaluation recorded by then gave (in the order the evaluations were
 * recorded, as knowledge-review applies them), so that a listing or a
 * report as of a past day does not change with later evaluations.
 *
 *   f: the items that pass every filter but the period (?1 kind, ?2
 *      status, ?3 author, ?4 department);
 *   fp: those of f registered in the period (?5..?6);
 *   ev: the evaluations of the items of f dated in the period and by ?7;
 *   vw: their views in the months of the period, up to ?7's month.
 */
#define KN_BY(day) "(?7 IS NULL OR " day " <= ?7)"
#define KN_F "WITH s AS (SELECT k.id, k.kind, k.title, k.author_id, " \
	"k.dept_id, k.registered, coalesce((SELECT x.verdict FROM " \
	"knowledge_eval x WHERE x.knowledge_id = k.id AND " KN_BY("x.date") \
	" ORDER BY x.id DESC LIMIT 1), 'submitted') AS status FROM knowledge " \
	"k WHERE " KN_BY("k.registered") "), f AS (SELECT * FROM s WHERE " \
	"(?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR status = ?2)" \
	" AND (?3 IS NULL OR author_id = inno_employee_ref(?3)) AND (?4 IS " \
	"NULL OR dept_id = inno_dept_ref(?4))), fp AS (SELECT * FROM f WHERE " \
	"(?5 IS NULL OR registered >= ?5) AND (?6 IS NULL OR registered <= " \
	"?6)), ev AS (SELECT x.* FROM knowledge_eval x JOIN f ON f.id = " \
	"x.knowledge_id WHERE (?5 IS NULL OR x.date >= ?5) AND (?6 IS NULL " \
	"OR x.date <= ?6) AND " KN_BY("x.date") "), vw AS (SELECT v.* FROM " \
	"knowledge_view v JOIN f ON f.id = v.knowledge_id WHERE (?5 IS NULL " \
	"OR v.month >= substr(?5, 1, 7)) AND (?6 IS NULL OR v.month <= " \
	"substr(?6, 1, 7)) AND (?7 IS NULL OR v.month <= substr(?7, 1, 7))) "
#define KN_COUNTS "count(*) AS items, count(*) FILTER (WHERE fp.status = " \
	"'approved') AS approved, count(*) FILTER (WHERE fp.status = " \
	"'rejected') AS rejected, count(*) FILTER (WHERE fp.status = " \
	"'submitted') AS submitted, coalesce(sum((SELECT sum(views) FROM vw " \
	"WHERE vw.knowledge_id = fp.id)), 0) AS views"
#define KN_GROUP(key, name) KN_F "SELECT " key " AS " name ", " \
	KN_COUNTS " FROM fp GROUP BY 1 ORDER BY 1"

const struct inno_error *
inno_knowledge_query(struct inno_db *db, const struct inno_knowledge_filter *f,
    struct inno_stmt **stp)
{
	static const char *const bys[] = {"total", "kind", "status", "dept",
	    "author", "month", "quarter", NULL};
	static const char *const sql[] = {
		KN_F "SELECT count(*) AS items, count(*) FILTER (WHERE kind = "
		    "'work') AS work, count(*) FILTER (WHERE kind = 'living') "
		    "AS living, count(*) FILTER (WHERE kind = 'manual') AS "
		    "manual, (SELECT count(*) FROM ev) AS evaluations, (SELECT "
		    "count(*) FROM ev WHERE verdict = 'approved') AS approved, "
		    "(SELECT count(*) FROM ev WHERE verdict = 'rejected') AS "
		    "rejected, (SELECT coalesce(sum(views), 0) FROM vw) AS "
		    "views FROM fp",
		KN_GROUP("fp.kind", "kind"),
		KN_GROUP("fp.status", "status"),
		KN_GROUP("inno_dept_name(fp.dept_id)", "dept"),
		KN_GROUP("inno_employee_code(fp.author_id)", "author"),
		KN_GROUP("substr(fp.registered, 1, 7)", "month"),
		KN_GROUP("substr(fp.registered, 1, 4) || '-Q' || "
		    "((CAST(substr(fp.registered, 6, 2) AS INTEGER) + 2) / 3)",
		    "quarter"),
	};
	const struct inno_error *err;
	const char *q;
	int i;

	if (f->evaluations) {
		if (f->by != NULL)
			return inno_error(INNO_EUSAGE, _("--evaluations lists "
			    "evaluations; it takes no --by"));
		q = KN_F "SELECT x.id, x.knowledge_id AS knowledge, x.date, "
		    "inno_employee_code(x.evaluator_id) AS evaluator, "
		    "x.verdict, x.reason, f.title FROM ev x JOIN f ON f.id = "
		    "x.knowledge_id ORDER BY x.date, x.id";
	} else if (f->by == NULL)
		q = KN_F "SELECT fp.id, fp.kind, fp.title, "
		    "inno_employee_code(fp.author_id) AS author, "
		    "inno_dept_name(fp.dept_id) AS dept, fp.registered, "
		    "fp.status, (SELECT count(*) FROM knowledge_eval x WHERE "
		    "x.knowledge_id = fp.id AND " KN_BY("x.date") ") AS "
		    "evaluations, (SELECT coalesce(sum(views), 0) FROM "
		    "knowledge_view v WHERE v.knowledge_id = fp.id AND (?7 IS "
		    "NULL OR v.month <= substr(?7, 1, 7))) AS views FROM fp "
		    "ORDER BY fp.id";
	else if ((i = inno_word_index(bys, f->by)) >= 0)
		q = sql[i];
	else
		return inno_error(INNO_EUSAGE, _("--by=%s: expected total, "
		    "kind, status, dept, author, month or quarter"), f->by);
	if ((err = inno_db_prepare(db, stp, q)) != NULL)
		return err;
	if ((err = inno_stmt_bind_text(*stp, 1, f->kind, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 2, f->status, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 3, f->author, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 4, f->dept, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 5, f->period ? f->period->first :
	    NULL, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 6, f->period ? f->period->last :
	    NULL, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 7, f->as_of, -1)) != NULL)
		return err;
	return NULL;
}

const struct inno_error *
inno_knowledge_figures(struct inno_db *db, const struct inno_period *p,
    const char *as_of, struct inno_knowledge_figures *out)
{
	struct inno_knowledge_filter f;
	const struct inno_error *err;
	struct inno_stmt *st;
	int row, k;

	memset(out, 0, sizeof *out);
	memset(&f, 0, sizeof f);
	f.period = p;
	f.as_of = as_of;
	f.by = "total";
	if ((err = inno_knowledge_query(db, &f, &st)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row) {
		out->items = inno_stmt_int(st, 0);
		for (k = 0; k < 3; k++)
			out->kinds[k] = inno_stmt_int(st, 1 + k);
		out->evaluations = inno_stmt_int(st, 4);
		out->approved = inno_stmt_int(st, 5);
		out->rejected = inno_stmt_int(st, 6);
		out->views = inno_stmt_int(st, 7);
	}
	inno_stmt_reset(st);
	return NULL;
}

const struct inno_error *
inno_knowledge_award_rule(const struct inno_config *cfg, int64_t *best,
    int64_t *excellent)
{
	const struct inno_error *err;

	if ((err = inno_config_int(cfg, "knowledge:award_best", 1, 0, 100,
	    best)) != NULL)
		return err;
	return inno_config_int(cfg, "knowledge:award_excellent", 3, 0, 100,
	    excellent);
}

const struct inno_error *
inno_knowledge_awards(struct inno_db *db, const struct inno_period *q,
    struct inno_stmt **stp)
{
	const struct inno_config *cfg = inno_db_config(db);
	const struct inno_error *err;
	int64_t pw, pl, pm, per, best, exc;
	char m1[8], m2[8];

	if ((err = inno_config_int(cfg, "knowledge:award_points_work", 20, 0,
	    1000000, &pw)) != NULL ||
	    (err = inno_config_int(cfg, "knowledge:award_points_living", 10, 0,
	    1000000, &pl)) != NULL ||
	    (err = inno_config_int(cfg, "knowledge:award_points_manual", 30, 0,
	    1000000, &pm)) != NULL ||
	    (err = inno_config_int(cfg, "knowledge:award_views_per_point", 10,
	    0, 1000000000, &per)) != NULL ||
	    (err = inno_knowledge_award_rule(cfg, &best, &exc)) != NULL)
		return err;
	snprintf(m1, sizeof m1, "%.7s", q->first);
	snprintf(m2, sizeof m2, "%.7s", q->last);
	/*
	 * Ranked by score, then by views, then the earlier registration and
	 * the lower id, so that every tie has one answer.
	 */
	return inno_db_query(db, stp, "WITH s AS (SELECT k.id, k.kind, "
	    "k.title, inno_employee_code(k.author_id) AS author, "
	    "inno_dept_name(k.dept_id) AS dept, k.registered, "
	    "CASE k.kind WHEN 'work' THEN CAST(?5 AS INTEGER) WHEN 'living' "
	    "THEN CAST(?6 AS INTEGER) ELSE CAST(?7 AS INTEGER) END "
	    "AS base, coalesce((SELECT sum(v.views) FROM knowledge_view v "
	    "WHERE v.knowledge_id = k.id AND v.month BETWEEN ?3 AND ?4), 0) AS "
	    "views FROM knowledge k WHERE k.status = 'approved' AND "
	    "k.registered BETWEEN ?1 AND ?2), t AS (SELECT s.*, CASE WHEN ?8 > "
	    "0 THEN views / ?8 ELSE 0 END AS view_points FROM s), r AS (SELECT "
	    "t.*, base + view_points AS score, row_number() OVER (ORDER BY "
	    "base + view_points DESC, views DESC, registered, id) AS rank FROM "
	    "t) SELECT rank, CASE WHEN rank <= ?9 THEN 'best' WHEN rank <= ?9 "
	    "+ ?10 THEN 'excellent' END AS award, id, kind, title, author, "
	    "dept, registered, base, views, view_points, score, CASE WHEN ?8 > "
	    "0 THEN printf('%s %d + %d views / %d = %d', kind, base, views, "
	    "?8, score) ELSE printf('%s %d = %d', kind, base, score) END AS "
	    "basis FROM r ORDER BY rank", "ttttiiiiii", q->first, q->last, m1,
	    m2, pw, pl, pm, per, best, exc);
}

/* The checks inno-check runs over these records. */
const struct inno_error *
inno_knowledge_check(struct inno_db *db, struct inno_diag *d)
{
	static const struct inno_check_rule rules[] = {
		{"knowledge", "SELECT k.id, printf('status %s, but the latest "
		    "evaluation is %s', k.status, coalesce(e.verdict, 'none')) "
		    "FROM knowledge k LEFT JOIN knowledge_eval e ON e.id = "
		    "(SELECT max(id) FROM knowledge_eval WHERE knowledge_id = "
		    "k.id) WHERE k.status IS NOT coalesce(e.verdict, "
		    "'submitted')"},
	};

	return inno_check_rules(db, d, rules, sizeof rules / sizeof rules[0]);
}
