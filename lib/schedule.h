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
 */
enum {
	INNO_SCHED_SECTION, INNO_SCHED_START, INNO_SCHED_END, INNO_SCHED_WHAT,
	INNO_SCHED_NCOLS
};
extern const struct inno_col inno_schedule_cols[INNO_SCHED_NCOLS];

/*
 * The row function of schedule-add; arg is an int64_t receiving the id of
 * the last event inserted.
 */
const struct inno_error *inno_schedule_row(void *arg, struct inno_row *);

#endif /* INNO_SCHEDULE_H */
