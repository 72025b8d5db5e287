/*
 * db-copy.c: a whole database copied into a new one, from one engine to
 * the other (an office's SQLite file onto its PostgreSQL server, and
 * back) or to another file, and two databases compared table by table
 * (inno-copy).  It is part of the database layer: it reads and writes
 * every table by its name in the catalogue, as inno-export and inno-undo
 * reach rows by name through db.c, and asks the target's engine to hold
 * off its triggers while the rows go in (engine.h, load).
 *
 * The copy is the source's rows as they are, the audit trail and the
 * change log among them, so the copy's trail still verifies (its chain
 * covers the same rows) and nothing new is written to it: a copy is the
 * same database in another place, not a change to one.  It is one
 * transaction of the target's, compared with the source before its
 * commit, so a target is either a verified copy or as it was.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "i18n.h"
#include "inno.h"
#include "sha256.h"

void
inno_copy_result_init(struct inno_copy_result *res)
{
	memset(res, 0, sizeof *res);
}

void
inno_copy_result_release(struct inno_copy_result *res)
{
	size_t i;

	for (i = 0; i < res->ntables; i++)
		free(res->tables[i].name);
	free(res->tables);
	memset(res, 0, sizeof *res);
}

/* ------------------------------------------------------------ tables */

/* The tables of a database (not its views), by name in byte order. */
struct names {
	char **v;
	size_t n;
};

static void
names_free(struct names *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Whether a table's name is one share/schema would make: lowercase
 * letters, digits and '_', not too long.
 */
static int
plain_name(const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '_' ||
		    (p > s && *p >= '0' && *p <= '9')))
			return 0;
	return p > s && p - s <= 63;
}

/*
 * Every name is the catalogue's, and goes into SQL below; one the schema
 * would not make is refused rather than quoted.
 */
