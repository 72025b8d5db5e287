/*
 * check.c: inno-check's checks.  SQLite checks the file and the foreign
 * keys; the rest are the office's rules the schema cannot state, and the
 * audit rule: every record a program wrote is covered by an audit line, so
 * a row added behind the programs' backs shows up here.
 */
#include <stdlib.h>
#include <string.h>

#include "inno.h"
/* domain headers */
#include "club.h"
#include "course.h"
#include "group.h"
#include "mileage.h"
#include "award.h"
#include "benchmark.h"
#include "budget.h"
#include "idea.h"
#include "knowledge.h"
#include "check.h"
#include "staff.h"
#include "task.h"


/*
 * The tables whose rows programs insert.  A domain module that adds a table
 * lists it here.
 */
static const char *const audited[] = {
	"dept", "team", "employee",
	/* tasks */
	"task", "task_member", "task_milestone", "task_log", "task_score",

	/* mileage */
	"mileage", "mileage_close", "mileage_mvp",

	/* clubs, groups, training */
	"club", "club_member", "club_grant", "club_activity", "group_member",
	"course", "enrolment",

	/* benchmarking, ideas, knowledge, awards, budgets */
	"benchmark", "benchmark_member", "idea", "idea_meeting", "idea_review",
	"knowledge", "knowledge_eval", "knowledge_view", "award", "award_fund",
	"budget", "budget_spend",

	/* reports */
	"schedule",

	NULL
};

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

/* Rows of each audited table that no insert audit line covers. */
static const struct inno_error *
check_audit(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char *sql;
	int i, row;

	for (i = 0; audited[i] != NULL; i++) {
		/*
		 * Table names come from the list above, never from input, so
		 * formatting them into the SQL is safe.
		 */
		/*
		 * The audit line with the greatest first id at or below a
		 * row's id is the one that can cover it: one index probe a
		 * row, however long the trail.
		 */
		sql = inno_strf("SELECT t.id FROM \"%s\" t WHERE coalesce(("
		    "SELECT a.last_id FROM audit a WHERE a.tbl = ?1 AND "
		    "a.action = 'insert' AND a.first_id <= t.id ORDER BY "
		    "a.first_id DESC LIMIT 1), -1) < t.id ORDER BY t.id "
		    "LIMIT 100", audited[i]);
		if (sql == NULL)
			return inno_error_nomem();
		err = inno_db_query(db, &st, sql, "t", audited[i]);
		free(sql);
		if (err != NULL)
			return err;
		while ((err = inno_stmt_step(st, &row)) == NULL && row)
			inno_diag_add(d, "%s: row %lld has no audit entry "
			    "(written outside the inno programs)", audited[i],
			    (long long)inno_stmt_int(st, 0));
		if (err != NULL)
			return err;
	}
	return NULL;
}

/* Every check, in the order they run. */
static const inno_check_fn checks[] = {
	check_sqlite,
	check_audit,
	inno_staff_check,
	/* tasks */
	inno_task_check,

	/* mileage */
	inno_mileage_check,

	/* clubs, groups, training */
	inno_club_check,
	inno_group_check,
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
