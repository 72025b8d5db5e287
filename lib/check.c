/*
 * check.c: inno-check's checks.  SQLite checks the file and the foreign
 * keys; the audit trail's chain of digests and its cover of the change
 * log show rows written, changed or deleted behind the programs' back; and
 * each domain module checks the office's rules the schema cannot state.
 * This file names no table: each check asks the module that owns them.
 */
#include <stdlib.h>
#include <string.h>

#include "inno.h"
#include "audit.h"
#include "check.h"
/* domain headers */
#include "club.h"
#include "course.h"
#include "mileage.h"
#include "award.h"
#include "benchmark.h"
#include "budget.h"
#include "idea.h"
#include "knowledge.h"
#include "staff.h"
#include "task.h"

/* SQLite's own checks: the file's structure, then the foreign keys. */
static const struct inno_error *
check_sqlite(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, "PRAGMA integrity_check", NULL)) !=
	    NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		if (strcmp(inno_stmt_text(st, 0), "ok") != 0)
			inno_diag_add(d, "integrity: %s", inno_stmt_text(st,
			    0));
	if (err != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "PRAGMA foreign_key_check", NULL)) !=
	    NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, "%s: row %lld refers to a missing %s row",
		    inno_stmt_text(st, 0), (long long)inno_stmt_int(st, 1),
		    inno_stmt_text(st, 2));
	return err;
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
	check_sqlite,
	check_audit,
	inno_staff_check,
	/* tasks */
	inno_task_check,

	/* mileage and the MVPs */
	inno_mileage_check,
	/*
	 * inno_mvp_check (a stored MVP the ledger does not support) goes
	 * here, with mvp.h among the headers above, once lib/mvp.c has it.
	 */

	/* clubs, groups, training */
	inno_club_check,
	inno_course_check,

	/* benchmarking, ideas, knowledge, awards, budgets */
	inno_benchmark_check,
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
