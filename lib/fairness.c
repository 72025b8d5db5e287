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
	int i = inno_stmt_colindex(st, name);

	return i < 0 ? "" : inno_stmt_text(st, i);
}

static int64_t
num(struct inno_stmt *st, const char *name)
{
	int i = inno_stmt_colindex(st, name);

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

/*
 * Each pattern groups the month's entries by sorting their indexes (by
 * recipient, by pair, by department, by title) and walking the groups, so
 * a month of n entries costs n log n, however many the batch brought.
 * qsort has no argument for its comparator: the entries being sorted are
 * in sorted, which only inno_fair_check sets.
 */
static const struct inno_fair_entry *sorted;

/* The recipient: the person, or the department for its own entries. */
static int
cmp_recipient(const struct inno_fair_entry *x, const struct inno_fair_entry *y)
{
	int c = strcmp(x->employee_id, y->employee_id);

	if (c == 0 && *x->employee_id == '\0')
		c = strcmp(x->dept, y->dept);
	return c;
}

static int
cmp_when(const struct inno_fair_entry *x, const struct inno_fair_entry *y)
{
	int c = strcmp(x->date, y->date);

	return c != 0 ? c : (x->id < y->id ? -1 : x->id > y->id);
}

static int
by_when(const void *a, const void *b)
{
	return cmp_when(&sorted[*(const size_t *)a],
	    &sorted[*(const size_t *)b]);
}

static int
by_recipient(const void *a, const void *b)
{
	const struct inno_fair_entry *x = &sorted[*(const size_t *)a];
	const struct inno_fair_entry *y = &sorted[*(const size_t *)b];
	int c = cmp_recipient(x, y);

	return c != 0 ? c : cmp_when(x, y);
}

static int
by_recipient_category(const void *a, const void *b)
{
	const struct inno_fair_entry *x = &sorted[*(const size_t *)a];
	const struct inno_fair_entry *y = &sorted[*(const size_t *)b];
	int c = cmp_recipient(x, y);

	if (c == 0 && (c = strcmp(x->dept, y->dept)) == 0)
		c = strcmp(x->category, y->category);
	return c != 0 ? c : cmp_when(x, y);
}

/* The pair of writer and recipient, the smaller employee_id first. */
static void
pair_of(const struct inno_fair_entry *x, const char **lo, const char **hi)
{
	if (strcmp(x->writer, x->employee_id) < 0) {
		*lo = x->writer;
		*hi = x->employee_id;
	} else {
		*lo = x->employee_id;
		*hi = x->writer;
	}
}

static int
by_pair(const void *a, const void *b)
{
	const struct inno_fair_entry *x = &sorted[*(const size_t *)a];
	const struct inno_fair_entry *y = &sorted[*(const size_t *)b];
	const char *xl, *xh, *yl, *yh;
	int c;

	pair_of(x, &xl, &xh);
	pair_of(y, &yl, &yh);
	if ((c = strcmp(xl, yl)) == 0)
		c = strcmp(xh, yh);
	return c != 0 ? c : cmp_when(x, y);
}

static int
by_dept_person(const void *a, const void *b)
{
	const struct inno_fair_entry *x = &sorted[*(const size_t *)a];
	const struct inno_fair_entry *y = &sorted[*(const size_t *)b];
	int c = strcmp(x->dept, y->dept);

	if (c == 0)
		c = strcmp(x->employee_id, y->employee_id);
	return c != 0 ? c : cmp_when(x, y);
}

/* The entries of a month (the live ones, or all), in date order. */
struct month {
	char month[8];
	size_t *idx;
	size_t n;
};

static const struct inno_error *
month_entries(const struct inno_fair_result *res, const char *month,
    int live, struct month *m)
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
	qsort(m->idx, m->n, sizeof *m->idx, by_when);
	return NULL;
}

/* The end of the group of buf[i] under cmp: the first index not in it. */
static size_t
group_end(const size_t *buf, size_t n, size_t i,
    int (*cmp)(const void *, const void *))
{
	size_t j = i + 1;

	while (j < n && cmp(&buf[i], &buf[j]) == 0)
		j++;
	return j;
}

