/*
 * inno.h: the public interface of libinno, the library shared by every inno
 * program.  It covers the machinery every program needs: errors, the
 * configuration, the database, CSV input in batches, tabular output, dates
 * and periods, and text checks.  Domain modules (tasks, mileage, clubs, ...)
 * have headers of their own that build on this one.
 *
 * Rules that hold for every function declared here: the library never prints
 * and never exits; a function that can fail returns a const struct
 * inno_error pointer, NULL on success; the caller owns what a function hands
 * back through an out-parameter unless the comment says otherwise.
 */
#ifndef INNO_H
#define INNO_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define INNO_VERSION_STRING "0.1.0"

/* ---------------------------------------------------------------- errors */

/*
 * Error classes, equal to the exit status a program returns for them
 * (CLI.md, "Exit status").
 */
enum inno_status {
	INNO_OK = 0,
	INNO_EINPUT = 1,	/* the input or a rule rejected the request */
	INNO_EUSAGE = 2,	/* usage or configuration error */
	INNO_EBUSY = 3,		/* the database stayed busy past the timeout */
	INNO_ESYS = 4,		/* I/O, disk full, permission, corruption, memory */
};

/*
 * What went wrong, beside the class: callers that must tell errors apart
 * branch on this, never on the message, whose wording may change or be
 * translated.  Most codes go with one class; INNO_E_SYNTAX, INNO_E_RANGE
 * and INNO_E_NOTFOUND come as EINPUT for a CSV row or a rule, and as EUSAGE
 * for an option or a configuration value.
 */
enum inno_errcode {
	INNO_E_INPUT = 0,	/* the input was refused (nothing specific) */
	INNO_E_USAGE,		/* a bad option or operand */
	INNO_E_CONFIG,		/* a bad configuration file or key */
	INNO_E_SYNTAX,		/* text not in the expected form */
	INNO_E_RANGE,		/* a number or date outside its range */
	INNO_E_NOTFOUND,	/* no such file, database, record or name */
	INNO_E_EXISTS,		/* already there: a duplicate name or row */
	INNO_E_CONSTRAINT,	/* a rule the schema enforces */
	INNO_E_BUSY,		/* the database stayed locked */
	INNO_E_NOMEM,		/* out of memory */
	INNO_E_IO,		/* a read, write or other system call failed */
	INNO_E_FULL,		/* disk full, quota, file too large */
	INNO_E_PERM,		/* permission denied, a read-only database */
	INNO_E_CORRUPT,		/* a damaged file, or not an inno database */
	INNO_E_HOOK,		/* a hook vetoed the write, or failed after it */
};

struct inno_error {
	int code;		/* one of enum inno_status, never INNO_OK */
	char msg[2048];		/* lowercase, no final period, no program name */
	enum inno_errcode what;	/* last, so { class, "text" } still works */
};

/*
 * The number of errors that can be alive at once.  Errors live in a ring
 * of static slots reused in turn, so an error stays valid until
 * INNO_ERROR_RING - 1 more have been made: a caller may hold the error it
 * is handling while a cleanup makes another, and a message may quote the
 * error it wraps.  An error kept longer than that is copied.
 */
#define INNO_ERROR_RING 4

/*
 * Returns an error of class code with a printf-style message, and the
 * code's generic INNO_E_* (INNO_E_INPUT, INNO_E_USAGE, INNO_E_BUSY or
 * INNO_E_IO).  Never returns NULL, even when memory is short.
 */
