/*
 * csvio.c: CSV input through libcsv.  The reader feeds libcsv one line at a
 * time so that every record knows the line it started on (libcsv itself
 * keeps no positions and skips blank lines), converts CP949 input with
 * iconv, strips a UTF-8 byte order mark, caps the size of a field, and
 * hashes every byte it reads so a batch can be identified by its content.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "inno.h"
#include "sha256.h"
#include "i18n.h"

#define CHUNK 65536

/* One parsed record: fields stored back to back, each NUL-terminated. */
struct record {
	struct inno_buf text;	/* the fields, each ended by a NUL */
	size_t *off;		/* start of each field in text */
	size_t *flen;		/* length of each field */
	size_t nf, capf;
	size_t line;
};

struct inno_csv {
	FILE *fp;
	char *name;
	struct csv_parser p;
	int p_init;
	iconv_t cd;		/* (iconv_t)-1 for UTF-8 input */
	struct sha256 sha;

	char inbuf[CHUNK];	/* raw bytes read */
	size_t inlen, inpos;
	char *conv;		/* converted text (CP949 input only) */
	size_t convcap;
	char carry[8];		/* an incomplete multibyte sequence */
	size_t ncarry;
	char *text;		/* UTF-8 text not yet fed to libcsv */
	size_t textlen, textpos;

	int eof;
	int first_bytes;	/* no byte seen yet: a BOM may come */
	size_t line;		/* line of the next byte to feed */
	int rec_open;		/* a record has started and not ended */
	size_t rec_line;

	struct record cur;	/* being built by the callbacks */
	struct record *ready;	/* completed, waiting to be handed out */
	size_t nready, capready, readpos;
	struct record out;	/* the record handed to the caller */

	char **cols;		/* the header */
	size_t ncols;
	int oom;
	int toolong;		/* 1 + the column of a field past the cap */
};

static size_t max_field = 65536;

/* libcsv grows its field buffer through this; refuse past the cap. */
static void *
capped_realloc(void *p, size_t n)
{
	if (n > max_field + 256)
		return NULL;
	return realloc(p, n);
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
record_release(struct record *r)
{
	free(r->text.s);
	free(r->off);
	free(r->flen);
	memset(r, 0, sizeof *r);
}

static int
record_add(struct record *r, const char *s, size_t n)
{
	if (r->nf == r->capf) {
		size_t nc = r->capf ? r->capf * 2 : 16;
		size_t *o = realloc(r->off, nc * sizeof *o);
		if (o == NULL)
			return -1;
		r->off = o;
		o = realloc(r->flen, nc * sizeof *o);
		if (o == NULL)
			return -1;
		r->flen = o;
		r->capf = nc;
	}
	r->off[r->nf] = r->text.len;
	if (inno_buf_put(&r->text, s, n) == -1)
		return -1;
	/* The NUL the buffer ends with is the field's end. */
	r->text.len++;
	r->flen[r->nf] = n;
	r->nf++;
	return 0;
}

static void
on_field(void *s, size_t n, void *arg)
{
	struct inno_csv *c = arg;

	if (n > max_field) {
		if (!c->toolong)
			c->toolong = (int)c->cur.nf + 1;
		return;
	}
	if (record_add(&c->cur, s != NULL ? s : "", s != NULL ? n : 0) == -1)
		c->oom = 1;
}

static void
on_record(int term, void *arg)
{
	struct inno_csv *c = arg;
	struct record *r;

	(void)term;
	if (c->nready == c->capready) {
		size_t nc = c->capready ? c->capready * 2 : 4;
		struct record *n = realloc(c->ready, nc * sizeof *n);
		if (n == NULL) {
			c->oom = 1;
			return;
		}
		memset(n + c->capready, 0, (nc - c->capready) * sizeof *n);
		c->ready = n;
		c->capready = nc;
	}
	r = &c->ready[c->nready++];
	record_release(r);
	*r = c->cur;
	r->line = c->rec_line;
	memset(&c->cur, 0, sizeof c->cur);
	c->rec_open = 0;
	/*
	 * A bare CR ends a record in the middle of a line as we count them:
	 * a record that follows in the same piece starts on this line, not
	 * on the line the previous record started on.
	 */
	c->rec_line = c->line;
}

size_t
inno_csv_line(const struct inno_csv *c)
{
	return c->out.line;
}

size_t
inno_csv_nfields(const struct inno_csv *c)
{
	return c->out.nf;
}

const char *
inno_csv_field(const struct inno_csv *c, size_t i, size_t *len)
{
	if (i >= c->out.nf)
		return NULL;
	if (len != NULL)
		*len = c->out.flen[i];
	return c->out.text.s + c->out.off[i];
}

size_t
inno_csv_ncols(const struct inno_csv *c)
{
	return c->ncols;
}

const char *
inno_csv_colname(const struct inno_csv *c, size_t i)
{
	return i < c->ncols ? c->cols[i] : "";
}

int
inno_csv_find(const struct inno_csv *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->ncols; i++)
		if (strcmp(c->cols[i], name) == 0)
			return (int)i;
	return -1;
}

