/*
 * undo.c: takes back one command as a whole; undo.h gives the design.
 * No SQL here names a table: what a command did comes from audit.c, and
 * each step goes back through the handler of its table's owner.
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "mileage.h"
#include "undo.h"
#include "i18n.h"

/*
 * ROWS: rows deleted, restored or re-inserted through db.c; LEDGER:
 * answered by entries (mileage.c); DERIVED: sums its owner keeps from
 * another table, put right by that table's undo, never a dependency;
 * REFUSE: never taken back.
 */
enum how { ROWS, LEDGER, DERIVED, REFUSE };

/* Every table the programs write, its owner, and how it is taken back. */
static const struct handler {
	const char *table;
	const char *owner;
	enum how how;
	const char *month;	/* a column naming a month, or NULL */
} handlers[] = {
	{"dept", "staff.c", ROWS, NULL},
	{"team", "staff.c", ROWS, NULL},
	{"employee", "staff.c", ROWS, NULL},
	{"task", "task.c", ROWS, NULL},
	{"task_member", "task.c", ROWS, NULL},
	{"task_milestone", "task.c", ROWS, NULL},
	{"task_log", "task.c", ROWS, NULL},
	{"task_score", "task.c", ROWS, NULL},
	{"mileage", "mileage.c", LEDGER, NULL},
	{"mileage_close", "mileage.c", REFUSE, NULL},
	{"mileage_month", "mileage.c", DERIVED, NULL},
	{"mileage_mvp", "mvp.c", ROWS, "month"},
	{"club", "club.c", ROWS, NULL},
	{"club_member", "club.c", ROWS, NULL},
	{"club_grant", "club.c", ROWS, NULL},
	{"club_activity", "club.c", ROWS, NULL},
	{"group_member", "group.c", ROWS, NULL},
	{"course", "course.c", ROWS, NULL},
	{"enrolment", "course.c", ROWS, NULL},
	{"benchmark", "benchmark.c", ROWS, NULL},
	{"benchmark_member", "benchmark.c", ROWS, NULL},
	{"idea_meeting", "idea.c", ROWS, NULL},
	{"idea", "idea.c", ROWS, NULL},
	{"idea_review", "idea.c", ROWS, NULL},
	{"knowledge", "knowledge.c", ROWS, NULL},
	{"knowledge_eval", "knowledge.c", ROWS, NULL},
	{"knowledge_view", "knowledge.c", ROWS, NULL},
	{"award", "award.c", ROWS, NULL},
	{"award_fund", "award.c", ROWS, NULL},
	{"budget", "budget.c", ROWS, NULL},
	{"budget_spend", "budget.c", ROWS, NULL},
	{"schedule", "schedule.c", ROWS, NULL},
	{"activity", "activity.c", ROWS, NULL},
	{"activity_member", "activity.c", ROWS, NULL},
	{"body", "body.c", ROWS, NULL},
	{"body_member", "body.c", ROWS, NULL},
	{"body_meeting", "body.c", ROWS, NULL},
};

static const struct handler *
handler(const char *table)
{
	size_t i;

	for (i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
		if (strcmp(handlers[i].table, table) == 0)
			return &handlers[i];
	return NULL;
}

/* The DERIVED tables, as a JSON array for inno_audit_later. */
static const char derived[] = "[\"mileage_month\"]";

const struct inno_error *
inno_undo_list(struct inno_db *db, const struct inno_audit_filter *f,
    struct inno_stmt **stp)
{
	struct inno_audit_filter g = *f;

	g.hide = derived;
	return inno_audit_commands(db, &g, stp);
}

/* Whether step s is of a DERIVED table, which its source's undo keeps. */
static int
derived_step(const struct inno_audit_step *s)
{
	const struct handler *h;

	return s->kind < INNO_STEP_BATCH && s->tbl != NULL &&
	    (h = handler(s->tbl)) != NULL && h->how == DERIVED;
}

/* A growing set of command ids. */
struct ids {
	int64_t *v;
	size_t n;
	int nomem;
};

static void
ids_add(struct ids *s, int64_t id)
{
	int64_t *grown;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i] == id)
			return;
	if ((grown = realloc(s->v, (s->n + 1) * sizeof *grown)) == NULL) {
		s->nomem = 1;
		return;
	}
	s->v = grown;
	s->v[s->n++] = id;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Rows of other tables naming a row the command inserted. */
struct refs {
	char **tbl;
	int64_t *id;
	size_t n;
	int nomem;
};

