/*
 * file.h: output files written safely.  A report, a listing's -o file or a
 * batch's reject file is written to a temporary file made by mkstemp(3) in
 * the target's directory and renamed into place only when it is complete,
 * so a reader never sees half a file and a crash leaves the old one.  The
 * temporary is created with O_EXCL under an unpredictable name, so nobody
 * sharing the directory can make it point elsewhere, and it is given the
 * database's mode (0660), since it holds the same personal data.
 *
 * A target that exists and is not a regular file (a terminal, a FIFO,
 * /dev/null, /dev/full), or any path under /dev or /proc (/dev/stdout and
 * /dev/fd/N may lead to a regular file), is written directly: renaming
 * over it would replace a device node, a pipe or the system's link with a
 * plain file.  A symbolic link elsewhere to a regular file is replaced by
 * the rename, not followed, so a link planted in a shared folder cannot
 * send the output to another file.
 */
#ifndef INNO_FILE_H
#define INNO_FILE_H

#include <stdio.h>

#include "inno.h"

/* The mode of every file the programs create: the database's. */
#define INNO_FILE_MODE 0660

struct inno_file;

/*
 * Opens path for writing as described above.  On success *fp is the
 * caller's, to be ended by inno_file_commit or inno_file_abort; on failure
 * *fp is NULL and nothing was created.
 */
const struct inno_error *inno_file_open(struct inno_file **fp,
    const char *path);

/* The stream to write to; it stays the inno_file's. */
FILE *inno_file_stream(struct inno_file *);

/*
 * Flushes the stream and, for a temporary, syncs it and renames it into
 * place.  Returns the first write error; either way the file is freed, and
 * after an error the target is left as it was.
 */
const struct inno_error *inno_file_commit(struct inno_file *);

/*
 * Closes the stream and removes the temporary, leaving the target as it
 * was, then frees the file.  NULL does nothing.
 */
void inno_file_abort(struct inno_file *);

#endif