/* Recipient only, for group_end over by_recipient's order. */
static int
same_recipient(const void *a, const void *b)
{
	return cmp_recipient(&sorted[*(const size_t *)a],
	    &sorted[*(const size_t *)b]);
}

static int
same_pair(const void *a, const void *b)
{
	const char *xl, *xh, *yl, *yh;
	int c;

	pair_of(&sorted[*(const size_t *)a], &xl, &xh);
	pair_of(&sorted[*(const size_t *)b], &yl, &yh);
	return (c = strcmp(xl, yl)) != 0 ? c : strcmp(xh, yh);
}

static int
same_dept(const void *a, const void *b)
{
	return strcmp(sorted[*(const size_t *)a].dept,
	    sorted[*(const size_t *)b].dept);
}

static int
same_person(const void *a, const void *b)
{
	int c = same_dept(a, b);

	return c != 0 ? c : strcmp(sorted[*(const size_t *)a].employee_id,
	    sorted[*(const size_t *)b].employee_id);
}

static int
same_category(const void *a, const void *b)
{
	const struct inno_fair_entry *x = &sorted[*(const size_t *)a];
	const struct inno_fair_entry *y = &sorted[*(const size_t *)b];
	int c = cmp_recipient(x, y);

	if (c == 0 && (c = strcmp(x->dept, y->dept)) == 0)
		c = strcmp(x->category, y->category);
	return c;
}

/* Awards written by the person who receives them. */
static const struct inno_error *
check_self(struct inno_fair_result *res, const struct month *m, size_t *buf)
{
	const struct inno_fair_entry *e = res->entries, *a;
	const struct inno_error *err;
	size_t i, j, n = 0;

	for (i = 0; i < m->n; i++) {
		a = &e[m->idx[i]];
		if (a->writer != NULL && *a->employee_id != '\0' &&
		    strcmp(a->writer, a->employee_id) == 0)
			buf[n++] = m->idx[i];
	}
	qsort(buf, n, sizeof *buf, by_recipient);
	for (i = 0; i < n; i = j) {
		j = group_end(buf, n, i, same_recipient);
		a = &e[buf[i]];
		if ((err = finding(res, m->month, INNO_FAIR_SELF,
		    a->employee_id, buf + i, j - i, _("%s (user %s) recorded "
		    "their own mileage (%zu entries)"), a->employee_id,
		    a->user, j - i)) != NULL)
			return err;
	}
	return NULL;
}

