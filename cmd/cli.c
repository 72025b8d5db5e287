/*
 * cli.c: the behaviour every inno program shares (see cli.h and CLI.md):
 * option parsing in any order, usage errors that say what was wrong, help
 * screens, output files, and the one writer shape.
 */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "activity.h"
#include "audit.h"
#include "cli.h"
#include "hook.h"
#include "i18n.h"
#include "report.h"
#include "task.h"
#include "i18n.h"

#ifndef INNO_SYSCONFDIR
#define INNO_SYSCONFDIR "/usr/local/etc"
#endif
#ifndef INNO_DATADIR
#define INNO_DATADIR "/usr/local/share/inno"
#endif

enum {
	OPT_VERSION = 256, OPT_FORMAT, OPT_ENCODING, OPT_REJECT, OPT_BATCH_ID,
	OPT_HELP, OPT_COLUMNS,
};

static const struct option common_long[] = {
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{"database", required_argument, NULL, 'd'},
	{"config", required_argument, NULL, 'c'},
	{"quiet", no_argument, NULL, 'q'},
	{"dry-run", no_argument, NULL, 'n'},
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"columns", required_argument, NULL, OPT_COLUMNS},
	{"reject", required_argument, NULL, OPT_REJECT},
	{"batch-id", required_argument, NULL, OPT_BATCH_ID},
};

void
cli_init(struct cli *c, const char *prog, const char *synopsis,
    const char *help, unsigned flags)
{
	memset(c, 0, sizeof *c);
	c->prog = prog;
	c->synopsis = synopsis;
	c->help = help;
	c->flags = flags;
	c->out = stdout;
	/*
	 * Every program comes here first, so the locale and the catalogue
	 * are set before anything is printed, a usage error included.
	 */
	inno_i18n_init();
}

/* "prog: message" on stderr. */
static void
vwarn(struct cli *c, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", c->prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
cli_warn(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(c, fmt, ap);
	va_end(ap);
}

/*
 * Prints the synopsis to fp, each line after the first indented under the
 * first: by the display width of the translated "usage: ", which need not
 * be seven columns (Korean "사용법: " is eight).
 */
static void
synopsis(struct cli *c, FILE *fp)
{
	const char *s = c->synopsis, *usage = _("usage: ");
	int indent = (int)inno_text_width(usage);

	fputs(usage, fp);
	for (; *s != '\0'; s++) {
		fputc(*s, fp);
		if (*s == '\n' && s[1] != '\0')
			fprintf(fp, "%*s", indent, "");
	}
	if (s > c->synopsis && s[-1] != '\n')
		fputc('\n', fp);
}

void
cli_usage(struct cli *c)
{
	synopsis(c, stderr);
	exit(INNO_EUSAGE);
}

void
cli_usage_error(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(c, fmt, ap);
	va_end(ap);
	cli_usage(c);
}

void
cli_operands(struct cli *c, int argc, char **argv, int min, int max,
    const char *what)
{
	if (argc > max)
		cli_usage_error(c, _("unexpected operand '%s'"), argv[max]);
	if (argc < min)
		cli_usage_error(c, _("missing operand: %s"), what != NULL ?
		    _(what) : _("a file"));
}

/*
 * Option help: the option part, up to two spaces, then its description.
 * Columns are counted in display width, not bytes, so a translated help
 * text whose option part holds Hangul (two columns a character, three
 * bytes) lines up as the English one does.
 */
#define HELP_MAXCOL 30

/* The display width of the first len bytes of s. */
static size_t
help_cols(const char *s, size_t len)
{
	char buf[256];

	if (len >= sizeof buf)
		return len;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return inno_text_width(buf);
}

/* The length of the option part of an option line, or 0 for other lines. */
static size_t
help_optlen(const char *line, size_t len)
{
	size_t i = 0;

	while (i < len && line[i] == ' ')
		i++;
	if (i == 0 || i >= len || line[i] != '-')
		return 0;
	for (; i < len; i++)
		if (line[i] == ' ' && i + 1 < len && line[i + 1] == ' ')
			break;
	return i;
}

/*
 * Prints help lines with every option's description in one column, wide
 * enough for the longest option that fits HELP_MAXCOL; a longer option
 * puts its description on the next line.  Lines that continue a
 * description (indented, not an option) are aligned to the same column,
 * so no program's help can drift out of line.
 */
static void
help_lines(const char *text, size_t col)
{
	const char *line, *nl, *d;
	size_t len, n, w;

	for (line = text; *line != '\0'; line = nl + (*nl != '\0')) {
		nl = strchr(line, '\n');
		if (nl == NULL)
			nl = line + strlen(line);
		len = (size_t)(nl - line);
		if ((n = help_optlen(line, len)) > 0) {
			fwrite(line, 1, n, stdout);
			w = help_cols(line, n);
			for (d = line + n; d < nl && *d == ' '; d++)
				;
			if (d < nl) {
				if (w + 2 > col)
					printf("\n%*s", (int)col, "");
				else
					printf("%*s", (int)(col - w), "");
				fwrite(d, 1, (size_t)(nl - d), stdout);
			}
		} else if (len > 0 && line[0] == ' ') {
			for (d = line; d < nl && *d == ' '; d++)
				;
			printf("%*s", (int)col, "");
			fwrite(d, 1, (size_t)(nl - d), stdout);
		} else
			fwrite(line, 1, len, stdout);
		putchar('\n');
		if (*nl == '\0')
			break;
	}
}

/* The widest option part among the lines of text that fits the column. */
static size_t
help_width(const char *text, size_t w)
{
	const char *line, *nl;
	size_t n;

	for (line = text; *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl == NULL)
			nl = line + strlen(line);
		n = help_cols(line, help_optlen(line, (size_t)(nl - line)));
		if (n + 2 <= HELP_MAXCOL && n + 2 > w)
			w = n + 2;
		if (*nl == '\0')
			break;
	}
	return w;
}

