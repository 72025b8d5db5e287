/*
 * out.c: rows out, in the formats every listing offers.  CSV follows RFC
 * 4180 (CRLF line ends, quotes doubled) and neutralises text a spreadsheet
 * would run as a formula; TSV escapes tab, line ends and backslash; JSON is
 * an array of objects with strings escaped as RFC 8259 says.  These keep
 * the data exact.  A table is for a reader at a terminal: it lines up by
 * display width, fits the terminal's width by clipping its widest text
 * columns with an ellipsis, and shows control characters escaped, so that
 * a cell never breaks the table and nothing stored can act on the
 * terminal.  Every format is written a row at a time; a table measures its
 * columns over its first INNO_TABLE_SAMPLE rows and then streams, so a
 * listing of millions of rows runs in constant memory in every format.
 *
 * Only a table is for a person, so only a table's header is translated:
 * each column name is looked up in the catalogue in the context "column"
 * (lib/colnames.c lists them for xgettext), and CSV, TSV and JSON keep the
 * names scripts match on, in every locale.
 */
#include <sys/ioctl.h>

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "inno.h"

/* The narrowest a text column is clipped to when a table must fit. */
#define MIN_CLIP 3

/* A cell of the current row: its text in the row's arena. */
struct slot {
	size_t off, len;
	int isnum, isnull;
};

struct inno_out {
	FILE *fp;
	enum inno_format fmt;
	enum inno_encoding enc;
	iconv_t cd;
	size_t ncols;		/* columns the caller writes */
	char **names;
	const char **heads;	/* table format: the names as shown */
	enum inno_kind *kinds;
	char *colspec;		/* the columns to show, or NULL: all */
	size_t nshow;		/* columns shown */
	size_t *show;		/* shown column k is the caller's show[k] */
	size_t col;		/* cells written in the current row */
	size_t nrows;
	struct slot *slots;	/* the current row, by the caller's column */
	struct inno_buf cells;	/* the current row's text */
	struct inno_buf row;		/* the row being rendered */
	struct inno_buf conv;
	int started;
	int failed;
	/*
	 * Table format: the first rows, escaped, by shown column, kept until
	 * the widths are known; then widths, and every later row is written
	 * as it comes.
	 */
	size_t width;		/* the width to fit; 0: no limit */
	char **sample;
	size_t nsample;
	size_t *w;		/* NULL until laid out */
};

int
inno_format_parse(const char *s)
{
	static const char *const names[] = {"table", "csv", "tsv", "json",
	    NULL};

	return inno_word_index(names, s);
}

static int
puts_(struct inno_buf *b, const char *s)
{
	return inno_buf_put(b, s, strlen(s));
}

int
inno_out_is_formula(const char *s)
{
	static const char *const wide[] = {"\xEF\xBC\x9D", "\xEF\xBC\x8B",
	    "\xEF\xBC\x8D", "\xEF\xBC\xA0", NULL};	/* ＝ ＋ － ＠ */
	int i;

	switch (s[0]) {
	case '=': case '+': case '-': case '@': case '\t': case '\r':
		return 1;
	}
	for (i = 0; wide[i] != NULL; i++)
		if (strncmp(s, wide[i], 3) == 0)
			return 1;
	return 0;
}

/* Appends a CSV field, quoted when it must be (RFC 4180). */
static int
csv_field(struct inno_buf *b, const char *s, size_t n)
{
	size_t i;

	if (strcspn(s, ",\"\r\n") >= n && (n == 0 || (s[0] != ' ' &&
	    s[n - 1] != ' ')))
		return inno_buf_put(b, s, n);
	if (inno_buf_put(b, "\"", 1) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] == '"' && inno_buf_put(b, "\"", 1) == -1)
			return -1;
		if (inno_buf_put(b, s + i, 1) == -1)
			return -1;
	}
	return inno_buf_put(b, "\"", 1);
}

