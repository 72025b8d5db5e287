/*
 * Unit tests of lib/task.c's configuration: the default fields, focus
 * areas, workflow and criteria, and configurations it must refuse,
 * table-driven.
 */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "task.h"
#include "tap.h"

/* Loads the configuration text (NULL: none) into conf; returns the error. */
static const struct inno_error *
load(const char *text, struct inno_task_conf *conf)
{
	static const struct inno_error copy_nomem = {INNO_ESYS, "no file"};
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

int
main(void)
{
	test_defaults();
	test_configs();
	return tap_done();
}
