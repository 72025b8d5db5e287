/*
 * Unit tests of lib/task.c's configuration: the default fields, focus
 * areas, workflow and criteria, and configurations it must refuse,
 * table-driven; then the task and staff figures of the council report and
 * the workflow check, through the library alone on a fresh database.
 */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "staff.h"
#include "task.h"
#include "tap.h"

/* Loads the configuration text (NULL: none) into conf; returns the error. */
static const struct inno_error *
load(const char *text, struct inno_task_conf *conf)
{
	static const struct inno_error copy_nomem = {INNO_ESYS, "no file", 0};
	static struct inno_error copy;
	const struct inno_error *err;
	struct inno_config *cfg = NULL;
	char path[] = "/tmp/inno-unit-task.XXXXXX";
	FILE *fp;
	int fd;

	memset(conf, 0, sizeof *conf);
	if (text != NULL) {
		if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) ==
		    NULL)
			return &copy_nomem;
		fputs(text, fp);
		fclose(fp);
	}
	err = inno_config_load(&cfg, text != NULL ? path : NULL,
	    "/nonexistent");
	if (text != NULL)
		unlink(path);
	if (err == NULL)
		err = inno_task_conf_load(cfg, conf);
	if (err != NULL) {
		copy = *err;
		err = &copy;
	}
	inno_config_free(cfg);
	return err;
}

static void
test_defaults(void)
{
	struct inno_task_conf c;
	const struct inno_error *err;
	const char *prefix;
	char moves[128];
	size_t i, nfocus = 0;

	unsetenv("INNO_CONFIG");
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	err = load(NULL, &c);
	tap_ok(err == NULL, "the built-in configuration loads");
	tap_ok(c.nfields == 15, "15 fields of 2007");
	for (i = 0; i < c.nfields; i++)
		nfocus += c.focus[i];
	tap_ok(nfocus == 4, "4 of them focus areas");
	tap_ok(c.focus[0] && c.focus[3] && !c.focus[4], "the first four");
	tap_str(c.fields[14], "공무원평생학습체계 구축", "the last field");
	tap_ok(inno_task_field_index(&c, "갈등관리") == 8, "field index");
	tap_ok(inno_task_field_index(&c, "갈등") == -1, "no partial match");
	prefix = "|고객만족 제고|행정의 투명성 제고|";
	tap_ok(strncmp(c.all_list, prefix, strlen(prefix)) == 0,
	    "the bar list for SQL");
	inno_task_moves(&c, INNO_TASK_POOL, moves, sizeof moves);
	tap_str(moves, "selected, dropped", "moves from pool");
	inno_task_moves(&c, INNO_TASK_IN_PROGRESS, moves, sizeof moves);
	tap_str(moves, "completed, dropped", "moves from in_progress");
	inno_task_moves(&c, INNO_TASK_COMPLETED, moves, sizeof moves);
	tap_str(moves, "none", "completed is final");
	tap_ok(c.ncriteria == 4 && c.weights[0] == 40, "default criteria");
	inno_task_conf_release(&c);
}

