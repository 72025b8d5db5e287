/*
 * fuzz_config.c: libFuzzer harness for the configuration reader
 * (lib/config.c over iniparser).  The input is written to a file and loaded
 * as the -c file; a refused file must be a usage or system error naming the
 * file, and an accepted one must answer every lookup without crashing:
 * each key as text, number, yes/no and choice, each section name as a key
 * (iniparser's typed getters crash there), and the settings programs read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inno.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static char path[64];

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_config: invariant broken: %s\n", what);
	abort();
}

static void
probe(const struct inno_config *c, const char *key)
{
	static const char *const words[] = {"utf-8", "utf-8-bom", "cp949",
	    NULL};
	const struct inno_error *err;
	const char *v;
	int64_t n;
	int b;

	v = inno_config_str(c, key, NULL);
	if (v != NULL && strcmp(inno_config_origin(c, key), path) != 0)
		fail("a set key that does not come from the file");
	if ((err = inno_config_int(c, key, 7, -1000, 1000, &n)) == NULL) {
		if (v == NULL && n != 7)
			fail("an unset number is not its default");
		if (n < -1000 || n > 1000)
			fail("a number outside its range");
	} else if (err->code != INNO_EUSAGE || v == NULL)
		fail("a bad number that is not a usage error");
	if ((err = inno_config_bool(c, key, 1, &b)) == NULL) {
		if (b != 0 && b != 1)
			fail("a yes/no that is neither");
	} else if (err->code != INNO_EUSAGE)
		fail("a bad yes/no that is not a usage error");
	if ((err = inno_config_choice(c, key, words, 0, &b)) == NULL) {
		if (b < 0 || b > 2)
			fail("a choice out of the list");
	} else if (err->code != INNO_EUSAGE)
		fail("a bad choice that is not a usage error");
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const struct inno_error *err;
	struct inno_config *c;
	const char **secs, **keys;
	size_t nsec, nkeys, i, j;
	FILE *fp;

	if (path[0] == '\0') {
		int fd;
		snprintf(path, sizeof path, "/tmp/fuzz_config.XXXXXX");
		if ((fd = mkstemp(path)) == -1)
			abort();
		close(fd);
		unsetenv("INNO_CONFIG");
	}
	if ((fp = fopen(path, "w")) == NULL)
		abort();
	if (fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	if ((err = inno_config_load(&c, path, NULL)) != NULL) {
		if (err->code != INNO_EUSAGE && err->code != INNO_ESYS)
			fail("a refused file that is not a usage error");
		if (strncmp(err->msg, path, strlen(path)) != 0)
			fail("a refusal that does not name the file");
		return 0;
	}
	probe(c, "database:busy_timeout");
	probe(c, "database:synchronous");
	probe(c, "csv:encoding");
	probe(c, "csv:max_field");
	probe(c, "database");
	probe(c, "");
	probe(c, ":");
	if (inno_config_sections(c, "", &secs, &nsec) != NULL)
		fail("listing sections");
	for (i = 0; i < nsec; i++) {
		probe(c, secs[i]);
		if (inno_config_keys(c, secs[i], &keys, &nkeys) != NULL)
			fail("listing keys");
		for (j = 0; j < nkeys; j++)
			probe(c, keys[j]);
		free(keys);
	}
	free(secs);
	inno_config_free(c);
	return 0;
}
