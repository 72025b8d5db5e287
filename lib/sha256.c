/*
 * sha256.c: SHA-256 (FIPS 180-4), used to identify a batch by its content
 * so that the same file submitted twice is applied once.
 */
#include <string.h>

#include "sha256.h"

/*
 * x86 processors with the SHA extensions compress a block in a few dozen
 * instructions: the portable rounds were most of what an audit row's
 * digest cost, and the digest an eighth of an update of 200,000
 * employees.  The processor is asked once; without the extensions, or
 * built with INNO_SHA256_PORTABLE or another compiler or processor, the
 * portable rounds do it.
 */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(INNO_SHA256_PORTABLE)
#define SHA256_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

#ifdef SHA256_X86
/*
 * One block by the SHA extensions, as Intel describes them: the state
 * kept as ABEF and CDGH, four rounds a step, each step's message words
 * made from the four before by sha256msg1 and sha256msg2.
 */
__attribute__((target("sha,sse4.1,ssse3")))
static void
block_x86(uint32_t h[8], const unsigned char *p)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
	    0x0405060700010203ULL);
	__m128i s0, s1, abef, cdgh, msg, tmp, m[4];
	int g;

	tmp = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]),
	    0xB1);
	s1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]), 0x1B);
	s0 = _mm_alignr_epi8(tmp, s1, 8);
	s1 = _mm_blend_epi16(s1, tmp, 0xF0);
	abef = s0;
	cdgh = s1;
	for (g = 0; g < 16; g++) {
		if (g < 4)
			m[g] = _mm_shuffle_epi8(_mm_loadu_si128(
			    (const __m128i *)(p + 16 * g)), swap);
		msg = _mm_add_epi32(m[g % 4],
		    _mm_loadu_si128((const __m128i *)&K[4 * g]));
		s1 = _mm_sha256rnds2_epu32(s1, s0, msg);
		if (g >= 3 && g <= 14) {
			tmp = _mm_alignr_epi8(m[g % 4], m[(g + 3) % 4], 4);
			m[(g + 1) % 4] = _mm_sha256msg2_epu32(
			    _mm_add_epi32(m[(g + 1) % 4], tmp), m[g % 4]);
		}
		msg = _mm_shuffle_epi32(msg, 0x0E);
		s0 = _mm_sha256rnds2_epu32(s0, s1, msg);
		if (g >= 1 && g <= 12)
			m[(g + 3) % 4] = _mm_sha256msg1_epu32(m[(g + 3) % 4],
			    m[g % 4]);
	}
	s0 = _mm_add_epi32(s0, abef);
	s1 = _mm_add_epi32(s1, cdgh);
	tmp = _mm_shuffle_epi32(s0, 0x1B);
	s1 = _mm_shuffle_epi32(s1, 0xB1);
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(tmp, s1, 0xF0));
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(s1, tmp, 8));
}

/* Whether the processor has the SHA extensions and SSE4.1: -1 not asked. */
static int
have_x86(void)
{
	static int have = -1;
	unsigned a, b, c, d;

	if (have < 0) {
		have = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_1) &&
		    (c & bit_SSSE3) && __get_cpuid_count(7, 0, &a, &b, &c,
		    &d) && (b & bit_SHA);
	}
	return have;
}
#endif

static void
block(struct sha256 *c, const unsigned char *p)
{
	uint32_t w[64], a, b, cc, d, e, f, g, h, t1, t2;
	int i;

#ifdef SHA256_X86
	if (have_x86()) {
		block_x86(c->h, p);
		return;
	}
#endif
	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++)
		w[i] = (ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^
		    (w[i - 2] >> 10)) + w[i - 7] + (ROR(w[i - 15], 7) ^
		    ROR(w[i - 15], 18) ^ (w[i - 15] >> 3)) + w[i - 16];
	a = c->h[0]; b = c->h[1]; cc = c->h[2]; d = c->h[3];
	e = c->h[4]; f = c->h[5]; g = c->h[6]; h = c->h[7];
	for (i = 0; i < 64; i++) {
		/* Ch and Maj in their forms of fewer operations. */
		t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
		    (g ^ (e & (f ^ g))) + K[i] + w[i];
		t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
		    ((a & b) | (cc & (a | b)));
		h = g; g = f; f = e; e = d + t1;
		d = cc; cc = b; b = a; a = t1 + t2;
	}
	c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d;
	c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

void
sha256_init(struct sha256 *c)
{
	static const uint32_t init[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372,
	    0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

	memcpy(c->h, init, sizeof init);
	c->len = 0;
	c->nbuf = 0;
}

/*
 * Whole blocks are compressed where they lie, without a copy into the
 * buffer: the input of a batch is hashed as it is read, 64 KB at a time,
 * and its copy cost as much as a fifth of the compression.
 */
void
sha256_update(struct sha256 *c, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t take;

	c->len += n;
	if (c->nbuf > 0) {
		take = 64 - c->nbuf;
		if (take > n)
			take = n;
		memcpy(c->buf + c->nbuf, p, take);
		c->nbuf += take;
		p += take;
		n -= take;
		if (c->nbuf < 64)
			return;
		block(c, c->buf);
		c->nbuf = 0;
	}
	for (; n >= 64; p += 64, n -= 64)
		block(c, p);
	memcpy(c->buf, p, n);
	c->nbuf = n;
}

void
sha256_hex(const struct sha256 *in, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	struct sha256 c = *in;
	unsigned char pad[72] = {0x80};
	uint64_t bits = c.len * 8;
	size_t padlen = (c.nbuf < 56 ? 56 : 120) - c.nbuf;
	unsigned char lenb[8];
	int i;

	for (i = 0; i < 8; i++)
		lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_update(&c, pad, padlen);
	sha256_update(&c, lenb, 8);
	/* By hand: an audit row's digest cost eight calls of snprintf. */
	for (i = 0; i < 64; i++)
		hex[i] = digits[c.h[i / 8] >> (28 - 4 * (i % 8)) & 0xf];
	hex[64] = '\0';
}
