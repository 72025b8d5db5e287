/*
 * staff.c: the organisation: departments, teams with their authorised
 * headcount, and employees.  staff-import creates a department or team the
 * first time a row names it, so one file from the personnel system sets up
 * the whole organisation.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "staff.h"
#include "i18n.h"

const struct inno_col inno_staff_cols[INNO_STAFF_NCOLS] = {
	{"employee_id", 1}, {"name", 1}, {"grade", 1}, {"dept", 1},
	{"team", 0}, {"joined", 0}, {"left", 0},
};

const struct inno_col inno_team_cols[INNO_TEAM_NCOLS] = {
	{"dept", 1}, {"team", 1}, {"authorised", 0}, {"kind", 0},
};

static const char *const dept_kinds[] = {"division", "office", "bureau",
    "other", NULL};

/*
 * The lookups other modules' SQL uses instead of joining the organisation's
 * tables (staff.h lists them with their meaning).
 */
static const struct {
	const char *name;
	int nargs;
	const char *sql;
} lookups[] = {
	{"inno_dept_name", 1, "SELECT name FROM dept WHERE id = ?1"},
	{"inno_dept_ref", 1, "SELECT id FROM dept WHERE name = ?1"},
	{"inno_team_name", 1, "SELECT name FROM team WHERE id = ?1"},
	{"inno_team_dept", 1, "SELECT dept_id FROM team WHERE id = ?1"},
	{"inno_employee_name", 1, "SELECT name FROM employee WHERE id = ?1"},
	{"inno_employee_code", 1, "SELECT employee_id FROM employee WHERE "
	    "id = ?1"},
	{"inno_employee_ref", 1, "SELECT id FROM employee WHERE employee_id "
	    "= ?1"},
	{"inno_employee_dept", 1, "SELECT dept_id FROM employee WHERE id = "
	    "?1"},
	{"inno_employee_team", 1, "SELECT team_id FROM employee WHERE id = "
	    "?1"},
	{"inno_employee_grade", 1, "SELECT grade FROM employee WHERE id = ?1"},
	{"inno_employee_joined", 1, "SELECT joined FROM employee WHERE id = "
	    "?1"},
	{"inno_employee_left", 1, "SELECT left FROM employee WHERE id = ?1"},
	{"inno_employee_active", 2, "SELECT (joined IS NULL OR joined <= ?2) "
	    "AND (left IS NULL OR left >= ?2) FROM employee WHERE id = ?1"},
	/*
	 * Everyone, less who joined after ?3 and who left before ?2 (no one
	 * is both: left >= joined), each an index range (0018-headcount.sql).
	 */
	{"inno_dept_headcount", 3, "SELECT (SELECT count(*) FROM employee "
	    "WHERE dept_id = ?1) - (SELECT count(*) FROM employee WHERE "
	    "dept_id = ?1 AND joined > ?3) - (SELECT count(*) FROM employee "
	    "WHERE dept_id = ?1 AND left IS NOT NULL AND left < ?2)"},
};

const struct inno_error *
inno_staff_functions(struct inno_db *db)
{
	const struct inno_error *err;
	size_t i;

	for (i = 0; i < sizeof lookups / sizeof lookups[0]; i++)
		if ((err = inno_db_define(db, lookups[i].name,
		    lookups[i].nargs, lookups[i].sql)) != NULL)
			return err;
	return NULL;
}

/*
 * A map from a name to a row id, for the departments and teams a batch
 * names: open addressing over a power-of-two table, keys owned by the
 * map.  A batch of 300,000 employees names a few hundred departments and
 * a few thousand teams, so looking them up here instead of in SQLite
 * takes the two index seeks a row cost out of the batch.
 */
struct staff_map {
	char **keys;
	int64_t *ids;
	size_t n, cap;		/* entries, slots (0 or a power of two) */
};

/* FNV-1a over the key's bytes. */
static uint64_t
map_hash(const char *k)
{
	uint64_t h = 1469598103934665603u;

	for (; *k != '\0'; k++) {
		h ^= (unsigned char)*k;
		h *= 1099511628211u;
	}
	return h;
}

/* The slot of key k: where it is, or the empty slot where it would go. */
static size_t
map_slot(const struct staff_map *m, const char *k)
{
	size_t i = (size_t)map_hash(k) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], k) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Whether k is in m; *id is its id when it is. */
static int
map_get(const struct staff_map *m, const char *k, int64_t *id)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	i = map_slot(m, k);
	if (m->keys[i] == NULL)
		return 0;
	*id = m->ids[i];
	return 1;
}

/* Adds k (not yet in m) with id; the map copies k. */
static const struct inno_error *
map_put(struct staff_map *m, const char *k, int64_t id)
{
	struct staff_map g;
	size_t i, j;

	if (2 * (m->n + 1) > m->cap) {
		g.cap = m->cap ? 2 * m->cap : 64;
		g.n = m->n;
		g.keys = calloc(g.cap, sizeof *g.keys);
		g.ids = calloc(g.cap, sizeof *g.ids);
		if (g.keys == NULL || g.ids == NULL) {
			free(g.keys);
			free(g.ids);
			return inno_error_nomem();
		}
		for (i = 0; i < m->cap; i++)
			if (m->keys[i] != NULL) {
				j = map_slot(&g, m->keys[i]);
				g.keys[j] = m->keys[i];
				g.ids[j] = m->ids[i];
			}
		free(m->keys);
		free(m->ids);
		*m = g;
	}
	i = map_slot(m, k);
	if ((m->keys[i] = strdup(k)) == NULL)
		return inno_error_nomem();
	m->ids[i] = id;
	m->n++;
	return NULL;
}

static void
map_release(struct staff_map *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->ids);
	free(m);
}

/*
 * A team's key in the map: its department's id and its name, in buf (of
 * TEAM_KEY_MAX bytes; a name holds at most 100 characters of 4 bytes).
 */
#define TEAM_KEY_MAX 448
static const char *
team_key(char *buf, int64_t dept_id, const char *name)
{
	char digits[24];
	size_t n = 0, len = strlen(name);
	uint64_t v = (uint64_t)dept_id;

	assert(dept_id > 0 && len < TEAM_KEY_MAX - sizeof digits);
	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	len = 0;
	while (n > 0)
		buf[len++] = digits[--n];
	buf[len++] = '\037';
	strcpy(buf + len, name);
	return buf;
}

