/*
 * context.h -- what the later analysis stages (claims, events) ask about a
 * token: which entity mention, time expression or figure covers it, and a
 * few word tests shared by both.
 *
 * sr_context_build() makes one pass over the document's mentions, times
 * and figures (all in input order) and fills one small record per token,
 * so every question below is O(1).  The records live in the caller's
 * sr_buf and are freed with it.
 */
#ifndef SITREP_CONTEXT_H
#define SITREP_CONTEXT_H

#include "doc.h"
#include "data/lexicon.h"
#include "analyse/entities.h"
#include "analyse/wordinfo.h"

#include <stdbool.h>
#include <string.h>

typedef struct sr_tokctx {
    int32_t mention; /* index in doc->mentions covering this token, else -1 */
    int32_t time;    /* index in doc->times covering it, else -1 */
    int32_t figure;  /* index in doc->figures covering it (number and measure words
                        are separate: this is the figure expression), else -1 */
    int32_t measure; /* index in doc->figures whose measure covers it, else -1 */
} sr_tokctx;

typedef struct sr_context {
    const sitrep_doc *doc;
    const char *src;
    const sitrep_token *tok;
    size_t ntok;
    const sitrep_sentence *sen;
    size_t nsen;
    const sitrep_mention *men;
    size_t nmen;
    const struct sr_entity *ent;
    size_t nent;
    const struct sr_time *times;
    size_t ntimes;
    const struct sr_figure *figs;
    size_t nfigs;
    sr_tokctx *at;      /* one per token */
    const sr_wordinfo *wi; /* one per token (wordinfo.h) */
    sr_buf wi_scratch;  /* its storage when the pipeline did not keep it */
    uint32_t *sent_of;  /* sentence index of each token */
    uint64_t *sen_cls;  /* per sentence: the OR of its tokens' hot lexicon words
                           (sr_lex_hot: the hot classes they are in or begin a
                           phrase of; sr_sent_may) */
    uint32_t *tok_blk;  /* sr_context_token_at's index: per block of
                           SR_TOK_BLOCK bytes, the first token starting in
                           it or after it (NULL: binary search) */
    size_t nblk;
    sr_buf buf;         /* storage of `at`, `sent_of`, `sen_cls` and `tok_blk` */
    sr_buf men_buf;     /* storage of `men` when some mentions are second readings */
    int32_t dominant;   /* sr_dominant_group's answer once sr_claims_events has asked it
                           (claims and events both read it), SR_DOMINANT_UNASKED before */
} sr_context;

#define SR_DOMINANT_UNASKED (-2)
sitrep_status sr_context_build(const sitrep_doc *doc, sr_context *c);
void sr_context_free(sr_context *c);

/* Token index of the token starting at byte `start` (or the first after
 * it); ntok when none.  Asked for every mention, time, figure and claim
 * span: a look into tok_blk and a step or two (tokens are about six
 * bytes), instead of a binary search over the document's tokens. */
#define SR_TOK_BLOCK_SHIFT 4
size_t sr_context_token_search(const sr_context *c, uint32_t start);
static inline size_t sr_context_token_at(const sr_context *c, uint32_t start)
{
    size_t b = start >> SR_TOK_BLOCK_SHIFT;
    if (!c->tok_blk)
        return sr_context_token_search(c, start);
    if (b >= c->nblk)
        return c->ntok; /* past the last token's start */
    size_t i = c->tok_blk[b];
    while (i < c->ntok && c->tok[i].start < start)
        i++;
    return i;
}

/* Word tests on token i (false outside the document). */
/* Case-insensitive; inline so that strlen of a literal folds away (always:
 * gcc inlined only the bounds test and called strlen at run time in the
 * part it left out of line). */
