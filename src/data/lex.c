/*
 * lex.c -- lookups in the compiled rule lexicons (lex.h, tools/mklex.c).
 */
#include "data/lex.h"

#include <string.h>

static bool same_folded(const char *s, size_t n, const char *folded)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)s[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a + 32);
        if (a != (unsigned char)folded[i])
            return false;
    }
    return true;
}

sr_lexid sr_lex_find_hash(uint64_t h, const char *s, size_t n)
{
    const sr_lexicon *L = &sr_lexicon_data;
    for (uint32_t slot = (uint32_t)h & L->slot_mask;; slot = (slot + 1) & L->slot_mask) {
        uint64_t v = L->slots[slot];
        if (v == 0)
            return 0;
        if ((v >> 32) != (h >> 32))
            continue; /* another word's: its entry is not read */
        uint32_t id = (uint32_t)v;
        const sr_lex_entry *e = &L->entries[id];
        if (e->hash == h && e->len == n && same_folded(s, n, L->pool + e->text))
            return id;
    }
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
    }
    return best;
}