/*
 * The departments or teams a batch created: ids first to last, since no
 * other writer can insert while the batch holds the write transaction.
 * One audit row covers them at the end of the batch instead of one each,
 * which cost a batch naming 1,500 new teams and departments as much as
 * 40,000 of its employees (the chain's digest, the command, the trail's
 * indexes).  name is the first one's, for the detail of a row of one.
 */
struct staff_new {
	int64_t first, last;
	char *name;
};

static const struct inno_error *
new_add(struct staff_new **np, int64_t id, const char *name)
{
	struct staff_new *n = *np;

	if (n == NULL) {
		if ((n = calloc(1, sizeof *n)) == NULL ||
		    (n->name = strdup(name)) == NULL) {
			free(n);
			return inno_error_nomem();
		}
		n->first = id;
		*np = n;
	}
	assert(id == n->last + 1 || n->last == 0);
	n->last = id;
	return NULL;
}

static void
new_free(struct staff_new *n)
{
	if (n != NULL)
		free(n->name);
	free(n);
}

/* The audit row of a batch's new departments or teams. */
static const struct inno_error *
new_audit(struct inno_db *db, const struct staff_new *n, const char *table,
    const char *one, const char *many)
{
	if (n == NULL)
		return NULL;
	if (n->first == n->last)
		return inno_audit(db, "insert", table, n->first, n->last,
		    "%s %s", one, n->name);
	return inno_audit(db, "insert", table, n->first, n->last, "%lld %s",
	    (long long)(n->last - n->first + 1), many);
}

/*
 * The updates of a batch, made and audited PENDING_MAX at a time: one
 * UPDATE for them all, and their audit rows in one call of
 * inno_audit_updates.  Each changed employee cost its own UPDATE and its
 * own inno_audit, which read the trail's last row, the command and the
 * log's end again every time: an update of 200,000 employees took ten
 * times a new import of them.  The rows wait as a JSON array for
 * json_each, [[id, name, grade, dept_id, team_id, joined, left], ...],
 * with their audit details; an employee already waiting, a new
 * department or team (whose log entry must keep its place among the
 * updates') and the end of the batch send them first, so the changes are
 * made and logged in the order of the file, as one by one.
 */
#define PENDING_MAX 1024

struct staff_pending {
	int64_t ids[PENDING_MAX];
	char *details[PENDING_MAX];
	size_t n;
	int moves;		/* a row changes dept_id, joined or left */
	int64_t set[2 * PENDING_MAX];	/* the ids, open addressing; 0 free */
	struct inno_buf json;
};

/*
 * The new employees of a batch into an empty table, inserted INSERT_ROWS
 * to a statement: a statement each was the most of a new import's time
 * after SQLite's own b-tree work.  In an empty table the one conflict an
 * insert can meet is an employee_id the batch inserted before, so the
 * batch remembers a hash of each it has seen; a row whose hash is there
 * (named twice, or a collision) goes the way of every row of a table
 * that held employees, after the waiting ones.  The ids are SQLite's,
 * the last plus one in the order of the file, known before the insert
 * and checked after it.  The values are copied, since a row's fields
 * last only until the next is read.
 */
#define INSERT_ROWS 64

struct staff_waiting {
	char eid[129], name[401];	/* 32 and 100 characters of 4 bytes */
	int64_t grade, dept_id, team_id;
	char joined[11], left[11];	/* "": none */
};

struct staff_inserts {
	int on;			/* the table was empty: new rows may wait */
	int64_t next_id;	/* the id the next insert takes */
	size_t n;
	struct staff_waiting rows[INSERT_ROWS];
	uint64_t *seen;		/* the batch's employee_ids, hashed; 0 free */
	size_t nseen, capseen;
	char *sql_many, *sql_one;	/* INSERT_ROWS rows, one row */
};

/*
 * What the batch keeps beside its maps: the insert trigger's bulk state
 * first, so that inno_staff_batch.bulk points at the whole.
 */
struct staff_bulk {
	struct inno_audit_bulk audit;
	struct staff_pending pend;
	struct staff_inserts ins;
};

static struct staff_inserts *
inserts_of(struct inno_staff_batch *b)
{
	return &((struct staff_bulk *)(void *)b->bulk)->ins;
}

static struct staff_pending *
pending_of(struct inno_staff_batch *b)
{
	return &((struct staff_bulk *)(void *)b->bulk)->pend;
}

static void
pending_clear(struct staff_pending *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->details[i]);
	p->n = 0;
	p->moves = 0;
	p->json.len = 0;
	memset(p->set, 0, sizeof p->set);
}

/* A JSON string for text s, or null for NULL. */
static int
json_text(struct inno_buf *b, const char *s)
{
	return s == NULL ? inno_buf_put(b, "null", 4) : inno_buf_json(b, s);
}

static int
json_int(struct inno_buf *b, int64_t v, int null)
{
	char buf[24];

	if (null)
		return inno_buf_put(b, "null", 4);
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	return inno_buf_put(b, buf, strlen(buf));
}

/* The slot of id in the set: where it is, or the free one it would take. */
static size_t
pending_slot(const struct staff_pending *p, int64_t id)
{
	size_t i = (size_t)((uint64_t)id * 11400714819323198485u >> 53);

	while (p->set[i] != 0 && p->set[i] != id)
		i = (i + 1) % (2 * PENDING_MAX);
	return i;
}

/*
 * Makes the waiting updates, then writes their audit rows: the log's
 * entries since mark are theirs, made by the employee update trigger.
 */
static const struct inno_error *
pending_flush(struct inno_staff_batch *b)
{
	struct staff_pending *p;
	const struct inno_error *err;
	int64_t mark;

	if (b->bulk == NULL || (p = pending_of(b))->n == 0)
		return NULL;
	if (inno_buf_put(&p->json, "]", 1) == -1)
		return inno_error_nomem();
	/*
	 * A column assigned is one whose indexes are rewritten, whatever
	 * its value: so employee_dept is left alone, unless a row changes
	 * one of its columns (a tenth of the update of 200,000 grades).
	 */
	if ((err = inno_audit_change_mark(b->db, &mark)) != NULL ||
	    (err = inno_db_run(b->db, p->moves ? "UPDATE employee SET name = "
	    "j.value ->> 1, grade = " JINT(2) ", dept_id = " JINT(3) ", "
	    "team_id = " JINT(4) ", joined = j.value ->> 5, left = j.value "
	    "->> 6 FROM json_each(?1) AS j WHERE employee.id = " JINT(0) :
	    "UPDATE employee SET name = j.value ->> 1, grade = " JINT(2) ", "
	    "team_id = " JINT(4) " FROM json_each(?1) AS j WHERE "
	    "employee.id = " JINT(0), "t", p->json.s)) != NULL ||
	    (err = inno_audit_updates(b->db, "employee", mark, p->n, p->ids,
	    p->details)) != NULL)
		return err;
	pending_clear(p);
	return NULL;
}

