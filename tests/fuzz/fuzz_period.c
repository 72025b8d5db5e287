/*
 * fuzz_period.c: libFuzzer harness for the date, month, period and number
 * parsers (lib/date.c, lib/text.c).  Beyond not crashing, what is accepted
 * must make sense: a period's first day is a real date no later than its
 * last, and "first..last" parses back to the same period; an accepted date
 * or month is the input itself and survives day and month arithmetic there
 * and back; an accepted number prints back as the same text.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inno.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void
fail(const char *what, const char *input)
{
	fprintf(stderr, "fuzz_period: invariant broken: %s (input \"%s\")\n",
	    what, input);
	abort();
}

static void
check_period(const char *s)
{
	struct inno_period p, q;
	char both[32], d[11];

	if (inno_parse_period(s, &p) != NULL)
		return;
	if (inno_parse_date(p.first, strlen(p.first), d) != NULL ||
	    inno_parse_date(p.last, strlen(p.last), d) != NULL)
		fail("period bounds are not dates", s);
	if (strcmp(p.first, p.last) > 0)
		fail("period ends before it starts", s);
	snprintf(both, sizeof both, "%s..%s", p.first, p.last);
	if (inno_parse_period(both, &q) != NULL ||
	    strcmp(p.first, q.first) != 0 || strcmp(p.last, q.last) != 0)
		fail("first..last does not parse back to the period", s);
	if (inno_parse_period(p.first, &q) != NULL ||
	    strcmp(q.first, p.first) != 0 || strcmp(q.last, p.first) != 0)
		fail("a day is not a period of one day", s);
}

static void
check_date(const char *s, size_t len)
{
	char d[11], e[11], f[11];

	if (inno_parse_date(s, len, d) != NULL)
		return;
	if (len != 10 || memcmp(d, s, 10) != 0)
		fail("accepted date differs from the input", s);
	inno_date_add_days(d, 1, e);
	if (strcmp(e, d) <= 0)
		fail("the next day is not later", s);
	inno_date_add_days(e, -1, f);
	if (strcmp(f, d) != 0)
		fail("a day forward and back is not the same day", s);
	inno_date_add_days(d, 400, e);
	inno_date_add_days(e, -400, f);
	if (strcmp(f, d) != 0)
		fail("400 days forward and back is not the same day", s);
}

static void
check_month(const char *s, size_t len)
{
	char m[8], n[8], o[8], d[11];

	if (inno_parse_month(s, len, m) != NULL)
		return;
	if (len != 7 || memcmp(m, s, 7) != 0)
		fail("accepted month differs from the input", s);
	inno_month_add(m, 13, n);
	inno_month_add(n, -13, o);
	if (strcmp(o, m) != 0)
		fail("13 months forward and back is not the same month", s);
	snprintf(d, sizeof d, "%s-%02d", m, inno_days_in_month(atoi(m),
	    atoi(m + 5)));
	if (inno_parse_date(d, 10, d) != NULL)
		fail("the last day of an accepted month is no date", s);
}

static void
check_int(const char *s, size_t len)
{
	char back[32];
	int64_t v;

	if (inno_parse_int(s, len, INT64_MIN, INT64_MAX, &v) == NULL) {
		snprintf(back, sizeof back, "%" PRId64, v);
		if (strlen(back) != len || memcmp(back, s, len) != 0)
			fail("accepted number does not print back the same",
			    s);
	}
	if (inno_parse_int(s, len, -5, 5, &v) == NULL && (v < -5 || v > 5))
		fail("number outside its range accepted", s);
	if (inno_parse_money(s, len, &v) == NULL && v < 0)
		fail("negative money accepted", s);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char s[65];
	size_t len = size < 64 ? size : 64;

	memcpy(s, data, len);
	s[len] = '\0';
	check_period(s);
	len = strlen(s);
	check_date(s, len);
	check_month(s, len);
	check_int(s, len);
	return 0;
}
