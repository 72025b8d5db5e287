/*
 * mileage.c: the mileage ledger.  Entries are only ever appended: an award,
 * an entry recorded for another program's event, or a reversal that names
 * the entry it takes back.  Every path that writes goes through
 * entry_insert, after the same checks: the month is open, the recipient
 * exists (and a person is employed on the date), the category is
 * configured, and the caps of inno.ini hold or trim the points.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "hook.h"
#include "mileage.h"
#include "staff.h"
#include "i18n.h"

const char *const inno_mileage_kinds[] = {"innovation", "cs", NULL};

static const char *const cap_actions[] = {"reject", "trim", NULL};

/* Bounds on configured points, wide enough for any office's scale. */
#define POINTS_MIN (-1000000)
#define POINTS_MAX 1000000

/* Category names are what a section name can hold and a CSV cell shows. */
static int
cat_name_ok(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++, n++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '.' || *s == '_' || *s == '-'))
			return 0;
	return n > 0 && n <= 64;
}

const struct inno_error *
inno_mileage_cat_get(const struct inno_config *cfg, const char *name,
    struct inno_mileage_cat *cat, int *found)
{
	const struct inno_error *err;
	char key[128];
	int64_t v;

	memset(cat, 0, sizeof *cat);
	*found = 0;
	if (!cat_name_ok(name))
		return NULL;
	snprintf(cat->name, sizeof cat->name, "%s", name);
#define KEY(k) (snprintf(key, sizeof key, "mileage.%s:%s", name, k), key)
	if (inno_config_str(cfg, KEY("points"), NULL) == NULL)
		return NULL;
	if ((err = inno_config_bool(cfg, KEY("enabled"), 1,
	    &cat->enabled)) != NULL)
		return err;
	if (!cat->enabled)
		return NULL;
	if ((err = inno_config_int(cfg, KEY("points"), 0, POINTS_MIN,
	    POINTS_MAX, &cat->points)) != NULL ||
	    (err = inno_config_int(cfg, KEY("min"), cat->points, POINTS_MIN,
	    POINTS_MAX, &cat->min)) != NULL ||
	    (err = inno_config_int(cfg, KEY("max"), cat->points, POINTS_MIN,
	    POINTS_MAX, &cat->max)) != NULL ||
	    (err = inno_config_int(cfg, KEY("month_cap"), 0, 0, POINTS_MAX,
	    &v)) != NULL ||
	    (err = inno_config_choice(cfg, KEY("kind"), inno_mileage_kinds,
	    INNO_MILEAGE_INNOVATION, &cat->kind)) != NULL)
		return err;
	cat->month_cap = v;
	if (cat->min > cat->max || cat->points < cat->min ||
	    cat->points > cat->max)
		return inno_error(INNO_EUSAGE, _("%s: [mileage.%s]: points "
		    "%lld outside min %lld to max %lld"),
		    inno_config_origin(cfg, KEY("points")), name,
		    (long long)cat->points, (long long)cat->min,
		    (long long)cat->max);
#undef KEY
	*found = 1;
	return NULL;
}

const struct inno_error *
inno_mileage_rules_get(const struct inno_config *cfg,
    struct inno_mileage_rules *r)
{
	const struct inno_error *err;

	memset(r, 0, sizeof *r);
	if ((err = inno_config_int(cfg, "mileage:person_month_cap", 0, 0,
	    POINTS_MAX, &r->person_month_cap)) != NULL ||
	    (err = inno_config_int(cfg, "mileage:dept_month_cap", 0, 0,
	    POINTS_MAX, &r->dept_month_cap)) != NULL ||
	    (err = inno_config_choice(cfg, "mileage:cap_action", cap_actions,
	    0, &r->trim)) != NULL)
		return err;
	return NULL;
}

const struct inno_error *
inno_mileage_closed(struct inno_db *db, const char *month, int *closed)
{
	int64_t one;

	/* A date or a month: the month is its first seven characters. */
	return inno_db_int(db, &one, closed, "SELECT 1 FROM mileage_close "
	    "WHERE month = substr(?, 1, 7)", "t", month);
}

/*
 * The refusal for a date in a closed month, with the way out: a correction
 * is dated in an open month.
 */
static const struct inno_error *
closed_error(const char *what, const char *date)
{
	if (what != NULL)
		return inno_error(INNO_EINPUT, _("%s: month %.7s is closed and "
		    "cannot change: date the entry or correction in an open "
		    "month instead"), what, date);
	return inno_error(INNO_EINPUT, _("month %.7s is closed and cannot "
	    "change: date the entry or correction in an open month instead"),
	    date);
}


/*
 * The monthly rollup (mileage_month, see 0013-mileage-rollup.sql): every
 * entry appended adds to its cell, in the same transaction.  One entry
 * writes its cell at once.  A run of mileage-award remembers the ids of
 * the entries it appended since its cells were last written, and writes
 * their cells with one statement (roll_flush): when its batch ends
 * (inno_row_at_end), before the caps read a sum it does not hold, and
 * when a batch turns to another month with ROLL_SPAN entries or more
 * held (award_turn).  The statement sums the entries in the order of the
 * rollup's index, so that each cell is written once and the index grows
 * at one end.
 */
struct roll {
	int64_t first, last;	/* the entries not yet summed; 0: none */
	int64_t flushes;	/* how many times they were summed */
};

/*
 * The audit row of a write to mileage_month: the cells it created, those
 * with ids beyond before.  The cells it added to are not logged
 * (0017-single.sql), so they need no audit row to cover them.
 */
static const struct inno_error *
roll_audit(struct inno_db *db, int64_t before)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int64_t n, first, last;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT count(*), min(id), "
	    "max(id) FROM mileage_month WHERE id > ?", "i", before)) != NULL ||
	    (err = inno_stmt_step(st, &row)) != NULL)
		return err;
	n = row ? inno_stmt_int(st, 0) : 0;
	first = row ? inno_stmt_int(st, 1) : 0;
	last = row ? inno_stmt_int(st, 2) : 0;
	inno_stmt_reset(st);
	if (n > 0 && (err = inno_audit(db, "insert", "mileage_month", first,
	    last, "%lld monthly sum%s of the ledger", (long long)n,
	    n == 1 ? "" : "s")) != NULL)
		return err;
	return NULL;
}

/*
 * The ledger's entries as cells of mileage_month (key, then sums), to be
 * grouped by the key: what a batch writes and what inno-check holds the
 * rollup against are one definition.
 */
#define LEDGER_CELLS "substr(date, 1, 7), coalesce(employee_id, 0), " \
    "dept_id, category, kind, sum(points), count(*), count(reverses), " \
    "max(date) FROM mileage"

/*
 * Adds the entries with ids first to last to their cells, in one
 * statement, with an audit row for the cells it creates.
 */
static const struct inno_error *
roll_write(struct inno_db *db, int64_t first, int64_t last)
{
	const struct inno_error *err;
	int64_t before;

	if ((err = inno_db_int(db, &before, NULL, "SELECT coalesce(max(id), "
	    "0) FROM mileage_month", NULL)) != NULL ||
	    (err = inno_db_run(db, "INSERT INTO mileage_month (month, "
	    "employee_id, dept_id, category, kind, points, entries, reversals, "
	    "last) SELECT " LEDGER_CELLS " WHERE id BETWEEN ?1 AND ?2 "
	    "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5 ON CONFLICT (month, employee_id, "
	    "dept_id, category, kind) DO UPDATE SET points = "
	    "mileage_month.points + excluded.points, entries = "
	    "mileage_month.entries + excluded.entries, reversals = "
	    "mileage_month.reversals + excluded.reversals, last = "
	    "max(mileage_month.last, excluded.last)",
	    "ii", first, last)) != NULL)
		return err;
	return roll_audit(db, before);
}

/* Writes the cells of the entries rl holds, and empties it. */
static const struct inno_error *
roll_flush(struct inno_db *db, struct roll *rl)
{
	const struct inno_error *err;

	if (rl == NULL || rl->first == 0)
		return NULL;
	/* The statement journal stays in memory (inno_db_cacheflush). */
	if ((err = inno_db_cacheflush(db)) == NULL)
		err = roll_write(db, rl->first, rl->last);
	rl->first = rl->last = 0;
	rl->flushes++;
	return err;
}

/* How many entries rl holds. */
static int64_t
roll_held(const struct roll *rl)
{
	return rl->first != 0 ? rl->last - rl->first + 1 : 0;
}

/* Adds entry id to its cell among the entries rl holds. */
static const struct inno_error *
roll_add(struct inno_db *db, struct roll *rl, int64_t id)
{
	assert(rl != NULL);
	/* A run's entries are appended in one transaction: ids follow. */
	if (rl->first != 0 && id != rl->last + 1) {
		const struct inno_error *err;

		if ((err = roll_flush(db, rl)) != NULL)
			return err;
	}
	if (rl->first == 0)
		rl->first = id;
	rl->last = id;
	return NULL;
}

/*
 * The points a run has seen per recipient and month (all categories, and
 * per category), so that a large batch checks its caps without summing the
 * recipient's month in the database for every row.  A sum is read from the
 * database the first time its key comes up (inside the batch's transaction,
 * so it includes the rows before) and kept up to date as rows are written.
 *
 * The database's sums (mileage_month) hold the run's entries only up to
 * its last flush (roll_flush), so a sum read from them is right only when
 * every entry of its key since then was added to the cache.  The cache
 * keeps that per month: a month is lossy once a key of it was dropped or
 * an entry of it went by uncached, and reading a key of a lossy month
 * flushes first.  A month the database had no sums for when the run first
 * met it, and which no flush has written since, is empty: its keys start
 * at 0 without a query, which is the case of a monthly import.
 *
 * The table is bounded.  When it fills, the keys of other months than
 * the one being read go (a batch in date order has passed them); when one
 * month alone fills it, everything goes.
 */
#define CAP_SLOTS 32768		/* a power of two */
#define CAP_MONTHS 64		/* months a run follows */

/*
 * A sum's key: a person or department, a month, and a category of the
 * run's category cache (whose entries never move), or NULL for the sum
 * over all categories.  Keys are zeroed before they are filled, so they
 * compare with memcmp.
 */
struct cap_key {
	int64_t id;
	const struct inno_mileage_cat *cat;
	char who;		/* 'p' person, 'd' department; 0: free slot */
	char month[7];
};

struct cap_slot {
	struct cap_key key;
	int64_t used;
};

struct cap_month {
	char month[7];
	unsigned char empty, lossy;
	int64_t gen;		/* the roll's flushes when found empty */
	/*
	 * While empty: a bit for each person the run wrote an entry of the
	 * month for, so that a sum dropped from the table is known to be 0
	 * without a query, or read from the ledger for the one person.
	 */
	unsigned char *seen;
	size_t nseen;		/* bytes */
	int seen_ok;		/* every such person has a bit */
};

struct cap_cache {
	struct cap_slot *slots;	/* NULL until caps are first checked */
	size_t n;
	struct cap_month months[CAP_MONTHS];
	size_t nmonths;
	int overflow;		/* a month not followed was lost */
	struct roll *roll;	/* the run's entries not yet in mileage_month */
};

static void
cap_key(struct cap_key *k, int64_t employee, int64_t dept, const char *date,
    const struct inno_mileage_cat *cat)
{
	memset(k, 0, sizeof *k);
	k->id = employee != 0 ? employee : dept;
	k->who = employee != 0 ? 'p' : 'd';
	k->cat = cat;
	memcpy(k->month, date, 7);
}

/* The run's record of month (7 characters), NULL when it follows none. */
static struct cap_month *
cap_month(struct cap_cache *cc, const char *month)
{
	size_t i;

	for (i = 0; i < cc->nmonths; i++)
		if (memcmp(cc->months[i].month, month, 7) == 0)
			return &cc->months[i];
	return NULL;
}

/* Whether m had no sums in the database, and no flush wrote any since. */
static int
cap_empty(const struct cap_cache *cc, const struct cap_month *m)
{
	return m->empty && m->gen == cc->roll->flushes;
}

/* Notes an entry of the run for person employee in m's month. */
static void
cap_seen(struct cap_month *m, int64_t employee)
{
	unsigned char *grown;
	size_t need, n;

	if (!m->seen_ok)
		return;
	if (employee <= 0 || employee > (int64_t)1 << 30) {
		m->seen_ok = 0;
		return;
	}
	need = (size_t)employee / 8 + 1;
	if (need > m->nseen) {
		for (n = m->nseen > 0 ? m->nseen : 4096; n < need; n *= 2)
			;
		if ((grown = realloc(m->seen, n)) == NULL) {
			m->seen_ok = 0;
			return;
		}
		memset(grown + m->nseen, 0, n - m->nseen);
		m->seen = grown;
		m->nseen = n;
	}
	m->seen[employee / 8] |= (unsigned char)(1u << (employee % 8));
}

static int
cap_was_seen(const struct cap_month *m, int64_t employee)
{
	return (size_t)employee / 8 < m->nseen &&
	    (m->seen[employee / 8] >> (employee % 8) & 1) != 0;
}

/*
 * Keeps bits for CAP_SEEN months at most: past that, the earliest month's
 * go (its dropped sums are then read after a flush), so that a batch of
 * many months holds a few hundred kilobytes of them, not megabytes.
 */
#define CAP_SEEN 4

static void
cap_seen_bound(struct cap_cache *cc, const struct cap_month *keep)
{
	struct cap_month *oldest = NULL;
	size_t i, n = 0;

	for (i = 0; i < cc->nmonths; i++) {
		struct cap_month *m = &cc->months[i];

		if (m == keep || !m->seen_ok)
			continue;
		n++;
		if (oldest == NULL || memcmp(m->month, oldest->month, 7) < 0)
			oldest = m;
	}
	if (n < CAP_SEEN)
		return;
	oldest->seen_ok = 0;
	free(oldest->seen);
	oldest->seen = NULL;
	oldest->nseen = 0;
}

/* Forgets the months a run follows. */
static void
cap_months_clear(struct cap_cache *cc)
{
	size_t i;

	for (i = 0; i < cc->nmonths; i++)
		free(cc->months[i].seen);
	cc->nmonths = 0;
	cc->overflow = 0;
}

