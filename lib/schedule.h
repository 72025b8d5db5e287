/*
 * schedule.h: the planned events of the office's programmes (meetings,
 * workshops, contests) that the plan and the council report list.
 * lib/schedule.c owns the table schedule: no other file's SQL names it.
 */
#ifndef INNO_SCHEDULE_H
#define INNO_SCHEDULE_H

#include "inno.h"

/*
 * The columns of schedule-add: a scheduled event of a programme.  start and
 * end take a day (YYYY-MM-DD) or a month (YYYY-MM); end defaults to start.
 * months lists the months of an event held in several ("2007-07 2007-12",
 * shown as one line "7월·12월") in place of start and end; undated is the
 * words shown in place of a date ("필요시"), with start a year.
 */
enum {
	INNO_SCHED_SECTION, INNO_SCHED_START, INNO_SCHED_END, INNO_SCHED_WHAT,
	INNO_SCHED_MONTHS, INNO_SCHED_UNDATED, INNO_SCHED_NCOLS
};
extern const struct inno_col inno_schedule_cols[INNO_SCHED_NCOLS];

/*
 * What schedule-add's row function needs: the sections an event may name,
 * which are the [section.NAME] sections of the report wording file
 * (report/report.ini under the share directory, see inno_report_share),
 * because report-build shows an event under the section of that name and
 * nowhere else; and the id of the last event inserted.
 */
struct inno_schedule_add {
	char **sections;	/* the section names, in the file's order */
	size_t nsections;
	int64_t last_id;	/* out */
};

/*
 * Reads the section names from share's wording file into a.  A missing or
 * malformed file is an EUSAGE error naming it.  a is the caller's, released
 * with inno_schedule_add_release (also after an error).
 */
const struct inno_error *inno_schedule_add_init(struct inno_schedule_add *a,
    const char *share);
void inno_schedule_add_release(struct inno_schedule_add *a);

/*
 * The row function of schedule-add; arg is a struct inno_schedule_add.  A
 * section the wording file does not define is refused, naming those it
 * does and the closest: a row of a batch is bad, and one from options is
 * an EUSAGE error (the wording, not the record, is what differs).
 */
const struct inno_error *inno_schedule_row(void *arg, struct inno_row *);

/*
 * The events of a section still ahead on day after (an event under way on
 * it counts: it ends after it) and starting by until, in order of their
 * start, for the plan (향후추진계획) of the section.  *v is the caller's,
 * freed with inno_schedule_events_free.
 */
struct inno_schedule_event {
	char starts[11];	/* the first day */
	char ends[11];		/* the last day */
	int month;		/* 1: planned to the month, not the day */
	char *what;
	char *months;		/* NULL, or its months "YYYY-MM YYYY-MM" */
	char *undated;		/* NULL, or the words in place of a date */
};
const struct inno_error *inno_schedule_ahead(struct inno_db *,
    const char *section, const char *after, const char *until,
    struct inno_schedule_event **v, size_t *n);
void inno_schedule_events_free(struct inno_schedule_event *v, size_t n);

#endif /* INNO_SCHEDULE_H */
