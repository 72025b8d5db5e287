/*
 * db-pg.c: the PostgreSQL engine (engine.h), the only file that calls
 * libpq.  A database named by a postgresql:// URI is reached through it:
 * it connects with the URI as libpq takes it (so host, dbname, sslmode, a
 * service file and ~/.pgpass work as they do for psql), sets the session
 * up, prepares the modules' statements after translating them from
 * SQLite's dialect (db-pg-sql.c), binds their parameters as text, reads
 * their rows, keeps the schema version in the table inno_schema, defines
 * the modules' lookup functions as temporary SQL functions, and maps
 * SQLSTATEs onto the layer's kinds of failure.
 *
 * libpq is loaded when the first PostgreSQL database is opened, not
 * linked into the programs: it brings libssl, libcrypto, Kerberos and
 * LDAP with it, and a program that only ever opens an SQLite file should
 * not load them at every start.  A machine without it gets an error that
 * names the package.
 *
 * What SQLite does and PostgreSQL does differently, and how this engine
 * makes the modules' SQL mean the same:
 *
 * Writers take turns.  inno_db_begin is BEGIN and then a transaction-level
 * advisory lock every writer of the schema takes first, as BEGIN IMMEDIATE
 * takes SQLite's write lock: the audit trail's chain and the caps read
 * before they write, and with one writer at a time what they read stays
 * true until the commit, from whatever host the writers connect.  The
 * wait is bounded by lock_timeout ([database] busy_timeout), and a timeout
 * is busy (exit status 3), as on SQLite.
 *
 * A failed statement.  On SQLite it undoes itself; on PostgreSQL it aborts
 * the whole transaction, and a batch goes on after a row that broke a rule
 * of the schema.  So inside a transaction every statement that may write
 * runs under a savepoint, rolled back to when it fails.
 *
 * Results.  A statement's whole result is read at its first step (a
 * connection runs one statement at a time, and the modules step one while
 * they run others); a boolean reads as 1 or 0 and a real as SQLite
 * prints it (15 significant digits), so output is the same on both.
 *
 * Ids.  An INSERT into a table with an id column gets RETURNING id, whose
 * last value is inno_db_last_id, as sqlite3_last_insert_rowid.
 */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libpq-fe.h>

#include "db-pg-sql.h"
#include "engine.h"
#include "inno.h"
#include "i18n.h"

extern const char *const inno_pg_migrations[];
extern const int inno_pg_nmigrations;

/* Type oids of the results (pg_type.h, stable across versions). */
#define OID_BOOL 16
#define OID_INT8 20
#define OID_INT2 21
#define OID_INT4 23
#define OID_TEXT 25
#define OID_FLOAT4 700
#define OID_FLOAT8 701
#define OID_NUMERIC 1700

/* The advisory lock's first key: "inno"; the second is the schema's. */
#define LOCK_KEY "1768845935"

/* ----------------------------------------------------------- libpq */

/*
 * The libpq functions the engine calls, looked up in the library once.
 * The declarations come from libpq-fe.h, so a changed signature does not
 * compile.
 */
static struct {
	void *lib;
	__typeof__(PQconnectdb) *connectdb;
	__typeof__(PQstatus) *status;
	__typeof__(PQerrorMessage) *errorMessage;
	__typeof__(PQfinish) *finish;
	__typeof__(PQsetNoticeProcessor) *setNoticeProcessor;
	__typeof__(PQexec) *exec;
	__typeof__(PQprepare) *prepare;
	__typeof__(PQdescribePrepared) *describePrepared;
	__typeof__(PQexecPrepared) *execPrepared;
	__typeof__(PQexecParams) *execParams;
	__typeof__(PQresultStatus) *resultStatus;
	__typeof__(PQresultErrorField) *resultErrorField;
	__typeof__(PQresultErrorMessage) *resultErrorMessage;
	__typeof__(PQclear) *clear;
	__typeof__(PQntuples) *ntuples;
	__typeof__(PQnfields) *nfields;
	__typeof__(PQfname) *fname;
	__typeof__(PQftype) *ftype;
	__typeof__(PQgetvalue) *getvalue;
	__typeof__(PQgetisnull) *getisnull;
	__typeof__(PQgetlength) *getlength;
	__typeof__(PQcmdTuples) *cmdTuples;
	__typeof__(PQtransactionStatus) *transactionStatus;
	__typeof__(PQconninfoParse) *conninfoParse;
	__typeof__(PQconninfoFree) *conninfoFree;
	__typeof__(PQfreemem) *freemem;
	__typeof__(PQcmdStatus) *cmdStatus;
	__typeof__(PQnparams) *nparams;
	__typeof__(PQparamtype) *paramtype;
} pq;

static const struct inno_error *
load_libpq(void)
{
	static const struct {
		const char *name;
		size_t off;
	} syms[] = {
		{ "PQconnectdb", offsetof(__typeof__(pq), connectdb) },
		{ "PQstatus", offsetof(__typeof__(pq), status) },
		{ "PQerrorMessage", offsetof(__typeof__(pq), errorMessage) },
		{ "PQfinish", offsetof(__typeof__(pq), finish) },
		{ "PQsetNoticeProcessor",
		    offsetof(__typeof__(pq), setNoticeProcessor) },
		{ "PQexec", offsetof(__typeof__(pq), exec) },
		{ "PQprepare", offsetof(__typeof__(pq), prepare) },
		{ "PQdescribePrepared",
		    offsetof(__typeof__(pq), describePrepared) },
		{ "PQexecPrepared", offsetof(__typeof__(pq), execPrepared) },
		{ "PQexecParams", offsetof(__typeof__(pq), execParams) },
		{ "PQresultStatus", offsetof(__typeof__(pq), resultStatus) },
		{ "PQresultErrorField",
		    offsetof(__typeof__(pq), resultErrorField) },
		{ "PQresultErrorMessage",
		    offsetof(__typeof__(pq), resultErrorMessage) },
		{ "PQclear", offsetof(__typeof__(pq), clear) },
		{ "PQntuples", offsetof(__typeof__(pq), ntuples) },
		{ "PQnfields", offsetof(__typeof__(pq), nfields) },
		{ "PQfname", offsetof(__typeof__(pq), fname) },
		{ "PQftype", offsetof(__typeof__(pq), ftype) },
		{ "PQgetvalue", offsetof(__typeof__(pq), getvalue) },
		{ "PQgetisnull", offsetof(__typeof__(pq), getisnull) },
		{ "PQgetlength", offsetof(__typeof__(pq), getlength) },
		{ "PQcmdTuples", offsetof(__typeof__(pq), cmdTuples) },
		{ "PQtransactionStatus",
		    offsetof(__typeof__(pq), transactionStatus) },
		{ "PQconninfoParse", offsetof(__typeof__(pq), conninfoParse) },
		{ "PQconninfoFree", offsetof(__typeof__(pq), conninfoFree) },
		{ "PQfreemem", offsetof(__typeof__(pq), freemem) },
		{ "PQcmdStatus", offsetof(__typeof__(pq), cmdStatus) },
		{ "PQnparams", offsetof(__typeof__(pq), nparams) },
		{ "PQparamtype", offsetof(__typeof__(pq), paramtype) },
	};
	size_t i;
	void *lib, *f;

	if (pq.lib != NULL)
		return NULL;
	if ((lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL)) == NULL)
		return inno_error_code(INNO_ESYS, INNO_E_IO, _("the PostgreSQL "
		    "client library is not installed (Debian package libpq5): "
		    "%s"), dlerror());
	for (i = 0; i < sizeof syms / sizeof syms[0]; i++) {
		if ((f = dlsym(lib, syms[i].name)) == NULL) {
			dlclose(lib);
			return inno_error_code(INNO_ESYS, INNO_E_IO, _("the "
			    "PostgreSQL client library lacks %s"),
			    syms[i].name);
		}
		memcpy((char *)&pq + syms[i].off, &f, sizeof f);
	}
	pq.lib = lib;
	return NULL;
}

