/*
 * batch.c: the batch runner.  Every program that writes records sends them
 * through here, whether they come from a CSV file or from command-line
 * options, so that validation messages, all-or-nothing transactions, reject
 * files, batch identities and the audit trail behave the same everywhere.
 */
#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "inno.h"
#include "file.h"
#include "sha256.h"
#include "i18n.h"

struct inno_row {
	struct inno_db *db;
	const struct inno_col *cols;
	size_t ncols;
	int *map;		/* program column -> CSV column, or -1 */
	struct inno_csv *csv;	/* NULL when values come from options */
	const char *const *values;
	const char *name;
	size_t line;
	int bad;
	char reason[512];	/* the first error, for the reject file */
	struct inno_batch_result *res;
	size_t written;
	int trimmed;
	int64_t first_id, last_id;
	char optname[64];
	const struct inno_error *(*at_end)(void *);	/* see inno_row_at_end */
	void *at_end_arg;
	/* Per column: whether free text (inno_text_multiline), -1: not known. */
	signed char multiline[64];
};

void
inno_batch_result_init(struct inno_batch_result *r)
{
	memset(r, 0, sizeof *r);
	inno_diag_init(&r->diag);
}

void
inno_batch_result_release(struct inno_batch_result *r)
{
	inno_diag_release(&r->diag);
}

struct inno_db *
inno_row_db(struct inno_row *r)
{
	return r->db;
}

int
inno_row_bad(const struct inno_row *r)
{
	return r->bad;
}

int
inno_row_is_batch(const struct inno_row *r)
{
	return r->csv != NULL;
}

/* The name of a column in messages: the header, or the option. */
static const char *
label(struct inno_row *r, int col)
{
	size_t i;

	if (col < 0)
		return NULL;
	if (r->csv != NULL)
		return r->cols[col].name;
	snprintf(r->optname, sizeof r->optname, "--%s", r->cols[col].name);
	for (i = 2; r->optname[i] != '\0'; i++)
		if (r->optname[i] == '_')
			r->optname[i] = '-';
	return r->optname;
}

static void
vmessage(struct inno_row *r, int col, int is_error, const char *fmt,
    va_list ap)
{
	char why[512];
	const char *l = label(r, col);

	vsnprintf(why, sizeof why, fmt, ap);
	if (is_error && !r->bad) {
		snprintf(r->reason, sizeof r->reason, "%.60s%s%.440s",
		    l ? l : "", l ? ": " : "", why);
		r->bad = 1;
	} else if (is_error)
		r->bad++;
	if (r->csv != NULL)
		inno_diag_add(&r->res->diag, "%s:%zu: %s%s%s%s", r->name,
		    r->line, is_error ? "" : _("note: "), l ? l : "",
		    l ? ": " : "", why);
	else
		inno_diag_add(&r->res->diag, "%s%s%s%s", is_error ? "" :
		    _("note: "), l ? l : "", l ? ": " : "", why);
}

void
inno_row_error(struct inno_row *r, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(r, col, 1, fmt, ap);
	va_end(ap);
}

void
inno_row_note(struct inno_row *r, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(r, col, 0, fmt, ap);
	va_end(ap);
}

void
inno_row_at_end(struct inno_row *r, const struct inno_error *(*fn)(void *),
    void *arg)
{
	r->at_end = fn;
	r->at_end_arg = arg;
}

void
inno_row_wrote(struct inno_row *r, int64_t id)
{
	r->written++;
	if (id > 0) {
		if (r->first_id == 0 || id < r->first_id)
			r->first_id = id;
		if (id > r->last_id)
			r->last_id = id;
	}
}

void
inno_row_trimmed(struct inno_row *r)
{
	r->trimmed = 1;
}

/* The raw value of a column, or NULL when absent. */
static const char *
raw(struct inno_row *r, int col, size_t *len)
{
	const char *v;

	/* Columns are indexes into the program's own table: a bug if not. */
	assert(col >= 0 && (size_t)col < r->ncols);
	if (r->csv != NULL) {
		if (r->map[col] < 0)
			return NULL;
		return inno_csv_field(r->csv, (size_t)r->map[col], len);
	}
	if ((v = r->values[col]) != NULL)
		*len = strlen(v);
	return v;
}