/*
 * Marks month lossy.  When the run follows as many months as it can, a
 * month more is lost with all the others (overflow), until the next read
 * flushes and starts following months afresh.
 */
static void
cap_lose(struct cap_cache *cc, const char *month)
{
	struct cap_month *m;

	if ((m = cap_month(cc, month)) != NULL) {
		m->lossy = 1;
		return;
	}
	if (cc->nmonths == CAP_MONTHS) {
		cc->overflow = 1;
		return;
	}
	m = &cc->months[cc->nmonths++];
	memset(m, 0, sizeof *m);
	memcpy(m->month, month, 7);
	m->lossy = 1;
}

/*
 * The slot of FNV-1a hash h in a table of size (a power of two).  FNV-1a's
 * last byte moves few of the middle bits, and ids that differ in their
 * last digit would crowd together: the bits are mixed first.
 */
static size_t
hash_slot(uint64_t h, size_t size)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	return (size_t)h & (size - 1);
}

static size_t
cap_hash(const struct cap_key *k)
{
	const unsigned char *p = (const unsigned char *)k;
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < sizeof *k; i++)
		h = (h ^ p[i]) * 1099511628211u;
	return hash_slot(h, CAP_SLOTS);
}

/* Makes room for a key of month: drops the other months' keys, or all. */
static void
cap_evict(struct cap_cache *cc, const char *month)
{
	struct cap_slot *s = cc->slots, *kept = NULL;
	size_t i, j, n = 0;

	for (i = 0; i < CAP_SLOTS; i++)
		if (s[i].key.who != 0 && memcmp(s[i].key.month, month, 7) == 0)
			n++;
	if (n < CAP_SLOTS / 2 && (kept = malloc((n > 0 ? n : 1) *
	    sizeof *kept)) != NULL)
		for (i = 0, n = 0; i < CAP_SLOTS; i++)
			if (s[i].key.who != 0 &&
			    memcmp(s[i].key.month, month, 7) == 0)
				kept[n++] = s[i];
	for (i = 0; i < CAP_SLOTS; i++)
		if (s[i].key.who != 0 && (kept == NULL ||
		    memcmp(s[i].key.month, month, 7) != 0))
			cap_lose(cc, s[i].key.month);
	memset(s, 0, CAP_SLOTS * sizeof *s);
	cc->n = 0;
	if (kept == NULL)
		return;
	for (j = 0; j < n; j++) {
		for (i = cap_hash(&kept[j].key); s[i].key.who != 0;
		    i = (i + 1) & (CAP_SLOTS - 1))
			;
		s[i] = kept[j];
	}
	cc->n = n;
	free(kept);
}

static struct cap_slot *
cap_find(struct cap_cache *cc, const struct cap_key *k, int create)
{
	size_t i;

	if (cc == NULL)
		return NULL;
	if (cc->slots == NULL) {
		if (!create || (cc->slots = calloc(CAP_SLOTS,
		    sizeof *cc->slots)) == NULL)
			return NULL;
	}
	for (i = cap_hash(k); cc->slots[i].key.who != 0;
	    i = (i + 1) & (CAP_SLOTS - 1))
		if (memcmp(&cc->slots[i].key, k, sizeof *k) == 0)
			return &cc->slots[i];
	if (!create)
		return NULL;
	/* Keep a quarter free so that probes stay short. */
	if (cc->n >= CAP_SLOTS / 4 * 3) {
		cap_evict(cc, k->month);
		for (i = cap_hash(k); cc->slots[i].key.who != 0;
		    i = (i + 1) & (CAP_SLOTS - 1))
			;
	}
	cc->slots[i].key = *k;
	cc->n++;
	return &cc->slots[i];
}

/*
 * Adds points to the cached sums of a recipient's month, when cached.
 * cat is the entry's category, cached says whether it is in the run's
 * cache; all_capped whether a cap over all categories applies to the
 * recipient.
 */
static void
cap_add(struct cap_cache *cc, int64_t employee, int64_t dept,
    const char *date, const struct inno_mileage_cat *cat, int cached,
    int all_capped, int64_t points)
{
	struct cap_month *m;
	struct cap_slot *sl;
	struct cap_key k;

	if (employee != 0 && (m = cap_month(cc, date)) != NULL)
		cap_seen(m, employee);
	cap_key(&k, employee, dept, date, NULL);
	if ((sl = cap_find(cc, &k, 0)) != NULL)
		sl->used += points;
	else if (all_capped)
		cap_lose(cc, date);
	if (cat->month_cap == 0)
		return;
	if (!cached) {
		cap_lose(cc, date);
		return;
	}
	cap_key(&k, employee, dept, date, cat);
	if ((sl = cap_find(cc, &k, 0)) != NULL)
		sl->used += points;
	else
		cap_lose(cc, date);
}

/*
 * Writes the run's entries into mileage_month, after which the database's
 * sums hold every entry: no month is lossy, and none is empty any more.
 */
static const struct inno_error *
cap_flush(struct inno_db *db, struct cap_cache *cc)
{
	size_t i;

	for (i = 0; i < cc->nmonths; i++) {
		cc->months[i].empty = cc->months[i].lossy = 0;
		cc->months[i].seen_ok = 0;
		free(cc->months[i].seen);
		cc->months[i].seen = NULL;
		cc->months[i].nseen = 0;
	}
	cc->overflow = 0;
	return roll_flush(db, cc->roll);
}

/*
 * The points of person employee's entries in date's month (in category
 * cat, or all), from the ledger: one seek of mileage_day a day.  For a
 * month the rollup holds nothing of, these are the run's own entries.
 */
static const struct inno_error *
run_sum(struct inno_db *db, int64_t employee, const char *date,
    const struct inno_mileage_cat *cat, int64_t *sum)
{
	char first[11], last[11];

	snprintf(first, sizeof first, "%.7s-01", date);
	snprintf(last, sizeof last, "%.7s-%02d", date,
	    inno_days_in_month(atoi(date), atoi(date + 5)));
	return inno_db_int(db, sum, NULL, "WITH RECURSIVE day(d) AS (SELECT "
	    "?1 UNION ALL SELECT date(d, '+1 day') FROM day WHERE d < ?2) "
	    "SELECT coalesce(sum(m.points), 0) FROM day CROSS JOIN mileage m "
	    "ON m.date = day.d AND m.employee_id = ?3 WHERE ?4 IS NULL OR "
	    "m.category = ?4", "ttit", first, last, employee,
	    cat != NULL ? cat->name : NULL);
}

/*
 * The points recipient already has in date's month, in category cat or
 * (cat NULL) in all.  Only keys with cacheable set are kept in cc.
 */
static const struct inno_error *
cap_used(struct inno_db *db, struct cap_cache *cc, int64_t employee,
    int64_t dept, const char *date, const struct inno_mileage_cat *cat,
    int cacheable, int64_t *used)
{
	const struct inno_error *err = NULL;
	struct cap_month *m = NULL;
	struct cap_slot *sl;
	struct cap_key k;
	char month[8];
	int64_t any;

	cap_key(&k, employee, dept, date, cat);
	snprintf(month, sizeof month, "%.7s", date);
	if (cc != NULL) {
		if (cacheable && (sl = cap_find(cc, &k, 0)) != NULL) {
			*used = sl->used;
			return NULL;
		}
		if (cc->overflow) {
			if ((err = cap_flush(db, cc)) != NULL)
				return err;
		}
		m = cap_month(cc, date);
		if (m == NULL && cc->nmonths == CAP_MONTHS) {
			/*
			 * Every month followed is full: after a flush the
			 * database holds every sum, and the months are
			 * followed afresh, starting with this one.
			 */
			if ((err = cap_flush(db, cc)) != NULL)
				return err;
			cap_months_clear(cc);
		}
		if (m == NULL) {
			/* First met: whether the database has its sums. */
			if ((err = inno_db_int(db, &any, NULL, "SELECT EXISTS "
			    "(SELECT 1 FROM mileage_month WHERE month = ?)",
			    "t", month)) != NULL)
				return err;
			m = &cc->months[cc->nmonths++];
			memset(m, 0, sizeof *m);
			memcpy(m->month, date, 7);
			m->empty = !any;
			m->gen = cc->roll->flushes;
			m->seen_ok = m->empty;
			if (m->seen_ok)
				cap_seen_bound(cc, m);
		}
		if (m->lossy && cacheable && employee != 0 && m->seen_ok &&
		    cap_empty(cc, m)) {
			/*
			 * The database has nothing of the month: the sum is
			 * the run's own, 0 for a person it wrote nothing for.
			 */
			if (cap_was_seen(m, employee) && (err = run_sum(db,
			    employee, date, cat, used)) != NULL)
				return err;
			if (!cap_was_seen(m, employee))
				*used = 0;
			if ((sl = cap_find(cc, &k, 1)) != NULL)
				sl->used = *used;
			return NULL;
		}
		if (m->lossy || !cacheable) {
			if ((err = cap_flush(db, cc)) != NULL)
				return err;
		}
	}
	if (m != NULL && cap_empty(cc, m))
		*used = 0;
	else if (employee != 0 && cat == NULL)
		err = inno_db_int(db, used, NULL, "SELECT coalesce(sum(points), "
		    "0) FROM mileage_month WHERE employee_id = ? AND month = ?",
		    "it", employee, month);
	else if (cat == NULL)
		err = inno_db_int(db, used, NULL, "SELECT coalesce(sum(points), "
		    "0) FROM mileage_month WHERE employee_id = 0 AND month = ? "
		    "AND dept_id = ?", "ti", month, dept);
	else if (employee != 0)
		err = inno_db_int(db, used, NULL, "SELECT coalesce(sum(points), "
		    "0) FROM mileage_month WHERE employee_id = ? AND month = ? "
		    "AND category = ?", "itt", employee, month, cat->name);
	else
		err = inno_db_int(db, used, NULL, "SELECT coalesce(sum(points), "
		    "0) FROM mileage_month WHERE employee_id = 0 AND month = ? "
		    "AND dept_id = ? AND category = ?", "tit", month, dept,
		    cat->name);
	if (err != NULL)
		return err;
	if (cacheable && (sl = cap_find(cc, &k, 1)) != NULL)
		sl->used = *used;
	return NULL;
}

/*
 * Checks the caps for points more on recipient (employee, or dept when
 * employee is 0) in date's month and category; cc may be NULL, and
 * cat_cached says whether cat lives in the run's category cache.  When a cap
 * would be exceeded: with trim, *points is cut to what is left (maybe 0)
 * and *why says which cap; with reject, *why says so and *over is set.
 */
static const struct inno_error *
caps_check(struct inno_db *db, struct cap_cache *cc, int cat_cached,
    const struct inno_mileage_rules *rules,
    const struct inno_mileage_cat *cat, int64_t employee, int64_t dept,
    const char *date, int64_t *points, int *over, char *why, size_t whylen)
{
	const struct inno_error *err;
	int64_t used, cap, left;

	*over = 0;
	why[0] = '\0';
	if (*points <= 0)
		return NULL;
	cap = employee != 0 ? rules->person_month_cap : rules->dept_month_cap;
	if (cap > 0) {
		if ((err = cap_used(db, cc, employee, dept, date, NULL, 1,
		    &used)) != NULL)
			return err;
		left = cap - used > 0 ? cap - used : 0;
		if (*points > left) {
			snprintf(why, whylen, employee != 0 ?
			    _("the per-person monthly cap of %lld points for "
			    "%.7s (%lld used)") : _("the per-department "
			    "monthly cap of %lld points for %.7s (%lld used)"),
			    (long long)cap, date, (long long)used);
			*over = 1;
			if (!rules->trim)
				return NULL;
			*points = left;
		}
	}
	if (cat->month_cap > 0 && *points > 0) {
		if ((err = cap_used(db, cc, employee, dept, date, cat,
		    cat_cached, &used)) != NULL)
			return err;
		left = cat->month_cap - used > 0 ? cat->month_cap - used : 0;
		if (*points > left) {
			snprintf(why, whylen, _("the monthly cap of %lld "
			    "points in category %s for %.7s (%lld used)"),
			    (long long)cat->month_cap, cat->name, date,
			    (long long)used);
			*over = 1;
			if (rules->trim)
				*points = left;
		}
	}
	return NULL;
}

/* The fields of one ledger entry. */
struct entry {
	const char *date;
	int64_t employee;	/* 0: a department */
	int64_t dept;		/* 0: the employee's department now */
	const char *category;
	int kind;
	int64_t points;
	const char *reason;
	const char *ref;
	const char *ref_table;
	int64_t ref_id;
	int64_t reverses;
};

/*
 * Adds one entry, e, to its cell at once: the cell LEDGER_CELLS makes of
 * the entry alone (its month, recipient, 0 for a department, department,
 * category and kind; its points, one entry, one reversal if it is one,
 * its date), given from the entry instead of read back from the ledger.
 * A cell that holds one entry after the write is the one this entry made,
 * and gets its audit row.
 */
static const struct inno_error *
roll_one(struct inno_db *db, const struct entry *e)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int64_t cell = 0, entries = 0;
	int row;

	if ((err = inno_db_query(db, &st, "INSERT INTO mileage_month (month, "
	    "employee_id, dept_id, category, kind, points, entries, reversals, "
	    "last) VALUES (substr(?1, 1, 7), ?2, ?3, ?4, ?5, ?6, 1, ?7, ?1) "
	    "ON CONFLICT (month, employee_id, dept_id, category, kind) DO "
	    "UPDATE SET points = mileage_month.points + excluded.points, "
	    "entries = mileage_month.entries + 1, reversals = "
	    "mileage_month.reversals + excluded.reversals, last = "
	    "max(mileage_month.last, excluded.last) RETURNING id, entries",
	    "tiittii", e->date,
	    e->employee, e->dept, e->category, inno_mileage_kinds[e->kind],
	    e->points, (int64_t)(e->reverses != 0))) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		cell = inno_stmt_int(st, 0);
		entries = inno_stmt_int(st, 1);
	}
	inno_stmt_reset(st);
	if (err != NULL)
		return err;
	assert(cell != 0);
	if (entries == 1)
		return inno_audit(db, "insert", "mileage_month", cell, cell,
		    "1 monthly sum of the ledger");
	return NULL;
}

