/*
 * wordhash.h -- the hash of a word in the compiled word sets, shared by the
 * build-time generator (tools/mkset.c) and the lookups (lexicon.c).
 *
 * Case is folded by OR-ing 0x20 into every byte: exact for A-Z, and it
 * leaves a-z, digits, space, hyphen and apostrophe as they are (the bytes
 * word sets hold).  The word is read eight bytes at a time, so hashing
 * costs about one multiply per eight letters.  The last 1-7 bytes are read
 * as 4-, 2- and 1-byte loads into a register: a variable-length memcpy into
 * a zeroed word stores them to the stack byte by byte and then loads eight,
 * a load the CPU cannot forward from those stores (it waits for them to
 * reach the cache), which made the tail the slowest part of the hash.
 */
#ifndef SITREP_WORDHASH_H
#define SITREP_WORDHASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The 1-7 bytes s[0..n) as memcpy(&w, s, n) would give them on a
 * little-endian machine, read without touching a byte past s + n (4-, 2-
 * and 1-byte loads, see above). */
static inline uint64_t sr_load_tail(const char *s, size_t n)
{
    uint64_t w = 0;
    size_t at = 0;
    if (n & 4) {
        uint32_t x;
        memcpy(&x, s, 4);
        w = x;
        at = 4;
    }
    if (n & 2) {
        uint16_t x;
        memcpy(&x, s + at, 2);
        w |= (uint64_t)x << (8 * at);
        at += 2;
    }
    if (n & 1)
        w |= (uint64_t)(unsigned char)s[at] << (8 * at);
    return w;
}

static inline uint64_t sr_word_hash(const char *s, size_t n)
{
    const uint64_t fold = 0x2020202020202020ull, k = 0x9E3779B97F4A7C15ull;
    uint64_t h = (uint64_t)n * 0xC2B2AE3D27D4EB4Full;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ (w | fold)) * k;
        h ^= h >> 29;
        s += 8;
        n -= 8;
    }
    if (n) {
        uint64_t w = sr_load_tail(s, n);
        h = (h ^ (w | (fold >> (8 * (8 - n))))) * k;
        h ^= h >> 29;
    }
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h ? h : 1; /* 0 marks an empty slot */
}

/* A 64-bit finaliser (murmur3's fmix64): spreads every input bit over the
 * output.  Never 0, which marks empty slots. */
static inline uint64_t sr_mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h ? h : 1;
}

#endif
