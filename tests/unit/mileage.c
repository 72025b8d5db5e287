/*
 * Unit tests of the calls other programs record mileage with:
 * inno_mileage_record (configured, disabled and unknown categories, caps,
 * a department, closed months) and inno_mileage_reverse_ref; and of
 * inno_mvp_check, which recomputes stored MVPs under their stored rules.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mvp.h"
#include "tap.h"
#include "staff.h"

static char dir[] = "/tmp/inno-unit-mileage.XXXXXX";

static const char ini[] =
    "[mileage]\n"
    "person_month_cap = 25\n"
    "cap_action = trim\n"
    "[mileage.idea.adopted]\n"
    "points = 10\n"
    "[mileage.club.activity]\n"
    "points = 3\n"
    "enabled = no\n"
    "[mileage.cs.praise]\n"
    "points = 7\n"
    "kind = cs\n";

static const char staff[] =
    "employee_id,name,grade,dept,joined,left\n"
    "E1,김민수,5,창의혁신단,,\n"
    "E2,이서연,7,총무과,2007-05-10,\n";

static int64_t
value(struct inno_db *db, const char *sql)
{
	int64_t v = -1;

	if (inno_db_int(db, &v, NULL, sql, NULL) != NULL)
		return -1;
	return v;
}

int
main(void)
{
	const struct inno_error *err;
	struct inno_config *cfg;
	struct inno_db *db;
	struct inno_batch_opts opts = {0};
	struct inno_batch_result res;
	char path[128];
	int64_t id, n;
	FILE *fp;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/inno.ini", dir);
	if ((fp = fopen(path, "w")) == NULL)
		return 1;
	fputs(ini, fp);
	fclose(fp);
	if (inno_config_load(&cfg, path, "/nonexistent") != NULL)
		return 1;
	snprintf(path, sizeof path, "%s/inno.db", dir);
	if (inno_db_open(&db, path, INNO_DB_WRITE, cfg, "unit") != NULL)
		return 1;
	fp = fmemopen((void *)staff, sizeof staff - 1, "r");
	inno_batch_result_init(&res);
	opts.table = "employee";
	err = inno_batch_csv(db, fp, "staff.csv", inno_staff_cols,
	    INNO_STAFF_NCOLS, inno_staff_row, NULL, &opts, &res);
	fclose(fp);
	inno_batch_result_release(&res);
	tap_ok(err == NULL, "staff loaded");

	inno_db_begin(db);
	err = inno_mileage_record(db, 1, 0, "2007-05-02", "idea.adopted",
	    "채택", "idea", 7, &id);
	tap_ok(err == NULL && id == 1, "a configured category writes an entry");
	tap_ok(value(db, "SELECT points FROM mileage WHERE id = 1") == 10,
	    "with the category's points");
	tap_ok(value(db, "SELECT dept_id FROM mileage WHERE id = 1") == 1,
	    "and the person's department");
	tap_ok(value(db, "SELECT count(*) FROM audit WHERE tbl = 'mileage' "
	    "AND first_id = 1 AND last_id = 1") == 1, "and its audit row");
	err = inno_mileage_record(db, 1, 0, "2007-05-02", "club.activity",
	    NULL, "club_activity", 3, &id);
	tap_ok(err == NULL && id == 0, "a disabled category writes nothing");
	err = inno_mileage_record(db, 1, 0, "2007-05-02", "no.such", NULL,
	    "idea", 8, &id);
	tap_ok(err == NULL && id == 0, "an unknown category writes nothing");
	err = inno_mileage_record(db, 1, 0, "2007-05-03", "idea.adopted",
	    NULL, "idea", 8, NULL);
	tap_ok(err == NULL, "entry may be NULL");
	err = inno_mileage_record(db, 1, 0, "2007-05-04", "idea.adopted",
	    NULL, "idea", 9, &id);
	tap_ok(err == NULL && id == 3 && value(db, "SELECT points FROM "
	    "mileage WHERE id = 3") == 5, "the monthly cap trims to 5");
	err = inno_mileage_record(db, 1, 0, "2007-05-05", "idea.adopted",
	    NULL, "idea", 10, &id);
	tap_ok(err == NULL && id == 0, "trimmed to nothing writes nothing");
	err = inno_mileage_record(db, 0, 2, "2007-05-05", "cs.praise", NULL,
	    "praise", 1, &id);
	tap_ok(err == NULL && id == 4 && value(db, "SELECT employee_id IS NULL "
	    "AND dept_id = 2 AND kind = 'cs' FROM mileage WHERE id = 4") == 1,
	    "a department's CS entry");
	err = inno_mileage_record(db, 2, 0, "2007-05-09", "idea.adopted",
	    NULL, "idea", 11, &id);
	tap_ok(err != NULL && err->code == INNO_EINPUT, "not yet employed");
	if (err != NULL)
		tap_str(err->msg, "mileage: employee E2 is not employed on "
		    "2007-05-09", "the message names the employee");
	err = inno_mileage_record(db, 9, 0, "2007-05-09", "idea.adopted",
	    NULL, "idea", 11, &id);
	tap_ok(err != NULL && err->code == INNO_EINPUT, "no such employee");
	err = inno_mileage_record(db, 1, 0, "2007-05-32", "idea.adopted",
	    NULL, "idea", 11, &id);
	tap_ok(err != NULL && err->code == INNO_EINPUT, "a bad date");

	err = inno_mileage_reverse_ref(db, "idea", 7, "2007-06-01", "번복", &n);
	tap_ok(err == NULL && n == 1, "reverse_ref reverses the idea's entry");
	tap_ok(value(db, "SELECT points || ',' || reverses || ',' || ref_id "
	    "FROM mileage WHERE reverses = 1") != -1 && value(db, "SELECT "
	    "sum(points) FROM mileage WHERE ref_table = 'idea' AND ref_id = "
	    "7") == 0, "the idea nets to zero, both entries naming it");
	err = inno_mileage_reverse_ref(db, "idea", 7, "2007-06-01", NULL, &n);
	tap_ok(err == NULL && n == 0, "a second reverse_ref finds nothing");
	err = inno_mileage_reverse_ref(db, "idea", 99, "2007-06-01", NULL,
	    NULL);
	tap_ok(err == NULL, "reversed may be NULL; no entries is fine");
	inno_db_run(db, "INSERT INTO mileage_close (month, closed_at) VALUES "
	    "('2007-07', 'now')", NULL);
	err = inno_mileage_reverse_ref(db, "idea", 8, "2007-07-01", NULL, &n);
	tap_ok(err != NULL && err->code == INNO_EINPUT, "a closed month is "
	    "refused");
	if (err != NULL)
		tap_str(err->msg, "mileage reversal: month 2007-07 is closed and "
		    "cannot change: date the entry or correction in an open "
		    "month instead", "with advice");
	err = inno_mileage_record(db, 1, 0, "2007-07-03", "idea.adopted",
	    NULL, "idea", 12, &id);
	tap_ok(err != NULL && err->code == INNO_EINPUT, "no entry in a closed "
	    "month");
	inno_db_commit(db);

	{
		struct inno_mvp_opts o = {.month = "2007-05"};
		struct inno_mvp_result mr;
		struct inno_diag d;

		err = inno_mvp_month(db, &o, &mr);
		tap_ok(err == NULL && mr.stored == 1 && mr.npersons > 0 &&
		    strcmp(mr.persons[0].key, "E1") == 0, "May's MVP stored");
		inno_mvp_result_release(&mr);
		tap_ok(value(db, "SELECT rules LIKE 'kinds=innovation%' FROM "
		    "mileage_mvp") == 1, "with the rules it was decided by");
		inno_diag_init(&d);
		err = inno_mvp_check(db, &d);
		tap_ok(err == NULL && d.count == 0, "the ledger supports it");
		inno_diag_release(&d);
		inno_db_run(db, "UPDATE mileage_mvp SET person_points = 99",
		    NULL);
		inno_diag_init(&d);
		err = inno_mvp_check(db, &d);
		tap_ok(err == NULL && d.count == 1, "changed points are reported");
		if (d.nmsgs > 0)
			tap_str(d.msgs[0], "mileage_mvp: 2007-05: the stored MVP "
			    "person (E1, 99 points) is not what the ledger "
			    "gives (E1, 25 points) under the rules it was decided "
			    "by", "naming the month and both results");
		inno_diag_release(&d);
		/*
		 * The stored rules decide, not today's configuration: under a
		 * min_points no one reaches, the stored winner is unsupported.
		 */
		inno_db_run(db, "UPDATE mileage_mvp SET person_points = 25, "
		    "rules = replace(rules, 'min_points=1', 'min_points=1000')",
		    NULL);
		inno_diag_init(&d);
		err = inno_mvp_check(db, &d);
		tap_ok(err == NULL && d.count == 2, "the stored rules are used");
		inno_diag_release(&d);
	}

	inno_db_close(db);
	inno_config_free(cfg);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	if (system(path) != 0)
		return 1;
	return tap_done();
}
