/*
 * out.c: rows out, in the formats every listing offers.  CSV follows RFC
 * 4180 (CRLF line ends, quotes doubled) and neutralises text a spreadsheet
 * would run as a formula; a table lines up by display width, Hangul being
 * two columns wide; JSON is an array of objects.  Output is written a row at
 * a time (a table excepted), so a listing of millions of rows runs in
 * constant memory.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "inno.h"

struct buf {
	char *s;
	size_t len, cap;
};

struct inno_out {
	FILE *fp;
	enum inno_format fmt;
	enum inno_encoding enc;
	iconv_t cd;
	size_t ncols;
	char **names;
	enum inno_kind *kinds;
	size_t col;		/* cells written in the current row */
	size_t nrows;
	struct buf row;		/* the row being built */
	struct buf conv;
	int started;
	int failed;
	/* Table format: every cell, kept until the end. */
	char **cells;
	size_t ncells, capcells;
};

int
inno_format_parse(const char *s)
{
	static const char *const names[] = {"table", "csv", "tsv", "json",
	    NULL};

	return inno_word_index(names, s);
}

static int
put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 256;
		char *p;
		while (nc < b->len + n + 1)
			nc *= 2;
		if ((p = realloc(b->s, nc)) == NULL)
			return -1;
		b->s = p;
		b->cap = nc;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

static int
puts_(struct buf *b, const char *s)
{
	return put(b, s, strlen(s));
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
csv_field(struct buf *b, const char *s, size_t n)
{
	size_t i;

	if (strcspn(s, ",\"\r\n") >= n && (n == 0 || (s[0] != ' ' &&
	    s[n - 1] != ' ')))
		return put(b, s, n);
	if (put(b, "\"", 1) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] == '"' && put(b, "\"", 1) == -1)
			return -1;
		if (put(b, s + i, 1) == -1)
			return -1;
	}
	return put(b, "\"", 1);
}

int
inno_csv_write_field(FILE *fp, const char *s, size_t n)
{
	struct buf b = {0};
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
tsv_field(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		const char *e = NULL;
		switch (*s) {
		case '\t': e = "\\t"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\\': e = "\\\\"; break;
		}
		if (e != NULL ? puts_(b, e) : put(b, s, 1))
			return -1;
	}
	return 0;
}

static int
json_string(struct buf *b, const char *s)
{
	char esc[8];

	if (put(b, "\"", 1) == -1)
		return -1;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		int rc;
		if (c == '"')
			rc = puts_(b, "\\\"");
		else if (c == '\\')
			rc = puts_(b, "\\\\");
		else if (c == '\n')
			rc = puts_(b, "\\n");
		else if (c == '\r')
			rc = puts_(b, "\\r");
		else if (c == '\t')
			rc = puts_(b, "\\t");
		else if (c < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			rc = puts_(b, esc);
		} else
			rc = put(b, s, 1);
		if (rc == -1)
			return -1;
	}
	return put(b, "\"", 1);
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
	if (enc == INNO_ENC_CP949 && (fmt == INNO_FMT_CSV ||
	    fmt == INNO_FMT_TSV)) {
		o->cd = iconv_open("CP949", "UTF-8");
		if (o->cd == (iconv_t)-1) {
			free(o);
			return inno_error_errno("iconv to CP949");
		}
	}
	*outp = o;
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
	free(o->kinds);
	for (i = 0; i < o->ncells; i++)
		free(o->cells[i]);
	free(o->cells);
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
				if (put(&o->conv, "?", 1) == -1)
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
		return inno_error_errno("write error");
	}
	return NULL;
}

const struct inno_error *
inno_out_header(struct inno_out *o, size_t ncols, const char *const *names,
    const enum inno_kind *kinds)
{
	const struct inno_error *err;
	size_t i;

	if ((o->names = calloc(ncols, sizeof *o->names)) == NULL ||
	    (o->kinds = calloc(ncols, sizeof *o->kinds)) == NULL)
		return inno_error_nomem();
	o->ncols = ncols;
	for (i = 0; i < ncols; i++) {
		if ((o->names[i] = strdup(names[i])) == NULL)
			return inno_error_nomem();
		o->kinds[i] = kinds != NULL ? kinds[i] : INNO_TEXT;
	}
	o->row.len = 0;
	if (o->enc == INNO_ENC_UTF8_BOM && (o->fmt == INNO_FMT_CSV ||
	    o->fmt == INNO_FMT_TSV) && put(&o->row, "\xEF\xBB\xBF", 3) == -1)
		return inno_error_nomem();
	for (i = 0; i < ncols; i++) {
		int rc = 0;
		switch (o->fmt) {
		case INNO_FMT_CSV:
			rc = (i ? put(&o->row, ",", 1) : 0) ||
			    csv_field(&o->row, names[i], strlen(names[i]));
			break;
		case INNO_FMT_TSV:
			rc = (i ? put(&o->row, "\t", 1) : 0) ||
			    tsv_field(&o->row, names[i]);
			break;
		default:
			break;
		}
		if (rc)
			return inno_error_nomem();
	}
	if (o->fmt == INNO_FMT_CSV && put(&o->row, "\r\n", 2) == -1)
		return inno_error_nomem();
	if (o->fmt == INNO_FMT_TSV && put(&o->row, "\n", 1) == -1)
		return inno_error_nomem();
	if (o->fmt == INNO_FMT_JSON && put(&o->row, "[", 1) == -1)
		return inno_error_nomem();
	err = emit(o, o->row.s, o->row.len);
	o->row.len = 0;
	o->started = 1;
	return err;
}

