/*
 * course.h: training: courses (e-learning rounds, special training,
 * workshops) with their dates, hours and target group, and the enrolment
 * and completion of employees.  lib/course.c owns the tables course and
 * enrolment: no other file's SQL names them.  The row functions are the
 * writers of course-add and course-enroll; each takes a pointer to an
 * int64_t that receives the id of the last record written (or NULL).
 */
#ifndef INNO_COURSE_H
#define INNO_COURSE_H

#include "inno.h"

/*
 * course-add: name, kind, round, start, end, hours, target; programme, the
 * wording file's programme name whose report section shows the course
 * (none: the section whose wording says unfiled = yes); attended, the
 * head count of a round whose people are not enrolled one by one; and
 * the catalogue of an e-learning round, its count and the course named
 * first ("성과를 만드는 코칭의 기술 외 37과정").
 */
enum {
	INNO_COURSE_NAME, INNO_COURSE_KIND, INNO_COURSE_ROUND,
	INNO_COURSE_START, INNO_COURSE_END, INNO_COURSE_HOURS,
	INNO_COURSE_TARGET, INNO_COURSE_PROGRAMME, INNO_COURSE_ATTENDED,
	INNO_COURSE_CATALOGUE, INNO_COURSE_CATALOGUE_NAME, INNO_COURSE_NCOLS
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
	const char *first;	/* NULL, or a period: the rounds held at */
	const char *last;	/* least in part in it, its completions */
	const char *on;		/* the day a course's state is judged */
	const char *status;	/* NULL, or only enrolments in this status */
	int enrolments;		/* list the enrolments instead */
	const char *by;		/* NULL, "course" or "kind" */
	const char *programme;	/* NULL: any */
	int unfiled;		/* 1: with programme, also the courses of
				   no programme */
};
/*
 * Prepares the course-list query; the statement is the database's.  One
 * row a round, or with by the sums of those rows per programme or kind;
 * each column has the meaning of the same field of inno_course_round.
 */
const struct inno_error *inno_course_query(struct inno_db *,
    const struct inno_course_filter *, struct inno_stmt **stp);

/* A round's state on a day. */
enum inno_course_state {
	INNO_COURSE_PLANNED,	/* it starts after the day */
	INNO_COURSE_RUNNING,	/* the day is one of its days, first and
				   last included ("in progress") */
	INNO_COURSE_FINISHED	/* it ended before the day */
};

/* One round of the figures: one row of course-list. */
struct inno_course_round {
	int64_t id;
	char *name;		/* the programme's name, owned */
	char kind[16];		/* e-learning, special or workshop */
	int64_t round;		/* 1차, 2차, ... */
	char start[11];		/* its first and last days */
	char end[11];
	enum inno_course_state state;	/* on the figures' day */
	int64_t enrolled;	/* enrolments not dropped, as they stand */
	int64_t completed;	/* completions dated in the period */
	int64_t dropped;	/* enrolments dropped, as they stand */
	int64_t attended;	/* the head count recorded, -1: none */
	int64_t people;		/* attended, or else enrolled */
	char *target;		/* who it is for, owned ("" none) */
	int64_t catalogue;	/* courses in its catalogue, 0: none */
	char *catalogue_name;	/* the one named first, owned ("" none) */
};

/*
 * The training figures of a period as the council report gives them
 * (1·2차 사이버 교육 286명; 3차 진행중 87명), over the rounds of kind
 * (NULL: any) held at least in part in [first, on], where on is the
 * as-of date or the period's last day if earlier, judged on the day on.
 * The rounds are the rows of `course-list --period=FIRST..ON --on=ON
 * [--kind=KIND]`, read through the same statement, and the sums are those
 * of its --by=kind rows, so the report and the listing cannot disagree.
 * Enrolments carry no date but their completion's: enrolled and dropped
 * are counted as the records stand.
 */
struct inno_course_figures {
	char first[11];		/* the period's first day */
	char on[11];		/* its last, and the day of the states */
	int64_t rounds;		/* rounds held at least in part in it */
	int64_t enrolled;	/* their enrolments not dropped */
	int64_t completed;	/* their completions dated in the period */
	int64_t dropped;	/* their enrolments dropped */
	int64_t running;	/* rounds in progress on on */
	int64_t running_enrolled;	/* enrolled in those */
	int64_t finished;	/* rounds ended before on */
	int64_t finished_completed;	/* their completions in the period */
	struct inno_course_round *round;	/* in start order */
	size_t nround;
};
/*
 * Fills *out; out is the caller's, released with
 * inno_course_figures_release, also after an error.
 */
const struct inno_error *inno_course_figures(struct inno_db *,
    const struct inno_period *p, const char *as_of, const char *kind,
    struct inno_course_figures *out);
/*
 * The same over the courses of one programme (NULL: any); unfiled 1
 * takes the courses recorded without a programme along.
 */
const struct inno_error *inno_course_figures_of(struct inno_db *,
    const struct inno_period *p, const char *as_of, const char *kind,
    const char *programme, int unfiled, struct inno_course_figures *out);
void inno_course_figures_release(struct inno_course_figures *);

/* The checks inno-check runs on courses and enrolments. */
const struct inno_error *inno_course_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_COURSE_H */