#if defined(__GNUC__)
#define SR_TOK_INLINE inline __attribute__((always_inline))
#else
#define SR_TOK_INLINE inline
#endif
static SR_TOK_INLINE bool sr_tok_is(const sr_context *c, size_t i, const char *w)
{
    if (i >= c->ntok)
        return false;
    size_t n = strlen(w);
    if (c->tok[i].end - c->tok[i].start != n)
        return false;
    const char *s = c->src + c->tok[i].start;
    if ((char)(s[0] | 0x20) != w[0] && s[0] != w[0])
        return false; /* the first byte screens almost every word */
    for (size_t k = 1; k < n; k++) {
        char a = s[k];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a + 32);
        if (a != w[k])
            return false;
    }
    return true;
}
bool sr_tok_in(const sr_context *c, size_t i, const char *const *ws);  /* NULL-terminated list */

/* Token i's entry in the rule lexicons (data/lex.h), 0 outside the
 * document or in no lexicon; is it in class k? */
static inline sr_lexid sr_tok_lexid(const sr_context *c, size_t i)
{
    return i < c->ntok ? c->wi[i].lex : 0;
}
static inline bool sr_tok_class(const sr_context *c, size_t i, enum sr_lexclass k)
{
    return i < c->ntok && sr_lex_in(c->wi[i].lex, k);
}
/* The longest phrase of class k that starts at token i and ends before
 * token `hi`: how many tokens it spans (0 when none), its entry in *id
 * (may be NULL). */
size_t sr_tok_phrase_at(const sr_context *c, size_t i, size_t hi, enum sr_lexclass k, sr_lexid *id);
/* Inline: most tokens start no phrase of k, answered by the bit tests of
 * the token's entry without a call (the stages ask it of every token). */
static inline size_t sr_tok_phrase(const sr_context *c, size_t i, size_t hi, enum sr_lexclass k, sr_lexid *id)
{
    if (i < hi && i < c->ntok) {
        sr_lexid first = c->wi[i].lex;
        if (!sr_lex_in(first, k) && !sr_lex_heads(first, k)) {
            if (id)
                *id = 0;
            return 0;
        }
    }
    return sr_tok_phrase_at(c, i, hi, k, id);
}
/* May a word or phrase of class k occur in sentence s: is one of its
 * tokens in k, or does one begin a longer phrase of k?  False means no
 * token of the sentence passes sr_tok_class or sr_tok_phrase for k, so a
 * rule that needs one can skip the sentence without reading its tokens. */
static inline bool sr_sent_may(const sr_context *c, size_t s, enum sr_lexclass k)
{
    int in = sr_lex_hot_in(k), head = sr_lex_hot_head(k);
    if (in < 0 || head < 0)
        return s < c->nsen; /* a class not kept hot (data/lex_hot.h): may */
    return s < c->nsen && ((c->sen_cls[s] >> in | c->sen_cls[s] >> head) & 1u);
}
/* May class k occur among tokens [lo, hi): sr_sent_may over the sentences
 * they are in (true for a token in none). */
static inline bool sr_span_may(const sr_context *c, size_t lo, size_t hi, enum sr_lexclass k)
{
    for (size_t i = lo; i < hi && i < c->ntok;) {
        uint32_t s = c->sent_of[i];
        if (s >= c->nsen || sr_sent_may(c, s, k))
            return true;
        size_t end = (size_t)c->sen[s].first + c->sen[s].count;
        i = end > i ? end : i + 1;
    }
    return false;
}

/* Is token i a dash: "-", "--", an en or an em dash? */
static inline bool sr_tok_dash(const sr_context *c, size_t i)
{
    if (i >= c->ntok)
        return false;
    const char *s = c->src + c->tok[i].start;
    size_t n = c->tok[i].end - c->tok[i].start;
    return (n >= 1 && n <= 2 && s[0] == '-' && s[n - 1] == '-') ||
           (n == 3 && memcmp(s, "\xE2\x80", 2) == 0 && (s[2] == '\x93' || s[2] == '\x94'));
}