void
inno_csv_digest(const struct inno_csv *c, char hex[65])
{
	sha256_hex(&c->sha, hex);
}

int
inno_encoding_parse(const char *s)
{
	if (strcmp(s, "utf-8") == 0 || strcmp(s, "utf8") == 0)
		return INNO_ENC_UTF8;
	if (strcmp(s, "utf-8-bom") == 0)
		return INNO_ENC_UTF8_BOM;
	if (strcmp(s, "cp949") == 0 || strcmp(s, "euc-kr") == 0)
		return INNO_ENC_CP949;
	return -1;
}

/* The column being parsed, for messages about malformed CSV. */
static const char *
parse_column(struct inno_csv *c)
{
	size_t col = c->toolong ? (size_t)c->toolong - 1 : c->cur.nf;

	if (c->ncols == 0)
		return "header";
	if (col < c->ncols)
		return c->cols[col];
	return _("extra field");
}

static const struct inno_error *
parse_error(struct inno_csv *c, size_t line)
{
	int e = csv_error(&c->p);

	if (c->oom)
		return inno_error_nomem();
	if (c->toolong || e == CSV_ENOMEM || e == CSV_ETOOBIG)
		return inno_error(INNO_EINPUT, _("%s:%zu: %s: field longer "
		    "than %zu "
		    "bytes"), c->name, line, parse_column(c), max_field);
	return inno_error(INNO_EINPUT, _("%s:%zu: %s: malformed CSV (a quote "
	    "inside an unquoted field, text after a closing quote, or an "
	    "unclosed quote)"), c->name, line, parse_column(c));
}

/*
 * Refills c->text with converted UTF-8 from the file.  Sets c->eof when the
 * file is exhausted and nothing is left.
 */
