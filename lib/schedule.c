/*
 * schedule.c: the office's scheduled events (향후추진계획), written by
 * schedule-add and shown by report-build as the plan of each programme.
 * An event is planned to the day or only to the month, as the council
 * report writes "2007. 7월" beside "2007. 7. 10.".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "schedule.h"
#include "i18n.h"

const struct inno_col inno_schedule_cols[INNO_SCHED_NCOLS] = {
	{"section", 1}, {"start", 0}, {"end", 0}, {"what", 1},
	{"months", 0}, {"undated", 0},
};

/*
 * Reads a day or a month from column col: a day gives first = last; a
 * month its first and last days.  *month is 1 for a month.  Returns -1
 * after recording an error, 0 when empty, 1 when read.
 */
static int
day_or_month(struct inno_row *r, int col, char first[11], char last[11],
    int *month)
{
	const char *s, *why;
	char m[8];
	int got;

	if ((got = inno_row_text(r, col, 10, &s)) != 1)
		return got;
	/* A year, for an undated event: its first month to its last. */
	if (strlen(s) == 4 && strspn(s, "0123456789") == 4 && s[0] >= '1' &&
	    s[0] <= '2') {
		*month = 1;
		snprintf(first, 11, "%s-01-01", s);
		snprintf(last, 11, "%s-12-31", s);
		return 1;
	}
	*month = strlen(s) == 7;
	if (*month) {
		if ((why = inno_parse_month(s, 7, m)) != NULL) {
			inno_row_error(r, col, "%s: %s", s, why);
			return -1;
		}
		snprintf(first, 11, "%s-01", m);
		snprintf(last, 11, "%s-%02d", m, inno_days_in_month(atoi(m),
		    atoi(m + 5)));
		return 1;
	}
	if ((why = inno_parse_date(s, strlen(s), first)) != NULL) {
		inno_row_error(r, col,
		    _("%s: %s (or a month, YYYY-MM)"), s, why);
		return -1;
	}
	memcpy(last, first, 11);
	return 1;
}

void
inno_schedule_add_release(struct inno_schedule_add *a)
{
	size_t i;

	for (i = 0; i < a->nsections; i++)
		free(a->sections[i]);
	free(a->sections);
	memset(a, 0, sizeof *a);
}

const struct inno_error *
inno_schedule_add_init(struct inno_schedule_add *a, const char *share)
{
	const struct inno_error *err;
	struct inno_config *words = NULL;
	const char **names = NULL;
	size_t n = 0, i;

	memset(a, 0, sizeof *a);
	if ((err = inno_report_wording(&words, share)) != NULL ||
	    (err = inno_config_sections(words, "section.", &names, &n)) !=
	    NULL)
		goto done;
	if (n > 0 && (a->sections = calloc(n, sizeof *a->sections)) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	for (i = 0; i < n; i++) {
		if ((a->sections[i] = strdup(names[i] + strlen("section."))) ==
		    NULL) {
			err = inno_error_nomem();
			goto done;
		}
		a->nsections = i + 1;
	}
	if (n == 0)
		err = inno_error(INNO_EUSAGE,
		    _("%s/report/report.ini: no [section.NAME] section"),
		    share);
done:
	free(names);
	inno_config_free(words);
	return err;
}

/*
 * Whether section is one of a's; if not, lists a's sections in buf and
 * points *near at the closest one, or NULL when none is close.
 */
static int
known_section(const struct inno_schedule_add *a, const char *section,
    char *buf, size_t size, const char **near)
{
	size_t i, len, d, best = SIZE_MAX;

	*near = NULL;
	for (i = 0; i < a->nsections; i++)
		if (strcmp(a->sections[i], section) == 0)
			return 1;
	buf[0] = '\0';
	for (i = 0; i < a->nsections; i++) {
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
		    a->sections[i]);
		if (inno_is_near(section, a->sections[i]) &&
		    (d = inno_edit_distance(section, a->sections[i])) < best) {
			best = d;
			*near = a->sections[i];
		}
	}
	return 0;
}

