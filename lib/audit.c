/*
 * audit.c: the audit trail and the change log.  Every program write appends
 * an audit row here, chained to the row before it by a SHA-256 digest;
 * the schema's triggers log every insert, update and delete of the records
 * the programs keep, whatever client made it.  inno-check asks this file
 * whether the chain holds and whether every logged change is covered by an
 * audit row, which is how a change made behind the programs' back (with
 * the sqlite3 shell, say) shows up.  share/schema/0008-audit.sql gives the
 * rules and their limits.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "sha256.h"
#include "i18n.h"

/* At most this many uncovered rows are reported a table. */
#define REPORT_MAX 100

/* One audit row's fields as the digest covers them; NULL text is SQL NULL. */
struct audit_row {
	int64_t id;
	const char *at;
	int64_t uid;
	const char *user;
	const char *program;
	const char *action;
	const char *tbl;	/* may be NULL */
	int64_t first_id;	/* -1: NULL */
	int64_t last_id;	/* -1: NULL */
	const char *detail;
	int64_t change_id;	/* -1: NULL */
	int64_t command;	/* -1: NULL (rows older than the commands) */
};

/* Feeds one field: "N;" for NULL, else its length, ':', its bytes, ';'. */
static void
feed_text(struct sha256 *h, const char *s)
{
	char len[32];

	if (s == NULL) {
		sha256_update(h, "N;", 2);
		return;
	}
	snprintf(len, sizeof len, "%zu:", strlen(s));
	sha256_update(h, len, strlen(len));
	sha256_update(h, s, strlen(s));
	sha256_update(h, ";", 1);
}

static void
feed_int(struct sha256 *h, int64_t v, int null)
{
	char buf[32];

	if (null) {
		feed_text(h, NULL);
		return;
	}
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	feed_text(h, buf);
}

/*
 * The digest of row r after the row whose digest is prev ("" when there is
 * none): SHA-256 of prev, a newline, and every field of r in the order of
 * struct audit_row, each length-prefixed so no two rows feed the same
 * bytes.  The writer and the check both call this, so they cannot differ.
 */
static void
row_digest(const char *prev, const struct audit_row *r, char hex[65])
{
	struct sha256 h;

	sha256_init(&h);
	sha256_update(&h, prev, strlen(prev));
	sha256_update(&h, "\n", 1);
	feed_int(&h, r->id, 0);
	feed_text(&h, r->at);
	feed_int(&h, r->uid, 0);
	feed_text(&h, r->user);
	feed_text(&h, r->program);
	feed_text(&h, r->action);
	feed_text(&h, r->tbl);
	feed_int(&h, r->first_id, r->first_id == -1);
	feed_int(&h, r->last_id, r->last_id == -1);
	feed_text(&h, r->detail);
	feed_int(&h, r->change_id, r->change_id == -1);
	/* Rows before the commands existed keep the digest they had. */
	if (r->command != -1)
		feed_int(&h, r->command, 0);
	sha256_hex(&h, hex);
}

/*
 * The invocation this process is: its command row, written with the first
 * audit row and found again by its id, pid and time for every later one.
 * A command row rolled back with its transaction is not found, and the
 * next audit row writes another.  The arguments and the command undone
 * are set by the program (inno_audit_args, inno_audit_undoes).
 */
static struct {
	int64_t id;
	char at[32];
	char *args;
	int64_t undoes;
	int have;		/* the schema has the command table */
} cmd;

