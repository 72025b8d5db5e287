/*
 * config.c: the configuration, read with iniparser.  The files are looked
 * up in the order of CLI.md, and a user's file overrides the system file key
 * by key.  Values are only ever read as strings (iniparser 4.1's typed
 * getters crash on a key that names a section, CVE-2023-33461, and read
 * "010" as octal); numbers are parsed here in base 10 with ranges.
 */
#include <sys/stat.h>

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <iniparser.h>

#include "inno.h"
#include "i18n.h"

#define MAX_LINE 1000		/* iniparser 4.1 truncates lines past 1024 */
#define MAX_FILES 2
#define MAX_SIZE (1024 * 1024)	/* a configuration file is small */

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
 * The settings inno knows: every key the code reads, and every key
 * inno.ini(5) documents, by section.  Anything else in a file is a usage
 * error, so that a misspelt key ("encodng") is not silently ignored.  In
 * names, '*' stands for one or more characters and '#' for a digit, for
 * the sections and keys whose names vary ([mileage.NAME], budget_YYYY).
 * A module that reads a new setting adds it here (t0975 holds this table
 * against the code).
 */
static const char *const k_database[] = {"path", "busy_timeout",
    "synchronous", NULL};
static const char *const k_csv[] = {"encoding", "max_field", NULL};
static const char *const k_task[] = {"fields", "focus", "fields_####",
    "focus_####", NULL};
static const char *const k_task_workflow[] = {"pool", "selected",
    "in_progress", "completed", "dropped", NULL};
static const char *const k_any[] = {"*", NULL};
static const char *const k_mileage[] = {"person_month_cap",
    "dept_month_cap", "cap_action", "reason_idea_submitted",
    "reason_idea_adopted", "reason_idea_unadopted",
    "reason_knowledge_approved", "reason_knowledge_unapproved",
    "reason_presentation", "reason_club_join", "reason_club_activity",
    "reason_course_completed", "reason_course_withdrawn", NULL};
static const char *const k_mileage_cat[] = {"points", "min", "max", "kind",
    "month_cap", "enabled", NULL};
static const char *const k_mvp[] = {"kinds", "dept_score", "min_points",
    "person_exclude_months", "dept_exclude_months", "person_tie_break",
    "dept_tie_break", NULL};
static const char *const k_mvp_scheme[] = {"period", "winners", "depts",
    "kinds", "dept_score", "min_points", "person_exclude_months",
    "dept_exclude_months", "person_tie_break", "dept_tie_break", NULL};
static const char *const k_club[] = {"budget", "budget_####",
    "mileage_join", "mileage_activity", NULL};
static const char *const k_group[] = {"name", "min_grade", "max_grade",
    NULL};
static const char *const k_course[] = {"mileage_completed", NULL};
static const char *const k_benchmark[] = {"mileage_presentation", NULL};
static const char *const k_idea[] = {"decision_days", "mileage_submitted",
    "mileage_adopted", NULL};
static const char *const k_knowledge[] = {"mileage_approved",
    "award_points_work", "award_points_living", "award_points_manual",
    "award_views_per_point", "award_best", "award_excellent", NULL};
static const char *const k_award[] = {"counted", NULL};
static const char *const k_report[] = {"share", "office", "money", NULL};
static const char *const k_fairness[] = {"burst_days", "burst_entries",
    "concentration_percent", "concentration_points", "cap_months",
    "duplicate_titles", NULL};
static const char *const k_hooks[] = {"dir", NULL};

static const struct {
	const char *section;
	const char *const *keys;
} known[] = {
	{"database", k_database},
	{"csv", k_csv},
	{"task", k_task},
	{"task_workflow", k_task_workflow},
	{"task_priority", k_any},	/* the criteria are the user's */
	{"mileage", k_mileage},
	{"mileage.*", k_mileage_cat},
	{"mvp", k_mvp},
	{"mvp.*", k_mvp_scheme},
	{"club", k_club},
	{"group.*", k_group},
	{"course", k_course},
	{"benchmark", k_benchmark},
	{"idea", k_idea},
	{"knowledge", k_knowledge},
	{"report", k_report},
	{"fairness", k_fairness},
	{"logins", k_any},	/* Unix user = employee_id, for mileage-check */
	{"hooks", k_hooks},
	{"award", k_award},
};

