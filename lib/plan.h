/*
 * plan.h: the figures of the year plan (report-build plan) that the
 * council report does not show: the staff by grade, the budget lines the
 * wording names, the leader groups with their grade bands and training,
 * the clubs with their members, the courses with their spans, targets and
 * catalogues, the committee, councils and forums with their members,
 * chair and cadence, and the rules the configuration sets for the MVP
 * schemes, the mileage and the knowledge awards.  Each source asks the
 * module that owns the records (staff.h, budget.h, group.h, club.h,
 * course.h, body.h, task.h, knowledge.h, mvp.h) or reads the
 * configuration; lib/plan.c names no table.
 */
#ifndef INNO_PLAN_H
#define INNO_PLAN_H

#include "report.h"

typedef const struct inno_error *(*inno_plan_fn)(
    const struct inno_report_src *, struct inno_rsection *);

/*
 * The plan's source named by the n bytes at name ("groups"), or NULL when
 * there is none of that name.
 */
inno_plan_fn inno_plan_source(const char *name, size_t n);

#endif /* INNO_PLAN_H */
