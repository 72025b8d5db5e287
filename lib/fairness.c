/*
 * fairness.c: the fairness check of the mileage ledger.  The whole ledger
 * up to the last month checked is read once through mileage-list's query,
 * each entry is matched with the audit row that inserted it (its Unix user,
 * and whether a cap trimmed it), and each pattern is then looked for month
 * by month over the entries that still count: an entry that is not a
 * reversal, has not been reversed, and gives points.
 *
 * Thresholds come from [fairness] in inno.ini; a threshold of 0 turns its
 * pattern off.  Nothing here decides what is unfair: each finding is a
 * pattern worth a look before the month's MVP is announced.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fairness.h"
#include "dossier.h"
#include "i18n.h"
#include "idea.h"
#include "knowledge.h"
#include "mileage.h"

const char *const inno_fair_patterns[] = {"self", "mutual", "burst",
    "concentration", "cap", "duplicate", NULL};

struct rules {
	int64_t burst_days, burst_entries;
	int64_t concentration_percent, concentration_points;
	int64_t cap_months;
	int duplicate;
	struct inno_mileage_rules caps;
};

/* ------------------------------------------------------- title keys */

/* Decodes one UTF-8 character of s at *i; -1 (and one byte) when invalid. */
static long
decode(const unsigned char *s, size_t *i)
{
	unsigned char c = s[*i];
	long cp;
	int n, k;

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 1;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 2;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 3;
		cp = c & 0x07;
	} else {
		(*i)++;
		return -1;
	}
	for (k = 1; k <= n; k++) {
		if ((s[*i + k] & 0xc0) != 0x80) {
			(*i)++;
			return -1;
		}
		cp = cp << 6 | (s[*i + k] & 0x3f);
	}
	*i += n + 1;
	return cp;
}

static size_t
encode(long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static int
is_space(long cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || cp == 0xa0 ||
	    cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200b) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000 ||
	    cp == 0xfeff;
}

/*
 * Hangul in NFC is algorithmic (Unicode, section 3.12): a leading
 * consonant L (U+1100..U+1112) and a vowel V (U+1161..U+1175) compose to
 * the syllable S = 0xAC00 + (L * 21 + V) * 28, and a syllable without a
 * final consonant followed by a trailing T (U+11A8..U+11C2) composes to
 * S + T.  Precomposed syllables already are NFC.  The rest of NFC (Latin
 * letters with combining accents, the CJK compatibility ideographs'
 * singletons) needs the Unicode tables and is not applied: a title is
 * compared as written there.
 */
#define SBASE 0xac00
#define LBASE 0x1100
#define VBASE 0x1161
#define TBASE 0x11a7
#define LCOUNT 19
#define VCOUNT 21
#define TCOUNT 28
#define SCOUNT (LCOUNT * VCOUNT * TCOUNT)

char *
inno_fair_title_key(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j, n = strlen(s), o = 0;
	long cp, next;
	char *out;

	/* Composition never lengthens the text, and spaces only go. */
	if ((out = malloc(n + 1)) == NULL)
		return NULL;
	while (i < n) {
		j = i;
		if ((cp = decode(u, &i)) < 0) {
			out[o++] = s[j];
			continue;
		}
		if (is_space(cp))
			continue;
		if (cp < 0x80)
			cp = tolower((unsigned char)cp);
		/* Compose with what follows while it composes. */
		for (;;) {
			if (i >= n)
				break;
			j = i;
			next = decode(u, &j);
			if (cp >= LBASE && cp < LBASE + LCOUNT &&
			    next >= VBASE && next < VBASE + VCOUNT)
				cp = SBASE + ((cp - LBASE) * VCOUNT +
				    (next - VBASE)) * TCOUNT;
			else if (cp >= SBASE && cp < SBASE + SCOUNT &&
			    (cp - SBASE) % TCOUNT == 0 && next > TBASE &&
			    next < TBASE + TCOUNT)
				cp += next - TBASE;
			else
				break;
			i = j;
		}
		o += encode(cp, out + o);
	}
	out[o] = '\0';
	return out;
}

