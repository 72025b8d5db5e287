/*
 * Unit tests of lib/err.c: every error carries a code beside its class,
 * errno and SQLite failures map onto codes, a wrapped error keeps its code,
 * and two errors (indeed INNO_ERROR_RING of them) stay alive at once.
 */
#include <errno.h>
#include <stdlib.h>

#include "inno.h"
#include "tap.h"

int
main(void)
{
	const struct inno_error *a, *b, *c;
	enum inno_errcode what;
	int64_t v;

	a = inno_error(INNO_EINPUT, "first %d", 1);
	b = inno_error(INNO_EUSAGE, "second %d", 2);
	tap_ok(a != b, "two errors are two objects");
	tap_str(a->msg, "first 1", "the first survives the second");
	tap_str(b->msg, "second 2", "the second is itself");
	tap_ok(a->code == INNO_EINPUT && a->what == INNO_E_INPUT,
	    "a class without a code has the class's generic code");
	tap_ok(b->what == INNO_E_USAGE, "usage errors are INNO_E_USAGE");

	c = inno_error_code(INNO_EUSAGE, INNO_E_RANGE, "out of %s", "range");
	tap_ok(c->code == INNO_EUSAGE && c->what == INNO_E_RANGE,
	    "inno_error_code keeps class and code apart");
	a = inno_error_wrap(c, "%s; nothing was written", c->msg);
	tap_str(a->msg, "out of range; nothing was written",
	    "a wrap may quote the error it wraps");
	tap_ok(a->code == INNO_EUSAGE && a->what == INNO_E_RANGE,
	    "a wrapped error keeps class and code");
	tap_ok(inno_error_wrap(inno_error_nomem(), "x")->what == INNO_E_NOMEM,
	    "wrapping out of memory stays out of memory");

	errno = ENOENT;
	a = inno_error_errno("%s", "f");
	tap_ok(a->code == INNO_ESYS && a->what == INNO_E_NOTFOUND,
	    "ENOENT is INNO_E_NOTFOUND");
	errno = ENOSPC;
	tap_ok(inno_error_errno("f")->what == INNO_E_FULL, "ENOSPC is FULL");
	errno = EACCES;
	tap_ok(inno_error_errno("f")->what == INNO_E_PERM, "EACCES is PERM");
	errno = EIO;
	tap_ok(inno_error_errno("f")->what == INNO_E_IO, "EIO is IO");
	errno = ENOMEM;
	tap_ok(inno_error_errno("f") == inno_error_nomem(),
	    "ENOMEM is the out-of-memory error");

	a = inno_error(INNO_EINPUT, "kept");
	for (v = 1; v < INNO_ERROR_RING; v++)
		(void)inno_error(INNO_ESYS, "later %lld", (long long)v);
	tap_str(a->msg, "kept", "an error lives through RING - 1 more");

	tap_ok(inno_parse_int_code("99", 2, 0, 10, &v, &what) != NULL &&
	    what == INNO_E_RANGE, "a number past max is INNO_E_RANGE");
	tap_ok(inno_parse_int_code("99999999999999999999", 20, 0, 10, &v,
	    &what) != NULL && what == INNO_E_RANGE,
	    "a number past 64 bits is INNO_E_RANGE");
	tap_ok(inno_parse_int_code("1x", 2, 0, 10, &v, &what) != NULL &&
	    what == INNO_E_SYNTAX, "not a number is INNO_E_SYNTAX");
	tap_ok(inno_parse_int_code("7", 1, 0, 10, &v, &what) == NULL && v == 7,
	    "a good number parses");
	return tap_done();
}
