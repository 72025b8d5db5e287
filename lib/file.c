/*
 * file.c: output files written through a temporary in the same directory
 * and renamed into place, or written directly when the target is not a
 * regular file (see file.h for why).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "i18n.h"

struct inno_file {
	FILE *fp;
	char *path;		/* the target, as given */
	char *tmp;		/* the temporary; NULL: written directly */
	int borrowed;		/* 1: fp is stdout, flushed but never closed */
};

/*
 * Whether a path names a file of the system's rather than a place to put a
 * file: /dev/stdout, /dev/fd/1 and /proc/self/fd/1 are links to whatever a
 * descriptor is, even a regular file, and a temporary renamed over them
 * would replace the system's link.
 */
static int
system_path(const char *path)
{
	return strncmp(path, "/dev/", 5) == 0 ||
	    strncmp(path, "/proc/", 6) == 0;
}

/*
 * Makes the template of a temporary beside path: the same directory, a
 * hidden name derived from the target's, and six characters for mkstemp.
 * Returns NULL when memory is short.
 */
static char *
temp_template(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return inno_strf(".%s.XXXXXX", path);
	return inno_strf("%.*s/.%s.XXXXXX", (int)(slash - path), path,
	    slash + 1);
}

const struct inno_error *
inno_file_open(struct inno_file **fpp, const char *path)
{
	const struct inno_error *err = NULL;
	struct inno_file *f;
	struct stat st, out;
	int fd = -1;

	*fpp = NULL;
	if ((f = calloc(1, sizeof *f)) == NULL ||
	    (f->path = strdup(path)) == NULL) {
		err = inno_error_nomem();
		goto done;
	}
	/*
	 * stat, not lstat: /dev/stdout is a symbolic link to whatever the
	 * standard output is.  A link to a regular file is replaced by the
	 * rename, not followed, so it cannot redirect the write.
	 */
	if (stat(path, &st) == 0 && fstat(STDOUT_FILENO, &out) == 0 &&
	    out.st_dev == st.st_dev && out.st_ino == st.st_ino) {
		/*
		 * -o /dev/stdout, or any other name of the file standard
		 * output already is, is standard output itself.
		 */
		f->fp = stdout;
		f->borrowed = 1;
		*fpp = f;
		return NULL;
	}
	if (stat(path, &st) == 0 && (!S_ISREG(st.st_mode) ||
	    system_path(path))) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			err = inno_error_errno("%s", path);
			goto done;
		}
		/* A regular file behind /dev/stderr is the shell's: append. */
		if ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC |
		    (S_ISREG(st.st_mode) ? O_APPEND : 0))) == -1) {
			err = inno_error_errno("%s", path);
			goto done;
		}
	} else {
		if ((f->tmp = temp_template(path)) == NULL) {
			err = inno_error_nomem();
			goto done;
		}
		/* mkstemp opens with O_EXCL and mode 0600. */
		if ((fd = mkstemp(f->tmp)) == -1) {
			err = inno_error_errno("%s", path);
			free(f->tmp);
			f->tmp = NULL;
			goto done;
		}
		if (fchmod(fd, INNO_FILE_MODE) == -1) {
			err = inno_error_errno("%s", f->tmp);
			goto done;
		}
	}
	if ((f->fp = fdopen(fd, "w")) == NULL) {
		err = inno_error_errno("%s", path);
		goto done;
	}
	fd = -1;
	*fpp = f;
	f = NULL;
done:
	if (fd != -1)
		close(fd);
	if (f != NULL && f->tmp != NULL)
		unlink(f->tmp);
	if (f != NULL) {
		free(f->tmp);
		free(f->path);
		free(f);
	}
	return err;
}

FILE *
inno_file_stream(struct inno_file *f)
{
	return f->fp;
}

static void
file_free(struct inno_file *f)
{
	free(f->tmp);
	free(f->path);
	free(f);
}

const struct inno_error *
inno_file_commit(struct inno_file *f)
{
	const struct inno_error *err = NULL;
	const char *name = f->tmp != NULL ? f->tmp : f->path;

	errno = 0;
	if (fflush(f->fp) == EOF || ferror(f->fp)) {
		if (errno == 0)
			errno = EIO;
		err = inno_error_errno("%s", f->path);
	} else if (f->tmp != NULL && fsync(fileno(f->fp)) == -1)
		err = inno_error_errno("%s", name);
	if (!f->borrowed && fclose(f->fp) == EOF && err == NULL)
		err = inno_error_errno("%s", f->path);
	f->fp = NULL;
	if (err == NULL && f->tmp != NULL && rename(f->tmp, f->path) == -1)
		err = inno_error_errno("%s", f->path);
	if (err != NULL && f->tmp != NULL)
		unlink(f->tmp);
	file_free(f);
	return err;
}

void
inno_file_abort(struct inno_file *f)
{
	if (f == NULL)
		return;
	if (f->fp != NULL && !f->borrowed)
		fclose(f->fp);
	if (f->tmp != NULL)
		unlink(f->tmp);
	file_free(f);
}
