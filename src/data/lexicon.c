/*
 * lexicon.c -- lookup in the generated word sets (see tools/mkset.c).
 */
#include "lexicon.h"


bool sr_wordset_has(const sr_wordset *set, const char *s, size_t n)
{
    if (n == 0 || n >= 64)
        return false;
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return false;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h ^= c;
        h *= 1099511628211ull;
    }
    uint32_t f = (uint32_t)(h >> 32);
    if (f == 0)
        f = 1;
    for (uint64_t slot = h & set->mask;; slot = (slot + 1) & set->mask) {
        uint32_t v = set->fingerprints[slot];
        if (v == f)
            return true;
        if (v == 0)
            return false;
    }
}