struct employee_values;
static const struct inno_error *pending_add(struct inno_staff_batch *,
    int64_t, const struct employee_values *, char *);
static const struct inno_error *inserts_flush(struct inno_staff_batch *);

void
inno_staff_batch_release(struct inno_staff_batch *b)
{
	new_free(b->new_depts);
	new_free(b->new_teams);
	map_release(b->depts);
	map_release(b->teams);
	if (b->bulk != NULL) {
		inno_audit_bulk_release(b->bulk);
		pending_clear(pending_of(b));
		free(pending_of(b)->json.s);
		free(inserts_of(b)->seen);
		free(inserts_of(b)->sql_many);
		free(inserts_of(b)->sql_one);
	}
	/* The whole struct staff_bulk, whose first member it is. */
	free(b->bulk);
	free(b->dept_index);
	memset(b, 0, sizeof *b);
}

/*
 * The index employee_dept serves inno_dept_headcount (the per-head score
 * of mileage-mvp, the fairness check; with employee_leaver), staff-list by
 * department, and the
 * foreign key check when a department is removed.  Kept up a row at a
 * time it cost a batch of 200,000 new employees a fifth of its time, as
 * every insert lands in another department's part of it; built once from
 * the table it costs a sort.  So a batch that has inserted as many
 * employees as the table held (and at least BULK_INDEX) takes it out, in
 * its transaction, and builds it again before COMMIT: no other client
 * ever sees the table without it, and a small batch into a large table
 * keeps it up as before.  The rows inserted before the switch cost their
 * index work twice, at most as much again as the switch saves.
 */
#define BULK_INDEX 4096

static const struct inno_error *
index_out(struct inno_staff_batch *b)
{
	const struct inno_error *err;

	if ((err = inno_db_object_sql(b->db, "index", "employee_dept",
	    &b->dept_index)) != NULL || b->dept_index == NULL)
		return err;
	return inno_db_exec(b->db, "DROP INDEX employee_dept");
}

/*
 * The end of a batch: the index built again, and the insert trigger back
 * with the batch's run.
 */
static const struct inno_error *
batch_end(void *arg)
{
	struct inno_staff_batch *b = arg;
	const struct inno_error *err;

	if ((err = inserts_flush(b)) != NULL ||
	    (err = pending_flush(b)) != NULL)
		return err;
	if (b->dept_index != NULL) {
		if ((err = inno_db_exec(b->db, b->dept_index)) != NULL)
			return err;
		free(b->dept_index);
		b->dept_index = NULL;
	}
	if ((err = new_audit(b->db, b->new_depts, "dept", "department",
	    "departments")) != NULL ||
	    (err = new_audit(b->db, b->new_teams, "team", "team",
	    "teams")) != NULL)
		return err;
	return inno_audit_bulk_end(b->db, b->bulk, b->first_id);
}

#define INSERT_HEAD "INSERT INTO employee (employee_id, name, grade, " \
	"dept_id, team_id, joined, left) VALUES "
#define INSERT_ROW "(?, ?, ?, ?, ?, ?, ?)"

/* The two inserts of waiting rows, the same text every batch. */
static const struct inno_error *
inserts_begin(struct staff_inserts *ins)
{
	size_t i, len = strlen(INSERT_HEAD), row = strlen(INSERT_ROW);
	char *p;

	if ((ins->sql_one = inno_strf("%s%s", INSERT_HEAD, INSERT_ROW)) ==
	    NULL || (ins->sql_many = malloc(len + INSERT_ROWS * (row + 2) +
	    1)) == NULL)
		return inno_error_nomem();
	p = ins->sql_many;
	memcpy(p, INSERT_HEAD, len);
	p += len;
	for (i = 0; i < INSERT_ROWS; i++) {
		if (i > 0) {
			memcpy(p, ", ", 2);
			p += 2;
		}
		memcpy(p, INSERT_ROW, row);
		p += row;
	}
	*p = '\0';
	ins->on = 1;
	ins->next_id = 1;
	return NULL;
}

/*
 * Loads every department and team of db into b's maps, once per batch:
 * inside the batch's transaction, so that the maps and the tables agree
 * until the batch ends (its own new departments and teams are added to
 * both as it goes).
 */