/* The value, or NULL for absent or empty (an error when required). */
static const char *
value(struct inno_row *r, int col, size_t *len)
{
	const char *v = raw(r, col, len);

	if (v == NULL || *len == 0) {
		if (r->cols[col].required)
			inno_row_error(r, col, v == NULL ?
			    _("required, but missing") :
			    _("required, but empty"));
		return NULL;
	}
	return v;
}

int
inno_row_text(struct inno_row *r, int col, size_t maxlen, const char **out)
{
	const char *v, *why;
	size_t len, bad;
	uint32_t cp;

	*out = NULL;
	if ((v = value(r, col, &len)) == NULL)
		return r->cols[col].required ? -1 : 0;
	/*
	 * A listing writes "'=1+1" for the text "=1+1" so that spreadsheets
	 * do not run it; reading it back undoes that, so the output of one
	 * program loads into the next unchanged.
	 */
	if (r->csv != NULL && len > 1 && v[0] == '\'' &&
	    inno_out_is_formula(v + 1)) {
		v++;
		len--;
	}
	/* A CSV field was checked as the row was read (inno_batch_csv). */
	if (r->csv == NULL && (why = inno_utf8_check(v, len, &bad)) != NULL) {
		inno_row_error(r, col, _("%s at byte %zu"), why, bad + 1);
		return -1;
	}
	/*
	 * Text that would act on a terminal (ESC, CR, a bidirectional
	 * override) is refused here, at the one door every CSV field and
	 * option goes through; free-text columns may hold tabs and lines.
	 */
	if (r->multiline[col] < 0)
		r->multiline[col] = (signed char)inno_text_multiline(
		    r->cols[col].name);
	if ((why = inno_text_check(v, len, r->multiline[col], &bad,
	    &cp)) != NULL) {
		inno_row_error(r, col, _("%s (U+%04X) at byte %zu"), why,
		    (unsigned)cp, bad + 1);
		return -1;
	}
	if (maxlen > 0 && inno_utf8_len(v, len) > maxlen) {
		inno_row_error(r, col, _("longer than %zu characters"), maxlen);
		return -1;
	}
	*out = v;
	return 1;
}

int
inno_row_int(struct inno_row *r, int col, int64_t min, int64_t max,
    int64_t *out)
{
	const char *v, *why;
	enum inno_errcode what;
	size_t len;

	if ((v = value(r, col, &len)) == NULL)
		return r->cols[col].required ? -1 : 0;
	if ((why = inno_parse_int_code(v, len, min, max, out, &what)) != NULL) {
		if (what == INNO_E_RANGE)
			inno_row_error(r, col, _("%.40s: out of range (%lld to "
			    "%lld)"), v, (long long)min, (long long)max);
		else
			inno_row_error(r, col, "%.40s: %s", v, why);
		return -1;
	}
	return 1;
}

int
inno_row_money(struct inno_row *r, int col, int64_t *out)
{
	const char *v, *why;
	size_t len;

	if ((v = value(r, col, &len)) == NULL)
		return r->cols[col].required ? -1 : 0;
	if ((why = inno_parse_money(v, len, out)) != NULL) {
		inno_row_error(r, col,
		    _("%.40s: %s (an amount in won, digits only)"), v, why);
		return -1;
	}
	return 1;
}

int
inno_row_date(struct inno_row *r, int col, char out[11])
{
	const char *v, *why;
	size_t len;

	out[0] = '\0';
	if ((v = value(r, col, &len)) == NULL)
		return r->cols[col].required ? -1 : 0;
	if ((why = inno_parse_date(v, len, out)) != NULL) {
		inno_row_error(r, col, "%.40s: %s", v, why);
		return -1;
	}
	return 1;
}

int
inno_row_month(struct inno_row *r, int col, char out[8])
{
	const char *v, *why;
	size_t len;

	out[0] = '\0';
	if ((v = value(r, col, &len)) == NULL)
		return r->cols[col].required ? -1 : 0;
	if ((why = inno_parse_month(v, len, out)) != NULL) {
		inno_row_error(r, col, "%.40s: %s", v, why);
		return -1;
	}
	return 1;
}

int
inno_row_word(struct inno_row *r, int col, const char *const *words,
    int *out)
{
	const char *v;
	char list[256] = "";
	int i, rc;

	if ((rc = inno_row_text(r, col, 64, &v)) <= 0)
		return rc;
	if ((*out = inno_word_index(words, v)) >= 0)
		return 1;
	for (i = 0; words[i] != NULL; i++) {
		if (i > 0)
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, words[i], sizeof list - strlen(list) - 1);
	}
	inno_row_error(r, col, _("%.40s: expected one of %s"), v, list);
	return -1;
}