static void
test_configs(void)
{
	static const struct {
		const char *text;
		const char *want;	/* NULL: accepted; else in the message */
	} cases[] = {
		{"[task]\nfields = a, b ,c\nfocus = c\n", NULL},
		{"[task]\nfields = a, a\n", "\"a\" given twice"},
		{"[task]\nfields = a|b\n", "may not contain '|'"},
		{"[task]\nfields = , ,\n", "no field given"},
		{"[task]\nfields = a\nfocus = b\n", "\"b\" is not one of"},
		{"[task_workflow]\npool = done\n", "\"done\" is not another"},
		{"[task_workflow]\npool = pool\n", "\"pool\" is not another"},
		{"[task_workflow]\ncompleted = in_progress\n", NULL},
		{"[task_priority]\nimpact = 010\n", "leading zero"},
		{"[task_priority]\nimpact = 1001\n", "out of range"},
		{"[task_priority]\nimpact = 5\nurgency = 0\n", NULL},
	};
	struct inno_task_conf c;
	const struct inno_error *err;
	char name[128], *p;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* The case's text on one line, for the TAP output. */
		snprintf(name, sizeof name, "%s", cases[i].text);
		for (p = name; *p != '\0'; p++)
			if (*p == '\n')
				*p = ' ';
		err = load(cases[i].text, &c);
		if (cases[i].want == NULL)
			tap_ok(err == NULL, name);
		else {
			tap_ok(err != NULL && err->code == INNO_EUSAGE &&
			    strstr(err->msg, cases[i].want) != NULL, name);
			if (err != NULL && strstr(err->msg, cases[i].want) ==
			    NULL)
				printf("#   got \"%s\"\n", err->msg);
		}
		if (i == 0 && err == NULL) {
			tap_ok(c.nfields == 3 && c.focus[2] && !c.focus[0],
			    "fields trimmed, focus marked");
			tap_str(c.focus_list, "|c|", "the focus bar list");
		}
		if (i == 7 && err == NULL)
			tap_ok(c.moves[INNO_TASK_COMPLETED] ==
			    1u << INNO_TASK_IN_PROGRESS &&
			    c.moves[INNO_TASK_POOL] == ((1u <<
			    INNO_TASK_SELECTED) | (1u << INNO_TASK_DROPPED)),
			    "a workflow key overrides only its status");
		if (i == 10 && err == NULL)
			tap_ok(c.ncriteria == 2 && c.weights[1] == 0,
			    "criteria replace the defaults");
		inno_task_conf_release(&c);
	}
}

/* Loads CSV text through a row function; returns the error or "ok". */
static const char *
load_csv(struct inno_db *db, const char *csv, const struct inno_col *cols,
    size_t ncols, inno_row_fn fn, void *arg, const char *table)
{
	static char msg[4200];
	const struct inno_error *err;
	struct inno_batch_opts opts = {0};
	struct inno_batch_result res;
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");

	opts.table = table;
	inno_batch_result_init(&res);
	err = inno_batch_csv(db, fp, "t.csv", cols, ncols, fn, arg, &opts,
	    &res);
	snprintf(msg, sizeof msg, "%s%s%s", err != NULL ? err->msg : "ok",
	    res.diag.nmsgs > 0 ? ": " : "", res.diag.nmsgs > 0 ?
	    res.diag.msgs[0] : "");
	inno_batch_result_release(&res);
	fclose(fp);
	return msg;
}

