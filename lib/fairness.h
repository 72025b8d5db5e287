/*
 * fairness.h: the fairness check of the mileage ledger (mileage-check).
 * It reads the ledger through mileage-list's query (mileage.h), who wrote
 * each entry through the audit trail's view audit_lines (audit.h), and the
 * titles of ideas and knowledge items through their listings, and reports
 * per month the patterns that make a point scheme unfair, each with the
 * entries behind it.  lib/fairness.c owns no table.
 *
 * The audit knows the Unix user who wrote an entry; the [logins] section
 * of inno.ini says which employee each user is (alice = E012).  A user
 * not listed is nobody's, and the two patterns that need the writer skip
 * that user's entries.
 */
#ifndef INNO_FAIRNESS_H
#define INNO_FAIRNESS_H

#include "inno.h"

/* The patterns, in the order they are reported. */
enum inno_fair_pattern {
	INNO_FAIR_SELF,		/* an award written by its recipient */
	INNO_FAIR_MUTUAL,	/* two people who award each other */
	INNO_FAIR_BURST,	/* many entries just before the month ends */
	INNO_FAIR_CONCENTRATION, /* a department's points on one person */
	INNO_FAIR_CAP,		/* a cap reached month after month */
	INNO_FAIR_DUPLICATE,	/* near-identical titles paid twice */
	INNO_FAIR_NPATTERNS
};
/* "self", "mutual", "burst", "concentration", "cap", "duplicate", NULL. */
extern const char *const inno_fair_patterns[];

/* One ledger entry as the check sees it. */
struct inno_fair_entry {
	int64_t id;
	char date[11];
	char employee_id[65];	/* "" for a department's own entry */
	char *dept;		/* the department credited */
	char category[65];
	int64_t points;
	char *ref_table;	/* "" when none */
	int64_t ref_id;
	char *user;		/* the Unix user who wrote it, "" unknown */
	const char *writer;	/* that user's employee_id, or NULL */
	int trimmed;		/* the audit says a cap trimmed it */
	int live;		/* not a reversal, not reversed, points > 0 */
};

/* One finding: a pattern in a month, and the entries behind it. */
struct inno_fair_finding {
	char month[8];
	enum inno_fair_pattern pattern;
	char *subject;		/* an employee_id, "A B", a department */
	char *detail;		/* what was found, in words */
	size_t *entries;	/* indexes into the result's entries */
	size_t nentries;
};

struct inno_fair_result {
	struct inno_fair_entry *entries;
	size_t nentries;
	struct inno_fair_finding *findings;
	size_t nfindings;
};

/*
 * Checks the months first to last (YYYY-MM, inclusive) with the thresholds
 * of the configuration's [fairness] section (see inno.ini(5)); a bad
 * setting is an EUSAGE error.  Runs in one read transaction.  res is the
 * caller's, released with inno_fair_result_release even on error.
 */
const struct inno_error *inno_fair_check(struct inno_db *, const char *first,
    const char *last, struct inno_fair_result *res);
void inno_fair_result_release(struct inno_fair_result *);

/*
 * Writes one row per entry of each finding: month, pattern, subject,
 * entry, date, employee_id, dept, category, points, user, detail.
 */
const struct inno_error *inno_fair_write(struct inno_out *,
    const struct inno_fair_result *);

/*
 * The key under which two titles count as the same: s in NFC as far as
 * Hangul goes (conjoining jamo composed into syllables, algorithmically),
 * with white space (including U+00A0 and U+3000) left out and ASCII
 * letters in lower case.  Invalid UTF-8 is kept byte for byte.  The
 * caller frees the result; NULL when memory is short.
 */
char *inno_fair_title_key(const char *s);

#endif /* INNO_FAIRNESS_H */
