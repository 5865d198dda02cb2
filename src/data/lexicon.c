/*
 * lexicon.c -- lookup in the generated word sets (see tools/mkset.c).
 */
#include "lexicon.h"


bool sr_wordset_has_hash(const sr_wordset *set, uint64_t h)
{
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

bool sr_wordset_has(const sr_wordset *set, const char *s, size_t n)
{
    if (n == 0 || n >= 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return sr_wordset_has_hash(set, sr_word_hash(s, n));
}
