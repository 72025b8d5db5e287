/*
 * budget.c: the office's programme budget lines with the spending against
 * them.  The council report gives each programme's budget (소요예산),
 * period and content; these tables hold those figures in won.
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "budget.h"
#include "staff.h"
#include "check.h"
#include "sums.h"
#include "i18n.h"

const struct inno_col inno_budget_cols[INNO_BUDGET_NCOLS] = {
	{"year", 1}, {"programme", 1}, {"amount", 1}, {"first", 0},
	{"last", 0}, {"content", 0}, {"dept", 0},
};

const struct inno_col inno_spend_cols[INNO_SPEND_NCOLS] = {
	{"year", 0}, {"programme", 1}, {"date", 1}, {"amount", 1},
	{"purpose", 0},
};

/* The year of a valid ISO date. */
static int64_t
year_of(const char *date)
{
	int64_t y = 0;

	(void)inno_parse_int(date, 4, 1900, 2999, &y);
	return y;
}

/* The money spent against budget line ?, summed from the records. */
#define SPENT "SELECT coalesce(sum(amount), 0) FROM budget_spend WHERE " \
	"budget_id = ?"

const struct inno_error *
inno_budget_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *prog, *content;
	char first[11], last[11];
	int64_t year = 0, amount = 0, dept = 0, id, spent, old = 0, total;
	int found;

	inno_row_int(r, INNO_BUDGET_YEAR, 1900, 2999, &year);
	inno_row_text(r, INNO_BUDGET_PROGRAMME, 200, &prog);
	inno_row_money(r, INNO_BUDGET_AMOUNT, &amount);
	inno_row_date(r, INNO_BUDGET_FIRST, first);
	inno_row_date(r, INNO_BUDGET_LAST, last);
	inno_row_text(r, INNO_BUDGET_CONTENT, 4000, &content);
	inno_row_dept(r, INNO_BUDGET_DEPT, &dept);
	if (inno_row_bad(r))
		return NULL;
	if (first[0] && year_of(first) != year)
		inno_row_error(r, INNO_BUDGET_FIRST,
		    _("%s: not in %lld"), first,
		    (long long)year);
	else if (first[0] && last[0] && strcmp(last, first) < 0)
		inno_row_error(r, INNO_BUDGET_LAST,
		    _("%s: before the first day %s"), last, first);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_int(db, &id, &found, "SELECT id FROM budget WHERE "
	    "year = ? AND programme = ?", "it", year, prog)) != NULL ||
	    (found && (err = inno_db_int(db, &old, NULL, "SELECT amount FROM "
	    "budget WHERE id = ?", "i", id)) != NULL))
		return err;
	/* One sum under key 0, which the condition binds and ignores. */
	if ((err = inno_sums_get(db, "budget.total", 0, "SELECT "
	    "coalesce(sum(amount), 0) FROM budget WHERE ? = 0", &total)) !=
	    NULL)
		return err;
	if (amount - old > INNO_BUDGET_TOTAL_MAX - total) {
		inno_row_error(r, INNO_BUDGET_AMOUNT, _("%lld won would bring "
		    "the budget lines of all years past %lld won"),
		    (long long)amount, (long long)INNO_BUDGET_TOTAL_MAX);
		return NULL;
	}
	if (!found) {
		if ((err = inno_db_run(db, "INSERT INTO budget (year, programme, "
		    "amount, first, last, content, dept_id) VALUES (?, ?, ?, ?, "
		    "?, ?, ?)", "ititttI", year, prog, amount, first[0] ? first :
		    NULL, last[0] ? last : NULL, content, dept)) != NULL)
			return err;
		id = inno_db_last_id(db);
		if ((err = inno_sums_add(db, "budget.total", 0, amount)) !=
		    NULL)
			return err;
		a->last_id = id;
		inno_row_wrote(r, id);
		return NULL;
	}
	if ((err = inno_sums_get(db, "budget.spent", id, SPENT, &spent)) !=
	    NULL)
		return err;
	if (amount < spent) {
		inno_row_error(r, INNO_BUDGET_AMOUNT, _("%lld: less than the "
		    "%lld won already spent"), (long long)amount,
		    (long long)spent);
		return NULL;
	}
	if ((err = inno_db_run(db, "UPDATE budget SET amount = ?2, first = "
	    "coalesce(?3, first), last = coalesce(?4, last), content = "
	    "coalesce(?5, content), dept_id = coalesce(?6, dept_id) WHERE id = "
	    "?1", "iitttI", id, amount, first[0] ? first : NULL, last[0] ?
	    last : NULL, content, dept)) != NULL ||
	    (err = inno_sums_add(db, "budget.total", 0, amount - old)) != NULL)
		return err;
	if ((err = inno_audit(db, "update", "budget", id, id, "budget %lld "
	    "%s: %lld won", (long long)year, prog, (long long)amount)) != NULL)
		return err;
	a->last_id = id;
	inno_row_wrote(r, 0);
	return NULL;
}