static const struct inno_error *
list_tables(struct inno_db *db, struct names *t)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char **grown;
	int row;

	t->v = NULL;
	t->n = 0;
	if ((err = inno_db_tables(db, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if (strcmp(inno_stmt_text(st, 1), "table") != 0)
			continue;
		if (!plain_name(inno_stmt_text(st, 0))) {
			err = inno_error_code(INNO_EUSAGE, INNO_E_SYNTAX,
			    _("%s: unusual table name"), inno_stmt_text(st, 0));
			break;
		}
		if ((grown = realloc(t->v, (t->n + 1) * sizeof *t->v)) == NULL) {
			err = inno_error_nomem();
			break;
		}
		t->v = grown;
		if ((t->v[t->n] = strdup(inno_stmt_text(st, 0))) == NULL) {
			err = inno_error_nomem();
			break;
		}
		t->n++;
	}
	inno_stmt_reset(st);
	if (err != NULL) {
		names_free(t);
		return err;
	}
	qsort(t->v, t->n, sizeof *t->v, cmp_name);
	return NULL;
}

/* Both databases at the same schema version, or an EUSAGE error. */
static const struct inno_error *
same_version(struct inno_db *a, struct inno_db *b)
{
	int va = inno_db_user_version(a), vb = inno_db_user_version(b);

	if (va != vb)
		return inno_error_code(INNO_EUSAGE, INNO_E_CORRUPT, _("%s is at "
		    "schema version %d and %s at %d; both must be at the same "
		    "version"), a->label, va, b->label, vb);
	return NULL;
}

/* The number of rows of table t. */
static const struct inno_error *
count_rows(struct inno_db *db, const char *t, int64_t *n)
{
	const struct inno_error *err;
	char *sql;

	if ((sql = inno_strf("SELECT count(*) FROM \"%s\"", t)) == NULL)
		return inno_error_nomem();
	err = inno_db_int(db, n, NULL, sql, NULL);
	free(sql);
	return err;
}

/* ------------------------------------------------------------ digests */

/* A sum of row digests, modulo 2^256, big-endian. */
struct digest {
	unsigned char sum[32];
	int64_t rows;
};

static int
hexval(char c)
{
	return c >= 'a' ? c - 'a' + 10 : c - '0';
}

/*
 * Adds the current row of st: each value with its kind and, for text, its
 * length, so that no two rows read alike (NULL is not "", 1 is not "1",
 * and the values cannot run into each other).
 */
static void
digest_row(struct digest *d, struct inno_stmt *st)
{
	struct sha256 h;
	char hex[65], head[32];
	int i, n = inno_stmt_ncols(st), carry, len;
	const char *v;

	sha256_init(&h);
	for (i = 0; i < n; i++) {
		if (inno_stmt_isnull(st, i)) {
			sha256_update(&h, "N;", 2);
			continue;
		}
		v = inno_stmt_text(st, i);
		len = inno_stmt_bytes(st, i);
		snprintf(head, sizeof head, "%c%d:", "TIR"[inno_stmt_isnum(st,
		    i) % 3], len);
		sha256_update(&h, head, strlen(head));
		sha256_update(&h, v, (size_t)len);
		sha256_update(&h, ";", 1);
	}
	sha256_hex(&h, hex);
	carry = 0;
	for (i = 31; i >= 0; i--) {
		carry += d->sum[i] + (hexval(hex[2 * i]) << 4 |
		    hexval(hex[2 * i + 1]));
		d->sum[i] = (unsigned char)(carry & 0xff);
		carry >>= 8;
	}
	d->rows++;
}

static void
digest_hex(const struct digest *d, char hex[65])
{
	int i;

	for (i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d->sum[i]);
}

/* Reads every row of table t into a digest. */
static const struct inno_error *
digest_table(struct inno_db *db, const char *t, struct digest *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char *sql;
	int row;

	memset(d, 0, sizeof *d);
	if ((sql = inno_strf("SELECT * FROM \"%s\"", t)) == NULL)
		return inno_error_nomem();
	err = inno_db_query(db, &st, sql, NULL);
	free(sql);
	if (err != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		digest_row(d, st);
	inno_stmt_reset(st);
	return err;
}

/* Adds table name to res, with what one side or both have of it. */
static const struct inno_error *
add_table(struct inno_copy_result *res, const char *name,
    const struct digest *a, const struct digest *b)
{
	struct inno_copy_table *grown, *t;

	if ((grown = realloc(res->tables, (res->ntables + 1) *
	    sizeof *res->tables)) == NULL)
		return inno_error_nomem();
	res->tables = grown;
	t = &grown[res->ntables];
	memset(t, 0, sizeof *t);
	if ((t->name = strdup(name)) == NULL)
		return inno_error_nomem();
	res->ntables++;
	t->rows = a != NULL ? a->rows : -1;
	t->target_rows = b != NULL ? b->rows : -1;
	if (a != NULL)
		digest_hex(a, t->digest);
	if (b != NULL)
		digest_hex(b, t->target_digest);
	t->same = a != NULL && b != NULL && a->rows == b->rows &&
	    memcmp(a->sum, b->sum, sizeof a->sum) == 0;
	if (!t->same)
		res->differ++;
	if (a != NULL)
		res->rows += a->rows;
	return NULL;
}

/*
 * Walks both lists of tables side by side, digesting each table on the
 * side or sides that have it.  from is given when its digests are known
 * already (the copy computed them as it read the rows).
 */
static const struct inno_error *
compare_tables(struct inno_db *a, const struct names *ta, struct inno_db *b,
    const struct names *tb, const struct digest *from,
    struct inno_copy_result *res)
{
	const struct inno_error *err;
	struct digest da, db;
	size_t i = 0, j = 0;
	int c;

	while (i < ta->n || j < tb->n) {
		if (i == ta->n)
			c = 1;
		else if (j == tb->n)
			c = -1;
		else
			c = strcmp(ta->v[i], tb->v[j]);
		if (c <= 0) {
			if (from != NULL)
				da = from[i];
			else if ((err = digest_table(a, ta->v[i], &da)) != NULL)
				return err;
		}
		if (c >= 0 && (err = digest_table(b, tb->v[j], &db)) != NULL)
			return err;
		if ((err = add_table(res, c <= 0 ? ta->v[i] : tb->v[j],
		    c <= 0 ? &da : NULL, c >= 0 ? &db : NULL)) != NULL)
			return err;
		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
	}
	return NULL;
}

const struct inno_error *
inno_db_compare(struct inno_db *a, struct inno_db *b,
    struct inno_copy_result *res)
{
	const struct inno_error *err;
	struct names ta = { NULL, 0 }, tb = { NULL, 0 };

	if ((err = same_version(a, b)) != NULL)
		return err;
	if ((err = inno_db_begin_read(a)) != NULL)
		return err;
	if ((err = inno_db_begin_read(b)) != NULL) {
		inno_db_rollback(a);
		return err;
	}
	if ((err = list_tables(a, &ta)) == NULL &&
	    (err = list_tables(b, &tb)) == NULL)
		err = compare_tables(a, &ta, b, &tb, NULL, res);
	inno_db_rollback(b);
	inno_db_rollback(a);
	names_free(&ta);
	names_free(&tb);
	return err;
}

/* ------------------------------------------------------------ the copy */

/*
 * Whether to is new: every table empty but for what opening it wrote,
 * which a copy replaces.  That is the migrations' rows of the audit trail
 * (found through audit_lines, the trail's view for readers) and the
 * commands they belong to; anything else is an office's data, which a
 * copy must not mix with another's.  *clear is set, for each table, to
 * whether it has rows to delete before the copy.  A table to name in the
 * refusal is looked for outside the trail first: a database with staff
 * in it is better described by them than by the trail of their making.
 */
static const struct inno_error *
check_new(struct inno_db *to, const struct names *t, int *clear)
{
	/*
	 * The trail's table, the commands' and the change log's, as
	 * share/schema names them.
	 */
	static const char trail[] = "audit", commands[] = "command",
	    changes[] = "audit_change";
	const struct inno_error *err;
	struct inno_stmt *st;
	int64_t *n, migrate = 0, cmds = 0, allowed;
	size_t i, bad = t->n;
	int row, pass;

	if ((n = calloc(t->n + 1, sizeof *n)) == NULL)
		return inno_error_nomem();
	for (i = 0; i < t->n; i++)
		if ((err = count_rows(to, t->v[i], &n[i])) != NULL)
			goto done;
	if ((err = inno_db_query(to, &st, "SELECT count(*), count(DISTINCT "
	    "command) FROM audit_lines WHERE action = 'migrate'", NULL)) !=
	    NULL || (err = inno_stmt_step(st, &row)) != NULL)
		goto done;
	if (row) {
		migrate = inno_stmt_int(st, 0);
		cmds = inno_stmt_int(st, 1);
	}
	inno_stmt_reset(st);
	for (pass = 0; pass < 2 && bad == t->n; pass++) {
		for (i = 0; i < t->n && bad == t->n; i++) {
			int own = strcmp(t->v[i], trail) == 0 ||
			    strcmp(t->v[i], commands) == 0 ||
			    strcmp(t->v[i], changes) == 0;

			if (own != pass)
				continue;
			allowed = strcmp(t->v[i], trail) == 0 ? migrate :
			    strcmp(t->v[i], commands) == 0 ? cmds : 0;
			if (n[i] > allowed)
				bad = i;
			clear[i] = n[i] > 0;
		}
	}
	if (bad < t->n)
		err = inno_error_code(INNO_EUSAGE, INNO_E_EXISTS,
		    dngettext(INNO_TEXTDOMAIN, "%s: not empty (table %s has "
		    "%lld row); inno-copy copies into a new database only",
		    "%s: not empty (table %s has %lld rows); inno-copy copies "
		    "into a new database only", (unsigned long)n[bad]),
		    to->label, t->v[bad], (long long)n[bad]);
done:
	free(n);
	return err;
}

/*
 * The order the tables are filled in: a table after the tables its
 * foreign keys refer to, so that each key holds as its row goes in.  Two
 * tables that refer to each other (an idea and the review that adopted
 * it, a knowledge item and the evaluation that approved it) cannot both
 * come after the other: of a cycle, the first table by name goes first,
 * and its key to the other is checked at the commit (deferred: every key
 * on SQLite, the keys the schema declares DEFERRABLE on PostgreSQL).  A
 * table's key to itself (a reversal, an undo) names a row before it, and
 * the rows go in by id.
 */
struct order {
	size_t n;
	char *refers;		/* refers[i * n + j]: table i refers to j */
	char *placed;
	char *seen;
	struct names *t;
};

/* fkeys_sql's rows for table j: tables referring to it. */
static const struct inno_error *
read_keys(struct inno_db *db, struct order *o, size_t j)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char **hit;
	const char *name;
	int row;

	if ((err = inno_db_query(db, &st, db->eng->fkeys_sql, "t",
	    o->t->v[j])) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		name = inno_stmt_text(st, 0);
		hit = bsearch(&name, o->t->v, o->n, sizeof *o->t->v, cmp_name);
		if (hit != NULL && (size_t)(hit - o->t->v) != j)
			o->refers[(size_t)(hit - o->t->v) * o->n + j] = 1;
	}
	inno_stmt_reset(st);
	return err;
}

/* Whether table i leads back to table to through unplaced tables. */
static int
reaches(struct order *o, size_t i, size_t to)
{
	size_t j;

	for (j = 0; j < o->n; j++) {
		if (!o->refers[i * o->n + j] || o->placed[j] || o->seen[j])
			continue;
		if (j == to)
			return 1;
		o->seen[j] = 1;
		if (reaches(o, j, to))
			return 1;
	}
	return 0;
}

static const struct inno_error *
fill_order(struct inno_db *db, struct names *t, size_t *order)
{
	const struct inno_error *err = NULL;
	struct order o;
	size_t i, j, k, pick;

	o.n = t->n;
	o.t = t;
	o.refers = calloc(t->n * t->n + 1, 1);
	o.placed = calloc(t->n + 1, 1);
	o.seen = calloc(t->n + 1, 1);
	if (o.refers == NULL || o.placed == NULL || o.seen == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	for (j = 0; j < t->n; j++)
		if ((err = read_keys(db, &o, j)) != NULL)
			goto done;
	for (k = 0; k < t->n; k++) {
		pick = t->n;
		for (i = 0; i < t->n && pick == t->n; i++) {
			if (o.placed[i])
				continue;
			for (j = 0; j < t->n; j++)
				if (o.refers[i * t->n + j] && !o.placed[j])
					break;
			if (j == t->n)
				pick = i;
		}
		for (i = 0; i < t->n && pick == t->n; i++) {
			if (o.placed[i])
				continue;
			memset(o.seen, 0, t->n);
			if (reaches(&o, i, i))
				pick = i;
		}
		/* Every table left refers to a placed one or a cycle. */
		for (i = 0; i < t->n && pick == t->n; i++)
			if (!o.placed[i])
				pick = i;
		o.placed[pick] = 1;
		order[k] = pick;
	}
done:
	free(o.refers);
	free(o.placed);
	free(o.seen);
	return err;
}

/*
 * Appends "name" to b, quoted as an identifier, its quotes doubled; -1
 * when memory is short.
 */
static int
put_ident(struct inno_buf *b, const char *name)
{
	const char *p;

	if (inno_buf_put(b, "\"", 1) == -1)
		return -1;
	for (p = name; *p != '\0'; p++)
		if (inno_buf_put(b, p, 1) == -1 ||
		    (*p == '"' && inno_buf_put(b, "\"", 1) == -1))
			return -1;
	return inno_buf_put(b, "\"", 1);
}

/*
 * Copies the rows of table t, by id, with one INSERT naming the columns
 * the source's rows have; each value goes in as the source has it: NULL,
 * an integer, or text (which the target's column reads as its type).
 */
static const struct inno_error *
copy_table(struct inno_db *from, struct inno_db *to, const char *t,
    const struct inno_copy_opts *opts, struct digest *d)
{
	const struct inno_error *err;
	struct inno_stmt *src, *dst = NULL;
	struct inno_buf b = { NULL, 0, 0 };
	int i, n, row, done;
	char *sql;

	memset(d, 0, sizeof *d);
	if ((sql = inno_strf("SELECT * FROM \"%s\" ORDER BY 1", t)) == NULL)
		return inno_error_nomem();
	err = inno_db_query(from, &src, sql, NULL);
	free(sql);
	if (err != NULL)
		return err;
	n = inno_stmt_ncols(src);
	while ((err = inno_stmt_step(src, &row)) == NULL && row) {
		if (dst == NULL) {
			/*
			 * Built at the first row: a statement's column names
			 * are known once it runs on PostgreSQL.
			 */
			/*
			 * The table's name bare: the PostgreSQL engine reads
			 * it to know whether the row has an id to return.
			 */
			if (inno_buf_put(&b, "INSERT INTO ", 12) == -1 ||
			    inno_buf_put(&b, t, strlen(t)) == -1 ||
			    inno_buf_put(&b, " (", 2) == -1)
				goto nomem;
			for (i = 0; i < n; i++)
				if ((i > 0 && inno_buf_put(&b, ", ", 2) == -1) ||
				    put_ident(&b, inno_stmt_colname(src, i)) ==
				    -1)
					goto nomem;
			if (inno_buf_put(&b, ") VALUES (", 10) == -1)
				goto nomem;
			for (i = 0; i < n; i++)
				if (inno_buf_put(&b, i > 0 ? ", ?" : "?", i > 0 ?
				    3 : 1) == -1)
					goto nomem;
			if (inno_buf_put(&b, ")", 1) == -1)
				goto nomem;
			if ((err = inno_db_prepare(to, &dst, b.s)) != NULL)
				break;
		}
		for (i = 0; i < n && err == NULL; i++) {
			if (inno_stmt_isnull(src, i))
				err = inno_stmt_bind_null(dst, i + 1);
			else if (inno_stmt_isnum(src, i) == 1)
				err = inno_stmt_bind_int(dst, i + 1,
				    inno_stmt_int(src, i));
			else
				err = inno_stmt_bind_text(dst, i + 1,
				    inno_stmt_text(src, i),
				    inno_stmt_bytes(src, i));
		}
		if (err != NULL)
			break;
		do {
			err = inno_stmt_step(dst, &done);
		} while (err == NULL && done);
		inno_stmt_reset(dst);
		if (err != NULL)
			break;
		digest_row(d, src);
		if (opts->progress != NULL && d->rows % 1000 == 0)
			opts->progress(opts->progress_arg, t, d->rows);
	}
	inno_stmt_reset(src);
	free(b.s);
	if (err == NULL && opts->progress != NULL)
		opts->progress(opts->progress_arg, t, d->rows);
	return err;
nomem:
	inno_stmt_reset(src);
	free(b.s);
	return inno_error_nomem();
}

/* A dry run into a database without its schema: from's rows, counted. */
static const struct inno_error *
count_only(struct inno_db *from, struct inno_copy_result *res)
{
	const struct inno_error *err;
	struct names t = { NULL, 0 };
	struct digest d;
	size_t i;

	if ((err = inno_db_begin_read(from)) != NULL)
		return err;
	if ((err = list_tables(from, &t)) == NULL)
		for (i = 0; i < t.n && err == NULL; i++)
			if ((err = digest_table(from, t.v[i], &d)) == NULL &&
			    (err = add_table(res, t.v[i], &d, &d)) == NULL)
				res->tables[res->ntables - 1].target_rows = -1;
	inno_db_rollback(from);
	names_free(&t);
	return err;
}

/*
 * A failure while the rows go in is the copy's, not the input's: a row
 * the target refuses is one the source holds, and the error says which
 * table (NULL: a key checked at the commit); the busy lock keeps its
 * class, to be retried.
 */
static const struct inno_error *
copy_error(const struct inno_error *err, const char *table)
{
	struct inno_error copy = *err;

	if (err->code == INNO_EBUSY || err->what == INNO_E_NOMEM)
		return err;
	if (table == NULL)
		return inno_error_code(INNO_ESYS, copy.what, _("committing the "
		    "copy: %s"), copy.msg);
	return inno_error_code(INNO_ESYS, copy.what, _("copying table %s: %s"),
	    table, copy.msg);
}

const struct inno_error *
inno_db_copy(struct inno_db *from, struct inno_db *to,
    const struct inno_copy_opts *opts, struct inno_copy_result *res)
{
	const struct inno_error *err;
	struct names tf = { NULL, 0 }, tt = { NULL, 0 };
	struct digest *d = NULL;
	size_t *order = NULL, i;
	int *clear = NULL, began_from = 0, began_to = 0;
	char *sql;

	if (to == NULL)
		return count_only(from, res);
	if ((err = same_version(from, to)) != NULL)
		return err;
	if ((err = inno_db_begin_read(from)) != NULL)
		return err;
	began_from = 1;
	if ((err = inno_db_begin(to)) != NULL)
		goto done;
	began_to = 1;
	if ((err = list_tables(from, &tf)) != NULL ||
	    (err = list_tables(to, &tt)) != NULL)
		goto done;
	for (i = 0; i < tf.n && tf.n == tt.n; i++)
		if (strcmp(tf.v[i], tt.v[i]) != 0)
			break;
	if (tf.n != tt.n || i < tf.n) {
		err = inno_error_code(INNO_EUSAGE, INNO_E_CORRUPT, _("%s and %s "
		    "have different tables (see inno-check)"), from->label,
		    to->label);
		goto done;
	}
	if ((clear = calloc(tt.n + 1, sizeof *clear)) == NULL ||
	    (order = calloc(tt.n + 1, sizeof *order)) == NULL ||
	    (d = calloc(tt.n + 1, sizeof *d)) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	if ((err = check_new(to, &tt, clear)) != NULL ||
	    (err = fill_order(to, &tt, order)) != NULL)
		goto done;
	if ((err = to->eng->load(to, 0, NULL)) != NULL ||
	    (err = inno_db_exec(to, "PRAGMA defer_foreign_keys = ON")) != NULL)
		goto done;
	for (i = 0; i < tt.n; i++) {
		if (!clear[i])
			continue;
		if ((sql = inno_strf("DELETE FROM \"%s\"", tt.v[i])) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		err = inno_db_exec(to, sql);
		free(sql);
		if (err != NULL)
			goto done;
	}
	for (i = 0; i < tt.n; i++)
		if ((err = copy_table(from, to, tt.v[order[i]], opts,
		    &d[order[i]])) != NULL) {
			err = copy_error(err, tt.v[order[i]]);
			goto done;
		}
	/* Putting the triggers back checks the keys put off till then. */
	if ((err = to->eng->load(to, 1, from)) != NULL) {
		err = copy_error(err, NULL);
		goto done;
	}
	if ((err = compare_tables(from, &tf, to, &tt, d, res)) != NULL)
		goto done;
	for (i = 0; i < res->ntables; i++)
		if (!res->tables[i].same) {
			err = inno_error_code(INNO_EINPUT, INNO_E_INPUT, _("%s: "
			    "table %s differs from %s after the copy; nothing "
			    "was written"), to->label, res->tables[i].name,
			    from->label);
			goto done;
		}
	if (opts->dry_run)
		goto done;
	began_to = 0;
	if ((err = inno_db_commit(to)) != NULL)
		err = copy_error(err, NULL);
done:
	if (began_to)
		inno_db_rollback(to);
	if (began_from)
		inno_db_rollback(from);
	names_free(&tf);
	names_free(&tt);
	free(clear);
	free(order);
	free(d);
	return err;
}
