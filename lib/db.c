/*
 * db.c: the database.  This is the only file that calls sqlite3_*: it opens
 * and creates the file, applies the numbered migrations compiled in from
 * share/schema, caches prepared statements, maps SQLite's result codes onto
 * inno's exit-status classes, and compares the file's schema with the
 * migrations' (the audit trail itself is audit.c's).
 */
#include <sys/stat.h>

#include <assert.h>
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
#include "i18n.h"

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
 * the statement that calls it is being stepped.  The statement is prepared
 * at the function's first call: a program uses few of the lookups every
 * program defines, and one award should not prepare them all.
 */
struct lookup {
	struct inno_db *db;
	sqlite3_stmt *st;
	char *name;		/* kept to define it on a new connection */
	char *sql;
	int nargs;
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
	int64_t timeout;	/* the busy timeout, in milliseconds */
	int64_t busy_since;	/* when the current wait began */
	const char *sync;	/* "full" or "normal" */
	/*
	 * A new database (see inno_db_open): the private file it is built in
	 * until its first commit links it into place, and the creation lock
	 * held meanwhile (-1 when none).
	 */
	char *tmp_path;
	char *lock_path;
	int lock_fd;
	int64_t changes_at_open;
	int64_t last_id;	/* the last insert before publish */
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
		return inno_error_code(INNO_EBUSY, INNO_E_BUSY, _("%s: "
		    "database is busy (another program is writing); nothing "
		    "was written, try again"), path);
	case SQLITE_CONSTRAINT:
		return inno_error_code(INNO_EINPUT, INNO_E_CONSTRAINT, "%s: %s",
		    what, msg);
	case SQLITE_READONLY:
		return inno_error_code(INNO_ESYS, INNO_E_PERM, _("%s: database "
		    "is read-only (%s)"), path, msg);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return inno_error_code(INNO_ESYS, INNO_E_CORRUPT, _("%s: "
		    "database is damaged or not an inno database (%s)"), path,
		    msg);
	case SQLITE_FULL:
		return inno_error_code(INNO_ESYS, INNO_E_FULL, _("%s: disk "
		    "full; nothing was written"), path);
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
			return inno_error_code(INNO_ESYS, INNO_E_FULL,
			    _("%s: disk full (%s); nothing was written"), path,
			    strerror(e));
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
		return inno_error(INNO_EUSAGE,
		    _("no database: give -d FILE or set INNO_DB"));
	if (*v == '\0')
		return inno_error(INNO_EUSAGE, _("empty database path"));
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

static void lookup_call(sqlite3_context *, int, sqlite3_value **);

/* Milliseconds on a clock that never jumps, for waiting. */
static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Sleeps a little longer each try, up to 5 ms: writers hold the lock for a
 * few milliseconds, so a waiter that slept longer would mostly wait for
 * nothing.
 */
static void
nap(int tries)
{
	struct timespec ts = { 0, (long)(tries < 4 ? tries + 1 : 5) *
	    1000000L };

	nanosleep(&ts, NULL);
}

/*
 * Lets go of the creation lock: the file is unlinked while still locked,
 * so a process waiting on it finds, once it has the lock, that the name
 * now leads elsewhere and starts again (take_lock).
 */
static void
release_lock(struct inno_db *db)
{
	if (db->lock_fd == -1)
		return;
	unlink(db->lock_path);
	close(db->lock_fd);
	db->lock_fd = -1;
}

/*
 * Takes the creation lock, PATH.lock, waiting up to the busy timeout.
 * Every inno program that finds the database missing or empty takes it
 * before looking again, so a new database is built by one process at a
 * time and the others find it built.  The lock is an fcntl lock on a file
 * of its own, not SQLite's, because the database file does not exist yet.
 */
static const struct inno_error *
take_lock(struct inno_db *db)
{
	struct flock fl;
	struct stat a, b;
	int64_t deadline = now_ms() + db->timeout;
	int fd = -1, tries = 0;

	if ((db->lock_path = inno_strf("%s.lock", db->path)) == NULL)
		return inno_error_nomem();
	for (;;) {
		/* The user named the database, so errors name it too. */
		if (fd == -1 && (fd = open(db->lock_path, O_RDWR | O_CREAT,
		    0660)) == -1)
			return inno_error_errno("%s", db->path);
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fcntl(fd, F_SETLK, &fl) == 0) {
			/* Locked: but is it still the file of that name? */
			if (fstat(fd, &a) == 0 &&
			    stat(db->lock_path, &b) == 0 &&
			    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
				db->lock_fd = fd;
				return NULL;
			}
			close(fd);
			fd = -1;
			continue;
		}
		if (errno != EACCES && errno != EAGAIN) {
			const struct inno_error *err = inno_error_errno("%s",
			    db->lock_path);
			close(fd);
			return err;
		}
		if (now_ms() >= deadline) {
			close(fd);
			return inno_error_code(INNO_EBUSY, INNO_E_BUSY, _("%s: "
			    "another program is creating the database; nothing "
			    "was written, try again"), db->path);
		}
		nap(tries++);
	}
}

