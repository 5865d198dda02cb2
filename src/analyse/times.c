/*
 * times.c -- time expressions normalised against the document date (see
 * times.h).
 *
 * One pass over the tokens of each sentence.  At every token the matchers
 * are tried from the most specific to the least ("since ...", "between ...
 * and ...", "the first half of ...", "the past N units", "N units ago", a
 * point in time, a set, a duration, a time of day); the first that matches
 * emits one sr_time and the scan goes on after it.  Every matcher looks at
 * a bounded number of tokens, so the pass is linear, and nothing is
 * allocated but the output array.
 *
 * A point that needs the anchor to be placed (a date without a year, a
 * weekday) is parsed "pending" and resolved once its whole context is
 * known: a range resolves its two ends together ("from October to
 * February" crosses back into the year before), a future cue in the
 * sentence ("will", "next", "scheduled") turns the past reading forward.
 */
#include "analyse/times.h"

#include "analyse/wordinfo.h"
#include "data/lexicon.h"

#include <stdio.h>
#include <string.h>

enum { U_NONE, U_HOUR, U_DAY, U_WEEK, U_MONTH, U_YEAR, U_DECADE };

/* How a pending month or weekday picks its year or week. */
enum { R_PAST, R_LAST, R_NEXT, R_THIS };

/* What a parsed point still waits for. */
enum { P_NONE, P_YEARLESS, P_WEEKDAY };

typedef struct cx {
    const char *src;
    const sitrep_token *t;
    const sr_wordinfo *w; /* per token (wordinfo.h) */
    size_t s0, n; /* the sentence's tokens [s0, n) */
    sr_date a;    /* the anchor */
    bool anchored;
    /* the dates in focus, latest last: what "the same day", "the previous
     * year", "that time" refer to (their values and precisions) */
    struct {
        sr_date from;
        int prec;
    } focus[8];
    int nfocus;
} cx;

typedef struct ex {
    size_t end;             /* the token after the expression */
    uint32_t qstart, qend;  /* the quote */
    sr_date from, to;       /* the period (times.h) */
    sr_date vfrom, vto;     /* the value (times.h) */
    int prec, kind;
    int relation, mod;      /* SR_REL_*, SR_MOD_* */
    char dur[16];
    int pend;               /* P_*: resolved by finish() */
    int ym, yd1, yd2;       /* P_YEARLESS: month, days [yd1, yd2] (yd2 0: the month's end) */
    int wd;                 /* weekday named (1 Monday .. 7 Sunday), 0 none */
    int rule;               /* R_* */
    bool rel;               /* rests on the anchor */
} ex;

/* ---- tokens ---- */

static bool in(const cx *c, size_t i) { return i >= c->s0 && i < c->n; }
static const char *ts(const cx *c, size_t i) { return c->src + c->t[i].start; }

/* A token's length without a possessive 's ("Tuesday's", "year’s"). */
static size_t tl(const cx *c, size_t i) { return sr_wi_len(&c->t[i], &c->w[i]); }

static uint32_t tend(const cx *c, size_t i) { return c->t[i].start + (uint32_t)tl(c, i); }

static bool is_word(const cx *c, size_t i)
{
    return in(c, i) && c->t[i].kind == SITREP_TOK_WORD;
}

/* Token i is the word w (ASCII case folded).  The first bytes are
 * compared before anything else: the matchers ask each token about many
 * words, and nearly all differ there. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline bool is(const cx *c, size_t i, const char *w)
{
    /* inline (always: gcc kept it out of line, strlen and all), so that
     * strlen of the literal folds away: the length screens nearly every
     * word before a byte is read */
    return is_word(c, i) && tl(c, i) == strlen(w) && ((ts(c, i)[0] | 0x20) == (w[0] | 0x20)) &&
           sr_ieq(ts(c, i), tl(c, i), w);
}

/* Token i's entry in the rule lexicons, read without a possessive
 * ("Tuesday's" is "tuesday"); 0 for a token that is no word. */
static inline sr_lexid lex_at(const cx *c, size_t i)
{
    if (!is_word(c, i))
        return 0;
    return c->w[i].flags & (SR_WI_POSS2 | SR_WI_POSS4) ? sr_lex_find(ts(c, i), tl(c, i)) : c->w[i].lex;
}

/* The longest phrase of class k starting at token i inside the sentence
 * (each word read without a possessive): how many tokens, its entry in
 * *id. */
static size_t phrase_at(const cx *c, size_t i, enum sr_lexclass k, sr_lexid *id)
{
    *id = 0;
    sr_lexid first = lex_at(c, i);
    if (!sr_lex_in(first, k) && !sr_lex_heads(first, k))
        return 0;
    const char *w[8];
    size_t wl[8], n = 0;
    for (size_t j = i; j < c->n && n < 8; j++, n++) {
        w[n] = ts(c, j);
        wl[n] = tl(c, j);
    }
    return sr_lex_phrase(k, w, wl, n, first, id);
}

/* Is token i a word of class k (data/lex/times.lex)? */
static inline bool word_is(const cx *c, size_t i, enum sr_lexclass k) { return sr_lex_in(lex_at(c, i), k); }

/* Token i's value in column col of table k, 0 when it is not in k. */
static int32_t word_value(const cx *c, size_t i, enum sr_lexclass k, int col)
{
    return sr_lex_value(lex_at(c, i), k, col);
}

static bool capital(const cx *c, size_t i)
{
    return in(c, i) && (c->t[i].flags & SITREP_TOKF_CAP);
}

/* Tokens i and i + 1 touch (no space between). */
static bool touch(const cx *c, size_t i)
{
    return i + 1 < c->n && c->t[i].end == c->t[i + 1].start;
}

static bool is_punct(const cx *c, size_t i, char ch)
{
    return in(c, i) && c->t[i].kind == SITREP_TOK_PUNCT && c->t[i].end - c->t[i].start == 1 &&
           ts(c, i)[0] == ch;
}

/* '-', en dash or em dash. */
static bool is_dash(const cx *c, size_t i)
{
    if (!in(c, i) || c->t[i].kind != SITREP_TOK_PUNCT)
        return false;
    size_t n = c->t[i].end - c->t[i].start;
    const char *s = ts(c, i);
    return (n == 1 && s[0] == '-') ||
           (n == 3 && memcmp(s, "\xe2\x80", 2) == 0 && ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94));
}