/*
 * Reads the months of an event in several ("2007-07 2007-12", or joined
 * by commas or ·) into out as "YYYY-MM YYYY-MM", in order, with the first
 * and last days they span.  Returns -1 after recording an error, 0 when
 * the column is empty, 1 when read.
 */
static int
months_of(struct inno_row *r, int col, char *out, size_t size,
    char first[11], char last[11])
{
	const char *s, *p, *why;
	char m[8], prev[8] = "";
	size_t n, o = 0;
	int got;

	if ((got = inno_row_text(r, col, 200, &s)) != 1)
		return got;
	for (p = s; *p != '\0';) {
		if (*p == ' ' || *p == ',') {
			p++;
			continue;
		}
		if (strncmp(p, "·", strlen("·")) == 0) {
			p += strlen("·");
			continue;
		}
		for (n = 0; p[n] != '\0' && p[n] != ' ' && p[n] != ',' &&
		    strncmp(p + n, "·", strlen("·")) != 0; n++)
			;
		if ((why = inno_parse_month(p, n, m)) != NULL) {
			inno_row_error(r, col, "%.*s: %s", (int)n, p, why);
			return -1;
		}
		if (prev[0] != '\0' && strcmp(m, prev) <= 0) {
			inno_row_error(r, col, _("%s: not after %s; give the "
			    "months in order"), m, prev);
			return -1;
		}
		if (prev[0] == '\0')
			snprintf(first, 11, "%s-01", m);
		snprintf(last, 11, "%s-%02d", m, inno_days_in_month(atoi(m),
		    atoi(m + 5)));
		memcpy(prev, m, sizeof prev);
		if (o + 9 < size)
			o += (size_t)snprintf(out + o, size - o, "%s%s",
			    o > 0 ? " " : "", m);
		p += n;
	}
	if (o == 0) {
		inno_row_error(r, col, _("no month given"));
		return -1;
	}
	return 1;
}

const struct inno_error *
inno_schedule_row(void *arg, struct inno_row *r)
{
	struct inno_schedule_add *a = arg;
	struct inno_db *db = inno_row_db(r);
	char known[1024], months[200] = "";
	const struct inno_error *err;
	const char *section, *what, *undated, *near;
	char s1[11], s2[11], e1[11], e2[11], m1[11], m2[11];
	int smonth = 0, emonth = 0, has_start, has_end, has_months;
	size_t i;

	inno_row_text(r, INNO_SCHED_SECTION, 64, &section);
	has_start = day_or_month(r, INNO_SCHED_START, s1, s2, &smonth);
	has_end = day_or_month(r, INNO_SCHED_END, e1, e2, &emonth);
	inno_row_text(r, INNO_SCHED_WHAT, 500, &what);
	has_months = months_of(r, INNO_SCHED_MONTHS, months, sizeof months,
	    m1, m2);
	if (inno_row_text(r, INNO_SCHED_UNDATED, 50, &undated) != 1)
		undated = NULL;
	if (inno_row_bad(r))
		return NULL;
	/* Section names are words of the wording file: keep them plain. */
	for (i = 0; section[i] != '\0'; i++)
		if (!((section[i] >= 'a' && section[i] <= 'z') ||
		    (section[i] >= '0' && section[i] <= '9') ||
		    section[i] == '_' || section[i] == '-')) {
			inno_row_error(r, INNO_SCHED_SECTION, _("%s: not a "
			    "section name (a-z, 0-9, _ and -)"), section);
			return NULL;
		}
	if (!known_section(a, section, known, sizeof known, &near)) {
		/*
		 * From options the name is a usage error: the wording file,
		 * not the record, decides the sections there are.
		 */
		if (!inno_row_is_batch(r)) {
			if (near != NULL)
				return inno_error_code(INNO_EUSAGE,
				    INNO_E_NOTFOUND, _("--section=%s: not a "
				    "section of the report wording; did you "
				    "mean %s? (one of: %s)"), section, near,
				    known);
			return inno_error_code(INNO_EUSAGE, INNO_E_NOTFOUND,
			    _("--section=%s: not a section of the report "
			    "wording; one of: %s"), section, known);
		}
		if (near != NULL)
			inno_row_error(r, INNO_SCHED_SECTION, _("%s: not a "
			    "section of the report wording; did you mean %s? "
			    "(one of: %s)"), section, near, known);
		else
			inno_row_error(r, INNO_SCHED_SECTION, _("%s: not a "
			    "section of the report wording; one of: %s"),
			    section, known);
		return NULL;
	}
	/* Months in several: they give the span, and no start or end. */
	if (has_months == 1) {
		if (has_start == 1 || has_end == 1) {
			inno_row_error(r, INNO_SCHED_MONTHS, _("give the "
			    "months, or a start and an end, not both"));
			return NULL;
		}
		has_start = 1;
		smonth = 1;
		memcpy(s1, m1, sizeof s1);
		memcpy(s2, m1, sizeof s2);
		memcpy(e1, m2, sizeof e1);
		memcpy(e2, m2, sizeof e2);
		has_end = 1;
		emonth = 1;
	}
	if (has_start != 1) {
		inno_row_error(r, INNO_SCHED_START, _("required, but missing "
		    "(a year for an undated event)"));
		return NULL;
	}
	if (has_end == 1 && emonth != smonth) {
		inno_row_error(r, INNO_SCHED_END, _("give both start and end "
		    "as days, or both as months"));
		return NULL;
	}
	if (has_end != 1)
		memcpy(e2, s2, sizeof e2);
	if (strcmp(e2, s1) < 0) {
		inno_row_error(r, INNO_SCHED_END, _("%s: before the start %s"),
		    e2, s1);
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO schedule (section, starts, "
	    "ends, precision, what, months, undated) VALUES (?, ?, ?, ?, ?, "
	    "?, ?)", "ttttttt", section, s1, e2, smonth ? "month" : "day",
	    what, has_months == 1 ? months : NULL, undated)) != NULL)
		return err;
	a->last_id = inno_db_last_id(db);
	inno_row_wrote(r, a->last_id);
	return NULL;
}