int
inno_csv_write_field(FILE *fp, const char *s, size_t n)
{
	struct inno_buf b = {0};
	int rc;

	if (csv_field(&b, s, n) == -1) {
		free(b.s);
		return -1;
	}
	rc = fwrite(b.s, 1, b.len, fp) == b.len ? 0 : -1;
	free(b.s);
	return rc;
}

/* TSV has no quoting: tabs, line ends and backslashes are escaped. */
static int
tsv_field(struct inno_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		const char *e = NULL;
		switch (*s) {
		case '\t': e = "\\t"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\\': e = "\\\\"; break;
		}
		if (e != NULL ? puts_(b, e) : inno_buf_put(b, s, 1))
			return -1;
	}
	return 0;
}

/*
 * The width a table is fitted to: $COLUMNS when it holds a positive
 * number (as ls(1) takes it, so a script can ask for a width), else the
 * terminal's when fp is one, else none.
 */
static size_t
table_width(FILE *fp)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	int64_t n;

	if (env != NULL && inno_parse_int(env, strlen(env), 1, 100000,
	    &n) == NULL)
		return (size_t)n;
	if (isatty(fileno(fp)) && ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

const struct inno_error *
inno_out_new(struct inno_out **outp, FILE *fp, enum inno_format fmt,
    enum inno_encoding enc)
{
	struct inno_out *o;

	*outp = NULL;
	if ((o = calloc(1, sizeof *o)) == NULL)
		return inno_error_nomem();
	o->fp = fp;
	o->fmt = fmt;
	o->enc = enc;
	o->cd = (iconv_t)-1;
	if (fmt == INNO_FMT_TABLE)
		o->width = table_width(fp);
	if (enc == INNO_ENC_CP949 && (fmt == INNO_FMT_CSV ||
	    fmt == INNO_FMT_TSV)) {
		o->cd = iconv_open("CP949", "UTF-8");
		if (o->cd == (iconv_t)-1) {
			free(o);
			return inno_error_errno(_("iconv to CP949"));
		}
	}
	*outp = o;
	return NULL;
}

void
inno_out_set_width(struct inno_out *o, size_t width)
{
	o->width = width;
}

const struct inno_error *
inno_out_columns(struct inno_out *o, const char *list)
{
	if (o->started)
		return inno_error(INNO_ESYS, _("output: columns chosen "
		    "after the header"));
	free(o->colspec);
	o->colspec = NULL;
	if (list != NULL && (o->colspec = strdup(list)) == NULL)
		return inno_error_nomem();
	return NULL;
}

void
inno_out_free(struct inno_out *o)
{
	size_t i;

	if (o == NULL)
		return;
	if (o->cd != (iconv_t)-1)
		iconv_close(o->cd);
	for (i = 0; i < o->ncols; i++)
		free(o->names[i]);
	free(o->names);
	free(o->heads);
	free(o->kinds);
	free(o->colspec);
	free(o->show);
	free(o->slots);
	for (i = 0; i < o->nsample; i++)
		free(o->sample[i]);
	free(o->sample);
	free(o->w);
	free(o->cells.s);
	free(o->row.s);
	free(o->conv.s);
	free(o);
}

/*
 * Writes bytes in the output encoding.  A character CP949 cannot hold is
 * written as '?': Korean Excel gets every Hangul syllable it can show.
 */
static const struct inno_error *
emit(struct inno_out *o, const char *s, size_t n)
{
	if (o->cd != (iconv_t)-1) {
		char *in = (char *)s, *out;
		size_t inleft = n, outleft;

		o->conv.len = 0;
		while (inleft > 0) {
			if (o->conv.cap - o->conv.len < inleft * 2 + 16) {
				size_t nc = o->conv.len + inleft * 2 + 64;
				char *p = realloc(o->conv.s, nc);
				if (p == NULL)
					return inno_error_nomem();
				o->conv.s = p;
				o->conv.cap = nc;
			}
			out = o->conv.s + o->conv.len;
			outleft = o->conv.cap - o->conv.len;
			if (iconv(o->cd, &in, &inleft, &out, &outleft) ==
			    (size_t)-1 && errno != E2BIG) {
				o->conv.len = (size_t)(out - o->conv.s);
				/* Skip the character and write '?'. */
				in++;
				inleft--;
				while (inleft > 0 && ((unsigned char)*in &
				    0xC0) == 0x80) {
					in++;
					inleft--;
				}
				if (inno_buf_put(&o->conv, "?", 1) == -1)
					return inno_error_nomem();
				continue;
			}
			o->conv.len = (size_t)(out - o->conv.s);
		}
		s = o->conv.s;
		n = o->conv.len;
	}
	if (n > 0 && fwrite(s, 1, n, o->fp) != n) {
		o->failed = 1;
		return inno_error_errno(_("write error"));
	}
	return NULL;
}

/*
 * Chooses the shown columns from o->colspec, "a,b,c", in that order: every
 * name must be a column, once.  Without a list every column is shown.
 */
static const struct inno_error *
choose_columns(struct inno_out *o)
{
	const char *p, *e;
	size_t k, i, len;

	if ((o->show = calloc(o->ncols + 1, sizeof *o->show)) == NULL)
		return inno_error_nomem();
	if (o->colspec == NULL) {
		for (k = 0; k < o->ncols; k++)
			o->show[k] = k;
		o->nshow = o->ncols;
		return NULL;
	}
	for (p = o->colspec, k = 0;; p = e + 1) {
		e = strchr(p, ',');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		for (i = 0; i < o->ncols; i++)
			if (strlen(o->names[i]) == len &&
			    strncmp(o->names[i], p, len) == 0)
				break;
		if (len == 0)
			return inno_error(INNO_EUSAGE, _("--columns: empty "
			    "column name in '%s'"), o->colspec);
		if (i == o->ncols) {
			/* Naming the columns there are spares a --help. */
			char have[1024];
			size_t n = 0, j;

			have[0] = '\0';
			for (j = 0; j < o->ncols && n < sizeof have; j++)
				n += (size_t)snprintf(have + n, sizeof have - n,
				    "%s%s", j > 0 ? "," : "", o->names[j]);
			return inno_error(INNO_EUSAGE, _("--columns: no column "
			    "'%.*s' in this listing; it has %s"), (int)len, p,
			    have);
		}
		for (size_t j = 0; j < k; j++)
			if (o->show[j] == i)
				return inno_error(INNO_EUSAGE, _("--columns: "
				    "'%.*s' named twice"), (int)len, p);
		if (k == o->ncols)
			return inno_error(INNO_EUSAGE, _("--columns: too "
			    "many columns"));
		o->show[k++] = i;
		if (e == NULL)
			break;
	}
	o->nshow = k;
	return NULL;
}

/*
 * The title a table shows over the column named name: its translation in
 * the context "column" ("column" EOT name, as pgettext keys it), or the
 * name itself when the catalogue has none.  A name too long for the key
 * buffer is shown as it is.  The result is the catalogue's or name's
 * storage: the caller neither frees it nor outlives name with it.
 */
static const char *
column_title(const char *name)
{
	char key[128];
	const char *t;
	int n;

	n = snprintf(key, sizeof key, "column\004%s", name);
	if (n < 0 || (size_t)n >= sizeof key)
		return name;
	t = _(key);
	/* Untranslated, dgettext gives back its argument: the key. */
	return t == key ? name : t;
}

const struct inno_error *
inno_out_header(struct inno_out *o, size_t ncols, const char *const *names,
    const enum inno_kind *kinds)
{
	const struct inno_error *err;
	size_t i, k;

	if ((o->names = calloc(ncols + 1, sizeof *o->names)) == NULL ||
	    (o->kinds = calloc(ncols + 1, sizeof *o->kinds)) == NULL ||
	    (o->slots = calloc(ncols + 1, sizeof *o->slots)) == NULL)
		return inno_error_nomem();
	o->ncols = ncols;
	for (i = 0; i < ncols; i++) {
		if ((o->names[i] = strdup(names[i])) == NULL)
			return inno_error_nomem();
		o->kinds[i] = kinds != NULL ? kinds[i] : INNO_TEXT;
	}
	if ((err = choose_columns(o)) != NULL)
		return err;
	o->started = 1;
	if (o->fmt == INNO_FMT_TABLE) {
		if ((o->heads = calloc(ncols + 1, sizeof *o->heads)) == NULL)
			return inno_error_nomem();
		for (i = 0; i < ncols; i++)
			o->heads[i] = column_title(o->names[i]);
		return NULL;	/* the header is laid out with the rows */
	}
	o->row.len = 0;
	if (o->enc == INNO_ENC_UTF8_BOM && (o->fmt == INNO_FMT_CSV ||
	    o->fmt == INNO_FMT_TSV) && inno_buf_put(&o->row, "\xEF\xBB\xBF", 3) == -1)
		return inno_error_nomem();
	for (k = 0; k < o->nshow; k++) {
		const char *name = names[o->show[k]];
		int rc = 0;
		switch (o->fmt) {
		case INNO_FMT_CSV:
			rc = (k ? inno_buf_put(&o->row, ",", 1) : 0) ||
			    csv_field(&o->row, name, strlen(name));
			break;
		case INNO_FMT_TSV:
			rc = (k ? inno_buf_put(&o->row, "\t", 1) : 0) ||
			    tsv_field(&o->row, name);
			break;
		default:
			break;
		}
		if (rc)
			return inno_error_nomem();
	}
	if (o->fmt == INNO_FMT_CSV && inno_buf_put(&o->row, "\r\n", 2) == -1)
		return inno_error_nomem();
	if (o->fmt == INNO_FMT_TSV && inno_buf_put(&o->row, "\n", 1) == -1)
		return inno_error_nomem();
	if (o->fmt == INNO_FMT_JSON && inno_buf_put(&o->row, "[", 1) == -1)
		return inno_error_nomem();
	err = emit(o, o->row.s, o->row.len);
	o->row.len = 0;
	return err;
}

/*
 * Keeps a cell of the current row until the row ends, when it is written
 * in the row's shown order.
 */
static const struct inno_error *
cell(struct inno_out *o, const char *s, int isnum, int isnull)
{
	struct slot *sl;
	size_t n = strlen(s);

	if (o->col >= o->ncols)
		return inno_error(INNO_ESYS, _("output: more cells than "
		    "columns"));
	sl = &o->slots[o->col];
	sl->off = o->cells.len;
	sl->len = n;
	sl->isnum = isnum;
	sl->isnull = isnull;
	/* Each cell is stored with its NUL, so it reads as a C string. */
	if (inno_buf_put(&o->cells, s, n) == -1 || inno_buf_put(&o->cells, "", 1) == -1)
		return inno_error_nomem();
	o->col++;
	return NULL;
}

const struct inno_error *
inno_out_text(struct inno_out *o, const char *s)
{
	return cell(o, s != NULL ? s : "", 0, s == NULL);
}

const struct inno_error *
inno_out_int(struct inno_out *o, int64_t v)
{
	char num[32];

	snprintf(num, sizeof num, "%lld", (long long)v);
	return cell(o, num, 1, 0);
}

const struct inno_error *
inno_out_null(struct inno_out *o)
{
	return cell(o, "", 0, 1);
}

/* Renders the current row's cells into o->row in CSV, TSV or JSON. */
static int
render_row(struct inno_out *o)
{
	size_t k;
	int rc = 0;
	char *copy;

	for (k = 0; k < o->nshow && rc == 0; k++) {
		const struct slot *sl = &o->slots[o->show[k]];
		const char *s = o->cells.s + sl->off;
		int isnum = sl->isnum, isnull = sl->isnull;
		switch (o->fmt) {
		case INNO_FMT_CSV:
			if (k > 0)
				rc = inno_buf_put(&o->row, ",", 1);
			if (!isnum && !isnull && inno_out_is_formula(s)) {
				/*
				 * The quote mark goes inside the field: put
				 * before a quoted field ('"=1,2") it would
				 * leave the field unquoted, and a CR or comma
				 * in it would start a new cell that a
				 * spreadsheet runs as a formula.
				 */
				if ((copy = inno_strf("'%s", s)) == NULL)
					return -1;
				rc = rc || csv_field(&o->row, copy,
				    strlen(copy));
				free(copy);
			} else
				rc = rc || csv_field(&o->row, s, sl->len);
			break;
		case INNO_FMT_TSV:
			if (k > 0)
				rc = inno_buf_put(&o->row, "\t", 1);
			if (!isnum && !isnull && inno_out_is_formula(s))
				rc = rc || inno_buf_put(&o->row, "'", 1);
			rc = rc || tsv_field(&o->row, s);
			break;
		case INNO_FMT_JSON:
			rc = puts_(&o->row, k == 0 ? (o->nrows ? ",\n{" :
			    "\n{") : ",");
			rc = rc || inno_buf_json(&o->row, o->names[o->show[k]]) ||
			    inno_buf_put(&o->row, ":", 1);
			if (isnull)
				rc = rc || puts_(&o->row, "null");
			else if (isnum)
				rc = rc || puts_(&o->row, s);
			else
				rc = rc || inno_buf_json(&o->row, s);
			break;
		case INNO_FMT_TABLE:
			break;
		}
	}
	if (o->nshow == 0 && o->fmt == INNO_FMT_JSON)
		rc = puts_(&o->row, o->nrows ? ",\n{" : "\n{");
	if (rc)
		return -1;
	switch (o->fmt) {
	case INNO_FMT_CSV:
		return inno_buf_put(&o->row, "\r\n", 2);
	case INNO_FMT_TSV:
		return inno_buf_put(&o->row, "\n", 1);
	case INNO_FMT_JSON:
		return inno_buf_put(&o->row, "}", 1);
	case INNO_FMT_TABLE:
		break;
	}
	return 0;
}

/* A table cell as shown: escaped unless it is plain. */
static char *
table_text(const char *s)
{
	return inno_text_plain(s) ? strdup(s) : inno_text_escape(s);
}

static int
pad(struct inno_buf *b, size_t n)
{
	static const char spaces[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		if (inno_buf_put(b, spaces, k) == -1)
			return -1;
		n -= k;
	}
	return 0;
}

/*
 * Appends one cell of column k, shown text s, to o->row: numbers on the
 * right and never clipped, text on the left and clipped with an ellipsis
 * when wider than its column.
 */
static int
table_cell(struct inno_out *o, size_t k, const char *s)
{
	size_t sw = inno_text_width(s), w = o->w[k];
	int last = k + 1 == o->nshow;

	if (k > 0 && inno_buf_put(&o->row, "  ", 2) == -1)
		return -1;
	if (o->kinds[o->show[k]] == INNO_NUM)
		return (sw < w ? pad(&o->row, w - sw) : 0) || puts_(&o->row, s);
	if (sw > w) {
		size_t keep = inno_text_clip(s, w > 0 ? w - 1 : 0);
		size_t start = o->row.len;
		if (inno_buf_put(&o->row, s, keep) == -1)
			return -1;
		sw = inno_text_width(o->row.s + start);
		if (w > 0) {
			if (puts_(&o->row, "\xE2\x80\xA6") == -1)
				return -1;
			sw++;
		}
	} else if (puts_(&o->row, s) == -1)
		return -1;
	return last || sw >= w ? 0 : pad(&o->row, w - sw);
}

/* Writes the line in o->row, without trailing spaces. */
static const struct inno_error *
table_line(struct inno_out *o)
{
	const struct inno_error *err;

	while (o->row.len > 0 && o->row.s[o->row.len - 1] == ' ')
		o->row.len--;
	if (inno_buf_put(&o->row, "\n", 1) == -1)
		return inno_error_nomem();
	err = emit(o, o->row.s, o->row.len);
	o->row.len = 0;
	return err;
}

/*
 * Fixes the column widths from the header and the sample rows, then fits
 * them into o->width: the text columns are lowered to one level, the
 * widest first, never below MIN_CLIP (or their own width), and numbers
 * keep theirs.  When even that is too wide the table is as narrow as it
 * can be, and wider than the terminal.
 */
static const struct inno_error *
table_layout(struct inno_out *o)
{
	size_t *w, k, r, fixed, total, lo, hi, level, slack;

	if ((w = calloc(o->nshow + 1, sizeof *w)) == NULL)
		return inno_error_nomem();
	o->w = w;
	for (k = 0; k < o->nshow; k++)
		w[k] = inno_text_width(o->heads[o->show[k]]);
	for (r = 0; r < o->nsample; r++) {
		size_t cw = inno_text_width(o->sample[r]);
		k = r % o->nshow;
		if (cw > w[k])
			w[k] = cw;
	}
	if (o->width == 0 || o->nshow == 0)
		return NULL;
	fixed = 2 * (o->nshow - 1);
	total = fixed;
	hi = 0;
	for (k = 0; k < o->nshow; k++) {
		total += w[k];
		if (o->kinds[o->show[k]] == INNO_NUM)
			fixed += w[k];
		else if (w[k] > hi)
			hi = w[k];
	}
	if (total <= o->width)
		return NULL;
	/* The highest level at which the text columns fit, by bisection. */
	lo = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2, sum = fixed;
		for (k = 0; k < o->nshow; k++)
			if (o->kinds[o->show[k]] != INNO_NUM)
				sum += w[k] < mid ? w[k] : mid;
		if (sum <= o->width)
			lo = mid;
		else
			hi = mid - 1;
	}
	level = lo > MIN_CLIP ? lo : MIN_CLIP;
	total = fixed;
	for (k = 0; k < o->nshow; k++)
		if (o->kinds[o->show[k]] != INNO_NUM) {
			if (w[k] > level)
				w[k] = level;
			total += w[k];
		}
	/* What the level left over goes to the clipped columns, in order. */
	slack = total < o->width ? o->width - total : 0;
	for (k = 0; k < o->nshow && slack > 0; k++) {
		size_t natural = inno_text_width(o->heads[o->show[k]]);
		for (r = k; r < o->nsample; r += o->nshow) {
			size_t cw = inno_text_width(o->sample[r]);
			if (cw > natural)
				natural = cw;
		}
		if (o->kinds[o->show[k]] != INNO_NUM && natural > w[k]) {
			size_t more = natural - w[k] < slack ? natural - w[k] :
			    slack;
			w[k] += more;
			slack -= more;
		}
	}
	return NULL;
}

