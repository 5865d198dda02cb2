/*
 * lex.c -- lookups in the compiled rule lexicons (lex.h, tools/mklex.c).
 */
#include "data/lex.h"

#include <string.h>

/* Eight bytes with A-Z made a-z and every other byte as it is (bytes
 * 0x80 and up included): each byte's low seven bits are compared with 'A'
 * and 'Z' by one addition each, which cannot carry into the next byte. */
static inline uint64_t fold8(uint64_t x)
{
    const uint64_t hi = 0x8080808080808080ull;
    uint64_t low = x & ~hi;
    uint64_t ge_a = low + 0x3F3F3F3F3F3F3F3Full; /* high bit set: low >= 'A' */
    uint64_t gt_z = low + 0x2525252525252525ull; /* high bit set: low > 'Z' */
    uint64_t upper = ge_a & ~gt_z & ~x & hi;
    return x | (upper >> 2); /* 0x80 >> 2 is the 0x20 of lower case */
}

/* Is s[0..n), ASCII case folded, the n bytes of folded text at `folded`
 * (in the pool, which has 8 bytes of room after its last text)?  Eight
 * bytes a step, the last 1-7 at once: no branch per byte. */
static bool same_folded(const char *s, size_t n, const char *folded)
{
    uint64_t a, b;
    const char *end = s + n;
    bool long_word = n >= 8;
    for (; n >= 8; n -= 8, s += 8, folded += 8) {
        memcpy(&a, s, 8);
        memcpy(&b, folded, 8);
        if (fold8(a) != b)
            return false;
    }
    if (n == 0)
        return true;
    memcpy(&b, folded, 8);
    if (long_word) { /* the last 8 bytes in one load, shifted */
        memcpy(&a, end - 8, 8);
        a >>= 8 * (8 - n);
    } else {
        a = sr_load_tail(s, n);
    }
    return fold8(a) == (b & (~0ull >> (8 * (8 - n))));
}

sr_lexid sr_lex_find_hash(uint64_t h, const char *s, size_t n)
{
    const sr_lexicon *L = &sr_lexicon_data;
    uint32_t d = L->disp[(uint32_t)(h >> 32) & L->bucket_mask];
    uint32_t v = L->slots[((uint32_t)h + d * ((uint32_t)(h >> 24) | 1u)) & L->slot_mask];
    if ((v >> 16) != (uint32_t)(h >> 48))
        return 0; /* another word's or empty: no entry is read */
    uint32_t id = v & 0xFFFFu; /* 0 when empty: entries[0] has hash 0, which no word has */
    const sr_lex_entry *e = &L->entries[id];
    return e->hash == h && e->len == n && same_folded(s, n, L->pool + e->text) ? id : 0;
}

sr_lexid sr_lex_find(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    return sr_lex_find_hash(sr_word_hash(s, n), s, n);
}

size_t sr_lex_rows_of(sr_lexid id, enum sr_lexclass c, const int32_t **rows)
{
    if (!sr_lex_in(id, c))
        return 0;
    const sr_lexicon *L = &sr_lexicon_data;
    const sr_lex_entry *e = &L->entries[id];
    for (uint32_t r = 0; r < e->nrefs; r++) {
        const sr_lex_ref *ref = &L->refs[e->refs + r];
        if (ref->cls == (uint16_t)c) {
            *rows = L->values + ref->at;
            return ref->nrows;
        }
    }
    return 0;
}

int32_t sr_lex_value_of(sr_lexid id, enum sr_lexclass c, int col)
{
    const int32_t *rows;
    if (col < 0 || col >= sr_lex_ncols(c) || sr_lex_rows(id, c, &rows) == 0)
        return 0;
    return rows[col];
}

const char *sr_lex_text(sr_lexid id, size_t *n)
{
    const sr_lex_entry *e = &sr_lexicon_data.entries[id];
    if (n)
        *n = e->len;
    return sr_lexicon_data.pool + e->text;
}

size_t sr_lex_phrase(enum sr_lexclass c, const char *const *words, const size_t *lens,
                     size_t count, sr_lexid first, sr_lexid *id)
{
    *id = 0;
    if (count == 0)
        return 0;
    if (!first)
        first = sr_lex_find(words[0], lens[0]);
    size_t best = 0;
    if (sr_lex_in(first, c)) {
        best = 1;
        *id = first;
    }
    if (!sr_lex_heads(first, c))
        return best;
    size_t maxw = (size_t)sr_lexicon_data.classes[c].maxwords;
    if (count > maxw)
        count = maxw;
    char buf[128];
    size_t n = lens[0];
    if (n >= sizeof buf)
        return best;
    memcpy(buf, words[0], n);
    for (size_t k = 1; k < count; k++) {
        if (n + 1 + lens[k] >= sizeof buf)
            break;
        buf[n++] = ' ';
        memcpy(buf + n, words[k], lens[k]);
        n += lens[k];
        sr_lexid e = sr_lex_find(buf, n);
        if (sr_lex_in(e, c)) {
            best = k + 1;
            *id = e;
        }
        if (!sr_lex_heads(e, c))
            break; /* no longer phrase of c starts with these words */
    }
    return best;
}
