/*
 * engine.h: what the database layer (db.c) asks of a database engine, and
 * what it gives one back.  It is private to the layer: only db.c and the
 * engines, lib/db-*.c, include it, and it is not installed.  Everything
 * else reaches a database through inno.h's inno_db_* and inno_stmt_*
 * functions, which db.c implements once for every engine: the statement
 * cache, the one-shot helpers, binding by a type string, the choice of the
 * database name, the migrations' bookkeeping, the schema comparison, the
 * rows by table name and the words of the errors.  An engine is the one
 * file that calls its library (db-sqlite.c calls SQLite); it does what
 * differs from one engine to another and nothing else.
 *
 * The comment of each operation says what SQLite's engine does and what a
 * PostgreSQL engine (libpq, a name given as a postgresql:// URI) would do,
 * so that one can be written against this table without changing db.c's
 * callers: the SQL the modules write (? placeholders, INTEGER PRIMARY KEY
 * ids read back with inno_db_last_id, BEGIN IMMEDIATE's one writer at a
 * time) is the contract, and an engine makes its database keep it.
 */
#ifndef INNO_ENGINE_H
#define INNO_ENGINE_H

#include <sys/types.h>

#include "inno.h"

#define INNO_DB_CACHE_MAX 64

/*
 * A statement: the engine's handle and the database it belongs to.  Made
 * and freed by db.c (cached ones live as long as the database); the engine
 * fills h in prepare and empties it in finalize.
 */
struct inno_stmt {
	void *h;		/* sqlite3_stmt; PostgreSQL: a prepared
				   statement's name, its parameters and the
				   result being read */
	struct inno_db *db;
};

struct inno_db_cached {
	char *sql;		/* the key */
	struct inno_stmt *stmt;
};

/*
 * An open database.  db.c owns every field but h, which is the engine's:
 * made by its open (or scratch), freed by its close.
 */
struct inno_db {
	const struct inno_engine *eng;
	void *h;		/* the engine's connection */
	char *path;		/* the name as given: a path, or a URI */
	char *label;		/* the name as messages show it */
	char *program;
	const struct inno_config *cfg;
	int readonly;		/* set by the engine's open */
	int in_tx;
	int64_t timeout;	/* the busy timeout, in milliseconds */
	const char *sync;	/* "full" or "normal" */
	struct inno_db_cached cache[INNO_DB_CACHE_MAX];
	size_t ncache;
	size_t next_evict;
	char user[64];
	uid_t uid;
};

/* What inno_db_row_sql's statement is for (inno_db_row_put, _json). */
enum inno_row_sql {
	INNO_ROW_INSERT,	/* insert a row from JSON object ?1 */
	INNO_ROW_UPDATE,	/* set the columns object ?1 has on the row of
				   its "id", leaving the others */
	INNO_ROW_JSON,		/* row ?1 as one JSON object of its columns */
};

/*
 * An engine.  Every operation is there (none is NULL); one that has
 * nothing to do for an engine returns NULL at once.  Operations that fail
 * return an error made with inno_db_fault (or inno_error_nomem), so the
 * same failure reads the same on every engine.  Statement operations take
 * the struct inno_stmt, whose db leads to the connection.
 */
struct inno_engine {
	const char *name;	/* "SQLite" */

	/*
	 * The schema: its numbered migrations in the engine's SQL, applied
	 * in order by db.c.  SQLite: share/schema compiled in
	 * (inno_migrations).  PostgreSQL: share/schema/pg, its translation
	 * file for file with the same numbers (inno_pg_migrations), so a
	 * version means the same tables on both.
	 */
	const char *const *migrations;
	const int *nmigrations;

