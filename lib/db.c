/*
 * db.c: the database.  This is the only file that calls sqlite3_*: it opens
 * and creates the file, applies the numbered migrations compiled in from
 * share/schema, caches prepared statements, maps SQLite's result codes onto
 * inno's exit-status classes, and compares the file's schema with the
 * migrations' (the audit trail itself is audit.c's).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "audit.h"
#include "inno.h"
#include "staff.h"

#define CACHE_MAX 64

extern const char *const inno_migrations[];
extern const int inno_nmigrations;

struct inno_stmt {
	sqlite3_stmt *st;
	struct inno_db *db;
};

struct cached {
	char *sql;
	struct inno_stmt *stmt;
};

/*
 * A function defined on the connection by a module (inno_db_define): one
 * statement of its own, outside the statement cache, because it runs while
 * the statement that calls it is being stepped.
 */
struct lookup {
	struct inno_db *db;
	sqlite3_stmt *st;
	struct lookup *next;
};

struct inno_db {
	sqlite3 *h;
	struct lookup *lookups;
	char *path;
	char *program;
	const struct inno_config *cfg;
	int readonly;
	int in_tx;
	struct cached cache[CACHE_MAX];
	size_t ncache;
	size_t next_evict;
	char user[64];
	uid_t uid;
};

/*
 * Maps a result code to an error class: the lock is EBUSY, a rule the
 * schema enforces is EINPUT, the rest is a system error.
 */
static const struct inno_error *
db_error(struct inno_db *db, int rc, const char *what)
{
	const char *msg = db != NULL && db->h != NULL ? sqlite3_errmsg(db->h) :
	    sqlite3_errstr(rc);
	const char *path = db != NULL && db->path != NULL ? db->path : "";
	int e, saved = errno;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return inno_error(INNO_EBUSY, "%s: database is busy (another "
		    "program is writing); nothing was written, try again",
		    path);
	case SQLITE_CONSTRAINT:
		return inno_error(INNO_EINPUT, "%s: %s", what, msg);
	case SQLITE_READONLY:
		return inno_error(INNO_ESYS, "%s: database is read-only (%s)",
		    path, msg);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return inno_error(INNO_ESYS, "%s: database is damaged or not "
		    "an inno database (%s)", path, msg);
	case SQLITE_FULL:
		return inno_error(INNO_ESYS, "%s: disk full; nothing was "
		    "written", path);
	case SQLITE_IOERR:
		/* Say which system error it was: EFBIG, EIO, EACCES... */
		e = db != NULL && db->h != NULL ? sqlite3_system_errno(db->h) :
		    0;
		/*
		 * A failed COMMIT rolls back before it returns, which can
		 * clear SQLite's record of the error; errno still has it.
		 */
		if (e == 0 && (saved == ENOSPC || saved == EFBIG ||
		    saved == EDQUOT))
			e = saved;
		if (e == ENOSPC || e == EFBIG || e == EDQUOT)
			return inno_error(INNO_ESYS, "%s: disk full (%s); "
			    "nothing was written", path, strerror(e));
		if (e != 0)
			return inno_error(INNO_ESYS, "%s: %s: %s (%s)", path,
			    what, msg, strerror(e));
		return inno_error(INNO_ESYS, "%s: %s: %s", path, what, msg);
	case SQLITE_NOMEM:
		return inno_error_nomem();
	default:
		return inno_error(INNO_ESYS, "%s: %s: %s", path, what, msg);
	}
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

/* Whether path is the default location, whose directories we may create. */
static int
is_default_path(const char *path)
{
	int saved = errno, same;
	char *def = default_path();

	same = def != NULL && strcmp(def, path) == 0;
	free(def);
	errno = saved;
	return same;
}