/* ------------------------------------------------------ the engine */

/* A lookup the modules define (inno_db_define), made when first used. */
struct pgfunc {
	char *name;
	char *sql;		/* translated */
	int nargs;
	int made;		/* 1 made, 2 made in the open transaction */
	struct pgfunc *next;
};

/* Whether a table has an id column, asked once a connection. */
struct pgtable {
	char *name;
	int has_id;
	struct pgtable *next;
};

/* The connection, db->h. */
struct pg {
	PGconn *c;
	struct pgfunc *funcs;
	struct pgtable *tables;
	int64_t last_id;
	int64_t changes;
	unsigned long seq;	/* the last prepared statement's number */
	int scratch;		/* the schema's reference: a rolled-back
				   transaction */
};

/* A statement, s->h. */
struct pgstmt {
	char name[32];
	char *sql;		/* translated; kept for the errors */
	int nparams;
	int want_id;		/* RETURNING id appended: its rows are ours */
	int writes;		/* not a SELECT: run under a savepoint */
	const char **vals;
	char **owned;		/* copies made by bind_text */
	char (*nums)[24];
	int ncols;
	char **names;		/* from the description */
	Oid *types;
	PGresult *res;
	int next, nrows;
	int sent;
	char (*conv)[48];	/* booleans and reals as SQLite prints them */
};

static struct pg *
conn(struct inno_db *db)
{
	return db->h;
}

static struct pgstmt *
pst(struct inno_stmt *s)
{
	return s->h;
}

/* The notices (a NOTICE of CREATE ... IF NOT EXISTS) go nowhere. */
static void
no_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* The first line of a message of libpq's, without its newline. */
static char *
first_line(const char *msg)
{
	size_t n = strcspn(msg != NULL ? msg : "", "\n");

	return inno_strf("%.*s", (int)n, msg != NULL ? msg : "");
}

/*
 * Maps a failed result onto a kind of failure by its SQLSTATE's class:
 * 55P03 (a lock not had within lock_timeout), 40001 and 40P01 are busy;
 * 23 (integrity) and 22 (data: a value the column's type refuses) are the
 * input's; 25006 and 42501 a database that may not be written; 53100 a
 * full disk; 53200 memory; XX001 and XX002 damage; the rest the system's,
 * with the server's message.
 */
static const struct inno_error *
res_error(struct inno_db *db, PGresult *res, const char *what)
{
	const struct inno_error *err;
	const char *state = NULL, *msg = NULL;
	enum inno_db_fault kind = INNO_DB_OTHER;
	char *line;

	if (res != NULL) {
		state = pq.resultErrorField(res, PG_DIAG_SQLSTATE);
		msg = pq.resultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	}
	if (msg == NULL)
		msg = conn(db) != NULL && conn(db)->c != NULL ?
		    pq.errorMessage(conn(db)->c) : "";
	if (state == NULL)
		state = "";
	if (strcmp(state, "55P03") == 0 || strcmp(state, "40001") == 0 ||
	    strcmp(state, "40P01") == 0)
		kind = INNO_DB_BUSY;
	else if (strncmp(state, "23", 2) == 0 || strncmp(state, "22", 2) == 0)
		kind = INNO_DB_CONSTRAINT;
	else if (strcmp(state, "25006") == 0 || strcmp(state, "42501") == 0)
		kind = INNO_DB_READONLY;
	else if (strcmp(state, "53100") == 0)
		kind = INNO_DB_FULL;
	else if (strcmp(state, "53200") == 0)
		kind = INNO_DB_NOMEM;
	else if (strcmp(state, "XX001") == 0 || strcmp(state, "XX002") == 0)
		kind = INNO_DB_CORRUPT;
	if ((line = first_line(msg)) == NULL)
		return inno_error_nomem();
	err = inno_db_fault(db, kind, what, line, 0);
	free(line);
	return err;
}

/* Runs SQL without parameters; its result is the caller's (NULL: none). */
static const struct inno_error *
run(struct inno_db *db, const char *sql, const char *what, PGresult **out)
{
	PGresult *res;
	ExecStatusType st;
	const struct inno_error *err;

	if (out != NULL)
		*out = NULL;
	res = pq.exec(conn(db)->c, sql);
	st = res != NULL ? pq.resultStatus(res) : PGRES_FATAL_ERROR;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		err = res_error(db, res, what);
		pq.clear(res);
		return err;
	}
	if (out != NULL)
		*out = res;
	else
		pq.clear(res);
	return NULL;
}

static const struct inno_error *
pg_exec(struct inno_db *db, const char *sql)
{
	/*
	 * SQLite's tuning (page caches, temporary storage) has nothing to
	 * tune here; deferring the foreign keys is SET CONSTRAINTS.
	 */
	if (strncmp(sql, "PRAGMA ", 7) == 0) {
		if (strcmp(sql, "PRAGMA defer_foreign_keys = ON") == 0)
			return run(db, "SET CONSTRAINTS ALL DEFERRED",
			    _("executing SQL"), NULL);
		return NULL;
	}
	return run(db, sql, _("executing SQL"), NULL);
}

/*
 * The URI as messages show it: its password, in the authority or as a
 * password= parameter, left out.  A connection string that is not a URI
 * is shown as its dbname, host and port.
 */
static char *
pg_label(const char *name)
{
	const char *at, *auth = strstr(name, "://"), *q, *p, *end;
	char *out, *o;

	if (auth == NULL)
		return strdup(name);
	auth += 3;
	if ((out = malloc(strlen(name) + 1)) == NULL)
		return NULL;
	o = out;
	memcpy(o, name, (size_t)(auth - name));
	o += auth - name;
	end = auth + strcspn(auth, "/?");
	at = memchr(auth, '@', (size_t)(end - auth));
	if (at != NULL) {
		const char *colon = memchr(auth, ':', (size_t)(at - auth));

		p = colon != NULL ? colon : at;
		memcpy(o, auth, (size_t)(p - auth));
		o += p - auth;
		auth = at;
	}
	/* The rest, parameter by parameter. */
	q = auth;
	while (*q != '\0') {
		size_t n;

		if ((*q == '?' || *q == '&') &&
		    strncmp(q + 1, "password=", 9) == 0) {
			n = 1 + strcspn(q + 1, "&");
			if (*q == '?' && q[n] == '&') {
				*o++ = '?';
				n++;
			}
			q += n;
			continue;
		}
		*o++ = *q++;
	}
	*o = '\0';
	return out;
}