/* The common options' help, translated where printed (see help). */
static const char *const help_write = N_(
    "  -n, --dry-run  check everything, write nothing\n");
static const char *const help_list = N_(
    "  -o, --output FILE  write to FILE (- is stdout)\n"
    "      --format FMT  table, csv, tsv or json\n"
    "      --columns A,B  only these columns, in this order\n"
    "      --encoding ENC  utf-8, utf-8-bom or cp949 (csv and tsv)\n");
static const char *const help_output = N_(
    "  -o, --output FILE  write to FILE (- is stdout)\n");
static const char *const help_batch = N_(
    "      --reject FILE  write the bad rows, and why, to FILE\n"
    "      --batch-id ID  the batch's id (default: a hash of the input and\n"
    "  of the options that change what is written)\n"
    "      --encoding ENC  input encoding: utf-8 or cp949\n");
static const char *const help_common = N_(
    "  -d, --database FILE  the database (default $INNO_DB or the config)\n"
    "  -c, --config FILE  the configuration file\n"
    "  -q, --quiet  no progress or notes on stderr\n"
    "  -h, --help  this help\n"
    "      --version  the version\n");

/*
 * Prints the help screen and exits: the program's help text and the common
 * options', each translated whole (a translator sees an option with its
 * neighbours), then laid out by help_lines.
 */
static void
help(struct cli *c)
{
	const char *parts[5], *text;
	size_t i, n = 0, col = 0;

	synopsis(c, stdout);
	putchar('\n');
	/* A program that documents a common option itself is not repeated. */
	if (c->flags & CLI_WRITE)
		parts[n++] = help_write;
	if (c->flags & CLI_LIST)
		parts[n++] = help_list;
	else if ((c->flags & CLI_OUTPUT) &&
	    (c->help == NULL || strstr(c->help, "--output") == NULL))
		parts[n++] = help_output;
	if (c->flags & CLI_BATCH)
		parts[n++] = help_batch;
	parts[n++] = help_common;
	for (i = 0; i < n; i++)
		parts[i] = _(parts[i]);
	text = c->help != NULL ? _(c->help) : NULL;
	if (text != NULL)
		col = help_width(text, col);
	for (i = 0; i < n; i++)
		col = help_width(parts[i], col);
	if (text != NULL)
		help_lines(text, col);
	for (i = 0; i < n; i++)
		help_lines(parts[i], col);
	putchar('\n');
	printf(_("See %s(1).\n"), c->prog);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cli_warn(c, _("write error: %s"), strerror(errno));
		exit(INNO_ESYS);
	}
	exit(0);
}

/* Whether the program takes common option ch. */
static int
takes(struct cli *c, int ch)
{
	switch (ch) {
	case 'n':
		return c->flags & CLI_WRITE;
	case 'o':
		return c->flags & (CLI_LIST | CLI_OUTPUT);
	case OPT_FORMAT:
	case OPT_COLUMNS:
		return c->flags & CLI_LIST;
	case OPT_ENCODING:
		return c->flags & (CLI_LIST | CLI_BATCH);
	case OPT_REJECT:
	case OPT_BATCH_ID:
		return c->flags & CLI_BATCH;
	default:
		return 1;
	}
}

/*
 * The name an option is known by in messages: "--period" for a long
 * option, even when abbreviated or given as --period=x; "-o" for a short
 * one.  arg is the argument the option came in; val its getopt value.
 */
