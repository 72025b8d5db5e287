/*
 * activity.h: programme activity that is not a task, club, course, idea or
 * visit: forum sessions, contests, monitoring rounds, launches, newsletter
 * issues, press coverage, festival events, exhibitions, campaigns,
 * self-evaluations, and gauges read as of a date (INNO246's membership,
 * the innovation level).
 * lib/activity.c owns the tables activity and activity_member: no other
 * file's SQL names them.
 *
 * The kinds are the [activity.KIND] sections of the report wording
 * (share/report/report.ini), which also say how the report shows each;
 * the programmes are the programme names of its [section.NAME] sections.
 * Statements handed back through stp are owned by the database (cached).
 */
#ifndef INNO_ACTIVITY_H
#define INNO_ACTIVITY_H

#include "inno.h"

enum {
	INNO_PA_PROGRAMME, INNO_PA_KIND, INNO_PA_DATE, INNO_PA_ENDS,
	INNO_PA_TITLE, INNO_PA_TIMES, INNO_PA_PEOPLE, INNO_PA_ITEMS,
	INNO_PA_UNITS, INNO_PA_DEPTS, INNO_PA_WINNERS, INNO_PA_EMPLOYEES,
	INNO_PA_COVERS_FROM, INNO_PA_COVERS_TO, INNO_PA_NOTE,
	INNO_PA_NCOLS
};
extern const struct inno_col inno_activity_cols[INNO_PA_NCOLS];

/* The counts of an activity, in the order of their columns. */
enum {
	INNO_PAC_TIMES, INNO_PAC_PEOPLE, INNO_PAC_ITEMS, INNO_PAC_UNITS,
	INNO_PAC_DEPTS, INNO_PAC_WINNERS, INNO_PAC_N
};
extern const char *const inno_activity_counts[];	/* NULL-terminated */

/*
 * The names activity-log accepts, read from the wording file: the kinds
 * ([activity.KIND]) and the programmes (every programme = of a
 * [section.NAME]), in the file's order.
 */
struct inno_activity_names {
	char **kinds;
	size_t nkinds;
	char **programmes;
	size_t nprogrammes;
	int64_t last_id;	/* out: the last activity written */
};

/*
 * Reads the names from share's wording file into a (the caller's,
 * released with inno_activity_names_release, also after an error).  A
 * missing file, or one with no kind, is an EUSAGE error naming it.
 */
const struct inno_error *inno_activity_names_init(
    struct inno_activity_names *a, const char *share);
void inno_activity_names_release(struct inno_activity_names *a);

/*
 * activity-log's row function; arg is a struct inno_activity_names.  An
 * unknown kind or programme is refused, naming the known ones.  people,
 * when not given, is the number of employees listed.
 */
const struct inno_error *inno_activity_row(void *arg, struct inno_row *);

struct inno_activity_filter {
	const char *programme;		/* NULL: any */
	const char *kind;		/* NULL: any */
	const struct inno_period *period;	/* NULL: any date */
	const char *by;	/* NULL (records), kind, programme, month */
};
/* activity-list's rows: records, or totals by kind, programme or month. */
const struct inno_error *inno_activity_query(struct inno_db *,
    const struct inno_activity_filter *, struct inno_stmt **stp);

/* One title of a kind's activities in the period, with its counts. */
struct inno_activity_title {
	char *title;
	int64_t records;
	int64_t count[INNO_PAC_N];
};

/* One reading of a gauge: its date and counts. */
struct inno_activity_reading {
	char date[11];
	int64_t count[INNO_PAC_N];
	char *title;
};

/*
 * The figures of one kind under a programme.  For a kind the wording
 * calls a gauge (gauge = yes), count holds the last reading on or before
 * the as-of date and readings every reading up to then; for other kinds,
 * the sums over the activities dated in the period (times counts an
 * activity with no times as once).
 */
struct inno_activity_kind {
	char *kind;
	int gauge;
	int64_t records;
	int64_t count[INNO_PAC_N];
	int64_t attendance;	/* participations of employees, all listed */
	int64_t participants;	/* distinct employees who took part */
	int64_t grade[10];	/* those participants by grade (1 to 9) */
	int64_t month[12];	/* times by month of the year */
	char first[11];		/* the first day, and the last (its end) */
	char last[11];
	char covers_from[11];	/* the period evaluated, when recorded */
	char covers_to[11];
	char *note;		/* the last activity's note, "" when none */
	struct inno_activity_title *titles;	/* in order of first date */
	size_t ntitles;
	struct inno_activity_reading *readings;	/* gauges, by date */
	size_t nreadings;
};

struct inno_activity_figures {
	struct inno_activity_kind *kinds;	/* in the wording's order */
	size_t nkinds;
};

/*
 * The figures of programme's activities in period p (gauges as of as_of),
 * one per kind that has any, in the order of words' [activity.KIND]
 * sections.  These are activity-list --programme=P --period=P --by=kind's
 * sums.  *out is the caller's, released with
 * inno_activity_figures_release (also after an error).
 */
const struct inno_error *inno_activity_figures(struct inno_db *,
    const struct inno_config *words, const char *programme,
    const struct inno_period *p, const char *as_of,
    struct inno_activity_figures *out);
void inno_activity_figures_release(struct inno_activity_figures *);

/* The checks inno-check runs over these records. */
const struct inno_error *inno_activity_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_ACTIVITY_H */
