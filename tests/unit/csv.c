/*
 * Unit tests of lib/csvio.c: records, true line numbers across quoted line
 * breaks and blank lines, CRLF, a byte order mark, CP949, the field cap and
 * malformed input.
 */
#include <stdlib.h>

#include "inno.h"
#include "tap.h"

/* Reads all records of text; returns "line:f1|f2;..." or the error. */
static char *
read_all(const char *text, size_t len, enum inno_encoding enc, size_t cap)
{
	static char out[4096];
	const struct inno_error *err;
	struct inno_csv *c;
	FILE *fp = fmemopen((void *)text, len, "r");
	size_t i, n = 0;
	int got;

	out[0] = '\0';
	if ((err = inno_csv_open(&c, fp, "t.csv", enc, cap)) != NULL) {
		fclose(fp);
		snprintf(out, sizeof out, "error %d: %s", err->code, err->msg);
		return out;
	}
	n += (size_t)snprintf(out + n, sizeof out - n, "h=");
	for (i = 0; i < inno_csv_ncols(c); i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%s",
		    i ? "|" : "", inno_csv_colname(c, i));
	for (;;) {
		if ((err = inno_csv_next(c, &got)) != NULL) {
			n += (size_t)snprintf(out + n, sizeof out - n,
			    ";error %d: %s", err->code, err->msg);
			break;
		}
		if (!got)
			break;
		n += (size_t)snprintf(out + n, sizeof out - n, ";%zu:",
		    inno_csv_line(c));
		for (i = 0; i < inno_csv_nfields(c); i++)
			n += (size_t)snprintf(out + n, sizeof out - n, "%s%s",
			    i ? "|" : "", inno_csv_field(c, i, NULL));
	}
	inno_csv_free(c);
	fclose(fp);
	return out;
}

#define S(lit) lit, sizeof(lit) - 1

int
main(void)
{
	tap_str(read_all(S("a,b\n1,2\n3,4\n"), INNO_ENC_UTF8, 0),
	    "h=a|b;2:1|2;3:3|4", "plain records");
	tap_str(read_all(S("a,b\r\n1,2\r\n"), INNO_ENC_UTF8, 0),
	    "h=a|b;2:1|2", "CRLF");
	tap_str(read_all(S("\xEF\xBB\xBF" "a,b\n1,2\n"), INNO_ENC_UTF8, 0),
	    "h=a|b;2:1|2", "byte order mark stripped");
	tap_str(read_all(S("a,b\n\"x\ny\",2\n3,4\n"), INNO_ENC_UTF8, 0),
	    "h=a|b;2:x\ny|2;4:3|4", "quoted line break keeps line numbers");
	tap_str(read_all(S("a,b\n\n1,2\n\n\n3,4\n"), INNO_ENC_UTF8, 0),
	    "h=a|b;3:1|2;6:3|4", "blank lines counted");
	tap_str(read_all(S("a,b\n\"q \"\"x\"\"\",\" s \"\n"), INNO_ENC_UTF8,
	    0), "h=a|b;2:q \"x\"| s ", "quotes and spaces kept");
	tap_str(read_all(S("a,b\n1,2"), INNO_ENC_UTF8, 0), "h=a|b;2:1|2",
	    "no final newline");
	tap_str(read_all(S("a,b\n1,2\n3,\"4\n"), INNO_ENC_UTF8, 0),
	    "h=a|b;2:1|2;error 1: t.csv:3: b: malformed CSV (a quote inside "
	    "an unquoted field, text after a closing quote, or an unclosed "
	    "quote)", "unclosed quote names its line and column");
	tap_str(read_all(S("a,b\n1,x\"y\n"), INNO_ENC_UTF8, 0),
	    "h=a|b;error 1: t.csv:2: b: malformed CSV (a quote inside an "
	    "unquoted field, text after a closing quote, or an unclosed "
	    "quote)", "stray quote");
	tap_str(read_all(S("a,b\n1,0123456789012345678901234567890123\n"),
	    INNO_ENC_UTF8, 16), "h=a|b;error 1: t.csv:2: b: field longer "
	    "than 16 bytes", "field cap");
	tap_str(read_all(S(""), INNO_ENC_UTF8, 0), "error 1: t.csv: empty "
	    "input, expected a header row", "empty input");
	tap_str(read_all(S("a,a\n"), INNO_ENC_UTF8, 0), "error 1: t.csv:1: "
	    "a: column named twice in the header", "duplicate header");
	/* "김" in CP949 is B1 E8. */
	tap_str(read_all(S("name\n\xB1\xE8\n"), INNO_ENC_CP949, 0),
	    "h=name;2:\xEA\xB9\x80", "CP949 converted");
	tap_str(read_all(S("name\n\xB1\n"), INNO_ENC_CP949, 0),
	    "error 1: t.csv:2: not valid CP949 text",
	    "bad CP949 names its line");
	/* A byte order mark means UTF-8, even when CP949 was asked for. */
	tap_str(read_all(S("\xEF\xBB\xBFname,team\n\xEA\xB9\x80,a\n"),
	    INNO_ENC_CP949, 0), "h=name|team;2:\xEA\xB9\x80|a",
	    "a BOM on a file read as CP949 is stripped and the file read as "
	    "UTF-8");
	tap_str(read_all(S("\xEF\xBB\xBFname\n"), INNO_ENC_UTF8, 0),
	    "h=name", "a BOM on UTF-8 input is stripped");
	tap_str(read_all(S("a,b,c,b,a\n"), INNO_ENC_UTF8, 0),
	    "error 1: t.csv:1: b: column named twice in the header",
	    "the first repeated column in file order is named");
	tap_str(read_all(S("z,y,x,w,x\n1,2,3,4,5\n"), INNO_ENC_UTF8, 0),
	    "error 1: t.csv:1: x: column named twice in the header",
	    "whatever the order of the names");
	return tap_done();
}
