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
		inno_row_error(r, col, "%s: %s (or a month, YYYY-MM)", s, why);
		return -1;
	}
	memcpy(last, first, 11);
	return 1;
}

const struct inno_error *
inno_schedule_row(void *arg, struct inno_row *r)
{
	struct inno_db *db = inno_row_db(r);
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
			inno_row_error(r, INNO_SCHED_SECTION, "%s: not a "
			    "section name (a-z, 0-9, _ and -)", section);
			return NULL;
		}
	if (has_end == 1 && emonth != smonth) {
		inno_row_error(r, INNO_SCHED_END, "give both start and end as "
		    "days, or both as months");
		return NULL;
	}
	if (has_end != 1)
		memcpy(e2, s2, sizeof e2);
	if (strcmp(e2, s1) < 0) {
		inno_row_error(r, INNO_SCHED_END, "%s: before the start %s",
		    e2, s1);
		return NULL;
	}
	if ((err = inno_db_run(db, "INSERT INTO schedule (section, starts, "
	    "ends, precision, what) VALUES (?, ?, ?, ?, ?)", "ttttt", section,
	    s1, e2, smonth ? "month" : "day", what)) != NULL)
		return err;
	*(int64_t *)arg = inno_db_last_id(db);
	inno_row_wrote(r, *(int64_t *)arg);
	return NULL;
}
