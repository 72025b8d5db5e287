/*
 * db-pg-sql.h: the modules' SQL, written once in SQLite's dialect, in
 * PostgreSQL's.  Private to the PostgreSQL engine (db-pg.c) and its tests;
 * not installed.  The functions the translation calls (inno_sum,
 * inno_date, inno_printf, ...) are made by share/schema/pg/0001-core.sql.
 */
#ifndef INNO_DB_PG_SQL_H
#define INNO_DB_PG_SQL_H

/*
 * One statement of the modules' SQL (SQLite's dialect) in PostgreSQL's,
 * as a new string the caller frees; NULL when memory is short.
 * *nparams: the largest parameter number ($N) it holds.  *returning: 1
 * when the statement already has a RETURNING clause.
 */
char *inno_pg_sql(const char *sql, int *nparams, int *returning);

#endif /* INNO_DB_PG_SQL_H */