void
inno_audit_args(int argc, char *const *argv)
{
	size_t len = 1;
	char *s;
	int i;

	for (i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if ((s = malloc(len)) == NULL)
		return;
	s[0] = '\0';
	for (i = 1; i < argc; i++) {
		if (i > 1)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	free(cmd.args);
	cmd.args = s;
}

void
inno_audit_undoes(int64_t id)
{
	cmd.undoes = id;
}

int64_t
inno_audit_current(void)
{
	return cmd.id;
}

static const struct inno_error *
command_id(struct inno_db *db, const char *at, int64_t *id)
{
	const struct inno_error *err;
	int64_t uid, one;
	const char *user;
	int found = 0;

	/*
	 * A schema older than the commands (the audit row of the migration
	 * that is about to add them) has none.
	 */
	if (!cmd.have && (err = inno_db_has_column(db, "command", "id",
	    &cmd.have)) != NULL)
		return err;
	if (!cmd.have) {
		*id = -1;
		return NULL;
	}
	if (cmd.id > 0 && (err = inno_db_int(db, &one, &found, "SELECT 1 "
	    "FROM command WHERE id = ? AND pid = ? AND at = ?", "iit", cmd.id,
	    (int64_t)getpid(), cmd.at)) != NULL)
		return err;
	if (cmd.id > 0 && found) {
		*id = cmd.id;
		return NULL;
	}
	snprintf(cmd.at, sizeof cmd.at, "%s", at);
	user = inno_db_user(db, &uid);
	/* The id is SQLite's, the last one plus one. */
	if ((err = inno_db_run(db, "INSERT INTO command (at, uid, user, "
	    "program, args, pid, undoes) VALUES (?, ?, ?, ?, ?, ?, "
	    "nullif(?, 0))", "titttii", cmd.at, uid, user,
	    inno_db_program(db), cmd.args != NULL ? cmd.args : "",
	    (int64_t)getpid(), cmd.undoes)) != NULL) {
		cmd.id = 0;
		return err;
	}
	*id = cmd.id = inno_db_last_id(db);
	return NULL;
}

/* The trail's last row: its id (0: none) and digest ("": none). */
static const struct inno_error *
trail_end(struct inno_db *db, int64_t *id, char prev[65])
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	*id = 0;
	prev[0] = '\0';
	if ((err = inno_db_query(db, &st, "SELECT id, digest FROM audit "
	    "ORDER BY id DESC LIMIT 1", NULL)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL || !row)
		return err;
	*id = inno_stmt_int(st, 0);
	snprintf(prev, 65, "%s", inno_stmt_text(st, 1));
	inno_stmt_reset(st);
	return NULL;
}

/*
 * The audit time is the clock's, never $INNO_NOW: the trail records when a
 * write really happened, whatever date a script pretends it is.  The id is
 * chosen here (the last one plus one, as SQLite would) because the digest
 * covers it; the write transaction keeps another writer from taking it.
 */
const struct inno_error *
inno_audit(struct inno_db *db, const char *action, const char *table,
    int64_t first_id, int64_t last_id, const char *fmt, ...)
{
	const struct inno_error *err;
	struct audit_row r;
	char at[32], hex[65];
	char *detail, prev[65];
	struct tm tm;
	time_t t = time(NULL);
	va_list ap;

	gmtime_r(&t, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	va_start(ap, fmt);
	detail = inno_vstrf(fmt, ap);
	va_end(ap);
	if (detail == NULL)
		return inno_error_nomem();

	memset(&r, 0, sizeof r);
	if ((err = trail_end(db, &r.id, prev)) != NULL)
		goto done;
	r.id++;
	if ((err = inno_db_int(db, &r.change_id, NULL, "SELECT "
	    "coalesce(max(id), 0) FROM audit_change", NULL)) != NULL)
		goto done;
	r.at = at;
	r.user = inno_db_user(db, &r.uid);
	r.program = inno_db_program(db);
	r.action = action;
	r.tbl = table;
	r.first_id = first_id < 0 ? -1 : first_id;
	r.last_id = last_id < 0 ? -1 : last_id;
	r.detail = detail;
	if ((err = command_id(db, at, &r.command)) != NULL)
		goto done;
	row_digest(prev, &r, hex);
	err = inno_db_run(db, "INSERT INTO audit (id, at, uid, user, program, "
	    "action, tbl, first_id, last_id, detail, change_id, digest, "
	    "command) VALUES (?, ?, ?, ?, ?, ?, ?, nullif(?, -1), "
	    "nullif(?, -1), ?, ?, ?, ?)", "itittttiititi", r.id, r.at, r.uid,
	    r.user, r.program, r.action, r.tbl, r.first_id, r.last_id,
	    r.detail, r.change_id, hex, r.command);
done:
	free(detail);
	return err;
}

/*
 * Walks the trail in id order.  Ids start at 1 and have no gaps, since
 * every id is the last plus one inside a transaction, so a gap is a row
 * removed.  From the first row with a digest on (the rows before migration
 * 8 have none) each row must carry the digest of its predecessor's stored
 * digest and its own fields: a row edited fails its own digest, a row
 * removed or slipped in fails the next one's.  The stored digest, right or
 * wrong, is what the next row is checked against, so one edit is reported
 * once.
 */
const struct inno_error *
inno_audit_check_chain(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	struct audit_row r;
	char hex[65];
	char *prev;
	int64_t expect = 1;
	int started = 0, row;

	if ((prev = strdup("")) == NULL)
		return inno_error_nomem();
	if ((err = inno_db_query(db, &st, "SELECT id, at, uid, user, program, "
	    "action, tbl, first_id, last_id, detail, change_id, digest, "
	    "command FROM audit ORDER BY id", NULL)) != NULL)
		goto done;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		r.id = inno_stmt_int(st, 0);
		if (r.id > expect)
			inno_diag_add(d, r.id - 1 == expect ? "audit: row %lld "
			    "is missing (removed outside the inno programs)" :
			    "audit: rows %lld to %lld are missing (removed "
			    "outside the inno programs)", (long long)expect,
			    (long long)(r.id - 1));
		expect = r.id + 1;
		if (inno_stmt_isnull(st, 11)) {
			if (started)
				inno_diag_add(d, _("audit: row %lld has no digest "
				    "(written outside the inno programs)"),
				    (long long)r.id);
			prev[0] = '\0';
			continue;
		}
		started = 1;
		r.at = inno_stmt_isnull(st, 1) ? NULL : inno_stmt_text(st, 1);
		r.uid = inno_stmt_int(st, 2);
		r.user = inno_stmt_isnull(st, 3) ? NULL : inno_stmt_text(st, 3);
		r.program = inno_stmt_isnull(st, 4) ? NULL :
		    inno_stmt_text(st, 4);
		r.action = inno_stmt_isnull(st, 5) ? NULL :
		    inno_stmt_text(st, 5);
		r.tbl = inno_stmt_isnull(st, 6) ? NULL : inno_stmt_text(st, 6);
		r.first_id = inno_stmt_isnull(st, 7) ? -1 :
		    inno_stmt_int(st, 7);
		r.last_id = inno_stmt_isnull(st, 8) ? -1 : inno_stmt_int(st, 8);
		r.detail = inno_stmt_isnull(st, 9) ? NULL :
		    inno_stmt_text(st, 9);
		r.change_id = inno_stmt_isnull(st, 10) ? -1 :
		    inno_stmt_int(st, 10);
		r.command = inno_stmt_isnull(st, 12) ? -1 :
		    inno_stmt_int(st, 12);
		row_digest(prev, &r, hex);
		if (strcmp(hex, inno_stmt_text(st, 11)) != 0)
			inno_diag_add(d, _("audit: row %lld does not match its "
			    "digest (the trail was changed outside the inno "
			    "programs)"), (long long)r.id);
		free(prev);
		if ((prev = strdup(inno_stmt_text(st, 11))) == NULL) {
			inno_stmt_reset(st);
			return inno_error_nomem();
		}
	}
	if (err == NULL)
		inno_stmt_reset(st);
done:
	free(prev);
	return err;
}

/*
 * Reports the ids from..to of tbl as written outside the programs, as long
 * as the table's allowance lasts.
 */
static void
report_ids(struct inno_diag *d, const char *tbl, int64_t from, int64_t to,
    int *left)
{
	for (; from <= to && *left > 0; from++, (*left)--)
		inno_diag_add(d, _("%s: row %lld has no audit entry (written "
		    "outside the inno programs)"), tbl, (long long)from);
}

/*
 * The rows there when the log began ('present' runs, which have an end):
 * every id must lie in an 'insert' audit row's range for its table, as
 * before the log existed.  Runs and audit ranges are both read sorted by
 * table and first id and merged, so the work is linear in the two, however
 * long the trail.  reach is the furthest id the audit ranges started so
 * far cover; an id below the next range's start and beyond reach is not
 * covered by any.
 */
static const struct inno_error *
check_present(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *cs, *as;
	char *tbl = NULL;
	int64_t pos, last, reach = 0;
	int crow, arow, left = 0;

	if ((err = inno_db_query(db, &cs, "SELECT tbl, first_id, last_id "
	    "FROM audit_change WHERE action = 'present' ORDER BY tbl, "
	    "first_id", NULL)) != NULL)
		return err;
	if ((err = inno_db_query(db, &as, "SELECT tbl, first_id, last_id "
	    "FROM audit WHERE action = 'insert' AND tbl IS NOT NULL AND "
	    "first_id IS NOT NULL AND last_id IS NOT NULL ORDER BY tbl, "
	    "first_id", NULL)) != NULL)
		return err;
	if ((err = inno_stmt_step(as, &arow)) != NULL)
		goto done;
	while ((err = inno_stmt_step(cs, &crow)) == NULL && crow) {
		if (tbl == NULL || strcmp(tbl, inno_stmt_text(cs, 0)) != 0) {
			free(tbl);
			if ((tbl = strdup(inno_stmt_text(cs, 0))) == NULL) {
				err = inno_error_nomem();
				goto done;
			}
			reach = 0;
			left = REPORT_MAX;
		}
		/* Audit ranges of tables with no run here are passed. */
		while (arow && strcmp(inno_stmt_text(as, 0), tbl) < 0)
			if ((err = inno_stmt_step(as, &arow)) != NULL)
				goto done;
		pos = inno_stmt_int(cs, 1);
		last = inno_stmt_int(cs, 2);
		while (pos <= last) {
			while (arow && strcmp(inno_stmt_text(as, 0), tbl) == 0 &&
			    inno_stmt_int(as, 1) <= pos) {
				if (inno_stmt_int(as, 2) > reach)
					reach = inno_stmt_int(as, 2);
				if ((err = inno_stmt_step(as, &arow)) != NULL)
					goto done;
			}
			if (reach >= pos) {
				pos = reach + 1;
				continue;
			}
			if (arow && strcmp(inno_stmt_text(as, 0), tbl) == 0 &&
			    inno_stmt_int(as, 1) - 1 < last) {
				report_ids(d, tbl, pos, inno_stmt_int(as, 1) - 1,
				    &left);
				pos = inno_stmt_int(as, 1);
			} else {
				report_ids(d, tbl, pos, last, &left);
				pos = last + 1;
			}
		}
	}
done:
	free(tbl);
	inno_stmt_reset(cs);
	inno_stmt_reset(as);
	return err;
}

/*
 * Runs of inserts logged since: a run's first id must lie in the range of
 * an 'insert' audit row of its table written after the run began.  Insert
 * ranges of one table do not overlap (an id is inserted once, unless its
 * row was deleted, and a deletion is reported on its own), so the one
 * candidate is the range with the greatest start at or below the id, found
 * by one probe of the audit_tbl index; among ranges with the same start
 * (a row deleted and put back) the latest, which SQLite's index gives
 * last and any engine gives by the id.
 */
static const struct inno_error *
check_runs(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT c.tbl, c.first_id FROM "
	    "audit_change c WHERE c.action = 'insert' AND coalesce(("
	    "SELECT CASE WHEN a.last_id >= c.first_id AND a.change_id >= "
	    "c.id THEN 1 ELSE 0 END FROM audit a WHERE a.tbl = c.tbl AND "
	    "a.action = 'insert' AND a.first_id <= c.first_id ORDER BY "
	    "a.first_id DESC, a.id DESC LIMIT 1), 0) = 0 ORDER BY c.id "
	    "LIMIT 1000", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, _("%s: row %lld has no audit entry (written "
		    "outside the inno programs)"), inno_stmt_text(st, 0),
		    (long long)inno_stmt_int(st, 1));
	return err;
}

/*
 * Updates and deletes: each is covered by an audit row of the same action
 * and table whose range holds the row, written after the change (its
 * change_id, the log's last id then, is at or beyond the change) and
 * before the row's next change.  So a program's audit row covers the
 * program's own change, and not one made to the same record before it by
 * another client.
 */
static const struct inno_error *
check_updates(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT c.tbl, c.action, c.first_id "
	    "FROM audit_change c WHERE c.action IN ('update', 'delete') AND "
	    "NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = c.tbl AND "
	    "a.action = c.action AND a.action IN ('update', 'delete') AND "
	    "a.change_id >= c.id AND a.change_id < "
	    "coalesce((SELECT min(n.id) FROM audit_change n WHERE n.tbl = "
	    "c.tbl AND n.first_id = c.first_id AND n.action IN ('update', "
	    "'delete') AND n.id > c.id), 9223372036854775807) AND "
	    "a.first_id <= c.first_id AND a.last_id >= c.first_id) "
	    "ORDER BY c.id LIMIT 1000", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, _("%s: row %lld was %s outside the inno programs "
		    "(no audit entry covers it)"), inno_stmt_text(st, 0),
		    (long long)inno_stmt_int(st, 2),
		    strcmp(inno_stmt_text(st, 1), "delete") == 0 ?
		    _("deleted") : _("changed"));
	return err;
}