/* Two people who each wrote entries for the other in the month. */
static const struct inno_error *
check_mutual(struct inno_fair_result *res, const struct month *m,
    size_t *buf)
{
	const struct inno_fair_entry *e = res->entries, *a;
	const struct inno_error *err;
	const char *lo, *hi;
	size_t i, j, k, n = 0;
	int up, down;
	char *pair;

	for (i = 0; i < m->n; i++) {
		a = &e[m->idx[i]];
		if (a->writer != NULL && *a->employee_id != '\0' &&
		    strcmp(a->writer, a->employee_id) != 0)
			buf[n++] = m->idx[i];
	}
	qsort(buf, n, sizeof *buf, by_pair);
	for (i = 0; i < n; i = j) {
		j = group_end(buf, n, i, same_pair);
		pair_of(&e[buf[i]], &lo, &hi);
		for (up = down = 0, k = i; k < j; k++) {
			up |= strcmp(e[buf[k]].writer, lo) == 0;
			down |= strcmp(e[buf[k]].writer, hi) == 0;
		}
		if (!up || !down)
			continue;
		if ((pair = inno_strf("%s %s", lo, hi)) == NULL)
			return inno_error_nomem();
		err = finding(res, m->month, INNO_FAIR_MUTUAL, pair, buf + i,
		    j - i, _("%s and %s recorded mileage for each other (%zu "
		    "entries)"), lo, hi, j - i);
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
	const struct inno_fair_entry *e = res->entries, *a;
	const struct inno_error *err;
	char from[24];
	size_t i, j, n = 0;

	if (r->burst_days == 0 || r->burst_entries == 0)
		return NULL;
	snprintf(from, sizeof from, "%.7s-%02d", m->month,
	    inno_days_in_month(atoi(m->month), atoi(m->month + 5)) -
	    (int)r->burst_days + 1);
	for (i = 0; i < m->n; i++)
		if (strcmp(e[m->idx[i]].date, from) >= 0)
			buf[n++] = m->idx[i];
	qsort(buf, n, sizeof *buf, by_recipient);
	for (i = 0; i < n; i = j) {
		j = group_end(buf, n, i, same_recipient);
		if ((int64_t)(j - i) < r->burst_entries)
			continue;
		a = &e[buf[i]];
		if ((err = finding(res, m->month, INNO_FAIR_BURST,
		    *a->employee_id != '\0' ? a->employee_id : a->dept,
		    buf + i, j - i, _("%zu entries from %s to the month's end "
		    "(threshold %lld in %lld days)"), j - i, from,
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
	const struct inno_fair_entry *e = res->entries;
	const struct inno_error *err;
	int64_t total, top, sum, staff;
	char first[24], last[24];
	size_t i, j, k, l, n = 0, topi = 0, topj = 0, topk;
	int found;

	if (r->concentration_percent == 0)
		return NULL;
	snprintf(first, sizeof first, "%.7s-01", m->month);
	snprintf(last, sizeof last, "%.7s-%02d", m->month,
	    inno_days_in_month(atoi(m->month), atoi(m->month + 5)));
	for (i = 0; i < m->n; i++)
		if (*e[m->idx[i]].employee_id != '\0')
			buf[n++] = m->idx[i];
	qsort(buf, n, sizeof *buf, by_dept_person);
	for (i = 0; i < n; i = j) {
		j = group_end(buf, n, i, same_dept);
		total = top = 0;
		for (k = i; k < j; k = l) {
			l = group_end(buf, j, k, same_person);
			for (sum = 0, topk = k; topk < l; topk++)
				sum += e[buf[topk]].points;
			total += sum;
			if (sum > top) {
				top = sum;
				topi = k;
				topj = l;
			}
		}
		if (top == 0 || total < r->concentration_points ||
		    top * 100 < r->concentration_percent * total)
			continue;
		/* A department of one cannot share its points. */
		if ((err = inno_db_int(db, &staff, &found, "SELECT "
		    "inno_dept_headcount(inno_dept_ref(?1), ?2, ?3)", "ttt",
		    e[buf[i]].dept, first, last)) != NULL)
			return err;
		if (!found || staff < 2)
			continue;
		if ((err = finding(res, m->month, INNO_FAIR_CONCENTRATION,
		    e[buf[i]].dept, buf + topi, topj - topi, _("%s holds %lld "
		    "of the %lld points of %s's %lld staff (%lld%%)"),
		    e[buf[topi]].employee_id, (long long)top, (long long)total,
		    e[buf[i]].dept, (long long)staff,
		    (long long)(top * 100 / total))) != NULL)
			return err;
	}
	return NULL;
}

/*
 * The entries with which each recipient reached a monthly cap in month,
 * one a recipient (the last), sorted by recipient: an entry the audit
 * says a cap trimmed, or with which the recipient's net points of the
 * month (of the category, for a category's own cap) came to the cap
 * exactly.  *hits is the caller's.
 */
static const struct inno_error *
cap_hits(struct inno_db *db, const struct inno_fair_result *res,
    const char *month, const struct rules *r, size_t **hits, size_t *nhits)
{
	const struct inno_fair_entry *e = res->entries, *a;
	const struct inno_error *err;
	struct inno_mileage_cat cat;
	struct month m;
	int64_t sum, cap;
	size_t i, j, k, n = 0, *h;
	int found;

	*hits = NULL;
	*nhits = 0;
	if ((err = month_entries(res, month, 0, &m)) != NULL)
		return err;
	if ((h = malloc((m.n + 1) * sizeof *h)) == NULL) {
		free(m.idx);
		return inno_error_nomem();
	}
	/* The recipient's own caps, over every category. */
	qsort(m.idx, m.n, sizeof *m.idx, by_recipient);
	for (i = 0; i < m.n; i = j) {
		j = group_end(m.idx, m.n, i, same_recipient);
		a = &e[m.idx[i]];
		cap = *a->employee_id != '\0' ? r->caps.person_month_cap :
		    r->caps.dept_month_cap;
		for (sum = 0, k = i; k < j; k++) {
			a = &e[m.idx[k]];
			sum += a->points;
			if (a->live && (a->trimmed || (cap > 0 && sum == cap)))
				h[n++] = m.idx[k];
		}
	}
	/* The categories' caps, per recipient and department. */
	qsort(m.idx, m.n, sizeof *m.idx, by_recipient_category);
	for (i = 0; i < m.n; i = j) {
		j = group_end(m.idx, m.n, i, same_category);
		if ((err = inno_mileage_cat_get(inno_db_config(db),
		    e[m.idx[i]].category, &cat, &found)) != NULL)
			goto done;
		if (!found || cat.month_cap == 0)
			continue;
		for (sum = 0, k = i; k < j; k++) {
			sum += e[m.idx[k]].points;
			if (e[m.idx[k]].live && sum == cat.month_cap)
				h[n++] = m.idx[k];
		}
	}
	/* One a recipient: the last of its month. */
	qsort(h, n, sizeof *h, by_recipient);
	for (i = k = 0; i < n; i = j) {
		j = group_end(h, n, i, same_recipient);
		h[k++] = h[j - 1];
	}
	*hits = h;
	*nhits = k;
	h = NULL;
done:
	free(h);
	free(m.idx);
	return err;
}

/* The hit of a's recipient among hits, or NULL. */
static const size_t *
hit_of(const size_t *hits, size_t n, size_t a)
{
	return bsearch(&a, hits, n, sizeof *hits, same_recipient);
}

/* The months' cap hits, from first on: hits[i] is month first + i. */
struct caps {
	size_t **hits;
	size_t *n;
	size_t nmonths;
};

/*
 * A recipient that reached a cap in each of cap_months months up to the
 * month checked, month k of c.
 */
static const struct inno_error *
check_cap(struct inno_fair_result *res, const struct month *m,
    const struct rules *r, const struct caps *c, size_t k, size_t *buf)
{
	const struct inno_fair_entry *e = res->entries, *a;
	const struct inno_error *err;
	const size_t *h;
	size_t i, n;
	int64_t back;

	if (r->cap_months == 0)
		return NULL;
	for (i = 0; i < c->n[k]; i++) {
		buf[0] = c->hits[k][i];
		for (n = 1, back = 1; back < r->cap_months; back++, n++) {
			if ((h = hit_of(c->hits[k - back], c->n[k - back],
			    buf[0])) == NULL)
				break;
			buf[n] = *h;
		}
		if (back < r->cap_months)
			continue;
		a = &e[buf[0]];
		if ((err = finding(res, m->month, INNO_FAIR_CAP,
		    *a->employee_id != '\0' ? a->employee_id : a->dept, buf, n,
		    _("a monthly cap was reached or trimmed in each of the "
		    "last %lld months"), (long long)r->cap_months)) != NULL)
			return err;
	}
	return NULL;
}

/* The titles of the ideas and the knowledge items, by kind and id. */
struct title {
	int knowledge;		/* 0 idea, 1 knowledge */
	int64_t id;
	char *key;
	char *title;
};

static int
by_title_id(const void *a, const void *b)
{
	const struct title *x = a, *y = b;

	if (x->knowledge != y->knowledge)
		return x->knowledge - y->knowledge;
	return x->id < y->id ? -1 : x->id > y->id;
}

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
	if ((err = inno_idea_deadline(db, &fi.decision_days, cutoff)) != NULL)
		return err;
	for (k = 0; k < 2; k++) {
		if ((err = k == 0 ? inno_idea_query(db, &fi, &st) :
		    inno_knowledge_query(db, &fk, &st)) != NULL)
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
	if (*np > 0)
		qsort(*tp, *np, sizeof **tp, by_title_id);
	return NULL;
}

static const struct title *
title_of(const struct title *t, size_t n, const struct inno_fair_entry *e)
{
	struct title key;

	if (strcmp(e->ref_table, "idea") == 0)
		key.knowledge = 0;
	else if (strcmp(e->ref_table, "knowledge") == 0)
		key.knowledge = 1;
	else
		return NULL;
	key.id = e->ref_id;
	return bsearch(&key, t, n, sizeof *t, by_title_id);
}

/*
 * The entries paid for records with titles, grouped by kind, title key
 * and category: a group holding two records is a duplicate, reported in
 * each month checked in which one of its entries is dated.
 */
struct dups {
	size_t *idx;		/* entries, grouped, in date order within */
	const struct title **title;	/* the title of each */
	size_t n;
};

static const struct dups *sorted_dups;

static int
by_dup(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const struct title *tx = sorted_dups->title[x];
	const struct title *ty = sorted_dups->title[y];
	const struct inno_fair_entry *ex = &sorted[sorted_dups->idx[x]];
	const struct inno_fair_entry *ey = &sorted[sorted_dups->idx[y]];
	int c;

	if (tx->knowledge != ty->knowledge)
		return tx->knowledge - ty->knowledge;
	if ((c = strcmp(tx->key, ty->key)) != 0 ||
	    (c = strcmp(ex->category, ey->category)) != 0)
		return c;
	return cmp_when(ex, ey);
}

static int
same_dup(size_t x, size_t y, const struct dups *d)
{
	return d->title[x]->knowledge == d->title[y]->knowledge &&
	    strcmp(d->title[x]->key, d->title[y]->key) == 0 &&
	    strcmp(sorted[d->idx[x]].category, sorted[d->idx[y]].category) == 0;
}

static const struct inno_error *
dups_build(const struct inno_fair_result *res, const struct title *t,
    size_t nt, struct dups *d)
{
	const struct title *tt;
	size_t i, *order = NULL, *idx = NULL;
	const struct title **title = NULL;

	memset(d, 0, sizeof *d);
	if ((d->idx = malloc((res->nentries + 1) * sizeof *d->idx)) == NULL ||
	    (d->title = malloc((res->nentries + 1) * sizeof *d->title)) ==
	    NULL)
		return inno_error_nomem();
	for (i = 0; i < res->nentries; i++)
		if (res->entries[i].live &&
		    (tt = title_of(t, nt, &res->entries[i])) != NULL) {
			d->idx[d->n] = i;
			d->title[d->n++] = tt;
		}
	/* Sort the positions, then lay idx and title out in that order. */
	if ((order = malloc((d->n + 1) * sizeof *order)) == NULL ||
	    (idx = malloc((d->n + 1) * sizeof *idx)) == NULL ||
	    (title = malloc((d->n + 1) * sizeof *title)) == NULL) {
		free(order);
		free(idx);
		return inno_error_nomem();
	}
	for (i = 0; i < d->n; i++)
		order[i] = i;
	sorted_dups = d;
	qsort(order, d->n, sizeof *order, by_dup);
	for (i = 0; i < d->n; i++) {
		idx[i] = d->idx[order[i]];
		title[i] = d->title[order[i]];
	}
	free(order);
	free(d->idx);
	free(d->title);
	d->idx = idx;
	d->title = title;
	return NULL;
}

static const struct inno_error *
check_duplicate(struct inno_fair_result *res, const struct month *m,
    const struct dups *d, size_t *buf)
{
	const struct inno_fair_entry *e = res->entries, *a;
	const struct inno_error *err;
	size_t i, j, k, n;
	int other, here;

	for (i = 0; i < d->n; i = j) {
		for (j = i + 1; j < d->n && same_dup(i, j, d); j++)
			;
		for (n = 0, other = here = 0, k = i; k < j; k++) {
			a = &e[d->idx[k]];
			if (strncmp(a->date, m->month, 7) > 0)
				break;
			here |= strncmp(a->date, m->month, 7) == 0;
			other |= a->ref_id != e[d->idx[i]].ref_id;
			buf[n++] = d->idx[k];
		}
		if (!here || !other)
			continue;
		a = &e[d->idx[i]];
		if ((err = finding(res, m->month, INNO_FAIR_DUPLICATE,
		    d->title[i]->title, buf, n, _("%s items with the same "
		    "title earned %s %zu times"), a->ref_table, a->category,
		    n)) != NULL)
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
	struct dups d;
	struct caps c;
	struct month m;
	struct rules r;
	char mon[8], start[8], end[24];
	size_t i, k, nt = 0, *buf = NULL;

	memset(res, 0, sizeof *res);
	memset(&m, 0, sizeof m);
	memset(&c, 0, sizeof c);
	memset(&d, 0, sizeof d);
	if ((err = rules_get(inno_db_config(db), &r)) != NULL)
		return err;
	snprintf(end, sizeof end, "%.7s-%02d", last,
	    inno_days_in_month(atoi(last), atoi(last + 5)));
	if ((err = inno_db_begin_read(db)) != NULL)
		return err;
	if ((err = load(db, end, res)) != NULL ||
	    (r.duplicate && (err = titles(db, &t, &nt)) != NULL))
		goto done;
	sorted = res->entries;
	if ((buf = malloc((res->nentries + 1) * sizeof *buf)) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	if (r.duplicate && (err = dups_build(res, t, nt, &d)) != NULL)
		goto done;
	/* The cap hits of every month checked and the months before. */
	snprintf(start, sizeof start, "%s", first);
	inno_month_add(start, -(int)(r.cap_months > 0 ? r.cap_months - 1 : 0),
	    start);
	for (snprintf(mon, sizeof mon, "%s", start); strcmp(mon, last) <= 0;
	    inno_month_add(mon, 1, mon))
		c.nmonths++;
	if ((c.hits = calloc(c.nmonths, sizeof *c.hits)) == NULL ||
	    (c.n = calloc(c.nmonths, sizeof *c.n)) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	if (r.cap_months > 0)
		for (k = 0, snprintf(mon, sizeof mon, "%s", start);
		    k < c.nmonths; k++, inno_month_add(mon, 1, mon))
			if ((err = cap_hits(db, res, mon, &r, &c.hits[k],
			    &c.n[k])) != NULL)
				goto done;
	k = c.nmonths - 1;
	for (snprintf(mon, sizeof mon, "%s", last); ; k--) {
		if (strcmp(mon, first) == 0)
			break;
		inno_month_add(mon, -1, mon);
	}
	for (snprintf(mon, sizeof mon, "%s", first); strcmp(mon, last) <= 0;
	    inno_month_add(mon, 1, mon), k++) {
		if ((err = month_entries(res, mon, 1, &m)) != NULL ||
		    (err = check_self(res, &m, buf)) != NULL ||
		    (err = check_mutual(res, &m, buf)) != NULL ||
		    (err = check_burst(res, &m, &r, buf)) != NULL ||
		    (err = check_concentration(db, res, &m, &r, buf)) != NULL ||
		    (err = check_cap(res, &m, &r, &c, k, buf)) != NULL ||
		    (r.duplicate && (err = check_duplicate(res, &m, &d,
		    buf)) != NULL))
			goto done;
		free(m.idx);
		m.idx = NULL;
	}
done:
	free(m.idx);
	free(buf);
	for (k = 0; k < c.nmonths && c.hits != NULL; k++)
		free(c.hits[k]);
	free(c.hits);
	free(c.n);
	free(d.idx);
	free(d.title);
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