	/*
	 * Catalogue queries, run through the statement cache.
	 * tables_sql: no parameter; columns name and type ("table" or
	 * "view") of the schema's tables and views, the engine's own left
	 * out, by name.  relation_sql: ?1 a name; columns name and type of
	 * the table or view of that exact name, no row when there is none.
	 * fkeys_sql: ?1 a table; columns table and column of every foreign
	 * key that refers to it, by table and key.  schema_sql: no
	 * parameter; columns type, name and sql (the text that makes it)
	 * of every object of the schema, the engine's own left out, by type
	 * and name in byte order.  SQLite reads sqlite_schema and its
	 * pragma functions; PostgreSQL would read pg_catalog (pg_class,
	 * pg_constraint, pg_get_*def for sql) in the schema inno uses,
	 * ordering with COLLATE "C", and leave out its own bookkeeping,
	 * inno_schema and inno_sequence, as SQLite's sqlite_* are.
	 */
	const char *tables_sql;
	const char *relation_sql;
	const char *fkeys_sql;
	const char *schema_sql;
	/*
	 * column_sql: ?1 a table, ?2 a column; a row when the table has
	 * it.  object_sql: ?1 "trigger" or "index", ?2 its name; column sql,
	 * the statement that makes it.  sequence_sql: ?1 a table; column seq,
	 * the largest id it gave (SQLite's sqlite_sequence, PostgreSQL's
	 * inno_sequence).
	 */
	const char *column_sql;
	const char *object_sql;
	const char *sequence_sql;
	/*
	 * The engine's own checks for inno-check: integrity_sql, one column,
	 * "ok" or a problem a row (SQLite's integrity_check; PostgreSQL
	 * keeps its pages itself: "ok"); fkeys_check_sql, columns table, row
	 * id and the table it refers to, a row for each broken foreign key
	 * (SQLite's foreign_key_check; PostgreSQL enforces every key: none).
	 * data_version_sql: one integer that changes when another connection
	 * has committed (SQLite's data_version); PostgreSQL has none, and a
	 * clock that changes at every call means "always".
	 */
	int trigger_on_table;	/* DROP TRIGGER names the table: PostgreSQL */
	const char *integrity_sql;
	const char *fkeys_check_sql;
	const char *data_version_sql;

	/* ---------------------------------------------- the connection */

	/*
	 * The database's name as messages show it, a new string (NULL when
	 * memory is short).  SQLite: the path.  PostgreSQL: the URI without
	 * its password.
	 */
	char *(*label)(const char *name);

	/*
	 * Connects to db->path for mode, setting db->h and db->readonly; db's
	 * timeout and sync are set.  INNO_DB_READ never creates anything and
	 * refuses a database that does not exist; INNO_DB_WRITE creates it.
	 * SQLite: the file, built privately and published at its first
	 * commit, WAL, the busy handler, immutable reads of a read-only
	 * directory (db-sqlite.c).  PostgreSQL: PQconnectdb on the URI;
	 * "creating" means the schema is empty and the migrations make it;
	 * lock_timeout and statement_timeout from db->timeout,
	 * synchronous_commit off for "normal"; readonly from
	 * default_transaction_read_only or a missing privilege.  An error
	 * must not quote the URI, which may hold a password.
	 */
	const struct inno_error *(*open)(struct inno_db *,
	    enum inno_db_mode);
	/*
	 * Connects db to an empty database of its own, thrown away by
	 * close, for the schema comparison's reference.  SQLite: an
	 * in-memory database.  PostgreSQL: a transaction (rolled back by
	 * close) with a new schema first on the search_path.
	 */
	const struct inno_error *(*scratch)(struct inno_db *);
	/*
	 * Called once the migrations are applied, before the program's
	 * first statement.  SQLite: lets go of the creation lock of a file
	 * that was empty, and notes how much was written so far (commits
	 * until then do not publish a new file).  PostgreSQL: nothing.
	 */
	void (*opened)(struct inno_db *);
	/*
	 * Rolls back an open transaction and disconnects; frees db->h and
	 * sets it to NULL.  Called after db.c has finalised its statements,
	 * on a database whose open failed part way too (db->h may be NULL).
	 */
	void (*close)(struct inno_db *);

	/*
	 * Runs SQL text with no parameters, one or more statements.
	 * PostgreSQL: PQexec, which takes several statements too.
	 */
	const struct inno_error *(*exec)(struct inno_db *, const char *sql);

	/*
	 * Transactions; db.c keeps in_tx and refuses writes on a read-only
	 * database before begin.  begin: SQLite BEGIN IMMEDIATE, waiting
	 * for the write lock up to the timeout.  PostgreSQL: BEGIN, then
	 * pg_advisory_xact_lock on inno's key, so writers take turns as
	 * they do under SQLite and read-then-write stays safe; its wait is
	 * bounded by lock_timeout, and a timeout is busy.
	 * begin_read: SQLite BEGIN; PostgreSQL BEGIN ISOLATION LEVEL
	 * REPEATABLE READ READ ONLY (one snapshot for the listing).
	 * commit: COMMIT; on failure db.c rolls back.  committed: called
	 * after a commit of inno_db_commit (not after the migrations'):
	 * SQLite publishes a new file after its first write; PostgreSQL
	 * nothing.  rollback: ROLLBACK when a transaction is open, never
	 * failing; db.c has reset its statements first.
	 */
	const struct inno_error *(*begin)(struct inno_db *);
	const struct inno_error *(*begin_read)(struct inno_db *);
	const struct inno_error *(*commit)(struct inno_db *);
	const struct inno_error *(*committed)(struct inno_db *);
	void (*rollback)(struct inno_db *);

