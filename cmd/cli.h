/*
 * cli.h: what every inno program does the same way: the common options of
 * CLI.md, finding the configuration and the database, opening the output,
 * printing messages as "program: message", choosing the exit status, and
 * the one shape of every program that writes records: one record from
 * options, or many from CSV.  It is linked into each program, never into
 * libinno: it prints and exits.  This header holds declarations only.
 */
#ifndef INNO_CLI_H
#define INNO_CLI_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "inno.h"
#include "file.h"

/* Which common options a program takes, beyond -h, -d, -c, -q, --version. */
#define CLI_WRITE	0x01	/* -n, --dry-run */
#define CLI_LIST	0x02	/* -o, --format, --encoding */
#define CLI_BATCH	0x04	/* --reject, --batch-id, --encoding */
#define CLI_OUTPUT	0x08	/* -o only */

/*
 * The getopt value of the option that gives column i of a writer's record
 * (see struct cli_writer): CLI_COL + i.  cli_getopt stores such values
 * itself and never returns them.
 */
#define CLI_COL		0x10000
#define CLI_MAXCOLS	32

struct cli_writer;

struct cli {
	const char *prog;
	const char *synopsis;	/* usage lines, without "usage: " */
	const char *help;	/* the options, one per line */
	unsigned flags;

	const char *db_arg;
	const char *config_arg;
	const char *output_arg;
	const char *format_arg;
	const char *encoding_arg;
	const char *columns_arg; /* --columns, or NULL: every column */
	const char *reject_arg;
	const char *batch_id_arg;
	int quiet;
	int dry_run;

	struct inno_config *cfg;
	struct inno_db *db;
	char *db_path;
	enum inno_format format;
	enum inno_encoding encoding;
	FILE *out;		/* stdout or the -o file's stream */
	struct inno_file *outf;	/* the -o file, or NULL for stdout */
	struct cli_writer *writer; /* where column options go, or NULL */
	char *identity;		/* see cli_identity; the cli's */
	const struct option *opts; /* every long option, for messages */
	const struct cli_values *values; /* for completion, or NULL */
	const char *offer_prefix; /* what cli_offer puts before a value */
	const char *offer_partial; /* what a value must start with */
};

void cli_init(struct cli *, const char *prog, const char *synopsis,
    const char *help, unsigned flags);

/*
 * The values an option takes, for shell completion: words, or a function
 * that offers each value with cli_offer (values from the configuration).
 * A table ends with a NULL option; option "" is the operands.  Options
 * whose values are files need no entry.
 */
struct cli_values {
	const char *option;	/* a long option's name, or "" */
	const char *words;	/* space-separated, or NULL */
	void (*list)(struct cli *);
};

/*
 * Gives the values table for completion; call before cli_getopt.  The
 * programs are their own completion: "PROG --complete -- WORDS..." prints
 * the candidates for the last of WORDS, one a line, or "@files" when file
 * names fit, and exits 0.  share/completion.* ask it for bash, zsh and
 * fish, so the options offered are the ones getopt_long reads.
 */
void cli_values(struct cli *, const struct cli_values *);
/* Offers one value during completion (see struct cli_values). */
void cli_offer(struct cli *, const char *value);
/* Value lists from the configuration and the wording, for cli_values. */
void cli_offer_categories(struct cli *);	/* [mileage.NAME] */
void cli_offer_task_fields(struct cli *);	/* task:fields */
void cli_offer_task_statuses(struct cli *);	/* the workflow's */
void cli_offer_report_kinds(struct cli *);	/* kinds and sections */
void cli_offer_report_sections(struct cli *);	/* sections */
void cli_offer_activity_kinds(struct cli *);	/* [activity.KIND] */
/*
 * A cli_writer's setup and release for a struct inno_activity_names: the
 * kinds and programmes of the report wording, which a record may name.
 */
const struct inno_error *cli_activity_names_setup(void *arg,
    const char *share);
void cli_activity_names_release(void *arg);
void cli_offer_programmes(struct cli *);	/* the sections' programmes */

/*
 * getopt_long over the program's options and the common ones, in any order
 * with the operands (CLI.md): operands are moved to the end of argv, so
 * after the last call argv + optind holds them in the order given, and
 * "--" ends the options whatever POSIXLY_CORRECT says.  Handles the common
 * options and a writer's column options itself and returns the program's,
 * -1 at the end.  An unknown option, a missing or empty value prints what
 * was wrong and the usage, and exits 2.
 */
int cli_getopt(struct cli *, int argc, char **argv, const char *shortopts,
    const struct option *longopts);

/* Prints the synopsis to stderr and exits 2. */
void cli_usage(struct cli *) __attribute__((noreturn));
/* Prints "prog: reason", then the synopsis, and exits 2. */
void cli_usage_error(struct cli *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));
/*
 * Checks that a program got between min and max operands (argc, argv as
 * after optind); otherwise a usage error naming the first operand too many,
 * or the operand that is missing (what, such as N_("a task id"): marked
 * for translation by the caller, translated when printed).
 */
void cli_operands(struct cli *, int argc, char **argv, int min, int max,
    const char *what);

/*
 * Loads the configuration and settles format and encoding; call after the
 * options are parsed.  Exits 2 on a bad configuration.
 */
void cli_setup(struct cli *);