/*
 * The settings of a session: messages the programs read in English and
 * ISO dates, the lock wait bounded as SQLite's busy timeout bounds it (0
 * there means at once; here it would mean for ever), and commits that do
 * not wait for the disk with [database] synchronous = normal.
 */
static const struct inno_error *
set_session(struct inno_db *db)
{
	const struct inno_error *err;
	char *sql;

	sql = inno_strf("SET client_encoding = 'UTF8'; SET DateStyle = 'ISO'; "
	    "SET lc_messages = 'C'; SET client_min_messages = 'error'; "
	    "SET lock_timeout = %lld; SET synchronous_commit = %s",
	    (long long)(db->timeout > 0 ? db->timeout : 1),
	    strcmp(db->sync, "full") == 0 ? "on" : "off");
	if (sql == NULL)
		return inno_error_nomem();
	err = run(db, sql, _("opening"), NULL);
	/* lc_messages is the superuser's to set: English or not, go on. */
	if (err != NULL && strstr(err->msg, "lc_messages") != NULL) {
		free(sql);
		sql = inno_strf("SET client_encoding = 'UTF8'; "
		    "SET DateStyle = 'ISO'; SET client_min_messages = 'error'; "
		    "SET lock_timeout = %lld; SET synchronous_commit = %s",
		    (long long)(db->timeout > 0 ? db->timeout : 1),
		    strcmp(db->sync, "full") == 0 ? "on" : "off");
		err = sql == NULL ? inno_error_nomem() :
		    run(db, sql, _("opening"), NULL);
	}
	free(sql);
	return err;
}

static const struct inno_error *
connect_to(struct inno_db *db)
{
	const struct inno_error *err;
	struct pg *p;
	char *line;

	if ((err = load_libpq()) != NULL)
		return err;
	if ((p = calloc(1, sizeof *p)) == NULL)
		return inno_error_nomem();
	db->h = p;
	p->c = pq.connectdb(db->path);
	if (p->c == NULL)
		return inno_error_nomem();
	if (pq.status(p->c) != CONNECTION_OK) {
		if ((line = first_line(pq.errorMessage(p->c))) == NULL)
			return inno_error_nomem();
		/*
		 * libpq's message names the host and the port, never the
		 * password; the label leaves that out too.
		 */
		err = inno_error_code(INNO_ESYS, INNO_E_IO, _("%s: cannot "
		    "connect to the database server: %s"), db->label, line);
		free(line);
		return err;
	}
	pq.setNoticeProcessor(p->c, no_notice, NULL);
	return set_session(db);
}

static const struct inno_error *pg_user_version(struct inno_db *, int *);

static const struct inno_error *
pg_open(struct inno_db *db, enum inno_db_mode mode)
{
	const struct inno_error *err;
	PGresult *res;
	int v;

	if ((err = connect_to(db)) != NULL)
		return err;
	if ((err = run(db, "SELECT current_setting('transaction_read_only'), "
	    "has_schema_privilege(current_schema(), 'CREATE')", _("opening"),
	    &res)) != NULL)
		return err;
	db->readonly = strcmp(pq.getvalue(res, 0, 0), "on") == 0 ||
	    pq.getisnull(res, 0, 1) || strcmp(pq.getvalue(res, 0, 1), "t") != 0;
	pq.clear(res);
	if (mode == INNO_DB_READ) {
		if ((err = pg_user_version(db, &v)) != NULL)
			return err;
		if (v == 0)
			return inno_error_code(INNO_EUSAGE, INNO_E_NOTFOUND,
			    _("%s: no such database (a program that writes "
			    "creates it)"), db->label);
	}
	return NULL;
}

/*
 * The schema's reference: a schema of its own, first on the search path,
 * in a transaction rolled back on close, so nothing of it is left.
 */
static const struct inno_error *
pg_scratch(struct inno_db *db)
{
	const struct inno_error *err;

	if ((err = connect_to(db)) != NULL)
		return err;
	conn(db)->scratch = 1;
	return run(db, "BEGIN; CREATE SCHEMA inno_reference; "
	    "SET LOCAL search_path = inno_reference", _("opening"), NULL);
}

static void
pg_opened(struct inno_db *db)
{
	(void)db;
}

static void
pg_close(struct inno_db *db)
{
	struct pg *p = conn(db);

	if (p == NULL)
		return;
	while (p->funcs != NULL) {
		struct pgfunc *f = p->funcs;

		p->funcs = f->next;
		free(f->name);
		free(f->sql);
		free(f);
	}
	while (p->tables != NULL) {
		struct pgtable *t = p->tables;

		p->tables = t->next;
		free(t->name);
		free(t);
	}
	if (p->c != NULL)
		pq.finish(p->c);	/* rolls back what is open */
	free(p);
	db->h = NULL;
}

/* Functions made in a transaction rolled back are gone with it. */
static void
funcs_after(struct pg *p, int committed)
{
	struct pgfunc *f;

	for (f = p->funcs; f != NULL; f = f->next)
		if (f->made == 2)
			f->made = committed ? 1 : 0;
}

static const struct inno_error *
pg_begin(struct inno_db *db)
{
	return run(db, "BEGIN; SELECT pg_advisory_xact_lock(" LOCK_KEY ", "
	    "hashtext(current_schema()))", _("starting a transaction"), NULL);
}

/*
 * One snapshot for the whole listing.  Not READ ONLY: a report builds
 * temporary tables.
 */
static const struct inno_error *
pg_begin_read(struct inno_db *db)
{
	return run(db, "BEGIN ISOLATION LEVEL REPEATABLE READ",
	    _("starting a transaction"), NULL);
}

static const struct inno_error *
pg_commit(struct inno_db *db)
{
	const struct inno_error *err;
	PGresult *res;

	if ((err = run(db, "COMMIT", _("committing"), &res)) != NULL)
		return err;
	/* A COMMIT of an aborted transaction answers ROLLBACK. */
	if (strcmp(pq.cmdStatus(res), "ROLLBACK") == 0) {
		pq.clear(res);
		return inno_db_fault(db, INNO_DB_OTHER, _("committing"),
		    "a statement of the transaction failed; it was rolled "
		    "back", 0);
	}
	pq.clear(res);
	funcs_after(conn(db), 1);
	return NULL;
}

static const struct inno_error *
pg_committed(struct inno_db *db)
{
	(void)db;
	return NULL;
}

static void
pg_rollback(struct inno_db *db)
{
	struct pg *p = conn(db);
	PGresult *res;

	if (p == NULL || p->c == NULL)
		return;
	if (pq.transactionStatus(p->c) != PQTRANS_IDLE) {
		res = pq.exec(p->c, "ROLLBACK");
		pq.clear(res);
	}
	funcs_after(p, 0);
}

/*
 * The keys are the schema's and stay on: a foreign key's check can be put
 * off to the commit (SET CONSTRAINTS ALL DEFERRED) only where the schema
 * declares it DEFERRABLE, and what turns the keys off on SQLite (inno-undo
 * putting rows back in any order) defers them instead.
 */
static const struct inno_error *
pg_foreign_keys(struct inno_db *db, int on)
{
	(void)db;
	(void)on;
	return NULL;
}

