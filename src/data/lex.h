/*
 * lex.h -- the rule lexicons: word classes and rule tables compiled at
 * build time from data/lex/NAME.lex by tools/mklex.c (format:
 * data/lex/README.md).
 *
 * Every word and phrase of every lexicon is one entry, found by its folded
 * text (ASCII case folded, words joined by one space); an entry id is
 * stable within a build, 0 means "in no lexicon".  An entry knows the
 * classes it belongs to (SR_LEX_<FILE>_<NAME>, generated in lex_ids.h), the
 * classes of which it begins a longer phrase (each run of a phrase's
 * first words has an entry, so a phrase lookup stops early), and its rows
 * in the tables it is listed in (one row per line of the data file; a
 * value per column: 0 for '-', a number, or an SR_LEXE_* enum value).
 *
 * The analysers look each token up once (wordinfo.h keeps the id per
 * token) and then ask class questions by bit tests.  Nothing here
 * allocates; the tables are const and shared.
 */
#ifndef SITREP_LEX_H
#define SITREP_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lex_hot.h"
#include "lex_ids.h"
#include "wordhash.h"

typedef uint32_t sr_lexid; /* 0: not in any lexicon */

typedef struct sr_lex_entry {
    uint64_t hash;     /* sr_word_hash of the folded text */
    uint32_t text;     /* offset of the folded text in the pool */
    uint32_t len;
    uint32_t refs;     /* first of its table references (0: none) */
    uint32_t nrefs;
} sr_lex_entry;

/* An entry's classes, kept apart from the entries (bits[id]): the stages
 * test them for every token, so an entry's bits share one cache line, and
 * the ids of the words in most classes (the frequent ones) come first, so
 * that theirs share a few lines. */
typedef struct sr_lex_bits {
    uint64_t mask[SR_LEX_MASKW]; /* classes it belongs to */
    uint64_t head[SR_LEX_MASKW]; /* classes it begins a longer phrase of (a word or the
                                    first words of a phrase: each has an entry) */
} sr_lex_bits;

typedef struct sr_lex_ref {
    uint16_t cls;   /* a table class */
    uint16_t nrows; /* the entry's rows in it, consecutive */
    uint32_t at;    /* index of the first row's first value */
} sr_lex_ref;

typedef struct sr_lex_class {
    const char *label; /* "events.triggers" */
    const char *file;  /* where it is defined */
    int line;
    int ncols;         /* 0 for a set */
    int maxwords;      /* its longest phrase, in words */
} sr_lex_class;

typedef struct sr_lexicon {
    const char *pool;
    const sr_lex_entry *entries; /* [0] is the empty entry */
    const sr_lex_bits *bits;     /* the classes of entries[id]: bits[id] */
    uint32_t nentries;
    /* A perfect hash (tools/mklex.c): the word of hash h can only be in
     * slot (h + disp[(h >> 32) & bucket_mask] * ((h >> 24) | 1)) & slot_mask
     * (in 32 bits), which holds an entry id in the low 16 bits and the
     * top 16 bits of that entry's hash in the high ones; 0 empty.  The
     * pool has 8 bytes of room after its last text. */
    const uint32_t *slots;
    uint32_t slot_mask;
    const uint16_t *disp;
    uint32_t bucket_mask;
    const sr_lex_ref *refs;
    const int32_t *values;
    const sr_lex_class *classes;
    uint32_t nclasses;
} sr_lexicon;

extern const sr_lexicon sr_lexicon_data; /* data/lex/NAME.lex */

/* The entry of s[0..n) (ASCII case-insensitive; words of a phrase joined
 * by exactly one space), 0 when none.  sr_lex_find_hash takes the
 * sr_word_hash of s[0..n) when the caller has it. */
sr_lexid sr_lex_find(const char *s, size_t n);
sr_lexid sr_lex_find_hash(uint64_t h, const char *s, size_t n);

/* The hot classes (lex_hot.h): bit SR_LEXHOT_IN_<CLASS> of sr_lex_hot[id]
 * says whether entry id is in the class, bit SR_LEXHOT_HEAD_<CLASS>
 * whether it begins a longer phrase of it; sr_lex_hot[0] is 0. */
