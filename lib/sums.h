/*
 * sums.h: running sums a batch checks its rows against (the money already
 * given to an award's projects, spent against a budget line), kept for the
 * length of the batch instead of summed again over the records for every
 * row.  The sums live in a temporary table of the connection, which is
 * private to it and written inside the batch's transaction: a batch that
 * is rejected or run dry takes its changes to the sums back with its rows.
 */
#ifndef INNO_SUMS_H
#define INNO_SUMS_H

#include "inno.h"

/*
 * The kept sum of area under key.  The first time it is asked for (and
 * again after another connection committed anything), sql computes it from
 * the records, binding key as its only parameter; it stays then until
 * inno_sums_add changes it.  area is a static name such as "award".
 */
const struct inno_error *inno_sums_get(struct inno_db *, const char *area,
    int64_t key, const char *sql, int64_t *sum);

/*
 * Adds an accepted row's amount to a sum inno_sums_get returned in the
 * same transaction.
 */
const struct inno_error *inno_sums_add(struct inno_db *, const char *area,
    int64_t key, int64_t amount);

#endif /* INNO_SUMS_H */
