/*
 * config.c: the configuration, read with iniparser.  The files are looked
 * up in the order of CLI.md, and a user's file overrides the system file key
 * by key.  Values are only ever read as strings (iniparser 4.1's typed
 * getters crash on a key that names a section, CVE-2023-33461, and read
 * "010" as octal); numbers are parsed here in base 10 with ranges.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <iniparser.h>

#include "inno.h"

#define MAX_LINE 1000		/* iniparser 4.1 truncates lines past 1024 */
#define MAX_FILES 2

struct inno_config {
	dictionary *dict[MAX_FILES];	/* highest precedence first */
	char *path[MAX_FILES];
	int n;
};

/* iniparser reports syntax errors through this callback; keep the first. */
static char parse_msg[512];

static int
capture(const char *fmt, ...)
{
	va_list ap;

	if (parse_msg[0] != '\0')
		return 0;
	va_start(ap, fmt);
	vsnprintf(parse_msg, sizeof parse_msg, fmt, ap);
	va_end(ap);
	return 0;
}

/*
 * Checks a [section] line (NUL-terminated, len bytes): a section name may
 * not hold ':', which joins section and key in lookups, so that
 * [database:busy_timeout] would otherwise be accepted and silently shadow
 * that key.  iniparser reports every other malformed line itself.
 */
static const struct inno_error *
check_line(const char *path, size_t lineno, const char *line, size_t len)
{
	const char *close, *colon;
	size_t i = 0;

	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i == len || line[i] != '[')
		return NULL;
	close = memchr(line + i, ']', len - i);
	colon = memchr(line + i, ':', len - i);
	if (close != NULL && colon != NULL && colon < close)
		return inno_error(INNO_EUSAGE, "%s:%zu:%zu: section name may "
		    "not contain ':'", path, lineno, (size_t)(colon - line) + 1);
	return NULL;
}

/*
 * Checks what iniparser would silently mangle: over-long lines, invalid
 * UTF-8 and NUL bytes.  iniparser itself then reports syntax errors.
 */
static const struct inno_error *
prescan(const char *path, FILE *fp)
{
	char *line = NULL;
	size_t cap = 0, bad;
	ssize_t len;
	size_t lineno = 0;
	const char *why;
	const struct inno_error *err = NULL;
	int continued = 0;

	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF",
		    3) == 0) {
			err = inno_error(INNO_EUSAGE, "%s:1: byte order mark "
			    "not supported; save the file as plain UTF-8",
			    path);
			break;
		}
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if ((size_t)len > MAX_LINE) {
			err = inno_error(INNO_EUSAGE, "%s:%zu: line longer "
			    "than %d bytes", path, lineno, MAX_LINE);
			break;
		}
		if ((why = inno_utf8_check(line, (size_t)len, &bad)) != NULL) {
			err = inno_error(INNO_EUSAGE, "%s:%zu:%zu: %s", path,
			    lineno, bad + 1, why);
			break;
		}
		line[len] = '\0';
		if (!continued && (err = check_line(path, lineno, line,
		    (size_t)len)) != NULL)
			break;
		continued = len > 0 && line[len - 1] == '\\';
	}
	if (err == NULL && ferror(fp))
		err = inno_error_errno("%s", path);
	free(line);
	return err;
}

/* Loads one file; *d stays NULL when optional and absent. */
static const struct inno_error *
load_file(const char *path, int must_exist, dictionary **d)
{
	const struct inno_error *err;
	FILE *fp;

	*d = NULL;
	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT && !must_exist)
			return NULL;
		return inno_error(errno == ENOENT ? INNO_EUSAGE : INNO_ESYS,
		    "%s: %s", path, strerror(errno));
	}
	err = prescan(path, fp);
	fclose(fp);
	if (err != NULL)
		return err;
	parse_msg[0] = '\0';
	iniparser_set_error_callback(capture);
	*d = iniparser_load(path);
	if (*d == NULL || parse_msg[0] != '\0') {
		/*
		 * iniparser says "iniparser: syntax error in FILE (N):\n->
		 * TEXT"; restate it as FILE:N: syntax error: TEXT.
		 */
		const char *open = strrchr(parse_msg, '('), *text;
		unsigned long line = open != NULL ? strtoul(open + 1, NULL,
		    10) : 0;
		size_t n;

		if ((text = strstr(parse_msg, "-> ")) != NULL)
			text += 3;
		else
			text = "";
		n = strcspn(text, "\n");
		if (*d != NULL)
			iniparser_freedict(*d);
		*d = NULL;
		if (parse_msg[0] == '\0')
			return inno_error(INNO_EUSAGE, "%s: cannot parse", path);
		return inno_error(INNO_EUSAGE, "%s:%lu: syntax error: %.*s",
		    path, line, (int)n, text);
	}
	return NULL;
}

static const struct inno_error *
add(struct inno_config *c, const char *path, int must_exist)
{
	const struct inno_error *err;
	dictionary *d;

	if ((err = load_file(path, must_exist, &d)) != NULL)
		return err;
	if (d == NULL)
		return NULL;
	if ((c->path[c->n] = strdup(path)) == NULL) {
		iniparser_freedict(d);
		return inno_error_nomem();
	}
	c->dict[c->n++] = d;
	return NULL;
}