static void
test_figures(void)
{
	const struct inno_error *err;
	struct inno_config *cfg = NULL;
	struct inno_db *db = NULL;
	struct inno_task_conf c;
	struct inno_task_add add;
	struct inno_task_figures f;
	struct inno_staff_figures sf;
	struct inno_period p;
	struct inno_diag d;
	char dir[] = "/tmp/inno-unit-task.XXXXXX", path[64];

	memset(&c, 0, sizeof c);
	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof path, "%s/inno.db", dir);
	err = inno_config_load(&cfg, NULL, "/nonexistent");
	if (err == NULL)
		err = inno_task_conf_load(cfg, &c);
	if (err == NULL)
		err = inno_db_open(&db, path, INNO_DB_WRITE, cfg, "unit-task");
	tap_ok(err == NULL, "open a fresh database");
	if (err != NULL)
		goto done;
	tap_str(load_csv(db, "dept,team,authorised\n창의혁신단,기획팀,3\n"
	    "창의혁신단,지원팀,2\n", inno_team_cols, INNO_TEAM_NCOLS,
	    inno_team_row, NULL, NULL), "ok", "two teams");
	tap_str(load_csv(db, "employee_id,name,grade,dept,team,joined,left\n"
	    "E1,가,5,창의혁신단,기획팀,2006-01-01,\n"
	    "E2,나,7,창의혁신단,기획팀,2006-06-30,\n"
	    "E3,다,7,창의혁신단,지원팀,2006-01-01,2006-06-30\n"
	    "E4,라,9,창의혁신단,지원팀,2006-01-01,2006-06-29\n"
	    "E5,마,8,창의혁신단,,2006-01-01,\n", inno_staff_cols,
	    INNO_STAFF_NCOLS, inno_staff_row, NULL, "employee"), "ok",
	    "five employees");
	err = inno_staff_figures(db, "창의혁신단", "2006-06-30", &sf);
	tap_ok(err == NULL && sf.authorised == 5 && sf.current == 4,
	    "on 2006-06-30: 5 authorised, 4 current (joined and leaving "
	    "that day count)");
	tap_ok(err == NULL && sf.nunits == 2 && sf.units[0].current == 2 &&
	    sf.units[1].current == 1 && sf.units[1].authorised == 2,
	    "by team: 2 and 1; the one without a team in no unit");
	tap_ok(err == NULL && sf.ngrades == 3 && sf.grades[1].grade == 7 &&
	    sf.grades[1].current == 2, "by grade: 5, 7 (two), 8");
	inno_staff_figures_release(&sf);

	add.conf = &c;
	add.last_id = 0;
	tap_str(load_csv(db, "title,field,origin,dept,status,start,due\n"
	    "앞,고객만족 제고,assigned,창의혁신단,selected,2006-01-01,2006-03-31\n"
	    "끝,고객만족 제고,assigned,창의혁신단,dropped,2006-12-31,\n"
	    "전,주민참여,own,창의혁신단,completed,2005-01-01,2005-12-31\n"
	    "후,주민참여,own,창의혁신단,pool,2007-01-01,2007-03-31\n"
	    "날짜 없음,지식관리,own,창의혁신단,pool,,\n"
	    "걸침,지식관리,assigned,창의혁신단,in_progress,2005-06-01,2006-01-01\n",
	    inno_task_cols, INNO_TASK_NCOLS, inno_task_add_row, &add, "task"),
	    "ok", "six tasks over three years");
	memcpy(p.first, "2006-01-01", 11);
	memcpy(p.last, "2006-12-31", 11);
	err = inno_task_figures(db, &c, &p, &f);
	tap_ok(err == NULL && f.projects == 3 && f.fields == 2,
	    "2006: 3 projects in 2 fields (edges in, no dates out)");
	tap_ok(err == NULL && f.nbyfield == 15 && f.byfield[0].tasks == 2 &&
	    f.byfield[0].status[INNO_TASK_SELECTED] == 1 &&
	    f.byfield[0].status[INNO_TASK_DROPPED] == 1 &&
	    f.byfield[5].tasks == 1, "by field, in the configured order");
	tap_ok(err == NULL && f.nfocus == 1 && f.focus[0].id == 1 &&
	    strcmp(f.focus[0].dept, "창의혁신단") == 0,
	    "the focus areas' open assigned task");
	inno_task_figures_release(&f);

	inno_diag_init(&d);
	err = inno_task_check(db, &d);
	tap_ok(err == NULL && d.nmsgs == 0, "the statuses follow the audit");
	inno_diag_release(&d);
	err = inno_db_run(db, "UPDATE task SET status = 'pool' WHERE id = 6",
	    NULL);
	inno_diag_init(&d);
	if (err == NULL)
		err = inno_task_check(db, &d);
	tap_ok(err == NULL && d.nmsgs == 1, "one status changed behind the "
	    "programs' backs");
	tap_str(d.nmsgs > 0 ? d.msgs[0] : "", "task 6: status pool, but its "
	    "history in the audit trail ends at in_progress (changed outside "
	    "the inno programs)", "its message");
	inno_diag_release(&d);
done:
	if (db != NULL)
		inno_db_close(db);
	inno_task_conf_release(&c);
	inno_config_free(cfg);
	unlink(path);
	snprintf(path, sizeof path, "%s/inno.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/inno.db-shm", dir);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	test_defaults();
	test_configs();
	test_figures();
	return tap_done();
}
