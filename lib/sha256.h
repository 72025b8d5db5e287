/* sha256.h: SHA-256 of a byte stream, for batch identities. */
#ifndef INNO_SHA256_H
#define INNO_SHA256_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t nbuf;
};

void sha256_init(struct sha256 *);
void sha256_update(struct sha256 *, const void *, size_t);
/* Writes the digest of everything so far as 64 hex digits and a NUL. */
void sha256_hex(const struct sha256 *, char hex[65]);

#endif
