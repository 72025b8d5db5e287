/*
 * db-sqlite.c: the SQLite engine (engine.h), the only file that calls
 * SQLite.  It opens and creates the file (a new database is built in a
 * private file and takes its name at its first commit), switches it to
 * write-ahead logging, waits for the lock in short naps, reads a
 * read-only copy as immutable, prepares, binds, steps and reads
 * statements, defines the modules' lookup functions on the connection,
 * keeps the schema version in PRAGMA user_version, writes the SQL that
 * puts rows back from JSON, and maps SQLite's result codes onto the
 * layer's kinds of failure.  What every engine shares is db.c's.
 */
#include <sys/stat.h>

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "engine.h"
#include "inno.h"
#include "i18n.h"

extern const char *const inno_migrations[];
extern const int inno_nmigrations;

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

/* The connection, db->h. */
struct lite {
	sqlite3 *h;
	struct lookup *lookups;
	int64_t busy_since;	/* when the current wait began */
	/*
	 * A new database (see lite_open): the private file it is built in
	 * until its first commit links it into place, and the creation lock
	 * held meanwhile (-1 when none).
	 */
	char *tmp_path;
	char *lock_path;
	int lock_fd;
	int64_t changes_at_open;
	int64_t last_id;	/* the last insert before publish */
};

static struct lite *
lite(struct inno_db *db)
{
	return db->h;
}

static sqlite3_stmt *
st(struct inno_stmt *s)
{
	return s->h;
}

/*
 * Maps a result code to a kind of failure: the lock is busy, a rule the
 * schema enforces is the input's, the rest is the system's.
 */
