/*
 * Unit tests of lib/text.c and lib/date.c: numbers, UTF-8, display width,
 * dates and periods, table-driven.
 */
#include <stdint.h>
#include <stdlib.h>

#include "inno.h"
#include "tap.h"

static void
test_ints(void)
{
	static const struct {
		const char *in;
		int64_t min, max;
		const char *why;	/* NULL: accepted */
		int64_t want;
	} cases[] = {
		{"0", 0, 10, NULL, 0},
		{"5", 0, 10, NULL, 5},
		{"-5", -10, 10, NULL, -5},
		{"-5", 0, 10, "number out of range", 0},
		{"+5", 0, 10, "not a number", 0},
		{"010", 0, 100, "not a number (leading zero)", 0},
		{"1,000", 0, 10000, "not a number (no thousands separators)", 0},
		{"5.0", 0, 10, "not a whole number", 0},
		{"", 0, 10, "empty, expected a number", 0},
		{" 5", 0, 10, "not a number", 0},
		{"5 ", 0, 10, "not a number", 0},
		{"2^63", 0, 10, "not a number", 0},
		{"9223372036854775807", INT64_MIN, INT64_MAX, NULL, INT64_MAX},
		{"9223372036854775808", INT64_MIN, INT64_MAX,
		    "number out of range", 0},
		{"-9223372036854775808", INT64_MIN, INT64_MAX, NULL, INT64_MIN},
		{"-0", -10, 10, "not a number (negative zero)", 0},
		{"-", -10, 10, "not a number", 0},
		{"12", 1, 9, "number out of range", 0},
	};
	size_t i;
	char what[128];

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -1;
		const char *why = inno_parse_int(cases[i].in,
		    strlen(cases[i].in), cases[i].min, cases[i].max, &v);
		snprintf(what, sizeof what, "parse_int \"%s\"", cases[i].in);
		tap_str(why, cases[i].why, what);
		if (why == NULL && cases[i].why == NULL)
			tap_ok(v == cases[i].want, "  value");
	}
}

static void
test_utf8(void)
{
	static const struct {
		const char *in;
		size_t len;
		int ok;
		const char *what;
	} cases[] = {
		{"plain", 5, 1, "ascii"},
		{"\xea\xb9\x80\xec\xb2\xa0\xec\x88\x98", 9, 1, "hangul"},
		{"\xc0\xaf", 2, 0, "overlong slash"},
		{"\xe0\x80\xaf", 3, 0, "overlong three-byte"},
		{"\xed\xa0\x80", 3, 0, "surrogate"},
		{"\xea\xb9", 2, 0, "truncated"},
		{"\xf4\x90\x80\x80", 4, 0, "past U+10FFFF"},
		{"\xb1\xe8", 2, 0, "cp949 bytes"},
		{"a\0b", 3, 0, "NUL byte"},
		{"\x80", 1, 0, "stray continuation"},
	};
	size_t i, bad;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		tap_ok((inno_utf8_check(cases[i].in, cases[i].len, &bad) ==
		    NULL) == cases[i].ok, cases[i].what);
}

static void
test_width(void)
{
	tap_ok(inno_text_width("abc") == 3, "width ascii");
	tap_ok(inno_text_width("김철수") == 6, "width hangul is 2 a syllable");
	tap_ok(inno_text_width("A＝1") == 4, "width fullwidth sign");
	tap_ok(inno_text_width("") == 0, "width empty");
}

static void
test_dates(void)
{
	static const struct {
		const char *in;
		const char *why;
	} cases[] = {
		{"2024-02-29", NULL},
		{"2023-02-29", "no such day in that month"},
		{"2024-02-30", "no such day in that month"},
		{"2024/3/5", "not a date (YYYY-MM-DD)"},
		{"45356", "not a date (YYYY-MM-DD)"},
		{"2024-13-01", "no such month"},
		{"2024-1-01", "not a date (YYYY-MM-DD)"},
		{"1899-12-31", "year out of range (1900-2999)"},
	};
	char out[11], what[64];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(what, sizeof what, "date \"%s\"", cases[i].in);
		tap_str(inno_parse_date(cases[i].in, strlen(cases[i].in), out),
		    cases[i].why, what);
	}
	inno_date_add_days("2024-02-28", 2, out);
	tap_str(out, "2024-03-01", "add days over a leap day");
	inno_date_add_days("2007-01-01", -1, out);
	tap_str(out, "2006-12-31", "subtract a day over a year");
	{
		char m[8];
		inno_month_add("2007-11", 3, m);
		tap_str(m, "2008-02", "add months over a year");
		inno_month_add("2007-01", -1, m);
		tap_str(m, "2006-12", "subtract a month");
	}
}

static void
test_periods(void)
{
	static const struct {
		const char *in, *first, *last;
	} cases[] = {
		{"2007", "2007-01-01", "2007-12-31"},
		{"2007-H1", "2007-01-01", "2007-06-30"},
		{"2007-H2", "2007-07-01", "2007-12-31"},
		{"2007-Q2", "2007-04-01", "2007-06-30"},
		{"2008-02", "2008-02-01", "2008-02-29"},
		{"2007-03-26", "2007-03-26", "2007-03-26"},
		{"2007-01..2007-06", "2007-01-01", "2007-06-30"},
		{"2007-Q1..2007-H2", "2007-01-01", "2007-12-31"},
	};
	static const char *const bad[] = {"2007-H3", "2007-Q5", "07",
	    "2007-06..2007-01", "2007..", "..2007", "2007-Q", "", NULL};
	struct inno_period p;
	char what[64];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *why = inno_parse_period(cases[i].in, &p);
		snprintf(what, sizeof what, "period \"%s\"", cases[i].in);
		tap_ok(why == NULL, what);
		if (why == NULL) {
			tap_str(p.first, cases[i].first, "  first day");
			tap_str(p.last, cases[i].last, "  last day");
		}
	}
	for (i = 0; bad[i] != NULL; i++) {
		snprintf(what, sizeof what, "period \"%s\" refused", bad[i]);
		tap_ok(inno_parse_period(bad[i], &p) != NULL, what);
	}
}

int
main(void)
{
	test_ints();
	test_utf8();
	test_width();
	test_dates();
	test_periods();
	return tap_done();
}
