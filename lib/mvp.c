/*
 * mvp.c: the monthly MVP (혁신 MVP) and the year ranking.  A month's best
 * person and best department are computed from the ledger's sums for the
 * month (inno_mileage_sums), under the [mvp] rules of inno.ini: which
 * kinds of mileage count, whether a department scores its total or its
 * points per head, who is eligible, and the tie-breaks.  The result is
 * stored once per month, with the rules it was decided by, inside a write
 * transaction, so two runs at once agree on one row, and closing the
 * month freezes it.  The notice and inno-check rank through the same code.
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "hook.h"
#include "mileage.h"
#include "mvp.h"
#include "staff.h"
#include "i18n.h"

static const char *const kind_words[] = {"innovation", "cs", "both", NULL};
static const char *const score_words[] = {"total", "per_head", NULL};

/* Tie-breaks, in the order [mvp] person_tie_break and dept_tie_break list. */
enum tb {
	TB_CATEGORIES, TB_ENTRIES, TB_FEWER_ENTRIES, TB_JUNIOR, TB_SENIOR,
	TB_EARLIEST, TB_TOTAL, TB_PER_HEAD, TB_SMALLER, TB_LARGER,
	TB_KEY,		/* employee_id or name: always last, never tied */
	TB_SCORE,	/* not a tie-break: the score itself */
};
static const char *const person_tb_words[] = {"categories", "entries",
    "fewer_entries", "junior", "senior", "earliest", NULL};
static const enum tb person_tb_map[] = {TB_CATEGORIES, TB_ENTRIES,
    TB_FEWER_ENTRIES, TB_JUNIOR, TB_SENIOR, TB_EARLIEST};
static const char *const dept_tb_words[] = {"categories", "entries",
    "total", "per_head", "smaller", "larger", "earliest", NULL};
static const enum tb dept_tb_map[] = {TB_CATEGORIES, TB_ENTRIES, TB_TOTAL,
    TB_PER_HEAD, TB_SMALLER, TB_LARGER, TB_EARLIEST};

#define MAX_TB 8

struct rules {
	char scheme[65];	/* "default" for [mvp], NAME for [mvp.NAME] */
	char sect[72];		/* the scheme's section: mvp or mvp.NAME */
	int year;		/* the scheme decides a year, not a month */
	int64_t winners;	/* persons named a period */
	int depts;		/* a department is named too */
	int kinds;		/* index in kind_words */
	int per_head;
	int64_t min_points;
	int64_t person_exclude, dept_exclude;	/* months */
	enum tb ptb[MAX_TB + 1], dtb[MAX_TB + 1];	/* end with TB_KEY */
};

/*
 * Parses a comma-separated tie-break list v into out, ending it with
 * TB_KEY; -1 when a word is unknown or there are too many.
 */
static int
tb_parse(const char *v, const char *const *words, const enum tb *map,
    enum tb *out)
{
	const char *p, *e;
	char word[32];
	size_t n = 0, len;
	int i;

	for (p = v; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		while (*p == ' ' || *p == '\t')
			p++;
		e = p + strcspn(p, ",");
		len = (size_t)(e - p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len == 0 && *e == '\0' && n == 0)
			break;
		if (len == 0 || len >= sizeof word)
			goto bad;
		memcpy(word, p, len);
		word[len] = '\0';
		if ((i = inno_word_index(words, word)) < 0 || n == MAX_TB)
			return -1;
		out[n++] = map[i];
	}
	out[n] = TB_KEY;
	return 0;
bad:
	return -1;
}

/* tb_parse of the configuration's key, with the error naming the key. */
static const struct inno_error *
tb_list(const struct inno_config *cfg, const char *key, const char *def,
    const char *const *words, const enum tb *map, enum tb *out)
{
	const char *v = inno_config_str(cfg, key, def);
	int i;

	if (tb_parse(v, words, map, out) == 0)
		return NULL;
	{
		char list[256] = "";
		for (i = 0; words[i] != NULL; i++) {
			strncat(list, i ? ", " : "", sizeof list - strlen(list)
			    - 1);
			strncat(list, words[i], sizeof list - strlen(list) - 1);
		}
		return inno_error(INNO_EUSAGE, _("%s: %s = \"%s\": expected a "
		    "comma-separated list of at most %d of %s"),
		    inno_config_origin(cfg, key), key, v, MAX_TB, list);
	}
}

/*
 * The key of a scheme's rule, given as [mvp]'s ("mvp:kinds"):
 * "mvp.NAME:kinds" when the scheme's section sets it, else [mvp]'s, which
 * every scheme inherits.
 */
static const char *
skey(const struct inno_config *cfg, const struct rules *r, const char *key,
    char *buf, size_t n)
{
	snprintf(buf, n, "%s%s", r->sect, key + 3);	/* after "mvp" */
	return inno_config_str(cfg, buf, NULL) != NULL ? buf : key;
}

/* Whether [mvp.NAME] is a section of the configuration. */
static const struct inno_error *
scheme_known(const struct inno_config *cfg, const char *name, int *known,
    char *list, size_t n)
{
	const struct inno_error *err;
	const char **names;
	size_t k, count;

	*known = 0;
	snprintf(list, n, "default");
	if ((err = inno_config_sections(cfg, "mvp.", &names, &count)) != NULL)
		return err;
	for (k = 0; k < count; k++) {
		if (strcmp(names[k] + 4, name) == 0)
			*known = 1;
		strncat(list, ", ", n - strlen(list) - 1);
		strncat(list, names[k] + 4, n - strlen(list) - 1);
	}
	free(names);
	return NULL;
}

static const struct inno_error *
rules_get(const struct inno_config *cfg, const char *scheme, struct rules *r)
{
	static const char *const period_words[] = {"month", "year", NULL};
	const struct inno_error *err;
	char k[8][96], list[512];
	int known;

	memset(r, 0, sizeof *r);
	if (scheme == NULL || strcmp(scheme, "default") == 0) {
		snprintf(r->scheme, sizeof r->scheme, "default");
		snprintf(r->sect, sizeof r->sect, "mvp");
	} else {
		if (strlen(scheme) >= sizeof r->scheme)
			return inno_error(INNO_EUSAGE, _("--scheme=%.64s...: "
			    "too long"), scheme);
		if ((err = scheme_known(cfg, scheme, &known, list,
		    sizeof list)) != NULL)
			return err;
		if (!known)
			return inno_error_code(INNO_EUSAGE, INNO_E_NOTFOUND,
			    _("--scheme=%s: no [mvp.%s] in inno.ini (schemes: "
			    "%s)"), scheme, scheme, list);
		snprintf(r->scheme, sizeof r->scheme, "%s", scheme);
		snprintf(r->sect, sizeof r->sect, "mvp.%s", scheme);
	}
	snprintf(k[0], sizeof k[0], "%s:period", r->sect);
	snprintf(k[1], sizeof k[1], "%s:winners", r->sect);
	snprintf(k[2], sizeof k[2], "%s:depts", r->sect);
	if ((err = inno_config_choice(cfg, k[0], period_words, 0,
	    &r->year)) != NULL ||
	    (err = inno_config_int(cfg, k[1], r->year ? 5 : 1, 1, r->year ?
	    100 : 1, &r->winners)) != NULL ||
	    (err = inno_config_bool(cfg, k[2], !r->year, &r->depts)) != NULL)
		return err;
	if ((err = inno_config_choice(cfg, skey(cfg, r, "mvp:kinds", k[0],
	    sizeof k[0]), kind_words, 0, &r->kinds)) != NULL ||
	    (err = inno_config_choice(cfg, skey(cfg, r, "mvp:dept_score", k[1],
	    sizeof k[1]), score_words, 0, &r->per_head)) != NULL ||
	    (err = inno_config_int(cfg, skey(cfg, r, "mvp:min_points", k[2],
	    sizeof k[2]), 1, -1000000000, 1000000000, &r->min_points)) !=
	    NULL ||
	    (err = inno_config_int(cfg, skey(cfg, r, "mvp:person_exclude_months",
	    k[3], sizeof k[3]), 0, 0, 120, &r->person_exclude)) != NULL ||
	    (err = inno_config_int(cfg, skey(cfg, r, "mvp:dept_exclude_months",
	    k[4], sizeof k[4]), 0, 0, 120, &r->dept_exclude)) != NULL ||
	    (err = tb_list(cfg, skey(cfg, r, "mvp:person_tie_break", k[5],
	    sizeof k[5]), "categories, earliest", person_tb_words,
	    person_tb_map, r->ptb)) != NULL ||
	    (err = tb_list(cfg, skey(cfg, r, "mvp:dept_tie_break", k[6],
	    sizeof k[6]), "total, categories", dept_tb_words, dept_tb_map,
	    r->dtb)) != NULL)
		return err;
	return NULL;
}

const struct inno_error *
inno_mvp_scheme_get(const struct inno_config *cfg, const char *scheme,
    struct inno_mvp_scheme *out)
{
	const struct inno_error *err;
	struct rules r;

	memset(out, 0, sizeof *out);
	if ((err = rules_get(cfg, scheme, &r)) != NULL)
		return err;
	out->year = r.year;
	out->winners = r.winners;
	out->depts = r.depts;
	out->kinds = kind_words[r.kinds];
	return NULL;
}

