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
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	sha256_hex(&h, hex);
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
	struct inno_stmt *st;
	struct audit_row r;
	char at[32], hex[65];
	char *detail, *prev = NULL;
	struct tm tm;
	time_t t = time(NULL);
	va_list ap;
	int row;

	gmtime_r(&t, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	va_start(ap, fmt);
	detail = inno_vstrf(fmt, ap);
	va_end(ap);
	if (detail == NULL)
		return inno_error_nomem();

	memset(&r, 0, sizeof r);
	if ((err = inno_db_query(db, &st, "SELECT id, digest FROM audit "
	    "ORDER BY id DESC LIMIT 1", NULL)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		goto done;
	if (row) {
		r.id = inno_stmt_int(st, 0);
		if ((prev = strdup(inno_stmt_text(st, 1))) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
	}
	inno_stmt_reset(st);
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
	row_digest(prev != NULL ? prev : "", &r, hex);
	err = inno_db_run(db, "INSERT INTO audit (id, at, uid, user, program, "
	    "action, tbl, first_id, last_id, detail, change_id, digest) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, nullif(?, -1), nullif(?, -1), ?, ?, "
	    "?)", "itittttiitit", r.id, r.at, r.uid, r.user, r.program,
	    r.action, r.tbl, r.first_id, r.last_id, r.detail, r.change_id,
	    hex);
done:
	free(prev);
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
	    "action, tbl, first_id, last_id, detail, change_id, digest FROM "
	    "audit ORDER BY id", NULL)) != NULL)
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
 * by one probe of the audit_tbl index; among ranges with the same start,
 * the index holds the latest last.
 */
static const struct inno_error *
check_runs(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT c.tbl, c.first_id FROM "
	    "audit_change c WHERE c.action = 'insert' AND NOT coalesce(("
	    "SELECT a.last_id >= c.first_id AND a.change_id >= c.id FROM "
	    "audit a WHERE a.tbl = c.tbl AND a.action = 'insert' AND "
	    "a.first_id <= c.first_id ORDER BY a.first_id DESC LIMIT 1), 0) "
	    "ORDER BY c.id LIMIT 1000", NULL)) != NULL)
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
	    "a.action = c.action AND a.change_id >= c.id AND a.change_id < "
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
	int64_t from, to;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT prev + 1, id - 1 FROM "
	    "(SELECT id, coalesce(lag(id) OVER (ORDER BY id), 0) AS prev "
	    "FROM audit_change) WHERE id > prev + 1 UNION ALL "
	    "SELECT coalesce((SELECT max(id) FROM audit_change), 0) + 1, seq "
	    "FROM sqlite_sequence WHERE name = 'audit_change' AND seq > "
	    "coalesce((SELECT max(id) FROM audit_change), 0)", NULL)) != NULL)
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

const struct inno_error *
inno_audit_check_changes(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;

	if ((err = check_log(db, d)) != NULL ||
	    (err = check_present(db, d)) != NULL ||
	    (err = check_runs(db, d)) != NULL)
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