static const struct inno_error *
refill(struct inno_csv *c)
{
	size_t n;

	c->textlen = c->textpos = 0;
	n = fread(c->inbuf, 1, sizeof c->inbuf, c->fp);
	if (n == 0) {
		if (ferror(c->fp))
			return inno_error_errno("%s", c->name);
		if (c->ncarry > 0)
			return inno_error(INNO_EINPUT, _("%s:%zu: text ends in "
			    "the middle of a CP949 character"), c->name,
			    c->line);
		c->eof = 1;
		return NULL;
	}
	sha256_update(&c->sha, c->inbuf, n);
	/*
	 * A byte order mark says the file is UTF-8, whatever encoding was
	 * asked for: Korean Excel's "CSV UTF-8" writes one, and a clerk used
	 * to giving --encoding=cp949 gives it for that file too.  Read as
	 * CP949, the mark would become two Hanja and garble the first
	 * column's name.
	 */
	if (c->first_bytes && c->cd != (iconv_t)-1 && n >= 3 &&
	    memcmp(c->inbuf, "\xEF\xBB\xBF", 3) == 0) {
		iconv_close(c->cd);
		c->cd = (iconv_t)-1;
	}
	if (c->cd == (iconv_t)-1) {
		c->text = c->inbuf;
		c->textlen = n;
	} else {
		char *in, *out;
		size_t inleft, outleft, need = (n + c->ncarry) * 2 + 16;
		char tmp[CHUNK + 8];

		memcpy(tmp, c->carry, c->ncarry);
		memcpy(tmp + c->ncarry, c->inbuf, n);
		inleft = n + c->ncarry;
		c->ncarry = 0;
		if (c->convcap < need) {
			char *b = realloc(c->conv, need);
			if (b == NULL)
				return inno_error_nomem();
			c->conv = b;
			c->convcap = need;
		}
		in = tmp;
		out = c->conv;
		outleft = c->convcap;
		if (iconv(c->cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
			if (errno == EINVAL && inleft < sizeof c->carry) {
				memcpy(c->carry, in, inleft);
				c->ncarry = inleft;
			} else {
				size_t line = c->line, i;
				for (i = 0; i < (size_t)(out - c->conv); i++)
					if (c->conv[i] == '\n')
						line++;
				return inno_error(INNO_EINPUT, _("%s:%zu: not "
				    "valid CP949 text"), c->name, line);
			}
		}
		c->text = c->conv;
		c->textlen = (size_t)(out - c->conv);
	}
	if (c->first_bytes && c->textlen > 0) {
		c->first_bytes = 0;
		if (c->textlen >= 3 && memcmp(c->text, "\xEF\xBB\xBF", 3) == 0)
			c->textpos = 3;
	}
	return NULL;
}

/* Whether a piece of text, one line long, is blank for libcsv. */
static int
blank(const char *s, size_t n)
{
	return (n == 1 && s[0] == '\n') || (n == 2 && s[0] == '\r' &&
	    s[1] == '\n') || (n == 1 && s[0] == '\r');
}

/* Feeds libcsv until at least one record is ready or the input ends. */
static const struct inno_error *
fill(struct inno_csv *c)
{
	const struct inno_error *err;

	while (c->readpos >= c->nready) {
		const char *s, *nl;
		size_t n;

		c->nready = c->readpos = 0;
		if (c->eof)
			return NULL;
		if (c->textpos >= c->textlen) {
			if ((err = refill(c)) != NULL)
				return err;
			if (c->eof) {
				if (csv_fini(&c->p, on_field, on_record, c) !=
				    0 || c->toolong)
					return parse_error(c, c->rec_line);
				if (c->oom)
					return inno_error_nomem();
				continue;
			}
			continue;
		}
		s = c->text + c->textpos;
		nl = memchr(s, '\n', c->textlen - c->textpos);
		n = nl != NULL ? (size_t)(nl - s) + 1 : c->textlen - c->textpos;
		if (!c->rec_open && !blank(s, n)) {
			c->rec_open = 1;
			c->rec_line = c->line;
		}
		if (csv_parse(&c->p, s, n, on_field, on_record, c) != n ||
		    c->toolong)
			return parse_error(c, c->line);
		/*
		 * A record begun after a bare CR in this piece is still open
		 * (libcsv's state is past "row not begun", 0): it started on
		 * this line, which on_record noted.
		 */
		if (!c->rec_open && c->p.pstate != 0)
			c->rec_open = 1;
		if (c->oom)
			return inno_error_nomem();
		c->textpos += n;
		if (nl != NULL)
			c->line++;
	}
	return NULL;
}

const struct inno_error *
inno_csv_next(struct inno_csv *c, int *got)
{
	const struct inno_error *err;

	*got = 0;
	if ((err = fill(c)) != NULL)
		return err;
	if (c->readpos >= c->nready)
		return NULL;
	record_release(&c->out);
	c->out = c->ready[c->readpos];
	memset(&c->ready[c->readpos], 0, sizeof c->ready[c->readpos]);
	c->readpos++;
	*got = 1;
	return NULL;
}

/* Orders column indexes by name, then by position. */
static const struct inno_csv *sort_csv;

static int
by_name(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int d = strcmp(sort_csv->cols[i], sort_csv->cols[j]);

	return d != 0 ? d : (i > j) - (i < j);
}

/*
 * The first column (in file order) whose name an earlier column has, or
 * ncols when none: the names are sorted with their positions, so a header
 * of 100,000 columns takes n log n comparisons, not n squared.
 */
static const struct inno_error *
first_duplicate(struct inno_csv *c, size_t *dup)
{
	size_t *ix, i;

	*dup = c->ncols;
	if (c->ncols < 2)
		return NULL;
	if ((ix = calloc(c->ncols, sizeof *ix)) == NULL)
		return inno_error_nomem();
	for (i = 0; i < c->ncols; i++)
		ix[i] = i;
	sort_csv = c;
	qsort(ix, c->ncols, sizeof *ix, by_name);
	for (i = 1; i < c->ncols; i++)
		if (strcmp(c->cols[ix[i - 1]], c->cols[ix[i]]) == 0 &&
		    ix[i] < *dup)
			*dup = ix[i];
	free(ix);
	return NULL;
}

static const struct inno_error *
read_header(struct inno_csv *c)
{
	const struct inno_error *err;
	const char *why;
	size_t i, len, bad, dup;
	int got;

	if ((err = inno_csv_next(c, &got)) != NULL)
		return err;
	if (!got)
		return inno_error(INNO_EINPUT,
		    _("%s: empty input, expected a header row"), c->name);
	if ((c->cols = calloc(c->out.nf, sizeof *c->cols)) == NULL)
		return inno_error_nomem();
	for (i = 0; i < c->out.nf; i++) {
		const char *f = inno_csv_field(c, i, &len);
		if ((why = inno_utf8_check(f, len, &bad)) != NULL)
			return inno_error(INNO_EINPUT, _("%s:%zu: header field "
			    "%zu: %s"), c->name, c->out.line, i + 1, why);
		if (len == 0)
			return inno_error(INNO_EINPUT, _("%s:%zu: header field "
			    "%zu is empty"), c->name, c->out.line, i + 1);
		if ((c->cols[i] = strdup(f)) == NULL)
			return inno_error_nomem();
		c->ncols++;
	}
	if ((err = first_duplicate(c, &dup)) != NULL)
		return err;
	if (dup < c->ncols)
		return inno_error_code(INNO_EINPUT, INNO_E_EXISTS, _("%s:%zu: "
		    "%s: column named twice in the header"), c->name,
		    c->out.line, c->cols[dup]);
	return NULL;
}

const struct inno_error *
inno_csv_open(struct inno_csv **csvp, FILE *fp, const char *name,
    enum inno_encoding enc, size_t maxfield)
{
	const struct inno_error *err;
	struct inno_csv *c;

	*csvp = NULL;
	if ((c = calloc(1, sizeof *c)) == NULL)
		return inno_error_nomem();
	c->fp = fp;
	c->cd = (iconv_t)-1;
	c->line = 1;
	c->first_bytes = 1;
	sha256_init(&c->sha);
	if ((c->name = strdup(name)) == NULL) {
		inno_csv_free(c);
		return inno_error_nomem();
	}
	if (maxfield > 0)
		max_field = maxfield;
	if (csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
	    != 0) {
		inno_csv_free(c);
		return inno_error_nomem();
	}
	c->p_init = 1;
	csv_set_realloc_func(&c->p, capped_realloc);
	csv_set_space_func(&c->p, no_space);
	if (enc == INNO_ENC_CP949) {
		c->cd = iconv_open("UTF-8", "CP949");
		if (c->cd == (iconv_t)-1) {
			err = inno_error_errno(_("iconv from CP949"));
			inno_csv_free(c);
			return err;
		}
	}
	if ((err = read_header(c)) != NULL) {
		inno_csv_free(c);
		return err;
	}
	*csvp = c;
	return NULL;
}

void
inno_csv_free(struct inno_csv *c)
{
	size_t i;

	if (c == NULL)
		return;
	if (c->p_init) {
		csv_fini(&c->p, NULL, NULL, NULL);
		csv_free(&c->p);
	}
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	for (i = 0; i < c->capready; i++)
		record_release(&c->ready[i]);
	free(c->ready);
	record_release(&c->cur);
	record_release(&c->out);
	for (i = 0; i < c->ncols; i++)
		free(c->cols[i]);
	free(c->cols);
	free(c->conv);
	free(c->name);
	free(c);
}