/* The words of a tie-break list, for the stored rules. */
static void
tb_words(const enum tb *tbs, const char *const *words, const enum tb *map,
    size_t nmap, char *buf, size_t n)
{
	size_t i, k, len = 0;

	buf[0] = '\0';
	for (i = 0; tbs[i] != TB_KEY; i++)
		for (k = 0; k < nmap; k++)
			if (map[k] == tbs[i] && len < n) {
				snprintf(buf + len, n - len, "%s%s", i ? "," : "",
				    words[k]);
				len += strlen(buf + len);
			}
}

#define NPTB (sizeof person_tb_map / sizeof person_tb_map[0])
#define NDTB (sizeof dept_tb_map / sizeof dept_tb_map[0])

/* The rules as stored with a result: "key=value" lines, inno.ini's order. */
static void
rules_text(const struct rules *r, char *buf, size_t n)
{
	char ptb[128], dtb[128];

	tb_words(r->ptb, person_tb_words, person_tb_map, NPTB, ptb, sizeof ptb);
	tb_words(r->dtb, dept_tb_words, dept_tb_map, NDTB, dtb, sizeof dtb);
	snprintf(buf, n, "kinds=%s\ndept_score=%s\nmin_points=%lld\n"
	    "person_exclude_months=%lld\ndept_exclude_months=%lld\n"
	    "person_tie_break=%s\ndept_tie_break=%s\n", kind_words[r->kinds],
	    score_words[r->per_head], (long long)r->min_points,
	    (long long)r->person_exclude, (long long)r->dept_exclude, ptb, dtb);
	/* A result of the default shape keeps the text it always had. */
	if (r->year || r->winners != 1 || !r->depts)
		snprintf(buf + strlen(buf), n - strlen(buf), "period=%s\n"
		    "winners=%lld\ndepts=%s\n", r->year ? "year" : "month",
		    (long long)r->winners, r->depts ? "yes" : "no");
}

/* The value of key in stored rules text into buf; NULL when absent. */
static const char *
rules_value(const char *text, const char *key, char *buf, size_t n)
{
	size_t klen = strlen(key), len;
	const char *p;

	for (p = text; *p != '\0'; p += strcspn(p, "\n"), p += *p == '\n') {
		if (strncmp(p, key, klen) != 0 || p[klen] != '=')
			continue;
		p += klen + 1;
		len = strcspn(p, "\n");
		if (len >= n)
			return NULL;
		memcpy(buf, p, len);
		buf[len] = '\0';
		return buf;
	}
	return NULL;
}

/* Reads rules back from rules_text's form; -1 when malformed. */
static int
rules_parse(const char *text, struct rules *r)
{
	char v[160];
	const char *x;

	memset(r, 0, sizeof *r);
	if ((x = rules_value(text, "kinds", v, sizeof v)) == NULL ||
	    (r->kinds = inno_word_index(kind_words, x)) < 0 ||
	    (x = rules_value(text, "dept_score", v, sizeof v)) == NULL ||
	    (r->per_head = inno_word_index(score_words, x)) < 0 ||
	    (x = rules_value(text, "min_points", v, sizeof v)) == NULL ||
	    inno_parse_int(x, strlen(x), -1000000000, 1000000000,
	    &r->min_points) != NULL ||
	    (x = rules_value(text, "person_exclude_months", v,
	    sizeof v)) == NULL || inno_parse_int(x, strlen(x), 0, 120,
	    &r->person_exclude) != NULL ||
	    (x = rules_value(text, "dept_exclude_months", v,
	    sizeof v)) == NULL || inno_parse_int(x, strlen(x), 0, 120,
	    &r->dept_exclude) != NULL ||
	    (x = rules_value(text, "person_tie_break", v, sizeof v)) == NULL ||
	    tb_parse(x, person_tb_words, person_tb_map, r->ptb) != 0 ||
	    (x = rules_value(text, "dept_tie_break", v, sizeof v)) == NULL ||
	    tb_parse(x, dept_tb_words, dept_tb_map, r->dtb) != 0)
		return -1;
	r->winners = 1;
	r->depts = 1;
	if ((x = rules_value(text, "period", v, sizeof v)) != NULL)
		r->year = strcmp(x, "year") == 0;
	if ((x = rules_value(text, "winners", v, sizeof v)) != NULL &&
	    inno_parse_int(x, strlen(x), 1, 100, &r->winners) != NULL)
		return -1;
	if ((x = rules_value(text, "depts", v, sizeof v)) != NULL)
		r->depts = strcmp(x, "yes") == 0;
	return 0;
}

static void
cand_release(struct inno_mvp_cand *c)
{
	size_t i;

	for (i = 0; i < c->ncatsums; i++)
		free(c->cats[i].category);
	free(c->cats);
	free(c->key);
	free(c->name);
	free(c->dept);
}

void
inno_mvp_result_release(struct inno_mvp_result *r)
{
	size_t i;

	for (i = 0; i < r->npersons; i++)
		cand_release(&r->persons[i]);
	for (i = 0; i < r->ndepts; i++)
		cand_release(&r->depts[i]);
	free(r->persons);
	free(r->depts);
	r->persons = r->depts = NULL;
	r->npersons = r->ndepts = 0;
}

/*
 * Where each candidate of a list is, by id: open addressing over the
 * positions (plus one; 0 is a free slot), so that gathering a month of
 * many thousand candidates finds each in a probe or two, in the order the
 * sums first name them.
 */
struct cand_index {
	size_t *slots;
	size_t size;	/* a power of two, or 0 */
};

static size_t
cand_slot(const struct cand_index *ix, int64_t id)
{
	uint64_t h = (uint64_t)id * 11400714819323198485u;

	return (size_t)(h >> 32) & (ix->size - 1);
}

/* Finds the candidate with id in list, appending it when new. */
static struct inno_mvp_cand *
cand_get(struct inno_mvp_cand **list, size_t *n, size_t *cap,
    struct cand_index *ix, int64_t id)
{
	struct inno_mvp_cand *grown;
	size_t i, j, *slots;

	/* The rows come ordered by person, so the last one is the usual hit. */
	if (*n > 0 && (*list)[*n - 1].id == id)
		return &(*list)[*n - 1];
	if (ix->size > 0)
		for (i = cand_slot(ix, id); ix->slots[i] != 0;
		    i = (i + 1) & (ix->size - 1))
			if ((*list)[ix->slots[i] - 1].id == id)
				return &(*list)[ix->slots[i] - 1];
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		if ((grown = realloc(*list, nc * sizeof **list)) == NULL)
			return NULL;
		*list = grown;
		*cap = nc;
	}
	/* At most half full: grow, and place every candidate again. */
	if ((*n + 1) * 2 > ix->size) {
		size_t size = ix->size > 0 ? ix->size * 2 : 256;

		if ((slots = calloc(size, sizeof *slots)) == NULL)
			return NULL;
		free(ix->slots);
		ix->slots = slots;
		ix->size = size;
		for (j = 0; j < *n; j++) {
			for (i = cand_slot(ix, (*list)[j].id);
			    ix->slots[i] != 0; i = (i + 1) & (size - 1))
				;
			ix->slots[i] = j + 1;
		}
	}
	for (i = cand_slot(ix, id); ix->slots[i] != 0;
	    i = (i + 1) & (ix->size - 1))
		;
	ix->slots[i] = *n + 1;
	memset(&(*list)[*n], 0, sizeof **list);
	(*list)[*n].id = id;
	return &(*list)[(*n)++];
}

/* Adds points in category to c's breakdown. */
static int
cand_add(struct inno_mvp_cand *c, const char *category, int64_t points,
    int64_t entries, const char *last)
{
	struct inno_mvp_catsum *grown;
	size_t i;

	c->points += points;
	c->entries += entries;
	if (strcmp(last, c->last) > 0)
		inno_text_copy(c->last, sizeof c->last, last);
	for (i = 0; i < c->ncatsums; i++)
		if (strcmp(c->cats[i].category, category) == 0) {
			c->cats[i].points += points;
			return 0;
		}
	if ((grown = realloc(c->cats, (c->ncatsums + 1) * sizeof *grown)) ==
	    NULL)
		return -1;
	c->cats = grown;
	if ((c->cats[c->ncatsums].category = strdup(category)) == NULL)
		return -1;
	c->cats[c->ncatsums++].points = points;
	return 0;
}

/* The department score: points, or hundredths of a point per head. */
static void
fmt_score(const struct inno_mvp_cand *c, int per_head, char *buf, size_t n)
{
	int64_t v, a;

	if (!per_head) {
		snprintf(buf, n, "%lld", (long long)c->points);
		return;
	}
	if (c->headcount <= 0) {
		snprintf(buf, n, "-");
		return;
	}
	a = c->points < 0 ? -c->points : c->points;
	v = (a * 100 + c->headcount / 2) / c->headcount;
	snprintf(buf, n, "%s%lld.%02lld", c->points < 0 ? "-" : "",
	    (long long)(v / 100), (long long)(v % 100));
}

/* Compares scores: > 0 when a scores higher. */
static int
score_cmp(const struct inno_mvp_cand *a, const struct inno_mvp_cand *b,
    int per_head)
{
	int64_t x, y;

	if (per_head) {
		/* a/ha against b/hb without fractions: a*hb against b*ha. */
		x = a->points * b->headcount;
		y = b->points * a->headcount;
	} else {
		x = a->points;
		y = b->points;
	}
	return x > y ? 1 : x < y ? -1 : 0;
}

