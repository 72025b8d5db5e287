/*
 * date.c: calendar dates, months and report periods as ISO text.  Dates are
 * stored and compared as YYYY-MM-DD strings; "today" comes from $INNO_NOW
 * when set, so tests and reruns of a monthly job see a fixed day.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "inno.h"
#include "i18n.h"

int
inno_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
num(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

const char *
inno_parse_date(const char *s, size_t len, char out[11])
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
	    !digits(s + 5, 2) || !digits(s + 8, 2))
		return _("not a date (YYYY-MM-DD)");
	y = num(s, 4);
	m = num(s + 5, 2);
	d = num(s + 8, 2);
	if (y < 1900 || y > 2999)
		return _("year out of range (1900-2999)");
	if (m < 1 || m > 12)
		return _("no such month");
	if (d < 1 || d > inno_days_in_month(y, m))
		return _("no such day in that month");
	memcpy(out, s, 10);
	out[10] = '\0';
	return NULL;
}

const char *
inno_parse_month(const char *s, size_t len, char out[8])
{
	int y, m;

	if (len != 7 || s[4] != '-' || !digits(s, 4) || !digits(s + 5, 2))
		return _("not a month (YYYY-MM)");
	y = num(s, 4);
	m = num(s + 5, 2);
	if (y < 1900 || y > 2999)
		return _("year out of range (1900-2999)");
	if (m < 1 || m > 12)
		return _("no such month");
	memcpy(out, s, 7);
	out[7] = '\0';
	return NULL;
}

static void
set_date(char out[11], int y, int m, int d)
{
	char tmp[48];

	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

/* Parses one period term into its first and last day. */
static const char *
parse_term(const char *s, size_t len, struct inno_period *p)
{
	char buf[11];
	int y, n;

	if (len == 4 && digits(s, 4)) {
		y = num(s, 4);
		if (y < 1900 || y > 2999)
			return _("year out of range (1900-2999)");
		set_date(p->first, y, 1, 1);
		set_date(p->last, y, 12, 31);
		return NULL;
	}
	if (len == 7 && s[4] == '-' && (s[5] == 'H' || s[5] == 'Q' ||
	    s[5] == 'h' || s[5] == 'q') && digits(s, 4) && digits(s + 6, 1)) {
		y = num(s, 4);
		n = s[6] - '0';
		if (y < 1900 || y > 2999)
			return _("year out of range (1900-2999)");
		if (s[5] == 'H' || s[5] == 'h') {
			if (n < 1 || n > 2)
				return _("no such half-year (H1 or H2)");
			set_date(p->first, y, n == 1 ? 1 : 7, 1);
			set_date(p->last, y, n == 1 ? 6 : 12, n == 1 ? 30 : 31);
		} else {
			if (n < 1 || n > 4)
				return _("no such quarter (Q1 to Q4)");
			set_date(p->first, y, 3 * n - 2, 1);
			set_date(p->last, y, 3 * n,
			    inno_days_in_month(y, 3 * n));
		}
		return NULL;
	}
	if (len == 7) {
		const char *why = inno_parse_month(s, len, buf);
		if (why != NULL)
			return why;
		y = num(s, 4);
		n = num(s + 5, 2);
		set_date(p->first, y, n, 1);
		set_date(p->last, y, n, inno_days_in_month(y, n));
		return NULL;
	}
	if (len == 10) {
		const char *why = inno_parse_date(s, len, buf);
		if (why != NULL)
			return why;
		memcpy(p->first, buf, 11);
		memcpy(p->last, buf, 11);
		return NULL;
	}
	return _("not a period (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, YYYY-MM-DD or "
	    "FROM..TO)");
}

const char *
inno_parse_period(const char *s, struct inno_period *p)
{
	struct inno_period a, b;
	const char *dots, *why;

	dots = strstr(s, "..");
	if (dots == NULL)
		return parse_term(s, strlen(s), p);
	if ((why = parse_term(s, (size_t)(dots - s), &a)) != NULL)
		return why;
	if ((why = parse_term(dots + 2, strlen(dots + 2), &b)) != NULL)
		return why;
	if (strcmp(a.first, b.last) > 0)
		return _("period ends before it starts");
	memcpy(p->first, a.first, 11);
	memcpy(p->last, b.last, 11);
	return NULL;
}

/* Days since 1970-01-01 for a proleptic Gregorian date. */
static long
days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
inno_date_number(const char *date, long *days)
{
	char d[11];

	if (date == NULL || inno_parse_date(date, strlen(date), d) != NULL)
		return -1;
	*days = days_from_civil(num(d, 4), num(d + 5, 2), num(d + 8, 2));
	return 0;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void
inno_date_add_days(const char in[11], int days, char out[11])
{
	int y, m, d;

	civil_from_days(days_from_civil(num(in, 4), num(in + 5, 2),
	    num(in + 8, 2)) + days, &y, &m, &d);
	set_date(out, y, m, d);
}

void
inno_month_add(const char in[8], int months, char out[8])
{
	int n = num(in, 4) * 12 + num(in + 5, 2) - 1 + months;
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%04d-%02d", n / 12, n % 12 + 1);
	memcpy(out, tmp, 7);
	out[7] = '\0';
}

const struct inno_error *
inno_now(char buf[21])
{
	const char *env = getenv("INNO_NOW");
	char date[11];
	struct tm tm;
	time_t t;

	if (env != NULL && *env != '\0') {
		size_t len = strlen(env);
		if (len == 10 && inno_parse_date(env, len, date) == NULL) {
			snprintf(buf, 21, "%sT00:00:00Z", date);
			return NULL;
		}
		if ((len == 19 || (len == 20 && env[19] == 'Z')) &&
		    env[10] == 'T' && inno_parse_date(env, 10, date) == NULL &&
		    env[13] == ':' && env[16] == ':' && digits(env + 11, 2) &&
		    digits(env + 14, 2) && digits(env + 17, 2) &&
		    num(env + 11, 2) < 24 && num(env + 14, 2) < 60 &&
		    num(env + 17, 2) < 61) {
			snprintf(buf, 21, "%.19sZ", env);
			return NULL;
		}
		return inno_error(INNO_EUSAGE, _("INNO_NOW: not a date or time "
		    "(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS): %s"), env);
	}
	t = time(NULL);
	if (gmtime_r(&t, &tm) == NULL)
		return inno_error_errno("gmtime");
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return NULL;
}

const struct inno_error *
inno_today(char buf[11])
{
	char now[21];
	const struct inno_error *err;

	if ((err = inno_now(now)) != NULL)
		return err;
	memcpy(buf, now, 10);
	buf[10] = '\0';
	return NULL;
}
