/*
 * benchmark.c: benchmarking.  The office visits good-practice institutions
 * (outgoing), receives visitors who come to learn from it (incoming), and
 * presents its own good practice to other institutions (presentation).
 * The council report counts the last two together: institutions reached
 * and people, by quarter and year.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "benchmark.h"
#include "check.h"
#include "mileage.h"
#include "staff.h"
#include "task.h"
#include "i18n.h"


const char *const inno_benchmark_kinds[] = {"outgoing", "incoming",
    "presentation", NULL};
static const char *const sectors[] = {"public", "private", NULL};

const struct inno_col inno_benchmark_cols[INNO_BM_NCOLS] = {
	{"kind", 1}, {"date", 1}, {"institution", 1}, {"sector", 0},
	{"people", 0}, {"speaker", 0}, {"employees", 0}, {"findings", 0},
	{"task_id", 0},
};

/* The most participants one visit lists. */
#define MAX_MEMBERS 200

const struct inno_error *
inno_benchmark_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *inst, *findings, *emps;
	char date[11];
	int kind = 0, sector = -1, hp, hs, n = 0, i, found;
	int64_t people = 0, speaker = 0, task = 0, id, mid, first = 0;
	int64_t ids[MAX_MEMBERS];
	char *reason;

	inno_row_word(r, INNO_BM_KIND, inno_benchmark_kinds, &kind);
	inno_row_date(r, INNO_BM_DATE, date);
	inno_row_text(r, INNO_BM_INSTITUTION, 200, &inst);
	inno_row_word(r, INNO_BM_SECTOR, sectors, &sector);
	hp = inno_row_int(r, INNO_BM_PEOPLE, 0, 1000000, &people);
	hs = inno_row_employee(r, INNO_BM_SPEAKER, date, &speaker);
	inno_row_text(r, INNO_BM_EMPLOYEES, 8000, &emps);
	inno_row_text(r, INNO_BM_FINDINGS, 4000, &findings);
	inno_row_int(r, INNO_BM_TASK, 1, INT64_MAX, &task);
	if (inno_row_bad(r))
		return NULL;
	if (hs == 1 && kind != 2)
		inno_row_error(r, INNO_BM_SPEAKER,
		    _("only a presentation has a speaker"));
	if (emps != NULL && kind != 0)
		inno_row_error(r, INNO_BM_EMPLOYEES, _("only an outgoing visit "
		    "lists participating employees"));
	if (task != 0 && kind != 0)
		inno_row_error(r, INNO_BM_TASK, _("only an outgoing visit is "
		    "linked to a task"));
	else if (task != 0) {
		if ((err = inno_task_exists(db, task, &found)) != NULL)
			return err;
		if (!found)
			inno_row_error(r, INNO_BM_TASK, _("%lld: no such task"),
			    (long long)task);
	}
	if (kind != 0 && hp != 1)
		inno_row_error(r, INNO_BM_PEOPLE, _("required for %s"),
		    kind == 1 ? _("an incoming visit (the visitors)") :
		    _("a presentation (the attendance)"));
	if (kind == 0 && emps == NULL && hp != 1)
		inno_row_error(r, INNO_BM_EMPLOYEES, _("required for an "
		    "outgoing visit, unless people is given"));
	if (inno_row_bad(r))
		return NULL;
	if (emps != NULL && (n = inno_row_employees(r, INNO_BM_EMPLOYEES, emps,
	    ids, MAX_MEMBERS)) < 0)
		return NULL;
	if (hp != 1)
		people = n;
	else if (people < n) {
		inno_row_error(r, INNO_BM_PEOPLE, _("%lld: fewer than the %d "
		    "employees listed"), (long long)people, n);
		return NULL;
	}
	err = inno_db_run(db, "INSERT INTO benchmark (kind, date, "
	    "institution, sector, people, speaker_id, findings, task_id) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "ttttiItI",
	    inno_benchmark_kinds[kind], date, inst,
	    sector >= 0 ? sectors[sector] : NULL, people, speaker, findings,
	    task);
	if (err != NULL)
		return err;
	id = inno_db_last_id(db);
	for (i = 0; i < n; i++) {
		if ((err = inno_db_run(db, "INSERT INTO benchmark_member "
		    "(benchmark_id, employee_id) VALUES (?, ?)", "ii", id,
		    ids[i])) != NULL)
			return err;
		mid = inno_db_last_id(db);
		if (first == 0)
			first = mid;
	}
	if (n > 0 && (err = inno_audit(db, "insert", "benchmark_member",
	    first, mid, "%d participant%s of visit %lld", n, n == 1 ? "" : "s",
	    (long long)id)) != NULL)
		return err;
	if (speaker != 0) {
		if ((reason = inno_mileage_reason(inno_db_config(db),
		    "presentation", id, "institution", inst,
		    (char *)NULL)) == NULL)
			return inno_error_nomem();
		err = inno_mileage_event(r, "benchmark:mileage_presentation",
		    speaker, date, reason, id);
		free(reason);
		if (err != NULL)
			return err;
	}
	a->last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