const struct inno_error *
inno_db_path(const struct inno_config *cfg, const char *explicit_path,
    char **path)
{
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
		return inno_error(INNO_EUSAGE, "no database: give -d FILE or "
		    "set INNO_DB");
	if (*v == '\0')
		return inno_error(INNO_EUSAGE, "empty database path");
	*path = strdup(v);
	return *path == NULL ? inno_error_nomem() : NULL;
}

/* Creates the directories above path, as for the default location. */
static const struct inno_error *
make_parents(const char *path)
{
	char *p, *s;

	if ((p = strdup(path)) == NULL)
		return inno_error_nomem();
	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST) {
			const struct inno_error *err = inno_error_errno("%s", p);
			free(p);
			return err;
		}
		*s = '/';
	}
	free(p);
	return NULL;
}

/*
 * Creates the database file with mode 0660, whatever the umask: it holds
 * personal data, so it is never world-readable, and the office's group
 * shares it.
 */
static const struct inno_error *
create_file(const char *path, int *created)
{
	const struct inno_error *err;
	int fd;

	*created = 0;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0660);
	/*
	 * Only the default location gets its directories made: a directory
	 * missing from a path given with -d, $INNO_DB or the configuration
	 * is a typing mistake, and creating it would hide the mistake.
	 */
	if (fd == -1 && errno == ENOENT && is_default_path(path)) {
		if ((err = make_parents(path)) != NULL)
			return err;
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0660);
	}
	if (fd == -1) {
		if (errno == EEXIST)
			return NULL;
		return inno_error_errno("%s", path);
	}
	*created = 1;
	if (fchmod(fd, 0660) == -1) {
		err = inno_error_errno("%s", path);
		close(fd);
		unlink(path);
		return err;
	}
	close(fd);
	return NULL;
}

int
inno_db_schema_version(void)
{
	return inno_nmigrations;
}

int
inno_db_user_version(struct inno_db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * One side of the schema comparison: every object of the connection's
 * schema but SQLite's own (sqlite_sequence, sqlite_stat1, the automatic
 * indexes, which follow from the tables), sorted by type and name, with
 * its SQL squeezed: runs of white space become one space.
 */
struct schema_side {
	sqlite3_stmt *st;
	char *sql;
	int row;
};

static int
schema_next(struct schema_side *s)
{
	const unsigned char *p;
	char *q;
	int space = 0;

	free(s->sql);
	s->sql = NULL;
	if ((s->row = sqlite3_step(s->st)) != SQLITE_ROW)
		return s->row == SQLITE_DONE ? SQLITE_OK : s->row;
	p = sqlite3_column_text(s->st, 2);
	if (p == NULL)
		p = (const unsigned char *)"";
	if ((q = s->sql = malloc(strlen((const char *)p) + 1)) == NULL)
		return SQLITE_NOMEM;
	for (; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f' || *p == '\v') {
			space = q != s->sql;
			continue;
		}
		if (space)
			*q++ = ' ';
		space = 0;
		*q++ = (char)*p;
	}
	*q = '\0';
	return SQLITE_OK;
}

/*
 * Builds the schema the file's version should have by applying the
 * compiled migrations up to it to a private in-memory database, and walks
 * both schemas side by side.  The file is only read, so this works on a
 * read-only copy too.
 */