const struct inno_error *
inno_spend_row(void *arg, struct inno_row *r)
{
	struct inno_record_arg *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *prog, *purpose;
	char date[11];
	int64_t year = 0, amount = 0, id, budget, spent;
	int hy, found;

	hy = inno_row_int(r, INNO_SPEND_YEAR, 1900, 2999, &year);
	inno_row_text(r, INNO_SPEND_PROGRAMME, 200, &prog);
	inno_row_date(r, INNO_SPEND_DATE, date);
	inno_row_money(r, INNO_SPEND_AMOUNT, &amount);
	inno_row_text(r, INNO_SPEND_PURPOSE, 1000, &purpose);
	if (inno_row_bad(r))
		return NULL;
	if (hy != 1)
		year = year_of(date);
	else if (year_of(date) != year) {
		inno_row_error(r, INNO_SPEND_DATE, _("%s: not in %lld"), date,
		    (long long)year);
		return NULL;
	}
	if ((err = inno_db_query(db, &st, "SELECT id, amount FROM budget "
	    "WHERE year = ? AND programme = ?", "it", year, prog)) != NULL ||
	    (err = inno_stmt_step(st, &found)) != NULL)
		return err;
	if (!found) {
		inno_row_error(r, INNO_SPEND_PROGRAMME,
		    _("%.60s: no budget line in %lld"), prog, (long long)year);
		return NULL;
	}
	id = inno_stmt_int(st, 0);
	budget = inno_stmt_int(st, 1);
	inno_stmt_reset(st);
	if ((err = inno_sums_get(db, "budget.spent", id, SPENT, &spent)) !=
	    NULL)
		return err;
	/* spent never passes budget, so the sum below cannot overflow. */
	if (amount == 0)
		inno_row_error(r, INNO_SPEND_AMOUNT,
		    _("0: must be more than 0"));
	else if (amount > budget - spent)
		inno_row_error(r, INNO_SPEND_AMOUNT,
		    _("%lld won would bring the spending to %lld won, more "
		    "than the budget of %lld won"),
		    (long long)amount, (long long)(spent + amount),
		    (long long)budget);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_run(db, "INSERT INTO budget_spend (budget_id, date, "
	    "amount, purpose) VALUES (?, ?, ?, ?)", "itit", id, date, amount,
	    purpose)) != NULL ||
	    (err = inno_sums_add(db, "budget.spent", id, amount)) != NULL)
		return err;
	id = inno_db_last_id(db);
	a->last_id = id;
	inno_row_wrote(r, id);
	return NULL;
}

#define BUDGET_WHERE " WHERE (?1 = 0 OR b.year = ?1) AND (?2 IS NULL OR " \
	"b.programme = ?2) AND (?3 IS NULL OR b.dept_id = inno_dept_ref(?3))"
#define BUDGET_TOTALS "count(*) AS lines, coalesce(sum(b.amount), 0) AS " \
	"amount, coalesce(sum(s.spent), 0) AS spent, coalesce(sum(b.amount), " \
	"0) - coalesce(sum(s.spent), 0) AS remaining FROM budget b " \
	"LEFT JOIN (SELECT budget_id, sum(amount) " \
	"AS spent FROM budget_spend GROUP BY budget_id) s ON s.budget_id = " \
	"b.id" BUDGET_WHERE

const struct inno_error *
inno_budget_query(struct inno_db *db, const struct inno_budget_filter *f,
    struct inno_stmt **stp)
{
	const char *q;