/*
 * Appends one entry, and adds it to its cell of the rollup: in rl, or
 * (rl NULL) in the database at once; *id is its row id.  e->dept is the
 * department credited: for a person, the person's department as of now
 * (which is what the organisation records), for a reversal the entry's
 * own.  The schema refuses a second live entry of one record in one
 * category (0007-mileage-once.sql).
 */
static const struct inno_error *
entry_insert(struct inno_db *db, const struct entry *e, struct roll *rl,
    int64_t *id)
{
	const struct inno_error *err;

	assert(e->dept != 0);
	err = inno_db_run(db, "INSERT INTO mileage (date, employee_id, "
	    "dept_id, category, kind, points, reason, ref, ref_table, ref_id, "
	    "reverses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    "tIittitttII", e->date, e->employee, e->dept, e->category,
	    inno_mileage_kinds[e->kind], e->points,
	    e->reason != NULL ? e->reason : "", e->ref, e->ref_table,
	    e->ref_id, e->reverses);
	if (err != NULL)
		return err;
	*id = inno_db_last_id(db);
	if (rl == NULL)
		return roll_one(db, e);
	return roll_add(db, rl, *id);
}

/* The department of employee (employee.id) now, 0 when none. */
static const struct inno_error *
employee_dept(struct inno_db *db, int64_t employee, int64_t *dept)
{
	return inno_db_int(db, dept, NULL, "SELECT "
	    "inno_employee_dept(?)", "i", employee);
}

/*
 * The live entry (not reversed, not a reversal) by which record
 * (ref_table, ref_id) earned category, in *entry; 0 when none.
 */
static const struct inno_error *
earned(struct inno_db *db, const char *ref_table, int64_t ref_id,
    const char *category, int64_t *entry)
{
	return inno_db_int(db, entry, NULL, "SELECT coalesce(max(m.id), 0) "
	    "FROM mileage m WHERE m.ref_table = ?1 AND m.ref_id = ?2 AND "
	    "m.category = ?3 AND m.reverses IS NULL AND NOT EXISTS (SELECT 1 "
	    "FROM mileage r WHERE r.reverses = m.id)", "tit", ref_table,
	    ref_id, category);
}

/*
 * Checks that employee (employee.id) exists and is employed on date, or
 * that dept exists; *name gets the employee_id or department name for
 * messages (the caller frees it, also after an error).
 */
static const struct inno_error *
recipient_check(struct inno_db *db, int64_t employee, int64_t dept,
    const char *date, char **name)
{
	const struct inno_error *err;
	int64_t active;
	int found;

	*name = NULL;
	if (employee == 0 && dept == 0)
		return inno_error(INNO_EUSAGE, _("mileage: neither an employee "
		    "nor a department given"));
	if (employee == 0) {
		if ((err = inno_db_text(db, name, "SELECT inno_dept_name(?)",
		    "i", dept)) != NULL)
			return err;
		if (*name == NULL)
			return inno_error(INNO_EINPUT, _("mileage: no "
			    "department with id %lld"), (long long)dept);
		return NULL;
	}
	if ((err = inno_db_text(db, name, "SELECT inno_employee_code(?)", "i",
	    employee)) != NULL)
		return err;
	if (*name == NULL)
		return inno_error(INNO_EINPUT, _("mileage: no employee with id "
		    "%lld"), (long long)employee);
	if ((err = inno_db_int(db, &active, &found, "SELECT "
	    "inno_employee_active(?, ?)", "it", employee, date)) != NULL)
		return err;
	if (!active)
		return inno_error(INNO_EINPUT, _("mileage: employee %s is not "
		    "employed on %s"), *name, date);
	return NULL;
}

/*
 * What record() did with an entry: written whole, written trimmed by a
 * cap, trimmed to nothing by a cap, or withheld (over a cap under reject, the
 * month closed, the recipient not employed, or the record's mileage in the
 * category already earned).  *why says why when not whole.
 */
enum outcome { WRITTEN, TRIMMED, NOTHING, WITHHELD };

/*
 * The common path of inno_mileage_record and inno_mileage_event: checks
 * and writes one entry of cat's default points.  A refusal is an outcome
 * with why set, not an error; errors are the database's.
 */
static const struct inno_error *
record(struct inno_db *db, int64_t employee, int64_t dept, const char *date,
    const struct inno_mileage_cat *cat, const char *reason,
    const char *ref_table, int64_t ref_id, enum outcome *out, char *why,
    size_t whylen, int64_t *entry)
{
	const struct inno_error *err;
	struct inno_mileage_rules rules;
	struct entry e;
	char day[11], cap[256], *name = NULL;
	const char *bad;
	int closed, over;
	int64_t id = 0, prior;

	*entry = 0;
	*out = WITHHELD;
	why[0] = '\0';
	if (date == NULL || (bad = inno_parse_date(date, strlen(date),
	    day)) != NULL) {
		snprintf(why, whylen, _("mileage: %s: %s"), date != NULL ?
		    date : _("(no date)"), date != NULL ? bad :
		    _("a date is required"));
		return NULL;
	}
	if ((err = inno_mileage_rules_get(inno_db_config(db), &rules)) != NULL ||
	    (err = inno_mileage_closed(db, day, &closed)) != NULL)
		return err;
	if (closed) {
		snprintf(why, whylen, _("mileage: month %.7s is closed and "
		    "cannot change: date the entry or correction in an open "
		    "month instead"), day);
		return NULL;
	}
	if ((err = recipient_check(db, employee, employee != 0 ? 0 : dept,
	    day, &name)) != NULL) {
		if (err->code == INNO_EINPUT) {
			snprintf(why, whylen, "%.400s", err->msg);
			err = NULL;
		}
		goto done;
	}
	if (ref_table != NULL) {
		if ((err = earned(db, ref_table, ref_id, cat->name, &prior)) !=
		    NULL)
			goto done;
		if (prior != 0) {
			snprintf(why, whylen,
			    _("mileage: %s %lld already earned %s (entry "
			    "%lld); nothing written"), ref_table,
			    (long long)ref_id, cat->name, (long long)prior);
			goto done;
		}
	}
	memset(&e, 0, sizeof e);
	e.date = day;
	e.employee = employee;
	e.dept = dept;
	if (employee != 0 && (err = employee_dept(db, employee, &e.dept)) !=
	    NULL)
		goto done;
	e.category = cat->name;
	e.kind = cat->kind;
	e.points = cat->points;
	e.reason = reason;
	e.ref_table = ref_table;
	e.ref_id = ref_table != NULL ? ref_id : 0;
	if ((err = caps_check(db, NULL, 0, &rules, cat, employee, e.dept, day,
	    &e.points, &over, cap, sizeof cap)) != NULL)
		goto done;
	if (over && !rules.trim) {
		snprintf(why, whylen, _("mileage: %s: %lld points in %s would "
		    "exceed %s"), name, (long long)cat->points, cat->name, cap);
		goto done;
	}
	if (over && e.points == 0 && cat->points != 0) {
		snprintf(why, whylen, _("mileage: %s: %lld points in %s "
		    "trimmed to 0 by %s; no entry written"), name,
		    (long long)cat->points, cat->name, cap);
		*out = NOTHING;
		goto done;
	}
	if ((err = entry_insert(db, &e, NULL, &id)) != NULL)
		goto done;
	if ((err = inno_audit(db, "insert", "mileage", id, id, "%s: %lld "
	    "points in %s for %s %lld%s%s%s", name, (long long)e.points,
	    cat->name, ref_table != NULL ? ref_table : "event",
	    (long long)e.ref_id, over ? " (trimmed by " : "", over ? cap : "",
	    over ? ")" : "")) != NULL)
		goto done;
	*entry = id;
	*out = over ? TRIMMED : WRITTEN;
	if (over)
		snprintf(why, whylen, _("mileage: %s: %lld points in %s "
		    "trimmed to %lld by "
		    "%s"), name, (long long)cat->points, cat->name,
		    (long long)e.points, cap);
done:
	free(name);
	return err;
}

const struct inno_error *
inno_mileage_record(struct inno_db *db, int64_t employee, int64_t dept,
    const char *date, const char *category, const char *reason,
    const char *ref_table, int64_t ref_id, int64_t *entry)
{
	const struct inno_error *err;
	struct inno_mileage_cat cat;
	enum outcome out;
	char why[512];
	int64_t id;
	int found;

	if (entry != NULL)
		*entry = 0;
	if ((err = inno_mileage_cat_get(inno_db_config(db), category, &cat,
	    &found)) != NULL)
		return err;
	if (!found)
		return NULL;
	if ((err = record(db, employee, dept, date, &cat, reason, ref_table,
	    ref_id, &out, why, sizeof why, &id)) != NULL)
		return err;
	/* Trimmed to nothing is no entry, as the cap setting asks. */
	if (out == WITHHELD)
		return inno_error(INNO_EINPUT, "%s", why);
	if (entry != NULL)
		*entry = id;
	return NULL;
}

/* One ledger entry as it stands, read back for a reversal or an undo. */
struct entry_row {
	struct entry e;
	char date[11];
	char *category, *ref, *ref_table;
	int64_t reverses;	/* the entry it reverses, 0: none */
	int64_t reversed_by;	/* its reversal, 0: none */
};

static void
entry_row_free(struct entry_row *r)
{
	free(r->category);
	free(r->ref);
	free(r->ref_table);
}

