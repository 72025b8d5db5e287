/*
 * cli.c: the behaviour every inno program shares (see cli.h and CLI.md).
 */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef INNO_SYSCONFDIR
#define INNO_SYSCONFDIR "/usr/local/etc"
#endif

enum {
	OPT_VERSION = 256, OPT_FORMAT, OPT_ENCODING, OPT_REJECT, OPT_BATCH_ID,
	OPT_HELP,
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
	setlocale(LC_ALL, "");
}

void
cli_warn(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", c->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cli_usage(struct cli *c)
{
	const char *s = c->synopsis;

	fprintf(stderr, "usage: ");
	for (; *s != '\0'; s++) {
		fputc(*s, stderr);
		if (*s == '\n' && s[1] != '\0')
			fputs("       ", stderr);
	}
	if (s > c->synopsis && s[-1] != '\n')
		fputc('\n', stderr);
	exit(INNO_EUSAGE);
}

static void
help(struct cli *c)
{
	const char *s = c->synopsis;

	printf("usage: ");
	for (; *s != '\0'; s++) {
		putchar(*s);
		if (*s == '\n' && s[1] != '\0')
			fputs("       ", stdout);
	}
	if (s > c->synopsis && s[-1] != '\n')
		putchar('\n');
	printf("\n%s", c->help != NULL ? c->help : "");
	if (c->flags & CLI_WRITE)
		fputs(CLI_HELP_WRITE, stdout);
	if (c->flags & CLI_LIST)
		fputs(CLI_HELP_LIST, stdout);
	else if (c->flags & CLI_OUTPUT)
		fputs("  -o, --output FILE    write to FILE (- is stdout)\n",
		    stdout);
	if (c->flags & CLI_BATCH)
		fputs(CLI_HELP_BATCH, stdout);
	fputs(CLI_HELP_COMMON, stdout);
	printf("\nSee %s(1).\n", c->prog);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cli_warn(c, "write error: %s", strerror(errno));
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

int
cli_getopt(struct cli *c, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	static struct option *all;
	static char *shorts;
	size_t n = 0, i, k;
	int ch;

	if (all == NULL) {
		while (longopts != NULL && longopts[n].name != NULL)
			n++;
		all = calloc(n + sizeof common_long / sizeof common_long[0] +
		    1, sizeof *all);
		shorts = malloc(strlen(shortopts) + 16);
		if (all == NULL || shorts == NULL) {
			cli_warn(c, "out of memory");
			exit(INNO_ESYS);
		}
		for (i = 0; i < n; i++)
			all[i] = longopts[i];
		for (k = 0; k < sizeof common_long / sizeof common_long[0];
		    k++)
			if (takes(c, common_long[k].val))
				all[i++] = common_long[k];
		/* A leading '+' stops at the first operand, as POSIX says. */
		snprintf(shorts, strlen(shortopts) + 16, "+:%shd:c:q%s%s",
		    shortopts, (c->flags & CLI_WRITE) ? "n" : "",
		    (c->flags & (CLI_LIST | CLI_OUTPUT)) ? "o:" : "");
	}
	for (;;) {
		ch = getopt_long(argc, argv, shorts, all, NULL);
		switch (ch) {
		case 'h':
			help(c);
			break;
		case OPT_VERSION:
			printf("%s (inno) %s\n", c->prog, INNO_VERSION_STRING);
			if (fflush(stdout) == EOF || ferror(stdout)) {
				cli_warn(c, "write error: %s", strerror(errno));
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
		case OPT_REJECT:
			c->reject_arg = optarg;
			break;
		case OPT_BATCH_ID:
			c->batch_id_arg = optarg;
			break;
		case ':':
			cli_warn(c, "option %s needs a value",
			    argv[optind - 1]);
			cli_usage(c);
		case '?':
			if (optopt != 0)
				cli_warn(c, "unknown option -%c", optopt);
			else
				cli_warn(c, "unknown option %s",
				    argv[optind - 1]);
			cli_usage(c);
		default:
			return ch;
		}
	}
}

void
cli_fail(struct cli *c, const struct inno_error *err)
{
	cli_warn(c, "%s", err->msg);
	if (c->out_tmp != NULL)
		unlink(c->out_tmp);
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
			cli_warn(c, "--format=%s: expected table, csv, tsv or "
			    "json", c->format_arg);
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
			cli_warn(c, "--encoding=%s: expected utf-8, utf-8-bom "
			    "or cp949", enc);
		else
			cli_warn(c, "%s: csv:encoding = \"%s\": expected "
			    "utf-8, utf-8-bom or cp949",
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
		/* A dry run on a missing database must not create it. */
		if (access(c->db_path, F_OK) == -1 && errno == ENOENT) {
			cli_warn(c, "%s: no such database; a dry run does not "
			    "create it", c->db_path);
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
	if (c->out != stdout || c->output_arg == NULL ||
	    strcmp(c->output_arg, "-") == 0)
		return c->out;
	if ((c->out_tmp = inno_strf("%s.%ld.tmp", c->output_arg,
	    (long)getpid())) == NULL)
		cli_fail(c, inno_error_nomem());
	if ((c->out = fopen(c->out_tmp, "w")) == NULL) {
		const struct inno_error *err = inno_error_errno("%s",
		    c->output_arg);
		free(c->out_tmp);
		c->out_tmp = NULL;
		c->out = stdout;
		cli_fail(c, err);
	}
	return c->out;
}

struct inno_out *
cli_out(struct cli *c)
{
	const struct inno_error *err;
	struct inno_out *o;

	if ((err = inno_out_new(&o, cli_output(c), c->format,
	    c->encoding)) != NULL)
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

FILE *
cli_input(struct cli *c, const char *operand, const char **name)
{
	FILE *fp;

	if (operand == NULL || strcmp(operand, "-") == 0) {
		*name = "<stdin>";
		return stdin;
	}
	if ((fp = fopen(operand, "r")) == NULL)
		cli_fail(c, inno_error(errno == ENOENT ? INNO_EUSAGE : INNO_ESYS,
		    "%s: %s", operand, strerror(errno)));
	*name = operand;
	return fp;
}

static void
progress(void *arg, size_t rows)
{
	struct cli *c = arg;

	fprintf(stderr, "\r%s: %zu rows read", c->prog, rows);
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
		cli_warn(c, "... and %zu more", d->count - d->nmsgs);
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
		cli_warn(c, "batch %s was applied before; nothing written",
		    res->batch_id);
	else if (c->dry_run)
		cli_warn(c, "dry run: %zu row%s valid, nothing written",
		    res->rows, res->rows == 1 ? "" : "s");
	else if (res->rows > 1 || res->trimmed > 0)
		cli_warn(c, "%zu %s written%s", res->written, what,
		    res->trimmed ? " (some trimmed, see notes)" : "");
}

int
cli_finish(struct cli *c)
{
	int failed;

	failed = fflush(c->out) == EOF || ferror(c->out);
	if (c->out != stdout) {
		failed |= fclose(c->out) == EOF;
		if (!failed && rename(c->out_tmp, c->output_arg) == -1) {
			cli_warn(c, "%s: %s", c->output_arg, strerror(errno));
			unlink(c->out_tmp);
			exit(INNO_ESYS);
		}
	} else
		failed |= fclose(stdout) == EOF;
	if (failed) {
		cli_warn(c, "write error: %s", strerror(errno));
		if (c->out_tmp != NULL)
			unlink(c->out_tmp);
		exit(INNO_ESYS);
	}
	free(c->out_tmp);
	inno_db_close(c->db);
	inno_config_free(c->cfg);
	free(c->db_path);
	return 0;
}