/*
 * The log's ids have no gaps for the same reason as the trail's, and are
 * never given twice (AUTOINCREMENT), so a gap, or a last id below the one
 * SQLite last gave, is an entry removed, which hides the change it
 * recorded.
 */
static const struct inno_error *
check_log(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int64_t from, to, seq;
	int row, found;

	if ((err = inno_db_sequence(db, "audit_change", &seq, &found)) != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT prev + 1, id - 1 FROM "
	    "(SELECT id, coalesce(lag(id) OVER (ORDER BY id), 0) AS prev "
	    "FROM audit_change) AS g WHERE id > prev + 1 UNION ALL "
	    "SELECT coalesce((SELECT max(id) FROM audit_change), 0) + 1, ?1 "
	    "WHERE ?2 AND ?1 > coalesce((SELECT max(id) FROM audit_change), "
	    "0)", "ii", seq, (int64_t)found)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		from = inno_stmt_int(st, 0);
		to = inno_stmt_int(st, 1);
		if (from == to)
			inno_diag_add(d, _("audit: change log entry %lld is "
			    "missing (removed outside the inno programs)"),
			    (long long)from);
		else
			inno_diag_add(d, _("audit: change log entries %lld to "
			    "%lld are missing (removed outside the inno "
			    "programs)"), (long long)from, (long long)to);
	}
	return err;
}