static bool is_dig(char ch) { return ch >= '0' && ch <= '9'; }
static bool is_alpha(char ch) { return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'; }

/* A NUMBER token of digits with an optional letter suffix ("17th",
 * "1990s", "3pm"): its value, digit count and suffix. */
static bool number(const cx *c, size_t i, long *v, size_t *nd, const char **suf, size_t *sn)
{
    if (!in(c, i) || c->t[i].kind != SITREP_TOK_NUMBER)
        return false;
    const char *s = ts(c, i);
    size_t n = tl(c, i), k = 0;
    long x = 0;
    while (k < n && is_dig(s[k])) {
        if (k < 9)
            x = x * 10 + (s[k] - '0');
        k++;
    }
    if (k == 0 || k > 9)
        return false;
    for (size_t j = k; j < n; j++)
        if (!is_alpha(s[j]))
            return false;
    *v = x;
    *nd = k;
    *suf = s + k;
    *sn = n - k;
    return true;
}

/* A NUMBER of plain digits, or -1. */
static long plain(const cx *c, size_t i, size_t *nd)
{
    long v;
    const char *suf;
    size_t sn, k;
    if (!number(c, i, &v, &k, &suf, &sn) || sn != 0)
        return -1;
    if (nd)
        *nd = k;
    return v;
}

/* A day of the month: "17", "17th", "1st", "22nd", "3rd". */
static int day_number(const cx *c, size_t i)
{
    long v;
    const char *suf;
    size_t nd, sn;
    if (!number(c, i, &v, &nd, &suf, &sn) || nd > 2 || v < 1 || v > 31)
        return 0;
    if (sn == 0)
        return (int)v;
    if (sn == 2 && (sr_ieq(suf, 2, "st") || sr_ieq(suf, 2, "nd") || sr_ieq(suf, 2, "rd") ||
                    sr_ieq(suf, 2, "th")))
        return (int)v;
    return 0;
}

/* A year standing alone: four plain digits, 1900-2100. */
static int year_number(const cx *c, size_t i)
{
    size_t nd;
    long v = plain(c, i, &nd);
    return nd == 4 && v >= 1900 && v <= 2100 ? (int)v : 0;
}

/* A month name with a capital (full, or an abbreviation when `abbrev`). */
static int month_at(const cx *c, size_t i, bool abbrev)
{
    if (!is_word(c, i) || !capital(c, i))
        return 0;
    size_t n = tl(c, i);
    int m = sr_month_number(ts(c, i), n);
    if (!m)
        return 0;
    static const unsigned char full[13] = {0, 7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
    if (!abbrev && n != full[m])
        return 0;
    return m;
}

/* A full weekday name with a capital. */
static int weekday_at(const cx *c, size_t i)
{
    if (!is_word(c, i) || !capital(c, i) || tl(c, i) < 6)
        return 0;
    return sr_weekday_number(ts(c, i), tl(c, i));
}

/* A count: "five", "10", "a", "an", "a dozen", "a couple of".  Returns
 * the tokens it takes (0: none); *article tells "a"/"an".  Count words are
 * "one" to "twenty" and "thirty" to "sixty" (sr_wordinfo.num, worked out
 * once per token). */
static size_t count_at(const cx *c, size_t i, long *v, bool *article)
{
    *article = false;
    if (!in(c, i))
        return 0;
    size_t nd;
    long x = plain(c, i, &nd);
    if (x >= 1 && x <= 9999) {
        *v = x;
        return 1;
    }
    if (!is_word(c, i))
        return 0;
    if (is(c, i, "a") || is(c, i, "an")) {
        sr_lexid id;
        size_t m = phrase_at(c, i + 1, SR_LEX_TIMES_ARTICLE_COUNT, &id);
        if (m) { /* "a dozen", "a couple of" */
            *v = sr_lex_value(id, SR_LEX_TIMES_ARTICLE_COUNT, 0);
            return 1 + m;
        }
        *article = true;
        *v = 1;
        return 1;
    }
    int num = c->w[i].num;
    if ((num >= 1 && num <= 20) || num == 30 || num == 40 || num == 50 || num == 60) {
        *v = num;
        return 1;
    }
    return 0;
}

/* The unit of time (U_*) of the entry `id` (times.unit: "day", "years"),
 * U_NONE when none; *plural tells "years" from "year". */
/* The unit named by a TIME_UNIT value of the lexicons (0: none). */
static int unit_of_enum(int32_t u)
{
    static const int units[] = {[SR_LEXE_TIME_UNIT_HOUR] = U_HOUR,   [SR_LEXE_TIME_UNIT_DAY] = U_DAY,
                                [SR_LEXE_TIME_UNIT_WEEK] = U_WEEK,   [SR_LEXE_TIME_UNIT_MONTH] = U_MONTH,
                                [SR_LEXE_TIME_UNIT_YEAR] = U_YEAR,   [SR_LEXE_TIME_UNIT_DECADE] = U_DECADE};
    return u > 0 && (size_t)u < sizeof units / sizeof *units ? units[u] : U_NONE;
}

static int unit_of_lex(sr_lexid id, bool *plural)
{
    int32_t u = sr_lex_value(id, SR_LEX_TIMES_UNIT, SR_LEXCOL_TIMES_UNIT_UNIT);
    *plural = u && sr_lex_value(id, SR_LEX_TIMES_UNIT, SR_LEXCOL_TIMES_UNIT_PLURAL);
    return unit_of_enum(u);
}

/* A unit of time in s[0..n): "day", "years", ... */
static int unit_of(const char *s, size_t n, bool *plural) { return unit_of_lex(sr_lex_find(s, n), plural); }

static int unit_at(const cx *c, size_t i, bool *plural)
{
    *plural = false;
    return is_word(c, i) ? unit_of_lex(lex_at(c, i), plural) : U_NONE;
}

static int unit_prec(int u)
{
    switch (u) {
    case U_WEEK: return SR_PREC_WEEK;
    case U_MONTH: return SR_PREC_MONTH;
    case U_YEAR: return SR_PREC_YEAR;
    case U_DECADE: return SR_PREC_DECADE;
    default: return SR_PREC_DAY;
    }
}

/* ---- calendar ---- */

static sr_date mkdate(int y, int m, int d) { return (sr_date){y, m, d}; }

static void set_iv(ex *e, sr_date f, sr_date t, int prec)
{
    e->from = e->vfrom = f;
    e->to = e->vto = t;
    e->prec = prec;
    e->kind = SR_TIME_DATE;
    e->pend = P_NONE;
}

static void year_iv(ex *e, int y) { set_iv(e, mkdate(y, 1, 1), mkdate(y, 12, 31), SR_PREC_YEAR); }

static void month_iv(ex *e, int y, int m)
{
    set_iv(e, mkdate(y, m, 1), mkdate(y, m, sr_days_in_month(y, m)), SR_PREC_MONTH);
}

static void day_iv(ex *e, sr_date d) { set_iv(e, d, d, SR_PREC_DAY); }

static void week_iv(ex *e, sr_date d)
{
    sr_date mon = sr_date_add_days(&d, -(sr_date_weekday(&d) - 1));
    set_iv(e, mon, sr_date_add_days(&mon, 6), SR_PREC_WEEK);
}

/* The anchor moved n units back (forward when n < 0). */
static sr_date shift(const sr_date *a, int unit, long n)
{
    switch (unit) {
    case U_HOUR: return sr_date_add_days(a, -((n + 23) / 24));
    case U_DAY: return sr_date_add_days(a, -n);
    case U_WEEK: return sr_date_add_days(a, -7 * n);
    case U_MONTH: return sr_date_add_months(a, (int)-n);
    case U_YEAR: return sr_date_add_months(a, (int)(-12 * n));
    default: return sr_date_add_months(a, (int)(-120 * n));
    }
}

static long days_of(const sr_date *d) { return sr_date_to_days(d); }

/* ---- context ---- */

/* Words after which a month name or a bare four-digit year is a time. */
static bool trigger(const cx *c, size_t i)
{
    if (i == 0 || !in(c, i - 1) || !word_is(c, i - 1, SR_LEX_TIMES_TRIGGER))
        return false;
    /* "and 2021", "to 2021": only after another year or month */
    if (is(c, i - 1, "and") || is(c, i - 1, "or") || is(c, i - 1, "to"))
        return i >= 2 && in(c, i - 2) && (year_number(c, i - 2) || month_at(c, i - 2, false));
    return true;
}

/* A year (or a month) that modifies a noun: "the 2011 version", "its 1991
 * settlement", "Apple's 2008 results", "their January sales", "(1998)":
 * after a determiner or a possessive and before a word, or in brackets of
 * its own. */
static bool year_modifier(const cx *c, size_t i)
{
    if (i == 0 || !in(c, i - 1))
        return false;
    if (is_punct(c, i - 1, '(') && is_punct(c, i + 1, ')'))
        return true;
    bool det = word_is(c, i - 1, SR_LEX_TIMES_YEAR_DET) ||
               (is_word(c, i - 1) && (c->w[i - 1].flags & (SR_WI_POSS2 | SR_WI_POSS4)));
    return det && is_word(c, i + 1);
}

/* A plural noun after a number: "of 2000 fighters" counts, it is no year. */
static bool noun_follows(const cx *c, size_t i)
{
    if (!is_word(c, i) || capital(c, i))
        return false;
    size_t n = tl(c, i);
    const char *s = ts(c, i);
    if (word_is(c, i, SR_LEX_TIMES_COUNT_NOUN))
        return true;
    if (word_is(c, i, SR_LEX_TIMES_NOT_PLURAL))
        return false;
    return n >= 4 && s[n - 1] == 's' && s[n - 2] != 's';
}

/* ---- which way the clause points ---- */

/* A word a clause's tense is read from: lower case (a capital "May" is the
 * month) or opening the sentence. */
static bool verb_word(const cx *c, size_t k)
{
    return is_word(c, k) && (!capital(c, k) || (c->t[k].flags & SITREP_TOKF_SENT_START));
}

/* A word in -ed that may be a finite verb in the past: "announced",
 * "closed"; not after a determiner ("the proposed merger"). */
static bool ed_word(const cx *c, size_t k)
{
    size_t n = tl(c, k);
    const char *s = ts(c, k);
    return verb_word(c, k) && n > 4 && (s[n - 2] | 0x20) == 'e' && (s[n - 1] | 0x20) == 'd' &&
           !word_is(c, k - 1, SR_LEX_TIMES_YEAR_DET);
}

/* What token k says of the tense of its clause: +1 ahead ("will",
 * "should", "to be", "is due to", "scheduled", "'ll"), -1 back ("was",
 * "had", "said", a verb in -ed, "has announced"), 0 nothing (a noun, a
 * participle whose auxiliary comes before it, "is"). */
static int tense_word(const cx *c, size_t k)
{
    if (!verb_word(c, k))
        return 0;
    /* the rules below read a word of times.lex tense_word, "due", "set",
     * "be", "to", or a word ending in "'ll" or "-ed": no other word is
     * read through them (most words of a clause are none) */
    {
        size_t n = tl(c, k);
        const char *s = ts(c, k);
        if (n > 3 && !((s[n - 2] | 0x20) == 'l' && (s[n - 1] | 0x20) == 'l') &&
            !((s[n - 2] | 0x20) == 'e' && (s[n - 1] | 0x20) == 'd') && !word_is(c, k, SR_LEX_TIMES_TENSE_WORD))
            return 0;
    }
    if (word_is(c, k, SR_LEX_TIMES_FUTURE_CUE) || word_is(c, k, SR_LEX_TIMES_MODAL))
        return 1;
    size_t n = tl(c, k);
    const char *s = ts(c, k);
    if ((n > 3 && sr_ieq(s + n - 3, 3, "'ll")) || (n > 5 && sr_ieq(s + n - 5, 5, "\xe2\x80\x99ll")))
        return 1;
    /* "is due to open", "due on Friday"; not "fell due to the turmoil" */
    if (is(c, k, "due"))
        return !is(c, k + 1, "to") || word_is(c, k - 1, SR_LEX_TIMES_BE_FORM) ? 1 : 0;
    if (is(c, k, "set") && (is(c, k + 1, "to") || is(c, k + 1, "for")))
        return 1;
    /* "the event takes place on Oct. 14", "the talks begin on Monday" */
    if (word_is(c, k, SR_LEX_TIMES_SCHEDULE_VERB))
        return 1;
    /* "to be held", "is to open" */
    if (is(c, k, "be") && is(c, k - 1, "to"))
        return 1;
    if (is(c, k, "to") && (is(c, k - 1, "is") || is(c, k - 1, "are")) && verb_word(c, k + 1))
        return 1;
    if (word_is(c, k, SR_LEX_TIMES_PAST_AUX))
        return -1;
    if (word_is(c, k, SR_LEX_TIMES_PERFECT)) /* "has announced": past, "has been scheduled": ahead */
        return word_is(c, k + 1, SR_LEX_TIMES_FUTURE_CUE) || word_is(c, k + 2, SR_LEX_TIMES_FUTURE_CUE) ? 1
                                                                                                   : -1;
    bool aux_before = word_is(c, k - 1, SR_LEX_TIMES_BE_FORM) || word_is(c, k - 1, SR_LEX_TIMES_PERFECT) ||
                      word_is(c, k - 1, SR_LEX_TIMES_PAST_AUX);
    if (aux_before)
        return 0; /* a participle: its auxiliary decides */
    if (word_is(c, k, SR_LEX_TIMES_PAST_VERB) || ed_word(c, k))
        return -1;
    return 0;
}

/* Does a clause open at token k, read backwards: a semicolon, a colon, or
 * a word that opens a subordinate clause ("said that it wants to ... by
 * June": the tense of "said" is not the tense of "wants")? */
static bool clause_open(const cx *c, size_t k)
{
    return is_punct(c, k, ';') || is_punct(c, k, ':') || word_is(c, k, SR_LEX_TIMES_CLAUSE_OPENER);
}

/* Which way from the document date the expression at tokens [i, end)
 * points, from the tense of its clause: the nearest word that tells,
 * before it (up to the clause's start), else just after it ("A June 3
 * hearing has been scheduled").  +1 ahead, -1 back, 0 nothing tells. */
static int direction(const cx *c, size_t i, size_t end)
{
    for (size_t k = i; k > c->s0 && i - k < 30;) {
        k--;
        if (clause_open(c, k))
            break;
        int t = tense_word(c, k);
        if (t)
            return t;
    }
    /* a date that opens its sentence ("On Friday, the council will vote"):
     * its verb comes after the comma */
    bool fronted = true;
    for (size_t k = c->s0; k < i && fronted; k++)
        fronted = word_is(c, k, SR_LEX_TIMES_LEAD);
    for (size_t k = end; k < c->n && k < end + (fronted ? 12 : 8); k++) {
        if (fronted && k == end && is_punct(c, k, ','))
            continue;
        if (is_punct(c, k, ';') || is_punct(c, k, ':') || is_punct(c, k, ','))
            break;
        int t = tense_word(c, k);
        if (t)
            return t;
    }
    return 0;
}

/* "until Friday", "by September": a limit ahead ("has kept the markets
 * closed until Friday", "will finish by September"), unless the clause
 * is in the past ("was closed until Friday", "the truce held until
 * March", "the road remained closed until Monday", "By March the rebels
 * had taken the city").  A word in -ed counts only when no auxiliary
 * before it in the clause makes it a participle. */
static int limit_direction(const cx *c, size_t i, size_t end)
{
    bool ed = false;
    for (size_t k = i; k > c->s0 && i - k < 30;) {
        k--;
        if (clause_open(c, k))
            break;
        if (!verb_word(c, k))
            continue;
        if (word_is(c, k, SR_LEX_TIMES_PAST_AUX))
            return -1;
        if (word_is(c, k, SR_LEX_TIMES_PERFECT) || word_is(c, k, SR_LEX_TIMES_FUTURE_CUE) ||
            word_is(c, k, SR_LEX_TIMES_MODAL))
            return 1;
        if (word_is(c, k, SR_LEX_TIMES_PAST_VERB) && !word_is(c, k - 1, SR_LEX_TIMES_BE_FORM) &&
            !word_is(c, k - 1, SR_LEX_TIMES_PERFECT) && !word_is(c, k - 1, SR_LEX_TIMES_PAST_AUX))
            return -1; /* "the truce held until"; not "has kept ... until" */
        ed = ed || ed_word(c, k);
    }
    for (size_t k = end; k < c->n && k < end + 12; k++)
        if (verb_word(c, k) && word_is(c, k, SR_LEX_TIMES_PAST_AUX))
            return -1;
    return ed ? -1 : 1;
}

/* Does the expression at tokens [i, end) point ahead? */
static bool future_cue(const cx *c, size_t i, size_t end)
{
    int r = i > c->s0 ? word_value(c, i - 1, SR_LEX_TIMES_RELATION, 0) : 0;
    if (r == SR_LEXE_TIMES_RELATION_REL_BY || r == SR_LEXE_TIMES_RELATION_REL_UNTIL)
        return limit_direction(c, i, end) > 0;
    return direction(c, i, end) > 0;
}

/* ---- resolution of pending points ---- */

static bool place_yearless(const cx *c, ex *e, int y)
{
    int last = sr_days_in_month(y, e->ym);
    if (e->yd1 > last)
        return false;
    int d2 = e->yd2 ? e->yd2 : last;
    if (d2 > last)
        d2 = last;
    set_iv(e, mkdate(y, e->ym, e->yd1), mkdate(y, e->ym, d2), e->prec);
    if (e->mod) { /* "early June": its value is June */
        e->vfrom = mkdate(y, e->ym, 1);
        e->vto = mkdate(y, e->ym, last);
    }
    (void)c;
    return true;
}

/* The year a pending month (or month and day) falls in. */
static int yearless_year(const cx *c, const ex *e, bool future)
{
    const sr_date *a = &c->a;
    int y = a->year, m = e->ym;
    if (e->prec == SR_PREC_DAY) {
        int d = e->yd1;
        if (d > sr_days_in_month(y, m))
            d = sr_days_in_month(y, m);
        sr_date x = mkdate(y, m, d);
        if (e->rule == R_NEXT)
            return sr_date_cmp(&x, a) < 0 ? y + 1 : y;
        if (future) /* ahead, but not a year ahead for a day of the week just past
                       ("the vote, set for July 12, was delayed" on July 17) */
            return days_of(&x) < days_of(a) - 7 ? y + 1 : y;
        if (e->rule == R_THIS)
            return y;
        return days_of(&x) > days_of(a) + 7 ? y - 1 : y;
    }
    switch (e->rule) {
    case R_THIS: return y;
    case R_LAST: return m < a->month ? y : y - 1;
    case R_NEXT: return m > a->month ? y : y + 1;
    default:
        if (future)
            return m >= a->month ? y : y + 1;
        return m <= a->month ? y : y - 1;
    }
}

/* Places a pending point against the anchor. */
static bool finish_future(const cx *c, ex *e, bool future)
{
    if (e->pend == P_NONE)
        return !e->rel || c->anchored;
    if (!c->anchored)
        return false;
    const sr_date *a = &c->a;
    if (e->pend == P_WEEKDAY) {
        int wa = sr_date_weekday(a);
        long back = (wa - e->wd + 7) % 7, ahead = (e->wd - wa + 7) % 7;
        sr_date d;
        if (e->rule == R_NEXT)
            d = sr_date_add_days(a, ahead ? ahead : 7);
        else if (e->rule == R_LAST)
            d = sr_date_add_days(a, -(back ? back : 7));
        else if (future)
            d = sr_date_add_days(a, ahead);
        else
            d = sr_date_add_days(a, -back);
        day_iv(e, d);
        return true;
    }
    int y = yearless_year(c, e, future);
    if (e->wd && e->prec == SR_PREC_DAY) {
        /* "Wednesday, July 17": the year whose July 17 is a Wednesday */
        const int tries[3] = {y, y - 1, y + 1};
        for (int k = 0; k < 3; k++) {
            if (e->yd1 > sr_days_in_month(tries[k], e->ym))
                continue;
            sr_date x = mkdate(tries[k], e->ym, e->yd1);
            if (sr_date_weekday(&x) == e->wd) {
                y = tries[k];
                break;
            }
        }
    }
    return place_yearless(c, e, y);
}

static bool finish(const cx *c, size_t i, ex *e)
{
    bool future = e->pend != P_NONE && c->anchored && future_cue(c, i, e->end);
    return finish_future(c, e, future);
}

/* Narrows a point to its early (1), middle (2) or late (3) part. */
static void narrow(ex *e, int mod)
{
    e->mod = mod; /* SR_MOD_START, _MID, _END are 1, 2, 3 */
    if (e->pend == P_YEARLESS && e->prec == SR_PREC_MONTH) {
        static const int d1[4] = {0, 1, 11, 21}, d2[4] = {0, 10, 20, 0};
        e->yd1 = d1[mod];
        e->yd2 = d2[mod];
        return;
    }
    if (e->pend != P_NONE)
        return;
    int y = e->from.year;
    switch (e->prec) {
    case SR_PREC_YEAR: {
        int m1 = 1 + (mod - 1) * 4, m2 = m1 + 3;
        e->from = mkdate(y, m1, 1);
        e->to = mkdate(y, m2, sr_days_in_month(y, m2));
        break;
    }
    case SR_PREC_MONTH: {
        int m = e->from.month;
        e->from.day = mod == 1 ? 1 : mod == 2 ? 11 : 21;
        e->to.day = mod == 1 ? 10 : mod == 2 ? 20 : sr_days_in_month(y, m);
        break;
    }
    case SR_PREC_DECADE: {
        int d = y - y % 10;
        int y1 = mod == 1 ? d : mod == 2 ? d + 4 : d + 7;
        int y2 = mod == 1 ? d + 3 : mod == 2 ? d + 6 : d + 9;
        e->from = mkdate(y1, 1, 1);
        e->to = mkdate(y2, 12, 31);
        break;
    }
    default:
        break;
    }
}

/* The part (1 early, 2 middle, 3 late) a modifier at token i names when
 * it is of form `form` (SR_LEXE_TIMES_MODIFIER_FORM_*), else 0. */
static int modifier(const cx *c, size_t i, int form)
{
    sr_lexid id = lex_at(c, i);
    return sr_lex_value(id, SR_LEX_TIMES_MODIFIER, SR_LEXCOL_TIMES_MODIFIER_FORM) == form
               ? sr_lex_value(id, SR_LEX_TIMES_MODIFIER, SR_LEXCOL_TIMES_MODIFIER_PART)
               : 0;
}

/* ---- points ---- */

static void quote(const cx *c, ex *e, size_t first, size_t end)
{
    e->qstart = c->t[first].start;
    e->qend = tend(c, end - 1);
    e->end = end;
}

/* The index of the token ending at byte `at`, or 0 (never a valid end). */
static size_t token_ending(const cx *c, size_t i, uint32_t at)
{
    for (size_t k = i; k < c->n && k < i + 12; k++) {
        if (c->t[k].end == at)
            return k + 1;
        if (c->t[k].end > at)
            break;
    }
    return 0;
}

/* "the year", "this year", "last year", "next year", "2024" after "of". */
static bool of_year(const cx *c, size_t i, int *y, size_t *end, bool *rel)
{
    *rel = false;
    int v = year_number(c, i);
    if (v) {
        *y = v;
        *end = i + 1;
        return true;
    }
    if (!c->anchored)
        return false;
    *rel = true;
    bool pl;
    if (unit_at(c, i + 1, &pl) != U_YEAR || pl)
        return false;
    int32_t rule = word_value(c, i, SR_LEX_TIMES_RULE, 0);
    if (!rule && !is(c, i, "the"))
        return false;
    /* this year, last year, next year; "the year": the one the anchor rule picks (0) */
    *y = rule == SR_LEXE_TIMES_RULE_RULE_THIS   ? c->a.year
         : rule == SR_LEXE_TIMES_RULE_RULE_LAST ? c->a.year - 1
         : rule == SR_LEXE_TIMES_RULE_RULE_NEXT ? c->a.year + 1
                                                : 0;
    *end = i + 2;
    return true;
}

/* A month, or a month and day(s), without a year, pending. */
static void yearless(ex *e, int m, int d1, int d2, int rule)
{
    e->pend = P_YEARLESS;
    e->kind = SR_TIME_DATE;
    e->ym = m;
    e->yd1 = d1 ? d1 : 1;
    e->yd2 = d1 ? (d2 ? d2 : d1) : 0;
    e->prec = d1 ? SR_PREC_DAY : SR_PREC_MONTH;
    e->rule = rule;
    e->rel = true;
}

/* Relative points: yesterday, last week, this year, earlier this month. */
static bool relative(const cx *c, size_t i, ex *e)
{
    const sr_date *a = &c->a;
    sr_date d;
    e->rel = true;
    /* today, yesterday, tomorrow, tonight, the day before yesterday */
    sr_lexid did;
    size_t dn = phrase_at(c, i, SR_LEX_TIMES_DAY_WORD, &did);
    if (dn) {
        day_iv(e, sr_date_add_days(a, sr_lex_value(did, SR_LEX_TIMES_DAY_WORD, 0)));
        quote(c, e, i, i + dn);
        return true;
    }
    /* over the weekend: the Saturday and Sunday just past (or this one) */
    if (is(c, i, "the") && word_is(c, i + 1, SR_LEX_TIMES_WEEKEND) && word_is(c, i - 1, SR_LEX_TIMES_WEEKEND_PREP)) {
        int wa = sr_date_weekday(a);
        sr_date sat = sr_date_add_days(a, wa >= 6 ? -(wa - 6) : -(wa + 1));
        set_iv(e, sat, sr_date_add_days(&sat, 1), SR_PREC_WEEK);
        quote(c, e, i, i + 2);
        return true;
    }
    /* so far this year / month / week; so far in 2024 */
    sr_lexid sf;
    if (phrase_at(c, i, SR_LEX_TIMES_SO_FAR, &sf) == 2) {
        if (word_value(c, i + 2, SR_LEX_TIMES_RULE, 0) == SR_LEXE_TIMES_RULE_RULE_THIS) {
            bool pl;
            int u = unit_at(c, i + 3, &pl);
            if (pl || (u != U_YEAR && u != U_MONTH && u != U_WEEK))
                return false;
            if (u == U_YEAR)
                year_iv(e, a->year);
            else if (u == U_MONTH)
                month_iv(e, a->year, a->month);
            else
                week_iv(e, *a);
            e->to = *a;
            quote(c, e, i, i + 4);
            return true;
        }
        int y = is(c, i + 2, "in") ? year_number(c, i + 3) : 0;
        if (y && y <= a->year) {
            year_iv(e, y);
            e->to = *a;
            quote(c, e, i, i + 4);
            return true;
        }
        return false;
    }
    /* [earlier|later] this/last/next week|month|year|weekend */
    size_t k = i;
    int part = word_value(c, k, SR_LEX_TIMES_EARLIER_LATER, 0); /* 1 earlier, 2 later */
    if (part && word_value(c, k + 1, SR_LEX_TIMES_RULE, 0) == SR_LEXE_TIMES_RULE_RULE_THIS)
        k++;
    else
        part = 0;
    int32_t rv = word_value(c, k, SR_LEX_TIMES_RULE, 0);
    int rule = rv == SR_LEXE_TIMES_RULE_RULE_THIS   ? R_THIS
               : rv == SR_LEXE_TIMES_RULE_RULE_LAST ? R_LAST
               : rv == SR_LEXE_TIMES_RULE_RULE_NEXT ? R_NEXT
                                                    : -1;
    if (rule < 0)
        return false;
    bool pl;
    int u = unit_at(c, k + 1, &pl);
    if (pl)
        return false;
    int step = rule == R_LAST ? -1 : rule == R_NEXT ? 1 : 0;
    if (u == U_WEEK) {
        week_iv(e, sr_date_add_days(a, 7 * step));
    } else if (u == U_MONTH) {
        d = sr_date_add_months(a, step);
        month_iv(e, d.year, d.month);
    } else if (u == U_YEAR) {
        year_iv(e, a->year + step);
    } else if (word_is(c, k + 1, SR_LEX_TIMES_WEEKEND)) {
        /* the Saturday and Sunday of the week (this), of the week before (last) */
        sr_date mon = sr_date_add_days(a, -(sr_date_weekday(a) - 1) + 7 * step);
        if (rule == R_THIS && sr_date_weekday(a) < 6 && !future_cue(c, i, k + 2))
            mon = sr_date_add_days(&mon, -7); /* this weekend, said on a weekday: the one just past */
        set_iv(e, sr_date_add_days(&mon, 5), sr_date_add_days(&mon, 6), SR_PREC_WEEK);
    } else {
        /* this/last/next + month name or weekday: pending */
        int m = month_at(c, k + 1, false);
        int w = weekday_at(c, k + 1);
        if (part || (!m && !w))
            return false;
        if (m) {
            yearless(e, m, 0, 0, rule);
        } else {
            e->pend = P_WEEKDAY;
            e->wd = w;
            e->rule = rule == R_THIS ? R_PAST : rule;
            e->prec = SR_PREC_DAY;
            e->kind = SR_TIME_DATE;
        }
        quote(c, e, i, k + 2);
        return true;
    }
    if (part == 1 && rule == R_THIS) {
        sr_date prev = sr_date_add_days(a, -1);
        e->to = sr_date_cmp(&prev, &e->from) < 0 ? e->from : prev;
    } else if (part == 2 && rule == R_THIS) {
        sr_date nx = sr_date_add_days(a, 1);
        e->from = sr_date_cmp(&nx, &e->to) > 0 ? e->to : nx;
    } else if (part) {
        return false;
    }
    quote(c, e, i, k + 2);
    return true;
}

/* "mid-2023", "mid-March", "mid-1990s" (one token). */
static bool mid_token(const cx *c, size_t i, ex *e)
{
    if (!is_word(c, i) || tl(c, i) < 7 || !sr_istarts(ts(c, i), tl(c, i), "mid-"))
        return false;
    const char *s = ts(c, i) + 4;
    size_t n = tl(c, i) - 4;
    if ((n == 4 || (n == 5 && s[4] == 's')) && is_dig(s[0]) && is_dig(s[1]) && is_dig(s[2]) && is_dig(s[3])) {
        int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        if (y < 1900 || y > 2100 || (n == 5 && y % 10))
            return false;
        if (n == 5)
            set_iv(e, mkdate(y, 1, 1), mkdate(y + 9, 12, 31), SR_PREC_DECADE);
        else
            year_iv(e, y);
        quote(c, e, i, i + 1);
        narrow(e, 2);
        return true;
    }
    int m = sr_month_number(s, n);
    if (!m || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    int y = year_number(c, i + 1);
    if (y) {
        month_iv(e, y, m);
        quote(c, e, i, i + 2);
    } else {
        yearless(e, m, 0, 0, R_PAST);
        quote(c, e, i, i + 1);
    }
    narrow(e, 2);
    return true;
}

/* An absolute date sr_date_at reads, starting at token i. */
static bool absolute(const cx *c, size_t i, ex *e)
{
    if (!in(c, i))
        return false;
    if (c->t[i].kind == SITREP_TOK_WORD) {
        if (!capital(c, i) || (!sr_month_number(ts(c, i), tl(c, i)) && !weekday_at(c, i) &&
                               !sr_weekday_name(ts(c, i), tl(c, i))))
            return false;
    } else if (c->t[i].kind != SITREP_TOK_NUMBER) {
        return false;
    }
    sr_date d;
    size_t used;
    uint32_t at = c->t[i].start;
    size_t limit = c->t[c->n - 1].end - at;
    if (!sr_date_at(ts(c, i), limit, &d, &used))
        return false;
    size_t end = token_ending(c, i, at + (uint32_t)used);
    if (!end)
        return false;
    if (d.day == 0)
        month_iv(e, d.year, d.month);
    else
        day_iv(e, d);
    quote(c, e, i, end);
    return true;
}

/* 07/17/2024 (US order unless the first number cannot be a month). */
static bool slashed(const cx *c, size_t i, ex *e)
{
    size_t n1, n2, n3;
    long a = plain(c, i, &n1), b, y;
    if (a < 1 || n1 > 2 || !touch(c, i) || !is_punct(c, i + 1, '/') || !touch(c, i + 1))
        return false;
    b = plain(c, i + 2, &n2);
    if (b < 1 || n2 > 2 || !touch(c, i + 2) || !is_punct(c, i + 3, '/') || !touch(c, i + 3))
        return false;
    y = plain(c, i + 4, &n3);
    if (y < 0)
        return false;
    if (n3 == 2 && c->anchored) /* 7/8/07: the century that puts it at most a year ahead */
        y += y <= c->a.year % 100 + 1 ? c->a.year / 100 * 100 : (c->a.year / 100 - 1) * 100;
    else if (n3 != 4)
        return false;
    if (y < 1900 || y > 2100 || (touch(c, i + 4) && is_punct(c, i + 5, '/')))
        return false;
    long m = a, d = b;
    if (a > 12) {
        m = b;
        d = a;
    }
    if (m < 1 || m > 12 || d > sr_days_in_month((int)y, (int)m))
        return false;
    day_iv(e, mkdate((int)y, (int)m, (int)d));
    quote(c, e, i, i + 5);
    return true;
}

/* A month and day without a year: "June 22", "July 17-18", "22 June",
 * "the 5th of March"; a weekday may come first ("Tuesday, July 16"). */
static bool month_day(const cx *c, size_t i, ex *e, int wd, size_t first)
{
    int m = month_at(c, i, true), d;
    size_t k = i + 1;
    if (m) {
        if (is_punct(c, k, '.'))
            k++;
        d = day_number(c, k);
        if (!d || (is_punct(c, k + 1, ':') && touch(c, k)))
            return false;
        k++;
        int d2 = 0;
        if (touch(c, k - 1) && is_dash(c, k) && touch(c, k)) {
            int x = day_number(c, k + 1);
            if (x > d) {
                d2 = x;
                k += 2;
            }
        } else if (is(c, k, "and") || is(c, k, "to") || is(c, k, "through")) {
            /* "On July 25 and 26": both days; not "July 25 and 26 others" */
            int x = day_number(c, k + 1);
            if (x > d && !month_at(c, k + 2, true) && !noun_follows(c, k + 2)) {
                d2 = x;
                k += 2;
            }
        }
        yearless(e, m, d, d2, R_PAST);
    } else {
        d = day_number(c, i);
        if (!d)
            return false;
        bool of = is(c, k, "of");
        if (of)
            k++;
        /* "3 March", "3 Mar", "3 Mar. 2008" (not "3 of Mar"; not an
         * abbreviation before a two-digit year: a wire dateline's "3 JAN
         * 90" is the report's, not the story's) */
        m = month_at(c, k, !of);
        if (!m)
            return false;
        size_t mt = k++;
        bool full = tl(c, mt) >= 5 || month_at(c, mt, false);
        if (!full && is_punct(c, k, '.') && touch(c, mt))
            k++;
        size_t yd = 0;
        if (!full && plain(c, k, &yd) >= 0 && yd == 2)
            return false;
        yearless(e, m, d, 0, R_PAST);
    }
    if (d > (m == 2 ? 29 : sr_days_in_month(2001, m)))
        return false;
    /* "the March 8 Alliance": a name */
    if (is(c, first - 1, "the") && is_word(c, k) && capital(c, k) && !weekday_at(c, k))
        return false;
    e->wd = wd;
    quote(c, e, first, k);
    return true;
}

/* Weekdays: "Tuesday", "Tuesday night", "Tuesday, July 16". */
static bool weekday(const cx *c, size_t i, ex *e)
{
    int w = weekday_at(c, i);
    if (!w)
        return false;
    size_t k = i + 1;
    if (is_punct(c, k, ','))
        k++;
    if (month_day(c, k, e, w, i))
        return true;
    /* "The Sunday Times", "Bloody Sunday": names, not days */
    if ((is(c, i - 1, "the") && capital(c, i + 1) && !month_at(c, i + 1, true) &&
         tl(c, i) == c->t[i].end - c->t[i].start) ||
        word_is(c, i - 1, SR_LEX_TIMES_WEEKDAY_NAME))
        return false;
    memset(e, 0, sizeof *e);
    e->pend = P_WEEKDAY;
    e->wd = w;
    e->rule = R_PAST;
    e->prec = SR_PREC_DAY;
    e->kind = SR_TIME_DATE;
    e->rel = true;
    k = i + 1;
    if (word_is(c, k, SR_LEX_TIMES_PART_OF_DAY))
        k++;
    quote(c, e, i, k);
    return true;
}

/* The context of point(): CTX_NO, CTX_YES, or CTX_ASK when trigger(c, i)
 * decides; it is asked only once a bare month or year needs it, which
 * keeps its word list off most tokens. */
enum { CTX_NO, CTX_YES, CTX_ASK };

static bool has_ctx(const cx *c, size_t i, int ctx)
{
    return ctx == CTX_ASK ? trigger(c, i) : ctx == CTX_YES;
}

/* A month alone (in context), with "of 2023" / "of last year" after it. */
static bool month_alone(const cx *c, size_t i, ex *e, int ctx)
{
    int m = month_at(c, i, false);
    if (!m && touch(c, i) && is_punct(c, i + 1, '.'))
        m = month_at(c, i, true); /* "in Nov." */
    if (!m || !(has_ctx(c, i, ctx) || year_modifier(c, i)))
        return false; /* "in March", "their January sales" */
    int y;
    size_t end;
    bool rel;
    if (is(c, i + 1, "of") && of_year(c, i + 2, &y, &end, &rel) && y) {
        month_iv(e, y, m);
        e->rel = rel;
        quote(c, e, i, end);
        return true;
    }
    yearless(e, m, 0, 0, R_PAST);
    quote(c, e, i, i + 1);
    return true;
}

/* A year in context ("in 2023"), a year range ("2019-2021"), a decade
 * ("1990s"). */
static bool year_or_decade(const cx *c, size_t i, ex *e, int ctx)
{
    long v;
    size_t nd, sn;
    const char *suf;
    if (!number(c, i, &v, &nd, &suf, &sn) || nd != 4 || v < 1900 || v > 2100)
        return false;
    int y = (int)v;
    if (sn == 1 && suf[0] == 's' && y % 10 == 0 && y <= 2090) {
        set_iv(e, mkdate(y, 1, 1), mkdate(y + 9, 12, 31), SR_PREC_DECADE);
        quote(c, e, i, i + 1);
        return true;
    }
    /* in context, modifying a noun, or a possessive ("2018's vote": the
     * number, an apostrophe, "s") */
    bool poss = touch(c, i) && in(c, i + 1) && c->t[i + 1].kind == SITREP_TOK_PUNCT && touch(c, i + 1) &&
                (is_punct(c, i + 1, '\'') ||
                 (c->t[i + 1].end - c->t[i + 1].start == 3 && memcmp(ts(c, i + 1), "\xe2\x80\x99", 3) == 0)) &&
                is(c, i + 2, "s");
    if (poss && sn == 0 && y % 10 == 0 && y <= 2090 &&
        (is(c, i - 1, "the") || modifier(c, i - 1, SR_LEXE_TIMES_MODIFIER_FORM_ADJECTIVE))) {
        /* "the 1980's": the decade */
        set_iv(e, mkdate(y, 1, 1), mkdate(y + 9, 12, 31), SR_PREC_DECADE);
        quote(c, e, i, i + 3);
        return true;
    }
    if (sn != 0 || !(has_ctx(c, i, ctx) || year_modifier(c, i) || poss))
        return false;
    /* "from 2000 to 3000 fighters", "of 2000 people": counts; not the
     * nouns of what a year is of after a determiner ("the 2006 results",
     * "its 2009 elections") */
    if (noun_follows(c, i + 1) && !(year_modifier(c, i) && word_is(c, i + 1, SR_LEX_TIMES_YEAR_NOUN)))
        return false;
    if ((is(c, i + 1, "to") || is(c, i + 1, "and")) && plain(c, i + 2, NULL) >= 0 && !year_number(c, i + 2))
        return false;
    year_iv(e, y);
    size_t end = i + 1;
    /* 2019-2021, 2019-20 */
    if (touch(c, i) && is_dash(c, i + 1) && touch(c, i + 1)) {
        size_t n2;
        long y2 = plain(c, i + 2, &n2);
        if (n2 == 2 && y2 >= 0)
            y2 += y / 100 * 100;
        if ((n2 == 2 || n2 == 4) && y2 > y && y2 <= y + 30) {
            e->to = e->vto = mkdate((int)y2, 12, 31); /* one expression: its value is the span */
            end = i + 3;
        }
    }
    quote(c, e, i, end);
    return true;
}

/* The season beginning in month m1 of year y. */
static void season_iv(ex *e, int y, int m1)
{
    sr_date from = mkdate(y, m1, 1), last = sr_date_add_months(&from, 2);
    set_iv(e, from, mkdate(last.year, last.month, sr_days_in_month(last.year, last.month)), SR_PREC_SEASON);
}

/* Seasons: "spring 2008", "the fall of 2008", "this summer", "last
 * winter" (the last one over by the document date), "next spring". */
static bool season(const cx *c, size_t i, ex *e)
{
    size_t k = i;
    int32_t rule = word_value(c, i, SR_LEX_TIMES_RULE, 0);
    bool the = !rule && is(c, i, "the");
    if (rule || the)
        k++;
    int m1 = word_value(c, k, SR_LEX_TIMES_SEASON, 0);
    if (!m1)
        return false;
    int y;
    size_t end;
    if (rule) {
        if (!c->anchored)
            return false;
        /* the instance that holds the document date, or the one before or after it */
        const sr_date *a = &c->a;
        y = a->year - (m1 == 12 && a->month < 3);
        sr_date from = mkdate(y, m1, 1), last = sr_date_add_months(&from, 2);
        sr_date to = mkdate(last.year, last.month, sr_days_in_month(last.year, last.month));
        if (rule == SR_LEXE_TIMES_RULE_RULE_LAST && sr_date_cmp(&to, a) >= 0)
            y--;
        else if (rule == SR_LEXE_TIMES_RULE_RULE_NEXT && sr_date_cmp(&from, a) <= 0)
            y++;
        end = k + 1;
        e->rel = true;
    } else if (the) {
        if (!is(c, k + 1, "of") || !(y = year_number(c, k + 2)))
            return false;
        end = k + 3;
    } else {
        if (!(y = year_number(c, k + 1)))
            return false;
        end = k + 2;
    }
    season_iv(e, y, m1);
    quote(c, e, i, end);
    return true;
}

/* Easter Sunday of year y (the Gregorian computus). */
static sr_date easter(int y)
{
    int a = y % 19, b = y / 100, cc = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = cc / 4, k = cc % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    return mkdate(y, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1);
}

/* The day of holiday `id` (times.holiday) in year y. */
static sr_date holiday_day(sr_lexid id, int y)
{
    int m = sr_lex_value(id, SR_LEX_TIMES_HOLIDAY, SR_LEXCOL_TIMES_HOLIDAY_MONTH);
    int d = sr_lex_value(id, SR_LEX_TIMES_HOLIDAY, SR_LEXCOL_TIMES_HOLIDAY_DAY);
    int wd = sr_lex_value(id, SR_LEX_TIMES_HOLIDAY, SR_LEXCOL_TIMES_HOLIDAY_WEEKDAY);
    int nth = sr_lex_value(id, SR_LEX_TIMES_HOLIDAY, SR_LEXCOL_TIMES_HOLIDAY_NTH);
    if (m == 0) {
        sr_date e = easter(y);
        return sr_date_add_days(&e, d);
    }
    if (wd) { /* the nth weekday wd of month m */
        sr_date first = mkdate(y, m, 1);
        return mkdate(y, m, 1 + (wd - sr_date_weekday(&first) + 7) % 7 + 7 * (nth - 1));
    }
    return mkdate(y, m, d);
}

/* Holidays: "Christmas Day", "New Year's Eve", "Easter Monday", "Good
 * Friday 2024": their day, in the year named after them or the one the
 * tense of the clause picks. */
static bool holiday(const cx *c, size_t i, ex *e)
{
    sr_lexid id;
    size_t n = capital(c, i) ? phrase_at(c, i, SR_LEX_TIMES_HOLIDAY, &id) : 0;
    /* "Christmas Island", "Easter Rising": names */
    if (!n || (is_word(c, i + n) && capital(c, i + n) && !(c->t[i + n].flags & SITREP_TOKF_SENT_START)))
        return false;
    /* "on Easter Sunday, April 8, 2012": the date itself says */
    if (is_punct(c, i + n, ',') && (month_at(c, i + n + 1, true) || day_number(c, i + n + 1)))
        return false;
    int y = year_number(c, i + n);
    /* a time after a preposition ("on Christmas Day", "before Easter", "at
     * Christmas") or with its year; "a Christmas party", "the Christmas
     * special" are no time */
    if (!y && (!(trigger(c, i) || is(c, i - 1, "at") || is(c, i - 1, "over")) ||
               (is_word(c, i + n) && !capital(c, i + n) &&
                !sr_wordset_has(&sr_function_words, ts(c, i + n), tl(c, i + n)))))
        return false;
    if (y) {
        day_iv(e, holiday_day(id, y));
        quote(c, e, i, i + n + 1);
        return true;
    }
    if (!c->anchored)
        return false;
    quote(c, e, i, i + n);
    const sr_date *a = &c->a;
    sr_date d = holiday_day(id, a->year);
    if (future_cue(c, i, i + n)) {
        if (sr_date_cmp(&d, a) < 0)
            d = holiday_day(id, a->year + 1);
    } else if (days_of(&d) > days_of(a) + 7) {
        d = holiday_day(id, a->year - 1);
    }
    day_iv(e, d);
    e->rel = true;
    return true;
}

/* Fiscal years: "fiscal 2008", "fiscal year 2008", "FY 2008": the
 * calendar year of the name, read as a fiscal year (its months vary). */
static bool fiscal(const cx *c, size_t i, ex *e)
{
    if (!word_is(c, i, SR_LEX_TIMES_FISCAL))
        return false;
    bool pl;
    size_t k = i + 1;
    if (unit_at(c, k, &pl) == U_YEAR && !pl)
        k++;
    int y = year_number(c, k);
    if (!y)
        return false;
    year_iv(e, y);
    e->prec = SR_PREC_FISCAL;
    quote(c, e, i, k + 1);
    return true;
}

/* A point in time at token i, maybe pending.  `ctx` (CTX_*): a word before
 * it makes a bare month or year a time ("in March", "since 2019"). */
static bool point(const cx *c, size_t i, ex *e, int ctx, int depth)
{
    memset(e, 0, sizeof *e);
    if (!in(c, i))
        return false;
    /* early/late/mid X; the end/start/middle of X */
    if (depth == 0 && is_word(c, i)) {
        size_t k = i, first = i;
        int mod = 0;
        /* "early 2009", "late on"; "the end of", "the beginning of" */
        if ((mod = modifier(c, k, SR_LEXE_TIMES_MODIFIER_FORM_ADJECTIVE)) && !is(c, k + 1, "on")) {
            k++;
        } else if (is(c, k, "the") && (mod = modifier(c, k + 1, SR_LEXE_TIMES_MODIFIER_FORM_NOUN)) &&
                   is(c, k + 2, "of")) {
            k += 3;
        } else {
            mod = 0;
        }
        if (mod) {
            ex in;
            memset(&in, 0, sizeof in);
            /* "the end of the year", "the end of the month": the document date's */
            bool pl;
            int u = is(c, k, "the") ? unit_at(c, k + 1, &pl) : U_NONE;
            if ((u == U_YEAR || u == U_MONTH || u == U_WEEK) && !pl && c->anchored) {
                if (u == U_YEAR)
                    year_iv(&in, c->a.year);
                else if (u == U_MONTH)
                    month_iv(&in, c->a.year, c->a.month);
                else
                    week_iv(&in, c->a);
                in.rel = true;
                quote(c, &in, k, k + 2);
            } else if (!point(c, k, &in, CTX_YES, depth + 1)) {
                return false;
            }
            if (in.kind != SR_TIME_DATE)
                return false;
            *e = in;
            narrow(e, mod);
            e->qstart = c->t[first].start;
            return true;
        }
    }
    if (mid_token(c, i, e))
        return true;
    if (season(c, i, e) || fiscal(c, i, e) || holiday(c, i, e))
        return true;
    memset(e, 0, sizeof *e);
    if (c->anchored && relative(c, i, e))
        return true;
    memset(e, 0, sizeof *e);
    if (absolute(c, i, e) || slashed(c, i, e))
        return true;
    if (weekday(c, i, e))
        return true;
    memset(e, 0, sizeof *e);
    if (month_day(c, i, e, 0, i))
        return true;
    memset(e, 0, sizeof *e);
    return month_alone(c, i, e, ctx) || year_or_decade(c, i, e, ctx);
}

/* ---- compound expressions ---- */

/* since X: from X to the anchor. */
static bool since(const cx *c, size_t i, ex *e)
{
    if (!is(c, i, "since") || !c->anchored)
        return false;
    if (!point(c, i + 1, e, CTX_YES, 0) || e->kind != SR_TIME_DATE || !finish(c, i + 1, e))
        return false;
    if (sr_date_cmp(&e->from, &c->a) > 0)
        return false;
    e->to = c->a;
    e->relation = SR_REL_SINCE;
    return true;
}

/* The year of a pending X placed before a resolved Y. */
static int year_before(const ex *x, const ex *y)
{
    int yy = y->from.year;
    if (x->ym > y->from.month || (x->ym == y->from.month && x->yd1 > y->from.day))
        yy--;
    return yy;
}

/* between X and Y; from X to/until/through Y: each end its own
 * expression with its own value (TimeML marks "2009" and "2011" in "from
 * 2009 to 2011"), both with the range as their period. */
static bool range(const cx *c, size_t i, ex *e, ex *e2)
{
    bool between = is(c, i, "between");
    if (!between && !is(c, i, "from"))
        return false;
    ex x, y;
    if (!point(c, i + 1, &x, CTX_YES, 0) || x.kind != SR_TIME_DATE)
        return false;
    size_t k = x.end;
    if (between ? !is(c, k, "and")
                : !(is(c, k, "to") || is(c, k, "until") || is(c, k, "till") || is(c, k, "through") ||
                    is_dash(c, k)))
        return false;
    if (!point(c, k + 1, &y, CTX_YES, 0) || y.kind != SR_TIME_DATE)
        return false;
    bool future = (x.pend != P_NONE || y.pend != P_NONE) && c->anchored && future_cue(c, i, y.end);
    if (x.pend == P_YEARLESS && y.pend == P_NONE) {
        if (!place_yearless(c, &x, year_before(&x, &y)))
            return false;
    } else if (x.pend == P_NONE && y.pend == P_YEARLESS) {
        int yy = x.from.year;
        if (y.ym < x.from.month || (y.ym == x.from.month && y.yd1 < x.from.day))
            yy++;
        if (!place_yearless(c, &y, yy))
            return false;
    } else {
        if (!finish_future(c, &y, future))
            return false;
        if (x.pend == P_YEARLESS) {
            if (!place_yearless(c, &x, year_before(&x, &y)))
                return false;
        } else if (!finish_future(c, &x, future)) {
            return false;
        }
    }
    if (sr_date_cmp(&x.to, &y.to) > 0 || sr_date_cmp(&x.from, &y.from) > 0)
        return false;
    x.to = y.to;
    y.from = x.from;
    x.relation = between ? SR_REL_BETWEEN : SR_REL_FROM;
    y.relation = between ? SR_REL_AND : SR_REL_TO;
    x.end = y.end; /* the scan goes on after the range */
    *e = x;
    *e2 = y;
    return true;
}

/* The period [m1, m2] of a year named by "of ..." after it, or the year
 * the anchor rule picks. */
static bool part_of_year(const cx *c, ex *e, size_t of_at, int m1, int m2, int prec)
{
    int y = 0;
    size_t end = of_at;
    bool rel = true;
    if (is(c, of_at, "of")) {
        if (!of_year(c, of_at + 1, &y, &end, &rel))
            return false;
    } else if (is_word(c, of_at) && !capital(c, of_at) && !is(c, of_at, "and") && !is(c, of_at, "when")) {
        /* "the first half hour", "the first quarter century" */
        bool pl;
        if (unit_at(c, of_at, &pl) || is(c, of_at, "century"))
            return false;
    }
    if (!y) {
        if (!c->anchored)
            return false;
        y = c->a.year;
        sr_date start = mkdate(y, m1, 1);
        if (sr_date_cmp(&start, &c->a) > 0)
            y--;
    }
    set_iv(e, mkdate(y, m1, 1), mkdate(y, m2, sr_days_in_month(y, m2)), prec);
    e->rel = rel;
    e->end = end;
    return true;
}

/* the first half of 2024, the second quarter, the first six months of the
 * year, Q1 2024, H2. */
static bool part(const cx *c, size_t i, ex *e)
{
    memset(e, 0, sizeof *e);
    /* Q1 2024, H1 */
    if (is_word(c, i) && tl(c, i) == 2 && capital(c, i)) {
        const char *s = ts(c, i);
        int q = s[1] - '0';
        bool quarter = s[0] == 'Q' && q >= 1 && q <= 4, half = s[0] == 'H' && (q == 1 || q == 2);
        if (!quarter && !half)
            return false;
        int y = year_number(c, i + 1);
        int m1 = quarter ? (q - 1) * 3 + 1 : (q - 1) * 6 + 1, m2 = m1 + (quarter ? 2 : 5);
        if (!y) {
            /* a bare "Q1" needs its context: "in Q1", "Q1 results" are too loose */
            if (!trigger(c, i) || !c->anchored)
                return false;
            y = c->a.year;
            sr_date start = mkdate(y, m1, 1);
            if (sr_date_cmp(&start, &c->a) > 0)
                y--;
            e->rel = true;
        }
        set_iv(e, mkdate(y, m1, 1), mkdate(y, m2, sr_days_in_month(y, m2)),
               quarter ? SR_PREC_QUARTER : SR_PREC_HALF);
        quote(c, e, i, y && year_number(c, i + 1) ? i + 2 : i + 1);
        return true;
    }
    size_t k = i;
    if (!is(c, k, "the"))
        return false;
    k++;
    int ord = word_value(c, k, SR_LEX_TIMES_ORDINAL, 0);
    bool last = false;
    if (!ord && word_is(c, k, SR_LEX_TIMES_LAST_PART))
        last = true;
    if (!ord && !last)
        return false;
    k++;
    bool wpl;
    if (unit_at(c, k, &wpl) == U_WEEK && !wpl && is(c, k + 1, "of") && ord <= 5) {
        /* the first week of June, the last week of March 2009: the ISO week
         * holding most of the month's days 1-7 (the last: its last seven) */
        ex m;
        if (!point(c, k + 2, &m, CTX_YES, 1) || m.kind != SR_TIME_DATE || m.prec != SR_PREC_MONTH ||
            !finish(c, k + 2, &m))
            return false;
        int dim = sr_days_in_month(m.vfrom.year, m.vfrom.month);
        int mid = ord ? (ord - 1) * 7 + 4 : dim - 3;
        if (mid > dim)
            return false;
        week_iv(e, mkdate(m.vfrom.year, m.vfrom.month, mid));
        e->rel = m.rel;
        quote(c, e, i, m.end);
        return true;
    }
    int parts = word_value(c, k, SR_LEX_TIMES_YEAR_PART, 0);
    if (parts) {
        bool half = parts == 2;
        if (last && !is(c, k + 1, "of")) {
            /* "the last quarter": the one before the anchor's */
            if (half || !c->anchored)
                return false;
            int q = (c->a.month - 1) / 3; /* 0-based, this quarter */
            int y = c->a.year;
            if (q == 0) {
                q = 4;
                y--;
            }
            int m1 = (q - 1) * 3 + 1;
            set_iv(e, mkdate(y, m1, 1), mkdate(y, m1 + 2, sr_days_in_month(y, m1 + 2)), SR_PREC_QUARTER);
            e->rel = true;
            quote(c, e, i, k + 1);
            return true;
        }
        int p = last ? parts : ord;
        if (p > parts)
            return false;
        int len = 12 / parts, m1 = (p - 1) * len + 1;
        if (!part_of_year(c, e, k + 1, m1, m1 + len - 1, half ? SR_PREC_HALF : SR_PREC_QUARTER))
            return false;
        quote(c, e, i, e->end);
        return true;
    }
    /* the first/last N months [of ...] */
    long nmon;
    bool art;
    size_t used = count_at(c, k, &nmon, &art);
    if (!used || art || (ord != 1 && !last) || nmon < 1 || nmon > 11)
        return false;
    bool pl;
    if (unit_at(c, k + used, &pl) != U_MONTH || !pl)
        return false;
    if (last && !is(c, k + used + 1, "of"))
        return false; /* "the last three months": rolling */
    int m1 = last ? 13 - (int)nmon : 1, m2 = last ? 12 : (int)nmon;
    int prec = nmon == 3 ? SR_PREC_QUARTER : nmon == 6 ? SR_PREC_HALF : SR_PREC_MONTH;
    if (!part_of_year(c, e, k + used + 1, m1, m2, prec))
        return false;
    quote(c, e, i, e->end);
    return true;
}

/* the past three months, over the last year, the next two weeks. */
static bool rolling(const cx *c, size_t i, ex *e)
{
    if (!c->anchored)
        return false;
    memset(e, 0, sizeof *e);
    bool the = is(c, i, "the");
    size_t k = the ? i + 1 : i;
    sr_lexid rid = lex_at(c, k);
    int dir = sr_lex_value(rid, SR_LEX_TIMES_ROLLING, SR_LEXCOL_TIMES_ROLLING_DIR);
    bool narrative = sr_lex_value(rid, SR_LEX_TIMES_ROLLING, SR_LEXCOL_TIMES_ROLLING_NARRATIVE) != 0;
    if (!dir)
        return false;
    long n = 1;
    bool art;
    size_t used = count_at(c, k + 1, &n, &art);
    if (art)
        return false;
    bool pl;
    int u = unit_at(c, k + 1 + used, &pl);
    if (!u || (pl && !used) || (!pl && used && n != 1))
        return false;
    if (!used) {
        /* "last year" is the calendar year; "the previous day", "the next
         * week" count from the story's events, not the article's date */
        if (!the && !is(c, k, "past"))
            return false;
        if (narrative)
            return false;
    }
    size_t end = k + 2 + used;
    if (word_is(c, end, SR_LEX_TIMES_AGO))
        return false;
    if (dir < 0)
        set_iv(e, shift(&c->a, u, n), c->a, unit_prec(u));
    else
        set_iv(e, c->a, shift(&c->a, u, -n), unit_prec(u));
    if (!used && the && word_value(c, k, SR_LEX_TIMES_RULE, 0) == SR_LEXE_TIMES_RULE_RULE_LAST &&
        (u == U_YEAR || u == U_MONTH || u == U_WEEK)) {
        /* "the last year": its value is the calendar year before (TimeML),
         * its period the twelve months to the document date */
        ex cal;
        memset(&cal, 0, sizeof cal);
        sr_date d = shift(&c->a, u, 1);
        if (u == U_YEAR)
            year_iv(&cal, d.year);
        else if (u == U_MONTH)
            month_iv(&cal, d.year, d.month);
        else
            week_iv(&cal, d);
        e->vfrom = cal.vfrom;
        e->vto = cal.vto;
    }
    e->rel = true;
    quote(c, e, i, end);
    return true;
}

/* two years ago, a decade ago, 10 days ago. */
static bool ago(const cx *c, size_t i, ex *e)
{
    if (!c->anchored)
        return false;
    memset(e, 0, sizeof *e);
    long n;
    bool art, pl;
    size_t used = count_at(c, i, &n, &art);
    if (!used)
        return false;
    int u = unit_at(c, i + used, &pl);
    if (!u || !word_is(c, i + used + 1, SR_LEX_TIMES_AGO))
        return false;
    const sr_date *a = &c->a;
    sr_date d = shift(a, u, n);
    switch (u) {
    case U_HOUR:
    case U_DAY: day_iv(e, d); break;
    case U_WEEK: week_iv(e, d); break;
    case U_MONTH: month_iv(e, d.year, d.month); break;
    default: year_iv(e, d.year); break; /* years and decades: the year */
    }
    e->rel = true;
    quote(c, e, i, i + used + 2);
    return true;
}

/* every Friday, each year, twice a week, three times a day. */
static bool set_expr(const cx *c, size_t i, ex *e)
{
    memset(e, 0, sizeof *e);
    size_t k;
    bool pl;
    int u = U_NONE;
    if (word_is(c, i, SR_LEX_TIMES_EVERY)) {
        u = unit_at(c, i + 1, &pl);
        if (u && !pl) {
            k = i + 2;
        } else if (weekday_at(c, i + 1) || word_is(c, i + 1, SR_LEX_TIMES_EVERY_PART)) {
            /* "every Friday", "each night", "every weekend" */
            int32_t p = word_value(c, i + 1, SR_LEX_TIMES_EVERY_PART, 0);
            u = p ? unit_of_enum(p) : U_DAY;
            k = i + 2;
        } else {
            return false;
        }
    } else {
        size_t j = i;
        if (word_is(c, j, SR_LEX_TIMES_TIMES_WORD)) {
            j++;
        } else {
            long n;
            bool art;
            size_t used = count_at(c, j, &n, &art);
            if (!used || art || !word_is(c, j + used, SR_LEX_TIMES_TIMES_COUNT))
                return false;
            j += used + 1;
        }
        if (!word_is(c, j, SR_LEX_TIMES_PER_UNIT) && !word_is(c, j, SR_LEX_TIMES_EVERY))
            return false;
        u = unit_at(c, j + 1, &pl);
        if (!u || pl)
            return false;
        k = j + 2;
    }
    e->kind = SR_TIME_SET;
    e->prec = unit_prec(u);
    quote(c, e, i, k);
    return true;
}

/* Words before "a year" that make it a rate, not a duration. */
static bool rate_before(const cx *c, size_t i)
{
    if (!in(c, i))
        return false;
    return c->t[i].kind == SITREP_TOK_NUMBER || c->t[i].kind == SITREP_TOK_SYMBOL ||
           word_is(c, i, SR_LEX_TIMES_RATE_BEFORE);
}

static void write_duration(ex *e, int u, long n)
{
    if (u == U_DECADE) {
        u = U_YEAR;
        n *= 10;
    }
    static const char units[] = {0, 'H', 'D', 'W', 'M', 'Y'};
    snprintf(e->dur, sizeof e->dur, "%s%d%c", u == U_HOUR ? "PT" : "P", (int)(n % 1000000), units[u]);
}

/* five years, 10 days, a decade, a 10-day truce, a two-year sentence. */
static bool duration(const cx *c, size_t i, ex *e)
{
    memset(e, 0, sizeof *e);
    long n;
    bool art, pl;
    int u;
    size_t end;
    /* one token: "two-year", "six-month" (not "two-year-old") */
    if (is_word(c, i) && !capital(c, i)) {
        const char *s = ts(c, i);
        size_t len = tl(c, i), h = 0;
        while (h < len && s[h] != '-')
            h++;
        if (h > 0 && h + 1 < len) {
            /* "one" to "twelve" */
            long v = sr_lex_value(sr_lex_find(s, h), SR_LEX_FIGURES_NUMBER_WORD, 0);
            if (v > 12)
                v = 0;
            u = v ? unit_of(s + h + 1, len - h - 1, &pl) : U_NONE;
            if (u && !pl && !word_is(c, i + 1, SR_LEX_TIMES_AGE)) {
                e->kind = SR_TIME_DURATION;
                e->prec = unit_prec(u);
                write_duration(e, u, v);
                quote(c, e, i, i + 1);
                return true;
            }
        }
    }
    size_t used = count_at(c, i, &n, &art);
    if (!used)
        return false;
    if (!art && capital(c, i) && c->t[i].kind == SITREP_TOK_WORD && !(c->t[i].flags & SITREP_TOKF_SENT_START))
        return false;
    size_t k = i + used;
    /* 10-day, 24-hour */
    if (c->t[i].kind == SITREP_TOK_NUMBER && used == 1 && touch(c, i) && is_dash(c, k) && touch(c, k)) {
        u = unit_at(c, k + 1, &pl);
        if (!u || pl || (is_dash(c, k + 2) && word_is(c, k + 3, SR_LEX_TIMES_AGE)) || word_is(c, k + 2, SR_LEX_TIMES_AGE))
            return false;
        end = k + 2;
    } else {
        u = unit_at(c, k, &pl);
        if (!u)
            return false;
        if (art || n == 1) {
            if (pl)
                return false;
        }
        end = k + 1;
        if (word_is(c, end, SR_LEX_TIMES_AGE) || word_is(c, end, SR_LEX_TIMES_AGO) ||
            (is_dash(c, end) && word_is(c, end + 1, SR_LEX_TIMES_AGE)))
            return false;
        if (art && rate_before(c, i - 1))
            return false;
        if (n == 1 && u == U_DAY && is(c, i, "one"))
            return false; /* "one day" is "some day" */
    }
    e->kind = SR_TIME_DURATION;
    e->prec = unit_prec(u);
    write_duration(e, u, n);
    quote(c, e, i, end);
    return true;
}

/* 3 p.m., 3pm, 10:30 a.m., 16:45 GMT, 0300 GMT, noon, midnight. */
static bool time_of_day(const cx *c, size_t i, ex *e)
{
    memset(e, 0, sizeof *e);
    size_t end = 0;
    if (word_is(c, i, SR_LEX_TIMES_CLOCK_WORD) && word_is(c, i - 1, SR_LEX_TIMES_CLOCK_PREP)) {
        end = i + 1;
    } else {
        long v;
        size_t nd, sn;
        const char *suf;
        if (!number(c, i, &v, &nd, &suf, &sn))
            return false;
        if (sn == 2 && nd <= 2 && v >= 1 && v <= 12 && sr_lex_in(sr_lex_find(suf, 2), SR_LEX_TIMES_AMPM)) {
            end = i + 1; /* 3pm */
        } else if (sn == 0 && nd <= 2 && v <= 23 && touch(c, i) && is_punct(c, i + 1, ':') &&
                   touch(c, i + 1)) {
            size_t nm, sm;
            long mins;
            const char *s2;
            if (!number(c, i + 2, &mins, &nm, &s2, &sm) || nm != 2 || mins > 59)
                return false;
            if (sm && !(sm == 2 && sr_lex_in(sr_lex_find(s2, 2), SR_LEX_TIMES_AMPM)))
                return false;
            end = i + 3;
            if (!sm && word_is(c, end, SR_LEX_TIMES_AMPM))
                end++;
            else if (!sm && word_is(c, end, SR_LEX_TIMES_ZONE))
                end += phrase_at(c, end, SR_LEX_TIMES_ZONE, &(sr_lexid){0});
        } else if (sn == 0 && nd <= 2 && v >= 1 && v <= 12 && word_is(c, i + 1, SR_LEX_TIMES_AMPM)) {
            end = i + 2;
        } else if (sn == 0 && nd == 4 && v % 100 < 60 && v / 100 < 24 &&
                   word_value(c, i + 1, SR_LEX_TIMES_ZONE, 0)) {
            end = i + 2; /* 0300 GMT */
        } else {
            return false;
        }
    }
    e->kind = SR_TIME_TIME;
    e->prec = SR_PREC_DAY;
    quote(c, e, i, end);
    return true;
}

/* ---- anaphora ---- */

enum { G_ANY = 0 };

/* The date d coarsened to precision `prec` (its day, week, month, ...). */
static void coarsen(ex *e, sr_date d, int prec)
{
    switch (prec) {
    case SR_PREC_DAY: day_iv(e, d); break;
    case SR_PREC_WEEK: week_iv(e, d); break;
    case SR_PREC_MONTH: month_iv(e, d.year, d.month); break;
    case SR_PREC_QUARTER: {
        int m1 = (d.month - 1) / 3 * 3 + 1;
        set_iv(e, mkdate(d.year, m1, 1), mkdate(d.year, m1 + 2, sr_days_in_month(d.year, m1 + 2)),
               SR_PREC_QUARTER);
        break;
    }
    case SR_PREC_HALF: {
        int m1 = d.month <= 6 ? 1 : 7;
        set_iv(e, mkdate(d.year, m1, 1), mkdate(d.year, m1 + 5, sr_days_in_month(d.year, m1 + 5)),
               SR_PREC_HALF);
        break;
    }
    case SR_PREC_DECADE: {
        int y = d.year - d.year % 10;
        set_iv(e, mkdate(y, 1, 1), mkdate(y + 9, 12, 31), SR_PREC_DECADE);
        break;
    }
    default: year_iv(e, d.year); break;
    }
}

/* The latest date in focus whose precision is `gran` or finer (any when
 * G_ANY), coarsened to `gran`, into *e; false when none. */
static bool focus_at(const cx *c, int gran, ex *e)
{
    for (int k = c->nfocus; k-- > 0;) {
        int p = c->focus[k].prec;
        if (gran != G_ANY && p > gran)
            continue;
        coarsen(e, c->focus[k].from, gran == G_ANY ? p : gran);
        return true;
    }
    return false;
}

/* Moves a resolved date n units (U_*) ahead (back when n < 0), keeping its
 * precision. */
static void move(ex *e, int unit, long n)
{
    sr_date d = shift(&e->vfrom, unit, -n);
    switch (e->prec) {
    case SR_PREC_DAY: day_iv(e, d); break;
    case SR_PREC_WEEK: week_iv(e, d); break;
    case SR_PREC_MONTH: month_iv(e, d.year, d.month); break;
    case SR_PREC_YEAR: year_iv(e, d.year); break;
    default: {
        int prec = e->prec;
        sr_date t = shift(&e->vto, unit, -n);
        set_iv(e, d, t, prec);
        break;
    }
    }
}

/* The granularity an anaphor's unit word at i names (SR_PREC_*, G_ANY),
 * -1 when it names none. */
static int anaphor_gran(const cx *c, size_t i)
{
    static const int grans[] = {[SR_LEXE_TIMES_ANAPHOR_UNIT_GRAN_DAY] = SR_PREC_DAY,
                                [SR_LEXE_TIMES_ANAPHOR_UNIT_GRAN_WEEK] = SR_PREC_WEEK,
                                [SR_LEXE_TIMES_ANAPHOR_UNIT_GRAN_MONTH] = SR_PREC_MONTH,
                                [SR_LEXE_TIMES_ANAPHOR_UNIT_GRAN_QUARTER] = SR_PREC_QUARTER,
                                [SR_LEXE_TIMES_ANAPHOR_UNIT_GRAN_YEAR] = SR_PREC_YEAR,
                                [SR_LEXE_TIMES_ANAPHOR_UNIT_GRAN_ANY] = G_ANY};
    int32_t g = word_value(c, i, SR_LEX_TIMES_ANAPHOR_UNIT, 0);
    return g ? grans[g] : -1;
}

static int gran_unit(int gran)
{
    switch (gran) {
    case SR_PREC_DAY: return U_DAY;
    case SR_PREC_WEEK: return U_WEEK;
    case SR_PREC_MONTH: return U_MONTH;
    case SR_PREC_YEAR: return U_YEAR;
    default: return U_NONE;
    }
}

/* A shift after an anaphor's unit, at token k: "a year ago", "a year
 * earlier", "last year", "the previous year", "the year before".  The
 * units and their count in *unit and *n (n < 0 back); the tokens taken,
 * 0 when none. */
static size_t shift_after(const cx *c, size_t k, int *unit, long *n)
{
    long cnt;
    bool art, pl;
    size_t used = count_at(c, k, &cnt, &art);
    if (used) {
        int u = unit_at(c, k + used, &pl);
        int32_t dir = word_value(c, k + used + 1, SR_LEX_TIMES_ANAPHOR_SHIFT, 0);
        if (u && (dir || word_is(c, k + used + 1, SR_LEX_TIMES_AGO))) {
            *unit = u;
            *n = dir > 0 ? cnt : -cnt;
            return used + 2;
        }
        return 0;
    }
    if (word_value(c, k, SR_LEX_TIMES_RULE, 0) == SR_LEXE_TIMES_RULE_RULE_LAST) {
        int u = unit_at(c, k + 1, &pl);
        if (u && !pl) { /* "last year" */
            *unit = u;
            *n = -1;
            return 2;
        }
    }
    if (is(c, k, "the")) {
        int32_t dir = word_value(c, k + 1, SR_LEX_TIMES_ANAPHOR_SHIFT, 0);
        int u = unit_at(c, k + 2, &pl);
        if (dir && u && !pl) { /* "the previous year" */
            *unit = u;
            *n = dir;
            return 3;
        }
        u = unit_at(c, k + 1, &pl);
        dir = word_value(c, k + 2, SR_LEX_TIMES_ANAPHOR_SHIFT, 0);
        if (dir && u && !pl) { /* "the year before" */
            *unit = u;
            *n = dir;
            return 3;
        }
    }
    return 0;
}

/* A date told from the last date in focus: "the same day", "the same
 * month a year ago", "the same period last year", "that week", "that
 * time", "the previous year", "the year before", "the following day", "a
 * year earlier", "two days later", "the entire year", "later in the day".
 * Without a date in focus, one with no shift is the document date's ("the
 * same day"); one with a shift ("the previous day") is no date. */
static bool anaphor(const cx *c, size_t i, ex *e)
{
    memset(e, 0, sizeof *e);
    if (!is_word(c, i))
        return false;
    bool pl;
    size_t end = 0;
    int gran = -1, unit = U_NONE;
    long n = 0;
    if (is(c, i, "the") && word_is(c, i + 1, SR_LEX_TIMES_ANAPHOR_SAME) &&
        (gran = anaphor_gran(c, i + 2)) >= 0) {
        /* the same day; the same month a year ago; the same period last year */
        end = i + 3;
        end += shift_after(c, end, &unit, &n);
    } else if (is(c, i, "that") && (gran = anaphor_gran(c, i + 1)) >= 0) {
        end = i + 2; /* that week, that time */
    } else if (is(c, i, "the") && word_value(c, i + 1, SR_LEX_TIMES_ANAPHOR_SHIFT, 0) &&
               (gran = anaphor_gran(c, i + 2)) > 0 && unit_at(c, i + 2, &pl) && !pl) {
        /* the previous year, the following day */
        n = word_value(c, i + 1, SR_LEX_TIMES_ANAPHOR_SHIFT, 0);
        unit = gran_unit(gran);
        end = i + 3;
    } else if (is(c, i, "the") && (gran = anaphor_gran(c, i + 1)) > 0 && unit_at(c, i + 1, &pl) && !pl &&
               (n = word_value(c, i + 2, SR_LEX_TIMES_ANAPHOR_SHIFT, 0)) != 0 &&
               !((is(c, i + 2, "after") || is(c, i + 2, "before")) && is_word(c, i + 3))) {
        /* the year before, the year previous, the day after */
        unit = gran_unit(gran);
        end = i + 3;
    } else if (is(c, i, "the") && word_is(c, i - 1, SR_LEX_TIMES_DAY_PREP) && day_number(c, i + 1) &&
               c->t[i + 1].end - c->t[i + 1].start > 2 && !is_punct(c, i + 2, '-') &&
               !(is(c, i + 2, "of") && month_at(c, i + 3, false)) && /* "the 20th of June": month_day */
               (!is_word(c, i + 2) || sr_wordset_has(&sr_function_words, ts(c, i + 2), tl(c, i + 2)))) {
        /* "on the 15th": that day of the month in focus */
        ex m;
        int d = day_number(c, i + 1);
        if (!focus_at(c, SR_PREC_MONTH, &m)) {
            if (!c->anchored)
                return false;
            month_iv(&m, c->a.year, c->a.month); /* the document's month */
        }
        if (d > sr_days_in_month(m.vfrom.year, m.vfrom.month))
            return false;
        day_iv(e, mkdate(m.vfrom.year, m.vfrom.month, d));
        e->rel = true;
        quote(c, e, i, i + 2);
        return true;
    } else if ((is(c, i, "a") || is(c, i, "the")) && word_value(c, i + 1, SR_LEX_TIMES_ORDINAL, 0) > 1 &&
               word_is(c, i + 2, SR_LEX_TIMES_STREAK) && (gran = anaphor_gran(c, i + 3)) > 0 &&
               unit_at(c, i + 3, &pl) && !pl) {
        end = i + 4; /* a second consecutive day, the third straight week: the one in focus */
    } else if (is(c, i, "the") && is(c, i + 1, "day") && c->t[i + 1].end == c->t[i + 1].start + tl(c, i + 1) &&
               (is(c, i - 1, "in") || is(c, i - 1, "during") ||
                ((is(c, i - 1, "on") || is(c, i - 1, "for")) && (!is_word(c, i + 2) || is(c, i + 2, "and") ||
                                                                 is(c, i + 2, "as") || is(c, i + 2, "but"))))) {
        /* later in the day; shares fell 3% on the day (not "on the day of
         * the vote", "on the day the war began": another happening's) */
        gran = SR_PREC_DAY;
        end = i + 2;
    } else {
        /* a year earlier, two days later */
        long cnt;
        bool art;
        size_t used = count_at(c, i, &cnt, &art);
        int u = used ? unit_at(c, i + used, &pl) : U_NONE;
        int32_t dir = u ? word_value(c, i + used + 1, SR_LEX_TIMES_ANAPHOR_SHIFT, 0) : 0;
        /* "twelve years after he left": told from another happening */
        bool prep = (is(c, i + used + 1, "after") || is(c, i + used + 1, "before")) && is_word(c, i + used + 2);
        if (!u || !dir || u == U_HOUR || u == U_DECADE || (pl && cnt == 1) || prep ||
            is(c, i + used + 2, "than"))
            return false;
        gran = G_ANY;
        unit = u;
        n = dir * cnt;
        end = i + used + 2;
    }
    /* without a date in focus, "the same day", "that week", "later in the
     * day" are the document date's (TimeML's reference time); a shift from
     * it ("the previous day") counts from an untold happening */
    if (!focus_at(c, gran, e)) {
        /* a shift back with no date in focus ("a year earlier", "the
         * previous month", "the same period last year") counts from the
         * document date, at the unit's precision when the anaphor names
         * none; a shift ahead ("two days later") or by days ("the
         * previous day") counts from an untold happening */
        if (!c->anchored || n > 0 || (gran == G_ANY && (!n || unit == U_NONE)) || (n && unit == U_DAY))
            return false;
        coarsen(e, c->a, gran == G_ANY ? unit_prec(unit) : gran);
    }
    if (unit != U_NONE && n)
        move(e, unit, n);
    e->rel = true;
    quote(c, e, i, end);
    return true;
}

/* ---- the scan ---- */

/* A resolved date becomes the latest date in focus. */
static void hold_focus(cx *c, const ex *e)
{
    if (e->kind != SR_TIME_DATE || !e->vfrom.year)
        return;
    int cap = (int)(sizeof c->focus / sizeof c->focus[0]);
    if (c->nfocus == cap) {
        memmove(&c->focus[0], &c->focus[1], (size_t)(cap - 1) * sizeof c->focus[0]);
        c->nfocus--;
    }
    c->focus[c->nfocus].from = e->vfrom;
    c->focus[c->nfocus].prec = e->prec;
    c->nfocus++;
}

/* The relation a word before the expression at token i gives it: "by
 * 2012", "until Friday", "before March", "after the 2003 war" (times.relation). */
static int relation_before(const cx *c, size_t i)
{
    static const int rels[] = {[SR_LEXE_TIMES_RELATION_REL_BY] = SR_REL_BY,
                               [SR_LEXE_TIMES_RELATION_REL_UNTIL] = SR_REL_UNTIL,
                               [SR_LEXE_TIMES_RELATION_REL_BEFORE] = SR_REL_BEFORE,
                               [SR_LEXE_TIMES_RELATION_REL_AFTER] = SR_REL_AFTER};
    int32_t r = i > c->s0 ? word_value(c, i - 1, SR_LEX_TIMES_RELATION, 0) : 0;
    return r ? rels[r] : SR_REL_NONE;
}

static bool match_at(const cx *c, size_t i, ex *e, ex *e2)
{
    /* every matcher fills only what it finds: the rest starts empty */
    memset(e, 0, sizeof *e);
    memset(e2, 0, sizeof *e2);
    /* since, range, part and rolling start with a word */
    if (c->t[i].kind == SITREP_TOK_WORD &&
        (since(c, i, e) || range(c, i, e, e2) || part(c, i, e) || rolling(c, i, e)))
        return true;
    if (ago(c, i, e))
        return true;
    if (c->t[i].kind != SITREP_TOK_SYMBOL && anaphor(c, i, e))
        return true;
    if (point(c, i, e, CTX_ASK, 0)) {
        if (finish(c, i, e))
            return true;
        /* an unplaced point still takes its tokens ("on Tuesday" with no date) */
        e->kind = 0;
        return true;
    }
    return set_expr(c, i, e) || duration(c, i, e) || time_of_day(c, i, e);
}

static bool emit(sr_buf *out, const ex *e)
{
    sr_time t;
    memset(&t, 0, sizeof t);
    t.start = e->qstart;
    t.end = e->qend;
    t.kind = (uint8_t)e->kind;
    t.precision = (uint8_t)e->prec;
    t.relation = (uint8_t)e->relation;
    t.mod = (uint8_t)e->mod;
    if (e->kind == SR_TIME_DATE) {
        t.from = e->from;
        t.to = e->to;
        t.vfrom = e->vfrom;
        t.vto = e->vto;
    } else if (e->kind == SR_TIME_DURATION) {
        memcpy(t.duration, e->dur, sizeof t.duration);
    }
    return SR_VEC_PUSH(out, sr_time, t);
}

/* Times of day take the day of the nearest date of their sentence, else
 * the anchor's; without either they are dropped. */
static void place_times(const cx *c, sr_buf *out, size_t first)
{
    size_t n = SR_VEC_COUNT(out, sr_time), w = first;
    sr_time *v = (sr_time *)(void *)out->data;
    for (size_t k = first; k < n; k++) {
        if (v[k].kind == SR_TIME_TIME) {
            const sr_time *best = NULL;
            uint32_t dist = UINT32_MAX;
            for (size_t j = first; j < n; j++) {
                if (v[j].kind != SR_TIME_DATE || v[j].precision != SR_PREC_DAY)
                    continue;
                uint32_t d = v[j].start > v[k].start ? v[j].start - v[k].end : v[k].start - v[j].end;
                if (d < dist) {
                    dist = d;
                    best = &v[j];
                }
            }
            if (best) {
                v[k].from = v[k].to = v[k].vfrom = v[k].vto = best->from;
            } else if (c->anchored) {
                v[k].from = v[k].to = v[k].vfrom = v[k].vto = c->a;
            } else {
                continue;
            }
        }
        v[w++] = v[k];
    }
    out->len = w * sizeof(sr_time);
}


/* Can a time expression start at token i?  A number, a capitalised word
 * (months, weekdays, "Q1"), a hyphenated word ("five-month", "mid-2023")
 * or a word of time can (SR_WI_TIMEISH); a small word ("the", "in", "a")
 * only when one of those follows within three tokens.  Testing this first
 * keeps the matchers off the ordinary words that make most of a text. */
static bool timeish(const cx *c, size_t i) { return in(c, i) && (c->w[i].flags & SR_WI_TIMEISH); }

static bool may_start_time(const cx *c, size_t i)
{
    uint16_t f = c->w[i].flags;
    if (f & SR_WI_TIMEISH)
        return true;
    return (f & SR_WI_TIME_SMALL) && (timeish(c, i + 1) || timeish(c, i + 2) || timeish(c, i + 3));
}

sitrep_status sr_find_times(const sitrep_doc *doc, const sr_date *anchor, sr_buf *out)
{
    if (!doc || !out)
        return SITREP_EARG;
    size_t nt, ns;
    const sitrep_token *tok = sitrep_doc_tokens(doc, &nt);
    const sitrep_sentence *sen = sitrep_doc_sentences(doc, &ns);
    cx c;
    memset(&c, 0, sizeof c);
    c.src = doc->src;
    c.t = tok;
    sr_buf scratch;
    sr_buf_init(&scratch, doc->mem);
    c.w = sr_word_info_of(doc, &scratch);
    if (!c.w)
        return SITREP_ENOMEM;
    if (anchor && anchor->year >= 1900 && anchor->year <= 2100 && anchor->month >= 1 &&
        anchor->month <= 12 && anchor->day >= 1 &&
        anchor->day <= sr_days_in_month(anchor->year, anchor->month)) {
        c.a = *anchor;
        c.anchored = true;
    }
    for (size_t s = 0; s < ns; s++) {
        c.s0 = sen[s].first;
        c.n = (size_t)sen[s].first + sen[s].count;
        if (c.n > nt)
            c.n = nt;
        size_t first = SR_VEC_COUNT(out, sr_time);
        bool times = false;
        for (size_t i = c.s0; i < c.n;) {
            ex e, e2;
            if (!may_start_time(&c, i) || !match_at(&c, i, &e, &e2) || e.end <= i) {
                i++;
                continue;
            }
            size_t at = i;
            i = e.end;
            if (!e.kind)
                continue;
            times = times || e.kind == SR_TIME_TIME;
            if (e.kind == SR_TIME_DATE && !e.relation)
                e.relation = relation_before(&c, at);
            if (!emit(out, &e) || (e2.kind && !emit(out, &e2))) {
                sr_buf_free(&scratch);
                return SITREP_ENOMEM;
            }
            hold_focus(&c, &e);
            if (e2.kind)
                hold_focus(&c, &e2);
        }
        if (times)
            place_times(&c, out, first);
    }
    sr_buf_free(&scratch);
    return SITREP_OK;
}

const char *sr_time_relation_name(int r)
{
    static const char *const names[] = {NULL,      "since", "until",  "from",  "to",
                                        "between", "and",   "by",     "before", "after"};
    return r >= 1 && r <= SR_REL_AFTER ? names[r] : NULL;
}

const char *sr_time_mod_name(int m)
{
    static const char *const names[] = {NULL, "start", "mid", "end"};
    return m >= 1 && m <= SR_MOD_END ? names[m] : NULL;
}
