/*
 * Unit tests of lib/text.c and lib/date.c: numbers, UTF-8, display width,
 * control characters, escapes, thousands separators, dates and periods,
 * table-driven.
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
	tap_ok(inno_text_width("\xe2\x9c\x85 done") == 7,
	    "width U+2705 check mark is 2");
	tap_ok(inno_text_width("\xe2\xad\x90") == 2, "width U+2B50 star is 2");
	tap_ok(inno_text_width("\xf0\x9f\x98\x80") == 2,
	    "width U+1F600 face is 2");
	tap_ok(inno_text_width("e\xcc\x81") == 1,
	    "width combining acute is 0");
	tap_ok(inno_text_width("\xe2\x80\xa6") == 1, "width ellipsis is 1");
	tap_ok(inno_text_clip("abcdef", 3) == 3, "clip ascii");
	tap_ok(inno_text_clip("김철수", 3) == 3,
	    "clip never splits a wide character");
	tap_ok(inno_text_clip("김철수", 4) == 6, "clip two syllables in 4");
	tap_ok(inno_text_clip("ae\xcc\x81" "b", 2) == 4,
	    "clip keeps a combining mark with its letter");
	tap_ok(inno_text_clip("ab", 10) == 2, "clip shorter than the width");
}

static void
test_controls(void)
{
	static const struct {
		const char *in;
		int multiline;
		const char *why;	/* NULL: accepted */
		size_t bad;
		uint32_t cp;
	} cases[] = {
		{"plain text", 0, NULL, 0, 0},
		{"김철수 ✅", 0, NULL, 0, 0},
		{"a\x1b[31mred", 0, "control character", 1, 0x1B},
		{"bell\a", 0, "control character", 4, 0x07},
		{"back\bspace", 0, "control character", 4, 0x08},
		{"del\x7f", 0, "control character", 3, 0x7F},
		{"cr\rover", 0, "control character", 2, 0x0D},
		{"cr\rover", 1, "control character", 2, 0x0D},
		{"csi\xc2\x9b" "2J", 0, "control character", 3, 0x9B},
		{"two\nlines", 0, "line break in a one-line field", 3, 0x0A},
		{"two\nlines", 1, NULL, 0, 0},
		{"a\tb", 0, "tab in a one-line field", 1, 0x09},
		{"a\tb", 1, NULL, 0, 0},
		{"x\xe2\x80\xa8y", 1, "line break in a one-line field", 1,
		    0x2028},
		{"abc\xe2\x80\xae" "evil", 1, "bidirectional control", 3,
		    0x202E},
		{"\xe2\x80\xaaltr", 0, "bidirectional control", 0, 0x202A},
		{"\xe2\x81\xa6iso\xe2\x81\xa9", 0, "bidirectional control", 0,
		    0x2066},
		{"x\xe2\x81\xa9", 0, "bidirectional control", 1, 0x2069},
		{"x\xe2\x80\x8fy", 0, "bidirectional control", 1, 0x200F},
		{"zero\xe2\x80\x8bwidth", 0, "invisible character", 4, 0x200B},
		{"\xef\xbb\xbf" "bom", 0, "invisible character", 0, 0xFEFF},
	};
	char what[96];
	size_t i, bad;
	uint32_t cp;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *why;
		bad = 99;
		cp = 0;
		why = inno_text_check(cases[i].in, strlen(cases[i].in),
		    cases[i].multiline, &bad, &cp);
		snprintf(what, sizeof what, "text check case %zu%s", i,
		    cases[i].multiline ? " (multi-line)" : "");
		tap_str(why, cases[i].why, what);
		if (why != NULL && cases[i].why != NULL) {
			tap_ok(bad == cases[i].bad, "  byte offset");
			tap_ok(cp == cases[i].cp, "  code point");
		}
		tap_ok(inno_text_plain(cases[i].in) == (cases[i].why == NULL &&
		    !cases[i].multiline), "  plain");
	}
	tap_ok(inno_text_multiline("findings") && inno_text_multiline("note") &&
	    !inno_text_multiline("title") && !inno_text_multiline("name"),
	    "free-text columns");
}

static void
test_escape(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"plain", "plain"},
		{"김철수", "김철수"},
		{"a\nb\tc\rd", "a\\nb\\tc\\rd"},
		{"\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"},
		{"\a\b\x7f", "\\x07\\x08\\x7f"},
		{"\xc2\x9b", "\\u009b"},
		{"abc\xe2\x80\xae" "fed", "abc\\u202efed"},
		{"\xe2\x81\xa6x\xe2\x81\xa9", "\\u2066x\\u2069"},
		{"bad\xff" "byte", "bad\\xffbyte"},
		{"back\\slash", "back\\slash"},
		{"", ""},
	};
	size_t i;
	char what[64], *got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = inno_text_escape(cases[i].in);
		snprintf(what, sizeof what, "escape case %zu", i);
		tap_str(got, cases[i].want, what);
		if (got != NULL)
			tap_ok(inno_text_plain(got), "  escaped text is plain");
		free(got);
	}
}

static void
test_thousands(void)
{
	static const struct {
		int64_t v;
		const char *want;
	} cases[] = {
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1,000"},
		{5400, "5,400"},
		{-5400, "-5,400"},
		{123456, "123,456"},
		{1234567, "1,234,567"},
		{-999, "-999"},
		{-1000, "-1,000"},
		{INT64_MAX, "9,223,372,036,854,775,807"},
		{INT64_MIN, "-9,223,372,036,854,775,808"},
		{INT64_MIN + 1, "-9,223,372,036,854,775,807"},
	};
	char buf[INNO_THOUSANDS_SIZE], what[64];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(what, sizeof what, "thousands %lld",
		    (long long)cases[i].v);
		tap_str(inno_fmt_thousands(cases[i].v, buf), cases[i].want,
		    what);
	}
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
	test_controls();
	test_escape();
	test_thousands();
	test_dates();
	test_periods();
	return tap_done();
}