/* Opens the database for reading or writing; exits on failure. */
void cli_open_db(struct cli *, enum inno_db_mode);

/* Opens the output (stdout or -o FILE) and a row writer over it. */
struct inno_out *cli_out(struct cli *);
/*
 * Writes every row of st to the output in the chosen format; exits on a
 * write error.  The whole body of a listing program after its query.
 */
void cli_list(struct cli *, struct inno_stmt *st);

/*
 * Opens the output for plain text (ids, reports): standard output, or the
 * -o file through inno_file_open (a temporary renamed into place by
 * cli_finish, or a device written directly).  A program that writes to the
 * database calls it before writing, so an output that cannot be opened
 * leaves the database as it was.  Exits 4 when the file cannot be opened.
 */
FILE *cli_output(struct cli *);

/*
 * Parses the value of option --opt as a period into p, or prints the
 * reason and exits 2.
 */
void cli_period(struct cli *, const char *opt, const char *s,
    struct inno_period *p);

/* Opens an input operand ("-" or NULL for stdin); exits on failure. */
FILE *cli_input(struct cli *, const char *operand, const char **name);

/*
 * Adds an option that changes what a batch writes to the batch's identity
 * (struct inno_batch_opts.identity), so the same input with another value
 * is another batch.  Each is written as name, length and value, so no two
 * sets of options read alike; cli_write adds the column options itself.
 */
void cli_identity(struct cli *, const char *name, const char *value);

/* Batch options from the common flags, and a progress reporter. */
void cli_batch_opts(struct cli *, struct inno_batch_opts *, const char *table);

/* Prints "prog: message" to stderr. */
void cli_warn(struct cli *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints every line of a diagnostic list. */
void cli_diag(struct cli *, const struct inno_diag *);
/* Prints an error and exits with its class, discarding any output file. */
void cli_fail(struct cli *, const struct inno_error *)
    __attribute__((noreturn));
/* Prints the batch's messages and the error, then exits. */
void cli_fail_batch(struct cli *, const struct inno_error *,
    struct inno_batch_result *) __attribute__((noreturn));
/* Reports what a batch did on stderr (unless -q). */
void cli_batch_report(struct cli *, const struct inno_batch_result *,
    const char *what);

/*
 * Flushes and closes the output (a write error exits 4), renames an -o file
 * into place, closes the database, and returns 0 for main to return.
 */
int cli_finish(struct cli *);

/* ------------------------------------------------------------- writers */

/* How a writer takes its rows. */
enum cli_write_mode {
	CLI_WRITE_AUTO,	/* one record when a column option is given, else CSV */
	CLI_WRITE_ONE,	/* one record from the column options */
	CLI_WRITE_MANY,	/* CSV; column options are the program's defaults */
};

/*
 * A program that writes records: "one record from options named after the
 * columns, or many from a CSV file operand or standard input".  The program
 * fills it, registers it with cli_writer before parsing options (so that
 * its CLI_COL options land in values), and ends with cli_write.
 */
struct cli_writer {
	const struct inno_col *cols;	/* the record's columns */
	size_t ncols;			/* at most CLI_MAXCOLS */
	inno_row_fn fn;			/* validates and writes one row */
	void *arg;			/* fn's argument; the program's */
	const char *table;		/* where rows go, for the audit line */
	const char *what;		/* the rows, plural, for the report; N_() */
	/*
	 * Where fn leaves the id of the record it created, or NULL; or
	 * else a function that returns it from arg, or NULL.
	 */
	const int64_t *id;
	int64_t (*last_id)(void *arg);
	enum cli_write_mode mode;
	/*
	 * 1: fn checks every reference it writes inside the batch's
	 * transaction (inno_batch_opts.refs_checked); for a file only.
	 */
	int refs_checked;
	/* Reports the outcome instead of cli_batch_report, or NULL. */
	void (*report)(struct cli *, struct cli_writer *,
	    const struct inno_batch_result *);
	/*
	 * For cli_writer_main: readies arg from the report wording's
	 * directory once the configuration is read (the names a record may
	 * use), and releases it after the write; or NULL.
	 */
	const struct inno_error *(*setup)(void *arg, const char *share);
	void (*release)(void *arg);

	/* Set by cli_getopt. */
	const char *values[CLI_MAXCOLS]; /* column options, NULL: not given */
	int given;			/* how many column options were given */
	const char *input;		/* the CSV's name, once opened */
};

/* Makes w the writer whose column options cli_getopt stores. */
void cli_writer(struct cli *, struct cli_writer *w);

/*
 * Runs the writer after the options: checks the operands (none for one
 * record, at most one file for many), loads the configuration if the
 * program has not, opens the input and the database, and runs the batch
 * with the options' identity.  The id of a single new record is written
 * and flushed to stdout before COMMIT, so exit 4 means nothing was
 * written.  Returns the exit status for main; exits on any failure.
 */
int cli_write(struct cli *, struct cli_writer *w, int argc, char **argv);

/*
 * The whole of a writer program whose every option is one of its record's
 * columns or a common one: cli_init, the column values completion offers
 * (values, or NULL), the options, then cli_write.  Returns the exit status
 * for main.
 */
int cli_writer_main(const char *prog, const char *synopsis, const char *help,
    const struct cli_values *values, struct cli_writer *w, int argc,
    char **argv);

#endif
