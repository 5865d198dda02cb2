/*
 * wordhash.h -- the hash of a word in the compiled word sets, shared by the
 * build-time generator (tools/mkset.c) and the lookups (lexicon.c).
 *
 * Case is folded by OR-ing 0x20 into every byte: exact for A-Z, and it
 * leaves a-z, digits, space, hyphen and apostrophe as they are (the bytes
 * word sets hold).  The word is read eight bytes at a time, so hashing
 * costs about one multiply per eight letters.  The last 1-7 bytes are read
 * into a register by a few loads (sr_load_tail; for a word of 8 bytes or
 * more, its last 8 bytes shifted): a variable-length memcpy into a zeroed
 * word stores them to the stack byte by byte and then loads eight, a load
 * the CPU cannot forward from those stores (it waits for them to reach the
 * cache), which made the tail the slowest part of the hash.
 */
#ifndef SITREP_WORDHASH_H
#define SITREP_WORDHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The 1-7 bytes s[0..n) as memcpy(&w, s, n) would give them on a
 * little-endian machine, read without touching a byte past s + n: two
 * 4-byte loads that overlap for 4-7 bytes, three 1-byte loads (first,
 * middle, last) for 1-3.  One branch, on n >= 4: the three tests of n's
 * bits that the loads of 4, 2 and 1 bytes took were each mispredicted
 * about one word in two. */
static inline uint64_t sr_load_tail(const char *s, size_t n)
{
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        return (uint64_t)lo | (uint64_t)hi << (8 * (n - 4));
    }
    uint64_t b0 = (unsigned char)s[0], b1 = (unsigned char)s[n >> 1], b2 = (unsigned char)s[n - 1];
    return b0 | b1 << (8 * (n >> 1)) | b2 << (8 * (n - 1));
}

/* The word hash's steps, shared by both ways of reading a word: its
 * length seeds it, each full eight bytes (folded to lower case) and then
 * the tail are mixed in, and it is finished; sr_word_hash_eights leaves
 * *s and *n at the tail. */
#define SR_WORD_HASH_FOLD 0x2020202020202020ull
#define SR_WORD_HASH_K 0x9E3779B97F4A7C15ull
static inline uint64_t sr_word_hash_eights(const char **s, size_t *n)
{
    uint64_t h = (uint64_t)*n * 0xC2B2AE3D27D4EB4Full;
    while (*n >= 8) {
        uint64_t w;
        memcpy(&w, *s, 8);
        h = (h ^ (w | SR_WORD_HASH_FOLD)) * SR_WORD_HASH_K;
        h ^= h >> 29;
        *s += 8;
        *n -= 8;
    }
    return h;
}

static inline uint64_t sr_word_hash_finish(uint64_t h)
{
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h ? h : 1; /* 0 marks an empty slot */
}

static inline uint64_t sr_word_hash(const char *s, size_t n)
{
    const uint64_t fold = SR_WORD_HASH_FOLD, k = SR_WORD_HASH_K;
    const char *end = s + n;
    bool long_word = n >= 8;
    uint64_t h = sr_word_hash_eights(&s, &n);
    if (n) {
        /* a word of 8 bytes or more: its last 8 bytes in one load, shifted */
        uint64_t w;
        if (long_word) {
            memcpy(&w, end - 8, 8);
            w >>= 8 * (8 - n);
        } else {
            w = sr_load_tail(s, n);
        }
        h = (h ^ (w | (fold >> (8 * (8 - n))))) * k;
        h ^= h >> 29;
    }
    return sr_word_hash_finish(h);
}

/* sr_word_hash(s, n) for a word inside a longer buffer: `avail` bytes are
 * readable from s on (avail >= n).  When 8 bytes past the last full
 * eight are readable, the tail is one load, masked: no branch on the
 * word's length, whose tests mispredicted about one word in three. */
static inline uint64_t sr_word_hash_in(const char *s, size_t n, size_t avail)
{
    if (avail < (n & ~(size_t)7) + 8)
        return sr_word_hash(s, n);
    uint64_t h = sr_word_hash_eights(&s, &n);
    if (n) {
        uint64_t w, keep = ~0ull >> (8 * (8 - n));
        memcpy(&w, s, 8);
        h = (h ^ ((w & keep) | (SR_WORD_HASH_FOLD & keep))) * SR_WORD_HASH_K;
        h ^= h >> 29;
    }
    return sr_word_hash_finish(h);
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