const struct inno_error *
inno_config_load(struct inno_config **cfp, const char *explicit_path,
    const char *sysconfdir)
{
	struct inno_config *c;
	const struct inno_error *err = NULL;
	const char *env, *home;
	char *user = NULL, *sys = NULL;

	*cfp = NULL;
	if ((c = calloc(1, sizeof *c)) == NULL)
		return inno_error_nomem();
	if (explicit_path == NULL && (env = getenv("INNO_CONFIG")) != NULL &&
	    *env != '\0')
		explicit_path = env;
	if (explicit_path != NULL) {
		err = add(c, explicit_path, 1);
		goto done;
	}
	if ((env = getenv("XDG_CONFIG_HOME")) != NULL && *env == '/')
		user = inno_strf("%s/inno/inno.ini", env);
	else if ((home = getenv("HOME")) != NULL && *home != '\0')
		user = inno_strf("%s/.config/inno/inno.ini", home);
	if (user != NULL && (err = add(c, user, 0)) != NULL)
		goto done;
	if (sysconfdir != NULL) {
		if ((sys = inno_strf("%s/inno/inno.ini", sysconfdir)) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		err = add(c, sys, 0);
	}
done:
	free(user);
	free(sys);
	if (err != NULL) {
		inno_config_free(c);
		return err;
	}
	*cfp = c;
	return NULL;
}

void
inno_config_free(struct inno_config *c)
{
	int i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		iniparser_freedict(c->dict[i]);
		free(c->path[i]);
	}
	free(c);
}

/* The index of the file that sets key, or -1. */
static int
which(const struct inno_config *c, const char *key)
{
	int i;

	if (c == NULL)
		return -1;
	for (i = 0; i < c->n; i++)
		if (iniparser_getstring(c->dict[i], key, NULL) != NULL)
			return i;
	return -1;
}

const char *
inno_config_str(const struct inno_config *c, const char *key, const char *def)
{
	int i = which(c, key);

	if (i < 0)
		return def;
	return iniparser_getstring(c->dict[i], key, def);
}

const char *
inno_config_origin(const struct inno_config *c, const char *key)
{
	int i = which(c, key);

	return i < 0 ? "built-in" : c->path[i];
}

const struct inno_error *
inno_config_int(const struct inno_config *c, const char *key, int64_t def,
    int64_t min, int64_t max, int64_t *out)
{
	const char *v = inno_config_str(c, key, NULL), *why;

	if (v == NULL) {
		*out = def;
		return NULL;
	}
	if ((why = inno_parse_int(v, strlen(v), min, max, out)) != NULL)
		return inno_error(INNO_EUSAGE, "%s: %s = \"%s\": %s (expected "
		    "%lld to %lld)", inno_config_origin(c, key), key, v, why,
		    (long long)min, (long long)max);
	return NULL;
}

const struct inno_error *
inno_config_bool(const struct inno_config *c, const char *key, int def,
    int *out)
{
	static const char *const yes[] = {"yes", "true", "on", "1", NULL};
	static const char *const no[] = {"no", "false", "off", "0", NULL};
	const char *v = inno_config_str(c, key, NULL);

	if (v == NULL)
		*out = def;
	else if (inno_word_index(yes, v) >= 0)
		*out = 1;
	else if (inno_word_index(no, v) >= 0)
		*out = 0;
	else
		return inno_error(INNO_EUSAGE, "%s: %s = \"%s\": expected yes "
		    "or no", inno_config_origin(c, key), key, v);
	return NULL;
}

const struct inno_error *
inno_config_choice(const struct inno_config *c, const char *key,
    const char *const *choices, int def, int *out)
{
	const char *v = inno_config_str(c, key, NULL);
	char list[512] = "";
	int i;

	if (v == NULL) {
		*out = def;
		return NULL;
	}
	if ((i = inno_word_index(choices, v)) >= 0) {
		*out = i;
		return NULL;
	}
	for (i = 0; choices[i] != NULL; i++) {
		if (i > 0)
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, choices[i], sizeof list - strlen(list) - 1);
	}
	return inno_error(INNO_EUSAGE, "%s: %s = \"%s\": expected one of %s",
	    inno_config_origin(c, key), key, v, list);
}

static int
seen(const char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

const struct inno_error *
inno_config_sections(const struct inno_config *c, const char *prefix,
    const char ***names, size_t *n)
{
	const char **list = NULL, **grown;
	size_t len = strlen(prefix), cnt = 0;
	int i, j, ns;

	for (i = 0; c != NULL && i < c->n; i++) {
		ns = iniparser_getnsec(c->dict[i]);
		for (j = 0; j < ns; j++) {
			const char *s = iniparser_getsecname(c->dict[i], j);
			if (s == NULL || strncmp(s, prefix, len) != 0 ||
			    seen(list, cnt, s))
				continue;
			grown = realloc(list, (cnt + 1) * sizeof *list);
			if (grown == NULL) {
				free(list);
				return inno_error_nomem();
			}
			list = grown;
			list[cnt++] = s;
		}
	}
	*names = list;
	*n = cnt;
	return NULL;
}

const struct inno_error *
inno_config_keys(const struct inno_config *c, const char *section,
    const char ***keys, size_t *n)
{
	const char **list = NULL, **grown, **tmp;
	size_t cnt = 0;
	int i, j, nk;

	for (i = 0; c != NULL && i < c->n; i++) {
		nk = iniparser_getsecnkeys(c->dict[i], section);
		if (nk <= 0)
			continue;
		if ((tmp = calloc((size_t)nk, sizeof *tmp)) == NULL) {
			free(list);
			return inno_error_nomem();
		}
		iniparser_getseckeys(c->dict[i], section, tmp);
		for (j = 0; j < nk; j++) {
			if (tmp[j] == NULL || seen(list, cnt, tmp[j]))
				continue;
			grown = realloc(list, (cnt + 1) * sizeof *list);
			if (grown == NULL) {
				free(tmp);
				free(list);
				return inno_error_nomem();
			}
			list = grown;
			list[cnt++] = tmp[j];
		}
		free(tmp);
	}
	*keys = list;
	*n = cnt;
	return NULL;
}