/* -------------------------------------------------------- the ledger */

static const struct inno_error *
rules_get(const struct inno_config *cfg, struct rules *r)
{
	const struct inno_error *err;

	if ((err = inno_config_int(cfg, "fairness:burst_days", 3, 0, 28,
	    &r->burst_days)) != NULL ||
	    (err = inno_config_int(cfg, "fairness:burst_entries", 5, 0,
	    1000000, &r->burst_entries)) != NULL ||
	    (err = inno_config_int(cfg, "fairness:concentration_percent", 80,
	    0, 100, &r->concentration_percent)) != NULL ||
	    (err = inno_config_int(cfg, "fairness:concentration_points", 200,
	    0, INT64_MAX / 200, &r->concentration_points)) != NULL ||
	    (err = inno_config_int(cfg, "fairness:cap_months", 3, 0, 120,
	    &r->cap_months)) != NULL ||
	    (err = inno_config_bool(cfg, "fairness:duplicate_titles", 1,
	    &r->duplicate)) != NULL)
		return err;
	return inno_mileage_rules_get(cfg, &r->caps);
}

/* The employee the Unix user user is, from [logins]; NULL: nobody's. */
static const char *
writer_of(const struct inno_config *cfg, const char *user)
{
	char key[128];
	const char *v;
	size_t i;

	if (*user == '\0' || strlen(user) > 100)
		return NULL;
	snprintf(key, sizeof key, "logins:%s", user);
	for (i = 0; key[i] != '\0'; i++)
		key[i] = (char)tolower((unsigned char)key[i]);
	v = inno_config_str(cfg, key, NULL);
	return v != NULL && *v != '\0' ? v : NULL;
}

static const char *
text(struct inno_stmt *st, const char *name)
{
	int i = inno_dossier_col(st, name);

	return i < 0 ? "" : inno_stmt_text(st, i);
}

static int64_t
num(struct inno_stmt *st, const char *name)
{
	int i = inno_dossier_col(st, name);

	return i < 0 ? 0 : inno_stmt_int(st, i);
}