/* Reads entry id into *r (the caller frees it with entry_row_free). */
static const struct inno_error *
entry_load(struct inno_db *db, int64_t id, struct entry_row *r)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row, kind;

	memset(r, 0, sizeof *r);
	if ((err = inno_db_query(db, &st, "SELECT m.date, m.employee_id, "
	    "m.dept_id, m.category, m.kind, m.points, m.ref, m.ref_table, "
	    "m.ref_id, m.reverses, (SELECT r.id FROM mileage r WHERE "
	    "r.reverses = m.id) FROM mileage m WHERE m.id = ?", "i",
	    id)) != NULL)
		return err;
	if ((err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (!row)
		return inno_error(INNO_EINPUT,
		    _("entry %lld: no such mileage entry"), (long long)id);
	snprintf(r->date, sizeof r->date, "%s", inno_stmt_text(st, 0));
	r->e.date = r->date;
	r->e.employee = inno_stmt_int(st, 1);
	r->e.dept = inno_stmt_int(st, 2);
	kind = inno_word_index(inno_mileage_kinds, inno_stmt_text(st, 4));
	r->e.kind = kind < 0 ? 0 : kind;
	r->e.points = inno_stmt_int(st, 5);
	r->e.ref_id = inno_stmt_int(st, 8);
	r->reverses = inno_stmt_int(st, 9);
	r->reversed_by = inno_stmt_int(st, 10);
	if ((r->category = strdup(inno_stmt_text(st, 3))) == NULL ||
	    (!inno_stmt_isnull(st, 6) && (r->ref = strdup(inno_stmt_text(st,
	    6))) == NULL) ||
	    (!inno_stmt_isnull(st, 7) && (r->ref_table =
	    strdup(inno_stmt_text(st, 7))) == NULL)) {
		inno_stmt_reset(st);
		entry_row_free(r);
		return inno_error_nomem();
	}
	inno_stmt_reset(st);
	r->e.category = r->category;
	r->e.ref = r->ref;
	r->e.ref_table = r->ref_table;
	if (r->ref_table == NULL)
		r->e.ref_id = 0;
	return NULL;
}

/*
 * Writes the reversal of entry id dated date; *rid is the new entry.  The
 * entry must exist, not be a reversal itself and not be reversed yet; the
 * reversal's month must be open.  No audit row: the callers write it.
 */
static const struct inno_error *
reverse_one(struct inno_db *db, int64_t id, const char *date,
    const char *reason, struct roll *rl, int64_t *rid)
{
	const struct inno_error *err;
	struct entry_row r;

	if ((err = entry_load(db, id, &r)) != NULL)
		return err;
	if (r.reverses != 0)
		err = inno_error(INNO_EINPUT, _("entry %lld is itself the "
		    "reversal of entry %lld; award the points again instead"),
		    (long long)id, (long long)r.reverses);
	else if (r.reversed_by != 0)
		err = inno_error(INNO_EINPUT, _("entry %lld was already "
		    "reversed by entry %lld"), (long long)id,
		    (long long)r.reversed_by);
	else {
		if (date != NULL)
			r.e.date = date;
		r.e.points = -r.e.points;
		r.e.reverses = id;
		r.e.reason = reason;
		err = entry_insert(db, &r.e, rl, rid);
	}
	entry_row_free(&r);
	return err;
}

/*
 * Reverses the live entries of (ref_table, ref_id), in category only
 * unless it is NULL; see inno_mileage_reverse_ref.
 */
static const struct inno_error *
reverse_ref(struct inno_db *db, const char *ref_table, int64_t ref_id,
    const char *category, const char *date, const char *reason,
    int64_t *reversed)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char day[11];
	const char *bad;
	int64_t *ids = NULL, *grown, rid, first = 0, last = 0;
	size_t n = 0, i;
	int row, closed;

	if (reversed != NULL)
		*reversed = 0;
	if (ref_table == NULL)
		return inno_error(INNO_EUSAGE,
		    _("mileage: no reference table given"));
	if (date == NULL || (bad = inno_parse_date(date, strlen(date),
	    day)) != NULL)
		return inno_error(INNO_EINPUT, _("mileage: %s: %s"),
		    date != NULL ? date : "(no date)", date != NULL ? bad :
		    "a date is required");
	if ((err = inno_mileage_closed(db, day, &closed)) != NULL)
		return err;
	if (closed)
		return closed_error("mileage reversal", day);
	/*
	 * Collect the ids first: the inserts below must not run while the
	 * query over the same table is still stepping.
	 */
	if ((err = inno_db_query(db, &st, "SELECT m.id FROM mileage m WHERE "
	    "m.ref_table = ?1 AND m.ref_id = ?2 AND (?3 IS NULL OR m.category "
	    "= ?3) AND m.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM "
	    "mileage r WHERE r.reverses = m.id) ORDER BY m.id", "tit",
	    ref_table, ref_id, category)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((grown = realloc(ids, (n + 1) * sizeof *ids)) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
		ids = grown;
		ids[n++] = inno_stmt_int(st, 0);
	}
	if (err != NULL)
		goto done;
	for (i = 0; i < n; i++) {
		if ((err = reverse_one(db, ids[i], day, reason, NULL,
		    &rid)) != NULL)
			goto done;
		if (first == 0)
			first = rid;
		last = rid;
	}
	if (n > 0 && (err = inno_audit(db, "insert", "mileage", first, last,
	    "%zu reversal%s for %s %lld", n, n == 1 ? "" : "s", ref_table,
	    (long long)ref_id)) != NULL)
		goto done;
	if (reversed != NULL)
		*reversed = (int64_t)n;
done:
	free(ids);
	return err;
}

const struct inno_error *
inno_mileage_reverse_ref(struct inno_db *db, const char *ref_table,
    int64_t ref_id, const char *date, const char *reason, int64_t *reversed)
{
	return reverse_ref(db, ref_table, ref_id, NULL, date, reason,
	    reversed);
}

/* ------------------------------------------------------------- awarding */

static const char *event_record(const struct inno_config *, const char *);

const struct inno_col inno_mileage_cols[INNO_MILEAGE_NCOLS] = {
	{"employee_id", 0}, {"dept", 0}, {"date", 0}, {"category", 0},
	{"points", 0}, {"reason", 0}, {"ref", 0}, {"idea_id", 0}, {"id", 0},
};

const struct inno_col inno_mileage_rev_cols[INNO_MREV_NCOLS] = {
	{"reverse", 1}, {"date", 0}, {"reason", 0},
};

/*
 * How many categories and months a run remembers.  A hostile file naming a
 * million categories must not grow memory: past the limit, lookups simply
 * go to the configuration or database again.
 */
#define CAT_CACHE 256
/*
 * The page cache of a batch, in KiB as PRAGMA cache_size takes it.  A
 * batch touches few pages at a time (the ends of the ledger and its date
 * index, the rollup's cells of one month), and SQLite sizes the sort of
 * the rollup's statement by this too: 256 KiB took no more time than
 * 1 MiB and keeps 1.5 MB less beside the staff's map.
 */
#define BATCH_CACHE "-256"
#define MONTH_CACHE 64

/*
 * The staff a batch is checked against, read once when the batch starts
 * (inno_staff_each_employee): each employee in 18 bytes (an id of up to
 * eight bytes itself, a longer one in a block of text beside; the row id,
 * the department, and the days joined and left), in the order of the
 * ids' hash, with a directory of where each hash bucket's entries start,
 * about eight to a bucket: 300,000 staff take 5.6 MB and no row of the
 * file costs a query.  An employee the map cannot hold (a row id beyond
 * 32 bits, a department row id beyond 65,535, a date outside 1900-01-01
 * to 2079-06-06) is looked up a row at a time as before, as is every id
 * the map does not know, so that the refusal is worded in one place.
 */
#define EMP_CODE 8		/* the bytes of an id held in the entry */

/*
 * Every field is bytes or 16 bits, so that an entry takes 18 bytes and
 * not the 20 a 32-bit field would align it to.
 */
struct emp_ent {
	/* The id, NUL-padded; or a NUL, three unused, its text offset. */
	unsigned char code[EMP_CODE];
	uint16_t id[2];		/* the row id, low half first */
	uint16_t dept;
	uint16_t joined, left;	/* days from 1899-12-31; 0: not recorded */
};
_Static_assert(sizeof(struct emp_ent) == 18, "an entry is 18 bytes");

struct emp_map {
	struct emp_ent *ents;
	size_t n, cap;
	char *text;		/* the ids longer than EMP_CODE */
	size_t len, tcap;
	uint32_t *dir;		/* bucket b's entries: dir[b] to dir[b + 1] */
	size_t buckets;		/* a power of two; 0: nothing indexed */
	int loaded;
};

/* 1899-12-31, as inno_date_number counts. */
#define EMP_EPOCH (-25568L)

/*
 * A date as the map keeps it, in days from 1899-12-31; 0 for NULL, -1
 * when not a date or past what 16 bits hold.
 */
static int32_t
emp_day(const char *date)
{
	long d;

	if (date == NULL)
		return 0;
	if (inno_date_number(date, &d) != 0 || d - EMP_EPOCH < 1 ||
	    d - EMP_EPOCH > UINT16_MAX)
		return -1;
	return (int32_t)(d - EMP_EPOCH);
}

/* Grows *p, of *cap elements of size each, to hold need. */
static int
emp_grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp, *grown;
	size_t n = *cap > 0 ? *cap : 4096;

	while (n < need)
		n *= 2;
	if (n == *cap)
		return 0;
	if (n > SIZE_MAX / size || (grown = realloc(*p, n * size)) == NULL)
		return -1;
	*p = grown;
	*cap = n;
	return 0;
}

static int
emp_put(void *arg, int64_t id, const char *code, int64_t dept,
    const char *joined, const char *left)
{
	struct emp_map *m = arg;
	struct emp_ent *e;
	size_t len = strlen(code);
	int32_t j = emp_day(joined), l = emp_day(left);
	uint32_t off;

	if (id <= 0 || id > UINT32_MAX || dept <= 0 || dept > UINT16_MAX ||
	    j < 0 || l < 0 || len == 0 || m->len + len + 1 > UINT32_MAX)
		return 0;	/* looked up a row at a time */
	if (emp_grow(&m->ents, &m->cap, m->n + 1, sizeof *m->ents) != 0 ||
	    (len > EMP_CODE && emp_grow(&m->text, &m->tcap, m->len + len + 1,
	    1) != 0))
		return 1;	/* no memory: the rest are looked up */
	e = &m->ents[m->n++];
	memset(e->code, 0, sizeof e->code);
	if (len <= EMP_CODE) {
		memcpy(e->code, code, len);
	} else {
		off = (uint32_t)m->len;
		memcpy(e->code + 4, &off, sizeof off);
		memcpy(m->text + m->len, code, len + 1);
		m->len += len + 1;
	}
	e->id[0] = (uint16_t)(id & 0xffff);
	e->id[1] = (uint16_t)(id >> 16);
	e->dept = (uint16_t)dept;
	e->joined = (uint16_t)j;
	e->left = (uint16_t)l;
	return 0;
}

static size_t
emp_hash(const char *code, size_t len, size_t buckets)
{
	const unsigned char *p = (const unsigned char *)code;
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 1099511628211u;
	return hash_slot(h, buckets);
}

/* The id of e, and its length. */
static const char *
emp_code(const struct emp_map *m, const struct emp_ent *e, size_t *len)
{
	uint32_t off;

	if (e->code[0] != '\0') {
		*len = strnlen((const char *)e->code, EMP_CODE);
		return (const char *)e->code;
	}
	memcpy(&off, e->code + 4, sizeof off);
	*len = strlen(m->text + off);
	return m->text + off;
}

static size_t
emp_bucket(const struct emp_map *m, const struct emp_ent *e)
{
	size_t len;
	const char *code = emp_code(m, e, &len);

	return emp_hash(code, len, m->buckets);
}

/*
 * Reads the staff, then orders them by bucket in place (each entry moved
 * once into the next free place of its bucket), about eight to a bucket.
 */
static const struct inno_error *
emp_load(struct inno_db *db, struct emp_map *m)
{
	const struct inno_error *err;
	struct emp_ent t;
	uint32_t *next;
	size_t i, b, to;

	if ((err = inno_staff_each_employee(db, emp_put, m)) != NULL)
		return err;
	m->loaded = 1;
	for (m->buckets = 256; m->buckets < m->n / 8; m->buckets *= 2)
		;
	m->dir = calloc(m->buckets + 1, sizeof *m->dir);
	next = malloc(m->buckets * sizeof *next);
	if (m->dir == NULL || next == NULL || m->n > UINT32_MAX) {
		free(next);
		free(m->dir);
		m->dir = NULL;
		m->buckets = 0;	/* every row looked up as before */
		return NULL;
	}
	for (i = 0; i < m->n; i++)
		m->dir[emp_bucket(m, &m->ents[i]) + 1]++;
	for (b = 0; b < m->buckets; b++) {
		m->dir[b + 1] += m->dir[b];
		next[b] = m->dir[b];
	}
	for (b = 0; b < m->buckets; b++)
		while (next[b] < m->dir[b + 1]) {
			i = next[b];
			if ((to = emp_bucket(m, &m->ents[i])) == b) {
				next[b]++;
				continue;
			}
			t = m->ents[next[to]];
			m->ents[next[to]++] = m->ents[i];
			m->ents[i] = t;
		}
	free(next);
	return NULL;
}

static const struct emp_ent *
emp_find(const struct emp_map *m, const char *code)
{
	const struct emp_ent *e;
	size_t len = strlen(code), b, i, n;
	unsigned char key[EMP_CODE] = {0};
	const char *c;

	if (m->buckets == 0 || len == 0)
		return NULL;
	if (len <= EMP_CODE)
		memcpy(key, code, len);
	b = emp_hash(code, len, m->buckets);
	for (i = m->dir[b]; i < m->dir[b + 1]; i++) {
		e = &m->ents[i];
		if (len <= EMP_CODE) {
			if (memcmp(e->code, key, EMP_CODE) == 0)
				return e;
		} else if (e->code[0] == '\0') {
			c = emp_code(m, e, &n);
			if (n == len && memcmp(c, code, len) == 0)
				return e;
		}
	}
	return NULL;
}

static void
emp_free(struct emp_map *m)
{
	free(m->ents);
	free(m->text);
	free(m->dir);
}

struct cached_cat {
	struct inno_mileage_cat cat;
	int found;
};

struct cached_month {
	char month[8];
	int closed;
};

struct inno_mileage_award {
	const struct inno_config *cfg;
	struct inno_mileage_rules rules;
	struct cached_cat cats[CAT_CACHE];
	size_t ncats;
	struct cached_month months[MONTH_CACHE];
	size_t nmonths;
	/* Defaults, checked once. */
	char def_date[11];
	const char *def_category;
	int64_t def_points;
	int has_def_points;
	const char *def_reason;
	const char *def_ref;
	char today[11];
	int64_t last_id;
	int tuned;
	struct cap_cache caps;
	struct roll roll;	/* the run's entries not yet in mileage_month */
	char month[7];		/* the month of the batch's last entry */
	struct emp_map emps;
	struct inno_db *db;	/* the run's, once a row came */
};

/*
 * Writes the run's sums into mileage_month when its batch ends, after
 * letting go of the maps no row needs any more, so that the statement's
 * sort does not add to them.
 */
static const struct inno_error *
award_end(void *arg)
{
	struct inno_mileage_award *a = arg;

	emp_free(&a->emps);
	memset(&a->emps, 0, sizeof a->emps);
	free(a->caps.slots);
	a->caps.slots = NULL;
	a->caps.n = 0;
	/* A next file is a batch of its own: its months are met afresh. */
	cap_months_clear(&a->caps);
	a->tuned = 0;
	return roll_flush(a->db, &a->roll);
}

/*
 * The entries a batch holds before it writes their cells as it turns to
 * another month.  The statement that writes them sorts what it holds (a
 * cell's key and sums, some 60 bytes an entry), in memory up to the size
 * of the page cache and in runs on a temporary file beyond, with a buffer
 * for each run when they merge: held to the end, a year of ten million
 * entries made some 300 runs and 2 MB more at the run's peak, on top of
 * the staff's map, and left the heap that much larger after.  A month at
 * a time it stays a few runs, and each month's cells are still written
 * once, in the rollup index's order.  The month turned to has not been
 * met yet, so the caps still find it empty (cap_empty) and read nothing;
 * only a batch out of date order, which turns at almost every row, waits
 * for this many entries between its writes.
 */
#define ROLL_SPAN 65536

/*
 * Writes the cells of the entries a batch holds when the entry about to
 * be checked, of date, turns to another month and enough are held.
 */
static const struct inno_error *
award_turn(struct inno_mileage_award *a, struct inno_db *db, const char *date)
{
	int turned = memcmp(a->month, date, sizeof a->month) != 0;

	memcpy(a->month, date, sizeof a->month);
	if (!turned || roll_held(&a->roll) < ROLL_SPAN)
		return NULL;
	return cap_flush(db, &a->caps);
}

const struct inno_error *
inno_mileage_award_new(struct inno_mileage_award **ap,
    const struct inno_config *cfg, const struct inno_mileage_defaults *d)
{
	const struct inno_error *err;
	struct inno_mileage_award *a;
	struct inno_mileage_cat cat;
	const char *why;
	size_t bad;
	int found;

	*ap = NULL;
	if ((a = calloc(1, sizeof *a)) == NULL)
		return inno_error_nomem();
	a->cfg = cfg;
	a->caps.roll = &a->roll;
	if ((err = inno_mileage_rules_get(cfg, &a->rules)) != NULL ||
	    (err = inno_today(a->today)) != NULL)
		goto fail;
	if (d != NULL && d->date != NULL && (why = inno_parse_date(d->date,
	    strlen(d->date), a->def_date)) != NULL) {
		err = inno_error(INNO_EUSAGE, _("--date=%s: %s"), d->date, why);
		goto fail;
	}
	if (d != NULL && d->category != NULL) {
		if ((err = inno_mileage_cat_get(cfg, d->category, &cat,
		    &found)) != NULL)
			goto fail;
		if (!found) {
			err = inno_error(INNO_EUSAGE,
			    _("--category=%s: unknown category (configure "
			    "[mileage.%s] in inno.ini)"),
			    d->category, d->category);
			goto fail;
		}
		a->def_category = d->category;
	}
	if (d != NULL && d->points != NULL) {
		if ((why = inno_parse_int(d->points, strlen(d->points),
		    POINTS_MIN, POINTS_MAX, &a->def_points)) != NULL) {
			err = inno_error(INNO_EUSAGE, _("--points=%s: %s"),
			    d->points, why);
			goto fail;
		}
		a->has_def_points = 1;
	}
	if (d != NULL) {
		if ((d->reason != NULL && inno_utf8_check(d->reason,
		    strlen(d->reason), &bad) != NULL) || (d->ref != NULL &&
		    inno_utf8_check(d->ref, strlen(d->ref), &bad) != NULL)) {
			err = inno_error(INNO_EUSAGE, _("--reason or --ref: "
			    "not valid UTF-8"));
			goto fail;
		}
		a->def_reason = d->reason;
		a->def_ref = d->ref;
	}
	*ap = a;
	return NULL;
fail:
	free(a);
	return err;
}

void
inno_mileage_award_free(struct inno_mileage_award *a)
{
	if (a != NULL) {
		free(a->caps.slots);
		cap_months_clear(&a->caps);
		emp_free(&a->emps);
	}
	free(a);
}

int64_t
inno_mileage_award_last(const struct inno_mileage_award *a)
{
	return a->last_id;
}

/* A category through the run's cache; *cat points into it or a copy. */
static const struct inno_error *
award_cat(struct inno_mileage_award *a, const char *name,
    const struct inno_mileage_cat **cat, int *found, int *cached)
{
	const struct inno_error *err;
	static struct cached_cat spill;
	struct cached_cat *c;
	size_t i;

	for (i = 0; i < a->ncats; i++)
		if (strcmp(a->cats[i].cat.name, name) == 0) {
			*cat = &a->cats[i].cat;
			*found = a->cats[i].found;
			*cached = 1;
			return NULL;
		}
	c = a->ncats < CAT_CACHE ? &a->cats[a->ncats] : &spill;
	if ((err = inno_mileage_cat_get(a->cfg, name, &c->cat,
	    &c->found)) != NULL)
		return err;
	/* An unknown name is remembered too, under its own name. */
	snprintf(c->cat.name, sizeof c->cat.name, "%s", name);
	if ((*cached = c != &spill))
		a->ncats++;
	*cat = &c->cat;
	*found = c->found;
	return NULL;
}

static const struct inno_error *
award_closed(struct inno_mileage_award *a, struct inno_db *db,
    const char *date, int *closed)
{
	const struct inno_error *err;
	size_t i;

	for (i = 0; i < a->nmonths; i++)
		if (strncmp(a->months[i].month, date, 7) == 0) {
			*closed = a->months[i].closed;
			return NULL;
		}
	if ((err = inno_mileage_closed(db, date, closed)) != NULL)
		return err;
	if (a->nmonths < MONTH_CACHE) {
		snprintf(a->months[a->nmonths].month, 8, "%.7s", date);
		a->months[a->nmonths++].closed = *closed;
	}
	return NULL;
}

/*
 * The row's employee (column INNO_MILEAGE_EMPLOYEE) checked as
 * inno_row_employee checks it, employed on date unless it is NULL, with
 * the department the person belongs to in *dept.  In a batch the staff
 * table answers; a row it cannot vouch for goes to inno_row_employee,
 * which also words the refusal.
 */
static int
award_employee(struct inno_mileage_award *a, struct inno_row *r,
    const char *date, int64_t *employee, int64_t *dept)
{
	const struct inno_error *err;
	const struct emp_ent *e = NULL;
	const char *v;
	int32_t day;
	int rc;

	if (a->emps.loaded) {
		if ((rc = inno_row_text(r, INNO_MILEAGE_EMPLOYEE, 64, &v)) <= 0)
			return rc;
		e = emp_find(&a->emps, v);
		day = date != NULL ? emp_day(date) : 0;
		if (e != NULL && (date == NULL || (day > 0 && (e->joined ==
		    0 || day >= e->joined) && (e->left == 0 ||
		    day <= e->left)))) {
			*employee = (int64_t)e->id[1] << 16 | e->id[0];
			*dept = e->dept;
			return 1;
		}
	}
	if ((rc = inno_row_employee(r, INNO_MILEAGE_EMPLOYEE, date,
	    employee)) != 1)
		return rc;
	if ((err = employee_dept(inno_row_db(r), *employee, dept)) != NULL) {
		inno_row_error(r, INNO_MILEAGE_EMPLOYEE, "%s", err->msg);
		return -1;
	}
	return 1;
}

/*
 * A person's mileage belongs to the person's department: a row naming
 * both is refused when they disagree, so that no entry of a person can
 * steer another department's total or its MVP.
 */
static const struct inno_error *
dept_agrees(struct inno_row *r, int64_t employee, int64_t dept)
{
	const struct inno_error *err;
	char *own = NULL, *given = NULL;
	int64_t same;
	int found;

	if ((err = inno_db_int(inno_row_db(r), &same, &found, "SELECT "
	    "inno_employee_dept(?1) = ?2", "ii", employee, dept)) != NULL ||
	    same)
		return err;
	if ((err = inno_db_text(inno_row_db(r), &own, "SELECT "
	    "inno_dept_name(inno_employee_dept(?))", "i", employee)) != NULL ||
	    (err = inno_db_text(inno_row_db(r), &given, "SELECT "
	    "inno_dept_name(?)", "i", dept)) != NULL)
		goto done;
	inno_row_error(r, INNO_MILEAGE_DEPT, _("%s: the employee belongs to "
	    "%s, and the mileage of a person goes to their own department "
	    "(leave dept empty)"), given != NULL ? given : "?",
	    own != NULL ? own : "?");
done:
	free(own);
	free(given);
	return err;
}

const struct inno_error *
inno_mileage_award_row(void *arg, struct inno_row *r)
{
	struct inno_mileage_award *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const struct inno_mileage_cat *cat = NULL;
	const char *catname, *reason, *ref, *code, *dname;
	struct entry e;
	char date[11], why[256];
	const char *ref_table = NULL;
	int64_t employee = 0, dept = 0, points = 0, want, id, ref_id = 0, prior;
	int64_t edept = 0;
	int has_date, has_emp, has_dept, has_points, found = 0, closed, over;
	int cached = 0, has_idea, has_id = 0;

	if (a->db == NULL) {
		a->db = db;
		inno_row_at_end(r, award_end, a);
	}
	if (!a->tuned && inno_row_is_batch(r)) {
		/*
		 * A batch appends to the ledger and its index (mileage_day,
		 * in date order) and reads the rollup's cells of the months
		 * it passes: a fixed cache keeps those pages and memory flat
		 * however long the batch is.
		 */
		if ((err = inno_db_exec(db, "PRAGMA cache_size = "
		    BATCH_CACHE)) != NULL)
			return err;
		a->tuned = 1;
		if ((err = emp_load(db, &a->emps)) != NULL)
			return err;
	}
	has_date = inno_row_date(r, INNO_MILEAGE_DATE, date);
	if (has_date == 0) {
		if (a->def_date[0] != '\0')
			memcpy(date, a->def_date, sizeof date);
		else if (!inno_row_is_batch(r))
			memcpy(date, a->today, sizeof date);
		else
			inno_row_error(r, INNO_MILEAGE_DATE, _("required, but "
			    "empty (or give --date for every row)"));
	}
	has_emp = award_employee(a, r, has_date >= 0 ? date : NULL, &employee,
	    &edept);
	has_dept = inno_row_dept(r, INNO_MILEAGE_DEPT, &dept);
	if (has_emp == 0 && has_dept == 0)
		inno_row_error(r, INNO_MILEAGE_EMPLOYEE, _("required: give "
		    "employee_id for a person or dept for a department"));
	has_idea = inno_row_int(r, INNO_MILEAGE_IDEA, 1, INT64_MAX, &ref_id);
	if (has_idea != 1)
		has_id = inno_row_int(r, INNO_MILEAGE_ID, 1, INT64_MAX,
		    &ref_id);
	if (inno_row_text(r, INNO_MILEAGE_CATEGORY, 64, &catname) == 0) {
		if ((catname = a->def_category) == NULL)
			inno_row_error(r, INNO_MILEAGE_CATEGORY, _("required, "
			    "but empty (or give --category for every row)"));
	}
	if (catname != NULL) {
		if ((err = award_cat(a, catname, &cat, &found,
		    &cached)) != NULL)
			return err;
		if (!found)
			inno_row_error(r, INNO_MILEAGE_CATEGORY,
			    _("%.64s: unknown or disabled category (see "
			    "[mileage.%.64s] in inno.ini)"), catname, catname);
	}
	has_points = inno_row_int(r, INNO_MILEAGE_POINTS, POINTS_MIN,
	    POINTS_MAX, &points);
	if (has_points == 0 && a->has_def_points) {
		points = a->def_points;
		has_points = 1;
	}
	if (inno_row_text(r, INNO_MILEAGE_REASON, 200, &reason) == 0)
		reason = a->def_reason;
	if (inno_row_text(r, INNO_MILEAGE_REF, 100, &ref) == 0)
		ref = a->def_ref;
	if (found) {
		if (has_points == 0)
			points = cat->points;
		else if (has_points == 1 && (points < cat->min ||
		    points > cat->max))
			inno_row_error(r, INNO_MILEAGE_POINTS, _("%lld: "
			    "outside the range of category %s (%lld to %lld)"),
			    (long long)points, cat->name, (long long)cat->min,
			    (long long)cat->max);
	}
	if (inno_row_bad(r))
		return NULL;
	/*
	 * The record the row names: an idea, or with id the record of the
	 * event that earns this category (idea-list's CSV carries the idea's
	 * id as id).  A record earns a category once, however it arrives.
	 */
	if (has_idea == 1)
		ref_table = "idea";
	else if (has_id == 1)
		ref_table = event_record(a->cfg, cat->name);
	if (ref_table != NULL) {
		if ((err = earned(db, ref_table, ref_id, cat->name, &prior)) !=
		    NULL)
			return err;
		if (prior != 0) {
			inno_row_note(r, has_idea == 1 ? INNO_MILEAGE_IDEA :
			    INNO_MILEAGE_ID, _("%s %lld already earned %s "
			    "(entry %lld); no entry written"), ref_table,
			    (long long)ref_id, cat->name, (long long)prior);
			return NULL;
		}
	}
	/*
	 * After the record check, so that a listing piped in again (whose
	 * dept is the record's, not the person's now) only fails on rows it
	 * would write.
	 */
	if (has_emp == 1 && has_dept == 1 && edept != dept) {
		if ((err = dept_agrees(r, employee, dept)) != NULL)
			return err;
		if (inno_row_bad(r))
			return NULL;
	}
	if ((err = award_closed(a, db, date, &closed)) != NULL)
		return err;
	if (closed) {
		inno_row_error(r, INNO_MILEAGE_DATE, _("%s: month %.7s is "
		    "closed and cannot change; date the entry in an open month "
		    "(for example --date=%s)"), date, date, a->today);
		return NULL;
	}
	want = points;
	if (has_emp == 1)
		dept = edept;
	if (inno_row_is_batch(r) && (err = award_turn(a, db, date)) != NULL)
		return err;
	/* One award reads its sums from the database; a batch caches them. */
	if ((err = caps_check(db, inno_row_is_batch(r) ? &a->caps : NULL,
	    cached, &a->rules, cat, has_emp == 1 ? employee : 0, dept, date,
	    &points, &over, why, sizeof why)) != NULL)
		return err;
	if (over && !a->rules.trim) {
		inno_row_error(r, INNO_MILEAGE_POINTS,
		    _("%lld points would exceed %s"), (long long)want, why);
		return NULL;
	}
	if (over) {
		inno_row_trimmed(r);
		if (points == 0) {
			inno_row_note(r, INNO_MILEAGE_POINTS, _("%lld points "
			    "trimmed to 0 by %s; no entry written"),
			    (long long)want, why);
			return NULL;
		}
		inno_row_note(r, INNO_MILEAGE_POINTS, _("%lld points trimmed "
		    "to %lld by %s"), (long long)want, (long long)points, why);
	}
	memset(&e, 0, sizeof e);
	e.date = date;
	e.employee = has_emp == 1 ? employee : 0;
	e.dept = dept;
	e.category = cat->name;
	e.kind = cat->kind;
	e.points = points;
	e.reason = reason;
	e.ref = ref;
	e.ref_table = ref_table;
	e.ref_id = ref_table != NULL ? ref_id : 0;
	/* A batch sums its cells in memory; one award writes its own. */
	if ((err = entry_insert(db, &e, inno_row_is_batch(r) ? &a->roll : NULL,
	    &id)) != NULL)
		return err;
	if (inno_row_is_batch(r))
		cap_add(&a->caps, e.employee, dept, date, cat, cached,
		    (e.employee != 0 ? a->rules.person_month_cap :
		    a->rules.dept_month_cap) > 0, points);
	a->last_id = id;
	inno_row_wrote(r, id);
	/* The record for the award hooks (hook.h), as the row gave it. */
	if (inno_row_text(r, INNO_MILEAGE_EMPLOYEE, 64, &code) != 1)
		code = NULL;
	if (inno_row_text(r, INNO_MILEAGE_DEPT, 200, &dname) != 1)
		dname = NULL;
	return inno_hook_add(db, "award", "issssiss", "entry", id,
	    "employee_id", has_emp == 1 ? code : NULL, "dept", dname, "date",
	    date, "category", cat->name, "points", points, "reason", reason,
	    "ref", ref);
}

const struct inno_error *
inno_mileage_reverse_row(void *arg, struct inno_row *r)
{
	struct inno_mileage_award *a = arg;
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *reason;
	char date[11], *odate = NULL;
	int64_t id = 0, rid;
	int has_date, closed;

	if (a->db == NULL) {
		a->db = db;
		inno_row_at_end(r, award_end, a);
	}
	inno_row_int(r, INNO_MREV_ENTRY, 1, INT64_MAX, &id);
	has_date = inno_row_date(r, INNO_MREV_DATE, date);
	inno_row_text(r, INNO_MREV_REASON, 200, &reason);
	if (inno_row_bad(r))
		return NULL;
	if ((err = inno_db_text(db, &odate, "SELECT date FROM mileage WHERE "
	    "id = ?", "i", id)) != NULL)
		return err;
	if (odate == NULL) {
		inno_row_error(r, INNO_MREV_ENTRY,
		    _("%lld: no such mileage entry"), (long long)id);
		return NULL;
	}
	if (has_date == 0)
		snprintf(date, sizeof date, "%s", odate);
	if ((err = award_closed(a, db, date, &closed)) != NULL)
		goto done;
	if (closed && has_date == 0)
		inno_row_error(r, INNO_MREV_ENTRY, _("%lld: the entry is dated "
		    "%s, in month %.7s, which is closed and cannot change; "
		    "date the correction in an open month, for example "
		    "--reverse=%lld --date=%s"), (long long)id, odate, odate,
		    (long long)id, a->today);
	else if (closed)
		inno_row_error(r, INNO_MREV_DATE, _("%s: month %.7s is closed "
		    "and cannot change; date the correction in an open month "
		    "(for example --date=%s)"), date, date, a->today);
	if (inno_row_bad(r))
		goto done;
	if ((err = reverse_one(db, id, date, reason, inno_row_is_batch(r) ?
	    &a->roll : NULL, &rid)) != NULL)
		goto done;
	a->last_id = rid;
	inno_row_wrote(r, rid);
done:
	free(odate);
	return err;
}

/* -------------------------------------------------------------- listing */

/*
 * Whether the days first to last are whole months (the first day of one
 * to the last of another), so that the rollup answers for them; *m1 and
 * *m2 get the months.
 */
static int
whole_months(const char *first, const char *last, char m1[8], char m2[8])
{
	int y, m, d;

	if (first == NULL || last == NULL || strlen(first) != 10 ||
	    strlen(last) != 10 || strcmp(first + 7, "-01") != 0 ||
	    sscanf(last, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
	    d < inno_days_in_month(y, m))
		return 0;
	snprintf(m1, 8, "%.7s", first);
	snprintf(m2, 8, "%.7s", last);
	return 1;
}

const struct inno_error *
inno_mileage_query(struct inno_db *db, const struct inno_mileage_filter *f,
    struct inno_stmt **stp)
{
	static const char *const bys[] = {"employee", "dept", "month",
	    "category", "kind", NULL};
	/*
	 * The filters are bound; a NULL filter matches everything.  The
	 * period is a BETWEEN on the date only when given, so the ledger's
	 * index (mileage_day: date, employee_id) serves a month without
	 * slowing a listing of everything.  One person's entries are a walk
	 * over the days of the period (or of the ledger), one seek of the
	 * index a day: a few thousand seeks for ten years, however many
	 * entries the others have.
	 */
	static const char *const from = " FROM mileage m "
	    "WHERE (?1 IS NULL OR m.employee_id = inno_employee_ref(?1)) "
	    "AND (?2 IS NULL OR m.dept_id = inno_dept_ref(?2)) "
	    "AND (?3 IS NULL OR m.category = ?3) "
	    "AND (?4 IS NULL OR m.kind = ?4)";
	static const char *const person = " FROM (WITH RECURSIVE day(d) AS "
	    "(SELECT coalesce(?5, (SELECT min(date) FROM mileage)) UNION ALL "
	    "SELECT date(d, '+1 day') FROM day WHERE d < coalesce(?6, "
	    "(SELECT max(date) FROM mileage))) SELECT d FROM day) AS day "
	    "CROSS JOIN mileage m ON m.date = day.d AND m.employee_id = "
	    "inno_employee_ref(?1) WHERE ?1 IS NOT NULL "
	    "AND (?2 IS NULL OR m.dept_id = inno_dept_ref(?2)) "
	    "AND (?3 IS NULL OR m.category = ?3) "
	    "AND (?4 IS NULL OR m.kind = ?4)";
	static const char *const period = " AND m.date BETWEEN ?5 AND ?6";
	static const char *const sums = "count(*) AS entries, "
	    "coalesce(sum(CASE m.kind WHEN 'innovation' THEN m.points END), 0) "
	    "AS innovation, coalesce(sum(CASE m.kind WHEN 'cs' THEN m.points "
	    "END), 0) AS cs, sum(m.points) AS points";
	const struct inno_error *err;
	const char *src, *when;
	char *sql, *found;
	int by = -1;

	if (f->by != NULL && (by = inno_word_index(bys, f->by)) < 0)
		return inno_error(INNO_EUSAGE, _("--by=%s: expected employee, "
		    "dept, month, category or kind"), f->by);
	if (f->kind != NULL && inno_word_index(inno_mileage_kinds,
	    f->kind) < 0)
		return inno_error(INNO_EUSAGE, _("--kind=%s: expected "
		    "innovation or cs"), f->kind);
	if (f->employee_id != NULL) {
		if ((err = inno_db_text(db, &found, "SELECT "
		    "inno_employee_ref(?)", "t", f->employee_id)) != NULL)
			return err;
		free(found);
		if (found == NULL)
			return inno_error(INNO_EINPUT, _("--employee-id=%s: no "
			    "such employee"), f->employee_id);
	}
	if (f->dept != NULL) {
		if ((err = inno_db_text(db, &found, "SELECT inno_dept_ref(?)",
		    "t", f->dept)) != NULL)
			return err;
		free(found);
		if (found == NULL)
			return inno_error(INNO_EINPUT,
			    _("--dept=%s: no such department"), f->dept);
	}
	/* Only the fixed fragments above go into the SQL text. */
	src = f->employee_id != NULL ? person : from;
	when = f->employee_id == NULL && f->first != NULL ? period : "";
	switch (by) {
	case -1:
		sql = inno_strf("SELECT m.id, m.date, "
		    "inno_employee_code(m.employee_id) AS employee_id, "
		    "inno_employee_name(m.employee_id) AS name, "
		    "inno_dept_name(m.dept_id) AS dept, m.category, m.kind, "
		    "m.points, m.reason, m.ref, m.ref_table, m.ref_id, "
		    "m.reverses%s%s ORDER BY m.date, m.id", src, when);
		break;
	case 0:
		sql = inno_strf("SELECT inno_employee_code(m.employee_id) AS "
		    "employee_id, inno_employee_name(m.employee_id) AS name, "
		    "inno_dept_name(inno_employee_dept(m.employee_id)) AS dept, "
		    "%s%s%s AND m.employee_id IS NOT NULL GROUP BY "
		    "m.employee_id ORDER BY 1", sums, src, when);
		break;
	case 1:
		sql = inno_strf("SELECT inno_dept_name(m.dept_id) AS dept, "
		    "%s%s%s GROUP BY m.dept_id ORDER BY 1", sums, src, when);
		break;
	case 2:
		sql = inno_strf("SELECT substr(m.date, 1, 7) AS month, %s%s%s "
		    "GROUP BY 1 ORDER BY 1", sums, src, when);
		break;
	case 3:
		sql = inno_strf("SELECT m.category, m.kind, count(*) AS "
		    "entries, sum(m.points) AS points%s%s GROUP BY m.category, "
		    "m.kind ORDER BY m.category, m.kind", src, when);
		break;
	default:
		sql = inno_strf("SELECT m.kind, count(*) AS entries, "
		    "sum(m.points) AS points%s%s GROUP BY m.kind ORDER BY "
		    "m.kind", src, when);
		break;
	}
	if (sql == NULL)
		return inno_error_nomem();
	err = inno_db_prepare(db, stp, sql);
	free(sql);
	if (err != NULL)
		return err;
	if ((err = inno_stmt_bind_text(*stp, 1, f->employee_id, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 2, f->dept, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 3, f->category, -1)) != NULL ||
	    (err = inno_stmt_bind_text(*stp, 4, f->kind, -1)) != NULL)
		return err;
	if (f->first != NULL && ((err = inno_stmt_bind_text(*stp, 5, f->first,
	    -1)) != NULL || (err = inno_stmt_bind_text(*stp, 6, f->last,
	    -1)) != NULL))
		return err;
	return NULL;
}

/* ------------------------------------------------------- what others read */

const struct inno_error *
inno_mileage_sums(struct inno_db *db, const char *first, const char *last,
    const char *kind, const struct inno_error *(*fn)(void *arg,
    const struct inno_mileage_sum *), void *arg)
{
	const struct inno_error *err;
	struct inno_mileage_sum m;
	struct inno_stmt *st;
	char m1[8], m2[8];
	int row;

	/*
	 * Whole months from the rollup, other days from the ledger.  One
	 * month is a walk of the cell index under month = ?, already in the
	 * order of the groups, its cells passed as they are (a category
	 * whose kind changed within the month has two); a range of months
	 * is grouped apart.
	 */
	if (whole_months(first, last, m1, m2) && strcmp(m1, m2) == 0)
		err = inno_db_query(db, &st, "SELECT employee_id, dept_id, "
		    "category, points, entries - 2 * reversals, last FROM "
		    "mileage_month WHERE month = ?1 AND (?2 IS NULL OR kind = "
		    "?2) ORDER BY employee_id, dept_id, category", "tt", m1,
		    kind);
	else if (whole_months(first, last, m1, m2))
		err = inno_db_query(db, &st, "SELECT employee_id, dept_id, "
		    "category, sum(points), sum(entries - 2 * reversals), "
		    "max(last) FROM mileage_month WHERE month BETWEEN ?1 AND ?2 "
		    "AND (?3 IS NULL OR kind = ?3) GROUP BY employee_id, "
		    "dept_id, category ORDER BY employee_id, dept_id, category",
		    "ttt", m1, m2, kind);
	else
		err = inno_db_query(db, &st, "SELECT coalesce(m.employee_id, "
		    "0), m.dept_id, m.category, sum(m.points), sum(CASE WHEN "
		    "m.reverses IS NULL THEN 1 ELSE -1 END), max(m.date) FROM "
		    "mileage m WHERE m.date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR "
		    "m.kind = ?3) GROUP BY m.employee_id, m.dept_id, m.category "
		    "ORDER BY m.employee_id, m.dept_id, m.category", "ttt", first,
		    last, kind);
	if (err != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		m.employee = inno_stmt_int(st, 0);
		m.dept = inno_stmt_int(st, 1);
		m.category = inno_stmt_text(st, 2);
		m.points = inno_stmt_int(st, 3);
		m.entries = inno_stmt_int(st, 4);
		m.last = inno_stmt_text(st, 5);
		if ((err = fn(arg, &m)) != NULL) {
			inno_stmt_reset(st);
			return err;
		}
	}
	return err;
}

/* A person's year while the ranking sums it: employee.id 0 is a free slot. */
struct year_tot {
	int64_t id, innovation, cs;
};

struct year_sums {
	struct year_tot *slots;
	size_t size, n;		/* size a power of two, at most half full */
};

/*
 * The id itself places it: employee ids are rowids, dense and read in
 * their order month by month, so the walk over the table follows the
 * cells instead of missing the cache at every one.
 */
static size_t
year_slot(const struct year_sums *y, int64_t id)
{
	size_t i = (size_t)id & (y->size - 1);

	while (y->slots[i].id != 0 && y->slots[i].id != id)
		i = (i + 1) & (y->size - 1);
	return i;
}

/* The person's totals, added when new; NULL when memory runs out. */
static struct year_tot *
year_get(struct year_sums *y, int64_t id)
{
	struct year_sums g;
	size_t i, j;

	if (2 * (y->n + 1) > y->size) {
		g.size = y->size ? 2 * y->size : 4096;
		g.n = y->n;
		if ((g.slots = calloc(g.size, sizeof *g.slots)) == NULL)
			return NULL;
		for (j = 0; j < y->size; j++)
			if (y->slots[j].id != 0)
				g.slots[year_slot(&g, y->slots[j].id)] =
				    y->slots[j];
		free(y->slots);
		*y = g;
	}
	i = year_slot(y, id);
	if (y->slots[i].id == 0) {
		y->slots[i].id = id;
		y->n++;
	}
	return &y->slots[i];
}

/* Orders the ranked best first: points, then innovation points. */
static int
year_cmp(const void *pa, const void *pb)
{
	const struct year_tot *a = pa, *b = pb;
	int64_t x = a->innovation + a->cs, z = b->innovation + b->cs;

	if (x != z)
		return x > z ? -1 : 1;
	if (a->innovation != b->innovation)
		return a->innovation > b->innovation ? -1 : 1;
	return 0;
}

/*
 * The persons of ranks 1 to top among y's as a JSON array of [rank, id,
 * innovation, cs, points], into *json (the caller's).  A rank is one more
 * than the persons with more points, so the ranked are those with at
 * least the points of the top-th best: found with a heap of top totals.
 */
static const struct inno_error *
year_ranked(const struct year_sums *y, int64_t top, char **json)
{
	struct year_tot *sel = NULL;
	int64_t *heap = NULL, v, floor;
	size_t nh = 0, k, i, c, t, n = 0, rank = 0, len = 0;
	char *out;

	*json = NULL;
	k = top < 1 ? 0 : (size_t)top < y->n ? (size_t)top : y->n;
	if (k > 0 && (heap = malloc(k * sizeof *heap)) == NULL)
		return inno_error_nomem();
	/* A min-heap of the k best totals: heap[0] is the k-th best. */
	for (i = 0; k > 0 && i < y->size; i++) {
		if (y->slots[i].id == 0)
			continue;
		v = y->slots[i].innovation + y->slots[i].cs;
		if (nh < k) {
			for (c = nh++; c > 0 && heap[(c - 1) / 2] > v;
			    c = (c - 1) / 2)
				heap[c] = heap[(c - 1) / 2];
			heap[c] = v;
		} else if (v > heap[0]) {
			for (c = 0; 2 * c + 1 < k; c = t) {
				t = 2 * c + 1;
				if (t + 1 < k && heap[t + 1] < heap[t])
					t++;
				if (heap[t] >= v)
					break;
				heap[c] = heap[t];
			}
			heap[c] = v;
		}
	}
	floor = nh > 0 ? heap[0] : 0;
	free(heap);
	for (i = 0; nh > 0 && i < y->size; i++)
		if (y->slots[i].id != 0 && y->slots[i].innovation +
		    y->slots[i].cs >= floor)
			n++;
	if (n > 0 && (sel = malloc(n * sizeof *sel)) == NULL)
		return inno_error_nomem();
	for (i = 0, n = 0; nh > 0 && i < y->size; i++)
		if (y->slots[i].id != 0 && y->slots[i].innovation +
		    y->slots[i].cs >= floor)
			sel[n++] = y->slots[i];
	if (n > 1)
		qsort(sel, n, sizeof *sel, year_cmp);
	/*
	 * "[" and "]", and a person's five numbers of at most 20 digits and
	 * a sign each, with their brackets and commas.
	 */
	if ((out = malloc(2 + n * 111 + 1)) == NULL) {
		free(sel);
		return inno_error_nomem();
	}
	out[len++] = '[';
	for (i = 0; i < n; i++) {
		v = sel[i].innovation + sel[i].cs;
		if (i == 0 || v != sel[i - 1].innovation + sel[i - 1].cs)
			rank = i + 1;
		len += (size_t)sprintf(out + len, "%s[%zu,%lld,%lld,%lld,%lld]",
		    i ? "," : "", rank, (long long)sel[i].id,
		    (long long)sel[i].innovation, (long long)sel[i].cs,
		    (long long)v);
	}
	out[len++] = ']';
	out[len] = '\0';
	free(sel);
	*json = out;
	return NULL;
}

const struct inno_error *
inno_mileage_ranking_query(struct inno_db *db, const char *first,
    const char *last, int64_t top, struct inno_stmt **stp)
{
	const struct inno_error *err;
	struct year_sums y = {NULL, 0, 0};
	struct year_tot *t;
	struct inno_stmt *st;
	char m1[8], m2[8], *json;
	int row;

	/*
	 * Equal totals share a rank; innovation points then the employee id
	 * order the rows within it.  Only the ranked rows are named.  Whole
	 * months come from the rollup, summed here a person at a time (a
	 * year is a million cells, which SQLite would sort to group), other
	 * days from the ledger.
	 */
	if (!whole_months(first, last, m1, m2))
		return inno_db_query(db, stp, "SELECT rank, "
		    "inno_employee_code(e) AS employee_id, "
		    "inno_employee_name(e) AS name, "
		    "inno_dept_name(inno_employee_dept(e)) AS dept, "
		    "innovation, cs, points FROM (SELECT rank() OVER (ORDER BY "
		    "sum(m.points) DESC) AS rank, m.employee_id AS e, "
		    "coalesce(sum(CASE m.kind WHEN 'innovation' THEN m.points "
		    "END), 0) AS innovation, coalesce(sum(CASE m.kind WHEN 'cs' "
		    "THEN m.points END), 0) AS cs, sum(m.points) AS points FROM "
		    "mileage m WHERE m.employee_id IS NOT NULL AND m.date "
		    "BETWEEN ?1 AND ?2 GROUP BY m.employee_id) WHERE rank <= ?3 "
		    "ORDER BY rank, innovation DESC, 2", "tti", first, last,
		    top);
	if ((err = inno_db_query(db, &st, "SELECT employee_id, kind = 'cs', "
	    "points FROM mileage_month WHERE month BETWEEN ?1 AND ?2 AND "
	    "employee_id <> 0", "tt", m1, m2)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((t = year_get(&y, inno_stmt_int(st, 0))) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			break;
		}
		if (inno_stmt_int(st, 1))
			t->cs += inno_stmt_int(st, 2);
		else
			t->innovation += inno_stmt_int(st, 2);
	}
	if (err == NULL)
		err = year_ranked(&y, top, &json);
	free(y.slots);
	if (err != NULL)
		return err;
	err = inno_db_query(db, stp, "SELECT " JINT(0) " AS rank, "
	    "inno_employee_code(" JINT(1) ") AS employee_id, "
	    "inno_employee_name(" JINT(1) ") AS name, "
	    "inno_dept_name(inno_employee_dept(" JINT(1) ")) AS dept, "
	    JINT(2) " AS innovation, " JINT(3) " AS cs, " JINT(4) " "
	    "AS points FROM json_each(?1) AS j ORDER BY 1, 5 DESC, 2", "t",
	    json);
	free(json);
	return err;
}

/* Reads the label in column 0 and points in column col of st's rows. */
static const struct inno_error *
read_parts(struct inno_stmt *st, int col, struct inno_mileage_part **parts,
    size_t *n)
{
	const struct inno_error *err;
	struct inno_mileage_part *grown;
	int row;

	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((grown = realloc(*parts, (*n + 1) * sizeof **parts)) ==
		    NULL || (grown[*n].label = strdup(inno_stmt_text(st,
		    0))) == NULL) {
			if (grown != NULL)
				*parts = grown;
			inno_stmt_reset(st);
			return inno_error_nomem();
		}
		*parts = grown;
		grown[*n].points = inno_stmt_int(st, col);
		(*n)++;
	}
	return err;
}

const struct inno_error *
inno_mileage_figures(struct inno_db *db, const struct inno_period *p,
    struct inno_mileage_figures *out)
{
	const struct inno_error *err;
	struct inno_mileage_filter f;
	struct inno_stmt *st;
	char m1[8], m2[8];
	int row;

	memset(out, 0, sizeof *out);
	/*
	 * Whole months come from the rollup, which inno-check holds equal
	 * to the ledger's sums.
	 */
	if (whole_months(p->first, p->last, m1, m2)) {
		/* month, innovation, cs, as the listing's --by=month splits */
		static const char months[] = "SELECT month, sum(CASE kind "
		    "WHEN 'cs' THEN 0 ELSE points END), sum(CASE kind WHEN 'cs' "
		    "THEN points ELSE 0 END) FROM mileage_month WHERE month "
		    "BETWEEN ?1 AND ?2 GROUP BY month ORDER BY month";

		if ((err = inno_db_query(db, &st, "SELECT coalesce(sum(points), "
		    "0), coalesce(sum(entries), 0), coalesce(sum(CASE kind WHEN "
		    "'cs' THEN points END), 0) FROM mileage_month WHERE month "
		    "BETWEEN ?1 AND ?2", "tt", m1, m2)) != NULL)
			return err;
		if ((err = inno_stmt_step(st, &row)) != NULL)
			return err;
		if (row) {
			out->points = inno_stmt_int(st, 0);
			out->entries = inno_stmt_int(st, 1);
			out->cs = inno_stmt_int(st, 2);
			out->innovation = out->points - out->cs;
		}
		inno_stmt_reset(st);
		if ((err = inno_db_query(db, &st, months, "tt", m1, m2)) != NULL ||
		    (err = read_parts(st, 1, &out->months,
		    &out->nmonths)) != NULL ||
		    (err = inno_db_query(db, &st, months, "tt", m1, m2)) != NULL ||
		    (err = read_parts(st, 2, &out->cs_months,
		    &out->ncs_months)) != NULL)
			return err;
		if ((err = inno_db_query(db, &st, "SELECT "
		    "inno_dept_name(dept_id), sum(points) FROM mileage_month "
		    "WHERE month BETWEEN ?1 AND ?2 AND kind = 'innovation' "
		    "GROUP BY dept_id ORDER BY 2 DESC, 1", "tt", m1, m2)) != NULL)
			return err;
		return read_parts(st, 1, &out->depts, &out->ndepts);
	}
	/*
	 * The parts are the listing's own sums (mileage-list --by=month and
	 * --by=dept), so the report and the listing cannot disagree.
	 */
	memset(&f, 0, sizeof f);
	f.first = p->first;
	f.last = p->last;
	f.by = "kind";
	if ((err = inno_mileage_query(db, &f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		out->entries += inno_stmt_int(st, 1);
		out->points += inno_stmt_int(st, 2);
		if (strcmp(inno_stmt_text(st, 0), "cs") == 0)
			out->cs += inno_stmt_int(st, 2);
		else
			out->innovation += inno_stmt_int(st, 2);
	}
	if (err != NULL)
		return err;
	f.by = "month";
	if ((err = inno_mileage_query(db, &f, &st)) != NULL)
		return err;
	/* month, entries, innovation, cs, points */
	if ((err = read_parts(st, 2, &out->months, &out->nmonths)) != NULL ||
	    (err = inno_mileage_query(db, &f, &st)) != NULL ||
	    (err = read_parts(st, 3, &out->cs_months, &out->ncs_months)) !=
	    NULL)
		return err;
	/* Largest first, then by name, as the report lists departments. */
	if ((err = inno_db_query(db, &st, "SELECT "
	    "inno_dept_name(m.dept_id), sum(m.points) FROM mileage m WHERE "
	    "m.date BETWEEN ?1 AND ?2 AND m.kind = 'innovation' GROUP BY "
	    "m.dept_id ORDER BY 2 DESC, 1",
	    "tt", p->first, p->last)) != NULL)
		return err;
	return read_parts(st, 1, &out->depts, &out->ndepts);
}

void
inno_mileage_figures_release(struct inno_mileage_figures *f)
{
	size_t i;

	for (i = 0; i < f->nmonths; i++)
		free(f->months[i].label);
	for (i = 0; i < f->ncs_months; i++)
		free(f->cs_months[i].label);
	free(f->cs_months);
	for (i = 0; i < f->ndepts; i++)
		free(f->depts[i].label);
	free(f->months);
	free(f->depts);
	memset(f, 0, sizeof *f);
}

const struct inno_error *
inno_mileage_close(struct inno_db *db, const char *month)
{
	const struct inno_error *err;
	char now[21];
	int64_t id;

	if ((err = inno_now(now)) != NULL ||
	    (err = inno_db_run(db, "INSERT INTO mileage_close (month, "
	    "closed_at) VALUES (?, ?)", "tt", month, now)) != NULL)
		return err;
	id = inno_db_last_id(db);
	return inno_audit(db, "insert", "mileage_close", id, id, "month %s "
	    "closed", month);
}

/* ---------------------------------------------------------------- checks */

/*
 * A cell's key and sums, as the ledger or the rollup gives them: the text
 * is the statement's, good until its next step.
 */
struct cell {
	const char *month, *category, *kind, *last;
	int64_t employee, dept, points, entries, reversals;
};

/* Reads st's row into c; 0 when st has no more rows. */
static const struct inno_error *
cell_next(struct inno_stmt *st, struct cell *c, int *row)
{
	const struct inno_error *err;

	if ((err = inno_stmt_step(st, row)) != NULL || !*row)
		return err;
	c->month = inno_stmt_text(st, 0);
	c->employee = inno_stmt_int(st, 1);
	c->dept = inno_stmt_int(st, 2);
	c->category = inno_stmt_text(st, 3);
	c->kind = inno_stmt_text(st, 4);
	c->points = inno_stmt_int(st, 5);
	c->entries = inno_stmt_int(st, 6);
	c->reversals = inno_stmt_int(st, 7);
	c->last = inno_stmt_text(st, 8);
	return NULL;
}

/* Orders cells as both statements do (BINARY text, then integers). */
static int
cell_cmp(const struct cell *a, const struct cell *b)
{
	int c;

	if ((c = strcmp(a->month, b->month)) != 0)
		return c;
	if (a->employee != b->employee)
		return a->employee < b->employee ? -1 : 1;
	if (a->dept != b->dept)
		return a->dept < b->dept ? -1 : 1;
	if ((c = strcmp(a->category, b->category)) != 0)
		return c;
	return strcmp(a->kind, b->kind);
}

/* One cell that differs: l the ledger's sums, r the rollup's (or NULL). */
static const struct inno_error *
cell_report(struct inno_db *db, struct inno_diag *d, const struct cell *key,
    const struct cell *l, const struct cell *r)
{
	const struct inno_error *err;
	char *who = NULL, *dept = NULL;

	if ((key->employee != 0 && (err = inno_db_text(db, &who, "SELECT "
	    "coalesce(inno_employee_code(?1), CAST(?1 AS TEXT))", "i",
	    key->employee)) != NULL) || (err = inno_db_text(db, &dept,
	    "SELECT coalesce(inno_dept_name(?1), CAST(?1 AS TEXT))", "i",
	    key->dept)) != NULL) {
		free(who);
		return err;
	}
	inno_diag_add(d, _("mileage: %s, %s, department %s, category "
	    "%s: the ledger holds %lld points in %lld entries, its "
	    "monthly sums (mileage_month) %lld points in %lld entries"),
	    key->month, key->employee == 0 ?
	    _("the department's own entries") : who != NULL ? who : "?",
	    dept != NULL ? dept : "?", key->category,
	    (long long)(l != NULL ? l->points : 0),
	    (long long)(l != NULL ? l->entries : 0),
	    (long long)(r != NULL ? r->points : 0),
	    (long long)(r != NULL ? r->entries : 0));
	free(who);
	free(dept);
	return NULL;
}

/*
 * The rollup against the ledger's own sums, cell by cell: a cell missing
 * on either side, or with other sums, is an edit made outside the
 * programs to the one or the other.  Both come in the order of the
 * rollup's index (the ledger's sums through one sort, the rollup along
 * its index) and are merged here, so that the check reads each side once
 * however large the ledger; at most 100 cells are reported.
 */
static const struct inno_error *
rollup_check(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *ls, *rs;
	struct cell l, r;
	int lrow, rrow, c, n = 0;

	if ((err = inno_db_query(db, &ls, "SELECT " LEDGER_CELLS " GROUP BY "
	    "1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5", NULL)) != NULL)
		return err;
	if ((err = inno_db_query(db, &rs, "SELECT month, employee_id, dept_id, "
	    "category, kind, points, entries, reversals, last FROM "
	    "mileage_month ORDER BY month, employee_id, dept_id, category, "
	    "kind", NULL)) != NULL) {
		inno_stmt_reset(ls);
		return err;
	}
	if ((err = cell_next(ls, &l, &lrow)) != NULL ||
	    (err = cell_next(rs, &r, &rrow)) != NULL)
		goto done;
	while ((lrow || rrow) && n < 100) {
		c = !rrow ? -1 : !lrow ? 1 : cell_cmp(&l, &r);
		if (c < 0) {
			if ((err = cell_report(db, d, &l, &l, NULL)) != NULL)
				goto done;
			n++;
			err = cell_next(ls, &l, &lrow);
		} else if (c > 0) {
			if ((err = cell_report(db, d, &r, NULL, &r)) != NULL)
				goto done;
			n++;
			err = cell_next(rs, &r, &rrow);
		} else {
			if (l.points != r.points || l.entries != r.entries ||
			    l.reversals != r.reversals ||
			    strcmp(l.last, r.last) != 0) {
				if ((err = cell_report(db, d, &l, &l, &r)) !=
				    NULL)
					goto done;
				n++;
			}
			if ((err = cell_next(ls, &l, &lrow)) == NULL)
				err = cell_next(rs, &r, &rrow);
		}
		if (err != NULL)
			goto done;
	}
done:
	inno_stmt_reset(ls);
	inno_stmt_reset(rs);
	return err;
}

const struct inno_error *
inno_mileage_check(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT r.id, o.id, o.reverses IS "
	    "NOT NULL FROM mileage r JOIN mileage o ON o.id = r.reverses "
	    "WHERE o.reverses IS NOT NULL OR r.points <> -o.points OR "
	    "r.employee_id IS NOT o.employee_id OR r.dept_id <> o.dept_id OR "
	    "r.category <> o.category OR r.kind <> o.kind ORDER BY r.id "
	    "LIMIT 100", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, _("mileage: entry %lld reverses entry %lld "
		    "but %s"), (long long)inno_stmt_int(st, 0),
		    (long long)inno_stmt_int(st, 1), inno_stmt_int(st, 2) ?
		    _("that entry is itself a reversal") :
		    _("does not mirror it"));
	if (err != NULL)
		return err;
	/* The schema refuses this; a dropped trigger lets it through. */
	if ((err = inno_db_query(db, &st, "SELECT min(m.id), max(m.id), "
	    "m.ref_table, m.ref_id, m.category FROM mileage m WHERE "
	    "m.ref_table IS NOT NULL AND m.reverses IS NULL AND NOT EXISTS "
	    "(SELECT 1 FROM mileage r WHERE r.reverses = m.id) GROUP BY "
	    "m.ref_table, m.ref_id, m.category HAVING count(*) > 1 ORDER BY 1 "
	    "LIMIT 100", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, _("mileage: entries %lld and %lld both give "
		    "%s %lld its %s mileage"), (long long)inno_stmt_int(st, 0),
		    (long long)inno_stmt_int(st, 1), inno_stmt_text(st, 2),
		    (long long)inno_stmt_int(st, 3), inno_stmt_text(st, 4));
	if (err != NULL)
		return err;
	/*
	 * The programs only append, and an id is the largest so far plus one
	 * (a rolled-back insert leaves no gap), so every id up to the
	 * largest is present; a gap is an entry deleted behind their back.
	 */
	if ((err = inno_db_query(db, &st, "SELECT 1 WHERE 1 < (SELECT min(id) "
	    "FROM mileage) UNION ALL SELECT m.id + 1 FROM "
	    "mileage m WHERE m.id < (SELECT max(id) FROM mileage) AND NOT "
	    "EXISTS (SELECT 1 FROM mileage n WHERE n.id = m.id + 1) LIMIT 100",
	    NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, _("mileage: entry %lld is missing from the "
		    "append-only ledger (deleted outside the inno programs)"),
		    (long long)inno_stmt_int(st, 0));
	if (err != NULL)
		return err;
	if ((err = rollup_check(db, d)) != NULL)
		return err;
	/* No trigger logs the ledger's inserts (0008-audit.sql says why). */
	if ((err = inno_db_query(db, &st, "SELECT id FROM mileage ORDER BY id",
	    NULL)) != NULL)
		return err;
	return inno_audit_check_inserted(db, d, "mileage", st);
}

/* ------------------------------------------------ mileage for events */

/*
 * The events that earn mileage: the setting that names each one's
 * category, the category used when the setting is absent, and the table
 * of the record the entry refers to (so that the record earns it once).
 * A category that is not configured gives nothing, so mileage for an
 * event is off until the office gives its category points.
 */
static const struct {
	const char *key;
	const char *category;
	const char *record;
} events[] = {
	{"idea:mileage_submitted", "idea.submitted", "idea"},
	{"idea:mileage_adopted", "idea.adopted", "idea"},
	{"knowledge:mileage_approved", "knowledge.approved", "knowledge"},
	{"benchmark:mileage_presentation", "presentation", "benchmark"},
	{"club:mileage_join", "club.join", "club_member"},
	{"club:mileage_activity", "club.activity", "club_activity"},
	{"course:mileage_completed", "course.completed", "enrolment"},
};

/*
 * The event of key: *category is what the configuration names (may be
 * ""), the return its record table.  An unknown key is a bug.
 */
static const char *
event_get(const struct inno_config *cfg, const char *key,
    const char **category)
{
	size_t i;

	for (i = 0; i < sizeof events / sizeof events[0]; i++)
		if (strcmp(events[i].key, key) == 0) {
			*category = inno_config_str(cfg, key,
			    events[i].category);
			return events[i].record;
		}
	assert(!"unknown mileage event key");
	*category = "";
	return NULL;
}

/* The category of the event of key when the configuration names none. */
static const char *
event_default(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof events / sizeof events[0]; i++)
		if (strcmp(events[i].key, key) == 0)
			return events[i].category;
	assert(!"unknown mileage event key");
	return "";
}

/*
 * The record table of the event that earns category (by default, or as
 * configured), or NULL when no event does: how an award row's id column
 * is read.  The default counts even with the event's hook turned off, so
 * that idea-list piped into --category=idea.adopted still names ideas.
 */
static const char *
event_record(const struct inno_config *cfg, const char *category)
{
	size_t i;

	for (i = 0; i < sizeof events / sizeof events[0]; i++)
		if (strcmp(events[i].category, category) == 0 ||
		    strcmp(inno_config_str(cfg, events[i].key,
		    events[i].category), category) == 0)
			return events[i].record;
	return NULL;
}

/*
 * The wording of the ledger reasons that events write, by the name of the
 * setting [mileage] reason_NAME that replaces it.  The English here is the
 * built-in default; the office words them in its own language in inno.ini.
 */
static const struct {
	const char *name;
	const char *wording;
} reasons[] = {
	{"idea_submitted", "idea {id} submitted: {title}"},
	{"idea_adopted", "idea {id} adopted: {title}"},
	{"idea_unadopted", "idea {id}: adoption reversed, now {status}: "
	    "{title}"},
	{"knowledge_approved", "knowledge {id} approved"},
	{"knowledge_unapproved", "knowledge {id}: approval reversed, now "
	    "rejected"},
	{"presentation", "presentation {id} to {institution}"},
	{"club_join", "joined a learning club"},
	{"club_activity", "{kind}"},
	{"course_completed", "completed a course"},
	{"course_withdrawn", "course completion withdrawn"},
};

char *
inno_mileage_reason(const struct inno_config *cfg, const char *name,
    int64_t id, ...)
{
	const char *wording = NULL, *p, *end, *var, *val;
	char key[64];
	char *buf = NULL;
	size_t len = 0, i, n;
	FILE *fp;
	va_list ap;
	int found;

	for (i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		if (strcmp(reasons[i].name, name) == 0)
			wording = reasons[i].wording;
	assert(wording != NULL);
	snprintf(key, sizeof key, "mileage:reason_%s", name);
	p = inno_config_str(cfg, key, wording);
	/* An empty wording would leave the ledger entry unexplained. */
	if (*p != '\0')
		wording = p;
	if ((fp = open_memstream(&buf, &len)) == NULL)
		return NULL;
	for (p = wording; *p != '\0'; p++) {
		if (*p != '{' || (end = strchr(p, '}')) == NULL) {
			putc(*p, fp);
			continue;
		}
		n = (size_t)(end - p - 1);
		found = 0;
		if (n == 2 && strncmp(p + 1, "id", 2) == 0) {
			fprintf(fp, "%lld", (long long)id);
			found = 1;
		}
		va_start(ap, id);
		while (!found && (var = va_arg(ap, const char *)) != NULL) {
			val = va_arg(ap, const char *);
			if (strlen(var) == n && strncmp(p + 1, var, n) == 0) {
				fputs(val != NULL ? val : "", fp);
				found = 1;
			}
		}
		va_end(ap);
		/* A placeholder the event does not know stays as written. */
		if (!found)
			putc(*p, fp);
		else
			p = end;
	}
	if (ferror(fp) | fclose(fp)) {
		free(buf);
		return NULL;
	}
	return buf;
}

const struct inno_error *
inno_mileage_event(struct inno_row *r, const char *key, int64_t employee,
    const char *date, const char *reason, int64_t ref_id)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	struct inno_mileage_cat cat;
	const char *category, *table;
	enum outcome out;
	char why[512];
	int64_t id;
	int found;

	table = event_get(inno_db_config(db), key, &category);
	if (category[0] == '\0' || employee == 0)
		return NULL;
	if ((err = inno_mileage_cat_get(inno_db_config(db), category, &cat,
	    &found)) != NULL || !found)
		return err;
	if ((err = record(db, employee, 0, date, &cat, reason, table, ref_id,
	    &out, why, sizeof why, &id)) != NULL)
		return err;
	/* The row is recorded either way; the clerk learns what it earned. */
	if (out == TRIMMED || out == NOTHING)
		inno_row_note(r, -1, "%s", why);
	else if (out == WITHHELD)
		inno_row_note(r, -1, _("no mileage written: %s"), why);
	return NULL;
}

const struct inno_error *
inno_mileage_event_undo(struct inno_row *r, const char *key, int64_t ref_id,
    const char *date, const char *reason)
{
	struct inno_db *db = inno_row_db(r);
	const struct inno_error *err;
	const char *category, *table;
	char day[11];
	int closed;

	table = event_get(inno_db_config(db), key, &category);
	if (ref_id == 0 || category[0] == '\0')
		return NULL;
	if (date == NULL || inno_parse_date(date, strlen(date), day) != NULL)
		return inno_error(INNO_EINPUT, _("mileage: %s: not a date"),
		    date != NULL ? date : _("(no date)"));
	if ((err = inno_mileage_closed(db, day, &closed)) != NULL)
		return err;
	if (closed) {
		inno_row_note(r, -1, _("no mileage reversal written: month "
		    "%.7s is closed; reverse the entry with mileage-award "
		    "--reverse dated in an open month"), day);
		return NULL;
	}
	if ((err = reverse_ref(db, table, ref_id, category, day, reason,
	    NULL)) != NULL)
		return err;
	/*
	 * An entry earned under the default category before the setting
	 * named another is the event's too, and is taken back with it.
	 */
	if (strcmp(category, event_default(key)) == 0)
		return NULL;
	return reverse_ref(db, table, ref_id, event_default(key), day, reason,
	    NULL);
}

/* ------------------------------------------------------------------ undo */

/*
 * Writes entry id again as it was, with reason, into the ledger and its
 * cell of the rollup; *rid is the new entry.  The entry must be live
 * again (its reversal was taken back), as the schema checks.
 */
static const struct inno_error *
reenter_one(struct inno_db *db, int64_t id, const char *reason,
    int64_t *rid)
{
	const struct inno_error *err;
	struct entry_row r;

	if ((err = entry_load(db, id, &r)) != NULL)
		return err;
	r.e.reason = reason;
	r.e.reverses = 0;
	err = entry_insert(db, &r.e, NULL, rid);
	entry_row_free(&r);
	return err;
}

/*
 * Takes back the entries first..last that one command wrote (inno-undo):
 * an entry is reversed, and a reversal is answered by the entry it
 * reversed written again, each dated as the entry it answers so that the
 * month's figures are what they were before the command.  The ledger only
 * grows.  An entry in a closed month is refused before anything is
 * written, since that month's figures are final.  One audit row covers the
 * new entries; reason is their reason.
 */
const struct inno_error *
inno_mileage_undo_range(struct inno_db *db, int64_t first, int64_t last,
    const char *reason, int64_t *written)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int64_t *ids = NULL, *grown, rid, nfirst = 0, nlast = 0;
	size_t n = 0, i;
	int row, closed;

	*written = 0;
	if ((err = inno_db_query(db, &st, "SELECT id, date FROM mileage "
	    "WHERE id BETWEEN ? AND ? ORDER BY id", "ii", first, last)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((err = inno_mileage_closed(db, inno_stmt_text(st, 1),
		    &closed)) != NULL || closed) {
			if (err == NULL)
				err = inno_error(INNO_EINPUT, _("mileage entry "
				    "%lld is dated in %.7s, a closed month, "
				    "which an undo never reopens"),
				    (long long)inno_stmt_int(st, 0),
				    inno_stmt_text(st, 1));
			inno_stmt_reset(st);
			goto done;
		}
		if ((grown = realloc(ids, (n + 1) * sizeof *ids)) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
		ids = grown;
		ids[n++] = inno_stmt_int(st, 0);
	}
	if (err != NULL)
		goto done;
	for (i = 0; i < n; i++) {
		int64_t by = 0;
		int isrev = 0;

		if ((err = inno_db_int(db, &by, &isrev, "SELECT reverses FROM "
		    "mileage WHERE id = ? AND reverses IS NOT NULL", "i",
		    ids[i])) != NULL)
			goto done;
		if (isrev)
			err = reenter_one(db, by, reason, &rid);
		else
			err = reverse_one(db, ids[i], NULL, reason, NULL, &rid);
		if (err != NULL)
			goto done;
		if (nfirst == 0)
			nfirst = rid;
		nlast = rid;
	}
	if (n > 0 && (err = inno_audit(db, "insert", "mileage", nfirst, nlast,
	    "%zu entr%s taking back entries %lld to %lld", n, n == 1 ? "y" :
	    "ies", (long long)first, (long long)last)) != NULL)
		goto done;
	*written = (int64_t)n;
done:
	free(ids);
	return err;
}