/* Whether s matches a name of the table ('*' one or more, '#' a digit). */
static int
name_match(const char *pat, const char *s)
{
	for (; *pat != '\0'; pat++, s++) {
		if (*pat == '*') {
			if (*s == '\0')
				return 0;
			for (s++;; s++) {
				if (name_match(pat + 1, s))
					return 1;
				if (*s == '\0')
					return 0;
			}
		}
		if (*pat == '#' ? !(*s >= '0' && *s <= '9') : *pat != *s)
			return 0;
	}
	return *s == '\0';
}

/*
 * A table name written out for a suggestion: a variable part is taken from
 * what the user wrote ("milage.idea" suggests "mileage.idea"), or spelt
 * out ("budget_YYYY").
 */
static void
spell(const char *pat, const char *typed, char *buf, size_t size)
{
	const char *star = strchr(pat, '*'), *dot = strchr(typed, '.');

	if (star != NULL)
		snprintf(buf, size, "%.*s%s", (int)(star - pat), pat,
		    dot != NULL && dot[1] != '\0' ? dot + 1 : "NAME");
	else if (strchr(pat, '#') != NULL)
		snprintf(buf, size, "%.*sYYYY", (int)strcspn(pat, "#"), pat);
	else
		snprintf(buf, size, "%s", pat);
}

/*
 * The nearest of names (a NULL-terminated list, or the sections when
 * names is NULL) to typed, into buf; 0 when none is near enough to be a
 * likely slip (inno_is_near).
 */
static int
nearest(const char *const *names, const char *typed, char *buf, size_t size)
{
	size_t i, n, d, best = SIZE_MAX;
	char cand[128];

	n = names != NULL ? 0 : sizeof known / sizeof known[0];
	if (names != NULL)
		while (names[n] != NULL)
			n++;
	for (i = 0; i < n; i++) {
		const char *pat = names != NULL ? names[i] : known[i].section;

		if (strcmp(pat, "*") == 0)
			continue;
		spell(pat, typed, cand, sizeof cand);
		if (inno_is_near(typed, cand) &&
		    (d = inno_edit_distance(cand, typed)) < best) {
			best = d;
			snprintf(buf, size, "%s", cand);
		}
	}
	return best != SIZE_MAX;
}

/* The keys of a section of the table, or NULL for an unknown section. */
static const char *const *
section_keys(const char *section)
{
	size_t i;

	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (name_match(known[i].section, section))
			return known[i].keys;
	return NULL;
}

/*
 * Checks one line (NUL-terminated) against the table, as iniparser will
 * read it: names are case-insensitive, space around them does not count,
 * ';' and '#' start comments.  *section holds the current [section],
 * lowercased.  Lines iniparser will call malformed are left to it.
 */
static const struct inno_error *
check_known(const char *path, size_t lineno, const char *line,
    char *section, size_t secsize)
{
	const char *const *keys;
	const char *p = line, *end;
	char name[128], hint[128];
	size_t n, i;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == ';' || *p == '#')
		return NULL;
	if (*p == '[') {
		/*
		 * An unclosed section is iniparser's syntax error to report;
		 * the keys under it belong to no section we could check.
		 */
		if ((end = strchr(p, ']')) == NULL) {
			snprintf(section, secsize, "%s", "\001");
			return NULL;
		}
		for (p++; *p == ' ' || *p == '\t'; p++)
			;
		n = (size_t)(end - p);
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n >= secsize)
			n = secsize - 1;
		for (i = 0; i < n; i++)
			section[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ?
			    p[i] - 'A' + 'a' : p[i]);
		section[n] = '\0';
		if (section_keys(section) != NULL)
			return NULL;
		if (nearest(NULL, section, hint, sizeof hint))
			return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG,
			    _("%s:%zu: [%s]: unknown section; did you mean "
			    "[%s]?"), path, lineno, section, hint);
		return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG, _("%s:%zu: "
		    "[%s]: unknown section (see inno.ini(5))"), path, lineno,
		    section);
	}
	if ((end = strchr(p, '=')) == NULL)
		return NULL;
	n = (size_t)(end - p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n == 0)
		return NULL;
	if (n >= sizeof name)
		n = sizeof name - 1;
	for (i = 0; i < n; i++)
		name[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] - 'A' + 'a' :
		    p[i]);
	name[n] = '\0';
	if (section[0] == '\001')
		return NULL;
	if (section[0] == '\0')
		return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG, _("%s:%zu: "
		    "%s: key outside any [section]"), path, lineno, name);
	/* An unknown section was refused on its own line. */
	keys = section_keys(section);
	assert(keys != NULL);
	for (i = 0; keys[i] != NULL; i++)
		if (name_match(keys[i], name))
			return NULL;
	if (nearest(keys, name, hint, sizeof hint))
		return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG, _("%s:%zu: "
		    "%s: unknown key in [%s]; did you mean %s?"), path, lineno,
		    name, section, hint);
	return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG, _("%s:%zu: %s: "
	    "unknown key in [%s] (see inno.ini(5))"), path, lineno, name,
	    section);
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
		return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG,
		    _("%s:%zu:%zu: section name may not contain ':'"), path,
		    lineno, (size_t)(colon - line) + 1);
	return NULL;
}

