/*
 * Unit tests of lib/club.c, lib/group.c and lib/course.c through the
 * library alone, as report-build uses it: records loaded with the
 * programs' row functions, then the figures read back with
 * inno_club_figures, inno_group_figures and inno_course_figures.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "club.h"
#include "course.h"
#include "group.h"
#include "tap.h"
#include "staff.h"

static struct inno_db *db;

/* Loads CSV text through a row function; returns the error or "ok". */
static const char *
load(const char *csv, const struct inno_col *cols, size_t ncols,
    inno_row_fn fn, const char *table)
{
	static char msg[4200];
	const struct inno_error *err;
	struct inno_batch_opts opts = {0};
	struct inno_batch_result res;
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");

	opts.table = table;
	inno_batch_result_init(&res);
	err = inno_batch_csv(db, fp, "t.csv", cols, ncols, fn, NULL, &opts,
	    &res);
	snprintf(msg, sizeof msg, "%s%s%s", err != NULL ? err->msg : "ok",
	    res.diag.nmsgs > 0 ? ": " : "", res.diag.nmsgs > 0 ?
	    res.diag.msgs[0] : "");
	inno_batch_result_release(&res);
	fclose(fp);
	return msg;
}

/* Appends to buf a line head, i (zero-padded to width), tail for each i. */
static void
lines(char *buf, size_t cap, const char *head, int width, const char *tail,
    int from, int to)
{
	int i;

	for (i = from; i <= to; i++)
		snprintf(buf + strlen(buf), cap - strlen(buf), "%s%0*d%s\n",
		    head, width, i, tail);
}

