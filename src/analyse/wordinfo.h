/*
 * wordinfo.h -- what the time and figure finders ask about every token,
 * worked out once per document.
 *
 * Both finders test every token against their start gates (word sets
 * looked up by hash) and read the same words again and again as their
 * matchers look ahead.  sr_word_info() hashes each word once, probes every
 * set with that one hash and keeps the answers in a parallel array (one
 * sr_wordinfo per token), so the gates become a flag test.  The claims and
 * events stages read it too (their trigger, speech and modal words).
 */
#ifndef SITREP_WORDINFO_H
#define SITREP_WORDINFO_H

#include "doc.h"
#include "data/lex.h"

enum {
    SR_WI_POSS2 = 1u << 0,      /* a word ending in 's ("Tuesday's"): times read it without */
    SR_WI_POSS4 = 1u << 1,      /* ... in ’s (U+2019, 3 bytes, then s) */
    SR_WI_TIMEISH = 1u << 2,    /* times.c timeish(): a number, a month, weekday or "Q1" with a
                                 * capital, a hyphenated word or a word of times.timeish */
    SR_WI_TIME_SMALL = 1u << 3, /* in times.small ("the", "in", "a") */
    SR_WI_FIG_START = 1u << 4,  /* figures.c may_start_figure() */
    SR_WI_EVENT = 1u << 5,      /* starts an entry of events.triggers (events.c) */
    SR_WI_SPEECH = 1u << 6,     /* in frame.speech: "said", "according" (claims.c) */
    SR_WI_IRREALIS = 1u << 7,   /* in frame.irrealis: "vowed", "could" (events.c) */
    SR_WI_FUTURE = 1u << 8,     /* in frame.future: "will", "expected" (claims.c) */
    SR_WI_CLAUSE = 1u << 9      /* in frame.clause: "while", "but" end a clause */
};

typedef struct sr_wordinfo {
    uint16_t flags; /* SR_WI_* */
    uint8_t num;    /* sr_word_number of the word without its possessive, 0 none */
    sr_lexid lex;   /* the whole token's entry in the rule lexicons (data/lex.h), 0 none */
} sr_wordinfo;

/* One sr_wordinfo per token of the document (sitrep_doc_tokens), into
 * `out` (an sr_buf of sr_wordinfo, cleared first). */
sitrep_status sr_word_info(const sitrep_doc *doc, sr_buf *out);

/* 1..99 written as one word ("eight", "forty", "twenty-five"); 0 if not.
 * ASCII case folded; "zero" is 0. */
int sr_word_number(const char *s, size_t n);

/* The document's word info: doc->wordinfo when the pipeline made it, else
 * made into `scratch` (which the caller frees); NULL when out of memory. */
const sr_wordinfo *sr_word_info_of(const sitrep_doc *doc, sr_buf *scratch);

/* A token's length without a possessive 's (times read "Tuesday's" as
 * "Tuesday"). */
static inline size_t sr_wi_len(const sitrep_token *t, const sr_wordinfo *w)
{
    size_t n = t->end - t->start;
    return w->flags & SR_WI_POSS2 ? n - 2 : w->flags & SR_WI_POSS4 ? n - 4 : n;
}

#endif