	/*
	 * Foreign-key enforcement off or on, outside a transaction.  SQLite:
	 * PRAGMA foreign_keys.  PostgreSQL: constraints stay on; SET
	 * CONSTRAINTS ALL DEFERRED (keys declared DEFERRABLE) in the batch's
	 * transaction comes nearest, so on and off may do nothing.
	 */
	const struct inno_error *(*foreign_keys)(struct inno_db *, int on);
	/*
	 * Writes the open transaction's changed pages out before a
	 * statement of many rows (SQLite's statement journal, see
	 * db-sqlite.c).  PostgreSQL: nothing.
	 */
	const struct inno_error *(*cacheflush)(struct inno_db *);

	/*
	 * The schema's version, and setting it inside the migrations'
	 * transaction.  SQLite: PRAGMA user_version.  PostgreSQL: the one
	 * row of inno_schema (0 while the table does not exist, the first
	 * migration making it), read inside the transaction after the
	 * writers' lock, so that two programs do not migrate at once; each
	 * of its migrations sets the row itself, so setting it only checks
	 * that the row says v.
	 */
	const struct inno_error *(*user_version)(struct inno_db *, int *v);
	const struct inno_error *(*set_user_version)(struct inno_db *, int v);

	/*
	 * inno_db_define: SQL function name(?1 .. ?nargs) whose value is the
	 * first column of sql's first row, NULL for no row or a NULL
	 * argument.  SQLite: sqlite3_create_function with a statement of its
	 * own, defined again on a new connection.  PostgreSQL: CREATE
	 * FUNCTION pg_temp.name(...) RETURNS ... LANGUAGE sql STABLE STRICT
	 * AS sql, with $n for ?n (temporary functions must be called as
	 * pg_temp.name, so the engine rewrites calls, or the schema defines
	 * them instead).
	 */
	const struct inno_error *(*define)(struct inno_db *, const char *name,
	    int nargs, const char *sql);

	/*
	 * The id of the row the last INSERT made, and how many rows the last
	 * statement changed.  SQLite: sqlite3_last_insert_rowid (a new file's
	 * last id survives its publishing) and sqlite3_changes.  PostgreSQL:
	 * the id of RETURNING id, which the engine appends to an INSERT and
	 * keeps (lastval() would miss the audit trail, the change log and
	 * the ledger, whose ids a trigger gives, see
	 * share/schema/pg/0001-core.sql), and PQcmdTuples of the last
	 * result.
	 */
	int64_t (*last_id)(struct inno_db *);
	int64_t (*changes)(struct inno_db *);

	/*
	 * The statement for kind on table (a table of the schema, checked
	 * by db.c), in a new string the caller frees.  SQLite: built from
	 * pragma_table_info with json_extract and json_object.
	 * PostgreSQL: INSERT INTO t SELECT * FROM
	 * jsonb_populate_record(NULL::t, $1); UPDATE t SET (cols) = (SELECT
	 * cols FROM jsonb_populate_record(t, $1)) WHERE id = ($1->>'id')::
	 * bigint; SELECT to_jsonb(t) FROM t WHERE id = $1.
	 */
	const struct inno_error *(*row_sql)(struct inno_db *,
	    const char *table, enum inno_row_sql kind, char **sql);

	/* ----------------------------------------------- statements */

	/*
	 * Prepares sql (one statement, ? or ?N placeholders) into s->h, or
	 * leaves it NULL.  PostgreSQL: ? and ?N become $N outside quotes,
	 * then PQprepare under a name of the engine's; the parameter types
	 * are left to the server.  finalize frees s->h (NULL is allowed)
	 * and sets it to NULL: PostgreSQL DEALLOCATE.
	 */
	const struct inno_error *(*prepare)(struct inno_stmt *s,
	    const char *sql);
	void (*finalize)(struct inno_stmt *s);
	/*
	 * reset: back to before the first step, the bindings kept (h may
	 * be NULL); PostgreSQL: drops the rest of the result.  clear: every
	 * parameter back to NULL.
	 */
	void (*reset)(struct inno_stmt *s);
	void (*clear)(struct inno_stmt *s);

	/*
	 * Binding, idx from 1.  bind_text: t is never NULL here; len -1 is
	 * NUL-terminated; keep set means t stays as it is until reset, so
	 * the engine may keep the pointer instead of a copy.  PostgreSQL:
	 * the values are kept as text for PQexecPrepared (an integer
	 * formatted in base 10).
	 */
	const struct inno_error *(*bind_int)(struct inno_stmt *, int idx,
	    int64_t v);
	const struct inno_error *(*bind_text)(struct inno_stmt *, int idx,
	    const char *t, int len, int keep);
	const struct inno_error *(*bind_null)(struct inno_stmt *, int idx);