enum sr_lexhot_bit {
#define SR_LEXHOT_IN_BIT(c) SR_LEXHOT_IN_##c,
    SR_LEX_HOT_IN(SR_LEXHOT_IN_BIT)
#undef SR_LEXHOT_IN_BIT
#define SR_LEXHOT_HEAD_BIT(c) SR_LEXHOT_HEAD_##c,
    SR_LEX_HOT_HEADS(SR_LEXHOT_HEAD_BIT)
#undef SR_LEXHOT_HEAD_BIT
    SR_LEXHOT_NBITS
};
_Static_assert(SR_LEXHOT_NBITS <= 64, "lex_hot.h: at most 64 hot classes and heads");
extern const uint64_t sr_lex_hot[]; /* one per entry (tools/mklexhot.c) */
/* Entry id's value in frame.function_word (an SR_LEXE_FW_*, 0 when not in
 * it): sr_lex_value(id, SR_LEX_FRAME_FUNCTION_WORD, 0), one per entry
 * (tools/mklexhot.c). */
extern const uint8_t sr_lex_fw[];

/* The hot bit of class c (a constant for a constant c), -1 when c is not hot. */
static inline int sr_lex_hot_in(enum sr_lexclass c)
{
    switch (c) {
#define SR_LEXHOT_IN_CASE(k)                                                                       \
    case SR_LEX_##k:                                                                               \
        return SR_LEXHOT_IN_##k;
        SR_LEX_HOT_IN(SR_LEXHOT_IN_CASE)
#undef SR_LEXHOT_IN_CASE
    default:
        return -1;
    }
}
static inline int sr_lex_hot_head(enum sr_lexclass c)
{
    switch (c) {
#define SR_LEXHOT_HEAD_CASE(k)                                                                     \
    case SR_LEX_##k:                                                                               \
        return SR_LEXHOT_HEAD_##k;
        SR_LEX_HOT_HEADS(SR_LEXHOT_HEAD_CASE)
#undef SR_LEXHOT_HEAD_CASE
    default:
        return -1;
    }
}

static inline bool sr_lex_in(sr_lexid id, enum sr_lexclass c)
{
    int b = sr_lex_hot_in(c);
    if (b >= 0)
        return sr_lex_hot[id] >> b & 1u;
    return id && (sr_lexicon_data.bits[id].mask[c / 64] >> (c % 64) & 1u);
}

/* Does a longer phrase of c begin with the entry (a word, or the first
 * words of a phrase)? */
static inline bool sr_lex_heads(sr_lexid id, enum sr_lexclass c)
{
    int b = sr_lex_hot_head(c);
    if (b >= 0)
        return sr_lex_hot[id] >> b & 1u;
    return id && (sr_lexicon_data.bits[id].head[c / 64] >> (c % 64) & 1u);
}

/* The entry's rows in table c: returns how many (0 when it is not in c)
 * and points *rows at the first; row r's column k is (*rows)[r * ncols + k]
 * with ncols = sr_lex_ncols(c). */
size_t sr_lex_rows_of(sr_lexid id, enum sr_lexclass c, const int32_t **rows);
static inline size_t sr_lex_rows(sr_lexid id, enum sr_lexclass c, const int32_t **rows)
{
    return sr_lex_in(id, c) ? sr_lex_rows_of(id, c, rows) : 0; /* most words: one bit test, no call */
}

/* The first row's value in column col of table c, 0 when not in c. */
int32_t sr_lex_value_of(sr_lexid id, enum sr_lexclass c, int col);
static inline int32_t sr_lex_value(sr_lexid id, enum sr_lexclass c, int col)
{
    return sr_lex_in(id, c) ? sr_lex_value_of(id, c, col) : 0;
}

static inline int sr_lex_ncols(enum sr_lexclass c)
{
    return sr_lexicon_data.classes[c].ncols;
}

/* The longest phrase of class c starting at word 0 of the `count` words
 * words[k][0..lens[k]) (each one token, matched case-insensitively):
 * returns how many words it spans (0 when none) and its entry in *id.
 * `first` is the entry of words[0] when the caller has it (else 0: it is
 * looked up). */
size_t sr_lex_phrase(enum sr_lexclass c, const char *const *words, const size_t *lens,
                     size_t count, sr_lexid first, sr_lexid *id);

/* The folded text of an entry (NUL-terminated), its length in *n. */
const char *sr_lex_text(sr_lexid id, size_t *n);

/* A class's label, "events.triggers", for messages and tools. */
static inline const char *sr_lex_class_label(enum sr_lexclass c)
{
    return sr_lexicon_data.classes[c].label;
}

#endif
