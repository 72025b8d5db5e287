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


/* The checks inno-check runs over these records. */
const struct inno_error *inno_benchmark_check(struct inno_db *,
    struct inno_diag *);

#endif /* INNO_BENCHMARK_H */