static const struct inno_error *
batch_load(struct inno_staff_batch *b, struct inno_row *r, struct inno_db *db)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char k[TEAM_KEY_MAX];
	int row;

	if (b->db == db)
		return NULL;
	inno_staff_batch_release(b);
	/*
	 * With SQLite's default 2 MB cache a batch of 200,000 employees
	 * spilled the pages it was filling to the WAL again and again
	 * (630,000 writes for a 26 MB file); a fixed 8 MB cache brought that
	 * to 17,000, but still read back what it had spilled.  At 32 MB the
	 * 20 MB of a new 200,000-employee file stays in memory and its CPU
	 * time falls by a fifth; memory still stays bounded however long
	 * the batch is.
	 */
	if ((err = inno_db_exec(db, "PRAGMA cache_size = -32768")) != NULL)
		return err;
	if ((b->depts = calloc(1, sizeof *b->depts)) == NULL ||
	    (b->teams = calloc(1, sizeof *b->teams)) == NULL ||
	    (b->bulk = calloc(1, sizeof(struct staff_bulk))) == NULL)
		return inno_error_nomem();
	if ((err = inno_audit_bulk_begin(db, b->bulk, "employee")) != NULL ||
	    (err = inno_db_int(db, &b->before, NULL, "SELECT count(*) FROM "
	    "employee", NULL)) != NULL)
		return err;
	if (b->before == 0 && (err = inserts_begin(inserts_of(b))) != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT id, name FROM dept",
	    NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		if ((err = map_put(b->depts, inno_stmt_text(st, 1),
		    inno_stmt_int(st, 0))) != NULL) {
			inno_stmt_reset(st);
			return err;
		}
	if (err != NULL)
		return err;
	if ((err = inno_db_query(db, &st, "SELECT id, dept_id, name FROM team",
	    NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		err = map_put(b->teams, team_key(k, inno_stmt_int(st, 1),
		    inno_stmt_text(st, 2)), inno_stmt_int(st, 0));
		if (err != NULL) {
			inno_stmt_reset(st);
			return err;
		}
	}
	if (err != NULL)
		return err;
	b->db = db;
	inno_row_at_end(r, batch_end, b);
	return NULL;
}

/*
 * Finds or creates a department; *id is its row id.  With b, the lookup
 * is in b's map, and a new department is added to it.
 */
static const struct inno_error *
dept_ensure(struct inno_db *db, struct inno_staff_batch *b, const char *name,
    const char *kind, int64_t *id)
{
	const struct inno_error *err;
	int found;

	if (b != NULL) {
		if (map_get(b->depts, name, id))
			return NULL;
	} else {
		err = inno_db_int(db, id, &found, "SELECT id FROM dept WHERE "
		    "name = ?", "t", name);
		if (err != NULL || found)
			return err;
	}
	if (b != NULL && (err = pending_flush(b)) != NULL)
		return err;
	if ((err = inno_db_run(db, "INSERT INTO dept (name, kind) VALUES "
	    "(?, ?)", "tt", name, kind != NULL ? kind : "division")) != NULL)
		return err;
	*id = inno_db_last_id(db);
	if (b != NULL) {
		if ((err = map_put(b->depts, name, *id)) != NULL)
			return err;
		return new_add(&b->new_depts, *id, name);
	}
	return inno_audit(db, "insert", "dept", *id, *id, "department %s",
	    name);
}

static const struct inno_error *
team_ensure(struct inno_db *db, struct inno_staff_batch *b, int64_t dept_id,
    const char *name, int64_t *id)
{
	const struct inno_error *err;
	char buf[TEAM_KEY_MAX];
	const char *k = NULL;
	int found;

	if (b != NULL) {
		k = team_key(buf, dept_id, name);
		if (map_get(b->teams, k, id))
			return NULL;
	} else {
		err = inno_db_int(db, id, &found, "SELECT id FROM team WHERE "
		    "dept_id = ? AND name = ?", "it", dept_id, name);
		if (err != NULL || found)
			return err;
	}
	if (b != NULL && (err = pending_flush(b)) != NULL)
		return err;
	if ((err = inno_db_run(db, "INSERT INTO team (dept_id, name) VALUES "
	    "(?, ?)", "it", dept_id, name)) == NULL) {
		*id = inno_db_last_id(db);
		if (k != NULL)
			err = map_put(b->teams, k, *id);
	}
	if (err != NULL)
		return err;
	if (b != NULL)
		return new_add(&b->new_teams, *id, name);
	return inno_audit(db, "insert", "team", *id, *id, "team %s", name);
}

/* An employee row's values, as the insert and the update bind them. */
struct employee_values {
	const char *eid, *name;		/* ?1, ?2 */
	int64_t grade, dept_id, team_id;	/* ?3 to ?5; team 0: none */
	const char *joined, *left;	/* ?6, ?7; NULL: none */
};

/*
 * Runs sql with v bound in place (inno_stmt_bind_static): the values are
 * the row's, which outlive the statement's run, since it is reset before
 * this returns.  A row costs no copy of its text.
 */
static const struct inno_error *
employee_bind(struct inno_stmt *st, const struct employee_values *v)
{
	const struct inno_error *err;

	if ((err = inno_stmt_bind_static(st, 1, v->eid, -1)) == NULL &&
	    (err = inno_stmt_bind_static(st, 2, v->name, -1)) == NULL &&
	    (err = inno_stmt_bind_int(st, 3, v->grade)) == NULL &&
	    (err = inno_stmt_bind_int(st, 4, v->dept_id)) == NULL &&
	    (err = v->team_id != 0 ? inno_stmt_bind_int(st, 5, v->team_id) :
	    inno_stmt_bind_null(st, 5)) == NULL &&
	    (err = inno_stmt_bind_static(st, 6, v->joined, -1)) == NULL &&
	    (err = inno_stmt_bind_static(st, 7, v->left, -1)) == NULL)
		return NULL;
	return err;
}

static const struct inno_error *
employee_run(struct inno_db *db, const char *sql,
    const struct employee_values *v)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_prepare(db, &st, sql)) != NULL)
		return err;
	if ((err = employee_bind(st, v)) == NULL)
		do {
			err = inno_stmt_step(st, &row);
		} while (err == NULL && row);
	inno_stmt_reset(st);
	return err;
}

/*
 * In a batch, an employee already there is looked up once, by the
 * statement that says whether the row changes it; a change waits with
 * the others (pending_add).
 */
static const struct inno_error *
employee_queue(struct inno_staff_batch *b, const struct employee_values *v,
    const char *dept, const char *team)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char *detail;
	int64_t id;
	int row, changed, moves;

again:
	if ((err = inno_db_prepare(b->db, &st, "SELECT id, name IS NOT ?2 OR "
	    "grade IS NOT ?3 OR team_id IS NOT ?5, dept_id IS NOT ?4 OR "
	    "joined IS NOT ?6 OR left IS NOT ?7 FROM employee WHERE "
	    "employee_id = ?1")) != NULL)
		return err;
	if ((err = employee_bind(st, v)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL) {
		inno_stmt_reset(st);
		return err;
	}
	/* The insert before found it, in this transaction. */
	assert(row);
	id = inno_stmt_int(st, 0);
	moves = inno_stmt_int(st, 2) != 0;
	changed = moves || inno_stmt_int(st, 1) != 0;
	inno_stmt_reset(st);
	/* A second row for the employee is compared with the first's values. */
	if (pending_of(b)->set[pending_slot(pending_of(b), id)] == id) {
		if ((err = pending_flush(b)) != NULL)
			return err;
		goto again;
	}
	if (!changed)
		return NULL;
	if ((detail = inno_strf("employee %s: %s, grade %lld, %s%s%s", v->eid,
	    v->name, (long long)v->grade, dept, team ? " " : "",
	    team ? team : "")) == NULL)
		return inno_error_nomem();
	if ((err = pending_add(b, id, v, detail)) != NULL)
		return err;
	pending_of(b)->moves |= moves;
	return NULL;
}

