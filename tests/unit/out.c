/*
 * Unit tests of lib/out.c: rows written in each format, columns chosen and
 * ordered, a table fitted to a width, escaped, and streamed past its
 * sample rows, each compared with the exact text expected.
 */
#include <stdint.h>
#include <stdlib.h>

#include "inno.h"
#include "tap.h"

struct sink {
	char *buf;
	size_t len;
	FILE *fp;
};

static void
sink_open(struct sink *k)
{
	k->buf = NULL;
	k->len = 0;
	k->fp = open_memstream(&k->buf, &k->len);
}

/* Closes the stream; k->buf holds what was written, the caller frees it. */
static void
sink_close(struct sink *k)
{
	fclose(k->fp);
}

static const char *const names3[] = {"id", "title", "dept"};
static const enum inno_kind kinds3[] = {INNO_NUM, INNO_TEXT, INNO_TEXT};

/*
 * Writes three rows of (id, title, dept) in fmt, showing cols (NULL: all),
 * fitted to width (0: none), and returns the text, or NULL with the
 * error's message in *why.
 */
static char *
write3(enum inno_format fmt, const char *cols, size_t width,
    const char **why)
{
	static const struct {
		int64_t id;
		const char *title, *dept;
	} rows[] = {
		{1, "✅ 민원 원스톱 서비스", "총무과"},
		{22, "a\tb\nc\x1b[0m", NULL},
		{-333, "=1+1", "사회복지과"},
	};
	const struct inno_error *err;
	struct inno_out *o;
	struct sink k;
	size_t i;

	*why = NULL;
	sink_open(&k);
	setenv("COLUMNS", "1000", 1);
	if ((err = inno_out_new(&o, k.fp, fmt, INNO_ENC_UTF8)) != NULL)
		goto fail;
	inno_out_set_width(o, width);
	if ((err = inno_out_columns(o, cols)) != NULL ||
	    (err = inno_out_header(o, 3, names3, kinds3)) != NULL)
		goto fail;
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if ((err = inno_out_int(o, rows[i].id)) != NULL ||
		    (err = inno_out_text(o, rows[i].title)) != NULL ||
		    (err = inno_out_text(o, rows[i].dept)) != NULL ||
		    (err = inno_out_endrow(o)) != NULL)
			goto fail;
	if ((err = inno_out_finish(o)) != NULL)
		goto fail;
	inno_out_free(o);
	sink_close(&k);
	return k.buf;
fail:
	*why = err->msg;
	inno_out_free(o);
	sink_close(&k);
	free(k.buf);
	return NULL;
}

static void
test_formats(void)
{
	static const struct {
		enum inno_format fmt;
		const char *cols;
		size_t width;
		const char *want;
		const char *what;
	} cases[] = {
		{INNO_FMT_CSV, NULL, 0,
		    "id,title,dept\r\n"
		    "1,✅ 민원 원스톱 서비스,총무과\r\n"
		    "22,\"a\tb\nc\x1b[0m\",\r\n"
		    "-333,'=1+1,사회복지과\r\n", "csv keeps the data"},
		{INNO_FMT_CSV, "dept,id", 0,
		    "dept,id\r\n총무과,1\r\n,22\r\n사회복지과,-333\r\n",
		    "csv: chosen columns in their order"},
		{INNO_FMT_TSV, "title", 0,
		    "title\n✅ 민원 원스톱 서비스\na\\tb\\nc\x1b[0m\n'=1+1\n",
		    "tsv escapes tab and newline"},
		{INNO_FMT_JSON, "title,id", 0,
		    "[\n{\"title\":\"✅ 민원 원스톱 서비스\",\"id\":1},\n"
		    "{\"title\":\"a\\tb\\nc\\u001b[0m\",\"id\":22},\n"
		    "{\"title\":\"=1+1\",\"id\":-333}\n]\n",
		    "json: chosen columns, escaped per RFC 8259"},
		{INNO_FMT_TABLE, NULL, 0,
		    "  id  title                  dept\n"
		    "   1  ✅ 민원 원스톱 서비스  총무과\n"
		    "  22  a\\tb\\nc\\x1b[0m\n"
		    "-333  =1+1                   사회복지과\n",
		    "table: escaped, aligned by display width"},
		{INNO_FMT_TABLE, "title,id", 0,
		    "title                    id\n"
		    "✅ 민원 원스톱 서비스     1\n"
		    "a\\tb\\nc\\x1b[0m           22\n"
		    "=1+1                   -333\n",
		    "table: chosen columns"},
		{INNO_FMT_TABLE, NULL, 24,
		    "  id  title     dept\n"
		    "   1  ✅ 민원…  총무과\n"
		    "  22  a\\tb\\nc…\n"
		    "-333  =1+1      사회복…\n",
		    "table: fitted to 24 columns, numbers kept"},
		{INNO_FMT_TABLE, NULL, 5,
		    "  id  ti…  de…\n"
		    "   1  ✅…  총…\n"
		    "  22  a\\…\n"
		    "-333  =1…  사…\n",
		    "table: too narrow, clipped to the least"},
	};
	size_t i;
	const char *why;
	char *got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = write3(cases[i].fmt, cases[i].cols, cases[i].width, &why);
		tap_str(got, cases[i].want, cases[i].what);
		if (why != NULL)
			printf("#   %s\n", why);
		if (cases[i].fmt == INNO_FMT_TABLE && cases[i].width >= 20 &&
		    got != NULL) {
			char *line, *save = NULL;
			size_t widest = 0, w;
			for (line = strtok_r(got, "\n", &save); line != NULL;
			    line = strtok_r(NULL, "\n", &save))
				if ((w = inno_text_width(line)) > widest)
					widest = w;
			tap_ok(widest <= cases[i].width, "  no line too wide");
		}
		free(got);
	}
}

