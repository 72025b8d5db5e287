/*
 * check.c: inno-check's checks.  SQLite checks the file and the foreign
 * keys; the schema is compared with the one the compiled migrations make,
 * so a dropped trigger or a CHECK removed through writable_schema shows;
 * the audit trail's chain of digests and its cover of the change log show
 * rows written, changed or deleted behind the programs' back; and each
 * domain module checks the office's rules the schema cannot state.  This
 * file names no table: each check asks the module that owns them.
 */
#include <stdlib.h>
#include <string.h>

#include "inno.h"
#include "audit.h"
#include "check.h"
/* domain headers */
#include "club.h"
#include "course.h"
#include "group.h"
#include "mileage.h"
#include "mvp.h"
#include "award.h"
#include "activity.h"
#include "benchmark.h"
#include "body.h"
#include "budget.h"
#include "idea.h"
#include "knowledge.h"
#include "staff.h"
#include "task.h"
#include "i18n.h"

static void
integrity_line(void *arg, const char *msg)
{
	inno_diag_add(arg, _("integrity: %s"), msg);
}

static void
fkey_line(void *arg, const char *table, int64_t id, const char *parent)
{
	inno_diag_add(arg, _("%s: row %lld refers to a missing %s row"), table,
	    (long long)id, parent);
}

/* The engine's own checks: the file's structure, then the foreign keys. */
static const struct inno_error *
check_engine(struct inno_db *db, struct inno_diag *d)
{
	return inno_db_engine_check(db, integrity_line, fkey_line, d);
}

/* The number of CHECK constraints in an object's SQL. */
static int
count_checks(const char *sql)
{
	const char *p;
	int n = 0;

	for (p = sql; (p = strstr(p, "CHECK")) != NULL; p += 5)
		if ((p == sql || strchr(" (,\t\n", p[-1]) != NULL) &&
		    (p[5] == ' ' || p[5] == '('))
			n++;
	return n;
}

/*
 * One line for each object of the schema that differs from what the
 * migrations make.  A table's CHECK constraints are counted, since a
 * constraint removed through writable_schema is the change that matters
 * most and the hardest to see in the SQL.
 */
static void
schema_problem(void *arg, const struct inno_schema_diff *x)
{
	struct inno_diag *d = arg;
	int live, ref;

	if (x->live == NULL)
		inno_diag_add(d, _("schema: %s %s is missing (the migrations "
		    "create it)"), x->type, x->name);
	else if (x->ref == NULL)
		inno_diag_add(d, _("schema: %s %s is not made by the migrations "
		    "(added outside the inno programs)"), x->type, x->name);
	else if ((live = count_checks(x->live)) != (ref = count_checks(
	    x->ref)))
		inno_diag_add(d, _("schema: %s %s differs from the migrations: "
		    "%d CHECK constraint%s where they make %d"), x->type,
		    x->name, live, live == 1 ? "" : "s", ref);
	else
		inno_diag_add(d, _("schema: %s %s differs from the migrations "
		    "(changed outside the inno programs)"), x->type, x->name);
}

static const struct inno_error *
check_schema(struct inno_db *db, struct inno_diag *d)
{
	return inno_db_schema_diff(db, schema_problem, d);
}

/* The audit trail's chain, then its cover of every logged change. */
static const struct inno_error *
check_audit(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;

	if ((err = inno_audit_check_chain(db, d)) != NULL)
		return err;
	return inno_audit_check_changes(db, d);
}

/* Every check, in the order they run. */
static const inno_check_fn checks[] = {
	check_engine,
	check_schema,
	check_audit,
	inno_staff_check,
	/* tasks */
	inno_task_check,

	/* mileage and the MVPs */
	inno_mileage_check,
	inno_mvp_check,

	/* clubs, groups, training */
	inno_club_check,
	inno_group_check,
	inno_course_check,

	/* benchmarking, ideas, knowledge, awards, budgets */
	inno_benchmark_check,
	inno_activity_check,
	inno_body_check,
	inno_idea_check,
	inno_knowledge_check,
	inno_award_check,
	inno_budget_check,

	/* reports */

	NULL
};

const struct inno_error *
inno_check_all(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	int i;

	for (i = 0; checks[i] != NULL; i++)
		if ((err = checks[i](db, d)) != NULL)
			return err;
	return NULL;
}

const struct inno_error *
inno_check_rules(struct inno_db *db, struct inno_diag *d,
    const struct inno_check_rule *rules, size_t n)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	size_t i;
	int row;

	for (i = 0; i < n; i++) {
		if ((err = inno_db_query(db, &st, rules[i].sql, NULL)) != NULL)
			return err;
		while ((err = inno_stmt_step(st, &row)) == NULL && row)
			inno_diag_add(d, "%s %lld: %s", rules[i].what,
			    (long long)inno_stmt_int(st, 0),
			    inno_stmt_text(st, 1));
		if (err != NULL)
			return err;
	}
	return NULL;
}
