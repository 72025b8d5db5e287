/*
 * db.c: the database layer, the same for every engine.  It implements
 * inno.h's inno_db_* and inno_stmt_* functions over the engine the
 * database's name chooses (engine_for: a path is an SQLite file, a
 * postgresql:// URI a PostgreSQL database), through
 * the table of operations in engine.h.  Here is what no engine does
 * differently: where the database is (inno_db_path), the statement cache,
 * binding by a type string and the one-shot helpers, the migrations'
 * bookkeeping and their audit row, the comparison of the schema with the
 * migrations', the rows by table name for inno-undo, the user the audit
 * trail names, and the words of the errors an engine reports
 * (inno_db_fault).  Only db-sqlite.c calls SQLite and only db-pg.c
 * libpq; the audit trail itself
 * is audit.c's.
 */
#include <assert.h>
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "engine.h"
#include "inno.h"
#include "staff.h"
#include "i18n.h"

/*
 * The words and the class of each kind of failure (engine.h): the lock is
 * EBUSY, a rule the schema enforces is EINPUT, the rest is a system error.
 */
const struct inno_error *
inno_db_fault(struct inno_db *db, enum inno_db_fault kind, const char *what,
    const char *msg, int sys)
{
	const char *path = db != NULL && db->label != NULL ? db->label : "";

	switch (kind) {
	case INNO_DB_BUSY:
		return inno_error_code(INNO_EBUSY, INNO_E_BUSY, _("%s: "
		    "database is busy (another program is writing); nothing "
		    "was written, try again"), path);
	case INNO_DB_CONSTRAINT:
		return inno_error_code(INNO_EINPUT, INNO_E_CONSTRAINT, "%s: %s",
		    what, msg);
	case INNO_DB_READONLY:
		return inno_error_code(INNO_ESYS, INNO_E_PERM, _("%s: database "
		    "is read-only (%s)"), path, msg);
	case INNO_DB_CORRUPT:
		return inno_error_code(INNO_ESYS, INNO_E_CORRUPT, _("%s: "
		    "database is damaged or not an inno database (%s)"), path,
		    msg);
	case INNO_DB_FULL:
		if (sys != 0)
			return inno_error_code(INNO_ESYS, INNO_E_FULL,
			    _("%s: disk full (%s); nothing was written"), path,
			    strerror(sys));
		return inno_error_code(INNO_ESYS, INNO_E_FULL, _("%s: disk "
		    "full; nothing was written"), path);
	case INNO_DB_NOMEM:
		return inno_error_nomem();
	default:
		/* A database without a name is the schema's reference. */
		if (*path == '\0')
			return inno_error(INNO_ESYS, "%s: %s", what, msg);
		if (sys != 0)
			return inno_error(INNO_ESYS, "%s: %s: %s (%s)", path,
			    what, msg, strerror(sys));
		return inno_error(INNO_ESYS, "%s: %s: %s", path, what, msg);
	}
}

/*
 * The engine for a database's name, the one place that tells them apart:
 * a postgresql:// or postgres:// URI (a libpq connection string, as
 * CLI.md has it) names a PostgreSQL database, anything else an SQLite
 * file.
 */
static const struct inno_error *
engine_for(const char *name, const struct inno_engine **eng)
{
	if (strncmp(name, "postgresql://", 13) == 0 ||
	    strncmp(name, "postgres://", 11) == 0)
		*eng = &inno_engine_pg;
	else
		*eng = &inno_engine_sqlite;
	return NULL;
}

int
inno_db_is_file(const char *name)
{
	const struct inno_engine *eng;

	return engine_for(name, &eng) == NULL && eng == &inno_engine_sqlite;
}

/*
 * The default location, $XDG_DATA_HOME/inno/inno.db or
 * ~/.local/share/inno/inno.db, as a new string the caller frees; NULL when
 * neither variable is usable (errno 0) or memory is short (errno ENOMEM).
 */
static char *
default_path(void)
{
	const char *v;
	char *p = NULL;

	errno = 0;
	if ((v = getenv("XDG_DATA_HOME")) != NULL && *v == '/')
		p = inno_strf("%s/inno/inno.db", v);
	else if ((v = getenv("HOME")) != NULL && *v != '\0')
		p = inno_strf("%s/.local/share/inno/inno.db", v);
	else
		return NULL;
	if (p == NULL)
		errno = ENOMEM;
	return p;
}

