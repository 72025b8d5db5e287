/*
 * record.c: what the benchmarking, idea, knowledge, award and budget
 * records share: the mileage they give through the ledger, the parsing of
 * word lists in filters, and the rules inno-check applies to them.
 */
#include <string.h>

#include "mileage.h"
#include "record.h"

/*
 * The default category of each mileage key: the name of a [mileage.NAME]
 * section.  A category that is not configured gives nothing, so mileage
 * for these records is off until the office gives it points.
 */
static const struct {
	const char *key;
	const char *category;
} defaults[] = {
	{"idea:mileage_submitted", "idea.submitted"},
	{"idea:mileage_adopted", "idea.adopted"},
	{"knowledge:mileage_approved", "knowledge.approved"},
	{"benchmark:mileage_presentation", "presentation"},
};

const struct inno_error *
inno_record_mileage(struct inno_db *db, const char *key, int64_t employee,
    int64_t dept, const char *date, const char *reason, const char *ref_table,
    int64_t ref_id)
{
	const char *category = "";
	size_t i;

	for (i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
		if (strcmp(defaults[i].key, key) == 0)
			category = defaults[i].category;
	category = inno_config_str(inno_db_config(db), key, category);
	if (category[0] == '\0')
		return NULL;
	return inno_mileage_record(db, employee, dept, date, category, reason,
	    ref_table, ref_id, NULL);
}

const struct inno_error *
inno_record_unmileage(struct inno_db *db, const char *ref_table,
    int64_t ref_id, const char *date, const char *reason)
{
	if (ref_id == 0)
		return NULL;
	return inno_mileage_reverse_ref(db, ref_table, ref_id, date, reason,
	    NULL);
}

const char *
inno_record_words(const char *s, const char *const *words, unsigned *mask)
{
	const char *p = s, *e;
	char w[64];
	size_t len;
	int i;

	*mask = 0;
	for (;;) {
		e = strchr(p, ',');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		if (len == 0 || len >= sizeof w)
			return "expected a comma-separated list";
		memcpy(w, p, len);
		w[len] = '\0';
		if ((i = inno_word_index(words, w)) < 0)
			return "unknown word in the list";
		*mask |= 1u << i;
		if (e == NULL)
			return NULL;
		p = e + 1;
	}
}

/* Runs a query whose rows are problems, adding msg formatted per row. */
static const struct inno_error *
problems(struct inno_db *db, struct inno_diag *d, const char *sql,
    const char *what)
{
	const struct inno_error *err;
	struct inno_stmt *st;
	int row;

	if ((err = inno_db_query(db, &st, sql, NULL)) != NULL)
		return err;
	while ((err = inno_stmt_step(st, &row)) == NULL && row)
		inno_diag_add(d, "%s %lld: %s", what,
		    (long long)inno_stmt_int(st, 0), inno_stmt_text(st, 1));
	return err;
}

const struct inno_error *
inno_record_check(struct inno_db *db, struct inno_diag *d)
{
	static const struct {
		const char *what;
		const char *sql;
	} rules[] = {
		{"award", "SELECT a.id, printf('funded projects total %d won, "
		    "more than the incentive of %d won', sum(f.amount), "
		    "a.incentive) FROM award a JOIN award_fund f ON f.award_id "
		    "= a.id GROUP BY a.id HAVING sum(f.amount) > a.incentive"},
		{"budget", "SELECT b.id, printf('%d %s: spent %d won, more "
		    "than the budget of %d won', b.year, b.programme, "
		    "sum(s.amount), b.amount) FROM budget b JOIN budget_spend s "
		    "ON s.budget_id = b.id GROUP BY b.id HAVING sum(s.amount) > "
		    "b.amount"},
		{"budget spending", "SELECT s.id, printf('dated %s, outside "
		    "the budget year %d', s.date, b.year) FROM budget_spend s "
		    "JOIN budget b ON b.id = s.budget_id WHERE "
		    "CAST(substr(s.date, 1, 4) AS INTEGER) <> b.year"},
		{"idea", "SELECT i.id, printf('status %s, but the latest "
		    "decision is %s', i.status, r.decision) FROM idea i JOIN "
		    "idea_review r ON r.id = (SELECT max(id) FROM idea_review "
		    "WHERE idea_id = i.id AND decision IS NOT NULL) WHERE "
		    "r.decision <> i.status"},
		{"idea", "SELECT i.id, 'adopted without an assigned "
		    "department' FROM idea i WHERE i.status = 'adopted' AND "
		    "i.assigned_id IS NULL"},
		{"idea", "SELECT i.id, printf('decided on %s, before it was "
		    "submitted on %s', r.date, i.submitted) FROM idea i JOIN "
		    "idea_review r ON r.idea_id = i.id WHERE r.date < "
		    "i.submitted"},
		{"knowledge", "SELECT k.id, printf('status %s, but the latest "
		    "evaluation is %s', k.status, coalesce(e.verdict, 'none')) "
		    "FROM knowledge k LEFT JOIN knowledge_eval e ON e.id = "
		    "(SELECT max(id) FROM knowledge_eval WHERE knowledge_id = "
		    "k.id) WHERE k.status IS NOT coalesce(e.verdict, "
		    "'submitted')"},
		{"benchmark", "SELECT b.id, printf('%d people, fewer than its "
		    "%d participating employees', b.people, count(m.id)) FROM "
		    "benchmark b JOIN benchmark_member m ON m.benchmark_id = "
		    "b.id GROUP BY b.id HAVING count(m.id) > b.people"},
	};
	const struct inno_error *err;
	size_t i;

	for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if ((err = problems(db, d, rules[i].sql, rules[i].what)) !=
		    NULL)
			return err;
	return NULL;
}