static const struct inno_error *
db_error(struct inno_db *db, int rc, const char *what)
{
	struct lite *l = db != NULL ? lite(db) : NULL;
	sqlite3 *h = l != NULL ? l->h : NULL;
	const char *msg = h != NULL ? sqlite3_errmsg(h) : sqlite3_errstr(rc);
	int e, saved = errno;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return inno_db_fault(db, INNO_DB_BUSY, what, msg, 0);
	case SQLITE_CONSTRAINT:
		return inno_db_fault(db, INNO_DB_CONSTRAINT, what, msg, 0);
	case SQLITE_READONLY:
		return inno_db_fault(db, INNO_DB_READONLY, what, msg, 0);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return inno_db_fault(db, INNO_DB_CORRUPT, what, msg, 0);
	case SQLITE_FULL:
		return inno_db_fault(db, INNO_DB_FULL, what, msg, 0);
	case SQLITE_IOERR:
		/* Say which system error it was: EFBIG, EIO, EACCES... */
		e = h != NULL ? sqlite3_system_errno(h) : 0;
		/*
		 * A failed COMMIT rolls back before it returns, which can
		 * clear SQLite's record of the error; errno still has it.
		 */
		if (e == 0 && (saved == ENOSPC || saved == EFBIG ||
		    saved == EDQUOT))
			e = saved;
		return inno_db_fault(db, e == ENOSPC || e == EFBIG ||
		    e == EDQUOT ? INNO_DB_FULL : INNO_DB_OTHER, what, msg, e);
	case SQLITE_NOMEM:
		return inno_db_fault(db, INNO_DB_NOMEM, what, msg, 0);
	default:
		return inno_db_fault(db, INNO_DB_OTHER, what, msg, 0);
	}
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
release_lock(struct lite *l)
{
	if (l->lock_fd == -1)
		return;
	unlink(l->lock_path);
	close(l->lock_fd);
	l->lock_fd = -1;
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
	struct lite *l = lite(db);
	struct flock fl;
	struct stat a, b;
	int64_t deadline = now_ms() + db->timeout;
	int fd = -1, tries = 0;

	if ((l->lock_path = inno_strf("%s.lock", db->path)) == NULL)
		return inno_error_nomem();
	for (;;) {
		/* The user named the database, so errors name it too. */
		if (fd == -1 && (fd = open(l->lock_path, O_RDWR | O_CREAT,
		    0660)) == -1)
			return inno_error_errno("%s", db->path);
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fcntl(fd, F_SETLK, &fl) == 0) {
			/* Locked: but is it still the file of that name? */
			if (fstat(fd, &a) == 0 &&
			    stat(l->lock_path, &b) == 0 &&
			    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
				l->lock_fd = fd;
				return NULL;
			}
			close(fd);
			fd = -1;
			continue;
		}
		if (errno != EACCES && errno != EAGAIN) {
			const struct inno_error *err = inno_error_errno("%s",
			    l->lock_path);
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
	struct lite *l = lite(db);

	if (count == 0)
		l->busy_since = now_ms();
	else if (now_ms() - l->busy_since >= db->timeout)
		return 0;
	nap(count);
	return 1;
}

static const struct inno_error *
lite_exec(struct inno_db *db, const char *sql)
{
	int rc;

	rc = sqlite3_exec(lite(db)->h, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_error(db, rc, _("executing SQL"));
	return NULL;
}

/* Makes the configured journal and sync settings on a new connection. */
static const struct inno_error *
set_pragmas(struct inno_db *db)
{
	const struct inno_error *err;
	struct lite *l = lite(db);
	char *sql;

	sqlite3_extended_result_codes(l->h, 0);
	sqlite3_busy_handler(l->h, busy_wait, db);
	if ((sql = inno_strf("PRAGMA foreign_keys = ON; PRAGMA synchronous = "
	    "%s;", db->sync)) == NULL)
		return inno_error_nomem();
	err = lite_exec(db, sql);
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
		rc = sqlite3_exec(lite(db)->h, "PRAGMA journal_mode = WAL",
		    NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			break;
		if (now_ms() >= deadline)
			break;
		nap(tries++);
	}
	return rc == SQLITE_OK ? NULL : db_error(db, rc, _("switching to WAL"));
}

/* Opens the connection on path with flags and the connection settings. */
static const struct inno_error *
db_connect(struct inno_db *db, const char *path, int flags)
{
	struct lite *l = lite(db);
	int rc;

	rc = sqlite3_open_v2(path, &l->h, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return db_error(db, rc, _("opening"));
	db->readonly = sqlite3_db_readonly(l->h, "main") == 1;
	return set_pragmas(db);
}

/*
 * The directory holding path, as a new string the caller frees ("." for a
 * bare name); NULL when memory is short.
 */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return inno_strf("%.*s", (int)(slash - path), path);
}

/* Syncs the directory holding path, so a new name in it is on disk. */
static const struct inno_error *
sync_dir(const char *path)
{
	const struct inno_error *err = NULL;
	char *dir;
	int fd;

	if ((dir = dir_of(path)) == NULL)
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

	inno_db_cache_drop(db);
	for (l = lite(db)->lookups; l != NULL; l = l->next) {
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
	const struct inno_error *err;
	struct lookup *l;
	int rc;

	if ((err = inno_db_cache_renew(db)) != NULL)
		return err;
	for (l = lite(db)->lookups; l != NULL; l = l->next) {
		rc = sqlite3_create_function_v2(lite(db)->h, l->name, l->nargs,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC, l, lookup_call, NULL,
		    NULL, NULL);
		if (rc != SQLITE_OK)
			return db_error(db, rc, _("defining a function"));
	}
	return NULL;
}

/* Removes the private file of a new database, and what SQLite kept beside. */
static void
remove_tmp(struct lite *l)
{
	char *p;

	if (l->tmp_path == NULL)
		return;
	unlink(l->tmp_path);
	if ((p = inno_strf("%s-wal", l->tmp_path)) != NULL) {
		unlink(p);
		free(p);
	}
	if ((p = inno_strf("%s-shm", l->tmp_path)) != NULL) {
		unlink(p);
		free(p);
	}
	free(l->tmp_path);
	l->tmp_path = NULL;
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
	struct lite *l = lite(db);
	int fd;

	if ((l->tmp_path = inno_strf("%s.new-XXXXXX", db->path)) == NULL)
		return inno_error_nomem();
	if ((fd = mkstemp(l->tmp_path)) == -1) {
		err = inno_error_errno("%s", db->path);
		free(l->tmp_path);
		l->tmp_path = NULL;
		return err;
	}
	if (fchmod(fd, 0660) == -1) {
		err = inno_error_errno("%s", l->tmp_path);
		close(fd);
		return err;
	}
	close(fd);
	if ((err = db_connect(db, l->tmp_path, SQLITE_OPEN_READWRITE)) != NULL)
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
	return lite_exec(db, "PRAGMA journal_mode = MEMORY");
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
	struct lite *l = lite(db);
	int rc;

	assert(l->tmp_path != NULL && !db->in_tx);
	l->last_id = sqlite3_last_insert_rowid(l->h);
	/* No statement may be open on the file when its journal changes. */
	finalize_all(db);
	if ((err = wal_mode(db)) != NULL)
		return err;
	if ((rc = sqlite3_close(l->h)) != SQLITE_OK)
		return db_error(db, rc, _("closing the new database"));
	l->h = NULL;
	if (link(l->tmp_path, db->path) == -1) {
		if (errno == EEXIST)
			return inno_error_code(INNO_EBUSY, INNO_E_BUSY, _("%s: "
			    "created by another program meanwhile; nothing was "
			    "written, try again"), db->path);
		/* A file system without hard links: rename, as we hold
		 * the lock and the name was free. */
		if ((errno != EPERM && errno != ENOTSUP && errno != EMLINK) ||
		    access(db->path, F_OK) == 0 ||
		    rename(l->tmp_path, db->path) == -1)
			return inno_error_errno("%s", db->path);
	}
	if ((err = sync_dir(db->path)) != NULL)
		return err;
	remove_tmp(l);
	release_lock(l);
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
	char *dir, *wal;
	int writable, has_wal;

	dir = dir_of(path);
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
		else if (inno_db_is_default(db->path) &&
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

/* A connection not yet open, as db->h. */
static const struct inno_error *
lite_new(struct inno_db *db)
{
	struct lite *l;

	configure_sqlite();
	if ((l = calloc(1, sizeof *l)) == NULL)
		return inno_error_nomem();
	l->lock_fd = -1;
	db->h = l;
	return NULL;
}

static const struct inno_error *
lite_open(struct inno_db *db, enum inno_db_mode mode)
{
	const struct inno_error *err;

	if ((err = lite_new(db)) != NULL)
		return err;
	return mode == INNO_DB_WRITE ? open_write(db) : open_read(db);
}

static char *
lite_label(const char *name)
{
	return strdup(name);
}

/* The reference schema's database: in memory, none of the settings. */
static const struct inno_error *
lite_scratch(struct inno_db *db)
{
	const struct inno_error *err;
	int rc;

	if ((err = lite_new(db)) != NULL)
		return err;
	rc = sqlite3_open_v2(":memory:", &lite(db)->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	return rc == SQLITE_OK ? NULL : db_error(db, rc, _("opening"));
}

/* An empty file has its schema now; a missing one waits for publish. */
static void
lite_opened(struct inno_db *db)
{
	struct lite *l = lite(db);

	if (l->tmp_path == NULL)
		release_lock(l);
	l->changes_at_open = sqlite3_total_changes(l->h);
}

static void
lite_close(struct inno_db *db)
{
	struct lite *l = lite(db);

	if (l == NULL)
		return;
	while (l->lookups != NULL) {
		struct lookup *k = l->lookups;

		l->lookups = k->next;
		sqlite3_finalize(k->st);
		free(k->name);
		free(k->sql);
		free(k);
	}
	if (db->in_tx && l->h != NULL)
		sqlite3_exec(l->h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(l->h);
	/* A new database never committed to: nobody else knows its file. */
	remove_tmp(l);
	release_lock(l);
	free(l->lock_path);
	free(l);
	db->h = NULL;
}

static const struct inno_error *
lite_begin(struct inno_db *db)
{
	return lite_exec(db, "BEGIN IMMEDIATE");
}

static const struct inno_error *
lite_begin_read(struct inno_db *db)
{
	return lite_exec(db, "BEGIN");
}

static const struct inno_error *
lite_commit(struct inno_db *db)
{
	return lite_exec(db, "COMMIT");
}

/*
 * The first commit that writes to a new database also gives it its name
 * (publish).  Until that returns nothing is visible at the path, so a
 * failure there still means nothing was written.
 */
static const struct inno_error *
lite_committed(struct inno_db *db)
{
	struct lite *l = lite(db);

	if (l->tmp_path != NULL &&
	    sqlite3_total_changes(l->h) != l->changes_at_open)
		return publish(db);
	return NULL;
}

static void
lite_rollback(struct inno_db *db)
{
	struct lite *l = lite(db);

	if (l->h != NULL && !sqlite3_get_autocommit(l->h))
		sqlite3_exec(l->h, "ROLLBACK", NULL, NULL, NULL);
}

static const struct inno_error *
lite_foreign_keys(struct inno_db *db, int on)
{
	return lite_exec(db, on ? "PRAGMA foreign_keys = ON" :
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
static const struct inno_error *
lite_cacheflush(struct inno_db *db)
{
	int rc;

	if ((rc = sqlite3_db_cacheflush(lite(db)->h)) != SQLITE_OK)
		return db_error(db, rc, _("writing the page cache"));
	return NULL;
}

static const struct inno_error *
lite_user_version(struct inno_db *db, int *v)
{
	sqlite3_stmt *s;
	int rc;

	*v = -1;
	if ((rc = sqlite3_prepare_v2(lite(db)->h, "PRAGMA user_version", -1,
	    &s, NULL)) != SQLITE_OK)
		return db_error(db, rc, _("reading schema"));
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*v = sqlite3_column_int(s, 0);
		rc = SQLITE_OK;
	} else
		rc = sqlite3_reset(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return db_error(db, rc, _("reading schema"));
	return NULL;
}

static const struct inno_error *
lite_set_user_version(struct inno_db *db, int v)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
	return lite_exec(db, sql);
}

/* Runs a lookup's statement with the call's arguments: its first value. */
static void
lookup_call(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct lookup *l = sqlite3_user_data(ctx);
	int i, rc;

	if (l->st == NULL && (rc = sqlite3_prepare_v3(lite(l->db)->h, l->sql,
	    -1, SQLITE_PREPARE_PERSISTENT, &l->st, NULL)) != SQLITE_OK) {
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

static const struct inno_error *
lite_define(struct inno_db *db, const char *name, int nargs, const char *sql)
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
	l->next = lite(db)->lookups;
	lite(db)->lookups = l;
	rc = sqlite3_create_function_v2(lite(db)->h, name, nargs, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, l, lookup_call, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_error(db, rc, _("defining a function"));
	return NULL;
}

/* After publish the new connection has inserted nothing yet. */
static int64_t
lite_last_id(struct inno_db *db)
{
	int64_t id = sqlite3_last_insert_rowid(lite(db)->h);

	return id != 0 ? id : lite(db)->last_id;
}

static int64_t
lite_changes(struct inno_db *db)
{
	return sqlite3_changes(lite(db)->h);
}

/*
 * The statement is built from the table's columns as the file has them:
 * an insert sets each from the JSON key of its name; an update sets the
 * columns the JSON has and leaves the others; a read makes one object of
 * them all.
 */
static const struct inno_error *
lite_row_sql(struct inno_db *db, const char *table, enum inno_row_sql kind,
    char **sql)
{
	const struct inno_error *err;
	struct inno_stmt *s;
	char *cols = NULL, *vals = NULL, *t;
	const char *c;
	int row;

	*sql = NULL;
	if ((err = inno_db_query(db, &s, "SELECT name FROM "
	    "pragma_table_info(?) ORDER BY cid", "t", table)) != NULL)
		return err;
	while ((err = inno_stmt_step(s, &row)) == NULL && row) {
		c = inno_stmt_text(s, 0);
		switch (kind) {
		case INNO_ROW_UPDATE:
			t = inno_strf("%s%s%s = CASE WHEN json_type(?1, '$.%s') "
			    "IS NULL THEN %s ELSE json_extract(?1, '$.%s') END",
			    cols != NULL ? cols : "", cols != NULL ? ", " : "",
			    c, c, c, c);
			break;
		case INNO_ROW_INSERT:
			t = inno_strf("%s%s%s", cols != NULL ? cols : "",
			    cols != NULL ? ", " : "", c);
			break;
		default:
			t = inno_strf("%s%s'%s', %s", cols != NULL ? cols : "",
			    cols != NULL ? ", " : "", c, c);
			break;
		}
		free(cols);
		if ((cols = t) == NULL)
			goto nomem;
		if (kind == INNO_ROW_INSERT) {
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
	if (kind == INNO_ROW_UPDATE)
		*sql = inno_strf("UPDATE %s SET %s WHERE id = json_extract(?1, "
		    "'$.id')", table, cols);
	else if (kind == INNO_ROW_INSERT)
		*sql = inno_strf("INSERT INTO %s (%s) VALUES (%s)", table, cols,
		    vals);
	else
		*sql = inno_strf("SELECT json_object(%s) FROM %s WHERE id = ?",
		    cols, table);
	if (*sql == NULL)
		err = inno_error_nomem();
	goto done;
nomem:
	inno_stmt_reset(s);
	err = inno_error_nomem();
done:
	free(cols);
	free(vals);
	return err;
}

/* ------------------------------------------------------- statements */

static const struct inno_error *
lite_prepare(struct inno_stmt *s, const char *sql)
{
	sqlite3_stmt *h = NULL;
	int rc;

	rc = sqlite3_prepare_v2(lite(s->db)->h, sql, -1, &h, NULL);
	s->h = h;
	return rc == SQLITE_OK ? NULL : db_error(s->db, rc, _("preparing SQL"));
}

static void
lite_finalize(struct inno_stmt *s)
{
	sqlite3_finalize(st(s));
	s->h = NULL;
}

static void
lite_reset(struct inno_stmt *s)
{
	sqlite3_reset(st(s));
}

static void
lite_clear(struct inno_stmt *s)
{
	sqlite3_clear_bindings(st(s));
}

static const struct inno_error *
lite_bind_int(struct inno_stmt *s, int idx, int64_t v)
{
	int rc = sqlite3_bind_int64(st(s), idx, v);

	return rc == SQLITE_OK ? NULL : db_error(s->db, rc, "binding");
}

static const struct inno_error *
lite_bind_text(struct inno_stmt *s, int idx, const char *t, int len, int keep)
{
	int rc = sqlite3_bind_text(st(s), idx, t, len, keep ? SQLITE_STATIC :
	    SQLITE_TRANSIENT);

	return rc == SQLITE_OK ? NULL : db_error(s->db, rc, "binding");
}

static const struct inno_error *
lite_bind_null(struct inno_stmt *s, int idx)
{
	int rc = sqlite3_bind_null(st(s), idx);

	return rc == SQLITE_OK ? NULL : db_error(s->db, rc, "binding");
}

static const struct inno_error *
lite_step(struct inno_stmt *s, int *row)
{
	int rc = sqlite3_step(st(s));

	if (rc == SQLITE_ROW) {
		*row = 1;
		return NULL;
	}
	*row = 0;
	if (rc == SQLITE_DONE)
		return NULL;
	rc = sqlite3_reset(st(s));
	return db_error(s->db, rc, "running SQL");
}

static int
lite_ncols(struct inno_stmt *s)
{
	return sqlite3_column_count(st(s));
}

static const char *
lite_colname(struct inno_stmt *s, int col)
{
	const char *n = sqlite3_column_name(st(s), col);

	return n != NULL ? n : "";
}

static int
lite_isnull(struct inno_stmt *s, int col)
{
	return sqlite3_column_type(st(s), col) == SQLITE_NULL;
}

static int
lite_isnum(struct inno_stmt *s, int col)
{
	switch (sqlite3_column_type(st(s), col)) {
	case SQLITE_INTEGER:
		return 1;
	case SQLITE_FLOAT:
		return 2;
	default:
		return 0;
	}
}

static int64_t
lite_int64(struct inno_stmt *s, int col)
{
	return sqlite3_column_int64(st(s), col);
}

static const char *
lite_text(struct inno_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(st(s), col);

	return t != NULL ? (const char *)t : "";
}

static int
lite_bytes(struct inno_stmt *s, int col)
{
	return sqlite3_column_bytes(st(s), col);
}

/*
 * A copy's load (engine.h).  The triggers' SQL waits in a temporary table,
 * which goes with the transaction if it is rolled back, as the dropped
 * triggers come back with it.  Each is dropped and made again by one
 * statement built from that table, none run while a read of it is open;
 * the reads are outside the statement cache, whose statements are
 * prepared again on the file's new connection when a new database is
 * published, and the table is gone by then.  The copied rows raised
 * sqlite_sequence to their largest ids already; from's value is what a
 * row removed from the end left.
 */
static const struct inno_error *
lite_load(struct inno_db *db, int on, struct inno_db *from)
{
	const struct inno_error *err = NULL;
	struct inno_stmt *st;
	sqlite3_stmt *s;
	char *sql = NULL, **names = NULL, **grown;
	size_t n = 0, i;
	int64_t seq;
	int row, found, rc;

	if (!on && (err = lite_exec(db, "CREATE TEMP TABLE inno_load AS "
	    "SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger' "
	    "AND sql IS NOT NULL")) != NULL)
		return err;
	rc = sqlite3_prepare_v2(lite(db)->h, on ? "SELECT group_concat(sql, "
	    "';' || char(10)) FROM temp.inno_load" : "SELECT group_concat("
	    "'DROP TRIGGER main.\"' || replace(name, '\"', '\"\"') || '\"', "
	    "'; ') FROM temp.inno_load", -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		if (sqlite3_column_type(s, 0) != SQLITE_NULL && (sql =
		    strdup((const char *)sqlite3_column_text(s, 0))) == NULL)
			rc = SQLITE_NOMEM;
	}
	if (rc != SQLITE_OK)
		err = db_error(db, rc, _("executing SQL"));
	sqlite3_finalize(s);
	if (err == NULL && sql != NULL)
		err = lite_exec(db, sql);
	free(sql);
	if (err != NULL || !on ||
	    (err = lite_exec(db, "DROP TABLE temp.inno_load")) != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT name FROM main.sqlite_schema "
	    "WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'", NULL)) !=
	    NULL)
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
	for (i = 0; err == NULL && i < n; i++) {
		if ((err = inno_db_sequence(from, names[i], &seq, &found)) !=
		    NULL || !found)
			continue;
		if ((err = inno_db_run(db, "UPDATE main.sqlite_sequence SET "
		    "seq = ? WHERE name = ?", "it", seq, names[i])) == NULL &&
		    inno_db_changes(db) == 0)
			err = inno_db_run(db, "INSERT INTO main.sqlite_sequence "
			    "(name, seq) VALUES (?, ?)", "ti", names[i], seq);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return err;
}

const struct inno_engine inno_engine_sqlite = {
	.name = "SQLite",
	.migrations = inno_migrations,
	.nmigrations = &inno_nmigrations,
	.tables_sql = "SELECT name, type FROM sqlite_schema WHERE type IN "
	    "('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
	.relation_sql = "SELECT name, type FROM sqlite_schema WHERE type IN "
	    "('table', 'view') AND name = ? AND name NOT LIKE 'sqlite_%'",
	.fkeys_sql = "SELECT m.name, f.\"from\" FROM sqlite_schema m, "
	    "pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND "
	    "f.\"table\" = ? ORDER BY m.name, f.id",
	/*
	 * SQLite's own objects (sqlite_sequence, sqlite_stat1, the
	 * automatic indexes, which follow from the tables) are left out.
	 */
	.schema_sql = "SELECT type, name, sql FROM sqlite_schema WHERE "
	    "substr(name, 1, 7) <> 'sqlite_' ORDER BY type, name",
	.label = lite_label,
	.column_sql = "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2",
	.object_sql = "SELECT sql FROM sqlite_schema WHERE type = ?1 AND "
	    "name = ?2",
	.sequence_sql = "SELECT seq FROM sqlite_sequence WHERE name = ?1",
	.integrity_sql = "PRAGMA integrity_check",
	.fkeys_check_sql = "PRAGMA foreign_key_check",
	.data_version_sql = "PRAGMA data_version",
	.open = lite_open,
	.scratch = lite_scratch,
	.opened = lite_opened,
	.close = lite_close,
	.exec = lite_exec,
	.begin = lite_begin,
	.begin_read = lite_begin_read,
	.commit = lite_commit,
	.committed = lite_committed,
	.rollback = lite_rollback,
	.foreign_keys = lite_foreign_keys,
	.cacheflush = lite_cacheflush,
	.user_version = lite_user_version,
	.set_user_version = lite_set_user_version,
	.define = lite_define,
	.last_id = lite_last_id,
	.changes = lite_changes,
	.row_sql = lite_row_sql,
	.prepare = lite_prepare,
	.finalize = lite_finalize,
	.reset = lite_reset,
	.clear = lite_clear,
	.bind_int = lite_bind_int,
	.bind_text = lite_bind_text,
	.bind_null = lite_bind_null,
	.step = lite_step,
	.ncols = lite_ncols,
	.colname = lite_colname,
	.isnull = lite_isnull,
	.isnum = lite_isnum,
	.int64 = lite_int64,
	.text = lite_text,
	.bytes = lite_bytes,
	.load = lite_load,
};