/* A one-byte token `ch`. */
static inline bool sr_tok_char(const sr_context *c, size_t i, char ch)
{
    return i < c->ntok && c->tok[i].end - c->tok[i].start == 1 && c->src[c->tok[i].start] == ch;
}
/* Does the token start with `prefix` (case-insensitive) and have at most
 * `extra` more bytes? ("kill" + 3 matches "killed", "killing"). */
bool sr_tok_stem(const sr_context *c, size_t i, const char *prefix, size_t extra);

/* Does token i carry word-info flag `flag` (SR_WI_EVENT, SR_WI_SPEECH,
 * ...: it is a word of that compiled set)? */
static inline bool sr_tok_flag(const sr_context *c, size_t i, unsigned flag)
{
    return i < c->ntok && (c->wi[i].flags & flag) != 0;
}

/* Entity of the mention covering token i, or NULL; *mention gets its index. */
static inline const struct sr_entity *sr_tok_entity(const sr_context *c, size_t i, int32_t *mention)
{
    if (i >= c->ntok || c->at[i].mention < 0)
        return NULL;
    int32_t m = c->at[i].mention;
    if (mention)
        *mention = m;
    uint32_t e = c->men[m].entity;
    return e < c->nent ? &c->ent[e] : NULL;
}

/* The same, with the entity's index (not the mention's) in *idx when not NULL. */
static inline const struct sr_entity *sr_entity_at(const sr_context *c, size_t i, int32_t *idx)
{
    int32_t m;
    const struct sr_entity *e = sr_tok_entity(c, i, &m);
    if (e && idx)
        *idx = (int32_t)c->men[m].entity;
    return e;
}

/* The first token of the mention covering token i (i itself when none). */
static inline size_t sr_mention_first(const sr_context *c, size_t i)
{
    int32_t m = c->at[i].mention;
    while (i > 0 && m >= 0 && c->at[i - 1].mention == m)
        i--;
    return i;
}

/* Does the figure at token f (after lo) name a part of a count just given:
 * "11 people, including two children", "among them 3 soldiers", "of whom 4",
 * "eight people, six of them priests"? */
static inline bool sr_part_of_whole(const sr_context *c, size_t lo, size_t f)
{
    if (f <= lo)
        return false;
    if (sr_tok_is(c, f - 1, "including") ||
        (f > lo + 1 && sr_tok_class(c, f - 1, SR_LEX_FRAME_PART_PRONOUN) &&
         (sr_tok_is(c, f - 2, "among") || sr_tok_is(c, f - 2, "of"))))
        return true;
    /* an apposition: ", six of them priests"; not ", four of whom died",
     * where what happened is said of the part */
    if (!sr_tok_char(c, f - 1, ',') || c->at[f].figure < 0)
        return false;
    size_t k = f;
    while (k < c->ntok && c->at[k].figure == c->at[f].figure)
        k++;
    return sr_tok_is(c, k, "of") && sr_tok_class(c, k + 1, SR_LEX_FRAME_PART_PRONOUN) &&
           !sr_tok_class(c, k + 2, SR_LEX_FRAME_BE) && !sr_tok_class(c, k + 2, SR_LEX_CLAIMS_OUTCOME);
}

/* Is token i a word (false outside the document)? */
static inline bool sr_tok_word(const sr_context *c, size_t i)
{
    return i < c->ntok && c->tok[i].kind == SITREP_TOK_WORD;
}

/* Is token i a word of more than `longer` bytes ending in "ing" (a
 * gerund or participle: "losing", "wounding"), whatever its case? */
static inline bool sr_tok_ing(const sr_context *c, size_t i, size_t longer)
{
    if (!sr_tok_word(c, i))
        return false;
    size_t n = c->tok[i].end - c->tok[i].start;
    return n > longer && n >= 3 && memcmp(c->src + c->tok[i].end - 3, "ing", 3) == 0;
}

/* Is the entity a country (a place whose feature is "country")? */
bool sr_entity_is_country(const struct sr_entity *e);

#endif
