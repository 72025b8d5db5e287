/*
 * tap.h: a minimal Test Anything Protocol emitter for the C unit tests, so
 * prove runs them beside the shell tests.  Each check prints one "ok" or
 * "not ok" line; tap_done prints the plan and returns the exit status.
 */
#ifndef INNO_TAP_H
#define INNO_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static void
tap_ok(int cond, const char *what)
{
	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_n, what);
}

/* Compares two strings, NULL being a distinct value. */
static void
tap_str(const char *got, const char *want, const char *what)
{
	int same = (got == NULL && want == NULL) || (got != NULL &&
	    want != NULL && strcmp(got, want) == 0);

	tap_ok(same, what);
	if (!same)
		printf("#   got \"%s\", want \"%s\"\n", got ? got : "(null)",
		    want ? want : "(null)");
}

static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}

#endif