int
inno_db_is_default(const char *path)
{
	int saved = errno, same;
	char *def = default_path();

	same = def != NULL && strcmp(def, path) == 0;
	free(def);
	errno = saved;
	return same;
}

/*
 * A name the build has no engine for is refused here already, so that a
 * program refuses it before it looks for a file of that name (a dry run
 * asks whether the database exists).
 */
const struct inno_error *
inno_db_path(const struct inno_config *cfg, const char *explicit_path,
    char **path)
{
	const struct inno_engine *eng;
	const struct inno_error *err;
	const char *v;

	*path = NULL;
	if (explicit_path != NULL)
		v = explicit_path;
	else if ((v = getenv("INNO_DB")) != NULL && *v != '\0')
		;
	else if ((v = inno_config_str(cfg, "database:path", NULL)) != NULL &&
	    *v != '\0')
		;
	else if ((*path = default_path()) != NULL)
		return NULL;
	else if (errno == ENOMEM)
		return inno_error_nomem();
	else
		return inno_error(INNO_EUSAGE,
		    _("no database: give -d FILE or set INNO_DB"));
	if (*v == '\0')
		return inno_error(INNO_EUSAGE, _("empty database path"));
	if ((err = engine_for(v, &eng)) != NULL)
		return err;
	*path = strdup(v);
	return *path == NULL ? inno_error_nomem() : NULL;
}

/*
 * Names the real user for the audit trail.  Only writers need it (and a
 * reader that applies a migration): the lookup goes through NSS, which
 * glibc lets abort the process when memory is short, so readers do not
 * run that risk for a name they never write.  getpwuid returns NULL for
 * an unknown uid and when memory is short; the uid then stands in.
 */
static void
find_user(struct inno_db *db)
{
	struct passwd *pw;

	if (db->user[0] != '\0')
		return;
	if ((pw = getpwuid(db->uid)) != NULL && pw->pw_name != NULL)
		snprintf(db->user, sizeof db->user, "%s", pw->pw_name);
	else
		snprintf(db->user, sizeof db->user, "uid %u",
		    (unsigned)db->uid);
}

/* ------------------------------------------------------ statements */

/* A statement of its own, outside the cache: the caller frees it. */
static const struct inno_error *
stmt_new(struct inno_db *db, const char *sql, struct inno_stmt **sp)
{
	const struct inno_error *err;
	struct inno_stmt *s;

	*sp = NULL;
	if ((s = calloc(1, sizeof *s)) == NULL)
		return inno_error_nomem();
	s->db = db;
	if ((err = db->eng->prepare(s, sql)) != NULL) {
		db->eng->finalize(s);
		free(s);
		return err;
	}
	*sp = s;
	return NULL;
}

static void
stmt_free(struct inno_stmt *s)
{
	if (s == NULL)
		return;
	s->db->eng->finalize(s);
	free(s);
}

void
inno_db_cache_drop(struct inno_db *db)
{
	size_t i;

	for (i = 0; i < db->ncache; i++)
		db->eng->finalize(db->cache[i].stmt);
}

const struct inno_error *
inno_db_cache_renew(struct inno_db *db)
{
	const struct inno_error *err;
	size_t i;

	for (i = 0; i < db->ncache; i++)
		if ((err = db->eng->prepare(db->cache[i].stmt,
		    db->cache[i].sql)) != NULL)
			return err;
	return NULL;
}

const struct inno_error *
inno_db_prepare(struct inno_db *db, struct inno_stmt **stp, const char *sql)
{
	const struct inno_error *err;
	struct inno_stmt *s;
	struct inno_db_cached *c;
	char *key;
	size_t i;

	for (i = 0; i < db->ncache; i++) {
		if (db->cache[i].sql == sql ||
		    strcmp(db->cache[i].sql, sql) == 0) {
			s = db->cache[i].stmt;
			db->eng->reset(s);
			db->eng->clear(s);
			*stp = s;
			return NULL;
		}
	}
	/*
	 * Everything that can fail comes before a slot is taken, so a slot
	 * always holds a key and its statement.
	 */
	if ((key = strdup(sql)) == NULL)
		return inno_error_nomem();
	if ((err = stmt_new(db, sql, &s)) != NULL) {
		free(key);
		return err;
	}
	if (db->ncache < INNO_DB_CACHE_MAX)
		c = &db->cache[db->ncache++];
	else {
		c = &db->cache[db->next_evict];
		db->next_evict = (db->next_evict + 1) % INNO_DB_CACHE_MAX;
		stmt_free(c->stmt);
		free(c->sql);
	}
	c->stmt = s;
	c->sql = key;
	*stp = s;
	return NULL;
}