const struct inno_error *
inno_db_schema_diff(struct inno_db *db, void (*fn)(void *,
    const struct inno_schema_diff *), void *arg)
{
	static const char list[] = "SELECT type, name, sql FROM sqlite_master "
	    "WHERE substr(name, 1, 7) <> 'sqlite_' ORDER BY type, name";
	const struct inno_error *err = NULL;
	struct schema_side live = { NULL, NULL, 0 }, ref = { NULL, NULL, 0 };
	struct inno_schema_diff x;
	sqlite3 *h = NULL;
	char *msg = NULL;
	int v, i, rc, cmp;

	if ((v = inno_db_user_version(db)) < 0)
		return db_error(db, sqlite3_errcode(db->h), "reading schema");
	if (v > inno_nmigrations)
		v = inno_nmigrations;
	if ((rc = sqlite3_open_v2(":memory:", &h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL)) != SQLITE_OK) {
		err = rc == SQLITE_NOMEM ? inno_error_nomem() : inno_error(
		    INNO_ESYS, "reference schema: %s", sqlite3_errstr(rc));
		goto done;
	}
	for (i = 0; i < v; i++)
		if (sqlite3_exec(h, inno_migrations[i], NULL, NULL, &msg) !=
		    SQLITE_OK) {
			err = inno_error(INNO_ESYS, "reference schema: migration "
			    "%d: %s", i + 1, msg != NULL ? msg : "failed");
			goto done;
		}
	if (sqlite3_prepare_v2(db->h, list, -1, &live.st, NULL) != SQLITE_OK) {
		err = db_error(db, sqlite3_errcode(db->h), "reading schema");
		goto done;
	}
	if ((rc = sqlite3_prepare_v2(h, list, -1, &ref.st, NULL)) != SQLITE_OK) {
		err = inno_error(INNO_ESYS, "reference schema: %s",
		    sqlite3_errmsg(h));
		goto done;
	}
	if ((rc = schema_next(&live)) != SQLITE_OK ||
	    (rc = schema_next(&ref)) != SQLITE_OK)
		goto step_error;
	while (live.row == SQLITE_ROW || ref.row == SQLITE_ROW) {
		if (live.row != SQLITE_ROW)
			cmp = 1;
		else if (ref.row != SQLITE_ROW)
			cmp = -1;
		else if ((cmp = strcmp((const char *)sqlite3_column_text(
		    live.st, 0), (const char *)sqlite3_column_text(ref.st,
		    0))) == 0)
			cmp = strcmp((const char *)sqlite3_column_text(live.st,
			    1), (const char *)sqlite3_column_text(ref.st, 1));
		x.type = (const char *)sqlite3_column_text(cmp <= 0 ? live.st :
		    ref.st, 0);
		x.name = (const char *)sqlite3_column_text(cmp <= 0 ? live.st :
		    ref.st, 1);
		x.live = cmp <= 0 ? live.sql : NULL;
		x.ref = cmp >= 0 ? ref.sql : NULL;
		if (cmp != 0 || strcmp(live.sql, ref.sql) != 0)
			fn(arg, &x);
		if (cmp <= 0 && (rc = schema_next(&live)) != SQLITE_OK)
			goto step_error;
		if (cmp >= 0 && (rc = schema_next(&ref)) != SQLITE_OK)
			goto step_error;
	}
	goto done;
step_error:
	err = rc == SQLITE_NOMEM ? inno_error_nomem() : db_error(db, rc,
	    "reading schema");
done:
	free(live.sql);
	free(ref.sql);
	sqlite3_finalize(live.st);
	sqlite3_finalize(ref.st);
	sqlite3_free(msg);
	sqlite3_close(h);
	return err;
}

/* Applies the migrations the file lacks, in one transaction. */
static const struct inno_error *
migrate(struct inno_db *db)
{
	const struct inno_error *err;
	char sql[64];
	int v, i;

	if ((v = inno_db_user_version(db)) < 0)
		return db_error(db, sqlite3_errcode(db->h), "reading schema");
	if (v > inno_nmigrations)
		return inno_error(INNO_EUSAGE, "%s: schema version %d is newer "
		    "than this program knows (%d); upgrade inno", db->path, v,
		    inno_nmigrations);
	if (v == inno_nmigrations)
		return NULL;
	if (db->readonly)
		return inno_error(INNO_ESYS, "%s: schema version %d needs an "
		    "upgrade to %d, but the database is read-only", db->path,
		    v, inno_nmigrations);
	if ((err = inno_db_begin(db)) != NULL)
		return err;
	/* Another process may have migrated while we waited for the lock. */
	v = inno_db_user_version(db);
	for (i = v; i < inno_nmigrations; i++) {
		if ((err = inno_db_exec(db, inno_migrations[i])) != NULL) {
			inno_db_rollback(db);
			return inno_error(err->code, "%s: migration %d: %s",
			    db->path, i + 1, err->msg);
		}
	}
	if (v < inno_nmigrations) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
		    inno_nmigrations);
		if ((err = inno_db_exec(db, sql)) != NULL ||
		    (err = inno_audit(db, "migrate", NULL, -1, -1,
		    "schema %d to %d", v, inno_nmigrations)) != NULL) {
			inno_db_rollback(db);
			return err;
		}
	}
	return inno_db_commit(db);
}

