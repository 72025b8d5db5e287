/*
 * benchmark.h: benchmarking visits and presentations, with the employees
 * who took part.
 * lib/benchmark.c owns the tables benchmark and benchmark_member: no other file's SQL names them.
 *
 * Statements handed back through stp are owned by the database (cached),
 * never finalised by the caller, and valid until the same SQL is prepared
 * again.
 */
#ifndef INNO_BENCHMARK_H
#define INNO_BENCHMARK_H

#include "inno.h"

extern const char *const inno_benchmark_kinds[];	/* NULL-terminated */

enum {
	INNO_BM_KIND, INNO_BM_DATE, INNO_BM_INSTITUTION, INNO_BM_SECTOR,
	INNO_BM_PEOPLE, INNO_BM_SPEAKER, INNO_BM_EMPLOYEES, INNO_BM_FINDINGS,
	INNO_BM_TASK, INNO_BM_NCOLS
};
extern const struct inno_col inno_benchmark_cols[INNO_BM_NCOLS];
/* benchmark-log's row function; arg is a struct inno_record_arg. */
const struct inno_error *inno_benchmark_row(void *arg, struct inno_row *);

struct inno_benchmark_filter {
	unsigned kinds;			/* bit per inno_benchmark_kinds; 0: any */
	const struct inno_period *period;	/* NULL: any date */
	const char *institution;	/* a part of the name; NULL: any */
	const char *by;	/* NULL (events), total, kind, year, quarter, month,
			   institution */
};
const struct inno_error *inno_benchmark_query(struct inno_db *,
    const struct inno_benchmark_filter *, struct inno_stmt **stp);

/*
 * The benchmarking figures of a period as the council report gives them
 * (혁신우수사례 보고회 23회와 벤치마킹 방문기관 30기관, 1,971명; 우수기관
 * 벤치마킹 2회).  Each counts the events dated from p->first to p->last,
 * and is the sum of benchmark-list --period=P --by=kind (events, people)
 * or --kind=outgoing --by=quarter, counted by leaner statements over the
 * index benchmark_figures (t0603 holds the two together).
 */
struct inno_benchmark_figures {
	int64_t events[3];	/* events dated in the period, by kind, in
				   the order of inno_benchmark_kinds */
	int64_t people[3];	/* the people those events counted: staff
				   who went, visitors, audience */
	int64_t outgoing_quarter[4];	/* outgoing visits dated in the
				   period, by quarter of the year (Q1 of
				   every year of the period together) */
};
const struct inno_error *inno_benchmark_figures(struct inno_db *,
    const struct inno_period *p, struct inno_benchmark_figures *out);

/* The checks inno-check runs over these records. */
const struct inno_error *inno_benchmark_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_BENCHMARK_H */
