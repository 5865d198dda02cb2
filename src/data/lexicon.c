/*
 * lexicon.c -- lookup in the generated word sets (see tools/mkset.c).
 */
#include "lexicon.h"


bool sr_wordset_has(const sr_wordset *set, const char *s, size_t n)
{
    if (n == 0 || n >= 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return sr_wordset_has_hash(set, sr_word_hash(s, n));
}