/*
 * The ids and the table's insert ranges are both ascending, so one pass
 * over each does it; reach is the furthest id the ranges started so far
 * cover.
 */
const struct inno_error *
inno_audit_check_inserted(struct inno_db *db, struct inno_diag *d,
    const char *table, struct inno_stmt *ids)
{
	const struct inno_error *err;
	struct inno_stmt *as;
	int64_t id, reach = 0;
	int row, arow, left = REPORT_MAX;

	if ((err = inno_db_query(db, &as, "SELECT first_id, last_id FROM audit "
	    "WHERE tbl = ? AND action = 'insert' AND first_id IS NOT NULL AND "
	    "last_id IS NOT NULL ORDER BY first_id", "t", table)) != NULL)
		return err;
	if ((err = inno_stmt_step(as, &arow)) != NULL)
		goto done;
	while ((err = inno_stmt_step(ids, &row)) == NULL && row) {
		id = inno_stmt_int(ids, 0);
		while (arow && inno_stmt_int(as, 0) <= id) {
			if (inno_stmt_int(as, 1) > reach)
				reach = inno_stmt_int(as, 1);
			if ((err = inno_stmt_step(as, &arow)) != NULL)
				goto done;
		}
		if (reach < id)
			report_ids(d, table, id, id, &left);
	}
done:
	inno_stmt_reset(as);
	return err;
}

/*
 * The trigger's name is made from a table name the caller's code gives
 * (never input), checked here to be a plain identifier, since DDL cannot
 * bind it.
 */
const struct inno_error *
inno_audit_bulk_begin(struct inno_db *db, struct inno_audit_bulk *b,
    const char *table)
{
	const struct inno_error *err;
	char *name;
	const char *p;

	assert(b->table == NULL && b->trigger == NULL);
	for (p = table; *p != '\0'; p++)
		assert((*p >= 'a' && *p <= 'z') || *p == '_');
	if ((b->table = strdup(table)) == NULL ||
	    (name = inno_strf("%s_log_insert", table)) == NULL)
		return inno_error_nomem();
	err = inno_db_object_sql(db, "trigger", name, &b->trigger);
	if (err == NULL && b->trigger != NULL)
		err = inno_db_drop_trigger(db, name, table);
	free(name);
	return err;
}