/*
 * SQLite's busy handler: waits in naps of at most 5 ms until the busy
 * timeout has passed since the first try (count 0).  SQLite's own handler
 * sleeps up to 100 ms at a time, so that of sixteen writers started at
 * once the last ones slept far longer than the lock was held.
 */
static int
busy_wait(void *arg, int count)
{
	struct inno_db *db = arg;

	if (count == 0)
		db->busy_since = now_ms();
	else if (now_ms() - db->busy_since >= db->timeout)
		return 0;
	nap(count);
	return 1;
}

/* Makes the configured journal and sync settings on a new connection. */
static const struct inno_error *
set_pragmas(struct inno_db *db)
{
	const struct inno_error *err;
	char *sql;

	sqlite3_extended_result_codes(db->h, 0);
	sqlite3_busy_handler(db->h, busy_wait, db);
	if ((sql = inno_strf("PRAGMA foreign_keys = ON; PRAGMA synchronous = "
	    "%s;", db->sync)) == NULL)
		return inno_error_nomem();
	err = inno_db_exec(db, sql);
	free(sql);
	return err;
}

/*
 * Switches the file to write-ahead logging, so readers never wait for a
 * writer.  SQLite answers SQLITE_BUSY at once, without calling the busy
 * handler, while another connection has the file open in a transaction,
 * so the switch is retried here for as long as the busy timeout allows.
 * The mode is stored in the file: once one process has switched, the
 * others find it switched.
 */
static const struct inno_error *
wal_mode(struct inno_db *db)
{
	int64_t deadline = now_ms() + db->timeout;
	int rc, tries = 0;

	for (;;) {
		rc = sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL,
		    NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			break;
		if (now_ms() >= deadline)
			break;
		nap(tries++);
	}
	return rc == SQLITE_OK ? NULL : db_error(db, rc, _("switching to WAL"));
}

