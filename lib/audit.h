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
 * user, program, action, tbl, first_id, last_id, detail, command), one row per
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
 * A batch that inserts many rows of one table in one write transaction,
 * without paying the table's insert trigger on every row: the trigger
 * (TABLE_log_insert) runs a program and opens a statement journal for
 * each INSERT, 0.65 s of a 1.55 s import of 200,000 employees.
 * inno_audit_bulk_begin takes the trigger out
 * for the transaction; inno_audit_bulk_end logs the run of inserts that
 * starts at first_id (0: none were made) as the trigger would have, by
 * the same rule, and creates the trigger again from its stored text.
 * Both must run inside the write transaction, so no other client ever
 * sees the table without its trigger: a rollback puts it back too.  The
 * batch's insert audit row is written after inno_audit_bulk_end, as the
 * rule of the runs wants (share/schema/0008-audit.sql).  A table whose trigger is missing is left as it is, and its
 * inserts are not logged, as they would not have been.  b is the caller's,
 * zeroed before begin and released with inno_audit_bulk_release.
 */
struct inno_audit_bulk {
	char *table;		/* NULL until begin */
	char *trigger;		/* its CREATE TRIGGER text; NULL: none out */
};
const struct inno_error *inno_audit_bulk_begin(struct inno_db *,
    struct inno_audit_bulk *b, const char *table);
const struct inno_error *inno_audit_bulk_end(struct inno_db *,
    struct inno_audit_bulk *b, int64_t first_id);
void inno_audit_bulk_release(struct inno_audit_bulk *b);

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

/*
 * The change log's position now (*mark), and what it logged since: the
 * number of rows of table changed by action ("update", "delete") since
 * mark, with the least and greatest row id, so that a module that
 * changes many rows with one statement can write the audit row covering
 * them.
 */
const struct inno_error *inno_audit_change_mark(struct inno_db *,
    int64_t *mark);
const struct inno_error *inno_audit_changes_since(struct inno_db *,
    int64_t mark, const char *table, const char *action, int64_t *n,
    int64_t *first, int64_t *last);

/* ------------------------------------------------------------ commands */

/*
 * A command is one invocation of a program that writes (the command
 * table, share/schema/NNNN-undo.sql): its first audit row writes it, and
 * every audit row of the invocation names it.  inno_audit_args gives the
 * arguments it records (cmd/cli.c, before the database is opened);
 * inno_audit_undoes the command an undo takes back, before its first
 * write.  inno_audit_current is this process's command id, 0 before the
 * first audit row.
 */
void inno_audit_args(int argc, char *const *argv);
void inno_audit_undoes(int64_t id);
int64_t inno_audit_current(void);

/* What lists commands: each field NULL for no limit. */
struct inno_audit_filter {
	const char *since;	/* YYYY-MM-DD: on or after */
	const char *until;	/* YYYY-MM-DD: on or before */
	const char *program;
	const char *user;
	const char *hide;	/* JSON array of tables left out of changes */
};

/*
 * Prepares the commands in filter, oldest first, with the columns id, at,
 * user, program, changes (what it changed, in words: "task: 236 added"),
 * undoes, undone_by and args.
 */
const struct inno_error *inno_audit_commands(struct inno_db *,
    const struct inno_audit_filter *, struct inno_stmt **stp);

struct inno_audit_cmd {
	int64_t id;
	char at[32];
	char user[64];
	char program[64];
	int64_t undoes;		/* 0: not an undo */
	int64_t undone_by;	/* 0: not undone */
};
/* Reads command id; *found is 0 when there is none. */
const struct inno_error *inno_audit_command(struct inno_db *, int64_t id,
    struct inno_audit_cmd *, int *found);

/* One thing a command did, as inno-undo takes it back. */
enum inno_audit_step_kind {
	INNO_STEP_INSERTED,	/* rows first_id..last_id of tbl */
	INNO_STEP_UPDATED,	/* row first_id of tbl; data: the row before */
	INNO_STEP_DELETED,	/* row first_id of tbl; data: the row */
	INNO_STEP_BATCH,	/* batch identity data recorded */
	INNO_STEP_BATCH_FORGOT,	/* an identity removed; data: its row */
	INNO_STEP_BATCH_RESTORED, /* an identity put back; data: its row */
	INNO_STEP_OTHER,	/* anything else (action): cannot be undone */
};
struct inno_audit_step {
	enum inno_audit_step_kind kind;
	char *tbl;		/* "" for none */
	char *action;
	int64_t first_id, last_id;
	char *data;		/* NULL: not kept (a change older than undo) */
	int64_t change;		/* the change log id, for the change steps */
};

/*
 * The steps of command id, in the order they were done: its audit rows'
 * inserts and batch identities, and the updates and deletes the change
 * log holds for them.  *steps is the caller's, freed with
 * inno_audit_steps_free.
 */
const struct inno_error *inno_audit_steps(struct inno_db *, int64_t id,
    struct inno_audit_step **steps, size_t *n);
void inno_audit_steps_free(struct inno_audit_step *, size_t n);

/*
 * The commands after command id that changed or deleted a row it wrote,
 * changed or deleted, in id order, into *ids (the caller's); changes to
 * the tables of skip (a JSON array of names, or NULL) do not count.
 */
const struct inno_error *inno_audit_later(struct inno_db *, int64_t id,
    const char *skip, int64_t **ids, size_t *n);

/*
 * The command of the last audit row that inserted or updated row id of
 * table; 0 for none.
 */
const struct inno_error *inno_audit_written_by(struct inno_db *,
    const char *table, int64_t id, int64_t *command);

/*
 * The audit rows of a batch's updates of table, at once: after the rows
 * ids[0..n-1] (distinct) were updated in that order, each by its own
 * statement or by one, since the change log's position mark
 * (inno_audit_change_mark), writes for each the 'update' row inno_audit
 * would have written after its update, with detail details[i], in the
 * order of the log.  Must run inside the write transaction.
 */
const struct inno_error *inno_audit_updates(struct inno_db *,
    const char *table, int64_t mark, size_t n, const int64_t *ids,
    char *const *details);

#endif /* INNO_AUDIT_H */