/* Lays out the table and writes the header and the rows kept so far. */
static const struct inno_error *
table_start(struct inno_out *o)
{
	const struct inno_error *err;
	size_t k, r;
	char *s;

	if ((err = table_layout(o)) != NULL)
		return err;
	o->row.len = 0;
	for (k = 0; k < o->nshow; k++) {
		if ((s = table_text(o->heads[o->show[k]])) == NULL)
			return inno_error_nomem();
		if (table_cell(o, k, s) == -1) {
			free(s);
			return inno_error_nomem();
		}
		free(s);
	}
	if ((err = table_line(o)) != NULL)
		return err;
	for (r = 0; r < o->nsample; r++) {
		k = r % o->nshow;
		if (table_cell(o, k, o->sample[r]) == -1)
			return inno_error_nomem();
		free(o->sample[r]);
		o->sample[r] = NULL;
		if (k + 1 == o->nshow && (err = table_line(o)) != NULL)
			return err;
	}
	o->nsample = 0;
	return NULL;
}

/* Takes the current row into the table: kept while sampling, else written. */
static const struct inno_error *
table_row(struct inno_out *o)
{
	const struct inno_error *err;
	size_t k;
	char *s;

	if (o->nshow == 0)
		return NULL;
	if (o->w == NULL && o->sample == NULL &&
	    (o->sample = calloc(INNO_TABLE_SAMPLE * o->nshow,
	    sizeof *o->sample)) == NULL)
		return inno_error_nomem();
	for (k = 0; k < o->nshow; k++) {
		const struct slot *sl = &o->slots[o->show[k]];
		const char *text = o->cells.s + sl->off;
		int rc;
		if (o->w == NULL) {
			if ((s = table_text(text)) == NULL)
				return inno_error_nomem();
			o->sample[o->nsample++] = s;
			continue;
		}
		/* Streaming, a plain cell is written from where it is. */
		if (inno_text_plain(text)) {
			if (table_cell(o, k, text) == -1)
				return inno_error_nomem();
			continue;
		}
		if ((s = inno_text_escape(text)) == NULL)
			return inno_error_nomem();
		rc = table_cell(o, k, s);
		free(s);
		if (rc == -1)
			return inno_error_nomem();
	}
	if (o->w != NULL)
		return table_line(o);
	if (o->nsample == INNO_TABLE_SAMPLE * o->nshow &&
	    (err = table_start(o)) != NULL)
		return err;
	return NULL;
}