const struct inno_error *
inno_stmt_bind_int(struct inno_stmt *s, int idx, int64_t v)
{
	return s->db->eng->bind_int(s, idx, v);
}

const struct inno_error *
inno_stmt_bind_null(struct inno_stmt *s, int idx)
{
	return s->db->eng->bind_null(s, idx);
}

/* Binds t (NULL: SQL NULL), copied by the engine or (keep) kept as it is. */
static const struct inno_error *
bind_text(struct inno_stmt *s, int idx, const char *t, int len, int keep)
{
	if (t == NULL)
		return s->db->eng->bind_null(s, idx);
	return s->db->eng->bind_text(s, idx, t, len, keep);
}

const struct inno_error *
inno_stmt_bind_text(struct inno_stmt *s, int idx, const char *t, int len)
{
	return bind_text(s, idx, t, len, 0);
}

const struct inno_error *
inno_stmt_bind_static(struct inno_stmt *s, int idx, const char *t, int len)
{
	return bind_text(s, idx, t, len, 1);
}

const struct inno_error *
inno_stmt_bindv(struct inno_stmt *s, const char *types, va_list ap)
{
	const struct inno_error *err = NULL;
	int idx;

	for (idx = 1; types != NULL && types[idx - 1] != '\0' && err == NULL;
	    idx++) {
		switch (types[idx - 1]) {
		case 'i':
			err = inno_stmt_bind_int(s, idx, va_arg(ap, int64_t));
			break;
		case 'I': {
			int64_t v = va_arg(ap, int64_t);
			err = v == 0 ? inno_stmt_bind_null(s, idx) :
			    inno_stmt_bind_int(s, idx, v);
			break;
		}
		case 'd':
			err = inno_stmt_bind_int(s, idx, va_arg(ap, int));
			break;
		case 't':
			err = inno_stmt_bind_text(s, idx,
			    va_arg(ap, const char *), -1);
			break;
		case 'n':
			err = inno_stmt_bind_null(s, idx);
			break;
		default:
			/* The type strings are literals in the callers. */
			assert(!"bad bind type");
			return inno_error(INNO_ESYS, _("bad bind type '%c'"),
			    types[idx - 1]);
		}
	}
	return err;
}

const struct inno_error *
inno_stmt_step(struct inno_stmt *s, int *row)
{
	return s->db->eng->step(s, row);
}

void
inno_stmt_reset(struct inno_stmt *s)
{
	s->db->eng->reset(s);
}

int
inno_stmt_ncols(struct inno_stmt *s)
{
	return s->db->eng->ncols(s);
}

const char *
inno_stmt_colname(struct inno_stmt *s, int col)
{
	return s->db->eng->colname(s, col);
}

int
inno_stmt_colindex(struct inno_stmt *s, const char *name)
{
	int i, n = inno_stmt_ncols(s);

	for (i = 0; i < n; i++)
		if (strcmp(inno_stmt_colname(s, i), name) == 0)
			return i;
	return -1;
}

int
inno_stmt_isnull(struct inno_stmt *s, int col)
{
	return s->db->eng->isnull(s, col);
}

int
inno_stmt_isnum(struct inno_stmt *s, int col)
{
	return s->db->eng->isnum(s, col);
}

int64_t
inno_stmt_int(struct inno_stmt *s, int col)
{
	return s->db->eng->int64(s, col);
}

const char *
inno_stmt_text(struct inno_stmt *s, int col)
{
	return s->db->eng->text(s, col);
}

int
inno_stmt_bytes(struct inno_stmt *s, int col)
{
	return s->db->eng->bytes(s, col);
}

static const struct inno_error *
prepare_bind(struct inno_db *db, struct inno_stmt **stp, const char *sql,
    const char *types, va_list ap)
{
	const struct inno_error *err;

	if ((err = inno_db_prepare(db, stp, sql)) != NULL)
		return err;
	return inno_stmt_bindv(*stp, types, ap);
}