void
inno_schedule_events_free(struct inno_schedule_event *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].what);
		free(v[i].months);
		free(v[i].undated);
	}
	free(v);
}

const struct inno_error *
inno_schedule_ahead(struct inno_db *db, const char *section,
    const char *after, const char *until, struct inno_schedule_event **vp,
    size_t *np)
{
	const struct inno_error *err;
	struct inno_schedule_event *v = NULL, *e;
	struct inno_stmt *st;
	size_t n = 0;
	int row;

	*vp = NULL;
	*np = 0;
	/* Undated events come after the dated ones, as the office lists. */
	if ((err = inno_db_query(db, &st, "SELECT starts, ends, precision, "
	    "what, months, undated FROM schedule WHERE section = ? AND ends > "
	    "? AND starts <= ? ORDER BY undated IS NOT NULL, starts, id",
	    "ttt", section, after, until)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row) {
		if ((e = inno_grow(v, n, sizeof *v)) == NULL) {
			inno_stmt_reset(st);
			inno_schedule_events_free(v, n);
			return inno_error_nomem();
		}
		v = e;
		e = &v[n++];
		snprintf(e->starts, sizeof e->starts, "%s",
		    inno_stmt_text(st, 0));
		snprintf(e->ends, sizeof e->ends, "%s", inno_stmt_text(st, 1));
		e->month = strcmp(inno_stmt_text(st, 2), "month") == 0;
		e->months = e->undated = NULL;
		if ((e->what = strdup(inno_stmt_text(st, 3))) == NULL ||
		    (!inno_stmt_isnull(st, 4) && (e->months =
		    strdup(inno_stmt_text(st, 4))) == NULL) ||
		    (!inno_stmt_isnull(st, 5) && (e->undated =
		    strdup(inno_stmt_text(st, 5))) == NULL)) {
			inno_stmt_reset(st);
			inno_schedule_events_free(v, n);
			return inno_error_nomem();
		}
	}
	if (err != NULL) {
		inno_schedule_events_free(v, n);
		return err;
	}
	*vp = v;
	*np = n;
	return NULL;
}