/* One criterion: > 0 when a is better under it. */
static int
tb_cmp(enum tb t, const struct inno_mvp_cand *a,
    const struct inno_mvp_cand *b, int per_head)
{
#define CMP(x, y) ((x) > (y) ? 1 : (x) < (y) ? -1 : 0)
	switch (t) {
	case TB_SCORE:
		return score_cmp(a, b, per_head);
	case TB_CATEGORIES:
		return CMP(a->ncats, b->ncats);
	case TB_ENTRIES:
		return CMP(a->entries, b->entries);
	case TB_FEWER_ENTRIES:
		return CMP(b->entries, a->entries);
	case TB_JUNIOR:
		return CMP(a->grade, b->grade);
	case TB_SENIOR:
		return CMP(b->grade, a->grade);
	case TB_EARLIEST:
		return strcmp(b->last, a->last);
	case TB_TOTAL:
		return CMP(a->points, b->points);
	case TB_PER_HEAD:
		return score_cmp(a, b, 1);
	case TB_SMALLER:
		return CMP(b->headcount, a->headcount);
	case TB_LARGER:
		return CMP(a->headcount, b->headcount);
	case TB_KEY:
		return strcmp(b->key, a->key);
	}
	return 0;
#undef CMP
}

/*
 * The ranking order: eligible before not, then score, then each tie-break.
 * qsort has no context argument, so the rules of the list being sorted
 * are passed in these two variables; the library is single-threaded.
 */
static const enum tb *sort_tb;
static int sort_per_head;

static int
rank_cmp(const void *pa, const void *pb)
{
	const struct inno_mvp_cand *a = pa, *b = pb;
	int c;
	size_t i;

	if (a->eligible != b->eligible)
		return b->eligible - a->eligible;
	if ((c = score_cmp(a, b, sort_per_head)) != 0)
		return -c;
	for (i = 0; ; i++) {
		if ((c = tb_cmp(sort_tb[i], a, b, sort_per_head)) != 0)
			return -c;
		if (sort_tb[i] == TB_KEY)
			return 0;
	}
}

/* The criterion that ranks a before b: the score or a tie-break. */
static enum tb
deciding(const enum tb *tbs, const struct inno_mvp_cand *a,
    const struct inno_mvp_cand *b, int per_head)
{
	size_t i;

	if (score_cmp(a, b, per_head) != 0)
		return TB_SCORE;
	for (i = 0; tbs[i] != TB_KEY; i++)
		if (tb_cmp(tbs[i], a, b, per_head) != 0)
			return tbs[i];
	return TB_KEY;
}

/* "categories 3 against 2": the values a criterion compared. */
static void
describe(enum tb t, const struct inno_mvp_cand *a,
    const struct inno_mvp_cand *b, int per_head, char *buf, size_t n)
{
	char sa[32], sb[32];

	switch (t) {
	case TB_SCORE:
	case TB_PER_HEAD:
		fmt_score(a, per_head || t == TB_PER_HEAD, sa, sizeof sa);
		fmt_score(b, per_head || t == TB_PER_HEAD, sb, sizeof sb);
		snprintf(buf, n, t == TB_PER_HEAD || per_head ?
		    _("points per head %s against %s") :
		    _("points %s against %s"), sa, sb);
		break;
	case TB_CATEGORIES:
		snprintf(buf, n, _("categories %lld against %lld"),
		    (long long)a->ncats, (long long)b->ncats);
		break;
	case TB_ENTRIES:
	case TB_FEWER_ENTRIES:
		snprintf(buf, n, t == TB_FEWER_ENTRIES ?
		    _("fewer entries %lld against %lld") :
		    _("entries %lld against %lld"), (long long)a->entries,
		    (long long)b->entries);
		break;
	case TB_JUNIOR:
	case TB_SENIOR:
		snprintf(buf, n, t == TB_JUNIOR ?
		    _("junior grade %lld against %lld") :
		    _("senior grade %lld against %lld"), (long long)a->grade,
		    (long long)b->grade);
		break;
	case TB_EARLIEST:
		snprintf(buf, n, _("earlier last entry %s against %s"), a->last,
		    b->last);
		break;
	case TB_TOTAL:
		snprintf(buf, n, _("total points %lld against %lld"),
		    (long long)a->points, (long long)b->points);
		break;
	case TB_SMALLER:
	case TB_LARGER:
		snprintf(buf, n, t == TB_SMALLER ?
		    _("smaller headcount %lld against %lld") :
		    _("larger headcount %lld against %lld"),
		    (long long)a->headcount, (long long)b->headcount);
		break;
	case TB_KEY:
		snprintf(buf, n, _("%s before %s"), a->key, b->key);
		break;
	}
}

/* Ranks list and writes each candidate's rank and why. */
static void
rank(struct inno_mvp_cand *list, size_t n, const enum tb *tbs, int per_head)
{
	struct inno_mvp_cand *w = n > 0 ? &list[0] : NULL, *c;
	char what[160], ws[32], cs[32];
	enum tb t;
	size_t i;

	sort_tb = tbs;
	sort_per_head = per_head;
	if (n > 1)
		qsort(list, n, sizeof *list, rank_cmp);
	for (i = 0; i < n; i++) {
		c = &list[i];
		if (!c->eligible)
			continue;	/* why says what excluded it */
		c->rank = i + 1;
		if (i == 0) {
			if (n < 2 || !list[1].eligible) {
				snprintf(c->why, sizeof c->why, _("the only "
				    "eligible candidate"));
				continue;
			}
			t = deciding(tbs, c, &list[1], per_head);
			describe(t, c, &list[1], per_head, what, sizeof what);
			if (t == TB_SCORE)
				snprintf(c->why, sizeof c->why, _("highest "
				    "score: %s (%s)"), what, list[1].key);
			else {
				fmt_score(c, per_head, ws, sizeof ws);
				snprintf(c->why, sizeof c->why, _("tied with "
				    "%s at %s; won on "
				    "%s"), list[1].key, ws, what);
			}
			continue;
		}
		t = deciding(tbs, w, c, per_head);
		describe(t, w, c, per_head, what, sizeof what);
		fmt_score(c, per_head, cs, sizeof cs);
		fmt_score(w, per_head, ws, sizeof ws);
		if (t == TB_SCORE)
			snprintf(c->why, sizeof c->why,
			    _("score %s, below the winner's %s"), cs, ws);
		else
			snprintf(c->why, sizeof c->why, _("tied with the "
			    "winner %s at %s; lost on %s"), w->key, ws, what);
	}
}

/*
 * The MVPs of the months months before month: calls mark(arg, id, won)
 * for each person (or, with !person, department) who won in month won.
 */
static const struct inno_error *
recent_mvps(struct inno_db *db, const char *scheme, const char *month,
    int64_t months, int person, void (*mark)(void *, int64_t, const char *),
    void *arg)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char from[8];
	int row;

	if (months <= 0)
		return NULL;
	inno_month_add(month, -(int)months, from);
	if ((err = inno_db_query(db, &st, person ? "SELECT employee_id, month "
	    "FROM mileage_mvp WHERE scheme = ?3 AND month >= ?1 AND month < ?2 "
	    "AND employee_id IS NOT NULL ORDER BY month" : "SELECT dept_id, "
	    "month FROM mileage_mvp WHERE scheme = ?3 AND month >= ?1 AND "
	    "month < ?2 AND dept_id IS NOT NULL ORDER BY month", "ttt", from,
	    month, scheme)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		mark(arg, inno_stmt_int(st, 0), inno_stmt_text(st, 1));
	return err;
}

/* Candidates a recent MVP excludes, and the rule's setting for why. */
struct excluded {
	struct inno_mvp_cand *list;
	size_t n;
	const char *key;	/* person_exclude_months or dept_... */
	int64_t months;
};

static void
exclude_cand(void *arg, int64_t id, const char *won)
{
	struct excluded *x = arg;
	size_t i;

	for (i = 0; i < x->n; i++)
		if (x->list[i].id == id && x->list[i].eligible) {
			x->list[i].eligible = 0;
			snprintf(x->list[i].why, sizeof x->list[i].why,
			    _("not eligible: MVP in %s (%s = %lld)"), won,
			    x->key, (long long)x->months);
		}
}

/* Recent MVPs: sets why on candidates that won in the previous months. */
static const struct inno_error *
exclude_recent(struct inno_db *db, const char *scheme, const char *month,
    int64_t months, struct inno_mvp_cand *list, size_t n, int person)
{
	struct excluded x = {list, n, person ? "person_exclude_months" :
	    "dept_exclude_months", months};

	if (n == 0)
		return NULL;
	return recent_mvps(db, scheme, month, months, person, exclude_cand,
	    &x);
}

/* inno_staff_describe's callback: fills the person at position i. */
struct described {
	struct inno_mvp_cand *persons;
	int nomem;
};

static int
describe_one(void *arg, size_t i, const char *code, const char *name,
    int64_t grade, const char *dept)
{
	struct described *d = arg;
	struct inno_mvp_cand *c = &d->persons[i];

	if ((c->key = strdup(code)) == NULL || (c->name = strdup(name)) ==
	    NULL || (c->dept = strdup(dept)) == NULL) {
		d->nomem = 1;
		return 1;
	}
	c->grade = grade;
	return 0;
}

/* Names, grades and headcounts of the candidates. */
static const struct inno_error *
describe_cands(struct inno_db *db, struct inno_mvp_result *res,
    const char *first, const char *last)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	struct inno_mvp_cand *c;
	size_t i;
	int row;

	/* The people in one query, in the order of the list. */
	if (res->npersons > 0) {
		struct described d = {res->persons, 0};
		int64_t *ids;

		if ((ids = malloc(res->npersons * sizeof *ids)) == NULL)
			return inno_error_nomem();
		for (i = 0; i < res->npersons; i++)
			ids[i] = res->persons[i].id;
		err = inno_staff_describe(db, ids, res->npersons, describe_one,
		    &d);
		free(ids);
		if (err != NULL)
			return err;
		if (d.nomem)
			return inno_error_nomem();
		for (i = 0; i < res->npersons; i++)
			if (res->persons[i].key == NULL)
				return inno_error(INNO_ESYS, _("mileage refers "
				    "to a missing employee %lld"),
				    (long long)res->persons[i].id);
	}
	for (i = 0; i < res->ndepts; i++) {
		c = &res->depts[i];
		/*
		 * The headcount of a month: everyone in the department
		 * employed on any day of it, from the joined and left dates.
		 */
		if ((err = inno_db_query(db, &st, "SELECT inno_dept_name(?1), "
		    "inno_dept_headcount(?1, ?2, ?3)", "itt", c->id, first,
		    last)) != NULL)
			return err;
		if ((err = inno_stmt_step(st, &row)) != NULL)
			return err;
		if (row && inno_stmt_isnull(st, 0))
			row = 0;
		if (row && ((c->key = strdup(inno_stmt_text(st, 0))) == NULL ||
		    (c->dept = strdup(inno_stmt_text(st, 0))) == NULL)) {
			inno_stmt_reset(st);
			return inno_error_nomem();
		}
		c->headcount = row ? inno_stmt_int(st, 1) : 0;
		inno_stmt_reset(st);
		if (!row)
			return inno_error(INNO_ESYS, _("mileage refers to a "
			    "missing department %lld"), (long long)c->id);
	}
	return NULL;
}