const struct inno_error *
inno_out_endrow(struct inno_out *o)
{
	const struct inno_error *err = NULL;

	while (o->col < o->ncols)
		if ((err = inno_out_null(o)) != NULL)
			return err;
	if (o->fmt == INNO_FMT_TABLE)
		err = table_row(o);
	else {
		o->row.len = 0;
		if (render_row(o) == -1)
			err = inno_error_nomem();
		else
			err = emit(o, o->row.s, o->row.len);
		o->row.len = 0;
	}
	o->cells.len = 0;
	o->col = 0;
	o->nrows++;
	return err;
}

const struct inno_error *
inno_out_stmt(struct inno_out *o, struct inno_stmt *st)
{
	const struct inno_error *err;
	int row, i, n = inno_stmt_ncols(st);

	if (!o->started) {
		const char **names = calloc((size_t)n, sizeof *names);
		if (names == NULL)
			return inno_error_nomem();
		for (i = 0; i < n; i++)
			names[i] = inno_stmt_colname(st, i);
		err = inno_out_header(o, (size_t)n, names, NULL);
		free(names);
		if (err != NULL)
			return err;
	}
	for (;;) {
		if ((err = inno_stmt_step(st, &row)) != NULL)
			return err;
		if (!row)
			break;
		for (i = 0; i < n; i++) {
			if (inno_stmt_isnull(st, i))
				err = inno_out_null(o);
			else if (inno_stmt_isnum(st, i) == 1) {
				if ((size_t)i < o->ncols)
					o->kinds[i] = INNO_NUM;
				err = inno_out_int(o, inno_stmt_int(st, i));
			} else
				err = inno_out_text(o, inno_stmt_text(st, i));
			if (err != NULL) {
				inno_stmt_reset(st);
				return err;
			}
		}
		if ((err = inno_out_endrow(o)) != NULL) {
			inno_stmt_reset(st);
			return err;
		}
	}
	inno_stmt_reset(st);
	return NULL;
}

const struct inno_error *
inno_out_finish(struct inno_out *o)
{
	const struct inno_error *err = NULL;

	if (o->started && o->fmt == INNO_FMT_TABLE && o->w == NULL)
		err = table_start(o);
	else if (o->started && o->fmt == INNO_FMT_JSON)
		err = emit(o, o->nrows ? "\n]\n" : "]\n", o->nrows ? 3 : 2);
	if (err != NULL)
		return err;
	if (fflush(o->fp) == EOF || ferror(o->fp))
		return inno_error_errno(_("write error"));
	return NULL;
}
