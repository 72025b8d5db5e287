/*
 * err.c: error objects and diagnostic lists.  A library function reports
 * failure by returning a pointer to a struct inno_error that holds the
 * message and the exit-status class; only a program's main prints it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "inno.h"

static struct inno_error the_error;
static const struct inno_error nomem = { INNO_ESYS, "out of memory" };

/*
 * Formats into a buffer of its own before overwriting the static error, so
 * that a caller may wrap the previous error's message, as in
 * inno_error(code, "%s; nothing was written", err->msg).
 */
const struct inno_error *
inno_error_v(int code, const char *fmt, va_list ap)
{
	char msg[sizeof the_error.msg];

	vsnprintf(msg, sizeof msg, fmt, ap);
	the_error.code = code;
	memcpy(the_error.msg, msg, sizeof msg);
	return &the_error;
}

const struct inno_error *
inno_error(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	inno_error_v(code, fmt, ap);
	va_end(ap);
	return &the_error;
}

const struct inno_error *
inno_error_errno(const char *fmt, ...)
{
	char ctx[1024];
	va_list ap;
	int saved = errno;

	if (saved == ENOMEM)
		return &nomem;
	va_start(ap, fmt);
	vsnprintf(ctx, sizeof ctx, fmt, ap);
	va_end(ap);
	return inno_error(INNO_ESYS, "%s: %s", ctx, strerror(saved));
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