static const struct inno_error *
pg_cacheflush(struct inno_db *db)
{
	(void)db;
	return NULL;
}

/* 0 while inno_schema does not exist: the first migration makes it. */
static const struct inno_error *
pg_user_version(struct inno_db *db, int *v)
{
	const struct inno_error *err;
	PGresult *res;

	*v = -1;
	if ((err = run(db, "SELECT to_regclass('inno_schema') IS NOT NULL",
	    _("reading schema"), &res)) != NULL)
		return err;
	if (strcmp(pq.getvalue(res, 0, 0), "t") != 0) {
		pq.clear(res);
		*v = 0;
		return NULL;
	}
	pq.clear(res);
	if ((err = run(db, "SELECT coalesce(max(version), 0) FROM inno_schema",
	    _("reading schema"), &res)) != NULL)
		return err;
	*v = atoi(pq.getvalue(res, 0, 0));
	pq.clear(res);
	return NULL;
}

/* Each migration sets the version itself: this checks that it did. */
static const struct inno_error *
pg_set_user_version(struct inno_db *db, int v)
{
	const struct inno_error *err;
	int got;

	if ((err = pg_user_version(db, &got)) != NULL)
		return err;
	if (got != v)
		return inno_error(INNO_ESYS, _("%s: migration %d left schema "
		    "version %d"), db->label, v, got);
	return NULL;
}

static const struct inno_error *
pg_define(struct inno_db *db, const char *name, int nargs, const char *sql)
{
	struct pgfunc *f;
	int n, ret;

	if ((f = calloc(1, sizeof *f)) == NULL)
		return inno_error_nomem();
	if ((f->name = strdup(name)) == NULL ||
	    (f->sql = inno_pg_sql(sql, &n, &ret)) == NULL) {
		free(f->name);
		free(f);
		return inno_error_nomem();
	}
	f->nargs = nargs;
	f->next = conn(db)->funcs;
	conn(db)->funcs = f;
	return NULL;
}

/* The name of type oid, as a function's declaration takes it. */
static const struct inno_error *
type_name(struct inno_db *db, Oid oid, char *buf, size_t len)
{
	const struct inno_error *err;
	PGresult *res;
	char sql[64];

	snprintf(sql, sizeof sql, "SELECT format_type(%u, NULL)", oid);
	if ((err = run(db, sql, _("defining a function"), &res)) != NULL)
		return err;
	snprintf(buf, len, "%s", pq.getvalue(res, 0, 0));
	pq.clear(res);
	return NULL;
}

/*
 * Makes a lookup as pg_temp.NAME, its argument and result types those the
 * server gives its statement's parameters and first column, STRICT so a
 * NULL argument is a NULL value, as the SQLite engine's is.
 */