/*
 * Checks what iniparser would silently mangle: over-long lines, invalid
 * UTF-8 and NUL bytes.  iniparser itself then reports syntax errors.
 */
static const struct inno_error *
prescan(const char *path, FILE *fp, int check)
{
	char section[128] = "";
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
			err = inno_error_code(INNO_EUSAGE, INNO_E_CONFIG,
			    _("%s:1: byte order mark not supported; save the "
			    "file as plain UTF-8"), path);
			break;
		}
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if ((size_t)len > MAX_LINE) {
			err = inno_error_code(INNO_EUSAGE, INNO_E_CONFIG,
			    _("%s:%zu: line longer than %d "
			    "bytes"), path, lineno,
			    MAX_LINE);
			break;
		}
		if ((why = inno_utf8_check(line, (size_t)len, &bad)) != NULL) {
			err = inno_error_code(INNO_EUSAGE, INNO_E_CONFIG,
			    "%s:%zu:%zu: %s", path,
			    lineno, bad + 1, why);
			break;
		}
		line[len] = '\0';
		if (!continued && (err = check_line(path, lineno, line,
		    (size_t)len)) != NULL)
			break;
		if (!continued && check && (err = check_known(path, lineno,
		    line, section, sizeof section)) != NULL)
			break;
		continued = len > 0 && line[len - 1] == '\\';
	}
	if (err == NULL && ferror(fp))
		err = inno_error_errno("%s", path);
	free(line);
	return err;
}

/*
 * Loads one file; *d stays NULL when optional and absent.  check: refuse
 * keys and sections inno does not know.  Only a regular file of at most
 * MAX_SIZE bytes is read: a device or a FIFO (-c /dev/zero) could feed the
 * parser without end, and iniparser opens the file again by name, which
 * only a regular file survives.
 */
static const struct inno_error *
load_file(const char *path, int must_exist, int check, dictionary **d)
{
	const struct inno_error *err;
	struct stat sb;
	FILE *fp;
	int fd;

	*d = NULL;
	/* Without O_NONBLOCK, opening a FIFO waits for a writer. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) == -1) {
		if (errno == ENOENT && !must_exist)
			return NULL;
		return inno_error_code(errno == ENOENT ? INNO_EUSAGE :
		    INNO_ESYS, errno == ENOENT ? INNO_E_NOTFOUND : INNO_E_IO,
		    "%s: %s", path, strerror(errno));
	}
	if (fstat(fd, &sb) == -1 || (fp = fdopen(fd, "r")) == NULL) {
		err = inno_error_errno("%s", path);
		close(fd);
		return err;
	}
	if (S_ISDIR(sb.st_mode)) {
		fclose(fp);
		return inno_error_code(INNO_ESYS, INNO_E_IO, "%s: %s", path,
		    strerror(EISDIR));
	}
	if (!S_ISREG(sb.st_mode) || sb.st_size > MAX_SIZE) {
		fclose(fp);
		return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG, "%s: %s",
		    path, S_ISREG(sb.st_mode) ? _("larger than 1 MiB, not a "
		    "configuration file") : _("not a regular file"));
	}
	err = prescan(path, fp, check);
	fclose(fp);
	if (err != NULL)
		return err;
	parse_msg[0] = '\0';
	iniparser_set_error_callback(capture);
	errno = 0;
	*d = iniparser_load(path);
	/* iniparser returns NULL without a message when memory runs out. */
	if (*d == NULL && parse_msg[0] == '\0' && errno == ENOMEM)
		return inno_error_nomem();
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
			return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG,
			    _("%s: cannot parse"), path);
		return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG, _("%s:%lu: "
		    "syntax error: %.*s"), path, line, (int)n, text);
	}
	return NULL;
}

