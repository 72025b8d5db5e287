/*
 * course.h: training: courses (e-learning rounds, special training,
 * workshops) with their dates, hours and target group, and the enrolment
 * and completion of employees.  The row functions are the writers of
 * course-add and course-enroll; each takes a pointer to an int64_t that
 * receives the id of the last record written (or NULL).
 */
#ifndef INNO_COURSE_H
#define INNO_COURSE_H

#include "inno.h"

/* course-add: name, kind, round, start, end, hours, target. */
enum {
	INNO_COURSE_NAME, INNO_COURSE_KIND, INNO_COURSE_ROUND,
	INNO_COURSE_START, INNO_COURSE_END, INNO_COURSE_HOURS,
	INNO_COURSE_TARGET, INNO_COURSE_NCOLS
};
extern const struct inno_col inno_course_cols[INNO_COURSE_NCOLS];
const struct inno_error *inno_course_row(void *last_id, struct inno_row *);

/* course-enroll: course, round, employee_id, status, completed. */
enum {
	INNO_ENROL_COURSE, INNO_ENROL_ROUND, INNO_ENROL_EMPLOYEE,
	INNO_ENROL_STATUS, INNO_ENROL_COMPLETED, INNO_ENROL_NCOLS
};
extern const struct inno_col inno_enrol_cols[INNO_ENROL_NCOLS];
/* Inserts an enrolment, or updates the status of one already recorded. */
const struct inno_error *inno_enrol_row(void *last_id, struct inno_row *);

struct inno_course_filter {
	const char *kind;	/* NULL: any */
	const char *name;	/* NULL: any */
	int64_t round;		/* 0: any */
	const char *first;	/* NULL, or a period the courses overlap */
	const char *last;
	const char *on;		/* the day a course's state is judged */
	const char *status;	/* NULL, or only enrolments in this status */
	int enrolments;		/* list the enrolments instead */
	const char *by;		/* NULL, "course" or "kind" */
};
/* Prepares the course-list query; the statement is the database's. */
const struct inno_error *inno_course_query(struct inno_db *,
    const struct inno_course_filter *, struct inno_stmt **stp);

/*
 * The training figures of a period as the council report gives them
 * (1·2차 사이버 교육 286명; 3차 진행중 87명): over the rounds of kind
 * (NULL: any) held at least in part in [first, last], judged on the day
 * on (required).
 */
struct inno_course_figures {
	int64_t rounds;		/* course rounds in the period */
	int64_t enrolled;	/* enrolments not dropped */
	int64_t completed;
	int64_t finished;	/* rounds ended by on */
	int64_t finished_completed;	/* completers of those */
	int64_t running;	/* rounds in progress on on */
	int64_t running_enrolled;	/* enrolled in those */
	int64_t planned;	/* rounds starting after on */
};
const struct inno_error *inno_course_figures(struct inno_db *,
    const char *kind, const char *first, const char *last, const char *on,
    struct inno_course_figures *);

/* The checks inno-check runs on courses and enrolments. */
const struct inno_error *inno_course_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_COURSE_H */
