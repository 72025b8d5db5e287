/*
 * body.h: committees, councils and forums: the bodies the office runs or
 * sits on (행정혁신위원회, the capital-region council, the joint forum
 * with other districts, the 혁신포럼), with their members, chair, how
 * often they meet, and the meetings held.
 * lib/body.c owns the tables body, body_member and body_meeting: no other
 * file's SQL names them.
 *
 * Statements handed back through stp are owned by the database (cached).
 */
#ifndef INNO_BODY_H
#define INNO_BODY_H

#include "inno.h"

extern const char *const inno_body_kinds[];	/* NULL-terminated */
extern const char *const inno_body_cadences[];	/* NULL-terminated */

enum {
	INNO_BODY_NAME, INNO_BODY_KIND, INNO_BODY_PROGRAMME, INNO_BODY_CHAIR,
	INNO_BODY_CADENCE, INNO_BODY_FORMED, INNO_BODY_NOTE, INNO_BODY_NCOLS
};
extern const struct inno_col inno_body_cols[INNO_BODY_NCOLS];
/*
 * body-add's row function; arg is a struct inno_activity_names (its
 * programmes are the names a body's programme may take).
 */
const struct inno_error *inno_body_row(void *arg, struct inno_row *);

enum {
	INNO_BODYM_BODY, INNO_BODYM_EMPLOYEE, INNO_BODYM_NAME, INNO_BODYM_AFFILIATION,
	INNO_BODYM_ROLE, INNO_BODYM_JOINED, INNO_BODYM_NCOLS
};
extern const struct inno_col inno_body_member_cols[INNO_BODYM_NCOLS];
/* body-join's row function; arg is a struct inno_record_arg. */
const struct inno_error *inno_body_member_row(void *arg, struct inno_row *);

enum {
	INNO_MEET_BODY, INNO_MEET_DATE, INNO_MEET_ATTENDANCE, INNO_MEET_TOPIC,
	INNO_MEET_NCOLS
};
extern const struct inno_col inno_body_meeting_cols[INNO_MEET_NCOLS];
/* body-meet's row function; arg is a struct inno_record_arg. */
const struct inno_error *inno_body_meeting_row(void *arg, struct inno_row *);

struct inno_body_filter {
	const char *what;	/* NULL or "bodies", "members", "meetings" */
	const char *kind;	/* NULL: any */
	const char *programme;	/* NULL: any */
	const char *body;	/* a part of the name; NULL: any */
	const struct inno_period *period;	/* meetings counted; NULL: all */
	const char *as_of;	/* members counted who joined by then */
};
/* body-list's rows: the bodies, their members, or their meetings. */
const struct inno_error *inno_body_query(struct inno_db *,
    const struct inno_body_filter *, struct inno_stmt **stp);

/* One body as the report and the plan show it. */
struct inno_body_item {
	char *name;
	char *kind;
	char *programme;	/* "" when none */
	char *chair;		/* "" when none */
	char *cadence;
	char *note;		/* "" when none */
	int64_t members;	/* members who joined by the as-of day */
	int64_t staff;		/* of them employees */
	int64_t outside;	/* of them outside people or institutions */
	char *affiliations;	/* the outside members' names, ", " between,
				   "" when none */
	int64_t meetings;	/* meetings held in the period */
	int64_t attendance;	/* their attendance, summed */
	char (*dates)[11];	/* the meetings' dates, in order */
};

struct inno_body_figures {
	struct inno_body_item *bodies;	/* in order of formation */
	size_t nbodies;
};

/*
 * The bodies formed by as_of (of programme, or all when NULL), with their
 * members as of as_of and their meetings dated in p: body-list
 * --as-of=D --period=P's rows.  p or as_of NULL: every meeting, every
 * body and member.  This is what a plan shows of its committee, council
 * and forums (구성, 회장 단체, 운영 주기) as well as what the council
 * report counts of their meetings.  *out is the caller's, released with
 * inno_body_figures_release (also after an error).
 */
const struct inno_error *inno_body_figures(struct inno_db *,
    const char *programme, const struct inno_period *p, const char *as_of,
    struct inno_body_figures *out);
void inno_body_figures_release(struct inno_body_figures *);

/* The checks inno-check runs over these records. */
const struct inno_error *inno_body_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_BODY_H */