/* Opens db->h on path with flags and the connection settings. */
static const struct inno_error *
db_connect(struct inno_db *db, const char *path, int flags)
{
	int rc;

	rc = sqlite3_open_v2(path, &db->h, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return db_error(db, rc, _("opening"));
	db->readonly = sqlite3_db_readonly(db->h, "main") == 1;
	return set_pragmas(db);
}

/* Syncs the directory holding path, so a new name in it is on disk. */
static const struct inno_error *
sync_dir(const char *path)
{
	const struct inno_error *err = NULL;
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (slash == NULL)
		dir = strdup(".");
	else if (slash == path)
		dir = strdup("/");
	else
		dir = inno_strf("%.*s", (int)(slash - path), path);
	if (dir == NULL)
		return inno_error_nomem();
	if ((fd = open(dir, O_RDONLY)) == -1 || fsync(fd) == -1)
		err = inno_error_errno("%s", dir);
	if (fd != -1)
		close(fd);
	free(dir);
	return err;
}

/* Finalises every statement of the connection, keeping their SQL. */
static void
finalize_all(struct inno_db *db)
{
	struct lookup *l;
	size_t i;

	for (i = 0; i < db->ncache; i++) {
		sqlite3_finalize(db->cache[i].stmt->st);
		db->cache[i].stmt->st = NULL;
	}
	for (l = db->lookups; l != NULL; l = l->next) {
		sqlite3_finalize(l->st);
		l->st = NULL;
	}
}

/*
 * Prepares the kept statements and defines the kept functions again, on
 * the connection that replaced the one they were made on.
 */
static const struct inno_error *
prepare_all(struct inno_db *db)
{
	struct lookup *l;
	size_t i;
	int rc;

	for (i = 0; i < db->ncache; i++) {
		rc = sqlite3_prepare_v2(db->h, db->cache[i].sql, -1,
		    &db->cache[i].stmt->st, NULL);
		if (rc != SQLITE_OK)
			return db_error(db, rc, _("preparing SQL"));
	}
	for (l = db->lookups; l != NULL; l = l->next) {
		rc = sqlite3_create_function_v2(db->h, l->name, l->nargs,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC, l, lookup_call, NULL,
		    NULL, NULL);
		if (rc != SQLITE_OK)
			return db_error(db, rc, _("defining a function"));
	}
	return NULL;
}

/* Removes the private file of a new database, and what SQLite kept beside. */
static void
remove_tmp(struct inno_db *db)
{
	char *p;

	if (db->tmp_path == NULL)
		return;
	unlink(db->tmp_path);
	if ((p = inno_strf("%s-wal", db->tmp_path)) != NULL) {
		unlink(p);
		free(p);
	}
	if ((p = inno_strf("%s-shm", db->tmp_path)) != NULL) {
		unlink(p);
		free(p);
	}
	free(db->tmp_path);
	db->tmp_path = NULL;
}

/*
 * Builds a new database in a private file beside path, PATH.new-XXXXXX
 * (mode 0660, whatever the umask: it holds personal data, so it is never
 * world-readable, and the office's group shares it), and connects to it.
 * No other process knows the name, so the schema and the switch to WAL
 * meet no one; the file takes its real name only when the first write
 * commits (publish), so a writer refused for its usage or its input
 * leaves no database behind.
 */
static const struct inno_error *
build_new(struct inno_db *db)
{
	const struct inno_error *err;
	int fd;

	if ((db->tmp_path = inno_strf("%s.new-XXXXXX", db->path)) == NULL)
		return inno_error_nomem();
	if ((fd = mkstemp(db->tmp_path)) == -1) {
		err = inno_error_errno("%s", db->path);
		free(db->tmp_path);
		db->tmp_path = NULL;
		return err;
	}
	if (fchmod(fd, 0660) == -1) {
		err = inno_error_errno("%s", db->tmp_path);
		close(fd);
		return err;
	}
	close(fd);
	if ((err = db_connect(db, db->tmp_path, SQLITE_OPEN_READWRITE)) != NULL)
		return err;
	/*
	 * Until it is published the file is no one else's, so it keeps its
	 * rollback journal in memory and its pages are written once, into
	 * the file itself: with WAL from the start, the first batch (the
	 * whole organisation, say) went to the log and was then copied into
	 * the file.  The journal holds only pages the file had before a
	 * transaction, the schema's, whatever the batch's size.  publish
	 * switches to WAL before the file takes its name.
	 */
	return inno_db_exec(db, "PRAGMA journal_mode = MEMORY");
}

/*
 * Gives a new database its name, after its first commit: switches the
 * private file to WAL (its commits so far went into the file itself, see
 * build_new, so it holds every committed page), closes it, links it to
 * the real path (link never replaces a file, unlike rename), and connects
 * again there, with the same statements and functions.  Done under the
 * creation lock, so no inno program can have made the path meanwhile.
 */
static const struct inno_error *
publish(struct inno_db *db)
{
	const struct inno_error *err;
	int rc;

	assert(db->tmp_path != NULL && !db->in_tx);
	db->last_id = sqlite3_last_insert_rowid(db->h);
	/* No statement may be open on the file when its journal changes. */
	finalize_all(db);
	if ((err = wal_mode(db)) != NULL)
		return err;
	if ((rc = sqlite3_close(db->h)) != SQLITE_OK)
		return db_error(db, rc, _("closing the new database"));
	db->h = NULL;
	if (link(db->tmp_path, db->path) == -1) {
		if (errno == EEXIST)
			return inno_error_code(INNO_EBUSY, INNO_E_BUSY, _("%s: "
			    "created by another program meanwhile; nothing was "
			    "written, try again"), db->path);
		/* A file system without hard links: rename, as we hold
		 * the lock and the name was free. */
		if ((errno != EPERM && errno != ENOTSUP && errno != EMLINK) ||
		    access(db->path, F_OK) == 0 ||
		    rename(db->tmp_path, db->path) == -1)
			return inno_error_errno("%s", db->path);
	}
	if ((err = sync_dir(db->path)) != NULL)
		return err;
	remove_tmp(db);
	release_lock(db);
	if ((err = db_connect(db, db->path, SQLITE_OPEN_READWRITE)) != NULL)
		return err;
	return prepare_all(db);
}

/*
 * Whether readers must open the file as immutable: SQLite reads a WAL
 * database only through its -shm index, which it cannot create in a
 * directory it may not write (a snapshot, an analyst's read-only copy).
 * With no -wal file beside it every committed page is in the database
 * file itself, and a writer would first have to make a -wal file in that
 * directory, which only a user with more rights could; so the file is
 * read as immutable, without the index or locks.  A -wal file means pages
 * still to read from it (or a writer at work), and then SQLite must open
 * it normally, which it can when the -shm index is there too.
 */
static int
needs_immutable(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *wal;
	int writable, has_wal;

	if (slash == NULL)
		dir = strdup(".");
	else if (slash == path)
		dir = strdup("/");
	else
		dir = inno_strf("%.*s", (int)(slash - path), path);
	wal = inno_strf("%s-wal", path);
	if (dir == NULL || wal == NULL) {
		free(dir);
		free(wal);
		return 0;
	}
	writable = access(dir, W_OK) == 0;
	has_wal = access(wal, F_OK) == 0;
	free(dir);
	free(wal);
	return !writable && !has_wal;
}

/* The URI that opens path as immutable, characters escaped as URIs need. */
static char *
immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path), i, j = 0;
	char *u = malloc(n * 3 + sizeof "file:?immutable=1");

	if (u == NULL)
		return NULL;
	memcpy(u, "file:", 5);
	j = 5;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/._-~", c) != NULL)
			u[j++] = (char)c;
		else {
			u[j++] = '%';
			u[j++] = hex[c >> 4];
			u[j++] = hex[c & 15];
		}
	}
	memcpy(u + j, "?immutable=1", sizeof "?immutable=1");
	return u;
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

