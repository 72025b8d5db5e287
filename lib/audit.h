/*
 * audit.h: the audit trail (the audit table) and the change log the
 * schema's triggers keep (audit_change), both owned by audit.c.  Programs
 * write the trail through inno_audit; inno-check reads both through the
 * checks below.  share/schema/0008-audit.sql explains the design.
 */
#ifndef INNO_AUDIT_H
#define INNO_AUDIT_H

#include "inno.h"

/*
 * Appends one row to the audit trail: when (the clock, never $INNO_NOW),
 * the real Unix user (getuid, not the environment), the program, the
 * action ("insert", "update", "migrate", ...), the table (may be NULL) and
 * the first and last row id it touched (-1: none), and a detail text made
 * from fmt.  A batch that inserts many rows writes one row covering their
 * id range; a row function that updates a record writes one after the
 * UPDATE, in the same transaction.  The row is chained to the one before
 * it by a digest, so it must be written inside the write transaction.
 */
const struct inno_error *inno_audit(struct inno_db *, const char *action,
    const char *table, int64_t first_id, int64_t last_id, const char *fmt,
    ...) __attribute__((format(printf, 6, 7)));

/*
 * Other modules' SQL reads the trail through the view audit_lines (id, at,
 * user, program, action, tbl, first_id, last_id, detail), one row per
 * audit row (share/schema/0009-audit-lines.sql), never the table itself.
 */

/*
 * Checks the chain of digests over the audit rows: adds one line to d for
 * each row changed, removed or inserted outside the programs.  Returns an
 * error only when the check could not run.
 */
const struct inno_error *inno_audit_check_chain(struct inno_db *,
    struct inno_diag *d);

/*
 * Checks the change log against the audit rows: adds one line to d for
 * each inserted row no 'insert' audit row covers, and for each update or
 * delete no audit row of the same action covers, that is, each change made
 * outside the programs.  Returns an error only when the check could not
 * run.
 */
const struct inno_error *inno_audit_check_changes(struct inno_db *,
    struct inno_diag *d);

/*
 * Checks the ids of a table whose inserts the change log does not follow
 * (the mileage ledger, for the cost of a row trigger on its batches): ids,
 * prepared by the table's owner, returns them in ascending order in its
 * first column, and each must lie in an 'insert' audit row's range for
 * table.  Adds "table: row ID has no audit entry" to d for each that does
 * not (at most 100).  Returns an error only when the check could not run.
 */
const struct inno_error *inno_audit_check_inserted(struct inno_db *,
    struct inno_diag *d, const char *table, struct inno_stmt *ids);

/*
 * Prepares the audit rows about table whose id range meets [first_id,
 * last_id], in the order they were written, with the columns at, user,
 * program, action, tbl, first_id, last_id, detail.  This is how a module
 * shows a record's history without naming the audit table.  The statement
 * is the database's (see inno_db_prepare).
 */
const struct inno_error *inno_audit_query(struct inno_db *,
    struct inno_stmt **stp, const char *table, int64_t first_id,
    int64_t last_id);

#endif /* INNO_AUDIT_H */
