/*
 * sums.c: the running sums of sums.h.  Each sum is read from the records
 * once, when a row first needs it, and then kept up to date as rows are
 * accepted, so that a batch of n rows against one award or budget line
 * costs n lookups rather than n sums over a growing table.  A commit by
 * another connection may change what a kept sum should be: the data
 * version the sums were read at is kept with them (area ''), and when the
 * database's differs every sum is read again.  The connection's own
 * commits leave the data version as it is, and they went through here.
 */
#include "sums.h"

/* Forgets every kept sum when another connection has committed since. */
static const struct inno_error *
sums_fresh(struct inno_db *db)
{
	const struct inno_error *err;
	int64_t now, then;
	int found;

	if ((err = inno_db_run(db, "CREATE TEMP TABLE IF NOT EXISTS inno_sums "
	    "(area TEXT NOT NULL, key INTEGER NOT NULL, sum INTEGER NOT NULL, "
	    "PRIMARY KEY (area, key))", "")) != NULL ||
	    (err = inno_db_data_version(db, &now)) != NULL ||
	    (err = inno_db_int(db, &then, &found, "SELECT sum FROM "
	    "temp.inno_sums WHERE area = '' AND key = 0", "")) != NULL)
		return err;
	if (found && then == now)
		return NULL;
	if ((err = inno_db_run(db, "DELETE FROM temp.inno_sums", "")) != NULL)
		return err;
	return inno_db_run(db, "INSERT INTO temp.inno_sums (area, key, sum) "
	    "VALUES ('', 0, ?)", "i", now);
}

const struct inno_error *
inno_sums_get(struct inno_db *db, const char *area, int64_t key,
    const char *sql, int64_t *sum)
{
	const struct inno_error *err;
	int found;

	if ((err = sums_fresh(db)) != NULL ||
	    (err = inno_db_int(db, sum, &found, "SELECT sum FROM "
	    "temp.inno_sums WHERE area = ? AND key = ?", "ti", area, key)) !=
	    NULL || found)
		return err;
	if ((err = inno_db_int(db, sum, NULL, sql, "i", key)) != NULL)
		return err;
	return inno_db_run(db, "INSERT INTO temp.inno_sums (area, key, sum) "
	    "VALUES (?, ?, ?)", "tii", area, key, *sum);
}

const struct inno_error *
inno_sums_add(struct inno_db *db, const char *area, int64_t key,
    int64_t amount)
{
	return inno_db_run(db, "UPDATE temp.inno_sums SET sum = sum + ? WHERE "
	    "area = ? AND key = ?", "iti", amount, area, key);
}