static void
option_name(struct cli *c, const char *arg, int val, char *buf, size_t size)
{
	const struct option *o;
	size_t len;

	if (arg != NULL && arg[0] == '-' && arg[1] == '-') {
		arg += 2;
		len = strcspn(arg, "=");
		for (o = c->opts; o != NULL && o->name != NULL; o++)
			if (strncmp(o->name, arg, len) == 0 && (o->val == val ||
			    val == 0) && (strlen(o->name) == len || val != 0))
				break;
		if (o != NULL && o->name != NULL)
			snprintf(buf, size, "--%s", o->name);
		else
			snprintf(buf, size, "--%.*s", (int)len, arg);
		return;
	}
	if (val > 0 && val < 256 && isprint(val))
		snprintf(buf, size, "-%c", val);
	else
		snprintf(buf, size, "%s", arg != NULL ? arg : "?");
}

/* Whether a long option of the given name takes no value. */
static int
takes_no_value(struct cli *c, const char *arg)
{
	const struct option *o;
	size_t len;

	if (arg == NULL || strncmp(arg, "--", 2) != 0 ||
	    strchr(arg, '=') == NULL)
		return 0;
	arg += 2;
	len = strcspn(arg, "=");
	for (o = c->opts; o != NULL && o->name != NULL; o++)
		if (strncmp(o->name, arg, len) == 0)
			return o->has_arg == no_argument;
	return 0;
}

void
cli_values(struct cli *c, const struct cli_values *v)
{
	c->values = v;
}

void
cli_offer(struct cli *c, const char *value)
{
	if (strncmp(value, c->offer_partial, strlen(c->offer_partial)) == 0)
		printf("%s%s\n", c->offer_prefix, value);
}

/* Offers the names of the sections of cfg that start with prefix. */
static void
offer_sections(struct cli *c, const struct inno_config *cfg,
    const char *prefix, const char *unless)
{
	const char **names;
	size_t i, n, len = strlen(prefix);
	char *other;
	int skip;

	if (inno_config_sections(cfg, prefix, &names, &n) != NULL)
		return;
	for (i = 0; i < n; i++) {
		if (strncmp(names[i], prefix, len) != 0 ||
		    names[i][len] == '\0')
			continue;
		/* A section that is also a kind is offered once. */
		skip = 0;
		if (unless != NULL && (other = inno_strf("%s%s", unless,
		    names[i] + len)) != NULL) {
			const char **o;
			size_t k, m;
			if (inno_config_sections(cfg, other, &o, &m) == NULL) {
				for (k = 0; k < m; k++)
					if (strcmp(o[k], other) == 0)
						skip = 1;
				free(o);
			}
			free(other);
		}
		if (!skip)
			cli_offer(c, names[i] + len);
	}
	free(names);
}

void
cli_offer_categories(struct cli *c)
{
	offer_sections(c, c->cfg, "mileage.", NULL);
}

void
cli_offer_task_fields(struct cli *c)
{
	struct inno_task_conf conf;
	size_t i;

	memset(&conf, 0, sizeof conf);
	if (inno_task_conf_load(c->cfg, &conf) == NULL)
		for (i = 0; i < conf.nfields; i++)
			cli_offer(c, conf.fields[i]);
	inno_task_conf_release(&conf);
}

void
cli_offer_task_statuses(struct cli *c)
{
	size_t i;

	for (i = 0; inno_task_statuses[i] != NULL; i++)
		cli_offer(c, inno_task_statuses[i]);
}

/* Offers the kind.NAME and, with sections, section.NAME of the wording. */
static void
offer_wording(struct cli *c, int kinds)
{
	struct inno_config *words = NULL;

	if (inno_report_wording(&words, inno_report_share(c->cfg,
	    INNO_DATADIR)) == NULL) {
		if (kinds)
			offer_sections(c, words, "kind.", NULL);
		offer_sections(c, words, "section.", kinds ? "kind." : NULL);
	}
	inno_config_free(words);
}

void
cli_offer_report_kinds(struct cli *c)
{
	offer_wording(c, 1);
}

void
cli_offer_report_sections(struct cli *c)
{
	offer_wording(c, 0);
}

/* Offers the activity kinds, or the programmes, of the wording. */
static void
offer_activity(struct cli *c, int programmes)
{
	struct inno_activity_names a;
	size_t i;

	if (inno_activity_names_init(&a, inno_report_share(c->cfg,
	    INNO_DATADIR)) == NULL) {
		for (i = 0; !programmes && i < a.nkinds; i++)
			cli_offer(c, a.kinds[i]);
		for (i = 0; programmes && i < a.nprogrammes; i++)
			cli_offer(c, a.programmes[i]);
	}
	inno_activity_names_release(&a);
}

void
cli_offer_activity_kinds(struct cli *c)
{
	offer_activity(c, 0);
}