static const struct inno_error *
make_func(struct inno_db *db, struct pgfunc *f)
{
	const struct inno_error *err = NULL;
	PGresult *res = NULL, *d = NULL;
	char types[512] = "", t[64], rt[64];
	char *sql = NULL;
	int i;

	res = pq.prepare(conn(db)->c, "", f->sql, 0, NULL);
	if (res == NULL || pq.resultStatus(res) != PGRES_COMMAND_OK) {
		err = res_error(db, res, _("defining a function"));
		goto done;
	}
	d = pq.describePrepared(conn(db)->c, "");
	if (d == NULL || pq.resultStatus(d) != PGRES_COMMAND_OK) {
		err = res_error(db, d, _("defining a function"));
		goto done;
	}
	for (i = 0; i < f->nargs; i++) {
		Oid oid = i < pq.nparams(d) ? pq.paramtype(d, i) : OID_TEXT;

		if ((err = type_name(db, oid, t, sizeof t)) != NULL)
			goto done;
		snprintf(types + strlen(types), sizeof types - strlen(types),
		    "%s%s", i > 0 ? ", " : "", t);
	}
	if ((err = type_name(db, pq.ftype(d, 0), rt, sizeof rt)) != NULL)
		goto done;
	sql = inno_strf("CREATE OR REPLACE FUNCTION pg_temp.%s(%s) RETURNS "
	    "%s LANGUAGE sql STABLE STRICT AS $inno$%s$inno$", f->name, types,
	    rt, f->sql);
	if (sql == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	if ((err = run(db, sql, _("defining a function"), NULL)) != NULL)
		goto done;
	f->made = db->in_tx ? 2 : 1;
done:
	free(sql);
	pq.clear(res);
	pq.clear(d);
	return err;
}

static int64_t
pg_last_id(struct inno_db *db)
{
	return conn(db)->last_id;
}

static int64_t
pg_changes(struct inno_db *db)
{
	return conn(db)->changes;
}

/*
 * The columns of table, each quoted (user, left and end are reserved
 * words here), joined by ", ", optionally each with prefix.
 */
static const struct inno_error *
table_columns(struct inno_db *db, const char *table, const char *prefix,
    char **out)
{
	const struct inno_error *err;
	struct inno_stmt *s;
	char *cols = NULL, *t;
	int row;

	*out = NULL;
	if ((err = inno_db_query(db, &s, "SELECT CAST(attname AS text) FROM "
	    "pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 AND "
	    "NOT attisdropped ORDER BY attnum", "t", table)) != NULL)
		return err;
	while ((err = inno_stmt_step(s, &row)) == NULL && row) {
		t = inno_strf("%s%s%s\"%s\"", cols != NULL ? cols : "",
		    cols != NULL ? ", " : "", prefix, inno_stmt_text(s, 0));
		free(cols);
		if ((cols = t) == NULL) {
			inno_stmt_reset(s);
			return inno_error_nomem();
		}
	}
	if (err != NULL) {
		free(cols);
		return err;
	}
	if (cols == NULL)
		return inno_error(INNO_ESYS, "%s: no columns", table);
	*out = cols;
	return NULL;
}

/*
 * The rows by table name from JSON, as the SQLite engine's: an insert
 * takes each column from the key of its name, an update the columns the
 * object has (json_populate_record keeps the row's own for the others),
 * and a read makes one object of the columns in their order.
 */
static const struct inno_error *
pg_row_sql(struct inno_db *db, const char *table, enum inno_row_sql kind,
    char **sql)
{
	const struct inno_error *err;
	char *cols, *jcols = NULL;

	*sql = NULL;
	if (kind == INNO_ROW_JSON) {
		*sql = inno_strf("SELECT CAST(row_to_json(t) AS text) FROM %s "
		    "AS t WHERE id = ?", table);
		return *sql == NULL ? inno_error_nomem() : NULL;
	}
	if ((err = table_columns(db, table, "", &cols)) != NULL)
		return err;
	if (kind == INNO_ROW_INSERT)
		*sql = inno_strf("INSERT INTO %s (%s) SELECT %s FROM "
		    "json_populate_record(CAST(NULL AS %s), CAST(?1 AS json))",
		    table, cols, cols, table);
	else if ((err = table_columns(db, table, "j.", &jcols)) == NULL)
		*sql = inno_strf("UPDATE %s SET (%s) = (SELECT %s FROM "
		    "json_populate_record(%s, CAST(?1 AS json)) AS j) WHERE "
		    "id = CAST(CAST(?1 AS json) ->> 'id' AS bigint)", table,
		    cols, jcols, table);
	free(cols);
	free(jcols);
	if (err == NULL && *sql == NULL)
		err = inno_error_nomem();
	return err;
}

/* ------------------------------------------------------- statements */

/* Whether an INSERT's table has an id column, asked once. */
static const struct inno_error *
has_id(struct inno_db *db, const char *name, size_t len, int *yes)
{
	const struct inno_error *err;
	struct pgtable *t;
	PGresult *res;
	const char *vals[1];
	char *n;

	*yes = 0;
	for (t = conn(db)->tables; t != NULL; t = t->next)
		if (strlen(t->name) == len && memcmp(t->name, name, len) == 0) {
			*yes = t->has_id;
			return NULL;
		}
	if ((n = inno_strf("%.*s", (int)len, name)) == NULL)
		return inno_error_nomem();
	vals[0] = n;
	res = pq.execParams(conn(db)->c, "SELECT 1 FROM pg_attribute WHERE "
	    "attrelid = to_regclass($1) AND attname = 'id' AND NOT "
	    "attisdropped", 1, NULL, vals, NULL, NULL, 0);
	if (res == NULL || pq.resultStatus(res) != PGRES_TUPLES_OK) {
		err = res_error(db, res, _("preparing SQL"));
		pq.clear(res);
		free(n);
		return err;
	}
	*yes = pq.ntuples(res) > 0;
	pq.clear(res);
	if ((t = calloc(1, sizeof *t)) == NULL) {
		free(n);
		return inno_error_nomem();
	}
	t->name = n;
	t->has_id = *yes;
	t->next = conn(db)->tables;
	conn(db)->tables = t;
	return NULL;
}

/* The word at *p (letters, digits, _), its length; 0 when none. */
static size_t
word_at(const char *p)
{
	size_t n = 0;

	while (p[n] == '_' || (p[n] >= 'a' && p[n] <= 'z') ||
	    (p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= '0' && p[n] <= '9'))
		n++;
	return n;
}

static const char *
skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static int
starts_word(const char *p, const char *w)
{
	size_t n = strlen(w);

	return strncasecmp(p, w, n) == 0 && word_at(p) == n;
}

/*
 * Calls of the modules' lookups become calls of pg_temp.NAME (the
 * temporary schema is not searched for functions), each made the first
 * time a statement calls it.  The SQL is the translator's, so a name in
 * a string literal is rare enough that it need not be told apart: the
 * lookups' names start with inno_ and no text the modules write does.
 */
static const struct inno_error *
with_funcs(struct inno_db *db, char **sqlp)
{
	const struct inno_error *err;
	struct pgfunc *f;
	char *sql = *sqlp, *hit, *t;
	size_t n;

	for (f = conn(db)->funcs; f != NULL; f = f->next) {
		n = strlen(f->name);
		hit = sql;
		while ((hit = strstr(hit, f->name)) != NULL) {
			if ((hit > sql && (word_at(hit - 1) > 0 ||
			    hit[-1] == '.')) || hit[n] != '(') {
				hit += n;
				continue;
			}
			if (!f->made && (err = make_func(db, f)) != NULL)
				return err;
			t = inno_strf("%.*spg_temp.%s", (int)(hit - sql), sql,
			    hit);
			if (t == NULL)
				return inno_error_nomem();
			hit = t + (hit - sql) + 8 + n;
			free(sql);
			*sqlp = sql = t;
		}
	}
	return NULL;
}

/*
 * The parameter the server could not type ("could not determine data
 * type of parameter $N"), 0 when that was not the error.
 */
static int
untyped_param(PGresult *res)
{
	const char *state = pq.resultErrorField(res, PG_DIAG_SQLSTATE);
	const char *msg = pq.resultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	const char *d;

	if (state == NULL || (strcmp(state, "42P18") != 0 &&
	    strcmp(state, "42P08") != 0) || msg == NULL ||
	    (d = strchr(msg, '$')) == NULL)
		return 0;
	return atoi(d + 1);
}

/* Whether sql (the translator's) holds $n, not as the start of $n0. */
static int
names_param(const char *sql, int n)
{
	char tag[16];
	const char *p = sql;
	size_t len;

	len = (size_t)snprintf(tag, sizeof tag, "$%d", n);
	while ((p = strstr(p, tag)) != NULL) {
		p += len;
		if (*p < '0' || *p > '9')
			return 1;
	}
	return 0;
}

/* Whether the error is of types that do not go together. */
static int
type_mismatch(PGresult *res)
{
	const char *state = pq.resultErrorField(res, PG_DIAG_SQLSTATE);

	return state != NULL && (strcmp(state, "42883") == 0 ||
	    strcmp(state, "42804") == 0);
}

static const struct inno_error *
pg_prepare(struct inno_stmt *s, const char *sql)
{
	struct inno_db *db = s->db;
	struct pg *p = conn(db);
	const struct inno_error *err;
	struct pgstmt *ps;
	PGresult *res = NULL, *d;
	Oid *ptypes = NULL;
	const char *w;
	char *t;
	int ret, i, n, yes, last, sp;

	if ((ps = calloc(1, sizeof *ps)) == NULL)
		return inno_error_nomem();
	s->h = ps;
	if ((ps->sql = inno_pg_sql(sql, &ps->nparams, &ret)) == NULL)
		return inno_error_nomem();
	w = skip_space(ps->sql);
	ps->writes = !starts_word(w, "SELECT") && !starts_word(w, "VALUES");
	if (starts_word(w, "INSERT") && !ret) {
		w = skip_space(w + 6);
		if (starts_word(w, "INTO")) {
			w = skip_space(w + 4);
			n = (int)word_at(w);
			if ((err = has_id(db, w, (size_t)n, &yes)) != NULL)
				return err;
			if (yes) {
				t = inno_strf("%s RETURNING id", ps->sql);
				if (t == NULL)
					return inno_error_nomem();
				free(ps->sql);
				ps->sql = t;
				ps->want_id = 1;
			}
		}
	}
	if ((err = with_funcs(db, &ps->sql)) != NULL)
		return err;
	if (ps->nparams > 0) {
		if ((ps->vals = calloc((size_t)ps->nparams, sizeof *ps->vals)) ==
		    NULL || (ps->owned = calloc((size_t)ps->nparams,
		    sizeof *ps->owned)) == NULL || (ps->nums =
		    calloc((size_t)ps->nparams, sizeof *ps->nums)) == NULL ||
		    (ptypes = calloc((size_t)ps->nparams, sizeof *ptypes)) ==
		    NULL) {
			free(ptypes);
			return inno_error_nomem();
		}
	}
	snprintf(ps->name, sizeof ps->name, "inno_%lu", ++p->seq);
	/*
	 * The server infers each parameter's type from where it stands.  One
	 * it cannot type (SELECT ?), or whose first place does not say (? IS
	 * NULL OR id = ?), is tried as text, as SQLite takes a bound value,
	 * and then as an integer when text does not fit the other places.
	 */
	/*
	 * A parameter the statement never names (a filter a caller binds
	 * for every statement of a family) has no place to take a type
	 * from: text, at once.
	 */
	for (i = 1; i <= ps->nparams; i++)
		if (!names_param(ps->sql, i))
			ptypes[i - 1] = OID_TEXT;
	last = 0;
	/* A failed try must not abort the transaction it is made in. */
	sp = pq.transactionStatus(p->c) == PQTRANS_INTRANS;
	for (i = 0; i <= 2 * ps->nparams; i++) {
		pq.clear(res);
		if (sp && (err = run(db, "SAVEPOINT inno_prepare",
		    _("preparing SQL"), NULL)) != NULL) {
			free(ptypes);
			return err;
		}
		res = pq.prepare(p->c, ps->name, ps->sql, ps->nparams, ptypes);
		if (sp) {
			PGresult *r = pq.exec(p->c, res != NULL &&
			    pq.resultStatus(res) == PGRES_COMMAND_OK ?
			    "RELEASE SAVEPOINT inno_prepare" :
			    "ROLLBACK TO SAVEPOINT inno_prepare; "
			    "RELEASE SAVEPOINT inno_prepare");

			pq.clear(r);
		}
		if (res != NULL && pq.resultStatus(res) == PGRES_COMMAND_OK)
			break;
		if (res == NULL)
			break;
		if (last > 0 && ptypes[last - 1] == OID_TEXT &&
		    type_mismatch(res)) {
			ptypes[last - 1] = OID_INT8;
			continue;
		}
		n = untyped_param(res);
		if (n < 1 || n > ps->nparams || ptypes[n - 1] != 0)
			break;
		ptypes[n - 1] = OID_TEXT;
		last = n;
	}
	free(ptypes);
	if (res == NULL || pq.resultStatus(res) != PGRES_COMMAND_OK) {
		err = res_error(db, res, _("preparing SQL"));
		pq.clear(res);
		ps->name[0] = '\0';
		return err;
	}
	pq.clear(res);
	d = pq.describePrepared(p->c, ps->name);
	if (d == NULL || pq.resultStatus(d) != PGRES_COMMAND_OK) {
		err = res_error(db, d, _("preparing SQL"));
		pq.clear(d);
		return err;
	}
	ps->ncols = ps->want_id ? 0 : pq.nfields(d);
	if (ps->ncols > 0) {
		if ((ps->names = calloc((size_t)ps->ncols, sizeof *ps->names)) ==
		    NULL || (ps->types = calloc((size_t)ps->ncols,
		    sizeof *ps->types)) == NULL || (ps->conv =
		    calloc((size_t)ps->ncols, sizeof *ps->conv)) == NULL) {
			pq.clear(d);
			return inno_error_nomem();
		}
		for (i = 0; i < ps->ncols; i++) {
			ps->types[i] = pq.ftype(d, i);
			if ((ps->names[i] = strdup(pq.fname(d, i))) == NULL) {
				pq.clear(d);
				return inno_error_nomem();
			}
		}
	}
	pq.clear(d);
	return NULL;
}

static void
unbind(struct pgstmt *ps)
{
	int i;

	for (i = 0; i < ps->nparams; i++) {
		free(ps->owned[i]);
		ps->owned[i] = NULL;
		ps->vals[i] = NULL;
	}
}

static void
pg_reset(struct inno_stmt *s)
{
	struct pgstmt *ps = pst(s);

	if (ps == NULL)
		return;
	pq.clear(ps->res);
	ps->res = NULL;
	ps->next = ps->nrows = 0;
	ps->sent = 0;
}

static void
pg_finalize(struct inno_stmt *s)
{
	struct pgstmt *ps = pst(s);
	PGresult *res;
	char sql[64];
	int i;

	if (ps == NULL)
		return;
	pg_reset(s);
	if (ps->name[0] != '\0' && conn(s->db) != NULL &&
	    conn(s->db)->c != NULL) {
		snprintf(sql, sizeof sql, "DEALLOCATE %s", ps->name);
		/* In a failed transaction it waits for the rollback. */
		if (pq.transactionStatus(conn(s->db)->c) != PQTRANS_INERROR) {
			res = pq.exec(conn(s->db)->c, sql);
			pq.clear(res);
		}
	}
	if (ps->owned != NULL)
		unbind(ps);
	for (i = 0; i < ps->ncols && ps->names != NULL; i++)
		free(ps->names[i]);
	free(ps->names);
	free(ps->types);
	free(ps->conv);
	free(ps->vals);
	free(ps->owned);
	free(ps->nums);
	free(ps->sql);
	free(ps);
	s->h = NULL;
}

static void
pg_clear(struct inno_stmt *s)
{
	if (pst(s) != NULL && pst(s)->owned != NULL)
		unbind(pst(s));
}

static const struct inno_error *
bad_index(struct inno_stmt *s, int idx)
{
	return inno_error(INNO_ESYS, "binding: parameter %d of %d", idx,
	    pst(s)->nparams);
}

static const struct inno_error *
pg_bind_int(struct inno_stmt *s, int idx, int64_t v)
{
	struct pgstmt *ps = pst(s);

	if (idx < 1 || idx > ps->nparams)
		return bad_index(s, idx);
	free(ps->owned[idx - 1]);
	ps->owned[idx - 1] = NULL;
	snprintf(ps->nums[idx - 1], sizeof ps->nums[idx - 1], "%lld",
	    (long long)v);
	ps->vals[idx - 1] = ps->nums[idx - 1];
	return NULL;
}

static const struct inno_error *
pg_bind_text(struct inno_stmt *s, int idx, const char *t, int len, int keep)
{
	struct pgstmt *ps = pst(s);
	char *c;

	if (idx < 1 || idx > ps->nparams)
		return bad_index(s, idx);
	free(ps->owned[idx - 1]);
	ps->owned[idx - 1] = NULL;
	if (keep && (len < 0 || t[len] == '\0')) {
		ps->vals[idx - 1] = t;
		return NULL;
	}
	if (len < 0)
		len = (int)strlen(t);
	if ((c = malloc((size_t)len + 1)) == NULL)
		return inno_error_nomem();
	memcpy(c, t, (size_t)len);
	c[len] = '\0';
	ps->owned[idx - 1] = c;
	ps->vals[idx - 1] = c;
	return NULL;
}

static const struct inno_error *
pg_bind_null(struct inno_stmt *s, int idx)
{
	struct pgstmt *ps = pst(s);

	if (idx < 1 || idx > ps->nparams)
		return bad_index(s, idx);
	free(ps->owned[idx - 1]);
	ps->owned[idx - 1] = NULL;
	ps->vals[idx - 1] = NULL;
	return NULL;
}

/*
 * Runs the statement: under a savepoint inside a transaction when it may
 * write, so that a failed one undoes only itself, as on SQLite.
 */
static const struct inno_error *
send(struct inno_stmt *s)
{
	struct inno_db *db = s->db;
	struct pg *p = conn(db);
	struct pgstmt *ps = pst(s);
	const struct inno_error *err;
	ExecStatusType st;
	PGresult *res;
	int sp = ps->writes && pq.transactionStatus(p->c) == PQTRANS_INTRANS;
	const char *n;

	if (sp && (err = run(db, "SAVEPOINT inno_statement", _("running SQL"),
	    NULL)) != NULL)
		return err;
	res = pq.execPrepared(p->c, ps->name, ps->nparams, ps->vals, NULL,
	    NULL, 0);
	st = res != NULL ? pq.resultStatus(res) : PGRES_FATAL_ERROR;
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
		err = res_error(db, res, "running SQL");
		pq.clear(res);
		if (sp) {
			res = pq.exec(p->c, "ROLLBACK TO SAVEPOINT "
			    "inno_statement; RELEASE SAVEPOINT inno_statement");
			pq.clear(res);
		}
		return err;
	}
	if (sp && (err = run(db, "RELEASE SAVEPOINT inno_statement",
	    _("running SQL"), NULL)) != NULL) {
		pq.clear(res);
		return err;
	}
	n = pq.cmdTuples(res);
	p->changes = n != NULL && *n != '\0' ? strtoll(n, NULL, 10) : 0;
	if (ps->want_id) {
		int rows = pq.ntuples(res);

		if (rows > 0 && !pq.getisnull(res, rows - 1, 0))
			p->last_id = strtoll(pq.getvalue(res, rows - 1, 0),
			    NULL, 10);
		pq.clear(res);
		ps->res = NULL;
		ps->nrows = 0;
	} else {
		ps->res = res;
		ps->nrows = st == PGRES_TUPLES_OK ? pq.ntuples(res) : 0;
	}
	ps->next = 0;
	ps->sent = 1;
	return NULL;
}

