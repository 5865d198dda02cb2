/*
 * wordinfo.c -- per-token answers shared by the time and figure finders
 * (see wordinfo.h).
 *
 * The flags answer exactly what the finders' own tests answered: the same
 * word sets, the same lengths (the time gates read a word without its
 * possessive, the figure gates the whole token), the same byte rules.
 */
#include "analyse/wordinfo.h"

#include "core/dates.h"
#include "data/lex.h"
#include "lexicon.h"

#include <string.h>

/* sr_word_number of s[0..n), whose lexicon entry is id. */
static int word_number_of(sr_lexid id, const char *s, size_t n)
{
    if (n < 3)
        return 0; /* "one", "two", "six" and "ten" are the shortest */
    if (sr_lex_in(id, SR_LEX_FIGURES_NUMBER_WORD))
        return sr_lex_value(id, SR_LEX_FIGURES_NUMBER_WORD, 0);
    const char *h = memchr(s, '-', n);
    if (!h)
        return 0;
    /* "twenty-five": a tens word, a hyphen, a unit word */
    int t = sr_lex_value(sr_lex_find(s, (size_t)(h - s)), SR_LEX_FIGURES_NUMBER_WORD, 0);
    int u = sr_lex_value(sr_lex_find(h + 1, n - (size_t)(h - s) - 1), SR_LEX_FIGURES_NUMBER_WORD, 0);
    return t >= 20 && t % 10 == 0 && u >= 1 && u <= 9 ? t + u : 0;
}

int sr_word_number(const char *s, size_t n)
{
    return n < 3 ? 0 : word_number_of(sr_lex_find(s, n), s, n);
}

/* Can a month or weekday name (core/dates.c, read case-insensitively)
 * start with byte c? */
static inline bool month_or_day_initial(char c)
{
    unsigned k = (unsigned char)(c | 0x20) - 'a';
    return k < 26 && (1u << k & (1u << ('a' - 'a') | 1u << ('d' - 'a') | 1u << ('f' - 'a') | 1u << ('j' - 'a') |
                                 1u << ('m' - 'a') | 1u << ('n' - 'a') | 1u << ('o' - 'a') | 1u << ('s' - 'a') |
                                 1u << ('t' - 'a') | 1u << ('w' - 'a')));
}

static uint16_t word_flags(const char *s, const sitrep_token *t, uint64_t hw, uint8_t *num, sr_lexid *lex)
{
    size_t n = t->end - t->start, tn = n;
    uint16_t f = 0;
    if (n > 3 && (s[n - 1] | 0x20) == 's') {
        if (s[n - 2] == '\'') {
            f |= SR_WI_POSS2;
            tn = n - 2;
        } else if (n > 5 && memcmp(s + n - 4, "\xe2\x80\x99", 3) == 0) {
            f |= SR_WI_POSS4;
            tn = n - 4;
        }
    }
    bool plain = (t->flags & SITREP_TOKF_PLAIN) != 0;
    const char *dash = plain ? NULL : memchr(s, '-', n);
    bool hyphen = dash != NULL;

    /* times.c timeish(), on the word without its possessive (a month or
     * weekday name has 3-9 letters and starts with one of adfjmnostw:
     * the other capitalised words skip both scans of the names) */
    if ((t->flags & SITREP_TOKF_CAP) &&
        ((tn >= 3 && tn <= 9 && month_or_day_initial(s[0]) && (sr_month_number(s, tn) || sr_weekday_name(s, tn))) ||
         (tn == 2 && s[0] == 'Q' && s[1] >= '1' && s[1] <= '4')))
        f |= SR_WI_TIMEISH;
    else if (dash && dash < s + tn)
        f |= SR_WI_TIMEISH;
    if (hyphen)
        f |= SR_WI_FIG_START;

    size_t ascii = n; /* bytes before the first non-ASCII one */
    if (!plain)
        for (size_t k = 0; k < n; k++)
            if ((unsigned char)s[k] >= 0x80) {
                ascii = k;
                break;
            }
    /* The rule lexicons (data/lex) hold words of any length and bytes: the
     * token is looked up whole, once, and its entry kept for the stages. */
    *lex = n <= 120 ? sr_lex_find_hash(hw, s, n) : 0;
    if (n >= 2) {
        if (sr_lex_in(*lex, SR_LEX_FRAME_SPEECH))
            f |= SR_WI_SPEECH;
        if (sr_lex_in(*lex, SR_LEX_FRAME_IRREALIS))
            f |= SR_WI_IRREALIS;
        if (sr_lex_in(*lex, SR_LEX_FRAME_FUTURE))
            f |= SR_WI_FUTURE;
        if (sr_lex_in(*lex, SR_LEX_FRAME_CLAUSE))
            f |= SR_WI_CLAUSE;
        /* the events gate: every word that starts an entry of the trigger
         * table, so no trigger rule tests a word the gate lacks */
        if (sr_lex_in(*lex, SR_LEX_EVENTS_TRIGGERS) || sr_lex_heads(*lex, SR_LEX_EVENTS_TRIGGERS))
            f |= SR_WI_EVENT;
    }
    /* the figures gate (figures.start, and figures.cap_start for a word
     * with a capital): ASCII words without a hyphen */
    if (!hyphen && ascii == n &&
        (sr_lex_in(*lex, SR_LEX_FIGURES_START) ||
         ((t->flags & SITREP_TOKF_CAP) && sr_lex_in(*lex, SR_LEX_FIGURES_CAP_START))))
        f |= SR_WI_FIG_START;
    /* the times gates: times.small, and times.timeish for the word without
     * its possessive ("Tuesday's", "year's") */
    if (ascii == n && sr_lex_in(*lex, SR_LEX_TIMES_SMALL))
        f |= SR_WI_TIME_SMALL;
    if (!(f & SR_WI_TIMEISH) && ascii >= tn) {
        /* ... and the first word of a holiday ("Christmas", "New Year's Day") */
        sr_lexid bare = tn == n ? *lex : sr_lex_find(s, tn);
        if (sr_lex_in(bare, SR_LEX_TIMES_TIMEISH) ||
            ((t->flags & SITREP_TOKF_CAP) &&
             (sr_lex_in(bare, SR_LEX_TIMES_HOLIDAY) || sr_lex_heads(bare, SR_LEX_TIMES_HOLIDAY))))
            f |= SR_WI_TIMEISH;
    }
    /* Number words are all in figures.start; "twenty-five" is hyphenated
     * (both FIG_START).  A possessive ("two's") is read without its 's. */
    *num = 0;
    if (f & (SR_WI_FIG_START | SR_WI_POSS2 | SR_WI_POSS4))
        *num = (uint8_t)(tn == n && n <= 120 ? word_number_of(*lex, s, n) : sr_word_number(s, tn));
    return f;
}