int
main(void)
{
	const struct inno_error *err;
	struct inno_config *cfg = NULL;
	struct inno_club_figures cf;
	struct inno_course_figures tf;
	struct inno_period p;
	struct inno_group_figures gf;
	static char buf[65536];
	char dir[] = "/tmp/inno-unit-club.XXXXXX", path[64], ini[64];
	FILE *fp;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/inno.db", dir);
	snprintf(ini, sizeof ini, "%s/inno.ini", dir);
	if ((fp = fopen(ini, "w")) == NULL)
		return 1;
	fputs("[club]\nbudget = 3600000\n", fp);
	fclose(fp);
	err = inno_config_load(&cfg, ini, NULL);
	if (err == NULL)
		err = inno_db_open(&db, path, INNO_DB_WRITE, cfg, "unit-club");
	tap_ok(err == NULL, "open a fresh database");
	if (err != NULL) {
		printf("# %s\n", err->msg);
		return tap_done();
	}

	strcpy(buf, "employee_id,name,grade,dept\n");
	lines(buf, sizeof buf, "E", 3, ",직원,7,총무과", 1, 400);
	tap_str(load(buf, inno_staff_cols, INNO_STAFF_NCOLS, inno_staff_row,
	    "employee"), "ok", "400 employees");

	strcpy(buf, "name,kind,registered\n");
	lines(buf, sizeof buf, "전략", 2, ",strategic,2007-03-02", 1, 12);
	lines(buf, sizeof buf, "부서", 2, ",departmental,2007-03-05", 1, 37);
	lines(buf, sizeof buf, "지난해", 2, ",departmental,2006-03-05", 1, 4);
	tap_str(load(buf, inno_club_cols, INNO_CLUB_NCOLS, inno_club_row,
	    "club"), "ok", "53 clubs over two years");

	strcpy(buf, "club,date,amount\n");
	lines(buf, sizeof buf, "전략", 2, ",2007-05-01,150000", 1, 12);
	lines(buf, sizeof buf, "부서", 2, ",2007-05-02,150000", 1, 12);
	tap_str(load(buf, inno_grant_cols, INNO_GRANT_NCOLS, inno_grant_row,
	    "club_grant"), "ok", "24 grants of 150,000 won");
	tap_str(load("club,date,amount\n부서20,2007-12-31,1\n",
	    inno_grant_cols, INNO_GRANT_NCOLS, inno_grant_row, "club_grant"),
	    "1 of 1 row rejected; nothing was written: t.csv:2: amount: 1 won "
	    "would exceed the 2007 club budget of 3,600,000 won by 1 won "
	    "(3,600,000 won granted so far)", "a grant past the budget");

	inno_parse_period("2007-H1", &p);
	err = inno_club_figures(db, &p, "2007-06-30", &cf);
	tap_ok(err == NULL, "club figures of 2007-H1");
	tap_ok(cf.clubs == 53 && cf.strategic == 12 && cf.departmental == 41,
	    "53 clubs on the register: 12 strategic, 41 departmental, "
	    "4 of them from 2006");
	tap_ok(cf.funded == 24 && cf.granted == 3600000,
	    "24 funded with 3,600,000 won");
	tap_ok(cf.nkind == 2 && strcmp(cf.kind[0].kind, "strategic") == 0 &&
	    strcmp(cf.kind[0].first, "전략01") == 0 &&
	    strcmp(cf.kind[1].first, "지난해01") == 0,
	    "by kind, strategic first, each with its first club");
	err = inno_club_figures(db, &p, "2007-04-30", &cf);
	tap_ok(err == NULL && cf.clubs == 53 && cf.funded == 0 &&
	    strcmp(cf.on, "2007-04-30") == 0,
	    "as of 30 April: the same clubs, no grant yet");
	inno_parse_period("2006", &p);
	err = inno_club_figures(db, &p, "2007-06-30", &cf);
	tap_ok(err == NULL && cf.clubs == 4 && cf.funded == 0 &&
	    cf.nkind == 1, "2006: 4 clubs, none funded");
	inno_parse_period("2007-H2", &p);
	err = inno_club_figures(db, &p, "2007-12-31", &cf);
	tap_ok(err == NULL && cf.clubs == 53 && cf.funded == 0 &&
	    cf.granted == 0, "2007-H2: the same clubs, the grants of May "
	    "not counted");

	tap_str(load("name,kind,round,start,end\n"
	    "사이버,e-learning,1,2007-02-01,2007-03-31\n"
	    "사이버,e-learning,2,2007-04-01,2007-04-30\n"
	    "사이버,e-learning,3,2007-06-10,2007-07-10\n"
	    "사이버,e-learning,4,2007-09-01,2007-09-30\n"
	    "특별,special,1,2007-03-26,2007-03-26\n",
	    inno_course_cols, INNO_COURSE_NCOLS, inno_course_row, "course"),
	    "ok", "five course rounds");
	strcpy(buf, "course,round,employee_id,status\n");
	lines(buf, sizeof buf, "사이버,1,E", 3, ",completed", 1, 154);
	lines(buf, sizeof buf, "사이버,1,E", 3, ",dropped", 155, 160);
	lines(buf, sizeof buf, "사이버,2,E", 3, ",completed", 161, 292);
	lines(buf, sizeof buf, "사이버,3,E", 3, ",enrolled", 301, 387);
	lines(buf, sizeof buf, "특별,1,E", 3, ",completed", 1, 10);
	tap_str(load(buf, inno_enrol_cols, INNO_ENROL_NCOLS, inno_enrol_row,
	    "enrolment"), "ok", "389 enrolments");

	tap_str(load("course,round,employee_id,status\n사이버,3,E301,completed\n",
	    inno_enrol_cols, INNO_ENROL_NCOLS, inno_enrol_row, "enrolment"),
	    "ok", "one of round 3 completes on its last day, 10 July");

	inno_parse_period("2007-H1", &p);
	err = inno_course_figures(db, &p, "2007-06-30", "e-learning", &tf);
	tap_ok(err == NULL, "e-learning figures of 2007-H1 as of 30 June");
	tap_ok(tf.rounds == 3 && tf.nround == 3 && tf.finished == 2 &&
	    tf.running == 1, "rounds 1-2 finished, round 3 running");
	tap_ok(tf.finished_completed == 286, "286 trained in rounds 1 and 2");
	tap_ok(tf.running_enrolled == 87, "87 enrolled in round 3");
	tap_ok(tf.enrolled == 373 && tf.completed == 286 && tf.dropped == 6,
	    "373 enrolled, 286 completed in the period, 6 dropped");
	tap_ok(tf.nround == 3 && tf.round[0].round == 1 &&
	    tf.round[0].completed == 154 && tf.round[2].completed == 0 &&
	    strcmp(tf.round[2].start, "2007-06-10") == 0,
	    "by round, in start order; July's completion is not H1's");
	inno_course_figures_release(&tf);
	inno_parse_period("2007", &p);
	err = inno_course_figures(db, &p, "2007-07-10", "e-learning", &tf);
	tap_ok(err == NULL && tf.rounds == 3 && tf.running == 1 &&
	    tf.completed == 287 && strcmp(tf.on, "2007-07-10") == 0,
	    "as of 10 July: round 3 still running on its last day");
	inno_course_figures_release(&tf);
	err = inno_course_figures(db, &p, "2008-03-01", NULL, &tf);
	tap_ok(err == NULL && tf.rounds == 5 && tf.finished == 5 &&
	    tf.completed == 297 && strcmp(tf.on, "2007-12-31") == 0,
	    "every kind over 2007: 5 rounds, all finished");
	inno_course_figures_release(&tf);

	strcpy(buf, "group,employee_id,joined,left\n");
	lines(buf, sizeof buf, "manager,E", 3, ",2007-01-01,", 1, 10);
	strcat(buf, "혁신리더,E011,2007-01-01,\n");
	tap_str(load(buf, inno_gm_cols, INNO_GM_NCOLS, inno_gm_row,
	    "group_member"), "1 of 11 rows rejected; nothing was written: "
	    "t.csv:12: employee_id: E011: grade 7; 혁신리더 takes grades 5 "
	    "to 6", "a grade-7 employee is not a 혁신리더");
	buf[strlen(buf) - strlen("혁신리더,E011,2007-01-01,\n")] = '\0';
	strcat(buf, "manager,E005,,2007-03-31\n");
	tap_str(load(buf, inno_gm_cols, INNO_GM_NCOLS, inno_gm_row,
	    "group_member"), "ok", "ten join 변화관리자, one leaves");
	inno_parse_period("2007-H1", &p);
	err = inno_group_figures(db, &p, "2007-06-30", &gf);
	tap_ok(err == NULL && gf.members == 9 && gf.ngroup == 1 &&
	    strcmp(gf.group[0].name, "변화관리자") == 0 &&
	    gf.group[0].members == 9, "9 in 변화관리자 on 30 June");
	inno_group_figures_release(&gf);
	err = inno_group_figures(db, &p, "2007-03-31", &gf);
	tap_ok(err == NULL && gf.members == 10 &&
	    strcmp(gf.on, "2007-03-31") == 0, "10 on the day one leaves");
	inno_group_figures_release(&gf);
	inno_parse_period("2006", &p);
	err = inno_group_figures(db, &p, "2007-06-30", &gf);
	tap_ok(err == NULL && gf.members == 0 && gf.ngroup == 0,
	    "none at the end of 2006");
	inno_group_figures_release(&gf);

	inno_db_close(db);
	inno_config_free(cfg);
	unlink(path);
	unlink(ini);
	rmdir(dir);
	return tap_done();
}