/* A real as SQLite prints one: 15 significant digits, and a point. */
static void
real_text(const char *in, char *out, size_t len)
{
	double d = strtod(in, NULL);
	char *e;

	snprintf(out, len, "%.15g", d);
	if (strpbrk(out, ".ein") != NULL) {
		if ((e = strchr(out, 'e')) != NULL && strchr(out, '.') == NULL &&
		    strlen(out) + 3 < len) {
			memmove(e + 2, e, strlen(e) + 1);
			e[0] = '.';
			e[1] = '0';
		}
		return;
	}
	if (strlen(out) + 3 < len)
		strcat(out, ".0");
}

/* The current row's values that read differently here than on SQLite. */
static void
convert_row(struct pgstmt *ps)
{
	int i;
	const char *v;

	for (i = 0; i < ps->ncols; i++) {
		if (pq.getisnull(ps->res, ps->next, i))
			continue;
		v = pq.getvalue(ps->res, ps->next, i);
		switch (ps->types[i]) {
		case OID_BOOL:
			snprintf(ps->conv[i], sizeof ps->conv[i], "%d",
			    v[0] == 't');
			break;
		case OID_FLOAT4:
		case OID_FLOAT8:
			real_text(v, ps->conv[i], sizeof ps->conv[i]);
			break;
		case OID_NUMERIC:
			/* sum() of integers is numeric here, an integer there. */
			if (strchr(v, '.') != NULL)
				real_text(v, ps->conv[i], sizeof ps->conv[i]);
			break;
		default:
			break;
		}
	}
}

