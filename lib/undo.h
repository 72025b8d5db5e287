/*
 * undo.h: taking back one command (inno-undo).  A command is one
 * invocation of a program that writes; the audit trail names it in every
 * row it wrote, and the change log keeps each row as it was before an
 * update or a delete (audit.h, share/schema/NNNN-undo.sql).  Undoing a
 * command is itself a command, audited like any other, so it can be undone
 * in turn.
 *
 * The design, and how it keeps one owner per table.  undo.c writes no SQL
 * of its own about any table.  It reads what a command did from audit.c
 * (inno_audit_steps), and takes each step back through a handler chosen by
 * the table in the registry at the top of undo.c, which names the table's
 * owner and one of three ways:
 *
 *  - rows: the owner keeps plain records whose every column the change
 *    log holds, so the row itself is the unit: an inserted row is deleted,
 *    an updated one set back to its old columns, a deleted one inserted
 *    again with its old id.  db.c does this by table name
 *    (inno_db_row_delete, inno_db_row_put), generically and for undo
 *    only; the rules the owner's schema holds (foreign keys, checks,
 *    unique keys) still apply, and refuse what they would refuse from the
 *    owner.
 *  - ledger: the mileage ledger is append-only, so its owner takes back
 *    its own entries (inno_mileage_undo_range in mileage.c): reversals
 *    for awards, the awards again for reversals.
 *  - refuse: a closed month (mileage_close) is never reopened.
 *
 * A table whose rows are a month's figures names its month column in the
 * registry (mileage_mvp: month); a row of a closed month is not touched.
 * The row is read as JSON through db.c (inno_db_row_json) or taken from
 * the change log.
 *
 * A table missing from the registry cannot be undone, which is the safe
 * default for a table a later migration adds: its owner adds a line.
 * Batch identities (the batch table, batch.c's) are removed through
 * inno_batch_forget, so that a batch taken back can be applied again, and
 * put back by the undo of the undo.
 *
 * All or nothing: the undo runs in one write transaction, and any refusal
 * or error rolls it back.  It is refused (EINPUT, exit status 1) when:
 * the command does not exist or was undone already; it did something no
 * handler takes back (a schema upgrade, a change older than the kept old
 * rows); a ledger entry or a stored MVP it wrote lies in a closed month,
 * or it closed a month; or later commands depend on it, that is, changed
 * or deleted a row it wrote, or wrote rows whose foreign keys name rows it
 * inserted (an idea reviewed after its submission): the message names
 * each (id, program, time).  A later command that was undone, by an undo
 * still in effect, is no longer in the way, and neither is that undo: the
 * two together changed nothing.
 */
#ifndef INNO_UNDO_H
#define INNO_UNDO_H

#include "inno.h"

struct inno_undo_result {
	int64_t command;	/* the undo's own command id */
	int64_t deleted;	/* rows deleted (the command's inserts) */
	int64_t restored;	/* rows set back to their old values */
	int64_t reinserted;	/* rows the command deleted, put back */
	int64_t entries;	/* ledger entries written */
	int64_t batches;	/* batch identities removed or put back */
};

/*
 * Prepares the commands in f as inno_audit_commands does, leaving out of
 * their changes the tables whose rows are sums kept from another (the
 * mileage rollup), which the user never wrote.
 */
const struct inno_error *inno_undo_list(struct inno_db *,
    const struct inno_audit_filter *, struct inno_stmt **stp);

/*
 * Takes back command id, all or nothing, in its own write transaction.
 * dry_run checks everything and writes nothing.
 */
const struct inno_error *inno_undo(struct inno_db *, int64_t id, int dry_run,
    struct inno_undo_result *res);

#endif /* INNO_UNDO_H */