/*
 * The reject file holds the bad rows as they were read, with every column
 * of the input in its order and the reason in a column of its own, named
 * reject_reason so that it cannot collide with an input's own "reason"
 * column: corrected, the file loads back as it is, since the reader skips
 * the columns a program does not know.  An input that is itself a reject
 * file keeps its one reject_reason column, holding the new reason.
 */
#define REJECT_COLUMN "reject_reason"

/*
 * The index of the input's reject_reason column, or the number of columns
 * when it has none (the reason then goes in a new last column).
 */
static size_t
reject_col(struct inno_csv *csv)
{
	size_t i, n = inno_csv_ncols(csv);

	for (i = 0; i < n; i++)
		if (strcmp(inno_csv_colname(csv, i), REJECT_COLUMN) == 0)
			return i;
	return n;
}

int
inno_row_found(struct inno_row *r, int col, const struct inno_error *err,
    struct inno_stmt *st, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int row = 0;

	if (err == NULL)
		err = inno_stmt_step(st, &row);
	if (err != NULL) {
		inno_row_error(r, col, "%s", err->msg);
		return -1;
	}
	if (row)
		return 1;
	va_start(ap, fmt);
	msg = inno_vstrf(fmt, ap);
	va_end(ap);
	if (msg == NULL)
		inno_row_error(r, col, "%s", inno_error_nomem()->msg);
	else
		inno_row_error(r, col, "%s", msg);
	free(msg);
	return -1;
}

/* Writes one bad row, with its reason, to the reject file. */
static int
reject_row(FILE *fp, struct inno_csv *csv, const char *reason)
{
	size_t i, n = inno_csv_nfields(csv), ncols = inno_csv_ncols(csv), len;
	size_t rc = reject_col(csv);
	const char *f;

	for (i = 0; i < ncols || i == rc; i++) {
		if (i == rc) {
			f = reason;
			len = strlen(reason);
		} else if (i < n)
			f = inno_csv_field(csv, i, &len);
		else {
			f = "";
			len = 0;
		}
		if ((i > 0 && fputc(',', fp) == EOF) ||
		    inno_csv_write_field(fp, f, len) == -1)
			return -1;
	}
	if (fputs("\r\n", fp) == EOF)
		return -1;
	return 0;
}

/*
 * Opens the reject file through inno_file_open (a temporary in its
 * directory, never a predictable name, with the database's mode) and
 * writes its header.  *fpp is the caller's.
 */
static const struct inno_error *
reject_open(const char *path, struct inno_csv *csv, struct inno_file **fpp)
{
	const struct inno_error *err;
	size_t i, ncols = inno_csv_ncols(csv), rc = reject_col(csv);
	FILE *fp;

	if ((err = inno_file_open(fpp, path)) != NULL)
		return err;
	fp = inno_file_stream(*fpp);
	for (i = 0; i < ncols; i++) {
		const char *n = inno_csv_colname(csv, i);
		if (i > 0)
			fputc(',', fp);
		inno_csv_write_field(fp, n, strlen(n));
	}
	if (rc == ncols)
		fprintf(fp, "%s%s", ncols > 0 ? "," : "", REJECT_COLUMN);
	fputs("\r\n", fp);
	return NULL;
}

/* Flushes, syncs and renames the reject file into place; frees it. */
static const struct inno_error *
reject_close(struct inno_file *f)
{
	return inno_file_commit(f);
}

/*
 * The reject file of a batch whose rows were all good is put in place
 * before COMMIT, then the program's own hook runs: a reject file that
 * cannot be written (a full disk) leaves nothing written.
 */
struct reject_commit {
	struct inno_file *rej;	/* NULL once closed */
	const struct inno_batch_opts *opts;
};

static const struct inno_error *
reject_before_commit(void *arg)
{
	struct reject_commit *rc = arg;
	const struct inno_error *err;
	struct inno_file *f = rc->rej;

	rc->rej = NULL;
	if (f != NULL && (err = reject_close(f)) != NULL)
		return err;
	if (rc->opts->before_commit != NULL)
		return rc->opts->before_commit(rc->opts->before_commit_arg);
	return NULL;
}

