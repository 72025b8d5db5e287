/*
 * Unit tests of lib/fairness.c's title key: Hangul composed as NFC does
 * (leading consonant + vowel, + trailing consonant, and a precomposed
 * syllable + trailing consonant), white space left out, ASCII case folded,
 * and everything else (accents, invalid bytes) kept as written.
 */
#include <stdlib.h>

#include "fairness.h"
#include "tap.h"

int
main(void)
{
	static const struct {
		const char *in, *want, *what;
	} cases[] = {
		{"주민 참여", "주민참여", "spaces go"},
		{"\xe1\x84\x8c\xe1\x85\xae\xe1\x84\x86\xe1\x85\xb5\xe1\x86\xab",
		    "주민", "L V / L V T jamo compose"},
		{"\xea\xb0\x80\xe1\x86\xa8", "각", "LV syllable + T composes"},
		{"\xea\xb0\x81\xe1\x86\xa8", "각\xe1\x86\xa8",
		    "LVT syllable + T stays"},
		{"\xe1\x84\x80", "\xe1\x84\x80", "a lone L stays"},
		{"\xe1\x85\xa1\xe1\x84\x80", "\xe1\x85\xa1\xe1\x84\x80",
		    "V before L stays"},
		{"  i-등대\xe3\x80\x80\xc2\xa0지식\t", "i-등대지식",
		    "ideographic and no-break spaces go"},
		{"CS 고객만족", "cs고객만족", "ASCII folds to lower case"},
		{"Caf\xc3\xa9", "caf\xc3\xa9", "other letters stay"},
		{"a\xff b", "a\xff" "b", "invalid bytes are kept"},
		{"", "", "empty"},
	};
	size_t i;
	char *got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = inno_fair_title_key(cases[i].in);
		tap_str(got, cases[i].want, cases[i].what);
		free(got);
	}
	return tap_done();
}