static const struct inno_error *
pg_step(struct inno_stmt *s, int *row)
{
	struct pgstmt *ps = pst(s);
	const struct inno_error *err;

	*row = 0;
	if (!ps->sent) {
		if ((err = send(s)) != NULL)
			return err;
	} else
		ps->next++;
	if (ps->next < ps->nrows) {
		convert_row(ps);
		*row = 1;
	}
	return NULL;
}

static int
pg_ncols(struct inno_stmt *s)
{
	return pst(s)->ncols;
}

static const char *
pg_colname(struct inno_stmt *s, int col)
{
	struct pgstmt *ps = pst(s);

	return col >= 0 && col < ps->ncols ? ps->names[col] : "";
}

static int
valid(struct pgstmt *ps, int col)
{
	return ps->res != NULL && ps->next < ps->nrows && col >= 0 &&
	    col < ps->ncols;
}

static int
pg_isnull(struct inno_stmt *s, int col)
{
	struct pgstmt *ps = pst(s);

	return !valid(ps, col) || pq.getisnull(ps->res, ps->next, col);
}

static int
converted(struct pgstmt *ps, int col)
{
	return ps->types[col] == OID_BOOL || ps->types[col] == OID_FLOAT4 ||
	    ps->types[col] == OID_FLOAT8 || (ps->types[col] == OID_NUMERIC &&
	    strchr(pq.getvalue(ps->res, ps->next, col), '.') != NULL);
}

static int
pg_isnum(struct inno_stmt *s, int col)
{
	struct pgstmt *ps = pst(s);

	if (pg_isnull(s, col))
		return 0;
	switch (ps->types[col]) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
		return 1;
	case OID_FLOAT4:
	case OID_FLOAT8:
		return 2;
	case OID_NUMERIC:
		return converted(ps, col) ? 2 : 1;
	default:
		return 0;
	}
}

static const char *
pg_text(struct inno_stmt *s, int col)
{
	struct pgstmt *ps = pst(s);

	if (pg_isnull(s, col))
		return "";
	if (converted(ps, col))
		return ps->conv[col];
	return pq.getvalue(ps->res, ps->next, col);
}

static int64_t
pg_colint(struct inno_stmt *s, int col)
{
	const char *t = pg_text(s, col);

	if (pg_isnum(s, col) == 2)
		return (int64_t)strtod(t, NULL);
	return strtoll(t, NULL, 10);
}

static int
pg_bytes(struct inno_stmt *s, int col)
{
	return (int)strlen(pg_text(s, col));
}

/*
 * A copy's load (engine.h).  DISABLE TRIGGER USER leaves the foreign keys'
 * own triggers on, so the keys still hold; the checks the copy deferred
 * are made first, since a table with checks pending cannot be altered.  A
 * sequence set with is_called false gives the value it was set to next,
 * so an empty table's gives 1.  inno_sequence keeps the largest id given
 * by the triggers that were off.
 */
static const struct inno_error *
pg_load(struct inno_db *db, int on, struct inno_db *from)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char *sql, **names = NULL, **grown;
	size_t n = 0, i;
	int64_t seq;
	int row, found;

	sql = inno_strf("%sDO $inno$ DECLARE r record; BEGIN FOR r IN SELECT "
	    "c.oid::regclass AS t FROM pg_class c WHERE c.relnamespace = "
	    "to_regnamespace(current_schema()) AND c.relkind IN ('r', 'p') "
	    "LOOP EXECUTE format('ALTER TABLE %%s %s TRIGGER USER', r.t); "
	    "END LOOP; %s END $inno$", on ? "SET CONSTRAINTS ALL IMMEDIATE; " :
	    "", on ? "ENABLE" : "DISABLE", on ?
	    "FOR r IN SELECT c.oid::regclass AS t, a.attname FROM pg_class c "
	    "JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relnamespace "
	    "= to_regnamespace(current_schema()) AND c.relkind IN ('r', 'p') "
	    "AND a.attidentity <> '' LOOP EXECUTE format('SELECT setval("
	    "pg_get_serial_sequence(%L, %L), coalesce(max(%I), 0) + 1, "
	    "false) FROM %s', r.t, r.attname, r.attname, r.t); END LOOP; "
	    "FOR r IN SELECT name FROM inno_sequence LOOP EXECUTE "
	    "format('UPDATE inno_sequence SET seq = greatest(seq, (SELECT "
	    "coalesce(max(id), 0) FROM %I)) WHERE name = %L', r.name, "
	    "r.name); END LOOP;" : "");
	if (sql == NULL)
		return inno_error_nomem();
	err = run(db, sql, _("executing SQL"), NULL);
	free(sql);
	if (err != NULL || !on)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT name FROM inno_sequence",
	    NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((grown = realloc(names, (n + 1) * sizeof *names)) == NULL ||
		    (grown[n] = strdup(inno_stmt_text(st, 0))) == NULL) {
			if (grown != NULL)
				names = grown;
			inno_stmt_reset(st);
			err = inno_error_nomem();
			break;
		}
		names = grown;
		n++;
	}
	for (i = 0; err == NULL && i < n; i++)
		if ((err = inno_db_sequence(from, names[i], &seq, &found)) ==
		    NULL && found)
			err = inno_db_run(db, "UPDATE inno_sequence SET seq = ? "
			    "WHERE name = ?", "it", seq, names[i]);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return err;
}

