/*
 * Unit tests of the word lists the record listings filter by
 * (inno_parse_words): each word sets its bit, and anything that is not a
 * plain comma-separated list of known words is refused.
 */
#include "tap.h"
#include "benchmark.h"

int
main(void)
{
	static const struct {
		const char *in;
		int ok;
		unsigned mask;
	} cases[] = {
		{"outgoing", 1, 1},
		{"incoming", 1, 2},
		{"presentation", 1, 4},
		{"incoming,presentation", 1, 6},
		{"presentation,outgoing,incoming", 1, 7},
		{"incoming,incoming", 1, 2},
		{"", 0, 0},
		{",", 0, 0},
		{"incoming,", 0, 0},
		{",incoming", 0, 0},
		{"incoming,,presentation", 0, 0},
		{"Incoming", 0, 0},
		{"incoming presentation", 0, 0},
		{"visit", 0, 0},
		{"outgoingoutgoingoutgoingoutgoingoutgoingoutgoingoutgoingoutgoing",
		    0, 0},
	};
	char what[160];
	unsigned mask;
	const char *why;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		why = inno_parse_words(cases[i].in, inno_benchmark_kinds,
		    &mask);
		snprintf(what, sizeof what, "\"%s\" is %s", cases[i].in,
		    cases[i].ok ? "accepted" : "refused");
		tap_ok((why == NULL) == cases[i].ok, what);
		if (cases[i].ok) {
			snprintf(what, sizeof what, "\"%s\" sets mask %u",
			    cases[i].in, cases[i].mask);
			tap_ok(mask == cases[i].mask, what);
		}
	}
	tap_str(inno_parse_words("visit", inno_benchmark_kinds, &mask),
	    "unknown word in the list", "an unknown word says so");
	tap_str(inno_parse_words("incoming,,outgoing", inno_benchmark_kinds, &mask),
	    "expected a comma-separated list", "an empty item says so");
	return tap_done();
}