static void
ref_add(void *arg, const char *table, int64_t id)
{
	struct refs *r = arg;
	char **t;
	int64_t *i;

	if ((t = realloc(r->tbl, (r->n + 1) * sizeof *t)) != NULL)
		r->tbl = t;
	if ((i = realloc(r->id, (r->n + 1) * sizeof *i)) != NULL)
		r->id = i;
	if (t == NULL || i == NULL || (r->tbl[r->n] = strdup(table)) == NULL) {
		r->nomem = 1;
		return;
	}
	r->id[r->n++] = id;
}

static void
refs_free(struct refs *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->tbl[i]);
	free(r->tbl);
	free(r->id);
}

/* Whether row id of table is among the rows the command inserted. */
static int
inserted(const struct inno_audit_step *s, size_t n, const char *table,
    int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i].kind == INNO_STEP_INSERTED &&
		    strcmp(s[i].tbl, table) == 0 && s[i].first_id <= id &&
		    s[i].last_id >= id)
			return 1;
	return 0;
}

/*
 * Whether command id no longer has effect: it was undone by a command that
 * itself has effect.  *undoes gets what id took back, 0 for nothing.
 */
static const struct inno_error *
cancelled(struct inno_db *db, int64_t id, int *yes, int64_t *undoes)
{
	const struct inno_error *err;
	struct inno_audit_cmd c;
	int found, by_gone;
	int64_t dummy;

	*yes = 0;
	*undoes = 0;
	if ((err = inno_audit_command(db, id, &c, &found)) != NULL || !found)
		return err;
	*undoes = c.undoes;
	if (c.undone_by == 0)
		return NULL;
	if ((err = cancelled(db, c.undone_by, &by_gone, &dummy)) != NULL)
		return err;
	*yes = !by_gone;
	return NULL;
}

/*
 * Drops from deps the commands whose effect is gone: one undone by an
 * undo that holds, and that undo with it, since the two together changed
 * nothing.
 */
static const struct inno_error *
drop_undone(struct inno_db *db, struct ids *deps)
{
	const struct inno_error *err;
	int64_t undoes;
	size_t i, k = 0;
	int gone;

	for (i = 0; i < deps->n; i++) {
		if ((err = cancelled(db, deps->v[i], &gone, &undoes)) != NULL)
			return err;
		if (!gone && undoes != 0) {
			/* An undo that holds cancels its target. */
			gone = 1;
		}
		if (!gone)
			deps->v[k++] = deps->v[i];
	}
	deps->n = k;
	return NULL;
}

/*
 * A row whose month column names a closed month is that month's figure
 * (a stored MVP): the undo must not change it.  The row is the one the
 * change log kept, or the one there now.
 */
static const struct inno_error *
closed_row(struct inno_db *db, const struct inno_audit_cmd *c,
    const struct handler *h, const struct inno_audit_step *s)
{
	const struct inno_error *err = NULL;
	char *json = NULL, *month = NULL;
	int64_t id;
	int closed = 0;

	for (id = s->first_id; err == NULL && !closed && id <= s->last_id;
	    id++) {
		if (s->kind == INNO_STEP_INSERTED)
			err = inno_db_row_json(db, s->tbl, id, &json);
		else if ((json = strdup(s->data)) == NULL)
			err = inno_error_nomem();
		if (err == NULL && json != NULL && (err = inno_db_text(db,
		    &month, "SELECT json_extract(?, '$.' || ?)", "tt", json,
		    h->month)) == NULL && month != NULL)
			err = inno_mileage_closed(db, month, &closed);
		if (err == NULL && closed)
			err = inno_error(INNO_EINPUT, _("command %lld cannot be "
			    "undone: it wrote %s row %lld of %s, a closed "
			    "month, which an undo never reopens"),
			    (long long)c->id, s->tbl, (long long)id, month);
		free(json);
		free(month);
		json = month = NULL;
	}
	return err;
}