/* The filter every benchmark query shares; ?1..?4 as bound below. */
#define BM_WHERE " WHERE (?1 = 0 OR ((?1 >> (CASE b.kind WHEN 'outgoing' " \
	"THEN 0 WHEN 'incoming' THEN 1 ELSE 2 END)) & 1) = 1)" \
	" AND (?2 IS NULL OR b.date >= ?2) AND (?3 IS NULL OR b.date <= ?3)" \
	" AND (?4 IS NULL OR instr(b.institution, ?4) > 0)"
#define BM_COUNTS "count(*) AS events, count(DISTINCT b.institution) AS " \
	"institutions, coalesce(sum(b.people), 0) AS people, " \
	"count(*) FILTER (WHERE b.kind = 'outgoing') AS outgoing, " \
	"count(*) FILTER (WHERE b.kind = 'incoming') AS incoming, " \
	"count(*) FILTER (WHERE b.kind = 'presentation') AS presentations"
#define BM_GROUP(key, name) "SELECT " key " AS " name ", " BM_COUNTS \
	" FROM benchmark b" BM_WHERE " GROUP BY 1 ORDER BY 1"

const struct inno_error *
inno_benchmark_query(struct inno_db *db, const struct inno_benchmark_filter *f,
    struct inno_stmt **stp)
{
	static const char *const bys[] = {"total", "kind", "year", "quarter",
	    "month", "institution", NULL};
	static const char *const sql[] = {
		"SELECT " BM_COUNTS " FROM benchmark b" BM_WHERE,
		"SELECT b.kind, count(*) AS events, count(DISTINCT "
		    "b.institution) AS institutions, coalesce(sum(b.people), 0) "
		    "AS people FROM benchmark b" BM_WHERE " GROUP BY b.kind "
		    "ORDER BY CASE b.kind WHEN 'outgoing' THEN 0 WHEN "
		    "'incoming' THEN 1 ELSE 2 END",
		BM_GROUP("substr(b.date, 1, 4)", "year"),
		BM_GROUP("substr(b.date, 1, 4) || '-Q' || ((CAST(substr(b.date, "
		    "6, 2) AS INTEGER) + 2) / 3)", "quarter"),
		BM_GROUP("substr(b.date, 1, 7)", "month"),
		BM_GROUP("b.institution", "institution"),
	};
	const struct inno_error *err;
	const char *q;
	int i;