/*
 * The run is logged by the trigger's own rule: a new run unless the last
 * log row is an insert run of the table that no audit row has seen.
 */
const struct inno_error *
inno_audit_bulk_end(struct inno_db *db, struct inno_audit_bulk *b,
    int64_t first_id)
{
	const struct inno_error *err;

	if (b->trigger == NULL)
		return NULL;
	if (first_id > 0 && (err = inno_db_run(db, "INSERT INTO audit_change "
	    "(tbl, action, first_id) SELECT ?1, 'insert', ?2 WHERE NOT EXISTS "
	    "(SELECT 1 FROM audit_change c WHERE c.id = (SELECT max(id) FROM "
	    "audit_change) AND c.tbl = ?1 AND c.action = 'insert' AND c.id > "
	    "coalesce((SELECT change_id FROM audit ORDER BY id DESC LIMIT 1), "
	    "0))", "ti", b->table, first_id)) != NULL)
		return err;
	if ((err = inno_db_exec(db, b->trigger)) != NULL)
		return err;
	free(b->trigger);
	b->trigger = NULL;
	return NULL;
}

void
inno_audit_bulk_release(struct inno_audit_bulk *b)
{
	free(b->table);
	free(b->trigger);
	b->table = NULL;
	b->trigger = NULL;
}

/*
 * The commands and the trail name each other: a command is written with
 * its first audit row, so a command no audit row names, or an audit row
 * naming no command, was made outside the programs.
 */
static const struct inno_error *
check_commands(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT 0, a.id, a.command FROM "
	    "audit a WHERE a.command IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
	    "command c WHERE c.id = a.command) UNION ALL SELECT 1, c.id, 0 "
	    "FROM command c WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE "
	    "a.command = c.id) ORDER BY 1, 2 LIMIT 100", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		if (inno_stmt_int(st, 0) == 0)
			inno_diag_add(d, _("audit: row %lld names command %lld, "
			    "which is not in the command list (removed outside "
			    "the inno programs)"), (long long)inno_stmt_int(st,
			    1), (long long)inno_stmt_int(st, 2));
		else
			inno_diag_add(d, _("audit: command %lld has no audit "
			    "rows (written outside the inno programs)"),
			    (long long)inno_stmt_int(st, 1));
	return err;
}

const struct inno_error *
inno_audit_check_changes(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;

	if ((err = check_log(db, d)) != NULL ||
	    (err = check_present(db, d)) != NULL ||
	    (err = check_runs(db, d)) != NULL ||
	    (err = check_commands(db, d)) != NULL)
		return err;
	return check_updates(db, d);
}

const struct inno_error *
inno_audit_query(struct inno_db *db, struct inno_stmt **stp,
    const char *table, int64_t first_id, int64_t last_id)
{
	return inno_db_query(db, stp, "SELECT at, user, program, action, tbl, "
	    "first_id, last_id, detail FROM audit WHERE tbl = ? AND "
	    "first_id <= ? AND last_id >= ? ORDER BY id", "tii", table,
	    last_id, first_id);
}

/* ------------------------------------------------------------ commands */

const struct inno_error *
inno_audit_commands(struct inno_db *db, const struct inno_audit_filter *f,
    struct inno_stmt **stp)
{
	return inno_db_query(db, stp, "SELECT c.id, c.at, c.user, c.program, "
	    "coalesce((SELECT group_concat(w, '; ') FROM (SELECT a.tbl || "
	    "': ' || sum(a.last_id - a.first_id + 1) || ' ' || CASE a.action "
	    "WHEN 'insert' THEN ?5 WHEN 'update' THEN ?6 ELSE ?7 END AS w "
	    "FROM audit a WHERE a.command = c.id AND a.tbl IS NOT NULL AND "
	    "a.tbl NOT IN (SELECT value FROM json_each(?9)) AND "
	    "a.first_id IS NOT NULL AND a.action IN ('insert', 'update', "
	    "'delete') GROUP BY a.tbl, a.action ORDER BY min(a.id))), "
	    "CASE WHEN EXISTS (SELECT 1 FROM audit a WHERE a.command = c.id "
	    "AND a.action = 'migrate') THEN ?8 END, '') AS changes, "
	    "c.undoes, (SELECT min(u.id) FROM command u WHERE u.undoes = "
	    "c.id) AS undone_by, c.args FROM command c WHERE (?1 IS NULL OR "
	    "substr(c.at, 1, 10) >= ?1) AND (?2 IS NULL OR substr(c.at, 1, "
	    "10) <= ?2) AND (?3 IS NULL OR c.program = ?3) AND (?4 IS NULL "
	    "OR c.user = ?4) ORDER BY c.id", "ttttttttt", f->since, f->until,
	    f->program, f->user, _("added"), _("changed"), _("deleted"),
	    _("schema upgraded"), f->hide != NULL ? f->hide : "[]");
}