const struct inno_error *
inno_db_query(struct inno_db *db, struct inno_stmt **stp, const char *sql,
    const char *types, ...)
{
	const struct inno_error *err;
	va_list ap;

	va_start(ap, types);
	err = prepare_bind(db, stp, sql, types, ap);
	va_end(ap);
	return err;
}

const struct inno_error *
inno_db_run(struct inno_db *db, const char *sql, const char *types, ...)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	va_list ap;
	int row;

	va_start(ap, types);
	err = prepare_bind(db, &st, sql, types, ap);
	va_end(ap);
	if (err != NULL)
		return err;
	do {
		err = inno_stmt_step(st, &row);
	} while (err == NULL && row);
	inno_stmt_reset(st);
	return err;
}

const struct inno_error *
inno_db_int(struct inno_db *db, int64_t *out, int *found, const char *sql,
    const char *types, ...)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	va_list ap;
	int row;

	va_start(ap, types);
	err = prepare_bind(db, &st, sql, types, ap);
	va_end(ap);
	if (err != NULL)
		return err;
	if ((err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (found != NULL)
		*found = row;
	*out = row ? inno_stmt_int(st, 0) : 0;
	inno_stmt_reset(st);
	return NULL;
}

const struct inno_error *
inno_db_text(struct inno_db *db, char **out, const char *sql,
    const char *types, ...)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	va_list ap;
	int row;

	*out = NULL;
	va_start(ap, types);
	err = prepare_bind(db, &st, sql, types, ap);
	va_end(ap);
	if (err != NULL)
		return err;
	if ((err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row && !inno_stmt_isnull(st, 0) &&
	    (*out = strdup(inno_stmt_text(st, 0))) == NULL)
		err = inno_error_nomem();
	inno_stmt_reset(st);
	return err;
}

/* ---------------------------------------------------------- the schema */

int
inno_db_user_version(struct inno_db *db)
{
	int v;

	return db->eng->user_version(db, &v) == NULL ? v : -1;
}

/*
 * One side of the schema comparison: the engine's listing of the objects
 * of a schema (schema_sql), with each one's SQL squeezed: runs of white
 * space become one space.
 */
struct schema_side {
	struct inno_stmt *st;
	char *sql;
	int row;
};

static const struct inno_error *
schema_next(struct schema_side *s)
{
	const struct inno_error *err;
	const char *p;
	char *q;
	int space = 0;

	free(s->sql);
	s->sql = NULL;
	if ((err = inno_stmt_step(s->st, &s->row)) != NULL || !s->row)
		return err;
	p = inno_stmt_text(s->st, 2);
	if ((q = s->sql = malloc(strlen(p) + 1)) == NULL)
		return inno_error_nomem();
	for (; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f' || *p == '\v') {
			space = q != s->sql;
			continue;
		}
		if (space)
			*q++ = ' ';
		space = 0;
		*q++ = *p;
	}
	*q = '\0';
	return NULL;
}

/* The schema's reference made an error: out of memory, or a system one. */
static const struct inno_error *
ref_error(const struct inno_error *err)
{
	if (err->what == INNO_E_NOMEM)
		return err;
	return inno_error(INNO_ESYS, "reference schema: %s", err->msg);
}

/*
 * Builds the schema the database's version should have by applying the
 * compiled migrations up to it to a scratch database of the same engine,
 * and walks both schemas side by side.  The database is only read, so
 * this works on a read-only copy too.
 */
