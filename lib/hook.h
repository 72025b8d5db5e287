/*
 * hook.h: the office's own programs run on named events.  The executables
 * of the configured [hooks] dir named after an event (pre-award,
 * post-mvp, ...) are run with the event's records as one JSON document on
 * standard input.  A module notes a record while it writes it
 * (inno_hook_add); the program runs the pre- hooks just before COMMIT
 * (inno_hook_pre: a hook that fails vetoes the write) and the post- hooks
 * after it (inno_hook_post: a failure is only reported).  hook.c owns no
 * table; it spawns, feeds and waits, and never prints.
 */
#ifndef INNO_HOOK_H
#define INNO_HOOK_H

#include "inno.h"

/*
 * Notes one record of event ("award", "close", "mvp", "idea-adopt") for
 * the hooks of the current command.  fields has one letter a pair of the
 * arguments that follow, each a key (const char *) and a value: 's' a
 * string (NULL writes null), 'i' an int64_t.  Cheap and a no-op when no
 * hook of the event is installed, so a batch of many rows pays nothing.
 */
const struct inno_error *inno_hook_add(struct inno_db *, const char *event,
    const char *fields, ...);

/*
 * Runs the pre- hook of every event noted since the last inno_hook_post
 * or inno_hook_discard, in the order first noted; call it inside the write
 * transaction, just before COMMIT.  A hook that exits non-zero (or dies)
 * returns an EINPUT error with code INNO_E_HOOK naming the hook and
 * quoting the first lines of its standard error: the caller rolls back.
 */
const struct inno_error *inno_hook_pre(struct inno_db *);

/*
 * Runs the post- hook of every noted event, after COMMIT, and forgets
 * the records.  Every hook runs; the first failure is returned (EINPUT,
 * INNO_E_HOOK), which the program reports as a warning: the write stands.
 */
const struct inno_error *inno_hook_post(struct inno_db *);

/* Forgets the noted records (a rolled-back or dry run). */
void inno_hook_discard(void);

#endif /* INNO_HOOK_H */