/* Everything that refuses the undo, before anything is written. */
static const struct inno_error *
refusals(struct inno_db *db, const struct inno_audit_cmd *c,
    const struct inno_audit_step *s, size_t n)
{
	const struct inno_error *err;
	const struct handler *h;
	struct inno_audit_cmd d;
	struct refs refs = {0};
	struct ids deps = {0};
	int64_t *later = NULL, by;
	size_t nlater = 0, i;
	char *list = NULL, *t;
	int found;

	for (i = 0; i < n; i++) {
		if (s[i].kind == INNO_STEP_OTHER)
			return inno_error(INNO_EINPUT, _("command %lld cannot be "
			    "undone: it did \"%s\", which no undo takes back"),
			    (long long)c->id, s[i].action);
		if (s[i].kind >= INNO_STEP_BATCH)
			continue;
		if ((h = handler(s[i].tbl)) == NULL)
			return inno_error(INNO_EINPUT, _("command %lld cannot be "
			    "undone: table %s has no undo"), (long long)c->id,
			    s[i].tbl);
		if (h->how == DERIVED)
			continue;
		if (h->how == REFUSE)
			return inno_error(INNO_EINPUT, _("command %lld cannot be "
			    "undone: it closed a month, and a closed month is "
			    "never reopened"), (long long)c->id);
		if (s[i].kind != INNO_STEP_INSERTED && s[i].data == NULL)
			return inno_error(INNO_EINPUT, _("command %lld cannot be "
			    "undone: it changed %s row %lld before the old "
			    "values were kept"), (long long)c->id, s[i].tbl,
			    (long long)s[i].first_id);
		if (h->month != NULL && (err = closed_row(db, c, h, &s[i])) !=
		    NULL)
			return err;
	}

	if ((err = inno_audit_later(db, c->id, derived, &later, &nlater)) !=
	    NULL)
		return err;
	for (i = 0; i < nlater; i++)
		ids_add(&deps, later[i]);
	free(later);
	for (i = 0; i < n; i++)
		if (s[i].kind == INNO_STEP_INSERTED && !derived_step(&s[i]) &&
		    (err = inno_db_row_refs(db,
		    s[i].tbl, s[i].first_id, s[i].last_id, ref_add, &refs)) !=
		    NULL)
			goto done;
	if (refs.nomem) {
		err = inno_error_nomem();
		goto done;
	}
	for (i = 0; i < refs.n; i++) {
		if (inserted(s, n, refs.tbl[i], refs.id[i]))
			continue;
		/*
		 * The reference is the last writer's: a later command's is a
		 * dependency, the command's own update is taken back with it.
		 */
		if ((err = inno_audit_written_by(db, refs.tbl[i], refs.id[i],
		    &by)) != NULL)
			goto done;
		if (by > c->id)
			ids_add(&deps, by);
	}
	if (deps.nomem) {
		err = inno_error_nomem();
		goto done;
	}
	if ((err = drop_undone(db, &deps)) != NULL || deps.n == 0)
		goto done;
	qsort(deps.v, deps.n, sizeof *deps.v, cmp_id);
	for (i = 0; i < deps.n; i++) {
		if ((err = inno_audit_command(db, deps.v[i], &d, &found)) !=
		    NULL)
			goto done;
		t = inno_strf("%s%s%lld (%s, %s)", list != NULL ? list : "",
		    list != NULL ? ", " : "", (long long)deps.v[i],
		    found ? d.program : "?", found ? d.at : "?");
		free(list);
		if ((list = t) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
	}
	err = inno_error(INNO_EINPUT, _("command %lld cannot be undone: later "
	    "commands depend on it: %s; undo those first"), (long long)c->id,
	    list);
done:
	free(list);
	free(deps.v);
	refs_free(&refs);
	return err;
}

/* Deletes the rows of an insert, last first, and audits what it deleted. */
static const struct inno_error *
undo_insert(struct inno_db *db, const struct inno_audit_step *s,
    const char *why, struct inno_undo_result *res)
{
	const struct inno_error *err;
	int64_t id, n = 0;
	int deleted;

	if (handler(s->tbl)->how == LEDGER) {
		if ((err = inno_mileage_undo_range(db, s->first_id, s->last_id,
		    why, &n)) != NULL)
			return err;
		res->entries += n;
		return NULL;
	}
	for (id = s->last_id; id >= s->first_id; id--) {
		if ((err = inno_db_row_delete(db, s->tbl, id, &deleted)) !=
		    NULL)
			return err;
		n += deleted;
	}
	res->deleted += n;
	if (n == 0)
		return NULL;
	return inno_audit(db, "delete", s->tbl, s->first_id, s->last_id,
	    "%lld row%s: %s", (long long)n, n == 1 ? "" : "s", why);
}

static const struct inno_error *
undo_change(struct inno_db *db, const struct inno_audit_step *s,
    const char *why, struct inno_undo_result *res)
{
	const struct inno_error *err;
	int update = s->kind == INNO_STEP_UPDATED;

	if ((err = inno_db_row_put(db, s->tbl, s->data, update)) != NULL)
		return inno_error_wrap(err, _("%s row %lld: %s"), s->tbl,
		    (long long)s->first_id, err->msg);
	if (update)
		res->restored++;
	else
		res->reinserted++;
	return inno_audit(db, update ? "update" : "insert", s->tbl,
	    s->first_id, s->first_id, "%s", why);
}

static const struct inno_error *
undo_batch(struct inno_db *db, const struct inno_audit_step *s,
    struct inno_undo_result *res)
{
	const struct inno_error *err;
	char *json = NULL, *id = NULL;

	if (s->kind == INNO_STEP_BATCH_FORGOT) {
		if ((err = inno_batch_restore(db, s->data)) != NULL)
			return err;
		res->batches++;
		return inno_audit(db, "batch-restore", "batch", -1, -1, "%s",
		    s->data);
	}
	if (s->kind == INNO_STEP_BATCH)
		err = inno_batch_forget(db, s->data, &json);
	else if ((err = inno_db_text(db, &id, "SELECT json_extract(?, '$.id')",
	    "t", s->data)) == NULL && id != NULL)
		err = inno_batch_forget(db, id, &json);
	free(id);
	if (err == NULL && json != NULL) {
		res->batches++;
		err = inno_audit(db, "batch-forget", "batch", -1, -1, "%s", json);
	}
	free(json);
	return err;
}

/*
 * The steps go back in the reverse of their order: inserts last first (a
 * record's details before the record), then updates and deletes from the
 * latest, skipping the rows the command inserted (already gone), then the
 * batch identities.
 */
const struct inno_error *
inno_undo(struct inno_db *db, int64_t id, int dry_run,
    struct inno_undo_result *res)
{
	const struct inno_error *err;
	struct inno_audit_step *s = NULL;
	struct inno_audit_cmd c;
	size_t n = 0, i;
	char *why = NULL;
	int found;

	memset(res, 0, sizeof *res);
	if ((err = inno_db_begin(db)) != NULL)
		return err;
	if ((err = inno_audit_command(db, id, &c, &found)) != NULL)
		goto fail;
	if (!found) {
		err = inno_error_code(INNO_EINPUT, INNO_E_NOTFOUND,
		    _("command %lld: no such command"), (long long)id);
		goto fail;
	}
	if (c.undone_by != 0) {
		err = inno_error(INNO_EINPUT, _("command %lld was undone "
		    "already, by command %lld"), (long long)id,
		    (long long)c.undone_by);
		goto fail;
	}
	if ((err = inno_audit_steps(db, id, &s, &n)) != NULL ||
	    (err = refusals(db, &c, s, n)) != NULL)
		goto fail;
	if ((why = inno_strf(_("undo of command %lld (%s, %s)"), (long long)id,
	    c.program, c.at)) == NULL) {
		err = inno_error_nomem();
		goto fail;
	}
	inno_audit_undoes(id);
	/*
	 * A record and the rows naming it go back in one transaction, in
	 * whichever order; the foreign keys hold at its end.
	 */
	if ((err = inno_db_exec(db, "PRAGMA defer_foreign_keys = ON")) != NULL)
		goto fail;
	for (i = n; i-- > 0;)
		if (s[i].kind == INNO_STEP_INSERTED && !derived_step(&s[i]) &&
		    (err = undo_insert(db, &s[i], why, res)) != NULL)
			goto fail;
	for (i = n; i-- > 0;)
		if ((s[i].kind == INNO_STEP_UPDATED ||
		    s[i].kind == INNO_STEP_DELETED) &&
		    !inserted(s, n, s[i].tbl, s[i].first_id) &&
		    !derived_step(&s[i]) &&
		    (err = undo_change(db, &s[i], why, res)) != NULL)
			goto fail;
	for (i = n; i-- > 0;)
		if (s[i].kind >= INNO_STEP_BATCH && s[i].kind <=
		    INNO_STEP_BATCH_RESTORED && (err = undo_batch(db, &s[i],
		    res)) != NULL)
			goto fail;
	if ((err = inno_audit(db, "undo", NULL, -1, -1, "%s", why)) != NULL)
		goto fail;
	res->command = inno_audit_current();
	inno_audit_undoes(0);
	inno_audit_steps_free(s, n);
	free(why);
	if (dry_run) {
		inno_db_rollback(db);
		return NULL;
	}
	return inno_db_commit(db);
fail:
	inno_audit_undoes(0);
	inno_audit_steps_free(s, n);
	free(why);
	inno_db_rollback(db);
	return err;
}