const struct inno_error *inno_error(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
const struct inno_error *inno_error_v(int code, const char *fmt, va_list ap);

/* The same with a specific INNO_E_* code. */
const struct inno_error *inno_error_code(int code, enum inno_errcode what,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const struct inno_error *inno_error_code_v(int code, enum inno_errcode what,
    const char *fmt, va_list ap);

/*
 * A new message for an error, keeping its class and code, as in
 * inno_error_wrap(err, "%s: %s", path, err->msg).
 */
const struct inno_error *inno_error_wrap(const struct inno_error *cause,
    const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * An ESYS error for errno, prefixed with a printf-style context; the code
 * says which kind (INNO_E_NOTFOUND for ENOENT, INNO_E_PERM, INNO_E_FULL,
 * INNO_E_NOMEM, else INNO_E_IO).
 */
const struct inno_error *inno_error_errno(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* The out-of-memory error, usable where formatting could itself fail. */
const struct inno_error *inno_error_nomem(void);

/*
 * For "did you mean" messages: the edit distance of two names (SIZE_MAX
 * for names of 64 bytes or more), and whether typed is near enough to name
 * to be a likely slip (at most a third of its letters changed, plus one).
 */
size_t inno_edit_distance(const char *a, const char *b);
int inno_is_near(const char *typed, const char *name);

/*
 * printf into a new string the caller frees; NULL when memory is short.
 */
char *inno_strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *inno_vstrf(const char *fmt, va_list ap);

/*
 * Grows array v of n elements of size bytes to n + 1 elements: the new
 * array, or NULL (v untouched) when memory is short or the size would
 * overflow.
 */
void *inno_grow(void *v, size_t n, size_t size);

/* ------------------------------------------------------- diagnostics */

/*
 * A list of messages about input, such as one line per bad row in a batch.
 * Only the first INNO_DIAG_KEEP messages are kept; count says how many were
 * added in all.
 */
#define INNO_DIAG_KEEP 1000
struct inno_diag {
	char **msgs;
	size_t nmsgs;
	size_t count;
};

void inno_diag_init(struct inno_diag *);
void inno_diag_add(struct inno_diag *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void inno_diag_release(struct inno_diag *);

/* -------------------------------------------------------- configuration */

struct inno_config;

/*
 * Loads the configuration: the file named explicitly (from -c, may be NULL)
 * or else by $INNO_CONFIG, or else $XDG_CONFIG_HOME/inno/inno.ini (or
 * ~/.config/inno/inno.ini); either over sysconfdir's inno/inno.ini, key by
 * key, unless $INNO_CONFIG_NOSYSTEM is set; and over the built-in defaults
 * (a key no file sets reads as the default its reader gives).  A file that
 * was named explicitly must exist; the default files may be missing.  A
 * malformed file, an unknown section or key, or a file that is not a
 * regular file of at most 1 MiB is an EUSAGE error (INNO_E_CONFIG) naming
 * the file and line.  *cfp is the caller's, freed with inno_config_free.
 */
const struct inno_error *inno_config_load(struct inno_config **cfp,
    const char *explicit_path, const char *sysconfdir);

/*
 * Reads one ini file as it is, with no other layers and no check of its
 * keys: for data files in the same syntax, such as the report wording.
 */
const struct inno_error *inno_config_read(struct inno_config **cfp,
    const char *path);
/*
 * Like inno_config_read, with the file over (NULL: none) read over path,
 * key by key: a key over sets wins, the others come from path.  Both files
 * must exist.
 */
const struct inno_error *inno_config_read_over(struct inno_config **cfp,
    const char *over, const char *path);
void inno_config_free(struct inno_config *);

/*
 * Returns the value of "section:key" (lowercase), or def when no file sets
 * it.  The pointer is owned by the configuration.
 */
const char *inno_config_str(const struct inno_config *, const char *key,
    const char *def);

/*
 * Reads "section:key" as a base-10 integer in [min, max] into *out, or def
 * when unset.  A bad value is an EUSAGE error naming the file, key and value.
 */
const struct inno_error *inno_config_int(const struct inno_config *,
    const char *key, int64_t def, int64_t min, int64_t max, int64_t *out);

/* Reads a yes/no/true/false/on/off/1/0 value; like inno_config_int. */
const struct inno_error *inno_config_bool(const struct inno_config *,
    const char *key, int def, int *out);

/*
 * Reads "section:key" as one of the words in choices (NULL-terminated) and
 * stores its index in *out; def is the index when unset.
 */
const struct inno_error *inno_config_choice(const struct inno_config *,
    const char *key, const char *const *choices, int def, int *out);

/* The file a key's value came from, for messages; "built-in" when unset. */
const char *inno_config_origin(const struct inno_config *, const char *key);

/*
 * The sections whose names start with prefix, in file order, without
 * duplicates; *names is the caller's array of pointers owned by the
 * configuration (free the array only).
 */
const struct inno_error *inno_config_sections(const struct inno_config *,
    const char *prefix, const char ***names, size_t *n);

/*
 * The keys of a section, as "section:key" strings owned by the
 * configuration; *keys is the caller's array (free the array only).
 */
const struct inno_error *inno_config_keys(const struct inno_config *,
    const char *section, const char ***keys, size_t *n);

/* --------------------------------------------------------------- database */

struct inno_db;
struct inno_stmt;

enum inno_db_mode {
	INNO_DB_READ,		/* never creates; a missing or empty file is an
				   error */
	INNO_DB_WRITE,		/* creates the file (mode 0660) when missing */
};

/*
 * Opens the database at path for program (named in the audit trail),
 * applying pending migrations.  The path is the caller's choice from
 * inno_db_path.  *dbp is the caller's, closed with inno_db_close.
 *
 * A writer on a missing path works on a private new database, which takes
 * the path's name at its first commit that writes: a program refused for
 * its usage or input creates nothing, and of many programs started at
 * once on a new path one creates the database while the others wait for
 * it (within [database] busy_timeout) and then write to it.  An empty
 * file is a new database too, given its schema in place.  A reader opens
 * a file it may not write, in a directory it may not write, as immutable.
 */
const struct inno_error *inno_db_open(struct inno_db **dbp, const char *path,
    enum inno_db_mode mode, const struct inno_config *cfg,
    const char *program);
void inno_db_close(struct inno_db *);

/*
 * Chooses the database path: explicit (from -d, may be NULL) ›  $INNO_DB ›
 * [database] path › $XDG_DATA_HOME/inno/inno.db.  *path is the caller's.
 */
const struct inno_error *inno_db_path(const struct inno_config *,
    const char *explicit_path, char **path);

/*
 * Element N of a JSON array j.value (a json_each row) as an integer:
 * SQLite's ->> gives a JSON number as an integer, PostgreSQL's gives
 * text, which a bigint column does not take.
 */
#define JINT(n) "CAST(j.value ->> " #n " AS INTEGER)"

/* Whether the database name is a file's (SQLite), not a server's URI. */
int inno_db_is_file(const char *name);

/* The file's schema version (PRAGMA user_version), or -1. */
int inno_db_user_version(struct inno_db *);

/*
 * One object where the file's schema and the schema the compiled
 * migrations make for its version differ.  SQL is compared with runs of
 * white space squeezed to one space.
 */
struct inno_schema_diff {
	const char *type;	/* "table", "index", "trigger", "view" */
	const char *name;
	const char *live;	/* its SQL in the file; NULL: missing there */
	const char *ref;	/* its SQL from the migrations; NULL: not theirs */
};

/*
 * Calls fn once for each object that differs, in order of type and name;
 * the strings live until fn returns.  Returns an error only when the
 * comparison could not run.
 */
const struct inno_error *inno_db_schema_diff(struct inno_db *,
    void (*fn)(void *arg, const struct inno_schema_diff *), void *arg);

/*
 * Transactions.  inno_db_begin starts a write transaction with BEGIN
 * IMMEDIATE, so a writer waits for the lock up front (busy timeout from
 * [database] busy_timeout) instead of failing later with a stale snapshot.
 * inno_db_begin_read starts a read transaction for a consistent listing.
 * Rollback never fails from the caller's point of view.
 */
const struct inno_error *inno_db_begin(struct inno_db *);
const struct inno_error *inno_db_begin_read(struct inno_db *);
const struct inno_error *inno_db_commit(struct inno_db *);
void inno_db_rollback(struct inno_db *);

/*
 * Turns the database's own foreign-key enforcement off (on = 0) or back
 * on, outside a transaction only: for a batch whose row function checks
 * every reference it writes against what it read inside the batch's own
 * write transaction (see inno_batch_opts.refs_checked).
 */
const struct inno_error *inno_db_foreign_keys(struct inno_db *, int on);

/*
 * Writes the pages the open write transaction has changed so far to the
 * log, without committing anything, before a statement of many rows (see
 * db-sqlite.c for why).
 */
const struct inno_error *inno_db_cacheflush(struct inno_db *);

/* Runs SQL text with no parameters (one or more statements). */
const struct inno_error *inno_db_exec(struct inno_db *, const char *sql);

/*
 * Prepares one statement.  Statements are cached by SQL text for the life
 * of the connection: the pointer is owned by the database, and is reset and
 * cleared when handed out again, so never finalise it.
 */
const struct inno_error *inno_db_prepare(struct inno_db *,
    struct inno_stmt **stp, const char *sql);

/*
 * Binding: idx counts from 1.  Text is copied by SQLite; len -1 means
 * NUL-terminated; a NULL pointer binds SQL NULL.
 */
const struct inno_error *inno_stmt_bind_int(struct inno_stmt *, int idx,
    int64_t v);
const struct inno_error *inno_stmt_bind_text(struct inno_stmt *, int idx,
    const char *s, int len);
const struct inno_error *inno_stmt_bind_null(struct inno_stmt *, int idx);
/*
 * As inno_stmt_bind_text, but SQLite keeps the pointer rather than a copy
 * (a batch's rows bind fields of its input a few hundred thousand times):
 * s must stay as it is until the statement is reset.
 */
const struct inno_error *inno_stmt_bind_static(struct inno_stmt *, int idx,
    const char *s, int len);

/*
 * Binds values by a type string, one letter a parameter: 'i' int64_t, 'I'
 * int64_t where 0 binds NULL (an optional row id), 'd' int, 't' const
 * char * (NULL binds NULL), 'n' NULL (no argument).  The C type must match
 * the letter exactly: pass (int64_t) casts for 'i'.
 */
const struct inno_error *inno_stmt_bindv(struct inno_stmt *, const char *types,
    va_list ap);

/* Steps once; *row is 1 when a row is available, 0 when done. */
const struct inno_error *inno_stmt_step(struct inno_stmt *, int *row);
void inno_stmt_reset(struct inno_stmt *);

int inno_stmt_ncols(struct inno_stmt *);
const char *inno_stmt_colname(struct inno_stmt *, int col);
/*
 * The column named name, or -1: how the dossier, the fairness check and
 * the plan read another module's listing, so a listing that gains a
 * column moves nothing.
 */
int inno_stmt_colindex(struct inno_stmt *, const char *name);
int inno_stmt_isnull(struct inno_stmt *, int col);
/* 1 when the value in the current row is an integer, 2 a real. */
int inno_stmt_isnum(struct inno_stmt *, int col);
int64_t inno_stmt_int(struct inno_stmt *, int col);
/* Owned by the statement until the next step or reset; "" for NULL. */
const char *inno_stmt_text(struct inno_stmt *, int col);
int inno_stmt_bytes(struct inno_stmt *, int col);

/*
 * One-shot helpers: prepare (cached), bind by types, and run.  inno_db_run
 * steps to the end; inno_db_int reads the first column of the first row into
 * *out (and *found, which may be NULL, says whether there was a row);
 * inno_db_text copies it into a new string the caller frees (NULL when no
 * row or NULL).
 */
const struct inno_error *inno_db_run(struct inno_db *, const char *sql,
    const char *types, ...);
const struct inno_error *inno_db_int(struct inno_db *, int64_t *out,
    int *found, const char *sql, const char *types, ...);
const struct inno_error *inno_db_text(struct inno_db *, char **out,
    const char *sql, const char *types, ...);
/* Prepare (cached) and bind: the usual start of a query loop. */
const struct inno_error *inno_db_query(struct inno_db *, struct inno_stmt **,
    const char *sql, const char *types, ...);

/*
 * Defines an SQL function name(arg1, ..., argN) on db's connection whose
 * value is the first column of the first row sql returns with the
 * arguments bound as ?1 .. ?N (NULL when it returns no row, or when an
 * argument is NULL).  This is how a module lets other modules' SQL read
 * one value of its tables without naming them (staff.h lists the
 * organisation's).  sql is prepared once; db owns the statement.
 */
const struct inno_error *inno_db_define(struct inno_db *, const char *name,
    int nargs, const char *sql);
int64_t inno_db_last_id(struct inno_db *);

/*
 * For inno-export: a statement listing the tables and views (columns name
 * and type, SQLite's own left out), and one reading every row of the
 * table or view name, by its first column.  An unknown name is an EUSAGE
 * error (INNO_E_NOTFOUND).  The statements are owned by db, as prepared
 * ones are.
 */
const struct inno_error *inno_db_tables(struct inno_db *,
    struct inno_stmt **);
const struct inno_error *inno_db_table_rows(struct inno_db *,
    const char *name, struct inno_stmt **);
int64_t inno_db_changes(struct inno_db *);

/*
 * The schema's catalogue, the same on every engine: whether table has
 * column; the SQL that makes the trigger or index name (*sql a new
 * string, NULL when there is none), which inno_db_exec makes again after
 * it was dropped; and the largest id an AUTOINCREMENT table was ever
 * given (*found 0 when it has given none).
 */
const struct inno_error *inno_db_has_column(struct inno_db *,
    const char *table, const char *column, int *yes);
const struct inno_error *inno_db_object_sql(struct inno_db *,
    const char *type, const char *name, char **sql);
const struct inno_error *inno_db_sequence(struct inno_db *,
    const char *table, int64_t *seq, int *found);
/* Drops trigger name of table (inno_db_object_sql makes it again). */
const struct inno_error *inno_db_drop_trigger(struct inno_db *,
    const char *name, const char *table);
/*
 * The engine's own checks (inno-check): fn with each problem of the
 * database's structure, then with each row whose foreign key refers to a
 * missing row (table, row id, the table it refers to).  And a number that
 * changes when another connection has committed (for caches of sums).
 */
const struct inno_error *inno_db_engine_check(struct inno_db *,
    void (*integrity)(void *, const char *),
    void (*fkey)(void *, const char *, int64_t, const char *), void *arg);
const struct inno_error *inno_db_data_version(struct inno_db *, int64_t *);

/*
 * Rows by table name, for inno-undo alone (lib/undo.h says why): deletes
 * row id of table (*deleted: whether there was one); puts a row back from
 * a JSON object of its columns, inserting it, or with update set, setting
 * the columns the object has on the row of its "id"; and calls fn with
 * every row (at most 1000 a key) whose foreign key names a row of table
 * between first and last.  No audit row: the caller writes it.
 */
const struct inno_error *inno_db_row_delete(struct inno_db *,
    const char *table, int64_t id, int *deleted);
const struct inno_error *inno_db_row_put(struct inno_db *, const char *table,
    const char *json, int update);
const struct inno_error *inno_db_row_refs(struct inno_db *,
    const char *table, int64_t first, int64_t last,
    void (*fn)(void *arg, const char *table, int64_t id), void *arg);
/* Row id of table as a JSON object of its columns; NULL when absent. */
const struct inno_error *inno_db_row_json(struct inno_db *,
    const char *table, int64_t id, char **json);

/* The program name given to inno_db_open, and the config. */
const char *inno_db_program(struct inno_db *);
/* The database's path, as opened (for the hooks' environment). */
const char *inno_db_file(struct inno_db *);
const struct inno_config *inno_db_config(struct inno_db *);

/*
 * The real user the process runs as (getuid, not the environment), for the
 * audit trail: its name, owned by db, and its id in *uid.
 */
const char *inno_db_user(struct inno_db *, int64_t *uid);

/*
 * Copying a database whole, from one engine to another (inno-copy,
 * lib/db-copy.c), and comparing two.  A table's digest is the sum, modulo
 * 2^256, of the SHA-256 of each of its rows (its values in column order,
 * each with its kind: NULL, integer, real or text), so that it does not
 * depend on the order the rows are read in, and the same rows read the
 * same on either engine.
 */
struct inno_copy_table {
	char *name;
	int64_t rows;		/* in the source (or A); -1: no such table */
	int64_t target_rows;	/* in the target (or B); -1: no such table */
	char digest[65];	/* the source's, 64 hex digits */
	char target_digest[65];
	int same;		/* the same rows on both sides */
};

struct inno_copy_result {
	struct inno_copy_table *tables;	/* by name, in byte order */
	size_t ntables;
	int64_t rows;		/* in every table of the source */
	size_t differ;		/* tables whose rows are not the same */
};

void inno_copy_result_init(struct inno_copy_result *);
void inno_copy_result_release(struct inno_copy_result *);

struct inno_copy_opts {
	int dry_run;		/* copy, compare, then roll back */
	/* Called with the table being copied and its rows so far, or NULL. */
	void (*progress)(void *arg, const char *table, int64_t rows);
	void *progress_arg;
};

/*
 * Copies every row of every table of from into to, a new database (one
 * that holds nothing but what opening it wrote: the migrations' audit rows
 * and their commands), as one transaction of to's: the rows as from has
 * them, ids, trail and change log included, with the triggers that would
 * refuse or add rows held off while they go in; then compares both sides
 * table by table (res) and commits only when every table is the same.  to
 * may be NULL for a dry run whose target has no schema yet: from is read
 * and counted only.  Two databases at other schema versions, or a to that
 * holds rows, are an EUSAGE error; tables that differ after the copy an
 * EINPUT error; to is unchanged after any error, and after a dry run.
 */
const struct inno_error *inno_db_copy(struct inno_db *from,
    struct inno_db *to, const struct inno_copy_opts *,
    struct inno_copy_result *res);

/*
 * Compares every table of a and b, each read in one snapshot, into res
 * (res->differ says how many differ).  Databases at other schema versions
 * are an EUSAGE error.
 */
const struct inno_error *inno_db_compare(struct inno_db *a, struct inno_db *b,
    struct inno_copy_result *res);


/* ------------------------------------------------- dates and periods */

/*
 * "Now": $INNO_NOW (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS) or the clock, in UTC.
 * buf receives YYYY-MM-DD (11 bytes) or YYYY-MM-DDTHH:MM:SSZ (21 bytes).
 */
const struct inno_error *inno_today(char buf[11]);
const struct inno_error *inno_now(char buf[21]);

/*
 * Parses a calendar date YYYY-MM-DD strictly (real day of month, years
 * 1900..2999).  Returns NULL or a static reason such as "not a date
 * (YYYY-MM-DD)".
 */
const char *inno_parse_date(const char *s, size_t len, char out[11]);
/* YYYY-MM, into out (8 bytes). */
const char *inno_parse_month(const char *s, size_t len, char out[8]);

/*
 * A period: YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, YYYY-MM-DD, or A..B of any of
 * those.  first and last are inclusive dates.
 */
struct inno_period {
	char first[11];
	char last[11];
};
const char *inno_parse_period(const char *s, struct inno_period *p);

/* Days in a month; date arithmetic on ISO strings. */
int inno_days_in_month(int year, int month);
/* Sets *days to the days since 1970-01-01 of an ISO date; -1: not one. */
int inno_date_number(const char *date, long *days);
/* Adds days (may be negative) to an ISO date; out may equal in. */
void inno_date_add_days(const char in[11], int days, char out[11]);
/* Adds months to YYYY-MM; out may equal in. */
void inno_month_add(const char in[8], int months, char out[8]);

/* ---------------------------------------------------- text and numbers */

/*
 * Checks that s holds valid UTF-8 (no overlong forms, surrogates, code
 * points past U+10FFFF or NUL bytes).  Returns NULL or a reason, and the
 * byte offset of the problem in *bad.
 */
const char *inno_utf8_check(const char *s, size_t len, size_t *bad);

/* The number of code points in valid UTF-8. */
size_t inno_utf8_len(const char *s, size_t len);

/*
 * Display width in terminal columns: East Asian wide and fullwidth
 * characters and emoji shown as pictures are 2, combining marks 0, every
 * other character (and each invalid byte) 1.  The same under any locale.
 */
size_t inno_text_width(const char *s);

/*
 * The byte length of the longest prefix of s no wider than width columns,
 * never splitting a character or a character from its combining marks.
 */
size_t inno_text_clip(const char *s, size_t width);

/*
 * Checks s (valid UTF-8, see inno_utf8_check) for characters that act on a
 * terminal rather than being shown: C0 and C1 controls, DEL, the line and
 * paragraph separators, and the bidirectional and invisible formatting
 * characters U+061C, U+200B-U+200F, U+202A-U+202E, U+2066-U+2069 and
 * U+FEFF.  multiline allows tab and newline (LF), for free-text fields.
 * Returns NULL or a static reason, with the byte offset of the character
 * in *bad and its code point in *cp (either may be NULL).
 */
const char *inno_text_check(const char *s, size_t len, int multiline,
    size_t *bad, uint32_t *cp);

/*
 * Whether a CSV column or option of that name is free text that may hold
 * several lines (content, findings, note, reason); every other text field
 * is one line.
 */
int inno_text_multiline(const char *column);

/*
 * Whether s shows as it is: no character inno_text_check refuses, and no
 * invalid UTF-8.  Tab and newline are not plain.
 */
int inno_text_plain(const char *s);

/*
 * s with every character that is not plain written as an escape: \n, \t,
 * \r, \xNN for other ASCII controls and for invalid bytes, \uNNNN for the
 * rest (\u202e).  Backslashes are left as they are, so an escape is for
 * reading, not for parsing back.  The caller frees it; NULL when memory is
 * short.
 */
char *inno_text_escape(const char *s);

/*
 * Copies src into dst of size bytes (at least 1), cut short if need be,
 * and always ends it: a fixed field of a record filled from a row.
 */
void inno_text_copy(char *dst, size_t size, const char *src);

/*
 * A string that grows: s holds len bytes and a NUL (NULL before the first
 * write).  Zeroed to start; free(s) releases it.  The writers return -1
 * when memory is short, leaving what was written.
 */
struct inno_buf {
	char *s;
	size_t len, cap;
};

/* Appends n bytes of s. */
int inno_buf_put(struct inno_buf *, const char *s, size_t n);

/*
 * Appends s as a JSON string, quoted: \" \\ \n \r \t, and \u00NN for
 * the other controls; everything else as it is.
 */
int inno_buf_json(struct inno_buf *, const char *s);

/*
 * Writes v in decimal with a comma every three digits (-1,234,567), into
 * buf, and returns buf.  Correct for every int64_t, INT64_MIN included.
 */
#define INNO_THOUSANDS_SIZE 32
char *inno_fmt_thousands(int64_t v, char buf[INNO_THOUSANDS_SIZE]);

/*
 * Parses a base-10 integer with no sign prefix other than '-', no leading
 * zeros, no spaces, no separators, within [min, max].  Returns NULL or a
 * static reason.
 */
const char *inno_parse_int(const char *s, size_t len, int64_t min,
    int64_t max, int64_t *out);
/*
 * The same, saying in *what (when it returns a reason) whether the text
 * was a number out of range (INNO_E_RANGE) or not a number (INNO_E_SYNTAX).
 */
const char *inno_parse_int_code(const char *s, size_t len, int64_t min,
    int64_t max, int64_t *out, enum inno_errcode *what);

/*
 * A money amount in won: like inno_parse_int, with [0, 10^15].  Thousands
 * separators are refused, so that "1,000" is never read as 1.
 */
const char *inno_parse_money(const char *s, size_t len, int64_t *out);

/* Looks s up in a NULL-terminated word list; -1 when absent. */
int inno_word_index(const char *const *words, const char *s);

/*
 * Parses a comma-separated list of words (each in words) into a bit mask,
 * bit i for words[i].  Returns NULL or a static reason.
 */
const char *inno_parse_words(const char *s, const char *const *words,
    unsigned *mask);

/* ---------------------------------------------------------- CSV input */

struct inno_csv;

/* How input text is encoded. */
enum inno_encoding {
	INNO_ENC_UTF8,
	INNO_ENC_UTF8_BOM,	/* output only; input strips a BOM anyway */
	INNO_ENC_CP949,
};
/* Parses "utf-8", "utf-8-bom", "cp949" (also "euc-kr"); -1 when unknown. */
int inno_encoding_parse(const char *s);

/*
 * Opens a CSV reader on fp (not closed by the reader), named name in
 * messages.  The first record is the header.  Fields longer than maxfield
 * bytes are refused.  *csvp is the caller's, freed with inno_csv_free.
 */
const struct inno_error *inno_csv_open(struct inno_csv **csvp, FILE *fp,
    const char *name, enum inno_encoding enc, size_t maxfield);
void inno_csv_free(struct inno_csv *);

/* The header: number of columns and each name. */
size_t inno_csv_ncols(const struct inno_csv *);
const char *inno_csv_colname(const struct inno_csv *, size_t i);
/* Index of a column by name, or -1. */
int inno_csv_find(const struct inno_csv *, const char *name);

/*
 * Reads the next record into the reader's buffers; *got is 0 at the end.
 * A malformed file is an EINPUT error naming the file and line.  The
 * record's first line is inno_csv_line.
 */
const struct inno_error *inno_csv_next(struct inno_csv *, int *got);
size_t inno_csv_line(const struct inno_csv *);
size_t inno_csv_nfields(const struct inno_csv *);
/* Field i of the current record (NUL-terminated, len in *len), or NULL. */
const char *inno_csv_field(const struct inno_csv *, size_t i, size_t *len);
/* SHA-256 of every byte read so far, as 64 hex digits. */
void inno_csv_digest(const struct inno_csv *, char hex[65]);

/* ------------------------------------------------------------- batches */

/*
 * The batch runner: the one way every program loads records, from CSV or
 * from command-line options.  It reads rows, hands each to a row function
 * that validates it and writes it, collects every bad row as
 * "file:line: column: reason", and commits only when no row was bad.
 *
 * A row function sees its values through struct inno_row, by column index
 * in the program's column table; getters record errors on the row
 * themselves and return -1, so a row function reads every column, then
 * returns early when inno_row_bad says so.
 */
struct inno_col {
	const char *name;	/* the CSV header, and the option's name */
	int required;
};

struct inno_row;

typedef const struct inno_error *(*inno_row_fn)(void *arg,
    struct inno_row *row);

struct inno_batch_opts {
	const char *batch_id;	/* NULL: the SHA-256 of the input and identity */
	/*
	 * Every option that changes what the batch writes (its category, its
	 * default date, ...), written the same way for the same options, or
	 * NULL.  It is hashed with the input, so the same file sent with
	 * another --category is another batch.
	 */
	const char *identity;
	const char *reject_path; /* NULL: no reject file */
	int dry_run;
	enum inno_encoding encoding;
	size_t maxfield;	/* 0: [csv] max_field or 65536 */
	const char *table;	/* the table rows go to, for the audit line */
	void (*progress)(void *arg, size_t rows);	/* may be NULL */
	void *progress_arg;
	/*
	 * Called inside the transaction when every row was accepted, just
	 * before COMMIT (never for a dry run, a bad row or a batch applied
	 * before), or NULL.  An error rolls the batch back: a program writes
	 * and flushes its output here, so a failed write leaves nothing
	 * written.
	 */
	const struct inno_error *(*before_commit)(void *arg);
	void *before_commit_arg;
	/*
	 * 1: the row function checks every row's references (employee,
	 * department, reversed entry) against records it read inside the
	 * batch's write transaction, which no other writer can change, so
	 * the database need not look each one up again: the batch runs with
	 * foreign-key enforcement off, and inno-check's foreign_key_check
	 * still holds the result.  A lookup a row per entry into a staff
	 * table larger than the batch's page cache is most of a large batch's
	 * reads.
	 */
	int refs_checked;
};

struct inno_batch_result {
	size_t rows;		/* rows read */
	size_t rows_bad;	/* rows rejected */
	size_t written;		/* rows the row functions reported as written */
	size_t trimmed;		/* rows a rule trimmed (see inno_row_note) */
	int already;		/* 1: this batch id was applied before */
	char batch_id[65];
	struct inno_diag diag;	/* bad rows, and notes on trimmed rows */
};

void inno_batch_result_init(struct inno_batch_result *);
void inno_batch_result_release(struct inno_batch_result *);

/*
 * Runs a CSV batch from fp inside one write transaction.  Returns an EINPUT
 * error when any row was bad (res->diag holds one line each, and nothing is
 * written), or the first system error.  A batch id seen before with the same
 * content sets res->already and writes nothing; with other content it is an
 * EINPUT error.
 */
const struct inno_error *inno_batch_csv(struct inno_db *, FILE *fp,
    const char *name, const struct inno_col *cols, size_t ncols,
    inno_row_fn fn, void *arg, const struct inno_batch_opts *,
    struct inno_batch_result *res);

/*
 * Runs one row given as values (NULL for absent), in its own write
 * transaction; messages name the option ("--grade: not a number").
 */
const struct inno_error *inno_batch_one(struct inno_db *,
    const struct inno_col *cols, size_t ncols, const char *const *values,
    inno_row_fn fn, void *arg, const struct inno_batch_opts *,
    struct inno_batch_result *res);

/*
 * For inno-undo (lib/undo.h): removes batch id's identity so that the
 * batch may be applied again, giving the row as JSON in *json (NULL when
 * there was none; the caller's to free); and puts such a row back.  No
 * audit row: the caller writes it.
 */
const struct inno_error *inno_batch_forget(struct inno_db *, const char *id,
    char **json);
const struct inno_error *inno_batch_restore(struct inno_db *,
    const char *json);

/* The database the row is written to. */
struct inno_db *inno_row_db(struct inno_row *);

/* Whether the row has had an error recorded. */
int inno_row_bad(const struct inno_row *);

/* Records an error on column col (-1: the row as a whole). */
void inno_row_error(struct inno_row *, int col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records a note (not an error) on the row, such as a trimmed value. */
void inno_row_note(struct inno_row *, int col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/*
 * Tells the runner the row inserted the record id into the batch's table
 * (opts->table); the runner writes one audit line covering every id a
 * batch inserted.  A row function that updates records writes its own audit
 * line with inno_audit.  id 0 counts a record without auditing it.
 */
void inno_row_wrote(struct inno_row *, int64_t id);
/* 1 when the row comes from a CSV batch, 0 from options. */
int inno_row_is_batch(const struct inno_row *);
/* Tells the runner a rule trimmed the row. */
void inno_row_trimmed(struct inno_row *);
/*
 * Asks the runner to call fn(arg) once every row of the batch was read and
 * accepted, inside the batch's transaction, before its audit line and
 * COMMIT (never for a dry run, a bad row or a batch applied before): a row
 * function that sums its rows in memory writes the sums there.  A later
 * call replaces the earlier one.  An error rolls the batch back.
 */
void inno_row_at_end(struct inno_row *,
    const struct inno_error *(*fn)(void *arg), void *arg);

/*
 * Getters.  Each returns 1 when a value is present and valid, 0 when the
 * column is empty or absent (an error if required), -1 after recording an
 * error.  Text is valid UTF-8 of at most maxlen characters; the pointer
 * lives until the next row.
 */
int inno_row_text(struct inno_row *, int col, size_t maxlen,
    const char **out);
int inno_row_int(struct inno_row *, int col, int64_t min, int64_t max,
    int64_t *out);
int inno_row_money(struct inno_row *, int col, int64_t *out);
int inno_row_date(struct inno_row *, int col, char out[11]);
int inno_row_month(struct inno_row *, int col, char out[8]);
/*
 * Finishes the lookup of the record a row's column col names: err is what
 * preparing st returned.  Steps st and returns 1 with its first row
 * current (the caller resets st), or -1 after reporting on col the error
 * or, when there is no row, the message fmt makes ("%.40s: no such club").
 */
int inno_row_found(struct inno_row *, int col, const struct inno_error *err,
    struct inno_stmt *st, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* One of words (NULL-terminated); *out is its index. */
int inno_row_word(struct inno_row *, int col, const char *const *words,
    int *out);

/*
 * What a writer remembers across rows: the id of the last record it
 * inserted (printed by a program that creates one record from options).
 * The caller owns it.
 */
struct inno_record_arg {
	int64_t last_id;
	int views;		/* knowledge-add: load view counts instead */
};

/* --------------------------------------------------------------- output */

enum inno_format {
	INNO_FMT_TABLE,
	INNO_FMT_CSV,
	INNO_FMT_TSV,
	INNO_FMT_JSON,
};
/* Parses "table", "csv", "tsv", "json"; -1 when unknown. */
int inno_format_parse(const char *s);

struct inno_out;

/*
 * A writer of rows in one format.  fp stays the caller's.  Text cells a
 * spreadsheet would run as a formula are neutralised in csv and tsv; csv,
 * tsv (tab, newline, CR and backslash written \t \n \r \\) and json
 * keep every character of the data.  A table is for reading: control and
 * bidirectional characters are shown escaped (inno_text_escape), and it is
 * fitted to the width inno_out_set_width gives, by default $COLUMNS or else
 * the terminal's when fp is one.  Its column widths are measured over the
 * first INNO_TABLE_SAMPLE rows, which are held in memory; later rows are
 * written as they come, a longer text cell clipped with an ellipsis and a
 * longer number shown whole.  *outp is the caller's, freed with
 * inno_out_free.
 */
#define INNO_TABLE_SAMPLE 1000
const struct inno_error *inno_out_new(struct inno_out **outp, FILE *fp,
    enum inno_format, enum inno_encoding);
void inno_out_free(struct inno_out *);

/* The width a table fits into, in display columns; 0 for no limit. */
void inno_out_set_width(struct inno_out *, size_t width);

/*
 * Shows only the columns named in list ("title,dept,status"), in that
 * order, in every format; NULL shows all.  Call before the header; the
 * names are checked against it, and a name that is not a column, or is
 * named twice, makes inno_out_header (or inno_out_stmt) return an EUSAGE
 * error naming --columns.  The caller still writes every column.
 */
const struct inno_error *inno_out_columns(struct inno_out *,
    const char *list);

/* Column kinds: numbers are right-aligned and never neutralised. */
enum inno_kind { INNO_TEXT, INNO_NUM };

/* Declares the columns; call once before the first cell. */
const struct inno_error *inno_out_header(struct inno_out *, size_t ncols,
    const char *const *names, const enum inno_kind *kinds);
const struct inno_error *inno_out_text(struct inno_out *, const char *s);
const struct inno_error *inno_out_int(struct inno_out *, int64_t v);
const struct inno_error *inno_out_null(struct inno_out *);
const struct inno_error *inno_out_endrow(struct inno_out *);

/*
 * Writes every row of a prepared, bound statement, with its column names as
 * the header (when no header was declared) and integer values as numbers.
 */
const struct inno_error *inno_out_stmt(struct inno_out *, struct inno_stmt *);

/* Flushes; a write error (disk full, /dev/full) is an ESYS error. */
const struct inno_error *inno_out_finish(struct inno_out *);

/*
 * Writes one CSV field to fp, quoted as RFC 4180 requires, not neutralised:
 * for files meant to be corrected and loaded again, such as reject files.
 */
int inno_csv_write_field(FILE *fp, const char *s, size_t len);

/* Whether a text cell would be neutralised (for tests and inno-check). */
int inno_out_is_formula(const char *s);

#endif /* INNO_H */