const struct inno_error *
inno_audit_command(struct inno_db *db, int64_t id, struct inno_audit_cmd *c,
    int *found)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	memset(c, 0, sizeof *c);
	*found = 0;
	if ((err = inno_db_query(db, &st, "SELECT c.id, c.at, c.user, "
	    "c.program, coalesce(c.undoes, 0), coalesce((SELECT min(u.id) "
	    "FROM command u WHERE u.undoes = c.id), 0) FROM command c WHERE "
	    "c.id = ?", "i", id)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row) {
		*found = 1;
		c->id = inno_stmt_int(st, 0);
		snprintf(c->at, sizeof c->at, "%s", inno_stmt_text(st, 1));
		snprintf(c->user, sizeof c->user, "%s", inno_stmt_text(st, 2));
		snprintf(c->program, sizeof c->program, "%s",
		    inno_stmt_text(st, 3));
		c->undoes = inno_stmt_int(st, 4);
		c->undone_by = inno_stmt_int(st, 5);
	}
	inno_stmt_reset(st);
	return NULL;
}

void
inno_audit_steps_free(struct inno_audit_step *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(s[i].tbl);
		free(s[i].action);
		free(s[i].data);
	}
	free(s);
}

static const struct inno_error *
add_step(struct inno_audit_step **steps, size_t *n,
    enum inno_audit_step_kind kind, const char *tbl, const char *action,
    int64_t first, int64_t last, const char *data, int64_t change)
{
	struct inno_audit_step *grown, *s;

	if ((grown = realloc(*steps, (*n + 1) * sizeof **steps)) == NULL)
		return inno_error_nomem();
	*steps = grown;
	s = &grown[*n];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->first_id = first;
	s->last_id = last;
	s->change = change;
	if ((s->tbl = strdup(tbl)) == NULL ||
	    (s->action = strdup(action)) == NULL ||
	    (data != NULL && (s->data = strdup(data)) == NULL)) {
		free(s->tbl);
		free(s->action);
		return inno_error_nomem();
	}
	(*n)++;
	return NULL;
}

/*
 * The audit rows give the inserts (their ranges) and the batch identities
 * (the batch runner's insert row ends ", batch ID"; an undo's rows carry
 * the identity's row).  The updates and deletes are the change log's
 * entries of the rows the command's update and delete audit rows cover,
 * logged after the last audit row before the command's first (so not
 * another command's) and by the command's last.
 */
const struct inno_error *
inno_audit_steps(struct inno_db *db, int64_t id, struct inno_audit_step **steps,
    size_t *n)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *action, *tbl, *detail, *b;
	int row;

	*steps = NULL;
	*n = 0;
	if ((err = inno_db_query(db, &st, "SELECT action, coalesce(tbl, ''), "
	    "coalesce(first_id, -1), coalesce(last_id, -1), detail FROM audit "
	    "WHERE command = ? ORDER BY id", "i", id)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		action = inno_stmt_text(st, 0);
		tbl = inno_stmt_text(st, 1);
		detail = inno_stmt_text(st, 4);
		if (strcmp(action, "batch-forget") == 0 ||
		    strcmp(action, "batch-restore") == 0)
			err = add_step(steps, n, action[6] == 'f' ?
			    INNO_STEP_BATCH_FORGOT : INNO_STEP_BATCH_RESTORED,
			    tbl, action, -1, -1, detail, 0);
		else if (strcmp(action, "insert") == 0 && tbl[0] != '\0' &&
		    inno_stmt_int(st, 2) > 0) {
			err = add_step(steps, n, INNO_STEP_INSERTED, tbl, action,
			    inno_stmt_int(st, 2), inno_stmt_int(st, 3), NULL, 0);
			for (b = detail; err == NULL && (b = strstr(b,
			    ", batch ")) != NULL; b += 8)
				if (strstr(b + 8, ", batch ") == NULL)
					err = add_step(steps, n, INNO_STEP_BATCH,
					    "batch", action, -1, -1, b + 8, 0);
		} else if (strcmp(action, "undo") == 0)
			continue;
		else if (tbl[0] != '\0' && (strcmp(action, "update") == 0 ||
		    strcmp(action, "delete") == 0 || strcmp(action, "status") ==
		    0 || strcmp(action, "insert") == 0))
			continue;
		else
			err = add_step(steps, n, INNO_STEP_OTHER, tbl, action,
			    -1, -1, detail, 0);
		if (err != NULL) {
			inno_stmt_reset(st);
			goto fail;
		}
	}
	if (err != NULL)
		goto fail;
	if ((err = inno_db_query(db, &st, "SELECT c.id, c.tbl, c.action, "
	    "c.first_id, c.old_row FROM audit_change c WHERE c.action IN "
	    "('update', 'delete') AND c.id > coalesce((SELECT max(p.change_id) "
	    "FROM audit p WHERE p.id < (SELECT min(f.id) FROM audit f WHERE "
	    "f.command = ?1)), 0) AND c.id <= (SELECT max(l.change_id) FROM "
	    "audit l WHERE l.command = ?1) AND EXISTS (SELECT 1 FROM audit a "
	    "WHERE a.command = ?1 AND a.tbl = c.tbl AND a.action = c.action "
	    "AND a.first_id <= c.first_id AND a.last_id >= c.first_id) "
	    "ORDER BY c.id", "i", id)) != NULL)
		goto fail;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		if ((err = add_step(steps, n, strcmp(inno_stmt_text(st, 2),
		    "update") == 0 ? INNO_STEP_UPDATED : INNO_STEP_DELETED,
		    inno_stmt_text(st, 1), inno_stmt_text(st, 2),
		    inno_stmt_int(st, 3), inno_stmt_int(st, 3),
		    inno_stmt_isnull(st, 4) ? NULL : inno_stmt_text(st, 4),
		    inno_stmt_int(st, 0))) != NULL) {
			inno_stmt_reset(st);
			break;
		}
	if (err == NULL)
		return NULL;
fail:
	inno_audit_steps_free(*steps, *n);
	*steps = NULL;
	*n = 0;
	return err;
}

