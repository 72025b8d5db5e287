/*
 * Unit tests of lib/config.c's layers: the user's file, or the one named
 * by -c or $INNO_CONFIG, over the system file key by key, and
 * $INNO_CONFIG_NOSYSTEM shutting the system file out, as the tests rely on
 * to stay hermetic.  The system directory is a temporary one, so nothing
 * on the machine is read or written.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inno.h"
#include "tap.h"

static char dir[] = "/tmp/inno-config.XXXXXX";

static void
put(const char *name, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL)
		exit(99);
	fputs(text, fp);
	fclose(fp);
}

/* Loads with explicit (may be NULL): the value of key, or the error. */
static const char *
value(const char *explicit, const char *key)
{
	static char buf[2600];
	const struct inno_error *err;
	struct inno_config *c;

	if ((err = inno_config_load(&c, explicit, dir)) != NULL) {
		snprintf(buf, sizeof buf, "error: %s", err->msg);
		return buf;
	}
	snprintf(buf, sizeof buf, "%s", inno_config_str(c, key, "(unset)"));
	inno_config_free(c);
	return buf;
}

int
main(void)
{
	char path[256], sys[256], user[256];
	int rc;

	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(path, sizeof path, "%s/inno", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/home", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/home/inno", dir);
	mkdir(path, 0700);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	unsetenv("INNO_CONFIG");
	unsetenv("INNO_CONFIG_NOSYSTEM");
	put("inno/inno.ini", "[csv]\nencoding = cp949\n"
	    "[mileage.idea.adopted]\npoints = 20\n");
	put("one.ini", "[csv]\nmax_field = 100\n");
	snprintf(path, sizeof path, "%s/one.ini", dir);

	tap_str(value(NULL, "csv:encoding"), "cp949",
	    "the system file is read");
	tap_str(value(path, "csv:max_field"), "100", "-c is read");
	tap_str(value(path, "mileage.idea.adopted:points"), "20",
	    "-c layers over the system file: its categories stay");
	tap_str(value(path, "csv:encoding"), "cp949",
	    "a key -c does not set comes from the system file");

	snprintf(user, sizeof user, "%s/home", dir);
	setenv("XDG_CONFIG_HOME", user, 1);
	put("home/inno/inno.ini", "[csv]\nencoding = utf-8-bom\n");
	tap_str(value(NULL, "csv:encoding"), "utf-8-bom",
	    "the user file wins over the system file");
	tap_str(value(NULL, "mileage.idea.adopted:points"), "20",
	    "key by key");

	setenv("INNO_CONFIG_NOSYSTEM", "1", 1);
	tap_str(value(path, "mileage.idea.adopted:points"), "(unset)",
	    "INNO_CONFIG_NOSYSTEM shuts the system file out of -c");
	tap_str(value(NULL, "csv:encoding"), "utf-8-bom",
	    "INNO_CONFIG_NOSYSTEM keeps the user file");
	tap_str(value(NULL, "mileage.idea.adopted:points"), "(unset)",
	    "and the system file stays out");
	setenv("INNO_CONFIG_NOSYSTEM", "0", 1);
	tap_str(value(NULL, "mileage.idea.adopted:points"), "20",
	    "INNO_CONFIG_NOSYSTEM=0 is off");

	put("inno/inno.ini", "[csv]\nencodng = cp949\n");
	snprintf(sys, sizeof sys, "error: %s/inno/inno.ini:2: encodng: "
	    "unknown key in [csv]; did you mean encoding?", dir);
	tap_str(value(NULL, "csv:encoding"), sys,
	    "an unknown key in the system file is named there");
	setenv("INNO_CONFIG_NOSYSTEM", "yes", 1);
	tap_str(value(NULL, "csv:encoding"), "utf-8-bom",
	    "and is not read when shut out");

	rc = tap_done();
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	if (system(path) != 0)
		return 99;
	return rc;
}