/* Adds the change of employee id to the waiting ones; takes detail. */
static const struct inno_error *
pending_add(struct inno_staff_batch *b, int64_t id,
    const struct employee_values *v, char *detail)
{
	struct staff_pending *p = pending_of(b);
	const struct inno_error *err;
	struct inno_buf *j;
	size_t slot;

	if (p->n == PENDING_MAX && (err = pending_flush(b)) != NULL) {
		free(detail);
		return err;
	}
	slot = pending_slot(p, id);
	assert(p->set[slot] == 0);
	j = &p->json;
	if (inno_buf_put(j, p->n == 0 ? "[[" : ",[", 2) == -1 ||
	    json_int(j, id, 0) == -1 || inno_buf_put(j, ",", 1) == -1 ||
	    json_text(j, v->name) == -1 || inno_buf_put(j, ",", 1) == -1 ||
	    json_int(j, v->grade, 0) == -1 || inno_buf_put(j, ",", 1) == -1 ||
	    json_int(j, v->dept_id, 0) == -1 || inno_buf_put(j, ",", 1) == -1 ||
	    json_int(j, v->team_id, v->team_id == 0) == -1 ||
	    inno_buf_put(j, ",", 1) == -1 || json_text(j, v->joined) == -1 ||
	    inno_buf_put(j, ",", 1) == -1 || json_text(j, v->left) == -1 ||
	    inno_buf_put(j, "]", 1) == -1) {
		free(detail);
		return inno_error_nomem();
	}
	p->set[slot] = id;
	p->ids[p->n] = id;
	p->details[p->n++] = detail;
	return NULL;
}

/* FNV-1a of an employee_id; never 0, the free slot. */
static uint64_t
eid_hash(const char *k)
{
	uint64_t h = map_hash(k);

	return h != 0 ? h : 1;
}

/* Whether h was seen; adds it when not.  -1: out of memory. */
static int
seen_add(struct staff_inserts *ins, uint64_t h)
{
	uint64_t *grown;
	size_t i, j, cap;

	if (2 * (ins->nseen + 1) > ins->capseen) {
		cap = ins->capseen ? 2 * ins->capseen : 4096;
		if ((grown = calloc(cap, sizeof *grown)) == NULL)
			return -1;
		for (i = 0; i < ins->capseen; i++)
			if (ins->seen[i] != 0) {
				for (j = ins->seen[i] & (cap - 1); grown[j] != 0;
				    j = (j + 1) & (cap - 1))
					continue;
				grown[j] = ins->seen[i];
			}
		free(ins->seen);
		ins->seen = grown;
		ins->capseen = cap;
	}
	for (i = h & (ins->capseen - 1); ins->seen[i] != 0;
	    i = (i + 1) & (ins->capseen - 1))
		if (ins->seen[i] == h)
			return 1;
	ins->seen[i] = h;
	ins->nseen++;
	return 0;
}

/* Copies s into a field of n bytes; 0 when it does not fit. */
static int
copy_field(char *dst, size_t n, const char *s)
{
	size_t len = s != NULL ? strlen(s) : 0;

	if (len >= n)
		return 0;
	memcpy(dst, s != NULL ? s : "", len + 1);
	return 1;
}

/*
 * Inserts the waiting rows, INSERT_ROWS to a statement, and checks that
 * they took the ids they were given.
 */
static const struct inno_error *
inserts_flush(struct inno_staff_batch *b)
{
	struct staff_inserts *ins;
	struct staff_waiting *w;
	const struct inno_error *err;
	struct inno_stmt *st;
	size_t k, j, per;
	int col, row;

	if (b->bulk == NULL || (ins = inserts_of(b))->n == 0)
		return NULL;
	for (k = 0; k < ins->n; k += per) {
		per = ins->n - k == INSERT_ROWS ? INSERT_ROWS : 1;
		if ((err = inno_db_prepare(b->db, &st, per > 1 ?
		    ins->sql_many : ins->sql_one)) != NULL)
			return err;
		for (j = 0; j < per; j++) {
			w = &ins->rows[k + j];
			col = (int)(7 * j);
			if ((err = inno_stmt_bind_static(st, col + 1, w->eid,
			    -1)) != NULL ||
			    (err = inno_stmt_bind_static(st, col + 2, w->name,
			    -1)) != NULL ||
			    (err = inno_stmt_bind_int(st, col + 3, w->grade)) !=
			    NULL ||
			    (err = inno_stmt_bind_int(st, col + 4, w->dept_id)) !=
			    NULL ||
			    (err = w->team_id != 0 ? inno_stmt_bind_int(st,
			    col + 5, w->team_id) : inno_stmt_bind_null(st,
			    col + 5)) != NULL ||
			    (err = inno_stmt_bind_static(st, col + 6,
			    w->joined[0] ? w->joined : NULL, -1)) != NULL ||
			    (err = inno_stmt_bind_static(st, col + 7,
			    w->left[0] ? w->left : NULL, -1)) != NULL) {
				inno_stmt_reset(st);
				return err;
			}
		}
		err = inno_stmt_step(st, &row);
		inno_stmt_reset(st);
		if (err != NULL)
			return err;
		if (inno_db_changes(b->db) != (int)per ||
		    inno_db_last_id(b->db) != ins->next_id - (int64_t)ins->n +
		    (int64_t)(k + per) - 1)
			return inno_error(INNO_ESYS, "employee: %zu rows "
			    "inserted, not with the ids expected", per);
	}
	ins->n = 0;
	return NULL;
}

/* Counts a batch's new employee, taking employee_dept out at BULK_INDEX. */
static const struct inno_error *
employee_counted(struct inno_staff_batch *b)
{
	if (++b->inserted == (b->before > BULK_INDEX ? b->before : BULK_INDEX))
		return index_out(b);
	return NULL;
}

/*
 * In a batch into an empty table, a new employee waits for the next
 * insert of INSERT_ROWS (staff_inserts); *waits is 0 when the row must
 * go the usual way, after the waiting ones.
 */