	if (f->by == NULL)
		q = "SELECT b.id, b.kind, b.date, b.institution, b.sector, "
		    "b.people, inno_employee_code(b.speaker_id) AS speaker, "
		    "(SELECT group_concat(x, ' ') FROM (SELECT "
		    "inno_employee_code(m.employee_id) AS x FROM "
		    "benchmark_member m WHERE m.benchmark_id = b.id ORDER BY "
		    "m.id)) AS employees, b.findings, b.task_id FROM benchmark b"
		    BM_WHERE " ORDER BY b.date, b.id";
	else if ((i = inno_word_index(bys, f->by)) >= 0)
		q = sql[i];
	else
		return inno_error(INNO_EUSAGE, _("--by=%s: expected total, "
		    "kind, year, quarter, month or institution"), f->by);
	if ((err = inno_db_prepare(db, stp, q)) != NULL)
		return err;
	if ((err = inno_stmt_bind_int(*stp, 1, (int64_t)f->kinds)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 2, f->period ? f->period->first :
	    NULL, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 3, f->period ? f->period->last :
	    NULL, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 4, f->institution, -1)) != NULL)
		return err;
	return NULL;
}

/*
 * The figures of --by=kind, and the outgoing visits of --by=quarter, each
 * a range of the covering index benchmark_figures (kind, date, people;
 * share/schema/0016-report.sql): the kinds come out grouped in the
 * index's order, with no sort and no row of the table read, and the
 * outgoing visits, by month, are only the range of their kind.  A quarter
 * is of the year (Q1 of every year of the period together).
 */
static const char bm_kinds_sql[] =
	"SELECT b.kind, count(*), coalesce(sum(b.people), 0) FROM benchmark b "
	"WHERE b.kind IN ('outgoing', 'incoming', 'presentation') AND "
	"b.date >= ?1 AND b.date <= ?2 GROUP BY b.kind";
static const char bm_months_sql[] =
	"SELECT CAST(substr(b.date, 6, 2) AS INTEGER), count(*) FROM "
	"benchmark b WHERE b.kind = 'outgoing' AND b.date >= ?1 AND "
	"b.date <= ?2 GROUP BY 1";

const struct inno_error *
inno_benchmark_figures(struct inno_db *db, const struct inno_period *p,
    struct inno_benchmark_figures *out)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int64_t m;
	int row, k;

	memset(out, 0, sizeof *out);
	if ((err = inno_db_prepare(db, &st, bm_kinds_sql)) != NULL)
		return err;
	if ((err = inno_stmt_bind_text(st, 1, p->first, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 2, p->last, -1)) != NULL)
		goto done;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		k = inno_word_index(inno_benchmark_kinds, inno_stmt_text(st, 0));
		assert(k >= 0);
		out->events[k] = inno_stmt_int(st, 1);
		out->people[k] = inno_stmt_int(st, 2);
	}
	inno_stmt_reset(st);
	/* Outgoing visits (kind 0) by quarter, when there are any. */
	if (err != NULL || out->events[0] == 0)
		return err;
	if ((err = inno_db_prepare(db, &st, bm_months_sql)) != NULL)
		return err;
	if ((err = inno_stmt_bind_text(st, 1, p->first, -1)) != NULL ||
	    (err = inno_stmt_bind_text(st, 2, p->last, -1)) != NULL)
		goto done;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		m = inno_stmt_int(st, 0);
		assert(m >= 1 && m <= 12);
		out->outgoing_quarter[(m - 1) / 3] += inno_stmt_int(st, 1);
	}
done:
	inno_stmt_reset(st);
	return err;
}

/* The checks inno-check runs over these records. */
const struct inno_error *
inno_benchmark_check(struct inno_db *db, struct inno_diag *d)
{
	static const struct inno_check_rule rules[] = {
		{"benchmark", "SELECT b.id, printf('%d people, fewer than its "
		    "%d participating employees', b.people, count(m.id)) FROM "
		    "benchmark b JOIN benchmark_member m ON m.benchmark_id = "
		    "b.id GROUP BY b.id HAVING count(m.id) > b.people"},
	};

	return inno_check_rules(db, d, rules, sizeof rules / sizeof rules[0]);
}