const struct inno_error *
inno_db_open(struct inno_db **dbp, const char *path, enum inno_db_mode mode,
    const struct inno_config *cfg, const char *program)
{
	const struct inno_error *err = NULL;
	struct inno_db *db;
	struct passwd *pw;
	struct stat sb;
	int64_t timeout;
	int flags, rc, created = 0;
	char *pragmas = NULL;
	const char *sync;

	*dbp = NULL;
	if ((err = inno_config_int(cfg, "database:busy_timeout", 5000, 0,
	    3600000, &timeout)) != NULL)
		return err;
	sync = inno_config_str(cfg, "database:synchronous", "full");
	if (strcmp(sync, "full") != 0 && strcmp(sync, "normal") != 0)
		return inno_error(INNO_EUSAGE, "%s: database:synchronous = "
		    "\"%s\": expected full or normal",
		    inno_config_origin(cfg, "database:synchronous"), sync);
	if ((db = calloc(1, sizeof *db)) == NULL)
		return inno_error_nomem();
	db->cfg = cfg;
	if ((db->path = strdup(path)) == NULL ||
	    (db->program = strdup(program)) == NULL) {
		err = inno_error_nomem();
		goto fail;
	}
	db->uid = getuid();
	if ((pw = getpwuid(db->uid)) != NULL)
		snprintf(db->user, sizeof db->user, "%s", pw->pw_name);
	else
		snprintf(db->user, sizeof db->user, "uid %u",
		    (unsigned)db->uid);

	if (mode == INNO_DB_WRITE) {
		if ((err = create_file(path, &created)) != NULL)
			goto fail;
		flags = SQLITE_OPEN_READWRITE;
	} else {
		if (stat(path, &sb) == -1) {
			if (errno == ENOENT)
				err = inno_error(INNO_EUSAGE, "%s: no such "
				    "database (a program that writes creates "
				    "it)", path);
			else
				err = inno_error_errno("%s", path);
			goto fail;
		}
		flags = access(path, W_OK) == 0 ? SQLITE_OPEN_READWRITE :
		    SQLITE_OPEN_READONLY;
	}
	flags |= SQLITE_OPEN_NOMUTEX;
	rc = sqlite3_open_v2(path, &db->h, flags, NULL);
	if (rc != SQLITE_OK) {
		err = db_error(db, rc, "opening");
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 0);
	db->readonly = sqlite3_db_readonly(db->h, "main") == 1;
	sqlite3_busy_timeout(db->h, (int)timeout);
	pragmas = inno_strf("PRAGMA foreign_keys = ON; PRAGMA synchronous = "
	    "%s;%s", sync, db->readonly ? "" :
	    " PRAGMA journal_mode = WAL;");
	if (pragmas == NULL) {
		err = inno_error_nomem();
		goto fail;
	}
	if ((err = inno_db_exec(db, pragmas)) != NULL)
		goto fail;
	if ((err = migrate(db)) != NULL)
		goto fail;
	if ((err = inno_staff_functions(db)) != NULL)
		goto fail;
	free(pragmas);
	*dbp = db;
	return NULL;
fail:
	free(pragmas);
	inno_db_close(db);
	if (created)
		unlink(path);
	return err;
}