/*
 * A person's period in brief, while the sums are read: the figures that
 * eligibility and the tie-breaks before the first that needs the staff
 * record (grade, employee_id) compare.  Only the few who can place become
 * candidates, unless every candidate is asked for (--explain).
 */
struct brief {
	int64_t id, points, entries, ncats;
	char last[11];
	char recent[8];		/* the month of a recent MVP, or "" */
	int eligible;
};

/* A category's points for the person being read. */
struct catpts {
	char category[65];
	int64_t points;
};

struct gathering {
	struct inno_mvp_result *res;
	int full;		/* every person a candidate */
	struct cand_index pix, dix;
	size_t pcap, dcap;
	struct brief *b;	/* !full: every person, by id */
	size_t nb, bcap;
	struct catpts *cur;	/* the categories of b[nb - 1] */
	size_t ncur, curcap;
};

/* Counts the categories in which the last person read has points. */
static void
brief_done(struct gathering *g)
{
	size_t i;

	if (g->nb == 0)
		return;
	g->b[g->nb - 1].ncats = 0;
	for (i = 0; i < g->ncur; i++)
		if (g->cur[i].points > 0)
			g->b[g->nb - 1].ncats++;
	g->ncur = 0;
}

/* Adds a row of the sums to the person's brief; rows come by person. */
static const struct inno_error *
brief_add(struct gathering *g, const struct inno_mileage_sum *m)
{
	struct brief *b, *grown;
	struct catpts *gc;
	size_t i;

	if (g->nb == 0 || g->b[g->nb - 1].id != m->employee) {
		brief_done(g);
		if (g->nb == g->bcap) {
			size_t nc = g->bcap ? g->bcap * 2 : 1024;
			if ((grown = realloc(g->b, nc * sizeof *grown)) == NULL)
				return inno_error_nomem();
			g->b = grown;
			g->bcap = nc;
		}
		b = &g->b[g->nb++];
		memset(b, 0, sizeof *b);
		b->id = m->employee;
	}
	b = &g->b[g->nb - 1];
	b->points += m->points;
	b->entries += m->entries;
	if (strcmp(m->last, b->last) > 0)
		inno_text_copy(b->last, sizeof b->last, m->last);
	for (i = 0; i < g->ncur; i++)
		if (strcmp(g->cur[i].category, m->category) == 0) {
			g->cur[i].points += m->points;
			return NULL;
		}
	if (g->ncur == g->curcap) {
		size_t nc = g->curcap ? g->curcap * 2 : 16;
		if ((gc = realloc(g->cur, nc * sizeof *gc)) == NULL)
			return inno_error_nomem();
		g->cur = gc;
		g->curcap = nc;
	}
	inno_text_copy(g->cur[g->ncur].category, sizeof g->cur[g->ncur].category,
	    m->category);
	g->cur[g->ncur++].points = m->points;
	return NULL;
}

/* inno_mileage_sums' callback: one row of the sums. */
static const struct inno_error *
gather_one(void *arg, const struct inno_mileage_sum *m)
{
	struct gathering *g = arg;
	struct inno_mvp_result *res = g->res;
	struct inno_mvp_cand *c;
	const struct inno_error *err;

	if (m->employee != 0) {
		if (!g->full) {
			if ((err = brief_add(g, m)) != NULL)
				return err;
		} else if ((c = cand_get(&res->persons, &res->npersons,
		    &g->pcap, &g->pix, m->employee)) == NULL ||
		    cand_add(c, m->category, m->points, m->entries,
		    m->last) == -1)
			return inno_error_nomem();
	}
	if ((c = cand_get(&res->depts, &res->ndepts, &g->dcap, &g->dix,
	    m->dept)) == NULL || cand_add(c, m->category, m->points,
	    m->entries, m->last) == -1)
		return inno_error_nomem();
	return NULL;
}

/*
 * Reads the period's sums into candidates: a person's entries count for
 * the person and for the department credited; a department's own entries
 * for the department.  Entries count net of reversals.  With g->full,
 * every person becomes a candidate; else each gets a brief in g->b, in
 * the order of their ids.
 */
static const struct inno_error *
gather(struct inno_db *db, const struct rules *r, const char *first,
    const char *last, struct gathering *g)
{
	const struct inno_error *err;

	err = inno_mileage_sums(db, first, last, r->kinds == 2 ? NULL :
	    kind_words[r->kinds], gather_one, g);
	brief_done(g);
	free(g->pix.slots);
	free(g->dix.slots);
	free(g->cur);
	g->pix.slots = g->dix.slots = NULL;
	g->cur = NULL;
	return err;
}

/* brief_cmp's order: > 0 when a ranks before b, 0 when the staff decide. */
static int
brief_cmp(const struct brief *a, const struct brief *b, const enum tb *tbs)
{
#define CMP(x, y) ((x) > (y) ? 1 : (x) < (y) ? -1 : 0)
	size_t i;
	int c;

	if (a->points != b->points)
		return CMP(a->points, b->points);
	for (i = 0; ; i++) {
		switch (tbs[i]) {
		case TB_CATEGORIES:
			c = CMP(a->ncats, b->ncats);
			break;
		case TB_ENTRIES:
			c = CMP(a->entries, b->entries);
			break;
		case TB_FEWER_ENTRIES:
			c = CMP(b->entries, a->entries);
			break;
		case TB_EARLIEST:
			c = strcmp(b->last, a->last);
			break;
		default:
			return 0;	/* grade or employee_id: not read yet */
		}
		if (c != 0)
			return c;
	}
#undef CMP
}