static const struct inno_error *
add(struct inno_config *c, const char *path, int must_exist, int check)
{
	const struct inno_error *err;
	dictionary *d;

	assert(c->n < MAX_FILES);
	if ((err = load_file(path, must_exist, check, &d)) != NULL)
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

/* Whether a variable is set to something other than "", "0" or "no". */
static int
env_true(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' && strcmp(v, "0") != 0 &&
	    strcasecmp(v, "no") != 0 && strcasecmp(v, "false") != 0;
}

/*
 * The files, highest precedence first: the one named by -c or else
 * $INNO_CONFIG, or else the user's; then the system file, unless
 * $INNO_CONFIG_NOSYSTEM is set (as git's GIT_CONFIG_NOSYSTEM), which the
 * tests set so that nothing installed on the machine reaches them.  A key
 * no file sets has the built-in default its reader gives.
 */
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
		if ((err = add(c, explicit_path, 1, 1)) != NULL)
			goto done;
	} else {
		errno = 0;
		if ((env = getenv("XDG_CONFIG_HOME")) != NULL && *env == '/')
			user = inno_strf("%s/inno/inno.ini", env);
		else if ((home = getenv("HOME")) != NULL && *home != '\0')
			user = inno_strf("%s/.config/inno/inno.ini", home);
		if (user == NULL && errno == ENOMEM) {
			err = inno_error_nomem();
			goto done;
		}
		if (user != NULL && (err = add(c, user, 0, 1)) != NULL)
			goto done;
	}
	if (sysconfdir != NULL && !env_true("INNO_CONFIG_NOSYSTEM")) {
		if ((sys = inno_strf("%s/inno/inno.ini", sysconfdir)) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		err = add(c, sys, 0, 1);
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

const struct inno_error *
inno_config_read(struct inno_config **cfp, const char *path)
{
	struct inno_config *c;
	const struct inno_error *err;

	*cfp = NULL;
	if ((c = calloc(1, sizeof *c)) == NULL)
		return inno_error_nomem();
	if ((err = add(c, path, 1, 0)) != NULL) {
		inno_config_free(c);
		return err;
	}
	*cfp = c;
	return NULL;
}

const struct inno_error *
inno_config_read_over(struct inno_config **cfp, const char *over,
    const char *path)
{
	struct inno_config *c;
	const struct inno_error *err;

	*cfp = NULL;
	if ((c = calloc(1, sizeof *c)) == NULL)
		return inno_error_nomem();
	if ((over != NULL && (err = add(c, over, 1, 0)) != NULL) ||
	    (err = add(c, path, 1, 0)) != NULL) {
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

	return i < 0 ? _("built-in") : c->path[i];
}

const struct inno_error *
inno_config_int(const struct inno_config *c, const char *key, int64_t def,
    int64_t min, int64_t max, int64_t *out)
{
	const char *v = inno_config_str(c, key, NULL), *why;
	enum inno_errcode what;

	if (v == NULL) {
		*out = def;
		return NULL;
	}
	if ((why = inno_parse_int_code(v, strlen(v), min, max, out, &what)) !=
	    NULL)
		return inno_error_code(INNO_EUSAGE, what, _("%s: %s = \"%s\": "
		    "%s (expected %lld to "
		    "%lld)"), inno_config_origin(c, key), key,
		    v, why, (long long)min, (long long)max);
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
		return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG, _("%s: %s = "
		    "\"%s\": expected yes or no"), inno_config_origin(c, key),
		    key, v);
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
	return inno_error_code(INNO_EUSAGE, INNO_E_CONFIG, _("%s: %s = \"%s\": "
	    "expected one of %s"), inno_config_origin(c, key), key, v, list);
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