/*
 * The header column that is probably a misspelling of want: the nearest
 * one that is not a column of the program's (those are spelt right), or
 * NULL.  Linear in the header, so a huge header costs no more than reading
 * it.
 */
static const char *
misspelt(const struct inno_csv *csv, const struct inno_col *cols,
    size_t ncols, const char *want)
{
	const char *best = NULL, *h;
	size_t i, j, d, bestd = SIZE_MAX;

	for (i = 0; i < inno_csv_ncols(csv); i++) {
		h = inno_csv_colname(csv, i);
		for (j = 0; j < ncols; j++)
			if (strcmp(cols[j].name, h) == 0)
				break;
		if (j < ncols || !inno_is_near(h, want))
			continue;
		if ((d = inno_edit_distance(h, want)) < bestd) {
			bestd = d;
			best = h;
		}
	}
	return best;
}

/*
 * Ends a batch: records its identity, writes the audit line for the records
 * inserted, and commits; or rolls back for a dry run, a bad row, or a batch
 * applied before.
 */
static const struct inno_error *
finish(struct inno_db *db, const struct inno_batch_opts *opts,
    struct inno_batch_result *res, const char *digest, const char *source,
    int64_t first_id, int64_t last_id, int record_batch,
    const struct inno_row *row)
{
	const struct inno_error *err;
	char today[21];
	char *old = NULL;

	snprintf(res->batch_id, sizeof res->batch_id, "%s",
	    opts->batch_id != NULL ? opts->batch_id : digest);
	/*
	 * The batch's identity is settled before its rows' verdict: a batch
	 * applied before can fail its rules now because of its own first
	 * application (a cap, a unique key), and must still count as applied.
	 */
	if (record_batch) {
		err = inno_db_text(db, &old, "SELECT digest FROM batch WHERE "
		    "id = ?", "t", res->batch_id);
		if (err != NULL) {
			inno_db_rollback(db);
			return err;
		}
		if (old != NULL) {
			int same = strcmp(old, digest) == 0;
			free(old);
			inno_db_rollback(db);
			/* The verdict is the batch's, not its rows'. */
			res->rows_bad = 0;
			inno_diag_release(&res->diag);
			if (!same)
				return inno_error(INNO_EINPUT, _("batch %s was "
				    "applied before with different content; "
				    "nothing was written"), res->batch_id);
			res->already = 1;
			res->written = 0;
			res->trimmed = 0;
			return NULL;
		}
	}
	if (res->rows_bad > 0) {
		inno_db_rollback(db);
		return inno_error(INNO_EINPUT, _("%zu of %zu row%s rejected; "
		    "nothing was written"), res->rows_bad, res->rows,
		    res->rows == 1 ? "" : "s");
	}
	if (opts->dry_run) {
		inno_db_rollback(db);
		return NULL;
	}
	if (row->at_end != NULL && (err = row->at_end(row->at_end_arg)) != NULL)
		goto fail;
	if ((err = inno_now(today)) != NULL)
		goto fail;
	if (record_batch && (err = inno_db_run(db, "INSERT INTO batch (id, "
	    "program, digest, rows, applied_at) VALUES (?, ?, ?, ?, ?)",
	    "tttit", res->batch_id, inno_db_program(db), digest,
	    (int64_t)res->rows, today)) != NULL)
		goto fail;
	if (first_id > 0 && opts->table != NULL && (err = inno_audit(db,
	    "insert", opts->table, first_id, last_id, "%zu row%s from %s%s%s",
	    res->written, res->written == 1 ? "" : "s", source,
	    record_batch ? ", batch " : "",
	    record_batch ? res->batch_id : "")) != NULL)
		goto fail;
	if (opts->before_commit != NULL &&
	    (err = opts->before_commit(opts->before_commit_arg)) != NULL)
		goto fail;
	return inno_db_commit(db);
fail:
	inno_db_rollback(db);
	return err;
}

static void
row_reset(struct inno_row *r)
{
	r->bad = 0;
	r->reason[0] = '\0';
	r->written = 0;
	r->trimmed = 0;
}

/* Runs the row function and folds its outcome into the batch. */
static const struct inno_error *
run_row(struct inno_row *row, inno_row_fn fn, void *arg,
    struct inno_batch_result *res, int64_t *first, int64_t *last)
{
	const struct inno_error *err;
	int64_t f0 = row->first_id, l0 = row->last_id;