static const struct inno_error *
employee_wait(struct inno_staff_batch *b, struct inno_row *r,
    const struct employee_values *v, int *waits)
{
	struct staff_inserts *ins = inserts_of(b);
	struct staff_waiting *w = &ins->rows[ins->n];
	int seen;

	*waits = 0;
	if ((seen = seen_add(ins, eid_hash(v->eid))) == -1)
		return inno_error_nomem();
	if (seen || !copy_field(w->eid, sizeof w->eid, v->eid) ||
	    !copy_field(w->name, sizeof w->name, v->name) ||
	    !copy_field(w->joined, sizeof w->joined, v->joined) ||
	    !copy_field(w->left, sizeof w->left, v->left))
		return inserts_flush(b);
	w->grade = v->grade;
	w->dept_id = v->dept_id;
	w->team_id = v->team_id;
	ins->n++;
	*waits = 1;
	inno_row_wrote(r, ins->next_id);
	if (b->first_id == 0)
		b->first_id = ins->next_id;
	ins->next_id++;
	if (ins->n == INSERT_ROWS)
		return inserts_flush(b);
	return NULL;
}

const struct inno_error *
inno_staff_row(void *arg, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
	struct inno_staff_batch *b = arg;
	const struct inno_error *err;
	struct employee_values v;
	const char *eid, *name, *dept, *team;
	char joined[11], left[11];
	int64_t grade, dept_id, team_id = 0, id;
	int waits;

	inno_row_text(r, INNO_STAFF_ID, 32, &eid);
	inno_row_text(r, INNO_STAFF_NAME, 100, &name);
	inno_row_int(r, INNO_STAFF_GRADE, 1, 9, &grade);
	inno_row_text(r, INNO_STAFF_DEPT, 100, &dept);
	inno_row_text(r, INNO_STAFF_TEAM, 100, &team);
	inno_row_date(r, INNO_STAFF_JOINED, joined);
	inno_row_date(r, INNO_STAFF_LEFT, left);
	if (!inno_row_bad(r) && joined[0] && left[0] &&
	    strcmp(left, joined) < 0)
		inno_row_error(r, INNO_STAFF_LEFT,
		    _("%s: before the joining date %s"), left, joined);
	if (inno_row_bad(r))
		return NULL;
	if (b != NULL && (err = batch_load(b, r, db)) != NULL)
		return err;
	if ((err = dept_ensure(db, b, dept, NULL, &dept_id)) != NULL)
		return err;
	if (team != NULL && (err = team_ensure(db, b, dept_id, team,
	    &team_id)) != NULL)
		return err;
	/*
	 * A new employee costs one statement: the insert, which does nothing
	 * when employee_id is taken; only then is the row an update.
	 */
	v.eid = eid;
	v.name = name;
	v.grade = grade;
	v.dept_id = dept_id;
	v.team_id = team_id;
	v.joined = joined[0] ? joined : NULL;
	v.left = left[0] ? left : NULL;
	if (b != NULL && inserts_of(b)->on) {
		if ((err = employee_wait(b, r, &v, &waits)) != NULL)
			return err;
		if (waits)
			return employee_counted(b);
	}
	err = employee_run(db, "INSERT INTO employee (employee_id, name, grade, "
	    "dept_id, team_id, joined, left) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7) ON CONFLICT (employee_id) DO NOTHING", &v);
	if (err != NULL)
		return err;
	if (inno_db_changes(db) > 0) {
		id = inno_db_last_id(db);
		inno_row_wrote(r, id);
		if (b == NULL)
			return NULL;
		if (b->first_id == 0)
			b->first_id = id;
		inserts_of(b)->next_id = id + 1;
		return employee_counted(b);
	}
	if (b != NULL) {
		if ((err = employee_queue(b, &v, dept, team)) != NULL)
			return err;
		inno_row_wrote(r, 0);
		return NULL;
	}
	/*
	 * No RETURNING: SQLite keeps a statement's returned rows in a
	 * temporary table it opens and closes each time, which made an update
	 * cost five times an insert.  The id is read only when the row changed.
	 */
	err = employee_run(db, "UPDATE employee SET name = ?2, grade = ?3, "
	    "dept_id = ?4, team_id = ?5, joined = ?6, left = ?7 WHERE "
	    "employee_id = ?1 AND (name IS NOT ?2 OR grade IS NOT ?3 OR "
	    "dept_id IS NOT ?4 OR team_id IS NOT ?5 OR joined IS NOT ?6 OR "
	    "left IS NOT ?7)", &v);
	if (err != NULL)
		return err;
	if (inno_db_changes(db) > 0) {
		if ((err = inno_db_int(db, &id, NULL, "SELECT id FROM employee "
		    "WHERE employee_id = ?", "t", eid)) != NULL ||
		    (err = inno_audit(db, "update", "employee", id, id,
		    "employee %s: %s, grade %lld, %s%s%s", eid, name,
		    (long long)grade, dept, team ? " " : "",
		    team ? team : "")) != NULL)
			return err;
	}
	inno_row_wrote(r, 0);
	return NULL;
}

const struct inno_error *
inno_team_row(void *arg, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *dept, *team;
	int64_t auth = -1, dept_id, team_id;
	int kind = 0, has_auth, has_kind;

	(void)arg;
	inno_row_text(r, INNO_TEAM_DEPT, 100, &dept);
	inno_row_text(r, INNO_TEAM_TEAM, 100, &team);
	has_auth = inno_row_int(r, INNO_TEAM_AUTH, 0, 100000, &auth);
	has_kind = inno_row_word(r, INNO_TEAM_KIND, dept_kinds, &kind);
	if (inno_row_bad(r))
		return NULL;
	if ((err = dept_ensure(db, NULL, dept, has_kind == 1 ?
	    dept_kinds[kind] : NULL, &dept_id)) != NULL)
		return err;
	if (has_kind == 1) {
		if ((err = inno_db_run(db, "UPDATE dept SET kind = ? WHERE id = "
		    "? AND kind <> ?", "tit", dept_kinds[kind], dept_id,
		    dept_kinds[kind])) != NULL)
			return err;
		if (inno_db_changes(db) > 0 && (err = inno_audit(db, "update",
		    "dept", dept_id, dept_id, "department %s: kind %s", dept,
		    dept_kinds[kind])) != NULL)
			return err;
	}
	if ((err = team_ensure(db, NULL, dept_id, team, &team_id)) != NULL)
		return err;
	if (has_auth == 1) {
		if ((err = inno_db_run(db, "UPDATE team SET authorised = ? "
		    "WHERE id = ? AND authorised IS NOT ?", "iii", auth,
		    team_id, auth)) != NULL)
			return err;
		if (inno_db_changes(db) > 0 && (err = inno_audit(db, "update",
		    "team", team_id, team_id, "team %s %s: authorised %lld",
		    dept, team, (long long)auth)) != NULL)
			return err;
	}
	inno_row_wrote(r, 0);
	return NULL;
}

