/*
 * fuzz_csv.c: libFuzzer harness for the CSV reader (lib/csvio.c).  Each
 * input is read twice, as UTF-8 with the usual field cap and as CP949 with a
 * tiny one, and every record handed out must be consistent: lines never go
 * backwards (a bare CR may end two records on one line) and never pass the
 * input's line count, every field is NUL-terminated at its length, and no
 * field is longer than the cap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inno.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_csv: invariant broken: %s\n", what);
	abort();
}

static void
read_all(const unsigned char *data, size_t size, enum inno_encoding enc,
    size_t cap)
{
	const struct inno_error *err;
	struct inno_csv *csv;
	size_t lines = 1, last = 0, i, len;
	FILE *fp;
	int got;

	for (i = 0; i < size; i++)
		if (data[i] == '\n')
			lines++;
	fp = size > 0 ? fmemopen((void *)data, size, "r") :
	    fopen("/dev/null", "r");
	if (fp == NULL)
		return;
	if ((err = inno_csv_open(&csv, fp, "fuzz.csv", enc, cap)) != NULL) {
		if (err->code != INNO_EINPUT && err->code != INNO_ESYS)
			fail("open: unexpected error class");
		fclose(fp);
		return;
	}
	if (inno_csv_ncols(csv) == 0)
		fail("a header with no columns");
	for (i = 0; i < inno_csv_ncols(csv); i++)
		if (inno_csv_find(csv, inno_csv_colname(csv, i)) != (int)i)
			fail("header name not found at its own index");
	for (;;) {
		if ((err = inno_csv_next(csv, &got)) != NULL) {
			if (err->code != INNO_EINPUT && err->code != INNO_ESYS)
				fail("next: unexpected error class");
			if (strncmp(err->msg, "fuzz.csv", 8) != 0)
				fail("error message without the file name");
			break;
		}
		if (!got)
			break;
		if (inno_csv_line(csv) < last)
			fail("record line went backwards");
		last = inno_csv_line(csv);
		if (enc == INNO_ENC_UTF8 && last > lines)
			fail("record line past the end of the input");
		if (inno_csv_nfields(csv) == 0)
			fail("a record with no fields");
		for (i = 0; i < inno_csv_nfields(csv); i++) {
			const char *f = inno_csv_field(csv, i, &len);
			if (f == NULL || f[len] != '\0')
				fail("field not NUL-terminated at its length");
			if (len > cap)
				fail("field longer than the cap");
		}
		if (inno_csv_field(csv, inno_csv_nfields(csv), &len) != NULL)
			fail("a field past the last one");
	}
	inno_csv_free(csv);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	read_all(data, size, INNO_ENC_UTF8, 65536);
	read_all(data, size, INNO_ENC_CP949, 16);
	return 0;
}