/*
 * A later change of a row the command wrote is an update or delete in the
 * log after the command's last entry, of a row in one of its audit rows'
 * ranges; the command that made it is the one of the first audit row
 * covering it (the rule of check_updates).
 */
const struct inno_error *
inno_audit_later(struct inno_db *db, int64_t id, const char *skip,
    int64_t **ids, size_t *n)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int64_t *grown;
	int row;

	*ids = NULL;
	*n = 0;
	if ((err = inno_db_query(db, &st, "SELECT DISTINCT cmd FROM (SELECT "
	    "(SELECT a.command "
	    "FROM audit a WHERE a.tbl = c.tbl AND a.action = c.action AND "
	    "a.action IN ('update', 'delete') AND "
	    "a.first_id <= c.first_id AND a.last_id >= c.first_id AND "
	    "a.change_id >= c.id ORDER BY a.id LIMIT 1) AS cmd FROM "
	    "audit_change c, (SELECT DISTINCT tbl, first_id, last_id FROM "
	    "audit WHERE command = ?1 AND tbl IS NOT NULL AND first_id IS NOT "
	    "NULL) m WHERE c.tbl = m.tbl AND c.first_id BETWEEN m.first_id "
	    "AND m.last_id AND c.action IN ('update', 'delete') AND c.id > "
	    "(SELECT max(l.change_id) FROM audit l WHERE l.command = ?1) "
	    "AND c.tbl NOT IN (SELECT value FROM json_each(?2))) AS x "
	    "WHERE cmd IS NOT NULL AND cmd <> ?1 ORDER BY cmd", "it", id,
	    skip != NULL ? skip : "[]")) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((grown = realloc(*ids, (*n + 1) * sizeof **ids)) == NULL) {
			inno_stmt_reset(st);
			free(*ids);
			*ids = NULL;
			*n = 0;
			return inno_error_nomem();
		}
		*ids = grown;
		(*ids)[(*n)++] = inno_stmt_int(st, 0);
	}
	return err;
}

const struct inno_error *
inno_audit_written_by(struct inno_db *db, const char *table, int64_t id,
    int64_t *command)
{
	int found;

	*command = 0;
	return inno_db_int(db, command, &found, "SELECT coalesce(command, 0) "
	    "FROM audit WHERE tbl = ? AND action IN ('insert', 'update') AND "
	    "first_id <= ? AND last_id >= ? ORDER BY id DESC LIMIT 1", "tii",
	    table, id, id);
}

const struct inno_error *
inno_audit_change_mark(struct inno_db *db, int64_t *mark)
{
	return inno_db_int(db, mark, NULL, "SELECT coalesce(max(id), 0) FROM "
	    "audit_change", NULL);
}

const struct inno_error *
inno_audit_changes_since(struct inno_db *db, int64_t mark, const char *table,
    const char *action, int64_t *n, int64_t *first, int64_t *last)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	*n = *first = *last = 0;
	if ((err = inno_db_query(db, &st, "SELECT count(*), "
	    "coalesce(min(first_id), 0), coalesce(max(first_id), 0) FROM "
	    "audit_change WHERE id > ? AND tbl = ? AND action = ?", "itt",
	    mark, table, action)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row) {
		*n = inno_stmt_int(st, 0);
		*first = inno_stmt_int(st, 1);
		*last = inno_stmt_int(st, 2);
	}
	inno_stmt_reset(st);
	return NULL;
}

/* inno_audit_updates' insert: its head, then one of these a row. */
#define UPDATES_INSERT 32
#define UPDATES_SQL "INSERT INTO audit (id, at, uid, user, program, action, " \
	"tbl, first_id, last_id, detail, change_id, digest, command) VALUES "
#define UPDATES_ROW "(?, ?, ?, ?, ?, ?, ?, nullif(?, -1), nullif(?, -1), ?, " \
	"?, ?, ?)"

/*
 * The rows are those inno_audit would have written one by one after each
 * update, with the change_id each would have read: the log's entry of its
 * own change.  What a row costs inno_audit apart from its insert (the
 * trail's last row, the command, the log's end) is read once a call.
 */
