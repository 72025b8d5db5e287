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
	{"section", 1}, {"start", 1}, {"end", 0}, {"what", 1},
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

/* Whether section is one of a's; if not, lists a's sections in buf. */
static int
known_section(const struct inno_schedule_add *a, const char *section,
    char *buf, size_t size)
{
	size_t i, len;

	for (i = 0; i < a->nsections; i++)
		if (strcmp(a->sections[i], section) == 0)
			return 1;
	buf[0] = '\0';
	for (i = 0; i < a->nsections; i++) {
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
		    a->sections[i]);
	}
	return 0;
}

const struct inno_error *
inno_schedule_row(void *arg, struct inno_row *r)
{
	struct inno_schedule_add *a = arg;
	struct inno_db *db = inno_row_db(r);
	char known[1024];
	const struct inno_error *err;
	const char *section, *what;
	char s1[11], s2[11], e1[11], e2[11];
	int smonth = 0, emonth = 0, has_end;
	size_t i;

	inno_row_text(r, INNO_SCHED_SECTION, 64, &section);
	day_or_month(r, INNO_SCHED_START, s1, s2, &smonth);
	has_end = day_or_month(r, INNO_SCHED_END, e1, e2, &emonth);
	inno_row_text(r, INNO_SCHED_WHAT, 500, &what);
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
	if (!known_section(a, section, known, sizeof known)) {
		inno_row_error(r, INNO_SCHED_SECTION, _("%s: not a section of "
		    "the report wording; one of: %s"), section, known);
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
	    "ends, precision, what) VALUES (?, ?, ?, ?, ?)", "ttttt", section,
	    s1, e2, smonth ? "month" : "day", what)) != NULL)
		return err;
	a->last_id = inno_db_last_id(db);
	inno_row_wrote(r, a->last_id);
	return NULL;
}

void
inno_schedule_events_free(struct inno_schedule_event *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].what);
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
	if ((err = inno_db_query(db, &st, "SELECT starts, ends, precision, "
	    "what FROM schedule WHERE section = ? AND ends > ? AND starts <= ? "
	    "ORDER BY starts, id", "ttt", section, after, until)) != NULL)
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
		if ((e->what = strdup(inno_stmt_text(st, 3))) == NULL) {
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