const struct inno_error *
inno_db_schema_diff(struct inno_db *db, void (*fn)(void *,
    const struct inno_schema_diff *), void *arg)
{
	const struct inno_engine *eng = db->eng;
	const struct inno_error *err = NULL;
	struct schema_side live = { NULL, NULL, 0 }, ref = { NULL, NULL, 0 };
	struct inno_schema_diff x;
	struct inno_db *scratch = NULL;
	int v, i, cmp;

	if ((err = eng->user_version(db, &v)) != NULL)
		return err;
	if (v > *eng->nmigrations)
		v = *eng->nmigrations;
	if ((scratch = calloc(1, sizeof *scratch)) == NULL)
		return inno_error_nomem();
	scratch->eng = eng;
	/* No label: the reference's errors name no database. */
	if ((scratch->path = strdup(db->path)) == NULL ||
	    (scratch->label = strdup("")) == NULL) {
		inno_db_close(scratch);
		return inno_error_nomem();
	}
	scratch->cfg = db->cfg;
	scratch->uid = db->uid;
	scratch->timeout = db->timeout;
	scratch->sync = db->sync;
	if ((err = eng->scratch(scratch)) != NULL) {
		err = ref_error(err);
		goto done;
	}
	for (i = 0; i < v; i++)
		if ((err = inno_db_exec(scratch, eng->migrations[i])) != NULL) {
			if (err->what != INNO_E_NOMEM)
				err = inno_error(INNO_ESYS, "reference schema: "
				    "migration %d: %s", i + 1, err->msg);
			goto done;
		}
	/*
	 * Statements of their own, not the cache's: fn may query, and a
	 * statement it evicted from the cache would be freed under us.
	 */
	if ((err = stmt_new(db, eng->schema_sql, &live.st)) != NULL)
		goto done;
	if ((err = stmt_new(scratch, eng->schema_sql, &ref.st)) != NULL) {
		err = ref_error(err);
		goto done;
	}
	if ((err = schema_next(&live)) != NULL ||
	    (err = schema_next(&ref)) != NULL)
		goto done;
	while (live.row || ref.row) {
		if (!live.row)
			cmp = 1;
		else if (!ref.row)
			cmp = -1;
		else if ((cmp = strcmp(inno_stmt_text(live.st, 0),
		    inno_stmt_text(ref.st, 0))) == 0)
			cmp = strcmp(inno_stmt_text(live.st, 1),
			    inno_stmt_text(ref.st, 1));
		x.type = inno_stmt_text(cmp <= 0 ? live.st : ref.st, 0);
		x.name = inno_stmt_text(cmp <= 0 ? live.st : ref.st, 1);
		x.live = cmp <= 0 ? live.sql : NULL;
		x.ref = cmp >= 0 ? ref.sql : NULL;
		if (cmp != 0 || strcmp(live.sql, ref.sql) != 0)
			fn(arg, &x);
		if (cmp <= 0 && (err = schema_next(&live)) != NULL)
			goto done;
		if (cmp >= 0 && (err = schema_next(&ref)) != NULL)
			goto done;
	}
done:
	free(live.sql);
	free(ref.sql);
	stmt_free(live.st);
	stmt_free(ref.st);
	inno_db_close(scratch);
	return err;
}

static const struct inno_error *commit(struct inno_db *);

/* Applies the migrations the database lacks, in one transaction. */
static const struct inno_error *
migrate(struct inno_db *db)
{
	const struct inno_engine *eng = db->eng;
	const struct inno_error *err;
	int n = *eng->nmigrations, v, i;

	if ((err = eng->user_version(db, &v)) != NULL)
		return err;
	if (v > n)
		return inno_error_code(INNO_EUSAGE, INNO_E_CORRUPT,
		    _("%s: schema version %d is newer than this program knows "
		    "(%d); upgrade inno"), db->label, v, n);
	if (v == n)
		return NULL;
	if (db->readonly)
		return inno_error(INNO_ESYS, _("%s: schema version %d needs an "
		    "upgrade to %d, but the database is read-only"), db->label,
		    v, n);
	find_user(db);
	if ((err = inno_db_begin(db)) != NULL)
		return err;
	/* Another process may have migrated while we waited for the lock. */
	if ((err = eng->user_version(db, &v)) != NULL) {
		inno_db_rollback(db);
		return err;
	}
	for (i = v; i < n; i++) {
		if ((err = inno_db_exec(db, eng->migrations[i])) != NULL) {
			inno_db_rollback(db);
			return inno_error_wrap(err, _("%s: migration %d: %s"),
			    db->label, i + 1, err->msg);
		}
	}
	if (v < n) {
		if ((err = eng->set_user_version(db, n)) != NULL ||
		    (err = inno_audit(db, "migrate", NULL, -1, -1,
		    "schema %d to %d", v, n)) != NULL) {
			inno_db_rollback(db);
			return err;
		}
	}
	return commit(db);
}

/* -------------------------------------------------- the connection */

