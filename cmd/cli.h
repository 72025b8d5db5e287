/*
 * cli.h: what every inno program does the same way: the common options of
 * CLI.md, finding the configuration and the database, opening the output,
 * printing messages as "program: message", and choosing the exit status.
 * It is linked into each program, never into libinno: it prints and exits.
 */
#ifndef INNO_CLI_H
#define INNO_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "inno.h"

/* Which common options a program takes, beyond -h, -d, -c, -q, --version. */
#define CLI_WRITE	0x01	/* -n, --dry-run */
#define CLI_LIST	0x02	/* -o, --format, --encoding */
#define CLI_BATCH	0x04	/* --reject, --batch-id, --encoding */
#define CLI_OUTPUT	0x08	/* -o only */

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
	const char *reject_arg;
	const char *batch_id_arg;
	int quiet;
	int dry_run;

	struct inno_config *cfg;
	struct inno_db *db;
	char *db_path;
	enum inno_format format;
	enum inno_encoding encoding;
	FILE *out;		/* stdout or the -o file */
	char *out_tmp;		/* the -o file is written here, then renamed */
};

void cli_init(struct cli *, const char *prog, const char *synopsis,
    const char *help, unsigned flags);

/*
 * getopt_long over the program's options and the common ones; handles the
 * common ones itself and returns the program's, -1 at the end.  Unknown
 * options print the usage and exit 2.
 */
int cli_getopt(struct cli *, int argc, char **argv, const char *shortopts,
    const struct option *longopts);

/* Prints the synopsis to stderr and exits 2. */
void cli_usage(struct cli *) __attribute__((noreturn));

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

/* Opens the output for plain text (ids, reports). */
FILE *cli_output(struct cli *);

/* Opens an input operand ("-" or NULL for stdin); exits on failure. */
FILE *cli_input(struct cli *, const char *operand, const char **name);

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

/* Strings of the common options, for --help texts. */
#define CLI_HELP_COMMON \
	"  -d, --database FILE  the database (default $INNO_DB or the config)\n" \
	"  -c, --config FILE    the configuration file\n" \
	"  -q, --quiet          no progress or notes on stderr\n" \
	"  -h, --help           this help\n" \
	"      --version        the version\n"
#define CLI_HELP_WRITE \
	"  -n, --dry-run        check everything, write nothing\n"
#define CLI_HELP_LIST \
	"  -o, --output FILE    write to FILE (- is stdout)\n" \
	"      --format FMT     table, csv, tsv or json\n" \
	"      --encoding ENC   utf-8, utf-8-bom or cp949 (csv and tsv)\n"
#define CLI_HELP_BATCH \
	"      --reject FILE    write the bad rows, with a reason, to FILE\n" \
	"      --batch-id ID    the batch's id (default: hash of the input)\n" \
	"      --encoding ENC   input encoding: utf-8 or cp949\n"

#endif