const struct inno_engine inno_engine_pg = {
	.name = "PostgreSQL",
	.migrations = inno_pg_migrations,
	.nmigrations = &inno_pg_nmigrations,
	/* This engine's bookkeeping, as SQLite's sqlite_* tables. */
	.tables_sql = "SELECT CAST(c.relname AS text) AS name, CASE c.relkind "
	    "WHEN 'v' THEN 'view' ELSE 'table' END AS type FROM pg_class c "
	    "WHERE c.relnamespace = to_regnamespace(current_schema()) AND "
	    "c.relkind IN ('r', 'v', 'p') AND c.relname NOT IN "
	    "('inno_schema', 'inno_sequence') ORDER BY 1",
	.relation_sql = "SELECT CAST(c.relname AS text) AS name, CASE "
	    "c.relkind WHEN 'v' THEN 'view' ELSE 'table' END AS type FROM "
	    "pg_class c WHERE c.relnamespace = to_regnamespace("
	    "current_schema()) AND c.relkind IN ('r', 'v', 'p') AND "
	    "CAST(c.relname AS text) = ? AND c.relname NOT IN ('inno_schema', "
	    "'inno_sequence')",
	.fkeys_sql = "SELECT CAST(c.relname AS text) AS name, "
	    "CAST(a.attname AS text) AS col FROM pg_constraint k JOIN "
	    "pg_class c ON c.oid = k.conrelid JOIN pg_attribute a ON "
	    "a.attrelid = k.conrelid AND a.attnum = k.conkey[1] WHERE "
	    "k.contype = 'f' AND k.confrelid = to_regclass(?) ORDER BY 1, "
	    "k.conname",
	/*
	 * What makes each object, schema names left out (the reference is
	 * in a schema of its own), the indexes of keys left out (they follow
	 * from the tables, as SQLite's automatic indexes).
	 */
	.schema_sql = "SELECT type, name, sql FROM (SELECT 'table' AS type, "
	    "CAST(c.relname AS text) AS name, (SELECT string_agg(quote_ident("
	    "a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || "
	    "CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || "
	    "coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), ''), "
	    "', ' ORDER BY a.attnum) FROM pg_attribute a LEFT JOIN pg_attrdef "
	    "d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE "
	    "a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) || "
	    "coalesce((SELECT '; ' || string_agg(pg_get_constraintdef(k.oid), "
	    "'; ' ORDER BY pg_get_constraintdef(k.oid) COLLATE \"C\") FROM "
	    "pg_constraint k WHERE k.conrelid = c.oid), '') AS sql FROM "
	    "pg_class c WHERE c.relnamespace = to_regnamespace("
	    "current_schema()) AND c.relkind = 'r' AND c.relname NOT IN "
	    "('inno_schema', 'inno_sequence') UNION ALL SELECT 'index', "
	    "CAST(c.relname AS text), replace(pg_get_indexdef(c.oid), ' ON ' "
	    "|| quote_ident(current_schema()) || '.', ' ON ') FROM pg_class c "
	    "WHERE c.relnamespace = to_regnamespace(current_schema()) AND "
	    "c.relkind = 'i' AND c.oid NOT IN (SELECT conindid FROM "
	    "pg_constraint) UNION ALL SELECT 'view', CAST(c.relname AS text), "
	    "pg_get_viewdef(c.oid) FROM pg_class c WHERE c.relnamespace = "
	    "to_regnamespace(current_schema()) AND c.relkind = 'v' UNION ALL "
	    "SELECT 'trigger', CAST(t.tgname AS text), replace("
	    "pg_get_triggerdef(t.oid), ' ON ' || quote_ident(current_schema()) "
	    "|| '.', ' ON ') FROM pg_trigger t JOIN pg_class c ON c.oid = "
	    "t.tgrelid WHERE c.relnamespace = to_regnamespace("
	    "current_schema()) AND NOT t.tgisinternal) AS x ORDER BY "
	    "type COLLATE \"C\", name COLLATE \"C\"",
	.column_sql = "SELECT 1 FROM pg_attribute WHERE attrelid = "
	    "to_regclass(CAST(?1 AS text)) AND CAST(attname AS text) = ?2 AND "
	    "attnum > 0 AND NOT attisdropped",
	.object_sql = "SELECT CASE WHEN ?1 = 'index' THEN (SELECT "
	    "pg_get_indexdef(c.oid) FROM pg_class c WHERE c.relnamespace = "
	    "to_regnamespace(current_schema()) AND c.relkind = 'i' AND "
	    "CAST(c.relname AS text) = ?2) ELSE (SELECT pg_get_triggerdef("
	    "t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
	    "WHERE c.relnamespace = to_regnamespace(current_schema()) AND NOT "
	    "t.tgisinternal AND CAST(t.tgname AS text) = ?2) END AS sql",
	.sequence_sql = "SELECT seq FROM inno_sequence WHERE name = ?1",
	.trigger_on_table = 1,
	.integrity_sql = "SELECT 'ok'",
	.fkeys_check_sql = "SELECT '', 0, '' WHERE false",
	.data_version_sql = "SELECT CAST(extract(epoch FROM clock_timestamp()) "
	    "* 1000000 AS bigint)",
	.label = pg_label,
	.open = pg_open,
	.scratch = pg_scratch,
	.opened = pg_opened,
	.close = pg_close,
	.exec = pg_exec,
	.begin = pg_begin,
	.begin_read = pg_begin_read,
	.commit = pg_commit,
	.committed = pg_committed,
	.rollback = pg_rollback,
	.foreign_keys = pg_foreign_keys,
	.cacheflush = pg_cacheflush,
	.user_version = pg_user_version,
	.set_user_version = pg_set_user_version,
	.define = pg_define,
	.last_id = pg_last_id,
	.changes = pg_changes,
	.row_sql = pg_row_sql,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.clear = pg_clear,
	.bind_int = pg_bind_int,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.ncols = pg_ncols,
	.colname = pg_colname,
	.isnull = pg_isnull,
	.isnum = pg_isnum,
	.int64 = pg_colint,
	.text = pg_text,
	.bytes = pg_bytes,
	.load = pg_load,
};