const struct inno_error *
inno_staff_query(struct inno_db *db, const struct inno_staff_filter *f,
    struct inno_stmt **stp)
{
	const struct inno_error *err;
	const char *sql;
	const char *active = f->active_on;

	/*
	 * One statement per grouping; the filters are bound, and a NULL
	 * filter matches everything.
	 */
#define FILTER " WHERE (?1 IS NULL OR d.name = ?1)" \
	" AND (?2 IS NULL OR t.name = ?2)" \
	" AND (?3 = 0 OR e.grade = ?3)" \
	" AND (?4 IS NULL OR ((e.joined IS NULL OR e.joined <= ?4)" \
	" AND (e.left IS NULL OR e.left >= ?4)))"
	if (f->by == NULL)
		sql = "SELECT e.employee_id, e.name, e.grade, d.name AS dept, "
		    "t.name AS team, e.joined, e.left FROM employee e "
		    "JOIN dept d ON d.id = e.dept_id "
		    "LEFT JOIN team t ON t.id = e.team_id" FILTER
		    " ORDER BY d.name, t.name, e.grade, e.employee_id";
	else if (strcmp(f->by, "dept") == 0)
		sql = "SELECT d.name AS dept, (SELECT sum(authorised) FROM team "
		    "WHERE dept_id = d.id) AS authorised, count(e.id) AS "
		    "current FROM dept d LEFT JOIN (SELECT e.* FROM employee e "
		    "JOIN dept d ON d.id = e.dept_id LEFT JOIN team t ON t.id = "
		    "e.team_id" FILTER ") e ON e.dept_id = d.id "
		    "WHERE (?1 IS NULL OR d.name = ?1) "
		    "GROUP BY d.id ORDER BY d.name";
	else if (strcmp(f->by, "team") == 0)
		sql = "SELECT d.name AS dept, t.name AS team, t.authorised, "
		    "count(e.id) AS current FROM team t JOIN dept d ON d.id = "
		    "t.dept_id LEFT JOIN (SELECT e.* FROM employee e JOIN dept "
		    "d ON d.id = e.dept_id LEFT JOIN team t ON t.id = "
		    "e.team_id" FILTER ") e ON e.team_id = t.id "
		    "WHERE (?1 IS NULL OR d.name = ?1) "
		    "AND (?2 IS NULL OR t.name = ?2) "
		    "GROUP BY t.id, d.name ORDER BY d.name, t.id";
	else if (strcmp(f->by, "grade") == 0)
		sql = "SELECT e.grade, count(*) AS current FROM employee e "
		    "JOIN dept d ON d.id = e.dept_id LEFT JOIN team t ON t.id = "
		    "e.team_id" FILTER " GROUP BY e.grade ORDER BY e.grade";
	else
		return inno_error(INNO_EUSAGE,
		    _("--by=%s: expected dept, team or grade"), f->by);
#undef FILTER
	if ((err = inno_db_prepare(db, stp, sql)) != NULL)
		return err;
	if ((err = inno_stmt_bind_text(*stp, 1, f->dept, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 2, f->team, -1)) != NULL ||
	    (err = inno_stmt_bind_int(*stp, 3, f->grade)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 4, active, -1)) != NULL)
		return err;
	return NULL;
}

void
inno_staff_figures_release(struct inno_staff_figures *f)
{
	size_t i;

	for (i = 0; i < f->nunits; i++)
		free(f->units[i].name);
	free(f->units);
	free(f->grades);
	memset(f, 0, sizeof *f);
}

/*
 * Reads one staff-list grouping (f->by) into out: the department rows into
 * the totals (and, without an office, the units), the team rows into the
 * units, the grade rows into the grades.
 */