static const struct inno_error *commit(struct inno_db *);

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
		return db_error(db, sqlite3_errcode(db->h),
		    _("reading schema"));
	if (v > inno_nmigrations)
		return inno_error_code(INNO_EUSAGE, INNO_E_CORRUPT,
		    _("%s: schema version %d is newer than this program knows "
		    "(%d); upgrade inno"), db->path, v, inno_nmigrations);
	if (v == inno_nmigrations)
		return NULL;
	if (db->readonly)
		return inno_error(INNO_ESYS, _("%s: schema version %d needs an "
		    "upgrade to %d, but the database is read-only"), db->path,
		    v, inno_nmigrations);
	find_user(db);
	if ((err = inno_db_begin(db)) != NULL)
		return err;
	/* Another process may have migrated while we waited for the lock. */
	v = inno_db_user_version(db);
	for (i = v; i < inno_nmigrations; i++) {
		if ((err = inno_db_exec(db, inno_migrations[i])) != NULL) {
			inno_db_rollback(db);
			return inno_error_wrap(err, _("%s: migration %d: %s"),
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
	return commit(db);
}

/*
 * Opens a database for writing.  A file that exists and is not empty is
 * opened as it is.  A missing or empty one is new: its creator takes the
 * creation lock and looks again, so that of many programs started at once
 * on a new path one builds the database and the others wait and open what
 * it built.  A missing file is built privately (build_new) and linked into
 * place at the first commit; nothing ever unlinks a database another
 * process may have opened.  An empty file (made by an administrator with
 * the owner and mode the office wants) is given its schema in place, under
 * the lock.
 */
static const struct inno_error *
open_write(struct inno_db *db)
{
	const struct inno_error *err;
	struct stat sb;
	int held = 0;

	for (;;) {
		if (stat(db->path, &sb) == 0) {
			if (sb.st_size > 0 || !S_ISREG(sb.st_mode) || held)
				break;
		} else if (errno != ENOENT)
			return inno_error_errno("%s", db->path);
		else if (held)
			return build_new(db);
		/*
		 * Only the default location gets its directories made: a
		 * directory missing from a path given with -d, $INNO_DB or
		 * the configuration is a typing mistake, and creating it
		 * would hide the mistake.
		 */
		else if (is_default_path(db->path) &&
		    (err = make_parents(db->path)) != NULL)
			return err;
		if ((err = take_lock(db)) != NULL)
			return err;
		held = 1;
	}
	if ((err = db_connect(db, db->path, SQLITE_OPEN_READWRITE)) != NULL)
		return err;
	if (!db->readonly && (err = wal_mode(db)) != NULL)
		return err;
	return NULL;
}

/*
 * Opens a database for reading: it must exist and hold something.  A file
 * the program may write is opened for writing (a reader may have to apply
 * a migration); one it may not, read-only, and as immutable when SQLite
 * could not otherwise read it (needs_immutable).
 */
static const struct inno_error *
open_read(struct inno_db *db)
{
	const struct inno_error *err;
	struct stat sb;
	char *uri;
	int missing = 0;

	if (stat(db->path, &sb) == -1) {
		if (errno != ENOENT)
			return inno_error_errno("%s", db->path);
		missing = 1;
	}
	/* An empty file is a database no one has written yet. */
	if (missing || (S_ISREG(sb.st_mode) && sb.st_size == 0))
		return inno_error_code(INNO_EUSAGE, INNO_E_NOTFOUND, _("%s: no "
		    "such database (a program that writes creates it)"),
		    db->path);
	if (needs_immutable(db->path)) {
		if ((uri = immutable_uri(db->path)) == NULL)
			return inno_error_nomem();
		err = db_connect(db, uri, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI);
		free(uri);
		return err;
	}
	if (access(db->path, W_OK) == 0) {
		if ((err = db_connect(db, db->path, SQLITE_OPEN_READWRITE)) !=
		    NULL)
			return err;
		return db->readonly ? NULL : wal_mode(db);
	}
	return db_connect(db, db->path, SQLITE_OPEN_READONLY);
}

/*
 * SQLite's page caches start with a bulk allocation of 20 pages, and
 * SQLite opens a small temporary b-tree, with a cache of its own, for every
 * row the change log's CHECK (action IN (...)) tests: the 90 KB taken and
 * freed for every audit_change insert could land on the top of the heap,
 * and glibc then gave it back to the system and took it again row after
 * row (580,000 brk calls, 4.5 s of an update of 200,000 employees).  With
 * no bulk allocation a cache takes its pages as it needs them.  This must
 * come before SQLite's first use in the process; later it is refused and
 * changes nothing.
 *
 * The programs are single-threaded and never ask SQLite how much memory it
 * holds, so its mutexes and its memory statistics are turned off too:
 * every allocation took a lock and updated the counters, and loading the
 * schema (its hundreds of triggers) makes thousands of them, a sixth of
 * what one award costs.
 *
 * A sort keeps at least SQLite's "PMA size" in memory before it writes a
 * sorted run to a temporary file: 250 pages (1 MB) by default, whatever
 * the cache.  Every sort the programs make is of a report's or a month's
 * rows, and a batch's monthly sums sort a month of entries while the
 * staff's map is held: 64 pages (256 KiB) keep that under the batch's
 * page cache, and a larger cache (PRAGMA cache_size) still raises it.
 */
#define SORT_PAGES 64

static void
configure_sqlite(void)
{
	static int done;

	if (!done) {
		(void)sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)NULL, 0,
		    0);
		(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		(void)sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
		(void)sqlite3_config(SQLITE_CONFIG_PMASZ, (unsigned)SORT_PAGES);
		done = 1;
	}
}

const struct inno_error *
inno_db_open(struct inno_db **dbp, const char *path, enum inno_db_mode mode,
    const struct inno_config *cfg, const char *program)
{
	const struct inno_error *err = NULL;
	struct inno_db *db;
	const char *sync;

	*dbp = NULL;
	configure_sqlite();
	sync = inno_config_str(cfg, "database:synchronous", "full");
	if (strcmp(sync, "full") != 0 && strcmp(sync, "normal") != 0)
		return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG, _("%s: "
		    "database:synchronous = \"%s\": expected full or normal"),
		    inno_config_origin(cfg, "database:synchronous"), sync);
	if ((db = calloc(1, sizeof *db)) == NULL)
		return inno_error_nomem();
	db->lock_fd = -1;
	db->cfg = cfg;
	db->sync = strcmp(sync, "full") == 0 ? "full" : "normal";
	if ((err = inno_config_int(cfg, "database:busy_timeout", 5000, 0,
	    3600000, &db->timeout)) != NULL)
		goto fail;
	if ((db->path = strdup(path)) == NULL ||
	    (db->program = strdup(program)) == NULL) {
		err = inno_error_nomem();
		goto fail;
	}
	db->uid = getuid();
	if (mode == INNO_DB_WRITE)
		find_user(db);
	if ((err = mode == INNO_DB_WRITE ? open_write(db) : open_read(db)) !=
	    NULL)
		goto fail;
	if ((err = migrate(db)) != NULL)
		goto fail;
	/* An empty file has its schema now; a missing one waits for publish. */
	if (db->tmp_path == NULL)
		release_lock(db);
	if ((err = inno_staff_functions(db)) != NULL)
		goto fail;
	db->changes_at_open = sqlite3_total_changes(db->h);
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
		sqlite3_finalize(db->cache[i].stmt->st);
		free(db->cache[i].stmt);
		free(db->cache[i].sql);
	}
	while (db->lookups != NULL) {
		struct lookup *l = db->lookups;

		db->lookups = l->next;
		sqlite3_finalize(l->st);
		free(l->name);
		free(l->sql);
		free(l);
	}
	if (db->in_tx && db->h != NULL)
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db->h);
	/* A new database never committed to: nobody else knows its file. */
	remove_tmp(db);
	release_lock(db);
	free(db->lock_path);
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
		return db_error(db, rc, _("executing SQL"));
	return NULL;
}