const struct inno_error *
inno_db_open(struct inno_db **dbp, const char *path, enum inno_db_mode mode,
    const struct inno_config *cfg, const char *program)
{
	const struct inno_engine *eng;
	const struct inno_error *err = NULL;
	struct inno_db *db;
	const char *sync;

	*dbp = NULL;
	if ((err = engine_for(path, &eng)) != NULL)
		return err;
	sync = inno_config_str(cfg, "database:synchronous", "full");
	if (strcmp(sync, "full") != 0 && strcmp(sync, "normal") != 0)
		return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG, _("%s: "
		    "database:synchronous = \"%s\": expected full or normal"),
		    inno_config_origin(cfg, "database:synchronous"), sync);
	if ((db = calloc(1, sizeof *db)) == NULL)
		return inno_error_nomem();
	db->eng = eng;
	db->cfg = cfg;
	db->sync = strcmp(sync, "full") == 0 ? "full" : "normal";
	if ((err = inno_config_int(cfg, "database:busy_timeout", 5000, 0,
	    3600000, &db->timeout)) != NULL)
		goto fail;
	if ((db->path = strdup(path)) == NULL ||
	    (db->label = eng->label(path)) == NULL ||
	    (db->program = strdup(program)) == NULL) {
		err = inno_error_nomem();
		goto fail;
	}
	db->uid = getuid();
	if (mode == INNO_DB_WRITE)
		find_user(db);
	if ((err = eng->open(db, mode)) != NULL)
		goto fail;
	if ((err = migrate(db)) != NULL)
		goto fail;
	eng->opened(db);
	if ((err = inno_staff_functions(db)) != NULL)
		goto fail;
	*dbp = db;
	return NULL;
fail:
	inno_db_close(db);
	return err;
}

void
inno_db_close(struct inno_db *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < db->ncache; i++) {
		stmt_free(db->cache[i].stmt);
		free(db->cache[i].sql);
	}
	db->eng->close(db);
	free(db->path);
	free(db->label);
	free(db->program);
	free(db);
}

const struct inno_error *
inno_db_exec(struct inno_db *db, const char *sql)
{
	return db->eng->exec(db, sql);
}

const struct inno_error *
inno_db_begin(struct inno_db *db)
{
	const struct inno_error *err;

	if (db->readonly)
		return inno_error(INNO_ESYS, _("%s: database is read-only "
		    "(check the file's permissions)"), db->label);
	if ((err = db->eng->begin(db)) != NULL)
		return err;
	db->in_tx = 1;
	return NULL;
}

const struct inno_error *
inno_db_foreign_keys(struct inno_db *db, int on)
{
	if (db->in_tx)
		return inno_error(INNO_ESYS, "foreign-key enforcement "
		    "changed inside a transaction");
	return db->eng->foreign_keys(db, on);
}

/* Why a batch writes its pages out first: db-sqlite.c says. */
const struct inno_error *
inno_db_cacheflush(struct inno_db *db)
{
	return db->eng->cacheflush(db);
}

const struct inno_error *
inno_db_begin_read(struct inno_db *db)
{
	const struct inno_error *err;

	if ((err = db->eng->begin_read(db)) != NULL)
		return err;
	db->in_tx = 1;
	return NULL;
}

static const struct inno_error *
commit(struct inno_db *db)
{
	const struct inno_error *err;

	if ((err = db->eng->commit(db)) != NULL) {
		inno_db_rollback(db);
		return err;
	}
	db->in_tx = 0;
	return NULL;
}

/*
 * The engine may have more to do after a commit of the program's (SQLite
 * gives a new database its name at its first write); the migrations'
 * commit at open is not one.
 */
const struct inno_error *
inno_db_commit(struct inno_db *db)
{
	const struct inno_error *err;

	if ((err = commit(db)) != NULL)
		return err;
	return db->eng->committed(db);
}

void
inno_db_rollback(struct inno_db *db)
{
	size_t i;

	/* Reset cached statements first: a pending read blocks ROLLBACK. */
	for (i = 0; i < db->ncache; i++)
		db->eng->reset(db->cache[i].stmt);
	db->eng->rollback(db);
	db->in_tx = 0;
}

const struct inno_error *
inno_db_define(struct inno_db *db, const char *name, int nargs,
    const char *sql)
{
	return db->eng->define(db, name, nargs, sql);
}

int64_t
inno_db_last_id(struct inno_db *db)
{
	return db->eng->last_id(db);
}

int64_t
inno_db_changes(struct inno_db *db)
{
	return db->eng->changes(db);
}

const char *
inno_db_program(struct inno_db *db)
{
	return db->program;
}

const char *
inno_db_file(struct inno_db *db)
{
	return db->path;
}

const struct inno_config *
inno_db_config(struct inno_db *db)
{
	return db->cfg;
}

