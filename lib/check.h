/*
 * check.h: inno-check's integrity and rule checks.  check.c runs the
 * database-wide checks and the checks each domain module contributes.
 */
#ifndef INNO_CHECK_H
#define INNO_CHECK_H

#include "inno.h"

/*
 * Runs every integrity and rule check, adding one line per problem to
 * diag.  Returns an error only when the checks could not run.
 */
const struct inno_error *inno_check_all(struct inno_db *, struct inno_diag *);

/*
 * A check a domain module contributes: adds one line per problem.  Modules
 * list theirs in check.c's table.
 */
typedef const struct inno_error *(*inno_check_fn)(struct inno_db *,
    struct inno_diag *);

/*
 * A rule a module checks with one query: each row the query returns is a
 * problem, its first column the record's id and its second the reason.
 * what names the record ("idea", "budget spending").
 */
struct inno_check_rule {
	const char *what;
	const char *sql;
};

/* Runs n rules, adding "what ID: reason" to d for every row they return. */
const struct inno_error *inno_check_rules(struct inno_db *,
    struct inno_diag *, const struct inno_check_rule *rules, size_t n);

#endif /* INNO_CHECK_H */