/* A brief of g by id; the briefs come in the order of the ids. */
static struct brief *
brief_find(struct gathering *g, int64_t id)
{
	size_t lo = 0, hi = g->nb, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (g->b[mid].id == id)
			return &g->b[mid];
		if (g->b[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void
exclude_brief(void *arg, int64_t id, const char *won)
{
	struct brief *b = brief_find(arg, id);

	if (b != NULL && b->recent[0] == '\0')
		inno_text_copy(b->recent, sizeof b->recent, won);
}

/*
 * Makes candidates of the persons who can be among the first keep: the
 * eligible whose briefs rank at least as high as the keep-th best (ties
 * included, for the staff records to break), and the stored winner
 * (stored, or 0), whatever their rank.
 */
static const struct inno_error *
select_briefs(struct gathering *g, const struct rules *r, size_t keep,
    int64_t stored)
{
	struct inno_mvp_result *res = g->res;
	const struct brief *kth = NULL;
	struct inno_mvp_cand *c;
	struct brief *b;
	size_t *top, ntop = 0, worst = 0, i, j, n = 0;

	if ((top = malloc(keep * sizeof *top)) == NULL)
		return inno_error_nomem();
	for (i = 0; i < g->nb; i++) {
		b = &g->b[i];
		b->eligible = b->points >= r->min_points &&
		    b->recent[0] == '\0';
		if (!b->eligible)
			continue;
		if (ntop < keep)
			top[ntop++] = i;
		else if (brief_cmp(b, &g->b[top[worst]], r->ptb) > 0)
			top[worst] = i;
		else
			continue;
		if (ntop < keep)
			continue;
		for (worst = 0, j = 1; j < keep; j++)
			if (brief_cmp(&g->b[top[j]], &g->b[top[worst]],
			    r->ptb) < 0)
				worst = j;
	}
	if (ntop == keep)
		kth = &g->b[top[worst]];
	for (i = 0; i < g->nb; i++) {
		b = &g->b[i];
		b->eligible = b->eligible && (kth == NULL ||
		    brief_cmp(b, kth, r->ptb) >= 0);
		if (b->eligible || b->id == stored)
			n++;
	}
	free(top);
	if (n == 0)
		return NULL;
	if ((res->persons = calloc(n, sizeof *res->persons)) == NULL)
		return inno_error_nomem();
	for (i = 0; i < g->nb; i++) {
		b = &g->b[i];
		if (!b->eligible && b->id != stored)
			continue;
		c = &res->persons[res->npersons++];
		c->id = b->id;
		c->points = b->points;
		c->entries = b->entries;
		c->ncats = b->ncats;
		inno_text_copy(c->last, sizeof c->last, b->last);
	}
	return NULL;
}

/* Settles each candidate's eligibility before the recent-MVP rule. */
static void
eligibility(struct inno_mvp_result *res, const struct rules *r)
{
	struct inno_mvp_cand *c;
	size_t i, k;

	for (i = 0; i < res->npersons + res->ndepts; i++) {
		int dept = i >= res->npersons;
		c = dept ? &res->depts[i - res->npersons] : &res->persons[i];
		/* A person made from a brief has no breakdown, but a count. */
		if (c->cats != NULL) {
			c->ncats = 0;
			for (k = 0; k < c->ncatsums; k++)
				if (c->cats[k].points > 0)
					c->ncats++;
		}
		c->eligible = 1;
		if (dept && r->per_head && c->headcount <= 0) {
			c->eligible = 0;
			snprintf(c->why, sizeof c->why, _("not eligible: no "
			    "staff employed in %s to count points per head"),
			    res->month);
		} else if (c->points < r->min_points) {
			c->eligible = 0;
			snprintf(c->why, sizeof c->why, _("not eligible: %lld "
			    "points, below min_points = %lld"),
			    (long long)c->points, (long long)r->min_points);
		}
	}
}

/* Sorts a candidate's breakdown: most points first, then by name. */
static int
catsum_cmp(const void *pa, const void *pb)
{
	const struct inno_mvp_catsum *a = pa, *b = pb;

	if (a->points != b->points)
		return a->points > b->points ? -1 : 1;
	return strcmp(a->category, b->category);
}

/* Stores the winners: one row a month, updated while the month is open. */
static const struct inno_error *
store(struct inno_db *db, struct inno_mvp_result *res, const char *rules)
{
	const struct inno_error *err;
	const struct inno_mvp_cand *p = NULL, *d = NULL;
	struct inno_stmt *st;
	char now[21];
	int64_t id = 0;
	int row, same = 0;

	if (res->npersons > 0 && res->persons[0].eligible)
		p = &res->persons[0];
	if (res->ndepts > 0 && res->depts[0].eligible)
		d = &res->depts[0];
	if ((err = inno_now(now)) != NULL)
		return err;
	/*
	 * A missing winner binds NULL ('I' with 0), and its figures are NULL
	 * with it; the same expressions serve the comparison and the writes.
	 */
#define P_POINTS "CASE WHEN CAST(?2 AS INTEGER) IS NULL THEN NULL " \
	"ELSE CAST(?3 AS INTEGER) END"
#define D_POINTS "CASE WHEN CAST(?4 AS INTEGER) IS NULL THEN NULL " \
	"ELSE CAST(?5 AS INTEGER) END"
#define D_HEAD "CASE WHEN CAST(?4 AS INTEGER) IS NULL THEN NULL " \
	"ELSE CAST(?6 AS INTEGER) END"
	if ((err = inno_db_query(db, &st, "SELECT id, employee_id IS ?2 AND "
	    "person_points IS " P_POINTS " AND dept_id IS ?4 AND dept_points "
	    "IS " D_POINTS " AND dept_headcount IS " D_HEAD " AND dept_score = "
	    "?7 AND rules IS ?8 FROM mileage_mvp WHERE scheme = ?9 AND month = "
	    "?1 AND place = 1", "tIiIiittt", res->month, p ? p->id : 0,
	    p ? p->points : 0, d ? d->id : 0, d ? d->points : 0,
	    d ? d->headcount : 0, score_words[res->per_head], rules,
	    res->scheme)) != NULL)
		return err;
	if ((err = inno_stmt_step(st, &row)) != NULL)
		return err;
	if (row) {
		id = inno_stmt_int(st, 0);
		same = (int)inno_stmt_int(st, 1);
	}
	inno_stmt_reset(st);
	if (row && same) {
		res->stored = 3;
		return NULL;
	}
	if (row) {
		if ((err = inno_db_run(db, "UPDATE mileage_mvp SET employee_id "
		    "= ?2, person_points = " P_POINTS ", dept_id = ?4, "
		    "dept_points = " D_POINTS ", dept_headcount = " D_HEAD ", "
		    "dept_score = ?7, computed_at = ?8, rules = ?9 WHERE id = ?1",
		    "iIiIiittt", id, p ? p->id : 0, p ? p->points : 0,
		    d ? d->id : 0, d ? d->points : 0, d ? d->headcount : 0,
		    score_words[res->per_head], now, rules)) != NULL)
			return err;
		res->stored = 2;
		return inno_audit(db, "update", "mileage_mvp", id, id, "MVP of "
		    "%s recomputed: %s, %s", res->month, p ? p->key : "none",
		    d ? d->key : "none");
	}
	if ((err = inno_db_run(db, "INSERT INTO mileage_mvp (month, "
	    "employee_id, person_points, dept_id, dept_points, dept_headcount, "
	    "dept_score, computed_at, rules, scheme) VALUES (?1, ?2, " P_POINTS
	    ", ?4, " D_POINTS ", " D_HEAD ", ?7, ?8, ?9, ?10)", "tIiIiitttt",
	    res->month, p ? p->id : 0, p ? p->points : 0, d ? d->id : 0,
	    d ? d->points : 0, d ? d->headcount : 0,
	    score_words[res->per_head], now, rules, res->scheme)) != NULL)
		return err;
#undef P_POINTS
#undef D_POINTS
#undef D_HEAD
	id = inno_db_last_id(db);
	res->stored = 1;
	return inno_audit(db, "insert", "mileage_mvp", id, id, "MVP of %s%s%s: "
	    "%s, %s", res->month, strcmp(res->scheme, "default") ? ", scheme " :
	    "", strcmp(res->scheme, "default") ? res->scheme : "",
	    p ? p->key : "none", d ? d->key : "none");
}

/*
 * Stores a year scheme's places: one row a winner, place 1 to N.  Places
 * that differ from the stored ones replace them all (each removal and the
 * new rows audited), so a rerun that changes nothing writes nothing.
 */
static const struct inno_error *
store_year(struct inno_db *db, struct inno_mvp_result *res, const char *rules)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char now[21];
	int64_t first = 0, lo, hi;
	size_t i, n = 0, stored = 0;
	int row, same = 1;

	for (i = 0; i < res->npersons && n < res->winners; i++)
		if (res->persons[i].eligible)
			n++;
	if ((err = inno_db_query(db, &st, "SELECT place, employee_id, "
	    "person_points, rules IS ?3 FROM mileage_mvp WHERE scheme = ?1 AND "
	    "month = ?2 ORDER BY place", "ttt", res->scheme, res->month,
	    rules)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		i = stored++;
		if (i >= n || inno_stmt_int(st, 0) != (int64_t)i + 1 ||
		    inno_stmt_int(st, 1) != res->persons[i].id ||
		    inno_stmt_int(st, 2) != res->persons[i].points ||
		    !inno_stmt_int(st, 3))
			same = 0;
	}
	if (err != NULL)
		return err;
	if (same && stored == n) {
		res->stored = 3;
		return NULL;
	}
	if ((err = inno_now(now)) != NULL)
		return err;
	if (stored > 0) {
		/* One audit row, after the change, covers the places removed. */
		if ((err = inno_db_int(db, &lo, NULL, "SELECT min(id) FROM "
		    "mileage_mvp WHERE scheme = ?1 AND month = ?2", "tt",
		    res->scheme, res->month)) != NULL ||
		    (err = inno_db_int(db, &hi, NULL, "SELECT max(id) FROM "
		    "mileage_mvp WHERE scheme = ?1 AND month = ?2", "tt",
		    res->scheme, res->month)) != NULL ||
		    (err = inno_db_run(db, "DELETE FROM mileage_mvp WHERE "
		    "scheme = ?1 AND month = ?2", "tt", res->scheme,
		    res->month)) != NULL ||
		    (err = inno_audit(db, "delete", "mileage_mvp", lo, hi,
		    "MVP of %s, scheme %s: recomputed", res->month,
		    res->scheme)) != NULL)
			return err;
	}
	for (i = 0; i < n; i++) {
		if ((err = inno_db_run(db, "INSERT INTO mileage_mvp (scheme, "
		    "month, place, employee_id, person_points, computed_at, "
		    "rules) VALUES (?, ?, ?, ?, ?, ?, ?)", "ttiiitt", res->scheme,
		    res->month, (int64_t)i + 1, res->persons[i].id,
		    res->persons[i].points, now, rules)) != NULL)
			return err;
		if (i == 0)
			first = inno_db_last_id(db);
	}
	res->stored = stored > 0 ? 2 : 1;
	if (n == 0)
		return NULL;
	return inno_audit(db, "insert", "mileage_mvp", first,
	    inno_db_last_id(db), "MVP of %s, scheme %s: %zu place%s",
	    res->month, res->scheme, n, n == 1 ? "" : "s");
}

/*
 * Moves the candidate whose id is id (0: none) to the head of c[0..n-1]
 * as the winner of rank 1, the others keeping their order.
 */
static void
put_first(struct inno_mvp_cand *c, size_t n, int64_t id)
{
	struct inno_mvp_cand tmp;
	size_t i;

	for (i = 1; id != 0 && i < n; i++)
		if (c[i].id == id) {
			tmp = c[i];
			memmove(&c[1], &c[0], i * sizeof tmp);
			c[0] = tmp;
			c[0].eligible = 1;
			c[0].rank = 1;
			snprintf(c[0].why, sizeof tmp.why, "%s", _("the stored "
			    "result of the closed month"));
			return;
		}
}

/*
 * The stored winners of res->month (0: none), and whether departments
 * scored per head; *found is 0 when nothing is stored.
 */
static const struct inno_error *
stored_first(struct inno_db *db, const struct inno_mvp_result *res,
    int64_t *pid, int64_t *did, int *per_head, int *found)
{
	const struct inno_error *err;
	struct inno_stmt *st;

	*pid = *did = 0;
	if ((err = inno_db_query(db, &st, "SELECT coalesce(employee_id, 0), "
	    "coalesce(dept_id, 0), dept_score FROM mileage_mvp WHERE scheme = ? "
	    "AND month = ? AND place = 1", "tt", res->scheme, res->month)) !=
	    NULL)
		return err;
	if ((err = inno_stmt_step(st, found)) != NULL || !*found)
		return err;
	*pid = inno_stmt_int(st, 0);
	*did = inno_stmt_int(st, 1);
	*per_head = strcmp(inno_stmt_text(st, 2), "per_head") == 0;
	inno_stmt_reset(st);
	return NULL;
}

/*
 * For a closed month, marks the stored winners first, whatever the rules
 * say now: the month's result is what was announced.
 */
static const struct inno_error *
keep_stored(struct inno_db *db, struct inno_mvp_result *res)
{
	const struct inno_error *err;
	int64_t pid, did;
	int found, per_head;

	if ((err = stored_first(db, res, &pid, &did, &per_head, &found)) !=
	    NULL || !found)
		return err;	/* or closed before any result was stored */
	res->per_head = per_head;
	put_first(res->persons, res->npersons, pid);
	put_first(res->depts, res->ndepts, did);
	return NULL;
}

/*
 * The persons a ranking needs short of --explain: the places, the
 * report's first five, and the next, whom the winner's why names.
 */
static size_t
places(const struct rules *r)
{
	return (size_t)(r->winners > 5 ? r->winners : 5) + 1;
}

/*
 * Ranks res->month (already parsed) under rules r, inside the caller's
 * transaction; stores nothing and leaves a closed month's stored winners
 * to the caller.  With keep, the persons are only those who can be among
 * the first keep (and a closed month's stored winner); 0 ranks everyone.
 */
static const struct inno_error *
compute(struct inno_db *db, const struct rules *r, size_t keep,
    struct inno_mvp_result *res)
{
	const struct inno_error *err;
	struct gathering g = {0};
	char first[11], last[11];
	int64_t pid = 0, did = 0;
	int found, per_head;
	size_t i;

	res->per_head = r->per_head;
	res->year = r->year;
	res->no_depts = !r->depts;
	res->winners = (size_t)r->winners;
	snprintf(res->scheme, sizeof res->scheme, "%s", r->scheme);
	if (r->year) {
		/* A year is not closed; its months are, one by one. */
		snprintf(first, sizeof first, "%.4s-01-01", res->month);
		snprintf(last, sizeof last, "%.4s-12-31", res->month);
	} else {
		snprintf(first, sizeof first, "%s-01", res->month);
		snprintf(last, sizeof last, "%s-%02d", res->month,
		    inno_days_in_month(atoi(res->month), atoi(res->month +
		    5)));
		if ((err = inno_mileage_closed(db, res->month,
		    &res->closed)) != NULL)
			return err;
	}
	g.res = res;
	g.full = keep == 0;
	if (!g.full && res->closed && (err = stored_first(db, res, &pid,
	    &did, &per_head, &found)) != NULL)
		return err;
	err = gather(db, r, first, last, &g);
	if (err == NULL && !g.full && !r->year)
		err = recent_mvps(db, r->scheme, res->month, r->person_exclude,
		    1, exclude_brief, &g);
	if (err == NULL && !g.full)
		err = select_briefs(&g, r, keep, pid);
	free(g.b);
	if (err != NULL)
		return err;
	if (!r->depts) {
		for (i = 0; i < res->ndepts; i++)
			cand_release(&res->depts[i]);
		free(res->depts);
		res->depts = NULL;
		res->ndepts = 0;
	}
	if ((err = describe_cands(db, res, first, last)) != NULL)
		return err;
	eligibility(res, r);
	if (!r->year && ((err = exclude_recent(db, r->scheme, res->month,
	    r->person_exclude, res->persons, res->npersons, 1)) != NULL ||
	    (err = exclude_recent(db, r->scheme, res->month, r->dept_exclude,
	    res->depts, res->ndepts, 0)) != NULL))
		return err;
	for (i = 0; i < res->npersons; i++)
		if (res->persons[i].cats != NULL)	/* none from a brief */
			qsort(res->persons[i].cats, res->persons[i].ncatsums,
			    sizeof *res->persons[i].cats, catsum_cmp);
	for (i = 0; i < res->ndepts; i++)
		qsort(res->depts[i].cats, res->depts[i].ncatsums,
		    sizeof *res->depts[i].cats, catsum_cmp);
	rank(res->persons, res->npersons, r->ptb, 0);
	rank(res->depts, res->ndepts, r->dtb, r->per_head);
	return NULL;
}

/* The winners as the records of the mvp hooks (hook.h). */
static const struct inno_error *
hook_winners(struct inno_db *db, const struct inno_mvp_result *res)
{
	const struct inno_error *err;
	const struct inno_mvp_cand *c;
	char score[32];

	size_t i;

	for (i = 0; i < res->npersons && i < res->winners; i++) {
		c = &res->persons[i];
		if (!c->eligible)
			break;
		if ((err = inno_hook_add(db, "mvp", "ssissssi", "scheme",
		    res->scheme, "month", res->month, "place", (int64_t)i + 1,
		    "award", "person", "employee_id", c->key, "name", c->name,
		    "dept", c->dept, "points", c->points)) != NULL)
			return err;
	}
	if (res->ndepts > 0 && res->depts[0].eligible) {
		c = &res->depts[0];
		fmt_score(c, res->per_head, score, sizeof score);
		if ((err = inno_hook_add(db, "mvp", "ssissiis", "scheme",
		    res->scheme, "month", res->month, "place", (int64_t)1,
		    "award", "dept", "dept", c->dept, "points", c->points,
		    "headcount", c->headcount, "score", score)) != NULL)
			return err;
	}
	return NULL;
}

/*
 * Reads the scheme's rules and parses its period into res: a month, or a
 * year for a year scheme.
 */
static const struct inno_error *
start(struct inno_db *db, const char *scheme, const char *month,
    struct rules *r, struct inno_mvp_result *res)
{
	const struct inno_error *err;
	const char *why;
	int64_t y;

	memset(res, 0, sizeof *res);
	res->winners = 1;
	if ((err = rules_get(inno_db_config(db), scheme, r)) != NULL)
		return err;
	snprintf(res->scheme, sizeof res->scheme, "%s", r->scheme);
	if (r->year) {
		if (inno_parse_int(month, strlen(month), 1900, 2999, &y) !=
		    NULL)
			return inno_error(INNO_EUSAGE, _("scheme %s decides a "
			    "year: --year=YYYY, not %s"), r->scheme, month);
		snprintf(res->month, sizeof res->month, "%04d", (int)y);
		return NULL;
	}
	if (strlen(month) == 4 && strcmp(r->scheme, "default") != 0)
		return inno_error(INNO_EUSAGE, _("scheme %s decides a month: "
		    "--month=YYYY-MM, not %s"), r->scheme, month);
	if ((why = inno_parse_month(month, strlen(month), res->month)) != NULL)
		return inno_error(INNO_EUSAGE, _("--month=%s: %s"), month, why);
	return NULL;
}

const struct inno_error *
inno_mvp_rank(struct inno_db *db, const char *month,
    struct inno_mvp_result *res)
{
	const struct inno_error *err;
	struct rules r;

	if ((err = start(db, NULL, month, &r, res)) != NULL ||
	    (err = compute(db, &r, places(&r), res)) != NULL)
		return err;
	return res->closed ? keep_stored(db, res) : NULL;
}

const struct inno_error *
inno_mvp_month(struct inno_db *db, const struct inno_mvp_opts *o,
    struct inno_mvp_result *res)
{
	const struct inno_error *err;
	struct rules r;
	char today[11], rules[512];

	if ((err = start(db, o->scheme, o->month, &r, res)) != NULL)
		return err;
	if (o->close && r.year)
		return inno_error(INNO_EUSAGE, _("--close closes a month; "
		    "scheme %s decides a year"), r.scheme);
	if ((err = inno_today(today)) != NULL)
		return err;
	if (o->close && strncmp(today, res->month, 7) <= 0)
		return inno_error(INNO_EINPUT, _("month %s has not ended "
		    "(today is %s); close it once it is "
		    "over"), res->month, today);
	/*
	 * One write transaction from the first read to the stored row: a
	 * second run waits here and then finds the result stored.  A dry run
	 * only reads, so it also serves a read-only database.
	 */
	if ((err = o->dry_run ? inno_db_begin_read(db) :
	    inno_db_begin(db)) != NULL)
		return err;
	if ((err = compute(db, &r, o->explain ? 0 : places(&r), res)) !=
	    NULL)
		goto fail;
	if (res->closed) {
		/* A closed month is never recomputed into the store. */
		err = keep_stored(db, res);
		inno_db_rollback(db);
		return err;
	}
	if (o->dry_run) {
		inno_db_rollback(db);
		return NULL;
	}
	rules_text(&r, rules, sizeof rules);
	if ((err = r.year ? store_year(db, res, rules) : store(db, res,
	    rules)) != NULL)
		goto fail;
	if (o->close) {
		if ((err = inno_mileage_close(db, res->month)) != NULL)
			goto fail;
		res->closed = res->closed_now = 1;
	}
	/*
	 * The MVP is decided when its result changes, and finally when the
	 * month closes; a rerun that changes nothing decides nothing.
	 */
	if (((res->stored != 3 || res->closed_now) &&
	    (err = hook_winners(db, res)) != NULL) ||
	    (res->closed_now && (err = inno_hook_add(db, "close", "s",
	    "month", res->month)) != NULL) || (err = inno_hook_pre(db)) != NULL)
		goto fail;
	if (o->before_commit != NULL &&
	    (err = o->before_commit(o->before_commit_arg, res)) != NULL)
		goto fail;
	return inno_db_commit(db);
fail:
	inno_db_rollback(db);
	return err;
}

/* The breakdown "idea.adopted 20, contest 10" into buf. */
static void
breakdown(const struct inno_mvp_cand *c, char *buf, size_t n)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < c->ncatsums && len < n; i++) {
		snprintf(buf + len, n - len, "%s%s %lld", i ? ", " : "",
		    c->cats[i].category, (long long)c->cats[i].points);
		len += strlen(buf + len);
	}
}

static const struct inno_error *
write_cand(struct inno_out *out, const struct inno_mvp_result *res,
    const struct inno_mvp_cand *c, int person, int explain)
{
	const struct inno_error *err;
	char score[32], cats[1024];

	fmt_score(c, person ? 0 : res->per_head, score, sizeof score);
	if ((err = inno_out_text(out, res->month)) != NULL ||
	    (err = inno_out_text(out, person ? "person" : "dept")) != NULL)
		return err;
	if (explain && (err = c->rank ? inno_out_int(out, (int64_t)c->rank) :
	    inno_out_null(out)) != NULL)
		return err;
	if ((err = person ? inno_out_text(out, c->key) :
	    inno_out_null(out)) != NULL ||
	    (err = person ? inno_out_text(out, c->name) :
	    inno_out_null(out)) != NULL ||
	    (err = inno_out_text(out, c->dept)) != NULL ||
	    (err = inno_out_int(out, c->points)) != NULL ||
	    (err = person ? inno_out_null(out) :
	    inno_out_int(out, c->headcount)) != NULL ||
	    (err = person || !res->per_head ? inno_out_int(out, c->points) :
	    c->headcount > 0 ? inno_out_text(out, score) :
	    inno_out_null(out)) != NULL)
		return err;
	if (explain) {
		breakdown(c, cats, sizeof cats);
		if ((err = inno_out_text(out, cats)) != NULL ||
		    (err = inno_out_text(out, c->why)) != NULL)
			return err;
	}
	return inno_out_endrow(out);
}

/* A row saying no one was eligible. */
static const struct inno_error *
write_none(struct inno_out *out, const char *month, const char *award,
    int explain)
{
	const struct inno_error *err;
	int i, n = explain ? 6 : 5;

	if ((err = inno_out_text(out, month)) != NULL ||
	    (err = inno_out_text(out, award)) != NULL)
		return err;
	for (i = 0; i < n; i++)
		if ((err = inno_out_null(out)) != NULL)
			return err;
	if (explain && ((err = inno_out_null(out)) != NULL ||
	    (err = inno_out_text(out, _("no eligible candidate"))) != NULL))
		return err;
	return inno_out_endrow(out);
}

const struct inno_error *
inno_mvp_write(struct inno_out *out, const struct inno_mvp_result *res,
    int explain)
{
	static const char *const names[] = {"month", "award", "rank",
	    "employee_id", "name", "dept", "points", "headcount", "score",
	    "categories", "why"};
	static const enum inno_kind kinds[] = {INNO_TEXT, INNO_TEXT, INNO_NUM,
	    INNO_TEXT, INNO_TEXT, INNO_TEXT, INNO_NUM, INNO_NUM, INNO_NUM,
	    INNO_TEXT, INNO_TEXT};
	static const char *const short_names[] = {"month", "award",
	    "employee_id", "name", "dept", "points", "headcount", "score"};
	static const enum inno_kind short_kinds[] = {INNO_TEXT, INNO_TEXT,
	    INNO_TEXT, INNO_TEXT, INNO_TEXT, INNO_NUM, INNO_NUM, INNO_NUM};
	const struct inno_error *err;
	size_t i;

	if (explain)
		err = inno_out_header(out, 11, names, kinds);
	else
		err = inno_out_header(out, 8, short_names, short_kinds);
	if (err != NULL)
		return err;
	if (!explain) {
		/* A year scheme names its places, and no department. */
		for (i = 0; i < res->npersons && i < res->winners; i++)
			if (!res->persons[i].eligible)
				break;
			else if ((err = write_cand(out, res,
			    &res->persons[i], 1, 0)) != NULL)
				return err;
		if (i == 0 && (err = write_none(out, res->month, "person",
		    0)) != NULL)
			return err;
		if (res->year || res->no_depts)
			return NULL;
		return res->ndepts > 0 && res->depts[0].eligible ?
		    write_cand(out, res, &res->depts[0], 0, 0) :
		    write_none(out, res->month, "dept", 0);
	}
	if (res->npersons == 0 && (err = write_none(out, res->month, "person",
	    1)) != NULL)
		return err;
	for (i = 0; i < res->npersons; i++)
		if ((err = write_cand(out, res, &res->persons[i], 1, 1)) !=
		    NULL)
			return err;
	if (res->year || res->no_depts)
		return NULL;
	if (res->ndepts == 0 && (err = write_none(out, res->month, "dept",
	    1)) != NULL)
		return err;
	for (i = 0; i < res->ndepts; i++)
		if ((err = write_cand(out, res, &res->depts[i], 0, 1)) != NULL)
			return err;
	return NULL;
}

const struct inno_error *
inno_mvp_year_query(struct inno_db *db, const char *year, int64_t top,
    struct inno_stmt **stp)
{
	char first[11], last[11];
	int64_t y;

	if (inno_parse_int(year, strlen(year), 1900, 2999, &y) != NULL)
		return inno_error(INNO_EUSAGE, _("--year=%s: expected a year "
		    "(1900 to 2999)"), year);
	snprintf(first, sizeof first, "%04d-01-01", (int)y);
	snprintf(last, sizeof last, "%04d-12-31", (int)y);
	/* Innovation and CS mileage are combined at year end. */
	return inno_mileage_ranking_query(db, first, last, top, stp);
}

const struct inno_error *
inno_mvp_months(struct inno_db *db, const char *first, const char *last,
    char (**months)[8], size_t *n)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	char (*list)[8] = NULL, (*grown)[8];
	int row;

	*months = NULL;
	*n = 0;
	if ((err = inno_db_query(db, &st, "SELECT month FROM mileage_mvp "
	    "WHERE scheme = 'default' AND month BETWEEN ?1 AND ?2 ORDER BY "
	    "month", "tt", first, last)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((grown = realloc(list, (*n + 1) * sizeof *list)) == NULL) {
			inno_stmt_reset(st);
			free(list);
			*n = 0;
			return inno_error_nomem();
		}
		list = grown;
		snprintf(list[(*n)++], 8, "%s", inno_stmt_text(st, 0));
	}
	if (err != NULL) {
		free(list);
		*n = 0;
		return err;
	}
	*months = list;
	return NULL;
}

void
inno_mvp_figures_release(struct inno_mvp_figures *f)
{
	size_t i;

	for (i = 0; i < f->nplaces; i++) {
		free(f->places[i].scheme);
		free(f->places[i].name);
		free(f->places[i].dept);
	}
	free(f->places);
	f->places = NULL;
	f->nplaces = 0;
}

const struct inno_error *
inno_mvp_figures(struct inno_db *db, const char *first, const char *last,
    struct inno_mvp_figures *out)
{
	const struct inno_error *err;
	struct inno_mvp_place *grown, *p;
	struct inno_stmt *st;
	int row;

	memset(out, 0, sizeof *out);
	/* A monthly result is a YYYY-MM period; a year scheme's is YYYY. */
	if ((err = inno_db_query(db, &st, "SELECT count(DISTINCT employee_id) "
	    "FROM mileage_mvp WHERE length(month) = 7 AND month BETWEEN ?1 AND "
	    "?2 AND employee_id IS NOT NULL GROUP BY scheme", "tt", first,
	    last)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		out->monthly_people += inno_stmt_int(st, 0);
		out->monthly_schemes++;
	}
	if (err != NULL)
		return err;
	/* A year's places count in the period that holds its December. */
	if ((err = inno_db_query(db, &st, "SELECT scheme, month, place, "
	    "inno_employee_name(employee_id), "
	    "inno_dept_name(inno_employee_dept(employee_id)), person_points "
	    "FROM mileage_mvp WHERE length(month) = 4 AND month || '-12' "
	    "BETWEEN ?1 AND ?2 AND employee_id IS NOT NULL ORDER BY month, "
	    "scheme, place", "tt", first, last)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((grown = realloc(out->places, (out->nplaces + 1) *
		    sizeof *grown)) == NULL) {
			inno_stmt_reset(st);
			return inno_error_nomem();
		}
		out->places = grown;
		p = &grown[out->nplaces];
		memset(p, 0, sizeof *p);
		out->nplaces++;
		snprintf(p->year, sizeof p->year, "%s", inno_stmt_text(st, 1));
		p->place = inno_stmt_int(st, 2);
		p->points = inno_stmt_int(st, 5);
		if ((p->scheme = strdup(inno_stmt_text(st, 0))) == NULL ||
		    (p->name = strdup(inno_stmt_text(st, 3))) == NULL ||
		    (p->dept = strdup(inno_stmt_text(st, 4))) == NULL) {
			inno_stmt_reset(st);
			return inno_error_nomem();
		}
	}
	return err;
}

/* One stored result, as inno_mvp_check reads it. */
struct stored {
	char scheme[65];
	char month[8];
	int64_t emp, ppoints, dept, dpoints, head;
	char who[128], dname[256];	/* the winners' names, or "none" */
	char *rules;		/* NULL: stored before the rules were */
};

/* Compares a stored result with its recomputation; adds what differs. */
static const struct inno_error *
check_one(struct inno_db *db, const struct stored *sv, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_mvp_result res;
	const struct inno_mvp_cand *p = NULL, *w = NULL;
	struct rules r;
	char at[96];

	/* The default scheme's results are named by month alone. */
	snprintf(at, sizeof at, strcmp(sv->scheme, "default") ? "%s (scheme "
	    "%s)" : "%s", sv->month, sv->scheme);
	memset(&res, 0, sizeof res);
	snprintf(res.month, sizeof res.month, "%s", sv->month);
	if (sv->rules != NULL) {
		if (rules_parse(sv->rules, &r) != 0) {
			inno_diag_add(d, _("mileage_mvp: %s: the stored rules "
			    "cannot be read"), at);
			return NULL;
		}
	} else if ((err = rules_get(inno_db_config(db), sv->scheme, &r)) !=
	    NULL) {
		if (err->what != INNO_E_NOTFOUND)
			return err;
		inno_diag_add(d, _("mileage_mvp: %s: stored without its rules, "
		    "and its scheme is no longer configured"), at);
		return NULL;
	}
	snprintf(r.scheme, sizeof r.scheme, "%s", sv->scheme);
	snprintf(r.sect, sizeof r.sect, strcmp(sv->scheme, "default") ?
	    "mvp.%s" : "mvp", sv->scheme);
	if ((err = compute(db, &r, places(&r), &res)) != NULL)
		goto done;
	if (res.npersons > 0 && res.persons[0].eligible)
		p = &res.persons[0];
	if (res.ndepts > 0 && res.depts[0].eligible)
		w = &res.depts[0];
	if ((p ? p->id : 0) != sv->emp || (p && p->points != sv->ppoints))
		inno_diag_add(d, _("mileage_mvp: %s: the stored MVP person "
		    "(%s, %lld points) is not what the ledger gives (%s, %lld "
		    "points) under the rules it was decided by"), at,
		    sv->who, (long long)sv->ppoints,
		    p ? p->key : "none", p ? (long long)p->points : 0LL);
	/*
	 * The department's headcount is shown but not compared: it is the
	 * organisation's, not the ledger's, and a later hire (with no
	 * joining date) changes it for every month.
	 */
	if ((w ? w->id : 0) != sv->dept || (w && w->points != sv->dpoints))
		inno_diag_add(d, _("mileage_mvp: %s: the stored MVP department "
		    "(%s, %lld points, %lld staff) is not what the ledger "
		    "gives (%s, %lld points, %lld staff) under the rules it "
		    "was decided by"), at, sv->dname,
		    (long long)sv->dpoints, (long long)sv->head,
		    w ? w->key : "none",
		    w ? (long long)w->points : 0LL,
		    w ? (long long)w->headcount : 0LL);
done:
	inno_mvp_result_release(&res);
	return err;
}

/* One stored place of a year scheme, as check_years reads it. */
struct place {
	char scheme[65];
	char year[8];
	int64_t place, emp, points;
	char who[128];
	char *rules;
};

/* Compares a year's stored places, p[0..n-1], with their recomputation. */
static const struct inno_error *
check_year(struct inno_db *db, const struct place *p, size_t n,
    struct inno_diag *d)
{
	const struct inno_error *err;
	const struct inno_mvp_cand *c;
	struct inno_mvp_result res;
	struct rules r;
	char at[96];
	size_t i, k;

	snprintf(at, sizeof at, "%s (scheme %s)", p[0].year, p[0].scheme);
	if (p[0].rules == NULL || rules_parse(p[0].rules, &r) != 0) {
		inno_diag_add(d, _("mileage_mvp: %s: the stored rules cannot "
		    "be read"), at);
		return NULL;
	}
	snprintf(r.scheme, sizeof r.scheme, "%s", p[0].scheme);
	snprintf(r.sect, sizeof r.sect, "mvp.%s", p[0].scheme);
	memset(&res, 0, sizeof res);
	snprintf(res.month, sizeof res.month, "%s", p[0].year);
	if ((err = compute(db, &r, places(&r), &res)) != NULL)
		goto done;
	for (i = 0, k = 0; i < n || (k < res.npersons && k < res.winners &&
	    res.persons[k].eligible); i++, k++) {
		c = k < res.npersons && k < res.winners &&
		    res.persons[k].eligible ? &res.persons[k] : NULL;
		if (i < n && c != NULL && p[i].emp == c->id &&
		    p[i].points == c->points)
			continue;
		inno_diag_add(d, _("mileage_mvp: %s: stored place %zu (%s, "
		    "%lld points) is not what the ledger gives (%s, %lld "
		    "points) under the rules it was decided by"), at, i + 1,
		    i < n ? p[i].who : "none", i < n ? (long long)p[i].points :
		    0LL, c ? c->key : "none", c ? (long long)c->points : 0LL);
	}
done:
	inno_mvp_result_release(&res);
	return err;
}

/* inno_mvp_check for the year schemes: each year's places recomputed. */
static const struct inno_error *
check_years(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	struct place *list = NULL, *grown;
	size_t n = 0, i, j;
	int row;

	if ((err = inno_db_query(db, &st, "SELECT scheme, month, place, "
	    "coalesce(employee_id, 0), coalesce(person_points, 0), "
	    "coalesce(inno_employee_code(employee_id), 'none'), rules FROM "
	    "mileage_mvp WHERE length(month) = 4 ORDER BY scheme, month, "
	    "place", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((grown = realloc(list, (n + 1) * sizeof *list)) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
		list = grown;
		memset(&list[n], 0, sizeof list[n]);
		snprintf(list[n].scheme, sizeof list[n].scheme, "%s",
		    inno_stmt_text(st, 0));
		snprintf(list[n].year, sizeof list[n].year, "%s",
		    inno_stmt_text(st, 1));
		list[n].place = inno_stmt_int(st, 2);
		list[n].emp = inno_stmt_int(st, 3);
		list[n].points = inno_stmt_int(st, 4);
		snprintf(list[n].who, sizeof list[n].who, "%s",
		    inno_stmt_text(st, 5));
		if (!inno_stmt_isnull(st, 6) && (list[n].rules =
		    strdup(inno_stmt_text(st, 6))) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			n++;
			goto done;
		}
		n++;
	}
	for (i = 0; err == NULL && i < n; i = j) {
		for (j = i + 1; j < n && strcmp(list[j].scheme,
		    list[i].scheme) == 0 && strcmp(list[j].year,
		    list[i].year) == 0; j++)
			continue;
		err = check_year(db, &list[i], j - i, d);
	}
done:
	for (i = 0; i < n; i++)
		free(list[i].rules);
	free(list);
	return err;
}

const struct inno_error *
inno_mvp_check(struct inno_db *db, struct inno_diag *d)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	struct stored *list = NULL, *grown;
	size_t n = 0, i;
	int row;

	/* Read first: the recomputation runs queries of its own. */
	if ((err = inno_db_query(db, &st, "SELECT month, "
	    "coalesce(employee_id, 0), coalesce(person_points, 0), "
	    "coalesce(dept_id, 0), coalesce(dept_points, 0), "
	    "coalesce(dept_headcount, 0), rules, "
	    "coalesce(inno_employee_code(employee_id), 'none'), "
	    "coalesce(inno_dept_name(dept_id), 'none'), scheme FROM "
	    "mileage_mvp WHERE length(month) = 7 AND place = 1 ORDER BY "
	    "scheme <> 'default', scheme, month", NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((grown = realloc(list, (n + 1) * sizeof *list)) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			goto done;
		}
		list = grown;
		memset(&list[n], 0, sizeof list[n]);
		snprintf(list[n].month, sizeof list[n].month, "%s",
		    inno_stmt_text(st, 0));
		list[n].emp = inno_stmt_int(st, 1);
		list[n].ppoints = inno_stmt_int(st, 2);
		list[n].dept = inno_stmt_int(st, 3);
		list[n].dpoints = inno_stmt_int(st, 4);
		list[n].head = inno_stmt_int(st, 5);
		snprintf(list[n].who, sizeof list[n].who, "%s",
		    inno_stmt_text(st, 7));
		snprintf(list[n].dname, sizeof list[n].dname, "%s",
		    inno_stmt_text(st, 8));
		snprintf(list[n].scheme, sizeof list[n].scheme, "%s",
		    inno_stmt_text(st, 9));
		if (!inno_stmt_isnull(st, 6) && (list[n].rules =
		    strdup(inno_stmt_text(st, 6))) == NULL) {
			inno_stmt_reset(st);
			err = inno_error_nomem();
			n++;
			goto done;
		}
		n++;
	}
	for (i = 0; err == NULL && i < n; i++)
		err = check_one(db, &list[i], d);
	if (err == NULL)
		err = check_years(db, d);
done:
	for (i = 0; i < n; i++)
		free(list[i].rules);
	free(list);
	return err;
}