	/*
	 * Steps once: *row 1 when a row is there, 0 when done (after which
	 * the statement may run again only after reset).  PostgreSQL: the
	 * first step sends the statement (PQsendQueryPrepared) and asks for
	 * single-row mode (PQsetSingleRowMode); each step then takes one
	 * PGresult (PGRES_SINGLE_TUPLE a row, PGRES_TUPLES_OK or
	 * PGRES_COMMAND_OK done, keeping PQcmdTuples for changes).  Busy is
	 * SQLSTATE 55P03 (lock_not_available), 40001 (serialization
	 * failure) and 40P01 (deadlock); 23xxx is a constraint (input);
	 * 53100 disk full; 42501 and 25006 read-only; 57014 a statement
	 * timeout, busy too.  A failed statement undoes only itself on
	 * SQLite but aborts the whole transaction on PostgreSQL, and a batch
	 * goes on after a row that broke a rule of the schema (batch.c,
	 * run_row, reports it as the row's error): inside a transaction the
	 * engine runs each statement under a SAVEPOINT, rolling back to it
	 * when the statement fails and releasing it when it is done.
	 */
	const struct inno_error *(*step)(struct inno_stmt *, int *row);

	/*
	 * The current row, col from 0.  colname "" when unknown; isnum 1 for
	 * an integer, 2 a real, 0 otherwise (PostgreSQL: from PQftype,
	 * int2/4/8 1, float4/8 and numeric 2); text "" for NULL, owned by
	 * the statement until the next step or reset; bytes its length.
	 */
	int (*ncols)(struct inno_stmt *);
	const char *(*colname)(struct inno_stmt *, int col);
	int (*isnull)(struct inno_stmt *, int col);
	int (*isnum)(struct inno_stmt *, int col);
	int64_t (*int64)(struct inno_stmt *, int col);
	const char *(*text)(struct inno_stmt *, int col);
	int (*bytes)(struct inno_stmt *, int col);

	/*
	 * For a copy of a whole database into this one (db-copy.c), inside
	 * its write transaction.  on 0, before the rows go in: the triggers
	 * that would refuse them (the append-only trail and ledger), log
	 * them (the change log) or give them ids of their own are held off.
	 * on 1, after: the triggers are back as they were, every id the
	 * database gives next comes after the rows copied, and the largest
	 * id each AUTOINCREMENT table was given is from's (inno_db_sequence
	 * of the same table), so a removed entry still shows.  SQLite: the
	 * triggers' SQL kept in a temporary table, dropped, and made again;
	 * sqlite_sequence.  PostgreSQL: ALTER TABLE DISABLE TRIGGER USER and
	 * ENABLE on every table, setval of each identity's sequence past its
	 * largest id, inno_sequence.
	 */
	const struct inno_error *(*load)(struct inno_db *, int on,
	    struct inno_db *from);
};

/* The engines this build has. */
extern const struct inno_engine inno_engine_sqlite;
extern const struct inno_engine inno_engine_pg;

/* -------------------------------------- what db.c gives the engines */

/*
 * The kinds of failure an engine tells apart, each with its class and
 * code (inno.h) and words of its own, so the same failure reads the same
 * whatever the engine: an engine maps its result codes onto these
 * (SQLite's SQLITE_BUSY, PostgreSQL's SQLSTATE classes, see step).
 */
enum inno_db_fault {
	INNO_DB_BUSY,		/* locked past the timeout: EBUSY */
	INNO_DB_CONSTRAINT,	/* a rule the schema enforces: EINPUT */
	INNO_DB_READONLY,	/* ESYS, INNO_E_PERM */
	INNO_DB_CORRUPT,	/* ESYS, INNO_E_CORRUPT */
	INNO_DB_FULL,		/* ESYS, INNO_E_FULL */
	INNO_DB_NOMEM,		/* ESYS, INNO_E_NOMEM */
	INNO_DB_OTHER,		/* ESYS, INNO_E_IO */
};

/*
 * The error for a failure of kind while doing what (a short phrase,
 * "opening"), with the engine's own message msg and, for FULL and OTHER,
 * the system's errno sys (0: none known).  db may be NULL; its path, when
 * it has one, starts the message.
 */
const struct inno_error *inno_db_fault(struct inno_db *db,
    enum inno_db_fault kind, const char *what, const char *msg, int sys);

/* Whether path is the default location, whose directories may be made. */
int inno_db_is_default(const char *path);

/*
 * For an engine that reconnects under an open database (SQLite's
 * publishing of a new file): finalises every cached statement, keeping
 * its SQL and its struct inno_stmt, and prepares them all again on the
 * new connection.
 */
void inno_db_cache_drop(struct inno_db *);
const struct inno_error *inno_db_cache_renew(struct inno_db *);

#endif /* INNO_ENGINE_H */