static void
test_columns_refused(void)
{
	static const struct {
		const char *cols, *why;
	} cases[] = {
		{"title,nosuch", "--columns: no column 'nosuch' in this listing; "
		    "it has id,title,dept"},
		{"id,title,id", "--columns: 'id' named twice"},
		{"id,,dept", "--columns: empty column name in 'id,,dept'"},
		{"", "--columns: empty column name in ''"},
	};
	const char *why;
	char *got;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = write3(INNO_FMT_CSV, cases[i].cols, 0, &why);
		tap_ok(got == NULL, cases[i].why);
		tap_str(why, cases[i].why, "  message");
		free(got);
	}
}

/*
 * A table longer than its sample: the widths come from the first
 * INNO_TABLE_SAMPLE rows, and a longer text after them is clipped to its
 * column while a longer number is shown whole.
 */
static void
test_stream(void)
{
	static const char *const names[] = {"n", "name"};
	static const enum inno_kind kinds[] = {INNO_NUM, INNO_TEXT};
	const struct inno_error *err = NULL;
	struct inno_out *o;
	struct sink k;
	char *last, *first;
	size_t i, lines = 0;

	sink_open(&k);
	unsetenv("COLUMNS");
	if ((err = inno_out_new(&o, k.fp, INNO_FMT_TABLE,
	    INNO_ENC_UTF8)) == NULL)
		err = inno_out_header(o, 2, names, kinds);
	for (i = 0; err == NULL && i < INNO_TABLE_SAMPLE + 2; i++) {
		if (i == INNO_TABLE_SAMPLE + 1)
			err = inno_out_int(o, 123456789);
		else
			err = inno_out_int(o, (int64_t)(i % 10));
		if (err == NULL)
			err = inno_out_text(o, i == INNO_TABLE_SAMPLE ?
			    "김철수 박영희 이순신" : "김철수");
		if (err == NULL)
			err = inno_out_endrow(o);
	}
	if (err == NULL)
		err = inno_out_finish(o);
	tap_ok(err == NULL, "stream: a table longer than its sample");
	inno_out_free(o);
	sink_close(&k);
	for (i = 0; i < k.len; i++)
		if (k.buf[i] == '\n')
			lines++;
	tap_ok(lines == INNO_TABLE_SAMPLE + 3, "  every row written");
	first = k.buf;
	tap_ok(strncmp(first, "n  name\n0  김철수\n", 21) == 0,
	    "  widths from the sample");
	k.buf[k.len - 1] = '\0';
	last = strrchr(k.buf, '\n');
	last = last != NULL ? last + 1 : k.buf;
	tap_str(last, "123456789  김철수", "  a later number is shown whole");
	*(last - 1) = '\0';
	last = strrchr(k.buf, '\n');
	tap_str(last != NULL ? last + 1 : NULL, "0  김철…",
	    "  a later text is clipped to its column");
	free(k.buf);
}

int
main(void)
{
	test_formats();
	test_columns_refused();
	test_stream();
	return tap_done();
}
