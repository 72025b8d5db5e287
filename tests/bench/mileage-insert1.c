/*
 * mileage-insert1: the baseline of the single-award benchmark.  It does
 * the least a program can do to add one mileage entry: open the database,
 * insert one row with bound values, close.  No configuration, validation,
 * caps or audit row; compiled by tests/bench/mileage.sh against SQLite.
 */
#include <stdio.h>

#include <sqlite3.h>

int
main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: mileage-insert1 database\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", argv[1], sqlite3_errmsg(db));
		return 1;
	}
	sqlite3_busy_timeout(db, 5000);
	rc = sqlite3_prepare_v2(db, "INSERT INTO mileage (date, employee_id, "
	    "dept_id, category, kind, points, reason) VALUES (?, ?, (SELECT "
	    "dept_id FROM employee WHERE id = ?2), ?, ?, ?, ?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, "2017-12-28", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, 1);
		sqlite3_bind_text(st, 3, "idea.adopted", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, "innovation", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, 10);
		sqlite3_bind_text(st, 6, "bench", -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s: %s\n", argv[1], sqlite3_errmsg(db));
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : 1;
}