const char *
inno_db_user(struct inno_db *db, int64_t *uid)
{
	find_user(db);
	*uid = (int64_t)db->uid;
	return db->user;
}

/* ------------------------------------------------------- rows by name */

/*
 * The schema's own spelling of the table or view name, in *found (a new
 * string, NULL when there is none), and in *table (may be NULL) whether it
 * is a table.
 */
static const struct inno_error *
find_relation(struct inno_db *db, const char *name, char **found, int *table)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	*found = NULL;
	if (table != NULL)
		*table = 0;
	if ((err = inno_db_query(db, &st, db->eng->relation_sql, "t",
	    name)) != NULL)
		return err;
	if ((err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row) {
		if ((*found = strdup(inno_stmt_text(st, 0))) == NULL)
			err = inno_error_nomem();
		else if (table != NULL)
			*table = strcmp(inno_stmt_text(st, 1), "table") == 0;
	}
	inno_stmt_reset(st);
	return err;
}

const struct inno_error *
inno_db_has_column(struct inno_db *db, const char *table, const char *column,
    int *yes)
{
	int64_t one;

	return inno_db_int(db, &one, yes, db->eng->column_sql, "tt", table,
	    column);
}

const struct inno_error *
inno_db_object_sql(struct inno_db *db, const char *type, const char *name,
    char **sql)
{
	return inno_db_text(db, sql, db->eng->object_sql, "tt", type, name);
}

const struct inno_error *
inno_db_sequence(struct inno_db *db, const char *table, int64_t *seq,
    int *found)
{
	*seq = 0;
	return inno_db_int(db, seq, found, db->eng->sequence_sql, "t", table);
}

const struct inno_error *
inno_db_drop_trigger(struct inno_db *db, const char *name, const char *table)
{
	const struct inno_error *err;
	char *sql;

	if ((sql = inno_strf("DROP TRIGGER \"%s\"%s%s%s", name,
	    db->eng->trigger_on_table ? " ON \"" : "",
	    db->eng->trigger_on_table ? table : "",
	    db->eng->trigger_on_table ? "\"" : "")) == NULL)
		return inno_error_nomem();
	err = inno_db_exec(db, sql);
	free(sql);
	return err;
}

const struct inno_error *
inno_db_engine_check(struct inno_db *db, void (*integrity)(void *,
    const char *), void (*fkey)(void *, const char *, int64_t, const char *),
    void *arg)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, db->eng->integrity_sql, NULL)) !=
	    NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		if (strcmp(inno_stmt_text(st, 0), "ok") != 0)
			integrity(arg, inno_stmt_text(st, 0));
	if (err != NULL)
		return err;
	if ((err = inno_db_query(db, &st, db->eng->fkeys_check_sql, NULL)) !=
	    NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		fkey(arg, inno_stmt_text(st, 0), inno_stmt_int(st, 1),
		    inno_stmt_text(st, 2));
	return err;
}

const struct inno_error *
inno_db_data_version(struct inno_db *db, int64_t *v)
{
	return inno_db_int(db, v, NULL, db->eng->data_version_sql, "");
}

const struct inno_error *
inno_db_tables(struct inno_db *db, struct inno_stmt **stp)
{
	return inno_db_query(db, stp, db->eng->tables_sql, NULL);
}

/*
 * The name is looked up in the schema first and only the schema's own
 * spelling is quoted into the SQL, so user text never becomes SQL.
 */
const struct inno_error *
inno_db_table_rows(struct inno_db *db, const char *name,
    struct inno_stmt **stp)
{
	const struct inno_error *err;
	char *found = NULL, *sql = NULL;

	*stp = NULL;
	if ((err = find_relation(db, name, &found, NULL)) != NULL)
		return err;
	if (found == NULL)
		err = inno_error_code(INNO_EUSAGE, INNO_E_NOTFOUND, _("%s: no "
		    "such table or view (see inno-export --list)"), name);
	else if (strchr(found, '"') != NULL)
		err = inno_error_code(INNO_EUSAGE, INNO_E_SYNTAX, _("%s: "
		    "unusual table name"), found);
	else if ((sql = inno_strf("SELECT * FROM \"%s\" ORDER BY 1", found)) ==
	    NULL)
		err = inno_error_nomem();
	else
		err = inno_db_query(db, stp, sql, NULL);
	free(sql);
	free(found);
	return err;
}