void
cli_offer_programmes(struct cli *c)
{
	offer_activity(c, 1);
}

const struct inno_error *
cli_activity_names_setup(void *arg, const char *share)
{
	return inno_activity_names_init(arg, share);
}

void
cli_activity_names_release(void *arg)
{
	inno_activity_names_release(arg);
}

/* The values of the common options that take words. */
static const struct cli_values common_values[] = {
	{"format", "table csv tsv json", NULL},
	{"encoding", "utf-8 utf-8-bom cp949", NULL},
	/* Column names are known only once the query runs: offer none. */
	{"columns", "", NULL},
	{NULL, NULL, NULL},
};

/*
 * Offers the values of option name (or of the operands, name ""); prints
 * "@files" when the program knows none, so the shell offers file names.
 */
static void
offer_values(struct cli *c, const char *name)
{
	const struct cli_values *v = NULL, *t;
	const char *w, *e;
	char word[128];

	for (t = c->values; t != NULL && t->option != NULL; t++)
		if (strcmp(t->option, name) == 0) {
			v = t;
			break;
		}
	for (t = common_values; v == NULL && t->option != NULL; t++)
		if (strcmp(t->option, name) == 0)
			v = t;
	if (v == NULL) {
		puts("@files");
		return;
	}
	/* A batch reads utf-8 or cp949; utf-8-bom is for output. */
	if (v == &common_values[1] && !(c->flags & CLI_LIST)) {
		cli_offer(c, "utf-8");
		cli_offer(c, "cp949");
		return;
	}
	for (w = v->words; w != NULL && *w != '\0'; w = e) {
		w += strspn(w, " ");
		e = w + strcspn(w, " ");
		if (e > w && (size_t)(e - w) < sizeof word) {
			memcpy(word, w, (size_t)(e - w));
			word[e - w] = '\0';
			cli_offer(c, word);
		}
	}
	if (v->list != NULL) {
		/* Values from the configuration; none when it is unreadable. */
		if (c->cfg == NULL && inno_config_load(&c->cfg, c->config_arg,
		    INNO_SYSCONFDIR) != NULL)
			return;
		v->list(c);
	}
}