static const struct inno_error *
read_grouping(struct inno_db *db, const struct inno_staff_filter *f,
    struct inno_staff_figures *out)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	struct inno_staff_unit *u;
	struct inno_staff_grade *g;
	int row, dept = strcmp(f->by, "dept") == 0;
	int team = strcmp(f->by, "team") == 0, c;

	if ((err = inno_staff_query(db, f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if (dept) {
			out->authorised += inno_stmt_int(st, 1);
			out->current += inno_stmt_int(st, 2);
			if (!out->units_are_depts)
				continue;
		}
		if (dept || team) {
			c = team ? 2 : 1;
			if ((u = inno_grow(out->units, out->nunits,
			    sizeof *u)) == NULL)
				goto nomem;
			out->units = u;
			u = &out->units[out->nunits];
			memset(u, 0, sizeof *u);
			if ((u->name = strdup(inno_stmt_text(st, c - 1))) ==
			    NULL)
				goto nomem;
			out->nunits++;
			u->has_authorised = !inno_stmt_isnull(st, c);
			u->authorised = inno_stmt_int(st, c);
			u->current = inno_stmt_int(st, c + 1);
			continue;
		}
		if ((g = inno_grow(out->grades, out->ngrades, sizeof *g)) == NULL)
			goto nomem;
		out->grades = g;
		out->grades[out->ngrades].grade = inno_stmt_int(st, 0);
		out->grades[out->ngrades].current = inno_stmt_int(st, 1);
		out->ngrades++;
	}
	return err;
nomem:
	inno_stmt_reset(st);
	return inno_error_nomem();
}

const struct inno_error *
inno_staff_figures(struct inno_db *db, const char *office,
    const char *as_of, struct inno_staff_figures *out)
{
	const struct inno_error *err;
	struct inno_staff_filter f;

	memset(out, 0, sizeof *out);
	memset(&f, 0, sizeof f);
	f.dept = office;
	f.active_on = as_of;
	out->units_are_depts = office == NULL;
	f.by = "dept";
	if ((err = read_grouping(db, &f, out)) != NULL)
		return err;
	f.by = "team";
	if (office != NULL && (err = read_grouping(db, &f, out)) != NULL)
		return err;
	f.by = "grade";
	return read_grouping(db, &f, out);
}

/* The organisation's checks: a team belongs to its employee's department. */
const struct inno_error *
inno_staff_check(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	err = inno_db_query(db, &st, "SELECT e.employee_id, t.name FROM "
	    "employee e JOIN team t ON t.id = e.team_id WHERE t.dept_id <> "
	    "e.dept_id", NULL);
	if (err != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, _("employee %s: team %s belongs to another "
		    "department"), inno_stmt_text(st, 0),
		    inno_stmt_text(st, 1));
	return err;
}

int
inno_row_employee(struct inno_row *r, int col, const char *on_date,
    int64_t *id)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	const char *v;
	int rc;

	if ((rc = inno_row_text(r, col, 64, &v)) <= 0)
		return rc;
	err = inno_db_query(inno_row_db(r), &st, "SELECT id, joined, left FROM "
	    "employee WHERE employee_id = ?", "t", v);
	if (inno_row_found(r, col, err, st, _("%.40s: no such employee"),
	    v) < 0)
		return -1;
	*id = inno_stmt_int(st, 0);
	if (on_date != NULL && on_date[0] != '\0') {
		if (!inno_stmt_isnull(st, 1) &&
		    strcmp(on_date, inno_stmt_text(st, 1)) < 0) {
			inno_row_error(r, col, _("%.40s: not yet employed on "
			    "%s (joined "
			    "%s)"), v, on_date, inno_stmt_text(st, 1));
			inno_stmt_reset(st);
			return -1;
		}
		if (!inno_stmt_isnull(st, 2) &&
		    strcmp(on_date, inno_stmt_text(st, 2)) > 0) {
			inno_row_error(r, col, _("%.40s: no longer employed on "
			    "%s (left %s)"), v, on_date, inno_stmt_text(st, 2));
			inno_stmt_reset(st);
			return -1;
		}
	}
	inno_stmt_reset(st);
	return 1;
}

int
inno_row_employees(struct inno_row *r, int col, const char *list,
    int64_t *ids, int max)
{
	const struct inno_error *err;
	char *copy, *tok, *save = NULL;
	int n = 0, i, found;

	if ((copy = strdup(list)) == NULL) {
		inno_row_error(r, col, _("out of memory"));
		return -1;
	}
	for (tok = strtok_r(copy, " ,;\t", &save); tok != NULL;
	    tok = strtok_r(NULL, " ,;\t", &save)) {
		if (n == max) {
			inno_row_error(r, col, _("more than %d employees"),
			    max);
			break;
		}
		err = inno_db_int(inno_row_db(r), &ids[n], &found, "SELECT id "
		    "FROM (SELECT inno_employee_ref(?) AS id) WHERE id IS NOT "
		    "NULL", "t", tok);
		if (err != NULL) {
			inno_row_error(r, col, "%s", err->msg);
			break;
		}
		if (!found) {
			inno_row_error(r, col, _("%.40s: no such employee"),
			    tok);
			break;
		}
		for (i = 0; i < n; i++)
			if (ids[i] == ids[n])
				break;
		if (i < n) {
			inno_row_error(r, col, _("%.40s: listed twice"), tok);
			break;
		}
		n++;
	}
	free(copy);
	return inno_row_bad(r) ? -1 : n;
}

int
inno_row_dept(struct inno_row *r, int col, int64_t *id)
{
	const struct inno_error *err;
	const char *v;
	int rc, found;

	if ((rc = inno_row_text(r, col, 100, &v)) <= 0)
		return rc;
	err = inno_db_int(inno_row_db(r), id, &found, "SELECT id FROM dept WHERE "
	    "name = ?", "t", v);
	if (err != NULL) {
		inno_row_error(r, col, "%s", err->msg);
		return -1;
	}
	if (!found) {
		inno_row_error(r, col, _("%.40s: no such department"), v);
		return -1;
	}
	return 1;
}

const struct inno_error *
inno_staff_each_employee(struct inno_db *db, int (*fn)(void *arg,
    int64_t id, const char *code, int64_t dept, const char *joined,
    const char *left), void *arg)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT id, employee_id, dept_id, "
	    "joined, left FROM employee ORDER BY id", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		if (fn(arg, inno_stmt_int(st, 0), inno_stmt_text(st, 1),
		    inno_stmt_int(st, 2), inno_stmt_isnull(st, 3) ? NULL :
		    inno_stmt_text(st, 3), inno_stmt_isnull(st, 4) ? NULL :
		    inno_stmt_text(st, 4)) != 0) {
			inno_stmt_reset(st);
			break;
		}
	return err;
}

const struct inno_error *
inno_staff_describe(struct inno_db *db, const int64_t *ids, size_t n,
    int (*fn)(void *arg, size_t i, const char *code, const char *name,
    int64_t grade, const char *dept), void *arg)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char *json, *p;
	size_t i;
	int row;

	if (n == 0)
		return NULL;
	/* "[" then each id and a comma or "]": at most 21 bytes an id. */
	if (n > (SIZE_MAX - 2) / 21 || (json = malloc(n * 21 + 2)) == NULL)
		return inno_error_nomem();
	p = json;
	*p++ = '[';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%lld%c", (long long)ids[i], i + 1 < n ? ',' :
		    ']');
	*p = '\0';
	err = inno_db_query(db, &st, "SELECT j.key, e.employee_id, e.name, "
	    "e.grade, d.name FROM json_each(?1) AS j CROSS JOIN employee AS e "
	    "ON e.id = CAST(j.value AS INTEGER) LEFT JOIN dept AS d ON d.id = "
	    "e.dept_id ORDER BY CAST(j.key AS INTEGER)", "t", json);
	free(json);
	if (err != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		if (fn(arg, (size_t)inno_stmt_int(st, 0), inno_stmt_text(st, 1),
		    inno_stmt_text(st, 2), inno_stmt_int(st, 3),
		    inno_stmt_isnull(st, 4) ? "" : inno_stmt_text(st, 4)) != 0) {
			inno_stmt_reset(st);
			break;
		}
	return err;
}