/*
 * Whether name is a table of the schema the programs keep: lowercase
 * letters, digits and '_', as share/schema names them, and in the
 * database.  The row functions below build SQL around it.
 */
static const struct inno_error *
row_table(struct inno_db *db, const char *name)
{
	const struct inno_error *err;
	const char *p;
	char *found;
	int table;

	for (p = name; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '_' ||
		    (p > name && *p >= '0' && *p <= '9')))
			break;
	if (p == name || *p != '\0' || p - name > 63)
		return inno_error(INNO_EUSAGE, "%s: not a table name", name);
	if ((err = find_relation(db, name, &found, &table)) != NULL)
		return err;
	/* table is 0 when nothing was found. */
	free(found);
	if (!table)
		return inno_error_code(INNO_EINPUT, INNO_E_NOTFOUND,
		    _("%s: no such table"), name);
	return NULL;
}

const struct inno_error *
inno_db_row_delete(struct inno_db *db, const char *table, int64_t id,
    int *deleted)
{
	const struct inno_error *err;
	char *sql;

	*deleted = 0;
	if ((err = row_table(db, table)) != NULL)
		return err;
	if ((sql = inno_strf("DELETE FROM %s WHERE id = ?", table)) == NULL)
		return inno_error_nomem();
	err = inno_db_run(db, sql, "i", id);
	free(sql);
	if (err == NULL)
		*deleted = inno_db_changes(db) > 0;
	return err;
}

/* The engine writes the statement from the table's columns (row_sql). */
const struct inno_error *
inno_db_row_put(struct inno_db *db, const char *table, const char *json,
    int update)
{
	const struct inno_error *err;
	char *sql;

	if ((err = row_table(db, table)) != NULL)
		return err;
	if ((err = db->eng->row_sql(db, table, update ? INNO_ROW_UPDATE :
	    INNO_ROW_INSERT, &sql)) != NULL)
		return err;
	if ((err = inno_db_run(db, sql, "t", json)) == NULL && update &&
	    inno_db_changes(db) != 1)
		err = inno_error_code(INNO_EINPUT, INNO_E_NOTFOUND,
		    _("%s: the row to restore is no longer there"), table);
	free(sql);
	return err;
}

/*
 * The foreign keys naming table come from the database's schema; the rows
 * of each referring table are found by one query a key.  Collected before
 * fn runs, so that fn may query.
 */
const struct inno_error *
inno_db_row_refs(struct inno_db *db, const char *table, int64_t first,
    int64_t last, void (*fn)(void *arg, const char *table, int64_t id),
    void *arg)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char **keys = NULL, **grown, *sql;
	size_t n = 0, i;
	int row;

	if ((err = row_table(db, table)) != NULL)
		return err;
	if ((err = inno_db_query(db, &st, db->eng->fkeys_sql, "t", table)) !=
	    NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((grown = realloc(keys, (n + 2) * sizeof *keys)) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
		keys = grown;
		keys[n] = strdup(inno_stmt_text(st, 0));
		keys[n + 1] = strdup(inno_stmt_text(st, 1));
		n += 2;
		if (keys[n - 2] == NULL || keys[n - 1] == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
	}
	for (i = 0; err == NULL && i < n; i += 2) {
		if ((err = row_table(db, keys[i])) != NULL)
			break;
		if ((sql = inno_strf("SELECT id FROM %s WHERE %s BETWEEN ? AND "
		    "? ORDER BY id LIMIT 1000", keys[i], keys[i + 1])) == NULL) {
			err = inno_error_nomem();
			break;
		}
		err = inno_db_query(db, &st, sql, "ii", first, last);
		free(sql);
		while (err == NULL && (err = inno_stmt_step(st, &row)) == NULL &&
		    row)
			fn(arg, keys[i], inno_stmt_int(st, 0));
	}
done:
	for (i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	return err;
}

const struct inno_error *
inno_db_row_json(struct inno_db *db, const char *table, int64_t id,
    char **json)
{
	const struct inno_error *err;
	char *sql;

	*json = NULL;
	if ((err = row_table(db, table)) != NULL)
		return err;
	if ((err = db->eng->row_sql(db, table, INNO_ROW_JSON, &sql)) != NULL)
		return err;
	err = inno_db_text(db, json, sql, "i", id);
	free(sql);
	return err;
}
