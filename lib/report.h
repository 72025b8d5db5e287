/*
 * report.h: the reports of report-build.  A report is built in two steps:
 * first every figure is computed from the records into a figure model
 * (sections holding items: headings, sentences and figures, where a figure
 * may have parts that must add up to it), then one renderer per format
 * writes that model.  Every format therefore shows the same numbers, and
 * the check of parts against totals runs on the model itself.
 *
 * The wording (headings, fixed sentences, units, section order per kind)
 * comes from share/report/report.ini, found through inno_report_share, so
 * the office edits it without recompiling.
 */
#ifndef INNO_REPORT_H
#define INNO_REPORT_H

#include "inno.h"

/* No parent: the item is not a part of another one. */
#define INNO_RNONE ((size_t)-1)

/* What an item of a section is. */
enum inno_ritem_kind {
	INNO_RTEXT,		/* a sentence or, at level 0, a □ heading */
	INNO_RFIG,		/* a figure: label, value, unit, maybe parts */
};

struct inno_ritem {
	enum inno_ritem_kind kind;
	int level;		/* 0 □, 1 ○, 2 - */
	char *key;		/* figure key such as "staff.current"; NULL else */
	char *label;		/* the figure's label, or the sentence */
	int64_t value;		/* in base units (money: won) */
	const char *unit;	/* unit key: people, items, clubs, money, ... */
	size_t parent;		/* the figure this one is a part of */
	int nparts;		/* how many items name this one as parent */
	int split;		/* 1: must equal the sum of its parts, even
				   when there are none (then it must be 0) */
};

struct inno_rsection {
	char *key;		/* "general", "vision", ... */
	char *heading;
	char *group;		/* sections of one group share a heading */
	struct inno_ritem *items;
	size_t nitems, cap;
};

struct inno_report {
	char *kind;
	char *title;		/* "2007년도 주요업무추진현황" */
	char *cover;		/* the line above the title, may be "" */
	char *session_dates;	/* the session's dates under it, may be "" */
	char *office;		/* the office's name under the title */
	char date[11];		/* the as-of date */
	struct inno_period period;
	struct inno_rsection *secs;
	size_t nsecs;
	struct inno_config *words; /* the wording file, owned */
	int money_million;	/* 1: money in 백만원, else 천원 */
	enum inno_encoding encoding;	/* of csv output; the caller may set */
};

struct inno_report_opts {
	const char *kind;	/* council, plan, or a section name */
	struct inno_period period;
	char as_of[11];		/* results up to here, plan after */
	const char *share;	/* the share directory holding report/ */
	const char *wording;	/* a wording file over report.ini, or NULL:
				   the kind's and year's (see below) */
	const char *session;	/* the cover's session, or NULL: the
				   wording's session, else its cover */
	const char *session_dates; /* under it, or NULL: the wording's */
};

/*
 * The share directory: $INNO_SHARE, else [report] share in the
 * configuration, else the compiled-in default.  The string is owned by the
 * environment, the configuration or static storage.
 */
const char *inno_report_share(const struct inno_config *cfg,
    const char *compiled);

/*
 * Reads the report wording, SHARE/report/report.ini, into *words (the
 * caller's, freed with inno_config_free; NULL on error).  It is a plain
 * INI file, not checked against inno.ini's keys.  Everything that needs
 * the kinds and sections of the wording reads it here.
 */
const struct inno_error *inno_report_wording(struct inno_config **words,
    const char *share);

/*
 * Reads the wording of a report of kind for the year (4 digits) into
 * *words, as inno_report_wording, with one more file read over
 * SHARE/report/report.ini, key by key: file when not NULL, else
 * SHARE/report/KIND-YEAR.ini when it exists, else SHARE/report/KIND.ini
 * when it exists.  A kind or year that could name another directory is not
 * looked up.  A missing file named explicitly is an EUSAGE error.
 */
const struct inno_error *inno_report_wording_for(struct inno_config **words,
    const char *share, const char *kind, const char *year, const char *file);

/*
 * Builds the report of kind o->kind from the records.  An unknown kind or a
 * malformed wording file is an EUSAGE error.  *rp is the caller's, freed
 * with inno_report_free.
 */
const struct inno_error *inno_report_build(struct inno_db *,
    const struct inno_config *cfg, const struct inno_report_opts *o,
    struct inno_report **rp);
void inno_report_free(struct inno_report *);

/*
 * What a source of figures kept outside this file (lib/plan.c) is given:
 * the records, the configuration, the report being built (its wording,
 * period and as-of date), the section's name, and the days the results
 * are counted over.  Everything is the builder's.
 */
struct inno_report_src {
	struct inno_db *db;
	const struct inno_config *cfg;
	struct inno_report *r;
	const char *section;	/* the section's name, "plan.groups" */
	const char *from;	/* results from this day ... */
	const char *to;		/* ... to this one */
	const char *office;	/* the office's department, NULL: all */
};

/*
 * The level a wording line's mark gives it (□ 0, ○ 1, - 2, · 3; none: 1),
 * with *line moved past the mark and the spaces after it.
 */
int inno_report_mark(const char **line);

/*
 * Appends an item to a section, as the builders of report.c do; label is
 * copied, key (may be NULL) too; unit is a static or wording string;
 * *idx (may be NULL) receives its index for parts that follow.
 */
const struct inno_error *inno_report_add(struct inno_rsection *,
    enum inno_ritem_kind, int level, const char *key, const char *label,
    int64_t value, const char *unit, size_t parent, size_t *idx);

/*
 * Checks that every figure with parts equals the sum of its parts, adding
 * one line per figure that does not to diag.
 */
void inno_report_check(const struct inno_report *, struct inno_diag *);

enum inno_report_format {
	INNO_RFMT_TEXT, INNO_RFMT_MD, INNO_RFMT_HTML, INNO_RFMT_CSV,
	INNO_RFMT_XLSX,
};
/* Parses text, md, html, csv, xlsx; -1 when unknown. */
int inno_report_format_parse(const char *s);

/* Writes the report in a format to fp (which stays the caller's). */
const struct inno_error *inno_report_write(const struct inno_report *,
    enum inno_report_format, FILE *fp);

/* The display unit of a unit key ("people" → "명"); owned by r. */
const char *inno_report_unit(const struct inno_report *, const char *unit);
/* A figure's value in its display unit (money scaled to 천원/백만원). */
int64_t inno_report_shown(const struct inno_report *,
    const struct inno_ritem *);

#endif /* INNO_REPORT_H */