	err = fn(arg, row);
	if (err != NULL && err->code == INNO_EINPUT) {
		/* A rule the schema enforces: report it as the row's error. */
		inno_row_error(row, -1, "%s", err->msg);
		err = NULL;
	}
	if (err != NULL)
		return err;
	if (row->bad) {
		res->rows_bad++;
		row->first_id = f0;
		row->last_id = l0;
		return NULL;
	}
	res->written += row->written;
	if (row->trimmed)
		res->trimmed++;
	*first = row->first_id;
	*last = row->last_id;
	return NULL;
}

const struct inno_error *
inno_batch_csv(struct inno_db *db, FILE *fp, const char *name,
    const struct inno_col *cols, size_t ncols, inno_row_fn fn, void *arg,
    const struct inno_batch_opts *opts, struct inno_batch_result *res)
{
	const struct inno_error *err;
	struct inno_csv *csv = NULL;
	struct inno_row row;
	struct inno_file *rej = NULL;
	struct inno_batch_opts o;
	struct reject_commit rc;
	char digest[65];
	int64_t maxfield, first = 0, last = 0;
	size_t i, bad;
	int got, *map = NULL, tx = 0, fk_off = 0;

	memset(&row, 0, sizeof row);
	assert(ncols <= sizeof row.multiline);
	memset(row.multiline, -1, sizeof row.multiline);
	if (opts->maxfield > 0)
		maxfield = (int64_t)opts->maxfield;
	else if ((err = inno_config_int(inno_db_config(db), "csv:max_field",
	    65536, 16, 64 * 1024 * 1024, &maxfield)) != NULL)
		return err;
	if ((err = inno_csv_open(&csv, fp, name, opts->encoding,
	    (size_t)maxfield)) != NULL)
		return err;
	if ((map = calloc(ncols, sizeof *map)) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	for (i = 0; i < ncols; i++) {
		map[i] = inno_csv_find(csv, cols[i].name);
		if (map[i] < 0 && cols[i].required) {
			const char *near = misspelt(csv, cols, ncols,
			    cols[i].name);

			if (near != NULL)
				err = inno_error_code(INNO_EINPUT,
				    INNO_E_NOTFOUND,
				    _("%s:1: %s: required column missing from "
				    "the header (found %s)"),
				    name, cols[i].name, near);
			else
				err = inno_error_code(INNO_EINPUT,
				    INNO_E_NOTFOUND, _("%s:1: %s: required "
				    "column missing from the header"), name,
				    cols[i].name);
			goto done;
		}
	}
	if (opts->reject_path != NULL && (err = reject_open(opts->reject_path,
	    csv, &rej)) != NULL)
		goto done;
	if (opts->refs_checked) {
		if ((err = inno_db_foreign_keys(db, 0)) != NULL)
			goto done;
		fk_off = 1;
	}
	if ((err = inno_db_begin(db)) != NULL)
		goto done;
	tx = 1;
	row.db = db;
	row.cols = cols;
	row.ncols = ncols;
	row.map = map;
	row.csv = csv;
	row.name = name;
	row.res = res;
	for (;;) {
		if ((err = inno_csv_next(csv, &got)) != NULL) {
			if (err->code == INNO_EINPUT)
				err = inno_error_wrap(err,
				    _("%s; nothing was written"), err->msg);
			goto done;
		}
		if (!got)
			break;
		res->rows++;
		row_reset(&row);
		row.line = inno_csv_line(csv);
		if (inno_csv_nfields(csv) != inno_csv_ncols(csv))
			inno_row_error(&row, -1, _("expected %zu fields as in "
			    "the header, found %zu"), inno_csv_ncols(csv),
			    inno_csv_nfields(csv));
		for (i = 0; i < ncols && !row.bad; i++) {
			size_t len;
			const char *v = raw(&row, (int)i, &len), *why;
			if (v != NULL && (why = inno_utf8_check(v, len,
			    &bad)) != NULL)
				inno_row_error(&row, (int)i,
				    _("%s at byte %zu%s"),
				    why, bad + 1, opts->encoding ==
				    INNO_ENC_UTF8 ? " (for a file saved by "
				    "Korean Excel, give --encoding=cp949)" :
				    "");
		}
		if (row.bad)
			res->rows_bad++;
		else if ((err = run_row(&row, fn, arg, res, &first, &last)) !=
		    NULL)
			goto done;
		if (row.bad && rej != NULL && reject_row(inno_file_stream(rej),
		    csv, row.reason) == -1) {
			err = inno_error_errno("%s", opts->reject_path);
			goto done;
		}
		if (opts->progress != NULL && res->rows % 10000 == 0)
			opts->progress(opts->progress_arg, res->rows);
	}
	inno_csv_digest(csv, digest);
	if (opts->identity != NULL && opts->identity[0] != '\0') {
		struct sha256 sha;

		sha256_init(&sha);
		sha256_update(&sha, digest, strlen(digest));
		sha256_update(&sha, "\n", 1);
		sha256_update(&sha, opts->identity, strlen(opts->identity));
		sha256_hex(&sha, digest);
	}
	tx = 0;
	o = *opts;
	rc.rej = rej;
	rc.opts = opts;
	if (rej != NULL) {
		o.before_commit = reject_before_commit;
		o.before_commit_arg = &rc;
	}
	err = finish(db, &o, res, digest, name, first, last, 1, &row);
	rej = rc.rej;
	/* A batch applied before has no bad rows to report. */
	if (rej != NULL && !res->already) {
		struct inno_error copy;
		const struct inno_error *rerr;

		if (err != NULL)
			copy = *err;
		rerr = reject_close(rej);
		rej = NULL;
		if (rerr != NULL)
			err = rerr;
		else if (err != NULL)
			err = inno_error(copy.code, "%s", copy.msg);
	}
done:
	if (tx)
		inno_db_rollback(db);
	if (fk_off) {
		const struct inno_error *ferr = inno_db_foreign_keys(db, 1);

		if (err == NULL)
			err = ferr;
	}
	inno_file_abort(rej);
	free(map);
	inno_csv_free(csv);
	return err;
}

const struct inno_error *
inno_batch_one(struct inno_db *db, const struct inno_col *cols, size_t ncols,
    const char *const *values, inno_row_fn fn, void *arg,
    const struct inno_batch_opts *opts, struct inno_batch_result *res)
{
	const struct inno_error *err;
	struct inno_row row;
	int64_t first = 0, last = 0;

	memset(&row, 0, sizeof row);
	assert(ncols <= sizeof row.multiline);
	memset(row.multiline, -1, sizeof row.multiline);
	row.db = db;
	row.cols = cols;
	row.ncols = ncols;
	row.values = values;
	row.res = res;
	if ((err = inno_db_begin(db)) != NULL)
		return err;
	res->rows = 1;
	if ((err = run_row(&row, fn, arg, res, &first, &last)) != NULL) {
		inno_db_rollback(db);
		return err;
	}
	if (row.bad) {
		inno_db_rollback(db);
		if (res->diag.count == 1 && res->diag.nmsgs == 1) {
			err = inno_error(INNO_EINPUT, "%s", res->diag.msgs[0]);
			inno_diag_release(&res->diag);
			return err;
		}
		return inno_error(INNO_EINPUT,
		    _("%zu problems; nothing was written"), res->diag.count);
	}
	return finish(db, opts, res, "", "options", first, last, 0, &row);
}

/*
 * For inno-undo: removes the identity of batch id, so that the batch
 * taken back can be applied again, and gives the row as JSON in *json
 * (NULL when there was none; the caller's to free).  inno_batch_restore
 * puts such a row back, for the undo of the undo.  The caller audits both.
 */
const struct inno_error *
inno_batch_forget(struct inno_db *db, const char *id, char **json)
{
	const struct inno_error *err;

	if ((err = inno_db_text(db, json, "SELECT json_object('id', id, "
	    "'program', program, 'digest', digest, 'rows', rows, "
	    "'applied_at', applied_at) FROM batch WHERE id = ?", "t",
	    id)) != NULL || *json == NULL)
		return err;
	return inno_db_run(db, "DELETE FROM batch WHERE id = ?", "t", id);
}

const struct inno_error *
inno_batch_restore(struct inno_db *db, const char *json)
{
	return inno_db_run(db, "INSERT OR IGNORE INTO batch (id, program, "
	    "digest, rows, applied_at) VALUES (json_extract(?1, '$.id'), "
	    "json_extract(?1, '$.program'), json_extract(?1, '$.digest'), "
	    "CAST(json_extract(?1, '$.rows') AS INTEGER), "
	    "json_extract(?1, '$.applied_at'))",
	    "t", json);
}
