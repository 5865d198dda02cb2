/*
 * lexicon.c -- lookup in the generated word sets (see tools/mkset.c).
 */
#include "lexicon.h"

#include <string.h>

bool sr_wordset_has(const sr_wordset *set, const char *s, size_t n)
{
    char low[64];
    if (n == 0 || n >= sizeof low)
        return false;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return false;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        low[i] = (char)c;
        h ^= c;
        h *= 16777619u;
    }
    low[n] = '\0';
    for (uint32_t slot = h & set->mask;; slot = (slot + 1) & set->mask) {
        uint32_t off = set->slots[slot];
        if (off == 0)
            return false;
        const char *w = set->pool + off - 1;
        if (strncmp(w, low, n) == 0 && w[n] == '\0')
            return true;
    }
}