/* The words met before in the document, by hash: a word's answers
 * depend only on its bytes and its token's CAP and PLAIN flags, so a word
 * met again ("the", "said", a name) copies the answers of its last
 * occurrence instead of probing the lexicons again.  Direct-mapped: a
 * slot keeps the last word of its hash. */
enum { WI_MEMO = 512 };
typedef struct wi_memo {
    uint64_t hash;
    uint32_t tok; /* token index + 1, 0 empty */
} wi_memo;

/* The words met in earlier documents on this thread, by hash: the
 * answers depend only on a word's bytes and its CAP and PLAIN flags, the
 * same for every document ("the", "said", "police"), so a word the
 * document meets first is looked for here before the lexicons are probed.
 * Direct-mapped; words of up to WI_SEEN_LEN bytes; each thread its own
 * (no lock), zeroed when the thread starts. */
enum { WI_SEEN = 4096, WI_SEEN_LEN = 22 };
typedef struct wi_seen {
    uint64_t hash;
    sr_wordinfo wi;
    uint16_t flags;  /* the token's CAP and PLAIN flags */
    uint8_t len;     /* 0: empty */
    char text[WI_SEEN_LEN];
} wi_seen;
static _Thread_local wi_seen seen_words[WI_SEEN];

sitrep_status sr_word_info(const sitrep_doc *doc, sr_buf *out)
{
    size_t nt;
    const sitrep_token *tok = sitrep_doc_tokens(doc, &nt);
    sr_buf_clear(out);
    if (!sr_buf_reserve(out, nt * sizeof(sr_wordinfo) + 1))
        return SITREP_ENOMEM;
    sr_wordinfo *w = (sr_wordinfo *)(void *)out->data;
    wi_memo memo[WI_MEMO];
    memset(memo, 0, sizeof memo);
    const uint16_t same = SITREP_TOKF_CAP | SITREP_TOKF_PLAIN;
    for (size_t i = 0; i < nt; i++) {
        const sitrep_token *t = &tok[i];
        uint16_t f = 0;
        uint8_t num = 0;
        sr_lexid lex = 0;
        if (t->kind == SITREP_TOK_WORD) {
            const char *s = doc->src + t->start;
            size_t n = t->end - t->start;
            uint64_t hw = sr_word_hash_in(s, n, doc->len - t->start);
            wi_memo *m = &memo[hw & (WI_MEMO - 1)];
            if (m->tok && m->hash == hw) {
                const sitrep_token *p = &tok[m->tok - 1];
                if (p->end - p->start == n && ((p->flags ^ t->flags) & same) == 0 &&
                    memcmp(doc->src + p->start, s, n) == 0) {
                    w[i] = w[m->tok - 1];
                    continue;
                }
            }
            wi_seen *sw = &seen_words[(hw >> 21) & (WI_SEEN - 1)];
            uint16_t tf = t->flags & same;
            if (sw->hash == hw && sw->len == n && sw->flags == tf && memcmp(sw->text, s, n) == 0) {
                f = sw->wi.flags;
                num = sw->wi.num;
                lex = sw->wi.lex;
            } else {
                f = word_flags(s, t, hw, &num, &lex);
                if (n <= WI_SEEN_LEN) {
                    sw->hash = hw;
                    sw->wi = (sr_wordinfo){f, num, lex};
                    sw->flags = tf;
                    sw->len = (uint8_t)n;
                    memcpy(sw->text, s, n);
                }
            }
            if (i < UINT32_MAX - 1) {
                m->hash = hw;
                m->tok = (uint32_t)(i + 1);
            }
        } else if (t->kind == SITREP_TOK_NUMBER)
            f = SR_WI_TIMEISH | SR_WI_FIG_START;
        else if (t->kind == SITREP_TOK_SYMBOL)
            f = SR_WI_FIG_START;
        else if (t->end - t->start == 1 && doc->src[t->start] == '~')
            f = SR_WI_FIG_START; /* the qualifier "~" */
        w[i].flags = f;
        w[i].num = num;
        w[i].lex = lex;
    }
    out->len = nt * sizeof(sr_wordinfo);
    return SITREP_OK;
}

const sr_wordinfo *sr_word_info_of(const sitrep_doc *doc, sr_buf *scratch)
{
    size_t nt;
    sitrep_doc_tokens(doc, &nt);
    if (doc->wordinfo.len == nt * sizeof(sr_wordinfo) && doc->wordinfo.data)
        return (const sr_wordinfo *)(const void *)doc->wordinfo.data;
    if (sr_word_info(doc, scratch) != SITREP_OK)
        return NULL;
    return (const sr_wordinfo *)(const void *)scratch->data;
}