const struct inno_error *
inno_audit_updates(struct inno_db *db, const char *table, int64_t mark,
    size_t n, const int64_t *ids, char *const *details)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	struct audit_row r;
	char at[32], prev[65], hexes[UPDATES_INSERT][65];
	char *many = NULL, *many_one = NULL, *grown_sql;
	int64_t *changes = NULL, *rows = NULL, *grown, last = mark;
	unsigned char *done = NULL;
	size_t nlog = 0, cap = 0, i, j, k, m = 0, next = 0, per = 1;
	struct tm tm;
	time_t t = time(NULL);
	int row, col;

	if (n == 0)
		return NULL;
	/* The insert of one row and of UPDATES_INSERT, the same text each call. */
	if ((many_one = inno_strf("%s%s", UPDATES_SQL, UPDATES_ROW)) == NULL)
		return inno_error_nomem();
	many = many_one;
	for (j = 1; j < UPDATES_INSERT; j++) {
		grown_sql = inno_strf("%s, %s", many, UPDATES_ROW);
		if (many != many_one)
			free(many);
		if ((many = grown_sql) == NULL) {
			free(many_one);
			return inno_error_nomem();
		}
	}
	/* The log's entries since mark, read before the trail is written. */
	if ((err = inno_db_query(db, &st, "SELECT id, first_id FROM "
	    "audit_change WHERE id > ? AND tbl = ? AND action = 'update' "
	    "ORDER BY id", "it", mark, table)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if (nlog == cap) {
			cap = cap ? 2 * cap : n;
			if ((grown = realloc(changes, cap * sizeof *changes)) ==
			    NULL)
				goto nomem;
			changes = grown;
			if ((grown = realloc(rows, cap * sizeof *rows)) == NULL)
				goto nomem;
			rows = grown;
		}
		changes[nlog] = inno_stmt_int(st, 0);
		rows[nlog++] = inno_stmt_int(st, 1);
	}
	if (err != NULL)
		goto done;
	if ((err = inno_db_int(db, &last, NULL, "SELECT coalesce(max(id), 0) "
	    "FROM audit_change", NULL)) != NULL)
		goto done;
	/* Room for the order the rows go in, one for each of ids at most. */
	if (cap < n) {
		if ((grown = realloc(changes, n * sizeof *changes)) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		changes = grown;
		if ((grown = realloc(rows, n * sizeof *rows)) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		rows = grown;
		cap = n;
	}
	if ((done = calloc(n, 1)) == NULL) {
		err = inno_error_nomem();
		goto done;
	}

	gmtime_r(&t, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	memset(&r, 0, sizeof r);
	if ((err = trail_end(db, &r.id, prev)) != NULL)
		goto done;
	r.at = at;
	r.user = inno_db_user(db, &r.uid);
	r.program = inno_db_program(db);
	r.action = "update";
	r.tbl = table;
	if ((err = command_id(db, at, &r.command)) != NULL)
		goto done;
	/*
	 * Each entry of the log goes with the row it changed, found in ids
	 * in the same order as a rule (the updates were made in it); a row
	 * the log holds no change of (its trigger is missing) is audited
	 * after them with the log's end, as inno_audit would have.
	 */
	for (k = 0; k < nlog + n; k++) {
		if (k < nlog) {
			for (j = 0; j < n; j++) {
				i = (next + j) % n;
				if (!done[i] && ids[i] == rows[k])
					break;
			}
			if (j == n)
				continue;
			changes[m] = changes[k];
		} else {
			i = k - nlog;
			if (done[i])
				continue;
			changes[m] = last;
		}
		done[i] = 1;
		next = i + 1;
		rows[m++] = (int64_t)i;
	}
	/*
	 * The rows go in UPDATES_INSERT at a time, one statement for them:
	 * a statement each cost as much again as the row's b-tree work.
	 */
	for (k = 0; k < m; k += per) {
		per = m - k >= UPDATES_INSERT ? UPDATES_INSERT : 1;
		if ((err = inno_db_prepare(db, &st, per > 1 ? many :
		    many_one)) != NULL)
			goto done;
		for (j = 0; j < per && err == NULL; j++) {
			i = (size_t)rows[k + j];
			r.id++;
			r.first_id = r.last_id = ids[i];
			r.detail = details[i];
			r.change_id = changes[k + j];
			row_digest(prev, &r, hexes[j]);
			memcpy(prev, hexes[j], sizeof prev);
			col = (int)(j * 13);
			if ((err = inno_stmt_bind_int(st, col + 1, r.id)) ==
			    NULL &&
			    (err = inno_stmt_bind_static(st, col + 2, r.at,
			    -1)) == NULL &&
			    (err = inno_stmt_bind_int(st, col + 3, r.uid)) ==
			    NULL &&
			    (err = inno_stmt_bind_static(st, col + 4, r.user,
			    -1)) == NULL &&
			    (err = inno_stmt_bind_static(st, col + 5, r.program,
			    -1)) == NULL &&
			    (err = inno_stmt_bind_static(st, col + 6, r.action,
			    -1)) == NULL &&
			    (err = inno_stmt_bind_static(st, col + 7, r.tbl,
			    -1)) == NULL &&
			    (err = inno_stmt_bind_int(st, col + 8, r.first_id)) ==
			    NULL &&
			    (err = inno_stmt_bind_int(st, col + 9, r.last_id)) ==
			    NULL &&
			    (err = inno_stmt_bind_static(st, col + 10, r.detail,
			    -1)) == NULL &&
			    (err = inno_stmt_bind_int(st, col + 11,
			    r.change_id)) == NULL &&
			    (err = inno_stmt_bind_static(st, col + 12, hexes[j],
			    -1)) == NULL)
				err = inno_stmt_bind_int(st, col + 13, r.command);
		}
		if (err == NULL)
			err = inno_stmt_step(st, &row);
		inno_stmt_reset(st);
		if (err != NULL)
			goto done;
	}
	goto done;
nomem:
	inno_stmt_reset(st);
	err = inno_error_nomem();
done:
	free(changes);
	free(rows);
	free(done);
	free(many);
	free(many_one);
	return err;
}