void
inno_db_close(struct inno_db *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < db->ncache; i++) {
		sqlite3_finalize(db->cache[i].stmt->st);
		free(db->cache[i].stmt);
		free(db->cache[i].sql);
	}
	while (db->lookups != NULL) {
		struct lookup *l = db->lookups;

		db->lookups = l->next;
		sqlite3_finalize(l->st);
		free(l);
	}
	if (db->in_tx)
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db->h);
	free(db->path);
	free(db->program);
	free(db);
}

const struct inno_error *
inno_db_exec(struct inno_db *db, const char *sql)
{
	int rc;

	rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_error(db, rc, "executing SQL");
	return NULL;
}

const struct inno_error *
inno_db_begin(struct inno_db *db)
{
	const struct inno_error *err;

	if (db->readonly)
		return inno_error(INNO_ESYS, "%s: database is read-only "
		    "(check the file's permissions)", db->path);
	if ((err = inno_db_exec(db, "BEGIN IMMEDIATE")) != NULL)
		return err;
	db->in_tx = 1;
	return NULL;
}

const struct inno_error *
inno_db_begin_read(struct inno_db *db)
{
	const struct inno_error *err;

	if ((err = inno_db_exec(db, "BEGIN")) != NULL)
		return err;
	db->in_tx = 1;
	return NULL;
}

const struct inno_error *
inno_db_commit(struct inno_db *db)
{
	const struct inno_error *err;

	if ((err = inno_db_exec(db, "COMMIT")) != NULL) {
		inno_db_rollback(db);
		return err;
	}
	db->in_tx = 0;
	return NULL;
}

void
inno_db_rollback(struct inno_db *db)
{
	size_t i;

	/* Reset cached statements first: a pending read blocks ROLLBACK. */
	for (i = 0; i < db->ncache; i++)
		sqlite3_reset(db->cache[i].stmt->st);
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db->in_tx = 0;
}

/* Runs a lookup's statement with the call's arguments: its first value. */
static void
lookup_call(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct lookup *l = sqlite3_user_data(ctx);
	int i, rc;

	for (i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
		sqlite3_bind_value(l->st, i + 1, argv[i]);
	}
	rc = sqlite3_step(l->st);
	if (rc == SQLITE_ROW)
		sqlite3_result_value(ctx, sqlite3_column_value(l->st, 0));
	else if (rc == SQLITE_DONE)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_error_code(ctx, rc);
	sqlite3_reset(l->st);
}

const struct inno_error *
inno_db_define(struct inno_db *db, const char *name, int nargs,
    const char *sql)
{
	struct lookup *l;
	int rc;

	if ((l = calloc(1, sizeof *l)) == NULL)
		return inno_error_nomem();
	l->db = db;
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &l->st, NULL);
	if (rc != SQLITE_OK) {
		free(l);
		return db_error(db, rc, "preparing SQL");
	}
	l->next = db->lookups;
	db->lookups = l;
	rc = sqlite3_create_function_v2(db->h, name, nargs, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, l, lookup_call, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_error(db, rc, "defining a function");
	return NULL;
}

const struct inno_error *
inno_db_prepare(struct inno_db *db, struct inno_stmt **stp, const char *sql)
{
	struct inno_stmt *s;
	struct cached *c;
	sqlite3_stmt *st;
	size_t i;
	int rc;

	for (i = 0; i < db->ncache; i++) {
		if (db->cache[i].sql == sql ||
		    strcmp(db->cache[i].sql, sql) == 0) {
			s = db->cache[i].stmt;
			sqlite3_reset(s->st);
			sqlite3_clear_bindings(s->st);
			*stp = s;
			return NULL;
		}
	}
	rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_error(db, rc, "preparing SQL");
	if ((s = malloc(sizeof *s)) == NULL) {
		sqlite3_finalize(st);
		return inno_error_nomem();
	}
	s->st = st;
	s->db = db;
	if (db->ncache < CACHE_MAX)
		c = &db->cache[db->ncache++];
	else {
		c = &db->cache[db->next_evict];
		db->next_evict = (db->next_evict + 1) % CACHE_MAX;
		sqlite3_finalize(c->stmt->st);
		free(c->stmt);
		free(c->sql);
	}
	c->stmt = s;
	if ((c->sql = strdup(sql)) == NULL) {
		/* Keep the slot consistent: an empty key never matches. */
		c->sql = NULL;
		sqlite3_finalize(st);
		free(s);
		db->ncache--;
		return inno_error_nomem();
	}
	*stp = s;
	return NULL;
}