/* Adds a cell already formatted; quoted tells JSON to quote it. */
static const struct inno_error *
cell(struct inno_out *o, const char *s, int isnum, int isnull)
{
	char *copy;
	int rc = 0;

	if (o->col >= o->ncols)
		return inno_error(INNO_ESYS, "output: more cells than columns");
	switch (o->fmt) {
	case INNO_FMT_TABLE:
		if (o->ncells == o->capcells) {
			size_t nc = o->capcells ? o->capcells * 2 : 64;
			char **p = realloc(o->cells, nc * sizeof *p);
			if (p == NULL)
				return inno_error_nomem();
			o->cells = p;
			o->capcells = nc;
		}
		if ((copy = strdup(s)) == NULL)
			return inno_error_nomem();
		o->cells[o->ncells++] = copy;
		break;
	case INNO_FMT_CSV:
		if (o->col > 0)
			rc = put(&o->row, ",", 1);
		if (!isnum && !isnull && inno_out_is_formula(s)) {
			/*
			 * The quote mark goes inside the field: put before a
			 * quoted field ('"=1,2") it would leave the field
			 * unquoted, and a CR or comma in it would start a
			 * new cell that a spreadsheet runs as a formula.
			 */
			if ((copy = inno_strf("'%s", s)) == NULL)
				return inno_error_nomem();
			rc = rc || csv_field(&o->row, copy, strlen(copy));
			free(copy);
		} else
			rc = rc || csv_field(&o->row, s, strlen(s));
		break;
	case INNO_FMT_TSV:
		if (o->col > 0)
			rc = put(&o->row, "\t", 1);
		if (!isnum && !isnull && inno_out_is_formula(s))
			rc = rc || put(&o->row, "'", 1);
		rc = rc || tsv_field(&o->row, s);
		break;
	case INNO_FMT_JSON:
		rc = puts_(&o->row, o->col == 0 ? (o->nrows ? ",\n{" : "\n{") :
		    ",");
		rc = rc || json_string(&o->row, o->names[o->col]) ||
		    put(&o->row, ":", 1);
		if (isnull)
			rc = rc || puts_(&o->row, "null");
		else if (isnum)
			rc = rc || puts_(&o->row, s);
		else
			rc = rc || json_string(&o->row, s);
		break;
	}
	if (rc)
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

const struct inno_error *
inno_out_endrow(struct inno_out *o)
{
	const struct inno_error *err = NULL;

	while (o->col < o->ncols)
		if ((err = inno_out_null(o)) != NULL)
			return err;
	o->col = 0;
	o->nrows++;
	switch (o->fmt) {
	case INNO_FMT_TABLE:
		return NULL;
	case INNO_FMT_CSV:
		if (put(&o->row, "\r\n", 2) == -1)
			return inno_error_nomem();
		break;
	case INNO_FMT_TSV:
		if (put(&o->row, "\n", 1) == -1)
			return inno_error_nomem();
		break;
	case INNO_FMT_JSON:
		if (put(&o->row, "}", 1) == -1)
			return inno_error_nomem();
		break;
	}
	err = emit(o, o->row.s, o->row.len);
	o->row.len = 0;
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

static int
pad(struct buf *b, size_t n)
{
	while (n-- > 0)
		if (put(b, " ", 1) == -1)
			return -1;
	return 0;
}

/* Lays the table out: two spaces between columns, numbers on the right. */
static const struct inno_error *
table_flush(struct inno_out *o)
{
	const struct inno_error *err;
	size_t *w, r, c, nrows = o->ncols ? o->ncells / o->ncols : 0;

	if ((w = calloc(o->ncols + 1, sizeof *w)) == NULL)
		return inno_error_nomem();
	for (c = 0; c < o->ncols; c++)
		w[c] = inno_text_width(o->names[c]);
	for (r = 0; r < nrows; r++)
		for (c = 0; c < o->ncols; c++) {
			size_t cw = inno_text_width(o->cells[r * o->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
	for (r = 0; r <= nrows; r++) {
		o->row.len = 0;
		for (c = 0; c < o->ncols; c++) {
			const char *s = r == 0 ? o->names[c] :
			    o->cells[(r - 1) * o->ncols + c];
			size_t sw = inno_text_width(s), gap = w[c] - sw;
			int last = c + 1 == o->ncols, rc;
			if (c > 0 && put(&o->row, "  ", 2) == -1)
				goto nomem;
			if (o->kinds[c] == INNO_NUM)
				rc = pad(&o->row, gap) || puts_(&o->row, s);
			else
				rc = puts_(&o->row, s) ||
				    (last ? 0 : pad(&o->row, gap));
			if (rc)
				goto nomem;
		}
		while (o->row.len > 0 && o->row.s[o->row.len - 1] == ' ')
			o->row.len--;
		if (put(&o->row, "\n", 1) == -1)
			goto nomem;
		if ((err = emit(o, o->row.s, o->row.len)) != NULL) {
			free(w);
			return err;
		}
	}
	free(w);
	return NULL;
nomem:
	free(w);
	return inno_error_nomem();
}

const struct inno_error *
inno_out_finish(struct inno_out *o)
{
	const struct inno_error *err = NULL;

	if (o->started && o->fmt == INNO_FMT_TABLE)
		err = table_flush(o);
	else if (o->started && o->fmt == INNO_FMT_JSON)
		err = emit(o, o->nrows ? "\n]\n" : "]\n", o->nrows ? 3 : 2);
	if (err != NULL)
		return err;
	if (fflush(o->fp) == EOF || ferror(o->fp))
		return inno_error_errno("write error");
	return NULL;
}
