/*
 * text.c: checks on text and numbers read from users and files.  Every
 * number in inno is parsed here, in base 10, with explicit ranges, so that
 * "010", "1,000", "5.0" and "2^63" are refused the same way everywhere.
 */
#include <string.h>

#include "inno.h"

/*
 * Decodes one UTF-8 sequence at s (n bytes available).  Returns its length
 * and the code point in *cp, or 0 with a reason in *why.
 */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, const char **why)
{
	uint32_t c;
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xC2) {
		*why = s[0] < 0xC0 ? "invalid UTF-8 (stray continuation byte)" :
		    "invalid UTF-8 (overlong sequence)";
		return 0;
	}
	if (s[0] < 0xE0) {
		len = 2;
		c = s[0] & 0x1F;
	} else if (s[0] < 0xF0) {
		len = 3;
		c = s[0] & 0x0F;
	} else if (s[0] < 0xF5) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		*why = "invalid UTF-8 (byte out of range)";
		return 0;
	}
	if (n < len) {
		*why = "invalid UTF-8 (truncated sequence)";
		return 0;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*why = "invalid UTF-8 (truncated sequence)";
			return 0;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000)) {
		*why = "invalid UTF-8 (overlong sequence)";
		return 0;
	}
	if (c >= 0xD800 && c <= 0xDFFF) {
		*why = "invalid UTF-8 (surrogate code point)";
		return 0;
	}
	if (c > 0x10FFFF) {
		*why = "invalid UTF-8 (code point past U+10FFFF)";
		return 0;
	}
	*cp = c;
	return len;
}

const char *
inno_utf8_check(const char *str, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	const char *why = NULL;
	uint32_t cp;
	size_t i = 0, n;

	while (i < len) {
		if (s[i] == 0) {
			if (bad)
				*bad = i;
			return "NUL byte in text";
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp, &why);
		if (n == 0) {
			if (bad)
				*bad = i;
			return why;
		}
		i += n;
	}
	return NULL;
}

/* Counts code points in valid UTF-8. */
size_t
inno_utf8_len(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * East Asian wide and fullwidth ranges (Unicode 15 EastAsianWidth W and F),
 * coarsened to the blocks Korean office text meets; combining marks are
 * zero wide.
 */
static int
cp_width(uint32_t c)
{
	if (c == 0)
		return 0;
	if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x1160 && c <= 0x11FF) ||
	    (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F) ||
	    (c >= 0xD7B0 && c <= 0xD7FF))
		return 0;
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x231A && c <= 0x231B) ||
	    (c >= 0x2329 && c <= 0x232A) || (c >= 0x2E80 && c <= 0x303E) ||
	    (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
	    (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7A3) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE19) ||
	    (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
	    (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD))
		return 2;
	return 1;
}

size_t
inno_text_width(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	const char *why;
	size_t i = 0, n, len = strlen(str), w = 0;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp, &why);
		if (n == 0) {
			w++;
			i++;
			continue;
		}
		w += (size_t)cp_width(cp);
		i += n;
	}
	return w;
}

static const char out_of_range[] = "number out of range";

const char *
inno_parse_int(const char *s, size_t len, int64_t min, int64_t max,
    int64_t *out)
{
	size_t i = 0;
	int neg = 0;
	uint64_t v = 0, lim;

	if (len == 0)
		return "empty, expected a number";
	if (s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == len)
		return "not a number";
	if (s[i] == '0' && len - i > 1)
		return "not a number (leading zero)";
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			if (s[i] == ',')
				return "not a number (no thousands separators)";
			if (s[i] == '.')
				return "not a whole number";
			return "not a number";
		}
		if (v > (lim - (uint64_t)(s[i] - '0')) / 10)
			return out_of_range;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (neg) {
		if (v == 0)
			return "not a number (negative zero)";
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	} else
		*out = (int64_t)v;
	if (*out < min || *out > max)
		return out_of_range;
	return NULL;
}

const char *
inno_parse_int_code(const char *s, size_t len, int64_t min, int64_t max,
    int64_t *out, enum inno_errcode *what)
{
	const char *why = inno_parse_int(s, len, min, max, out);

	*what = why == out_of_range ? INNO_E_RANGE : INNO_E_SYNTAX;
	return why;
}

const char *
inno_parse_money(const char *s, size_t len, int64_t *out)
{
	const char *why;

	why = inno_parse_int(s, len, INT64_MIN, INT64_MAX, out);
	if (why != NULL)
		return why;
	if (*out < 0)
		return "negative amount";
	if (*out > 1000000000000000LL)
		return "amount out of range";
	return NULL;
}

int
inno_word_index(const char *const *words, const char *s)
{
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], s) == 0)
			return i;
	return -1;
}

const char *
inno_parse_words(const char *s, const char *const *words, unsigned *mask)
{
	const char *p = s, *e;
	char w[64];
	size_t len;
	int i;

	*mask = 0;
	for (;;) {
		e = strchr(p, ',');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		if (len == 0 || len >= sizeof w)
			return "expected a comma-separated list";
		memcpy(w, p, len);
		w[len] = '\0';
		if ((i = inno_word_index(words, w)) < 0)
			return "unknown word in the list";
		*mask |= 1u << i;
		if (e == NULL)
			return NULL;
		p = e + 1;
	}
}