static int
by_id(const void *a, const void *b)
{
	const struct inno_fair_entry *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* Reads every entry dated up to last (a date) and who wrote it. */
static const struct inno_error *
load(struct inno_db *db, const char *last, struct inno_fair_result *res)
{
	const struct inno_config *cfg = inno_db_config(db);
	struct inno_mileage_filter f;
	struct inno_fair_entry *e, *v, key, *hit;
	const struct inno_error *err;
	struct inno_stmt *st;
	int64_t first_id, last_id, rev, *revs = NULL;
	size_t i, nrevs = 0;
	int row;

	memset(&f, 0, sizeof f);
	f.first = "1900-01-01";
	f.last = last;
	if ((err = inno_mileage_query(db, &f, &st)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((v = inno_grow(res->entries, res->nentries,
		    sizeof *v)) == NULL) {
			err = inno_error_nomem();
			break;
		}
		res->entries = v;
		e = &v[res->nentries];
		memset(e, 0, sizeof *e);
		e->id = num(st, "id");
		snprintf(e->date, sizeof e->date, "%s", text(st, "date"));
		snprintf(e->employee_id, sizeof e->employee_id, "%s",
		    text(st, "employee_id"));
		snprintf(e->category, sizeof e->category, "%s",
		    text(st, "category"));
		e->points = num(st, "points");
		e->ref_id = num(st, "ref_id");
		e->dept = strdup(text(st, "dept"));
		e->ref_table = strdup(text(st, "ref_table"));
		e->user = strdup("");
		res->nentries++;
		if (e->dept == NULL || e->ref_table == NULL || e->user == NULL) {
			err = inno_error_nomem();
			break;
		}
		e->live = e->points > 0;
		if ((rev = num(st, "reverses")) != 0) {
			e->live = 0;
			if ((revs = inno_grow(revs, nrevs, sizeof *revs)) ==
			    NULL) {
				err = inno_error_nomem();
				break;
			}
			revs[nrevs++] = rev;
		}
	}
	inno_stmt_reset(st);
	if (err != NULL)
		goto done;
	/* Sorted by id, for the reversals and the audit's id ranges. */
	if (res->nentries > 0)
		qsort(res->entries, res->nentries, sizeof *res->entries, by_id);
	for (i = 0; i < nrevs; i++) {
		key.id = revs[i];
		if ((hit = bsearch(&key, res->entries, res->nentries,
		    sizeof key, by_id)) != NULL)
			hit->live = 0;
	}
	if (res->nentries == 0)
		goto done;
	if ((err = inno_db_query(db, &st, "SELECT first_id, last_id, user, "
	    "detail FROM audit_lines WHERE tbl = 'mileage' AND action = "
	    "'insert' AND last_id >= ?1 AND first_id <= ?2 ORDER BY first_id",
	    "ii", res->entries[0].id, res->entries[res->nentries - 1].id)) !=
	    NULL)
		goto done;
	i = 0;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		first_id = inno_stmt_int(st, 0);
		last_id = inno_stmt_int(st, 1);
		while (i < res->nentries && res->entries[i].id < first_id)
			i++;
		for (; i < res->nentries && res->entries[i].id <= last_id;
		    i++) {
			e = &res->entries[i];
			free(e->user);
			if ((e->user = strdup(inno_stmt_text(st, 2))) == NULL) {
				err = inno_error_nomem();
				break;
			}
			e->writer = writer_of(cfg, e->user);
			e->trimmed = first_id == last_id &&
			    strstr(inno_stmt_text(st, 3), "(trimmed by ") !=
			    NULL;
		}
		if (err != NULL)
			break;
	}
	inno_stmt_reset(st);
done:
	free(revs);
	return err;
}

/* ------------------------------------------------------- findings */

static const struct inno_error *
finding(struct inno_fair_result *res, const char *month,
    enum inno_fair_pattern pattern, const char *subject, const size_t *ids,
    size_t n, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static const struct inno_error *
finding(struct inno_fair_result *res, const char *month,
    enum inno_fair_pattern pattern, const char *subject, const size_t *ids,
    size_t n, const char *fmt, ...)
{
	struct inno_fair_finding *v, *f;
	va_list ap;

	if ((v = inno_grow(res->findings, res->nfindings, sizeof *v)) == NULL)
		return inno_error_nomem();
	res->findings = v;
	f = &v[res->nfindings];
	memset(f, 0, sizeof *f);
	snprintf(f->month, sizeof f->month, "%s", month);
	f->pattern = pattern;
	va_start(ap, fmt);
	f->detail = inno_vstrf(fmt, ap);
	va_end(ap);
	f->subject = strdup(subject);
	f->entries = malloc((n > 0 ? n : 1) * sizeof *f->entries);
	res->nfindings++;
	if (f->detail == NULL || f->subject == NULL || f->entries == NULL)
		return inno_error_nomem();
	memcpy(f->entries, ids, n * sizeof *ids);
	f->nentries = n;
	return NULL;
}

/* The indexes of the live entries of month, in date order. */
struct month {
	char month[8];
	size_t *idx;
	size_t n;
};

static int
by_date(const void *a, const void *b, const struct inno_fair_entry *e)
{
	const struct inno_fair_entry *x = &e[*(const size_t *)a];
	const struct inno_fair_entry *y = &e[*(const size_t *)b];
	int c = strcmp(x->date, y->date);

	return c != 0 ? c : (x->id < y->id ? -1 : x->id > y->id);
}

static const struct inno_fair_entry *sort_entries;

static int
by_date_qsort(const void *a, const void *b)
{
	return by_date(a, b, sort_entries);
}

static const struct inno_error *
month_entries(struct inno_fair_result *res, const char *month, int live,
    struct month *m)
{
	size_t i;

	memset(m, 0, sizeof *m);
	snprintf(m->month, sizeof m->month, "%s", month);
	if ((m->idx = malloc((res->nentries + 1) * sizeof *m->idx)) == NULL)
		return inno_error_nomem();
	for (i = 0; i < res->nentries; i++)
		if ((!live || res->entries[i].live) &&
		    strncmp(res->entries[i].date, month, 7) == 0)
			m->idx[m->n++] = i;
	sort_entries = res->entries;
	qsort(m->idx, m->n, sizeof *m->idx, by_date_qsort);
	return NULL;
}

/* Awards written by the person who receives them. */
static const struct inno_error *
check_self(struct inno_fair_result *res, const struct month *m, size_t *buf)
{
	const struct inno_fair_entry *e = res->entries, *a;
	const struct inno_error *err;
	size_t i, j, n;
	int seen;

	for (i = 0; i < m->n; i++) {
		a = &e[m->idx[i]];
		if (a->writer == NULL || *a->employee_id == '\0' ||
		    strcmp(a->writer, a->employee_id) != 0)
			continue;
		for (seen = 0, j = 0; j < i && !seen; j++)
			seen = e[m->idx[j]].writer != NULL &&
			    strcmp(e[m->idx[j]].writer, a->employee_id) == 0 &&
			    strcmp(e[m->idx[j]].employee_id,
			    a->employee_id) == 0;
		if (seen)
			continue;
		for (n = 0, j = i; j < m->n; j++)
			if (e[m->idx[j]].writer != NULL &&
			    strcmp(e[m->idx[j]].writer, a->employee_id) == 0 &&
			    strcmp(e[m->idx[j]].employee_id,
			    a->employee_id) == 0)
				buf[n++] = m->idx[j];
		if ((err = finding(res, m->month, INNO_FAIR_SELF,
		    a->employee_id, buf, n, _("%s (user %s) recorded their "
		    "own mileage (%zu entries)"), a->employee_id, a->user, n)) != NULL)
			return err;
	}
	return NULL;
}

/* Whether entry x went to to and was written by from. */
static int
gave(const struct inno_fair_entry *x, const char *from, const char *to)
{
	return x->writer != NULL && strcmp(x->writer, from) == 0 &&
	    strcmp(x->employee_id, to) == 0;
}

/* Two people who each wrote entries for the other in the month. */
static const struct inno_error *
check_mutual(struct inno_fair_result *res, const struct month *m,
    size_t *buf)
{
	const struct inno_fair_entry *e = res->entries, *a, *b;
	const struct inno_error *err;
	size_t i, j, k, n;
	int back, seen;
	char *pair;

	for (i = 0; i < m->n; i++) {
		a = &e[m->idx[i]];
		if (a->writer == NULL || *a->employee_id == '\0' ||
		    strcmp(a->writer, a->employee_id) == 0)
			continue;
		/* Each pair once: by its first entry, from the smaller id. */
		if (strcmp(a->writer, a->employee_id) > 0)
			continue;
		for (seen = 0, j = 0; j < i && !seen; j++)
			seen = gave(&e[m->idx[j]], a->writer, a->employee_id);
		if (seen)
			continue;
		for (back = 0, j = 0; j < m->n && !back; j++)
			back = gave(&e[m->idx[j]], a->employee_id, a->writer);
		if (!back)
			continue;
		for (n = 0, k = 0; k < m->n; k++) {
			b = &e[m->idx[k]];
			if (gave(b, a->writer, a->employee_id) ||
			    gave(b, a->employee_id, a->writer))
				buf[n++] = m->idx[k];
		}
		if ((pair = inno_strf("%s %s", a->writer,
		    a->employee_id)) == NULL)
			return inno_error_nomem();
		err = finding(res, m->month, INNO_FAIR_MUTUAL, pair, buf, n,
		    _("%s and %s recorded mileage for each other (%zu "
		    "entries)"), a->writer, a->employee_id, n);
		free(pair);
		if (err != NULL)
			return err;
	}
	return NULL;
}

/* A recipient's many entries in the last days of the month. */
static const struct inno_error *
check_burst(struct inno_fair_result *res, const struct month *m,
    const struct rules *r, size_t *buf)
{
	const struct inno_fair_entry *e = res->entries, *a, *b;
	const struct inno_error *err;
	char from[24];
	size_t i, j, n;
	int y, mo, seen;

	if (r->burst_days == 0 || r->burst_entries == 0)
		return NULL;
	y = atoi(m->month);
	mo = atoi(m->month + 5);
	snprintf(from, sizeof from, "%.7s-%02d", m->month,
	    inno_days_in_month(y, mo) - (int)r->burst_days + 1);
	for (i = 0; i < m->n; i++) {
		a = &e[m->idx[i]];
		if (strcmp(a->date, from) < 0)
			continue;
		for (seen = 0, j = 0; j < i && !seen; j++) {
			b = &e[m->idx[j]];
			seen = strcmp(b->date, from) >= 0 &&
			    strcmp(b->employee_id, a->employee_id) == 0 &&
			    (*a->employee_id != '\0' ||
			    strcmp(b->dept, a->dept) == 0);
		}
		if (seen)
			continue;
		for (n = 0, j = i; j < m->n; j++) {
			b = &e[m->idx[j]];
			if (strcmp(b->employee_id, a->employee_id) == 0 &&
			    (*a->employee_id != '\0' ||
			    strcmp(b->dept, a->dept) == 0))
				buf[n++] = m->idx[j];
		}
		if ((int64_t)n < r->burst_entries)
			continue;
		if ((err = finding(res, m->month, INNO_FAIR_BURST,
		    *a->employee_id != '\0' ? a->employee_id : a->dept, buf, n,
		    _("%zu entries from %s to the month's end (threshold "
		    "%lld in %lld days)"), n, from,
		    (long long)r->burst_entries, (long long)r->burst_days)) !=
		    NULL)
			return err;
	}
	return NULL;
}

/* One person holding most of a department's points in the month. */
static const struct inno_error *
check_concentration(struct inno_db *db, struct inno_fair_result *res,
    const struct month *m, const struct rules *r, size_t *buf)
{
	const struct inno_fair_entry *e = res->entries, *a, *b;
	const struct inno_error *err;
	int64_t total, top, sum, staff;
	const char *who;
	char first[24], last[24];
	size_t i, j, k, n;
	int seen, found;

	if (r->concentration_percent == 0)
		return NULL;
	snprintf(first, sizeof first, "%.7s-01", m->month);
	snprintf(last, sizeof last, "%.7s-%02d", m->month,
	    inno_days_in_month(atoi(m->month), atoi(m->month + 5)));
	for (i = 0; i < m->n; i++) {
		a = &e[m->idx[i]];
		for (seen = 0, j = 0; j < i && !seen; j++)
			seen = strcmp(e[m->idx[j]].dept, a->dept) == 0;
		if (seen)
			continue;
		/* The department's persons' points, and its best person. */
		total = top = 0;
		who = NULL;
		for (j = i; j < m->n; j++) {
			b = &e[m->idx[j]];
			if (strcmp(b->dept, a->dept) != 0 ||
			    *b->employee_id == '\0')
				continue;
			total += b->points;
			for (sum = 0, k = i; k < m->n; k++)
				if (strcmp(e[m->idx[k]].dept, a->dept) == 0 &&
				    strcmp(e[m->idx[k]].employee_id,
				    b->employee_id) == 0)
					sum += e[m->idx[k]].points;
			if (sum > top) {
				top = sum;
				who = b->employee_id;
			}
		}
		if (who == NULL || total < r->concentration_points ||
		    top * 100 < r->concentration_percent * total)
			continue;
		/* A department of one cannot share its points. */
		if ((err = inno_db_int(db, &staff, &found, "SELECT "
		    "inno_dept_headcount(inno_dept_ref(?1), ?2, ?3)", "ttt",
		    a->dept, first, last)) != NULL)
			return err;
		if (!found || staff < 2)
			continue;
		for (n = 0, j = i; j < m->n; j++)
			if (strcmp(e[m->idx[j]].dept, a->dept) == 0 &&
			    strcmp(e[m->idx[j]].employee_id, who) == 0)
				buf[n++] = m->idx[j];
		if ((err = finding(res, m->month, INNO_FAIR_CONCENTRATION,
		    a->dept, buf, n, _("%s holds %lld of the %lld points of "
		    "%s's %lld staff (%lld%%)"), who, (long long)top,
		    (long long)total, a->dept, (long long)staff,
		    (long long)(top * 100 / total))) != NULL)
			return err;
	}
	return NULL;
}

/*
 * The entry with which recipient (an employee_id, or "" and a department)
 * reached a monthly cap in month: the audit says a cap trimmed it, or the
 * recipient's net points of the month (of the category, for a category's
 * own cap) came to the cap exactly with it.  SIZE_MAX when none.
 */
static size_t
cap_hit(struct inno_db *db, struct inno_fair_result *res, const char *month,
    const char *employee_id, const char *dept, const struct rules *r)
{
	const struct inno_fair_entry *e = res->entries, *a;
	struct inno_mileage_cat cat;
	struct month m;
	int64_t all = 0, incat;
	size_t i, j, hit = (size_t)-1;
	int found;

	if (month_entries(res, month, 0, &m) != NULL)
		return hit;
	for (i = 0; i < m.n; i++) {
		a = &e[m.idx[i]];
		if (strcmp(a->employee_id, employee_id) != 0 ||
		    (*employee_id == '\0' && strcmp(a->dept, dept) != 0))
			continue;
		all += a->points;
		if (!a->live)
			continue;
		if (a->trimmed) {
			hit = m.idx[i];
			continue;
		}
		if (*employee_id != '\0' ? (r->caps.person_month_cap > 0 &&
		    all == r->caps.person_month_cap) :
		    (r->caps.dept_month_cap > 0 &&
		    all == r->caps.dept_month_cap)) {
			hit = m.idx[i];
			continue;
		}
		if (inno_mileage_cat_get(inno_db_config(db), a->category, &cat,
		    &found) != NULL || !found || cat.month_cap == 0)
			continue;
		for (incat = 0, j = 0; j <= i; j++)
			if (strcmp(e[m.idx[j]].employee_id, employee_id) == 0 &&
			    strcmp(e[m.idx[j]].dept, a->dept) == 0 &&
			    strcmp(e[m.idx[j]].category, a->category) == 0)
				incat += e[m.idx[j]].points;
		if (incat == cat.month_cap)
			hit = m.idx[i];
	}
	free(m.idx);
	return hit;
}

/* A recipient that reached a cap in each of cap_months months to this. */
static const struct inno_error *
check_cap(struct inno_db *db, struct inno_fair_result *res,
    const struct month *m, const struct rules *r, size_t *buf)
{
	const struct inno_fair_entry *e = res->entries, *a;
	const struct inno_error *err;
	char mon[8];
	size_t i, j, n, hit;
	int64_t k;
	int seen;

	if (r->cap_months == 0)
		return NULL;
	for (i = 0; i < m->n; i++) {
		a = &e[m->idx[i]];
		for (seen = 0, j = 0; j < i && !seen; j++)
			seen = strcmp(e[m->idx[j]].employee_id,
			    a->employee_id) == 0 && (*a->employee_id != '\0' ||
			    strcmp(e[m->idx[j]].dept, a->dept) == 0);
		if (seen)
			continue;
		snprintf(mon, sizeof mon, "%s", m->month);
		for (n = 0, k = 0; k < r->cap_months; k++) {
			if ((hit = cap_hit(db, res, mon, a->employee_id,
			    a->dept, r)) == (size_t)-1)
				break;
			buf[n++] = hit;
			inno_month_add(mon, -1, mon);
		}
		if (k < r->cap_months)
			continue;
		if ((err = finding(res, m->month, INNO_FAIR_CAP,
		    *a->employee_id != '\0' ? a->employee_id : a->dept, buf, n,
		    _("a monthly cap was reached or trimmed in each of the "
		    "last %lld months"), (long long)r->cap_months)) != NULL)
			return err;
	}
	return NULL;
}

/* The titles of the ideas and the knowledge items, by id. */
struct title {
	int knowledge;		/* 0 idea, 1 knowledge */
	int64_t id;
	char *key;
	char *title;
};

static const struct inno_error *
titles(struct inno_db *db, struct title **tp, size_t *np)
{
	struct inno_idea_filter fi;
	struct inno_knowledge_filter fk;
	const struct inno_error *err;
	struct inno_stmt *st;
	struct title *v;
	char cutoff[11];
	int k, row;

	memset(&fi, 0, sizeof fi);
	memset(&fk, 0, sizeof fk);
	for (k = 0; k < 2; k++) {
		if (k == 0)
			err = inno_idea_deadline(db, &fi.decision_days,
			    cutoff);
		else
			err = NULL;
		if (err == NULL)
			err = k == 0 ? inno_idea_query(db, &fi, &st) :
			    inno_knowledge_query(db, &fk, &st);
		if (err != NULL)
			return err;
		while ((err = inno_stmt_step(st, &row)) == NULL && row) {
			if ((v = inno_grow(*tp, *np, sizeof *v)) == NULL) {
				err = inno_error_nomem();
				break;
			}
			*tp = v;
			v += *np;
			v->knowledge = k;
			v->id = num(st, "id");
			v->title = strdup(text(st, "title"));
			v->key = inno_fair_title_key(text(st, "title"));
			(*np)++;
			if (v->title == NULL || v->key == NULL) {
				err = inno_error_nomem();
				break;
			}
		}
		inno_stmt_reset(st);
		if (err != NULL)
			return err;
	}
	return NULL;
}

static const struct title *
title_of(const struct title *t, size_t n, const struct inno_fair_entry *e)
{
	size_t i;
	int k;

	if (strcmp(e->ref_table, "idea") == 0)
		k = 0;
	else if (strcmp(e->ref_table, "knowledge") == 0)
		k = 1;
	else
		return NULL;
	for (i = 0; i < n; i++)
		if (t[i].knowledge == k && t[i].id == e->ref_id)
			return &t[i];
	return NULL;
}

/*
 * Two records of one kind whose titles have the same key, each paid in
 * one category: reported in a month in which one of them was paid.
 */
static const struct inno_error *
check_duplicate(struct inno_fair_result *res, const struct month *m,
    const struct title *t, size_t nt, size_t *buf)
{
	const struct inno_fair_entry *e = res->entries, *a, *b;
	const struct title *ta, *tb;
	const struct inno_error *err;
	size_t i, j, n;
	int other, seen;

	for (i = 0; i < m->n; i++) {
		a = &e[m->idx[i]];
		if ((ta = title_of(t, nt, a)) == NULL)
			continue;
		/* Once per key and category in the month. */
		for (seen = 0, j = 0; j < i && !seen; j++) {
			b = &e[m->idx[j]];
			tb = title_of(t, nt, b);
			seen = tb != NULL && tb->knowledge == ta->knowledge &&
			    strcmp(tb->key, ta->key) == 0 &&
			    strcmp(b->category, a->category) == 0;
		}
		if (seen)
			continue;
		/* Every live entry so far of that key and category. */
		for (n = 0, other = 0, j = 0; j < res->nentries; j++) {
			b = &e[j];
			if (!b->live || strncmp(b->date, m->month, 7) > 0 ||
			    strcmp(b->category, a->category) != 0 ||
			    (tb = title_of(t, nt, b)) == NULL ||
			    tb->knowledge != ta->knowledge ||
			    strcmp(tb->key, ta->key) != 0)
				continue;
			buf[n++] = j;
			other |= b->ref_id != a->ref_id;
		}
		if (!other)
			continue;
		if ((err = finding(res, m->month, INNO_FAIR_DUPLICATE,
		    ta->title, buf, n, _("%s items with the same title earned "
		    "%s %zu times"), a->ref_table, a->category, n)) != NULL)
			return err;
	}
	return NULL;
}

const struct inno_error *
inno_fair_check(struct inno_db *db, const char *first, const char *last,
    struct inno_fair_result *res)
{
	const struct inno_error *err;
	struct title *t = NULL;
	struct month m;
	struct rules r;
	char mon[8], end[24];
	size_t i, nt = 0, *buf = NULL;

	memset(res, 0, sizeof *res);
	memset(&m, 0, sizeof m);
	if ((err = rules_get(inno_db_config(db), &r)) != NULL)
		return err;
	snprintf(end, sizeof end, "%.7s-%02d", last,
	    inno_days_in_month(atoi(last), atoi(last + 5)));
	if ((err = inno_db_begin_read(db)) != NULL)
		return err;
	if ((err = load(db, end, res)) != NULL ||
	    (r.duplicate && (err = titles(db, &t, &nt)) != NULL))
		goto done;
	if ((buf = malloc((res->nentries + 1) * sizeof *buf)) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	for (snprintf(mon, sizeof mon, "%s", first); strcmp(mon, last) <= 0;
	    inno_month_add(mon, 1, mon)) {
		if ((err = month_entries(res, mon, 1, &m)) != NULL ||
		    (err = check_self(res, &m, buf)) != NULL ||
		    (err = check_mutual(res, &m, buf)) != NULL ||
		    (err = check_burst(res, &m, &r, buf)) != NULL ||
		    (err = check_concentration(db, res, &m, &r, buf)) != NULL ||
		    (err = check_cap(db, res, &m, &r, buf)) != NULL ||
		    (r.duplicate && (err = check_duplicate(res, &m, t, nt,
		    buf)) != NULL))
			goto done;
		free(m.idx);
		m.idx = NULL;
	}
done:
	free(m.idx);
	free(buf);
	for (i = 0; i < nt; i++) {
		free(t[i].key);
		free(t[i].title);
	}
	free(t);
	inno_db_rollback(db);
	return err;
}

void
inno_fair_result_release(struct inno_fair_result *res)
{
	size_t i;

	for (i = 0; i < res->nentries; i++) {
		free(res->entries[i].dept);
		free(res->entries[i].ref_table);
		free(res->entries[i].user);
	}
	for (i = 0; i < res->nfindings; i++) {
		free(res->findings[i].subject);
		free(res->findings[i].detail);
		free(res->findings[i].entries);
	}
	free(res->entries);
	free(res->findings);
	memset(res, 0, sizeof *res);
}

const struct inno_error *
inno_fair_write(struct inno_out *out, const struct inno_fair_result *res)
{
	static const char *const names[] = {"month", "pattern", "subject",
	    "entry", "date", "employee_id", "dept", "category", "points",
	    "user", "detail"};
	static const enum inno_kind kinds[] = {INNO_TEXT, INNO_TEXT,
	    INNO_TEXT, INNO_NUM, INNO_TEXT, INNO_TEXT, INNO_TEXT, INNO_TEXT,
	    INNO_NUM, INNO_TEXT, INNO_TEXT};
	const struct inno_fair_finding *f;
	const struct inno_fair_entry *e;
	const struct inno_error *err;
	size_t i, j;

	if ((err = inno_out_header(out, 11, names, kinds)) != NULL)
		return err;
	for (i = 0; i < res->nfindings; i++) {
		f = &res->findings[i];
		for (j = 0; j < f->nentries; j++) {
			e = &res->entries[f->entries[j]];
			if ((err = inno_out_text(out, f->month)) != NULL ||
			    (err = inno_out_text(out,
			    inno_fair_patterns[f->pattern])) != NULL ||
			    (err = inno_out_text(out, f->subject)) != NULL ||
			    (err = inno_out_int(out, e->id)) != NULL ||
			    (err = inno_out_text(out, e->date)) != NULL ||
			    (err = *e->employee_id != '\0' ?
			    inno_out_text(out, e->employee_id) :
			    inno_out_null(out)) != NULL ||
			    (err = inno_out_text(out, e->dept)) != NULL ||
			    (err = inno_out_text(out, e->category)) != NULL ||
			    (err = inno_out_int(out, e->points)) != NULL ||
			    (err = inno_out_text(out, e->user)) != NULL ||
			    (err = inno_out_text(out, f->detail)) != NULL ||
			    (err = inno_out_endrow(out)) != NULL)
				return err;
		}
	}
	return inno_out_finish(out);
}
