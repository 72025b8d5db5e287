/*
 * err.c: error objects and diagnostic lists.  A library function reports
 * failure by returning a pointer to a struct inno_error that holds the
 * message and the exit-status class; only a program's main prints it.
 */
#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inno.h"

/*
 * The ring of errors (see INNO_ERROR_RING in inno.h).  Programs are single
 * threaded, so a counter is enough to hand out the slots in turn.
 */
static struct inno_error ring[INNO_ERROR_RING];
static unsigned ring_next;
static const struct inno_error nomem = { INNO_ESYS, "out of memory",
    INNO_E_NOMEM };

/* The generic code of a class, for errors made without a specific one. */
static enum inno_errcode
generic(int code)
{
	switch (code) {
	case INNO_EINPUT:
		return INNO_E_INPUT;
	case INNO_EUSAGE:
		return INNO_E_USAGE;
	case INNO_EBUSY:
		return INNO_E_BUSY;
	default:
		return INNO_E_IO;
	}
}

/*
 * Formats into a buffer of its own before taking the next slot, so that a
 * message may quote any live error, even one in the slot about to be
 * reused, as in inno_error(code, "%s; nothing was written", err->msg).
 */
const struct inno_error *
inno_error_code_v(int code, enum inno_errcode what, const char *fmt,
    va_list ap)
{
	char msg[sizeof ring[0].msg];
	struct inno_error *e;

	assert(code >= INNO_EINPUT && code <= INNO_ESYS);
	vsnprintf(msg, sizeof msg, fmt, ap);
	e = &ring[ring_next++ % INNO_ERROR_RING];
	e->code = code;
	e->what = what;
	memcpy(e->msg, msg, sizeof msg);
	return e;
}

const struct inno_error *
inno_error_code(int code, enum inno_errcode what, const char *fmt, ...)
{
	const struct inno_error *e;
	va_list ap;

	va_start(ap, fmt);
	e = inno_error_code_v(code, what, fmt, ap);
	va_end(ap);
	return e;
}

const struct inno_error *
inno_error_v(int code, const char *fmt, va_list ap)
{
	return inno_error_code_v(code, generic(code), fmt, ap);
}

const struct inno_error *
inno_error(int code, const char *fmt, ...)
{
	const struct inno_error *e;
	va_list ap;

	va_start(ap, fmt);
	e = inno_error_code_v(code, generic(code), fmt, ap);
	va_end(ap);
	return e;
}

/* The out-of-memory error stays itself: rewording it could need memory. */
const struct inno_error *
inno_error_wrap(const struct inno_error *cause, const char *fmt, ...)
{
	const struct inno_error *e;
	va_list ap;

	assert(cause != NULL);
	if (cause == &nomem)
		return cause;
	va_start(ap, fmt);
	e = inno_error_code_v(cause->code, cause->what, fmt, ap);
	va_end(ap);
	return e;
}

const struct inno_error *
inno_error_errno(const char *fmt, ...)
{
	char ctx[1024];
	enum inno_errcode what;
	va_list ap;
	int saved = errno;

	switch (saved) {
	case ENOMEM:
		return &nomem;
	case ENOENT:
	case ENOTDIR:
		what = INNO_E_NOTFOUND;
		break;
	case EACCES:
	case EPERM:
	case EROFS:
		what = INNO_E_PERM;
		break;
	case ENOSPC:
	case EDQUOT:
	case EFBIG:
		what = INNO_E_FULL;
		break;
	default:
		what = INNO_E_IO;
		break;
	}
	va_start(ap, fmt);
	vsnprintf(ctx, sizeof ctx, fmt, ap);
	va_end(ap);
	return inno_error_code(INNO_ESYS, what, "%s: %s", ctx,
	    strerror(saved));
}

const struct inno_error *
inno_error_nomem(void)
{
	return &nomem;
}

void
inno_diag_init(struct inno_diag *d)
{
	memset(d, 0, sizeof *d);
}

/*
 * Adds a message.  A message that cannot be stored for want of memory is
 * still counted, so the caller never under-reports the number of problems.
 */
void
inno_diag_add(struct inno_diag *d, const char *fmt, ...)
{
	va_list ap;
	char *s;
	char **n;

	d->count++;
	if (d->nmsgs >= INNO_DIAG_KEEP)
		return;
	va_start(ap, fmt);
	s = inno_vstrf(fmt, ap);
	va_end(ap);
	if (s == NULL)
		return;
	n = realloc(d->msgs, (d->nmsgs + 1) * sizeof *n);
	if (n == NULL) {
		free(s);
		return;
	}
	d->msgs = n;
	d->msgs[d->nmsgs++] = s;
}

void
inno_diag_release(struct inno_diag *d)
{
	size_t i;

	for (i = 0; i < d->nmsgs; i++)
		free(d->msgs[i]);
	free(d->msgs);
	inno_diag_init(d);
}

char *
inno_vstrf(const char *fmt, va_list ap)
{
	va_list ap2;
	char *s;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void *
inno_grow(void *v, size_t n, size_t size)
{
	if (size == 0 || n > SIZE_MAX / size - 1)
		return NULL;
	return realloc(v, (n + 1) * size);
}

char *
inno_strf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = inno_vstrf(fmt, ap);
	va_end(ap);
	return s;
}

/*
 * The Levenshtein distance of two names, by bytes, for "did you mean"
 * messages; names of 64 bytes or more count as far from everything.
 */
size_t
inno_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d[64], prev, tmp, m;

	if (la >= sizeof d / sizeof d[0] || lb >= sizeof d / sizeof d[0])
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		d[j] = j;
	for (i = 1; i <= la; i++) {
		prev = d[0];
		d[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = d[j];
			m = prev + (a[i - 1] != b[j - 1]);
			if (d[j] + 1 < m)
				m = d[j] + 1;
			if (d[j - 1] + 1 < m)
				m = d[j - 1] + 1;
			d[j] = m;
			prev = tmp;
		}
	}
	return d[lb];
}

int
inno_is_near(const char *typed, const char *name)
{
	return inno_edit_distance(typed, name) <= strlen(name) / 3 + 1;
}