const struct inno_error *
inno_db_begin(struct inno_db *db)
{
	const struct inno_error *err;

	if (db->readonly)
		return inno_error(INNO_ESYS, _("%s: database is read-only "
		    "(check the file's permissions)"), db->path);
	if ((err = inno_db_exec(db, "BEGIN IMMEDIATE")) != NULL)
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
	return inno_db_exec(db, on ? "PRAGMA foreign_keys = ON" :
	    "PRAGMA foreign_keys = OFF");
}

/*
 * A page the cache lets go of while a statement runs is first copied to
 * the statement journal, so that the statement can still be undone.  That
 * journal lives in memory until one statement puts 64 KB in it, and in a
 * temporary file from then to the end of the transaction: a statement of
 * many rows in the middle of a batch (mileage-award's monthly sums) let
 * go of the pages the rows before had changed, and every row after it
 * wrote its journal to the file, one pwrite a page (four million of them,
 * a third more time, in a batch of a million).  Written out just before,
 * those pages are clean and go without a copy.
 */
const struct inno_error *
inno_db_cacheflush(struct inno_db *db)
{
	int rc;

	if ((rc = sqlite3_db_cacheflush(db->h)) != SQLITE_OK)
		return db_error(db, rc, _("writing the page cache"));
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

static const struct inno_error *
commit(struct inno_db *db)
{
	const struct inno_error *err;

	if ((err = inno_db_exec(db, "COMMIT")) != NULL) {
		inno_db_rollback(db);
		return err;
	}
	db->in_tx = 0;
	return NULL;
}

/*
 * The first commit that writes to a new database also gives it its name
 * (publish).  Until that returns nothing is visible at the path, so a
 * failure there still means nothing was written.
 */
const struct inno_error *
inno_db_commit(struct inno_db *db)
{
	const struct inno_error *err;

	if ((err = commit(db)) != NULL)
		return err;
	if (db->tmp_path != NULL &&
	    sqlite3_total_changes(db->h) != db->changes_at_open)
		return publish(db);
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

	if (l->st == NULL && (rc = sqlite3_prepare_v3(l->db->h, l->sql, -1,
	    SQLITE_PREPARE_PERSISTENT, &l->st, NULL)) != SQLITE_OK) {
		l->st = NULL;
		sqlite3_result_error_code(ctx, rc);
		return;
	}
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
	if ((l->name = strdup(name)) == NULL || (l->sql = strdup(sql)) ==
	    NULL) {
		free(l->name);
		free(l);
		return inno_error_nomem();
	}
	l->nargs = nargs;
	l->db = db;
	l->next = db->lookups;
	db->lookups = l;
	rc = sqlite3_create_function_v2(db->h, name, nargs, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, l, lookup_call, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_error(db, rc, _("defining a function"));
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
		return db_error(db, rc, _("preparing SQL"));
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

/* Binds t (NULL: SQL NULL), copied by SQLite or (how) kept as it is. */
static const struct inno_error *
bind_text(struct inno_stmt *s, int idx, const char *t, int len,
    void (*how)(void *))
{
	int rc;

	if (t == NULL)
		rc = sqlite3_bind_null(s->st, idx);
	else
		rc = sqlite3_bind_text(s->st, idx, t, len, how);
	return rc == SQLITE_OK ? NULL : db_error(s->db, rc, "binding");
}

const struct inno_error *
inno_stmt_bind_text(struct inno_stmt *s, int idx, const char *t, int len)
{
	return bind_text(s, idx, t, len, SQLITE_TRANSIENT);
}

const struct inno_error *
inno_stmt_bind_static(struct inno_stmt *s, int idx, const char *t, int len)
{
	return bind_text(s, idx, t, len, SQLITE_STATIC);
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
inno_stmt_colindex(struct inno_stmt *s, const char *name)
{
	int i, n = sqlite3_column_count(s->st);

	for (i = 0; i < n; i++)
		if (strcmp(inno_stmt_colname(s, i), name) == 0)
			return i;
	return -1;
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

/* After publish the new connection has inserted nothing yet. */
int64_t
inno_db_last_id(struct inno_db *db)
{
	int64_t id = sqlite3_last_insert_rowid(db->h);

	return id != 0 ? id : db->last_id;
}

const struct inno_error *
inno_db_tables(struct inno_db *db, struct inno_stmt **stp)
{
	return inno_db_query(db, stp, "SELECT name, type FROM sqlite_schema "
	    "WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
	    "ORDER BY name", NULL);
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
	if ((err = inno_db_text(db, &found, "SELECT name FROM sqlite_schema "
	    "WHERE type IN ('table', 'view') AND name = ? AND name NOT LIKE "
	    "'sqlite_%'", "t", name)) != NULL)
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
 * Whether name is a table of the schema the programs keep: lowercase
 * letters, digits and '_', as share/schema names them, and in the file.
 * The row functions below build SQL around it.
 */
static const struct inno_error *
row_table(struct inno_db *db, const char *name)
{
	const struct inno_error *err;
	const char *p;
	int64_t one;
	int found;

	for (p = name; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '_' ||
		    (p > name && *p >= '0' && *p <= '9')))
			break;
	if (p == name || *p != '\0' || p - name > 63)
		return inno_error(INNO_EUSAGE, "%s: not a table name", name);
	if ((err = inno_db_int(db, &one, &found, "SELECT 1 FROM sqlite_master "
	    "WHERE type = 'table' AND name = ?", "t", name)) != NULL)
		return err;
	if (!found)
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

/*
 * The statement is built from the table's columns as the file has them:
 * an insert sets each from the JSON key of its name; an update sets the
 * columns the JSON has and leaves the others.
 */
const struct inno_error *
inno_db_row_put(struct inno_db *db, const char *table, const char *json,
    int update)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char *sql = NULL, *cols = NULL, *vals = NULL, *t;
	const char *c;
	int row;

	if ((err = row_table(db, table)) != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT name FROM "
	    "pragma_table_info(?) ORDER BY cid", "t", table)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		c = inno_stmt_text(st, 0);
		if (update)
			t = inno_strf("%s%s%s = CASE WHEN json_type(?1, '$.%s') "
			    "IS NULL THEN %s ELSE json_extract(?1, '$.%s') END",
			    cols != NULL ? cols : "", cols != NULL ? ", " : "",
			    c, c, c, c);
		else
			t = inno_strf("%s%s%s", cols != NULL ? cols : "",
			    cols != NULL ? ", " : "", c);
		free(cols);
		if ((cols = t) == NULL)
			goto nomem;
		if (!update) {
			t = inno_strf("%s%sjson_extract(?1, '$.%s')",
			    vals != NULL ? vals : "", vals != NULL ? ", " : "",
			    c);
			free(vals);
			if ((vals = t) == NULL)
				goto nomem;
		}
	}
	if (err != NULL)
		goto done;
	if (cols == NULL) {
		err = inno_error(INNO_ESYS, "%s: no columns", table);
		goto done;
	}
	if (update)
		sql = inno_strf("UPDATE %s SET %s WHERE id = json_extract(?1, "
		    "'$.id')", table, cols);
	else
		sql = inno_strf("INSERT INTO %s (%s) VALUES (%s)", table, cols,
		    vals);
	if (sql == NULL)
		goto nomem;
	if ((err = inno_db_run(db, sql, "t", json)) == NULL && update &&
	    inno_db_changes(db) != 1)
		err = inno_error_code(INNO_EINPUT, INNO_E_NOTFOUND,
		    _("%s: the row to restore is no longer there"), table);
	goto done;
nomem:
	inno_stmt_reset(st);
	err = inno_error_nomem();
done:
	free(sql);
	free(cols);
	free(vals);
	return err;
}

/*
 * The foreign keys naming table come from the file's schema; the rows of
 * each referring table are found by one query a key.  Collected before fn
 * runs, so that fn may query.
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
	if ((err = inno_db_query(db, &st, "SELECT m.name, f.\"from\" FROM "
	    "sqlite_master m, pragma_foreign_key_list(m.name) f WHERE "
	    "m.type = 'table' AND f.\"table\" = ? ORDER BY m.name, f.id",
	    "t", table)) != NULL)
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
	struct inno_stmt *st;
	char *args = NULL, *t, *sql;
	int row;

	*json = NULL;
	if ((err = row_table(db, table)) != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT name FROM "
	    "pragma_table_info(?) ORDER BY cid", "t", table)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		t = inno_strf("%s%s'%s', %s", args != NULL ? args : "",
		    args != NULL ? ", " : "", inno_stmt_text(st, 0),
		    inno_stmt_text(st, 0));
		free(args);
		if ((args = t) == NULL) {
			inno_stmt_reset(st);
			return inno_error_nomem();
		}
	}
	if (err == NULL && args == NULL)
		err = inno_error(INNO_ESYS, "%s: no columns", table);
	if (err != NULL) {
		free(args);
		return err;
	}
	sql = inno_strf("SELECT json_object(%s) FROM %s WHERE id = ?", args,
	    table);
	free(args);
	if (sql == NULL)
		return inno_error_nomem();
	err = inno_db_text(db, json, sql, "i", id);
	free(sql);
	return err;
}