/* The long option named exactly name (len bytes), or NULL. */
static const struct option *
find_option(struct cli *c, const char *name, size_t len)
{
	const struct option *o;

	for (o = c->opts; o != NULL && o->name != NULL; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

/*
 * The completion mode: words are the command line after the program's
 * name, the last being the one completed (maybe empty).  Prints the
 * candidates and exits.
 */
static void __attribute__((noreturn))
complete(struct cli *c, int nwords, char **words)
{
	const struct option *o;
	const char *cur = nwords > 0 ? words[nwords - 1] : "";
	const char *prev = nwords > 1 ? words[nwords - 2] : NULL;
	char prefix[80];
	int i, ended = 0;

	for (i = 0; i < nwords - 1; i++)
		if (strcmp(words[i], "--") == 0)
			ended = 1;
	c->offer_prefix = "";
	c->offer_partial = cur;
	if (!ended && strncmp(cur, "--", 2) == 0 && strchr(cur, '=') != NULL) {
		size_t len = strcspn(cur + 2, "=");
		if ((o = find_option(c, cur + 2, len)) != NULL &&
		    o->has_arg != no_argument && len + 4 < sizeof prefix) {
			snprintf(prefix, sizeof prefix, "--%.*s=", (int)len,
			    cur + 2);
			c->offer_prefix = prefix;
			c->offer_partial = cur + len + 3;
			offer_values(c, o->name);
		}
	} else if (!ended && prev != NULL && strncmp(prev, "--", 2) == 0 &&
	    strchr(prev, '=') == NULL && (o = find_option(c, prev + 2,
	    strlen(prev + 2))) != NULL && o->has_arg == required_argument)
		offer_values(c, o->name);
	else if (!ended && prev != NULL && (strcmp(prev, "-o") == 0 ||
	    strcmp(prev, "-d") == 0 || strcmp(prev, "-c") == 0))
		puts("@files");
	else if (!ended && cur[0] == '-') {
		for (o = c->opts; o != NULL && o->name != NULL; o++) {
			snprintf(prefix, sizeof prefix, "--%s%s", o->name,
			    o->has_arg == required_argument ? "=" : "");
			if (strncmp(prefix, cur, strlen(cur)) == 0)
				puts(prefix);
		}
	} else
		offer_values(c, "");
	if (fflush(stdout) == EOF || ferror(stdout))
		exit(INNO_ESYS);
	exit(0);
}

/*
 * Moves the operands gathered in ops to the end of argv and points optind
 * at the first, so that a program's "argc -= optind; argv += optind" sees
 * them in the order given, followed by those after "--".
 */
static void
settle_operands(int argc, char **argv, char **ops, int nops)
{
	int rest = argc - optind, i;

	if (rest > 0)
		memmove(ops + nops, argv + optind, (size_t)rest *
		    sizeof *argv);
	nops += rest;
	for (i = 0; i < nops; i++)
		argv[argc - nops + i] = ops[i];
	optind = argc - nops;
}

int
cli_getopt(struct cli *c, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	static struct option *all;
	static char *shorts;
	static char **ops;
	static int nops;
	static char colnames[CLI_MAXCOLS][40];
	size_t n = 0, i, k;
	char name[80];
	int ch, li;

	if (all == NULL) {
		/* The command the audit trail records, as typed. */
		inno_audit_args(argc, argv);
		while (longopts != NULL && longopts[n].name != NULL)
			n++;
		all = calloc(n + CLI_MAXCOLS + sizeof common_long /
		    sizeof common_long[0] + 1, sizeof *all);
		shorts = malloc(strlen(shortopts) + 16);
		ops = calloc((size_t)argc + 1, sizeof *ops);
		if (all == NULL || shorts == NULL || ops == NULL) {
			cli_warn(c, _("out of memory"));
			exit(INNO_ESYS);
		}
		for (i = 0; i < n; i++)
			all[i] = longopts[i];
		/*
		 * A writer without options of its own takes one per column,
		 * named after it: column employee_id is option --employee-id.
		 */
		if (c->writer != NULL && longopts == NULL)
			for (k = 0; k < c->writer->ncols; k++, i++) {
				char *p;
				snprintf(colnames[k], sizeof colnames[k], "%s",
				    c->writer->cols[k].name);
				for (p = colnames[k]; *p != '\0'; p++)
					if (*p == '_')
						*p = '-';
				all[i].name = colnames[k];
				all[i].has_arg = required_argument;
				all[i].flag = NULL;
				all[i].val = CLI_COL + (int)k;
			}
		for (k = 0; k < sizeof common_long / sizeof common_long[0];
		    k++)
			if (takes(c, common_long[k].val))
				all[i++] = common_long[k];
		c->opts = all;
		/*
		 * A leading '-' hands each operand back in turn (as 1), so
		 * options may follow operands whatever POSIXLY_CORRECT says,
		 * and ':' reports a missing value as ':' rather than '?'.
		 */
		snprintf(shorts, strlen(shortopts) + 16, "-:%shd:c:q%s%s",
		    shortopts, (c->flags & CLI_WRITE) ? "n" : "",
		    (c->flags & (CLI_LIST | CLI_OUTPUT)) ? "o:" : "");
		if (argc >= 3 && strcmp(argv[1], "--complete") == 0 &&
		    strcmp(argv[2], "--") == 0)
			complete(c, argc - 3, argv + 3);
	}
	for (;;) {
		li = -1;
		ch = getopt_long(argc, argv, shorts, all, &li);
		/* An empty value is no value: --date= is not "today". */
		if (ch != 1 && ch != '?' && ch != ':' && ch != -1 &&
		    optarg != NULL && optarg[0] == '\0') {
			if (li >= 0)
				snprintf(name, sizeof name, "--%s",
				    all[li].name);
			else
				option_name(c, NULL, ch, name, sizeof name);
			cli_usage_error(c, _("%s needs a value"), name);
		}
		switch (ch) {
		case -1:
			settle_operands(argc, argv, ops, nops);
			return -1;
		case 1:
			ops[nops++] = optarg;
			break;
		case 'h':
			help(c);
			break;
		case OPT_VERSION:
			printf("%s (inno) %s\n", c->prog, INNO_VERSION_STRING);
			if (fflush(stdout) == EOF || ferror(stdout)) {
				cli_warn(c, _("write error: %s"),
				    strerror(errno));
				exit(INNO_ESYS);
			}
			exit(0);
		case 'd':
			c->db_arg = optarg;
			break;
		case 'c':
			c->config_arg = optarg;
			break;
		case 'q':
			c->quiet = 1;
			break;
		case 'n':
			c->dry_run = 1;
			break;
		case 'o':
			c->output_arg = optarg;
			break;
		case OPT_FORMAT:
			c->format_arg = optarg;
			break;
		case OPT_ENCODING:
			c->encoding_arg = optarg;
			break;
		case OPT_COLUMNS:
			c->columns_arg = optarg;
			break;
		case OPT_REJECT:
			c->reject_arg = optarg;
			break;
		case OPT_BATCH_ID:
			c->batch_id_arg = optarg;
			break;
		case ':':
			option_name(c, argv[optind - 1], optopt, name,
			    sizeof name);
			cli_usage_error(c, _("%s needs a value"), name);
		case '?':
			if (takes_no_value(c, argv[optind - 1])) {
				option_name(c, argv[optind - 1], 0, name,
				    sizeof name);
				cli_usage_error(c, _("%s takes no value"),
				    name);
			}
			if (optopt != 0 && optopt < 256 && isprint(optopt))
				cli_usage_error(c, _("unknown option -%c"),
				    optopt);
			cli_usage_error(c, _("unknown option %.*s"),
			    (int)strcspn(argv[optind - 1], "="),
			    argv[optind - 1]);
		default:
			if (c->writer != NULL && ch >= CLI_COL &&
			    ch < CLI_COL + (int)c->writer->ncols) {
				if (c->writer->values[ch - CLI_COL] == NULL)
					c->writer->given++;
				c->writer->values[ch - CLI_COL] = optarg;
				break;
			}
			return ch;
		}
	}
}

void
cli_fail(struct cli *c, const struct inno_error *err)
{
	cli_warn(c, "%s", err->msg);
	inno_file_abort(c->outf);
	c->outf = NULL;
	inno_db_close(c->db);
	c->db = NULL;
	exit(err->code);
}

void
cli_setup(struct cli *c)
{
	const struct inno_error *err;
	const char *enc;
	int v;

	if ((err = inno_config_load(&c->cfg, c->config_arg,
	    INNO_SYSCONFDIR)) != NULL)
		cli_fail(c, err);
	if (c->format_arg != NULL) {
		if ((v = inno_format_parse(c->format_arg)) < 0) {
			cli_warn(c, _("--format=%s: expected table, csv, tsv "
			    "or json"), c->format_arg);
			exit(INNO_EUSAGE);
		}
		c->format = (enum inno_format)v;
	} else
		c->format = isatty(STDOUT_FILENO) && (c->output_arg == NULL ||
		    strcmp(c->output_arg, "-") == 0) ? INNO_FMT_TABLE :
		    INNO_FMT_CSV;
	enc = c->encoding_arg;
	if (enc == NULL)
		enc = inno_config_str(c->cfg, "csv:encoding", "utf-8");
	if ((v = inno_encoding_parse(enc)) < 0) {
		if (c->encoding_arg != NULL)
			cli_warn(c, _("--encoding=%s: expected utf-8, "
			    "utf-8-bom or cp949"), enc);
		else
			cli_warn(c, _("%s: csv:encoding = \"%s\": expected "
			    "utf-8, utf-8-bom or cp949"),
			    inno_config_origin(c->cfg, "csv:encoding"), enc);
		exit(INNO_EUSAGE);
	}
	c->encoding = (enum inno_encoding)v;
}

void
cli_open_db(struct cli *c, enum inno_db_mode mode)
{
	const struct inno_error *err;

	if ((err = inno_db_path(c->cfg, c->db_arg, &c->db_path)) != NULL)
		cli_fail(c, err);
	if (mode == INNO_DB_WRITE && c->dry_run) {
		/*
		 * A dry run on a missing database must not create it: a
		 * server's database without the schema is refused as a
		 * reader refuses it.
		 */
		if (!inno_db_is_file(c->db_path))
			mode = INNO_DB_READ;
		else if (access(c->db_path, F_OK) == -1 && errno == ENOENT) {
			cli_warn(c, _("%s: no such database; a dry run does "
			    "not create it"), c->db_path);
			exit(INNO_EUSAGE);
		}
	}
	if ((err = inno_db_open(&c->db, c->db_path, mode, c->cfg,
	    c->prog)) != NULL)
		cli_fail(c, err);
}

FILE *
cli_output(struct cli *c)
{
	const struct inno_error *err;

	if (c->out != stdout || c->output_arg == NULL ||
	    strcmp(c->output_arg, "-") == 0)
		return c->out;
	if ((err = inno_file_open(&c->outf, c->output_arg)) != NULL)
		cli_fail(c, err);
	c->out = inno_file_stream(c->outf);
	return c->out;
}

struct inno_out *
cli_out(struct cli *c)
{
	const struct inno_error *err;
	struct inno_out *o;

	if ((err = inno_out_new(&o, cli_output(c), c->format,
	    c->encoding)) != NULL ||
	    (err = inno_out_columns(o, c->columns_arg)) != NULL)
		cli_fail(c, err);
	return o;
}

void
cli_list(struct cli *c, struct inno_stmt *st)
{
	const struct inno_error *err;
	struct inno_out *out;

	out = cli_out(c);
	if ((err = inno_out_stmt(out, st)) != NULL ||
	    (err = inno_out_finish(out)) != NULL)
		cli_fail(c, err);
	inno_out_free(out);
}

void
cli_period(struct cli *c, const char *opt, const char *s,
    struct inno_period *p)
{
	const char *why;

	if ((why = inno_parse_period(s, p)) != NULL)
		cli_usage_error(c, "--%s=%s: %s", opt, s, _(why));
}

FILE *
cli_input(struct cli *c, const char *operand, const char **name)
{
	FILE *fp;

	if (operand == NULL || strcmp(operand, "-") == 0) {
		*name = "<stdin>";
		return stdin;
	}
	/* A file operand that is not there is a mistyped name: usage. */
	if ((fp = fopen(operand, "r")) == NULL)
		cli_fail(c, inno_error(errno == ENOENT ? INNO_EUSAGE :
		    INNO_ESYS, "%s: %s", operand, strerror(errno)));
	*name = operand;
	return fp;
}

static void
progress(void *arg, size_t rows)
{
	struct cli *c = arg;

	/* The carriage return is no part of the message: it redraws it. */
	fputc('\r', stderr);
	fprintf(stderr, _("%s: %zu rows read"), c->prog, rows);
}

void
cli_batch_opts(struct cli *c, struct inno_batch_opts *o, const char *table)
{
	memset(o, 0, sizeof *o);
	o->batch_id = c->batch_id_arg;
	o->reject_path = c->reject_arg;
	o->dry_run = c->dry_run;
	o->encoding = c->encoding == INNO_ENC_CP949 ? INNO_ENC_CP949 :
	    INNO_ENC_UTF8;
	o->table = table;
	o->identity = c->identity;
	if (!c->quiet && isatty(STDERR_FILENO)) {
		o->progress = progress;
		o->progress_arg = c;
	}
}

void
cli_diag(struct cli *c, const struct inno_diag *d)
{
	size_t i;

	for (i = 0; i < d->nmsgs; i++)
		cli_warn(c, "%s", d->msgs[i]);
	if (d->count > d->nmsgs)
		cli_warn(c, _("... and %zu more"), d->count - d->nmsgs);
}

void
cli_fail_batch(struct cli *c, const struct inno_error *err,
    struct inno_batch_result *res)
{
	struct inno_error copy = *err;

	if (res->rows >= 10000 && !c->quiet && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	cli_diag(c, &res->diag);
	cli_fail(c, &copy);
}

void
cli_batch_report(struct cli *c, const struct inno_batch_result *res,
    const char *what)
{
	if (res->rows >= 10000 && !c->quiet && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	if (c->quiet)
		return;
	cli_diag(c, &res->diag);
	if (res->already)
		cli_warn(c, _("batch %s was applied before; nothing written"),
		    res->batch_id);
	else if (c->dry_run)
		cli_warn(c, dngettext(INNO_TEXTDOMAIN,
		    "dry run: %zu row valid, nothing written",
		    "dry run: %zu rows valid, nothing written", res->rows),
		    res->rows);
	else if (res->rows > 1 || res->trimmed > 0)
		/* what is the rows' name, plural, marked N_() by the caller. */
		cli_warn(c, _("%zu %s written%s"), res->written, _(what),
		    res->trimmed ? _(" (some trimmed, see notes)") : "");
}

int
cli_finish(struct cli *c)
{
	const struct inno_error *err;
	int failed;

	if (c->outf != NULL) {
		err = inno_file_commit(c->outf);
		c->outf = NULL;
		c->out = stdout;
		if (err != NULL)
			cli_fail(c, err);
	}
	errno = 0;
	failed = fflush(stdout) == EOF || ferror(stdout);
	failed |= fclose(stdout) == EOF;
	if (failed) {
		cli_warn(c, _("write error: %s"), strerror(errno != 0 ? errno :
		    EIO));
		inno_db_close(c->db);
		exit(INNO_ESYS);
	}
	inno_db_close(c->db);
	inno_config_free(c->cfg);
	free(c->db_path);
	free(c->identity);
	return 0;
}

void
cli_identity(struct cli *c, const char *name, const char *value)
{
	char *s;

	s = inno_strf("%s%s=%zu:%s\n", c->identity != NULL ? c->identity : "",
	    name, strlen(value), value);
	if (s == NULL)
		cli_fail(c, inno_error_nomem());
	free(c->identity);
	c->identity = s;
}

void
cli_writer(struct cli *c, struct cli_writer *w)
{
	assert(w->ncols <= CLI_MAXCOLS);
	memset(w->values, 0, sizeof w->values);
	w->given = 0;
	w->input = NULL;
	c->writer = w;
}

/* What cli_write's hook needs before COMMIT. */
struct write_commit {
	struct cli *c;
	struct cli_writer *w;
	int one;
};

/*
 * Opens the output and writes the new record's id, flushed, while the
 * transaction is still open: if the id cannot be written (a full disk, a
 * closed pipe) the record is not committed, so a script that retries on
 * failure does not duplicate it.
 */
static const struct inno_error *
write_before_commit(void *arg)
{
	struct write_commit *wc = arg;
	const struct inno_error *err;
	int64_t id = 0;
	FILE *fp;

	/* A pre- hook (hook.h) may still veto what the rows wrote. */
	if ((err = inno_hook_pre(wc->c->db)) != NULL)
		return err;
	fp = cli_output(wc->c);
	if (wc->w->id != NULL)
		id = *wc->w->id;
	else if (wc->w->last_id != NULL)
		id = wc->w->last_id(wc->w->arg);
	if (!wc->one || id <= 0)
		return NULL;
	errno = 0;
	if (fprintf(fp, "%lld\n", (long long)id) < 0 ||
	    fflush(fp) == EOF || ferror(fp)) {
		if (errno == 0)
			errno = EIO;
		return inno_error_errno(_("write error"));
	}
	return NULL;
}

int
cli_write(struct cli *c, struct cli_writer *w, int argc, char **argv)
{
	struct inno_batch_opts opts;
	struct inno_batch_result res;
	const struct inno_error *err;
	struct write_commit wc;
	const char *name = NULL;
	FILE *in = NULL;
	size_t i;
	int one;

	one = w->mode == CLI_WRITE_ONE ||
	    (w->mode == CLI_WRITE_AUTO && w->given > 0);
	if (one && argc > 0)
		cli_usage_error(c, _("unexpected operand '%s'%s"), argv[0],
		    w->mode == CLI_WRITE_AUTO ? _(" (options give one record, "
		    "a file many: not both)") : "");
	cli_operands(c, argc, argv, 0, 1, NULL);
	if (c->cfg == NULL)
		cli_setup(c);
	if (!one) {
		in = cli_input(c, argc > 0 ? argv[0] : NULL, &name);
		w->input = name;
		/*
		 * Options that give a file's rows their defaults change
		 * what is written, and so does the encoding it is read in.
		 */
		for (i = 0; i < w->ncols; i++)
			if (w->values[i] != NULL)
				cli_identity(c, w->cols[i].name, w->values[i]);
		if (c->encoding == INNO_ENC_CP949)
			cli_identity(c, "encoding", "cp949");
	}
	cli_open_db(c, INNO_DB_WRITE);
	cli_batch_opts(c, &opts, w->table);
	opts.refs_checked = w->refs_checked;
	wc.c = c;
	wc.w = w;
	wc.one = one;
	opts.before_commit = write_before_commit;
	opts.before_commit_arg = &wc;
	inno_batch_result_init(&res);
	if (one)
		err = inno_batch_one(c->db, w->cols, w->ncols, w->values, w->fn,
		    w->arg, &opts, &res);
	else
		err = inno_batch_csv(c->db, in, name, w->cols, w->ncols, w->fn,
		    w->arg, &opts, &res);
	if (err != NULL)
		cli_fail_batch(c, err, &res);
	/* The write stands whatever a post- hook says. */
	if (!c->dry_run && !res.already &&
	    (err = inno_hook_post(c->db)) != NULL)
		cli_warn(c, _("%s; what was written stands"), err->msg);
	inno_hook_discard();
	if (res.already) {
		/* Notes on rows that were not applied would mislead. */
		inno_diag_release(&res.diag);
		inno_diag_init(&res.diag);
	}
	if (w->report != NULL)
		w->report(c, w, &res);
	else
		cli_batch_report(c, &res, w->what);
	inno_batch_result_release(&res);
	if (in != NULL && in != stdin)
		fclose(in);
	return cli_finish(c);
}

int
cli_writer_main(const char *prog, const char *synopsis, const char *help,
    const struct cli_values *values, struct cli_writer *w, int argc,
    char **argv)
{
	const struct inno_error *err;
	struct cli c;
	int rc;

	cli_init(&c, prog, synopsis, help, CLI_WRITE | CLI_BATCH);
	if (values != NULL)
		cli_values(&c, values);
	cli_writer(&c, w);
	/* Column options, named after the columns, and the common ones. */
	while (cli_getopt(&c, argc, argv, "", NULL) != -1)
		continue;
	argc -= optind;
	argv += optind;
	if (w->setup != NULL) {
		cli_setup(&c);
		if ((err = w->setup(w->arg, inno_report_share(c.cfg,
		    INNO_DATADIR))) != NULL) {
			if (w->release != NULL)
				w->release(w->arg);
			cli_fail(&c, err);
		}
	}
	rc = cli_write(&c, w, argc, argv);
	if (w->release != NULL)
		w->release(w->arg);
	return rc;
}
