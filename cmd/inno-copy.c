/*
 * inno-copy: copies an office's whole database into a new one, from an
 * SQLite file to a PostgreSQL database and back, or to another file, all
 * or nothing and compared table by table before it is kept; or compares
 * two databases (lib/db-copy.c).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"

static const char synopsis[] =
    "inno-copy [-nq] [-c config] from to\n"
    "inno-copy [-q] [-c config] [-o file] [--format fmt] --compare a b\n";
static const char *const help_text = N_(
    "Copy database FROM into TO, a new database, and check that every\n"
    "table has the same rows; or compare two databases.\n"
    "\n"
    "      --compare        compare A and B table by table: rows and a\n"
    "                       digest of them; exit 1 if a table differs\n");

/* The databases, closed before any exit. */
static struct inno_db *from_db, *to_db;
static size_t shown;		/* the length of the progress line */

static void
fail(struct cli *c, const struct inno_error *err)
{
	struct inno_error copy = *err;

	if (shown > 0)
		fputc('\n', stderr);
	inno_db_close(from_db);
	inno_db_close(to_db);
	from_db = to_db = NULL;
	cli_fail(c, &copy);
}

/* A database named by an operand, as inno_db_path takes a -d. */
static struct inno_db *
open_db(struct cli *c, const char *operand, enum inno_db_mode mode,
    int missing_ok)
{
	const struct inno_error *err;
	struct inno_db *db;
	char *path;

	if ((err = inno_db_path(c->cfg, operand, &path)) != NULL)
		fail(c, err);
	err = inno_db_open(&db, path, mode, c->cfg, c->prog);
	free(path);
	if (err != NULL) {
		if (missing_ok && err->what == INNO_E_NOTFOUND)
			return NULL;
		fail(c, err);
	}
	return db;
}

/* The table being copied, redrawn on one line of a terminal. */
static void
progress(void *arg, const char *table, int64_t rows)
{
	struct cli *c = arg;
	char line[256];
	size_t n;

	snprintf(line, sizeof line, _("%s: copying %s: %lld rows"), c->prog,
	    table, (long long)rows);
	n = strlen(line);
	fprintf(stderr, "\r%s%*s", line, shown > n ? (int)(shown - n) : 0, "");
	shown = n;
}

static int
compare(struct cli *c, char **argv)
{
	static const char *const names[] = {
		"table", "rows", "target_rows", "digest", "same",
	};
	static const enum inno_kind kinds[] = {
		INNO_TEXT, INNO_NUM, INNO_NUM, INNO_TEXT, INNO_TEXT,
	};
	const struct inno_error *err;
	struct inno_copy_result res;
	struct inno_copy_table *t;
	struct inno_out *out;
	size_t i;
	int status;

	from_db = open_db(c, argv[0], INNO_DB_READ, 0);
	to_db = open_db(c, argv[1], INNO_DB_READ, 0);
	inno_copy_result_init(&res);
	if ((err = inno_db_compare(from_db, to_db, &res)) != NULL)
		fail(c, err);
	out = cli_out(c);
	err = inno_out_header(out, 5, names, kinds);
	for (i = 0; err == NULL && i < res.ntables; i++) {
		t = &res.tables[i];
		if ((err = inno_out_text(out, t->name)) == NULL)
			err = t->rows >= 0 ? inno_out_int(out, t->rows) :
			    inno_out_null(out);
		if (err == NULL)
			err = t->target_rows >= 0 ? inno_out_int(out,
			    t->target_rows) : inno_out_null(out);
		if (err == NULL)
			err = t->rows >= 0 ? inno_out_text(out, t->digest) :
			    inno_out_null(out);
		if (err == NULL)
			err = inno_out_text(out, t->same ? "yes" : "no");
		if (err == NULL)
			err = inno_out_endrow(out);
	}
	if (err == NULL)
		err = inno_out_finish(out);
	if (err != NULL)
		fail(c, err);
	inno_out_free(out);
	for (i = 0; i < res.ntables && !c->quiet; i++)
		if (!res.tables[i].same)
			cli_warn(c, _("table %s differs"), res.tables[i].name);
	status = res.differ > 0 ? INNO_EINPUT : 0;
	inno_copy_result_release(&res);
	inno_db_close(from_db);
	inno_db_close(to_db);
	from_db = to_db = NULL;
	cli_finish(c);
	return status;
}

/*
 * A dry run creates nothing: a new file stays the private one the
 * database layer builds it in, never published without a commit, and a
 * PostgreSQL database is opened as a reader, which does not give an empty
 * one the schema; such a target is new, and only FROM is read.
 */
static int
copy(struct cli *c, char **argv)
{
	const struct inno_error *err;
	struct inno_copy_opts opts;
	struct inno_copy_result res;

	from_db = open_db(c, argv[0], INNO_DB_READ, 0);
	if (c->dry_run && !inno_db_is_file(argv[1]))
		to_db = open_db(c, argv[1], INNO_DB_READ, 1);
	else
		to_db = open_db(c, argv[1], INNO_DB_WRITE, 0);
	memset(&opts, 0, sizeof opts);
	opts.dry_run = c->dry_run;
	if (!c->quiet && isatty(STDERR_FILENO)) {
		opts.progress = progress;
		opts.progress_arg = c;
	}
	inno_copy_result_init(&res);
	if ((err = inno_db_copy(from_db, to_db, &opts, &res)) != NULL)
		fail(c, err);
	if (shown > 0)
		fputc('\n', stderr);
	if (c->dry_run && !c->quiet)
		cli_warn(c, dngettext(INNO_TEXTDOMAIN, "dry run: %lld row in "
		    "%zu tables would be copied; nothing written", "dry run: "
		    "%lld rows in %zu tables would be copied; nothing written",
		    (unsigned long)res.rows), (long long)res.rows,
		    res.ntables);
	else if (!c->quiet)
		cli_warn(c, dngettext(INNO_TEXTDOMAIN, "%lld row in %zu tables "
		    "copied; every table is the same", "%lld rows in %zu tables "
		    "copied; every table is the same", (unsigned long)res.rows),
		    (long long)res.rows, res.ntables);
	inno_copy_result_release(&res);
	inno_db_close(from_db);
	inno_db_close(to_db);
	from_db = to_db = NULL;
	return cli_finish(c);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"compare", no_argument, NULL, 'C'},
		{NULL, 0, NULL, 0},
	};
	struct cli c;
	int ch, cmp = 0;

	cli_init(&c, "inno-copy", synopsis, help_text, CLI_WRITE | CLI_LIST);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'C':
			cmp = 1;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	if (c.db_arg != NULL)
		cli_usage_error(&c, _("-d: name both databases as operands"));
	if (cmp && c.dry_run)
		cli_usage_error(&c, _("--compare writes nothing; -n is for a "
		    "copy"));
	if (!cmp && (c.output_arg != NULL || c.format_arg != NULL ||
	    c.columns_arg != NULL || c.encoding_arg != NULL))
		cli_usage_error(&c, _("-o, --format, --columns and --encoding "
		    "are for --compare"));
	cli_operands(&c, argc, argv, 2, 2, cmp ? N_("two databases") :
	    N_("a database to copy from and one to copy to"));
	cli_setup(&c);
	return cmp ? compare(&c, argv) : copy(&c, argv);
}