	if (f->spending && f->by != NULL)
		return inno_error(INNO_EUSAGE, _("--spending lists spending; "
		    "it takes no --by"));
	if (f->spending)
		q = "SELECT s.id, b.year, b.programme, s.date, s.amount, "
		    "s.purpose FROM budget_spend s JOIN budget b ON b.id = "
		    "s.budget_id" BUDGET_WHERE " ORDER BY s.date, s.id";
	else if (f->by == NULL)
		q = "SELECT b.id, b.year, b.programme, b.amount, "
		    "coalesce(s.spent, 0) AS spent, b.amount - coalesce(s.spent, "
		    "0) AS remaining, b.first, b.last, inno_dept_name(b.dept_id) "
		    "AS dept, b.content FROM budget b LEFT JOIN (SELECT "
		    "budget_id, sum(amount) AS spent FROM "
		    "budget_spend GROUP BY budget_id) s ON s.budget_id = b.id"
		    BUDGET_WHERE " ORDER BY b.year, b.id";
	else if (strcmp(f->by, "total") == 0)
		q = "SELECT " BUDGET_TOTALS;
	else if (strcmp(f->by, "year") == 0)
		q = "SELECT b.year, " BUDGET_TOTALS " GROUP BY b.year ORDER BY "
		    "b.year";
	else
		return inno_error(INNO_EUSAGE,
		    _("--by=%s: expected total or year"), f->by);
	return inno_db_query(db, stp, q, "itt", f->year, f->programme,
	    f->dept);
}

const struct inno_error *
inno_budget_figures(struct inno_db *db, int64_t year,
    struct inno_budget_figures *out)
{
	struct inno_budget_filter f;
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	memset(out, 0, sizeof *out);
	memset(&f, 0, sizeof f);
	f.year = year;
	f.by = "total";
	if ((err = inno_budget_query(db, &f, &st)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row) {
		out->lines = inno_stmt_int(st, 0);
		out->amount = inno_stmt_int(st, 1);
		out->spent = inno_stmt_int(st, 2);
	}
	inno_stmt_reset(st);
	return NULL;
}

void
inno_budget_line_release(struct inno_budget_line *l)
{
	free(l->content);
	free(l->dept);
	memset(l, 0, sizeof *l);
}

const struct inno_error *
inno_budget_line(struct inno_db *db, int64_t year, const char *programme,
    struct inno_budget_line *out, int *found)
{
	struct inno_budget_filter f;
	const struct inno_error *err;
	struct inno_stmt *st;

	memset(out, 0, sizeof *out);
	memset(&f, 0, sizeof f);
	f.year = year;
	f.programme = programme;
	if ((err = inno_budget_query(db, &f, &st)) != NULL ||
	    (err = inno_stmt_step(st, found)) != NULL || !*found)
		return err;
	out->id = inno_stmt_int(st, 0);
	out->year = inno_stmt_int(st, 1);
	out->amount = inno_stmt_int(st, 3);
	out->spent = inno_stmt_int(st, 4);
	snprintf(out->first, sizeof out->first, "%s", inno_stmt_text(st, 6));
	snprintf(out->last, sizeof out->last, "%s", inno_stmt_text(st, 7));
	out->dept = strdup(inno_stmt_text(st, 8));
	out->content = strdup(inno_stmt_text(st, 9));
	inno_stmt_reset(st);
	if (out->dept == NULL || out->content == NULL) {
		inno_budget_line_release(out);
		return inno_error_nomem();
	}
	return NULL;
}

/* The checks inno-check runs over these records. */
const struct inno_error *
inno_budget_check(struct inno_db *db, struct inno_diag *d)
{
	static const struct inno_check_rule rules[] = {
		{"budget", "SELECT b.id, printf('%d %s: spent %d won, more "
		    "than the budget of %d won', b.year, b.programme, "
		    "sum(s.amount), b.amount) FROM budget b JOIN budget_spend s "
		    "ON s.budget_id = b.id GROUP BY b.id HAVING sum(s.amount) > "
		    "b.amount"},
		{"budget spending", "SELECT s.id, printf('dated %s, outside "
		    "the budget year %d', s.date, b.year) FROM budget_spend s "
		    "JOIN budget b ON b.id = s.budget_id WHERE "
		    "CAST(substr(s.date, 1, 4) AS INTEGER) <> b.year"},
	};

	return inno_check_rules(db, d, rules, sizeof rules / sizeof rules[0]);
}