const struct inno_error *
inno_stmt_bind_int(struct inno_stmt *s, int idx, int64_t v)
{
	int rc = sqlite3_bind_int64(s->st, idx, v);

	return rc == SQLITE_OK ? NULL : db_error(s->db, rc, "binding");
}

const struct inno_error *
inno_stmt_bind_text(struct inno_stmt *s, int idx, const char *t, int len)
{
	int rc;

	if (t == NULL)
		rc = sqlite3_bind_null(s->st, idx);
	else
		rc = sqlite3_bind_text(s->st, idx, t, len, SQLITE_TRANSIENT);
	return rc == SQLITE_OK ? NULL : db_error(s->db, rc, "binding");
}

const struct inno_error *
inno_stmt_bind_null(struct inno_stmt *s, int idx)
{
	int rc = sqlite3_bind_null(s->st, idx);

	return rc == SQLITE_OK ? NULL : db_error(s->db, rc, "binding");
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
			return inno_error(INNO_ESYS, "bad bind type '%c'",
			    types[idx - 1]);
		}
	}
	return err;
}

const struct inno_error *
inno_stmt_step(struct inno_stmt *s, int *row)
{
	int rc = sqlite3_step(s->st);

	if (rc == SQLITE_ROW) {
		*row = 1;
		return NULL;
	}
	*row = 0;
	if (rc == SQLITE_DONE)
		return NULL;
	rc = sqlite3_reset(s->st);
	return db_error(s->db, rc, "running SQL");
}

void
inno_stmt_reset(struct inno_stmt *s)
{
	sqlite3_reset(s->st);
}

int
inno_stmt_ncols(struct inno_stmt *s)
{
	return sqlite3_column_count(s->st);
}

const char *
inno_stmt_colname(struct inno_stmt *s, int col)
{
	const char *n = sqlite3_column_name(s->st, col);

	return n != NULL ? n : "";
}

int
inno_stmt_isnull(struct inno_stmt *s, int col)
{
	return sqlite3_column_type(s->st, col) == SQLITE_NULL;
}

int
inno_stmt_isnum(struct inno_stmt *s, int col)
{
	switch (sqlite3_column_type(s->st, col)) {
	case SQLITE_INTEGER:
		return 1;
	case SQLITE_FLOAT:
		return 2;
	default:
		return 0;
	}
}

int64_t
inno_stmt_int(struct inno_stmt *s, int col)
{
	return sqlite3_column_int64(s->st, col);
}

const char *
inno_stmt_text(struct inno_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s->st, col);

	return t != NULL ? (const char *)t : "";
}

int
inno_stmt_bytes(struct inno_stmt *s, int col)
{
	return sqlite3_column_bytes(s->st, col);
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

int64_t
inno_db_last_id(struct inno_db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

int64_t
inno_db_changes(struct inno_db *db)
{
	return sqlite3_changes(db->h);
}

const char *
inno_db_program(struct inno_db *db)
{
	return db->program;
}

const struct inno_config *
inno_db_config(struct inno_db *db)
{
	return db->cfg;
}

const char *
inno_db_user(struct inno_db *db, int64_t *uid)
{
	*uid = (int64_t)db->uid;
	return db->user;
}
