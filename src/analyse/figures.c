/*
 * figures.c -- the quantities a news text states (see figures.h).
 *
 * One pass over the tokens of each sentence.  At every token the finder
 * tries, with a bounded look-ahead, to read
 *
 *     [qualifier] value [range-joiner value] [postfix]  [measure]
 *
 * and on success jumps past it, so the whole pass is linear and makes no
 * allocation except the figures it appends.
 *
 * Values
 *   digits: "153", "2,500", "3.5", with a scale word ("1.2 million",
 *     "10 billion") or suffix ("5m", "1.2bn", "300k"; "m" is always read
 *     as million, never metres); spelled: "eight", "twenty-five", "twenty
 *     five", "two hundred", "three thousand", "two dozen", "a dozen" (12),
 *     "a hundred", "a thousand", "a million", "half a million" (500000);
 *     vague plurals, qualifier approximately: "dozens" 24..99, "scores of"
 *     40..99, "hundreds" 200..999, "thousands" 2000..9999, "tens of
 *     thousands" 20000..99999, "hundreds of thousands" 200000..999999,
 *     "millions" 2000000..9999999.  "one" is a figure only when a measure
 *     follows it ("one soldier"), never "one of", "no one", "one day".
 *   fractions, unit "fraction": "half" (before of/the/its/their), "a
 *     third of", "a quarter of", "two-thirds", "three quarters".
 *   units: currencies before the number ("$", "US$", "€", "£", "¥", "₹",
 *     "USD") or after it ("dollars", "euros", "pounds"): usd eur gbp jpy
 *     inr, the value in units ("$10 million" = 1e7); "%", "percent", "per
 *     cent", "pct": percent; km, miles, m (metres), km2, sq_miles, kg, t
 *     (tonnes).
 *   ranges, qualifier range: "between A and B", "from A to B", "A-B" (no
 *     spaces round a hyphen; an en dash may have them), "A to B", "A or
 *     B"; a scale or unit stated only on B applies to A ("3 to 5 million",
 *     "10-15%").
 *   qualifiers before the value: approximately/about/around/some/roughly/
 *     nearly/almost/close to/an estimated/~ (approximately: "nearly" and
 *     "almost" say the figure is close, not which side, so they are not
 *     fewer_than); more than/over/above/upwards of/in excess of/just over/
 *     well over (more_than); at least/no fewer than/no less than/a minimum
 *     of (at_least); fewer than/less than/under/below/just under
 *     (fewer_than); up to/as many as/as much as/at most/no more than/a
 *     maximum of (up_to).  After the value: "or more" (at_least), "or so"
 *     (approximately), "100+" (more_than).
 *
 * Not figures
 *   years (a bare 4-digit 1800..2099 without a qualifier, unless a plural
 *   noun follows and no year preposition precedes), decades ("1990s"),
 *   dates ("July 17", "17 July 2024", "2024-07-17"), times ("10:30", "3
 *   p.m.", "3pm", "0300 GMT"), durations and spans (a value or range
 *   followed by second/minute/hour/day/week/month/year/decade/century, or
 *   "ago"), ages ("25-year-old" and every "N-word" compound, "aged 25",
 *   "Smith, 45,"), ordinals ("1st"), page furniture ("5h"), phone numbers
 *   (3+ numbers joined by spaces, hyphens, dots or brackets, or 2 with a
 *   leading 0 or "+"), numbers in names (after a capitalised word: "Tower
 *   22", "Resolution 2254"; after "route", "article", "flight", "No.",
 *   "#" ...; words such as "F-16", "COVID-19", "G7" are not numbers at
 *   all), list numbering ("1." or "1)" opening a sentence, "(2)").
 *
 * Measure
 *   After the value (and an "of", "of the/its/their"), a run of up to 3
 *   words that are not function words; the measure ends at the first
 *   plural noun of the run (a word ending in s, not -ss/-us/-is and not
 *   all capitals, or people/men/women/children/police/personnel/troops/
 *   staff/dead/killed/wounded/injured), extended by one participle that
 *   follows it directly ("militants killed").  A singular head is taken
 *   (the run, at most 2 words) after the value 1, and after "of" for
 *   fractions and units.  Failing that, a count takes the plural after a
 *   "number of" earlier in the sentence.
 */
#include "analyse/figures.h"

#include "core/dates.h"
#include "analyse/wordinfo.h"
#include "data/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fctx {
    const char *src;
    const sitrep_token *t;
    const sr_wordinfo *w; /* per token (wordinfo.h) */
    size_t b, e; /* the sentence's tokens [b, e) */
} fctx;

static inline size_t tlen(const fctx *c, size_t i) { return c->t[i].end - c->t[i].start; }
static inline const char *tstr(const fctx *c, size_t i) { return c->src + c->t[i].start; }
static inline bool in_sent(const fctx *c, size_t i) { return i >= c->b && i < c->e; }

/* Token i is the word w (ASCII case folded); the first bytes are compared
 * first, where nearly every token differs from the word asked about. */
static inline bool is_word(const fctx *c, size_t i, const char *w)
{
    /* inline: strlen of the literal folds away, and the length screens first */
    return in_sent(c, i) && c->t[i].kind == SITREP_TOK_WORD && tlen(c, i) == strlen(w) &&
           (tstr(c, i)[0] | 0x20) == (w[0] | 0x20) && sr_ieq(tstr(c, i), tlen(c, i), w);
}

static bool is_char(const fctx *c, size_t i, char ch)
{
    return in_sent(c, i) && (c->t[i].kind == SITREP_TOK_PUNCT || c->t[i].kind == SITREP_TOK_SYMBOL) &&
           tlen(c, i) == 1 && tstr(c, i)[0] == ch;
}

static bool adj(const fctx *c, size_t i, size_t j) { return c->t[i].end == c->t[j].start; }

/* A hyphen (any of its code points) or an en dash; *en tells which. */
static bool is_dash(const fctx *c, size_t i, bool *en)
{
    if (!in_sent(c, i) || c->t[i].kind != SITREP_TOK_PUNCT)
        return false;
    int32_t cp;
    sr_utf8_decode(c->src, c->t[i].end, c->t[i].start, &cp);
    *en = cp == 0x2013;
    return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2013;
}

/* Is token i a word of lexicon class k (data/lex/figures.lex)? */
static inline bool word_is(const fctx *c, size_t i, enum sr_lexclass k)
{
    return in_sent(c, i) && sr_lex_in(c->w[i].lex, k);
}

static bool is_function_word(const fctx *c, size_t i)
{
    return sr_wordset_has(&sr_function_words, tstr(c, i), tlen(c, i));
}

/* ---- word lists ---- */


/* ---- qualifiers ---- */

enum { RJ_NONE, RJ_BETWEEN, RJ_FROM };

typedef struct qphrase {
    uint8_t q;
    uint8_t joiner; /* RJ_*: the qualifier needs a range */
} qphrase;

/* The longest phrase of class k (figures.lex) starting at token i inside
 * the sentence: how many tokens, its entry in *id. */
static size_t phrase_from(const fctx *c, size_t i, enum sr_lexclass k, sr_lexid *id);
static inline size_t phrase_at(const fctx *c, size_t i, enum sr_lexclass k, sr_lexid *id)
{
    *id = 0;
    if (!in_sent(c, i))
        return 0;
    sr_lexid first = c->w[i].lex;
    if (!sr_lex_in(first, k) && !sr_lex_heads(first, k))
        return 0; /* most tokens: two bit tests, no call */
    return phrase_from(c, i, k, id);
}

static size_t phrase_from(const fctx *c, size_t i, enum sr_lexclass k, sr_lexid *id)
{
    sr_lexid first = c->w[i].lex;
    const char *w[8];
    size_t wl[8], n = 0;
    for (size_t j = i; j < c->e && n < 8; j++, n++) {
        w[n] = tstr(c, j);
        wl[n] = tlen(c, j);
    }
    return sr_lex_phrase(k, w, wl, n, first, id);
}

/* The longest qualifier starting at token i (figures.qualifier, or the
 * symbol "~"); returns its length in tokens. */
static size_t match_qualifier(const fctx *c, size_t i, qphrase *out)
{
    if (!in_sent(c, i))
        return 0;
    if (c->t[i].kind != SITREP_TOK_WORD) {
        if (tlen(c, i) == 1 && tstr(c, i)[0] == '~') {
            *out = (qphrase){SR_Q_APPROX, RJ_NONE};
            return 1;
        }
        return 0;
    }
    sr_lexid id;
    size_t n = phrase_at(c, i, SR_LEX_FIGURES_QUALIFIER, &id);
    if (!n)
        return 0;
    static const uint8_t qs[] = {
        [SR_LEXE_QUALIFIER_APPROX] = SR_Q_APPROX,         [SR_LEXE_QUALIFIER_MORE_THAN] = SR_Q_MORE_THAN,
        [SR_LEXE_QUALIFIER_AT_LEAST] = SR_Q_AT_LEAST,     [SR_LEXE_QUALIFIER_FEWER_THAN] = SR_Q_FEWER_THAN,
        [SR_LEXE_QUALIFIER_UP_TO] = SR_Q_UP_TO,           [SR_LEXE_QUALIFIER_RANGE] = SR_Q_RANGE};
    int32_t j = sr_lex_value(id, SR_LEX_FIGURES_QUALIFIER, SR_LEXCOL_FIGURES_QUALIFIER_JOINER);
    out->q = qs[sr_lex_value(id, SR_LEX_FIGURES_QUALIFIER, SR_LEXCOL_FIGURES_QUALIFIER_Q)];
    out->joiner = j == SR_LEXE_FIGURES_QUALIFIER_JOINER_BETWEEN ? RJ_BETWEEN
                  : j == SR_LEXE_FIGURES_QUALIFIER_JOINER_FROM  ? RJ_FROM
                                                                : RJ_NONE;
    return n;
}

/* ---- values ---- */

typedef struct val {
    size_t first, next;  /* tokens [first, next) */
    size_t num;          /* the digits token, or SIZE_MAX for a spelled value */
    double v, hi;        /* hi > v for a vague plural */
    double scale;        /* multiplier from a scale word or suffix */
    char unit[12];
    bool cur;            /* the unit is a currency written before the number */
    bool spelled, vague, fraction, one, plain;
    bool of_needed;      /* "a third" must be followed by "of" */
} val;

/* sr_word_number of token i (the whole token), worked out once per token:
 * a possessive ("two's") is no number here. */
static int token_number(const fctx *c, size_t i)
{
    const sr_wordinfo *w = &c->w[i];
    return w->flags & (SR_WI_POSS2 | SR_WI_POSS4) ? 0 : w->num;
}

/* Denominator of a fraction word ("half" 2, "thirds" 3, "quarter" 4). */
static int fraction_word(const char *s, size_t n)
{
    return sr_lex_value(sr_lex_find(s, n), SR_LEX_FIGURES_FRACTION, 0);
}

/* The same for token i, from its entry. */
static int fraction_at(const fctx *c, size_t i)
{
    return in_sent(c, i) ? sr_lex_value(c->w[i].lex, SR_LEX_FIGURES_FRACTION, 0) : 0;
}

static double pow10_of(int32_t e)
{
    double v = 1;
    while (e-- > 0)
        v *= 10;
    return v;
}

/* The scale of a word at token i ("million" 1e6, "bn" 1e9), 0 when none;
 * "hundred" only with allow_hundred. */
static double scale_word(const fctx *c, size_t i, bool allow_hundred)
{
    if (!in_sent(c, i) || c->t[i].kind != SITREP_TOK_WORD)
        return 0;
    int32_t e = sr_lex_value(c->w[i].lex, SR_LEX_FIGURES_SCALE, 0);
    if (e == 0 || (e == 2 && !allow_hundred))
        return 0;
    return pow10_of(e);
}

/* "dozen" at token i. */
static bool dozen_at(const fctx *c, size_t i) { return word_is(c, i, SR_LEX_FIGURES_DOZEN); }

static void set_unit(val *v, const char *u) { snprintf(v->unit, sizeof v->unit, "%s", u); }

/* Digits with , and . separators and an optional letter suffix. */
static bool parse_digits(const fctx *c, size_t i, val *out)
{
    const char *s = tstr(c, i);
    size_t n = tlen(c, i), p = 0, k = 0;
    char buf[48];
    bool comma = false, dot = false;
    while (p < n && ((s[p] >= '0' && s[p] <= '9') || s[p] == ',' || s[p] == '.')) {
        if (s[p] == ',') {
            comma = true;
        } else {
            dot = dot || s[p] == '.';
            if (k + 1 >= sizeof buf)
                return false;
            buf[k++] = s[p];
        }
        p++;
    }
    if (k == 0)
        return false;
    buf[k] = '\0';
    out->v = strtod(buf, NULL);
    out->plain = !comma && !dot && p == n;
    const char *suf = s + p;
    size_t sn = n - p;
    if (sn == 0)
        return true;
    sr_lexid sid = sr_lex_find(suf, sn);
    if (!sr_lex_in(sid, SR_LEX_FIGURES_DIGIT_SUFFIX))
        return false; /* 1st, 1990s, 5h, 3pm, 10am */
    int32_t e = sr_lex_value(sid, SR_LEX_FIGURES_DIGIT_SUFFIX, SR_LEXCOL_FIGURES_DIGIT_SUFFIX_EXP);
    if (e)
        out->scale = pow10_of(e);
    else
        set_unit(out, sr_lexe_UNIT_names[sr_lex_value(sid, SR_LEX_FIGURES_DIGIT_SUFFIX,
                                                      SR_LEXCOL_FIGURES_DIGIT_SUFFIX_UNIT)]);
    out->v *= out->scale;
    return true;
}

/* A unit written after the value; returns the tokens it takes.  Percent
 * applies to any value, the other units (figures.unit_after) only to a
 * value without one. */
static size_t post_unit(const fctx *c, size_t j, val *v)
{
    if (is_char(c, j, '%')) {
        set_unit(v, "percent");
        return 1;
    }
    sr_lexid id;
    size_t n = phrase_at(c, j, SR_LEX_FIGURES_UNIT_AFTER, &id);
    if (!n || (v->unit[0] && !sr_lex_value(id, SR_LEX_FIGURES_UNIT_AFTER, SR_LEXCOL_FIGURES_UNIT_AFTER_PERCENT)))
        return 0;
    set_unit(v, sr_lexe_UNIT_names[sr_lex_value(id, SR_LEX_FIGURES_UNIT_AFTER, SR_LEXCOL_FIGURES_UNIT_AFTER_UNIT)]);
    return n;
}

/* Is token i the function word fw (frame.lex function_word)? */
static bool fw_is(const fctx *c, size_t i, int32_t fw)
{
    return in_sent(c, i) && sr_lex_fw[c->w[i].lex] == fw; /* frame.function_word (data/lex.h) */
}

/* Reads a value at token i. */
static bool parse_value(const fctx *c, size_t i, val *out)
{
    memset(out, 0, sizeof *out);
    out->first = i;
    out->num = SIZE_MAX;
    out->scale = 1;
    if (!in_sent(c, i))
        return false;
    size_t j = i;
    /* a currency before the number */
    if (word_is(c, j, SR_LEX_FIGURES_DOLLAR_PREFIX) && is_char(c, j + 1, '$') &&
        adj(c, j, j + 1)) {
        set_unit(out, sr_lexe_UNIT_names[sr_lex_value(c->w[j].lex, SR_LEX_FIGURES_DOLLAR_PREFIX, 0)]);
        j += 2;
    } else if (c->t[j].kind == SITREP_TOK_SYMBOL) {
        int32_t cp;
        sr_utf8_decode(c->src, c->t[j].end, c->t[j].start, &cp);
        const char *u = cp == '$' ? "usd" : cp == 0x20AC ? "eur" : cp == 0xA3 ? "gbp"
                      : cp == 0xA5 ? "jpy" : cp == 0x20B9 ? "inr" : NULL;
        if (!u)
            return false;
        set_unit(out, u);
        j++;
    } else if ((c->t[j].flags & SITREP_TOKF_ALLCAPS) && word_is(c, j, SR_LEX_FIGURES_CURRENCY_CODE) &&
               in_sent(c, j + 1) && c->t[j + 1].kind == SITREP_TOK_NUMBER) {
        set_unit(out, sr_lexe_UNIT_names[sr_lex_value(c->w[j].lex, SR_LEX_FIGURES_CURRENCY_CODE, 0)]);
        j++;
    }
    out->cur = out->unit[0] != '\0';
    if (!in_sent(c, j))
        return false;
    const sitrep_token *t = &c->t[j];
    if (t->kind == SITREP_TOK_NUMBER) {
        char keep[12];
        memcpy(keep, out->unit, sizeof keep);
        if (!parse_digits(c, j, out))
            return false;
        if (out->cur) {
            if (out->unit[0] && strcmp(out->unit, keep) != 0)
                return false; /* "$5km" */
            memcpy(out->unit, keep, sizeof keep);
        }
        out->num = j++;
        /* "230, 000": a thousands group after a comma and one space, as
         * scraped text splits "230,000" */
        while (out->plain && out->v >= 1 && out->v < 1e9 && tlen(c, out->num) <= 3 && is_char(c, j, ',') &&
               adj(c, j - 1, j) &&
               in_sent(c, j + 1) && c->t[j + 1].kind == SITREP_TOK_NUMBER && tlen(c, j + 1) == 3 &&
               c->t[j + 1].start == c->t[j].end + 1 && c->src[c->t[j].end] == ' ' &&
               !(in_sent(c, j + 2) && is_char(c, j + 2, ',') && !adj(c, j + 1, j + 2))) {
            const char *g = tstr(c, j + 1);
            if (!(g[0] >= '0' && g[0] <= '9' && g[1] >= '0' && g[1] <= '9' && g[2] >= '0' && g[2] <= '9'))
                break;
            out->v = out->v * 1000 + (g[0] - '0') * 100 + (g[1] - '0') * 10 + (g[2] - '0');
            j += 2;
        }
    } else if (out->cur || t->kind != SITREP_TOK_WORD) {
        return false;
    } else {
        const char *s = tstr(c, j);
        size_t n = tlen(c, j);
        int wn, den;
        size_t vn;
        sr_lexid vid;
        out->spelled = true;
        if (sr_ieq(s, n, "a") || sr_ieq(s, n, "an")) {
            double sc = scale_word(c, j + 1, true);
            if (dozen_at(c, j + 1))
                sc = 12;
            if (sc > 0) {
                out->v = sc;
                out->scale = sc >= 1000 ? sc : 1;
                j += 2;
            } else if (in_sent(c, j + 1) &&
                       (den = fraction_at(c, j + 1)) > 0 &&
                       is_word(c, j + 2, "of")) {
                out->v = 1.0 / den;
                out->fraction = true;
                j += 2;
            } else {
                return false;
            }
        } else if (word_is(c, j, SR_LEX_FIGURES_HALF)) {
            if (j > c->b && word_is(c, j - 1, SR_LEX_FIGURES_HALF_NOT_AFTER))
                return false;
            double sc = scale_word(c, j + 2, false);
            if (dozen_at(c, j + 2))
                sc = 12;
            if ((is_word(c, j + 1, "a") || is_word(c, j + 1, "an")) && sc > 0) {
                out->v = 0.5 * sc;
                out->scale = sc >= 1000 ? sc : 1;
                j += 3;
            } else if (word_is(c, j + 1, SR_LEX_FIGURES_HALF_BEFORE)) {
                out->v = 0.5;
                out->fraction = true;
                j++;
            } else {
                return false;
            }
        } else if ((vn = phrase_at(c, j, SR_LEX_FIGURES_VAGUE, &vid)) > 0 &&
                   (!sr_lex_value(vid, SR_LEX_FIGURES_VAGUE, SR_LEXCOL_FIGURES_VAGUE_OF) ||
                    is_word(c, j + 1, "of"))) {
            /* "dozens", "scores of", "tens of thousands" */
            out->vague = true;
            out->v = sr_lex_value(vid, SR_LEX_FIGURES_VAGUE, SR_LEXCOL_FIGURES_VAGUE_LOW);
            out->hi = sr_lex_value(vid, SR_LEX_FIGURES_VAGUE, SR_LEXCOL_FIGURES_VAGUE_HIGH);
            j += vn;
            out->next = j;
            return true;
        } else if ((den = 0, (wn = token_number(c, j)) == 0) && memchr(s, '-', n)) {
            /* "two-thirds", "one-quarter" */
            const char *h = memchr(s, '-', n);
            int num = sr_word_number(s, (size_t)(h - s));
            den = fraction_word(h + 1, n - (size_t)(h - s) - 1);
            if (num < 1 || num > 9 || den == 0)
                return false;
            out->v = (double)num / den;
            out->fraction = true;
            j++;
        } else if (wn > 0) {
            j++;
            if (wn >= 20 && wn % 10 == 0 && !memchr(s, '-', n) && in_sent(c, j)) {
                int u = token_number(c, j);
                if (u >= 1 && u <= 9) {
                    wn += u;
                    j++;
                }
            }
            out->v = wn;
            if (wn <= 9 && in_sent(c, j) && !word_is(c, j, SR_LEX_FIGURES_HALF) &&
                (den = fraction_at(c, j)) > 0 && (wn == 1 || tstr(c, j)[tlen(c, j) - 1] == 's')) {
                out->v = (double)wn / den;
                out->fraction = true;
                j++;
            } else {
                out->one = wn == 1;
                if (in_sent(c, j) && sr_lex_value(c->w[j].lex, SR_LEX_FIGURES_SCALE, 0) == 2) { /* "hundred" */
                    out->v *= 100;
                    j++;
                    out->one = false;
                }
                if (dozen_at(c, j)) {
                    out->v *= 12;
                    j++;
                    out->one = false;
                }
            }
        } else {
            return false;
        }
    }
    if (out->fraction) {
        set_unit(out, "fraction");
        out->next = j;
        return true;
    }
    /* scale words: "1.2 million", "two hundred thousand" */
    for (int k = 0; k < 2; k++) {
        double sc = scale_word(c, j, out->spelled && out->v < 100 && k == 0);
        if (sc <= 0 || (out->num != SIZE_MAX && out->scale > 1))
            break;
        out->v *= sc;
        out->scale *= sc;
        out->one = false;
        j++;
    }
    j += post_unit(c, j, out);
    out->next = j;
    return true;
}

/* ---- context: what makes a number not a figure ---- */

static bool is_yearlike(const fctx *c, const val *a)
{
    return a->num != SIZE_MAX && a->plain && tlen(c, a->num) == 4 && a->scale == 1 &&
           !a->unit[0] && a->v >= 1800 && a->v <= 2099;
}

static bool is_plural_word(const fctx *c, size_t i)
{
    if (!in_sent(c, i) || c->t[i].kind != SITREP_TOK_WORD)
        return false;
    const char *s = tstr(c, i);
    size_t n = tlen(c, i);
    if (sr_lex_in(c->w[i].lex, SR_LEX_FIGURES_IRREGULAR_PLURAL))
        return true;
    /* policemen, fishermen, gunmen (not "specimen") */
    if (n > 5 && memcmp(s + n - 3, "men", 3) == 0 && !(c->t[i].flags & SITREP_TOKF_ALLCAPS) &&
        s[n - 4] != 'i')
        return true;
    /* a word in capitals is an acronym ("NGOS" aside), unless it is long
     * and ends in a capital S as text in capitals does ("MACHINEGUNS") */
    bool caps = n >= 5 && s[n - 1] == 'S';
    for (size_t k = 0; k < n && caps; k++)
        caps = s[k] >= 'A' && s[k] <= 'Z';
    bool caps_plural = caps && s[n - 2] != 'S' && s[n - 2] != 'U' && s[n - 2] != 'I';
    if (caps_plural)
        return !sr_lex_in(c->w[i].lex, SR_LEX_FIGURES_NOT_PLURAL);
    if (n < 3 || (c->t[i].flags & SITREP_TOKF_ALLCAPS) || s[n - 1] != 's')
        return false;
    char p = s[n - 2];
    if (p == 's' || p == 'u' || p == 'i' || p == '\'' || !((p | 0x20) >= 'a' && (p | 0x20) <= 'z'))
        return false;
    return !sr_lex_in(c->w[i].lex, SR_LEX_FIGURES_NOT_PLURAL);
}

/* Checks the words round the first value `a` (qualifier q, qualifier
 * token count nq). */
static bool value_ok(const fctx *c, const val *a, int q, size_t nq)
{
    size_t f = a->first;
    bool has_prev = f > c->b;
    size_t p = f - 1; /* valid when has_prev */
    if (a->spelled) {
        if (a->one) {
            if (has_prev && !nq && word_is(c, p, SR_LEX_FIGURES_ONE_NOT_AFTER))
                return false;
            if (!in_sent(c, a->next) || c->t[a->next].kind != SITREP_TOK_WORD ||
                is_function_word(c, a->next) || word_is(c, a->next, SR_LEX_FIGURES_ONE_NOT_BEFORE))
                return false;
        }
        return true;
    }
    if (a->num == SIZE_MAX)
        return true;
    size_t k = a->num;
    bool bare = !a->cur && !a->unit[0] && a->scale == 1;
    /* dates */
    if (bare && a->plain && a->v >= 1 && a->v <= 31) {
        if (k > c->b && c->t[k - 1].kind == SITREP_TOK_WORD &&
            sr_month_number(tstr(c, k - 1), tlen(c, k - 1)))
            return false;
        if (k > c->b + 1 && is_char(c, k - 1, '.') && c->t[k - 2].kind == SITREP_TOK_WORD &&
            sr_month_number(tstr(c, k - 2), tlen(c, k - 2)))
            return false;
        size_t m = is_word(c, k + 1, "of") ? k + 2 : k + 1;
        if (in_sent(c, m) && c->t[m].kind == SITREP_TOK_WORD &&
            sr_month_number(tstr(c, m), tlen(c, m)))
            return false;
    }
    if (bare && k > c->b && c->t[k - 1].kind == SITREP_TOK_WORD &&
        sr_month_number(tstr(c, k - 1), tlen(c, k - 1)) && tlen(c, k) == 4)
        return false; /* "July 2024" */
    /* "at 0700", "0430 (0930 GMT)": a 24-hour clock time written with its
     * leading zero (four digits, minutes under 60), never a count */
    if (bare && a->plain && tlen(c, k) == 4 && tstr(c, k)[0] == '0' && a->v < 2400 &&
        (long)a->v % 100 < 60)
        return false;
    /* times of day and ratios: 10:30, 3/4 */
    if ((is_char(c, k + 1, ':') || is_char(c, k + 1, '/')) && adj(c, k, k + 1))
        return false;
    if (k > c->b && (is_char(c, k - 1, ':') || is_char(c, k - 1, '/')) && adj(c, k - 1, k))
        return false;
    if (word_is(c, a->next, SR_LEX_FIGURES_CLOCK_WORD))
        return false;
    /* "25-year-old", "10-day": a number-word compound */
    bool en;
    if (is_dash(c, k + 1, &en) && adj(c, k, k + 1) && in_sent(c, k + 2) &&
        c->t[k + 2].kind == SITREP_TOK_WORD && adj(c, k + 1, k + 2))
        return false;
    /* the second number of "2019-20", "3-2" */
    if (k > c->b + 1 && is_dash(c, k - 1, &en) && adj(c, k - 1, k) &&
        c->t[k - 2].kind == SITREP_TOK_NUMBER && adj(c, k - 2, k - 1))
        return false;
    /* "the Hawks (13-3)", "(14-2, 3-0 in the league)": a win-loss record
     * in brackets, no count */
    if (bare && a->plain && k > c->b && is_char(c, k - 1, '(') && is_dash(c, k + 1, &en) && adj(c, k, k + 1) &&
        in_sent(c, k + 2) && c->t[k + 2].kind == SITREP_TOK_NUMBER && adj(c, k + 1, k + 2) && in_sent(c, k + 3) &&
        (is_char(c, k + 3, ')') || is_char(c, k + 3, ',')))
        return false;
    /* "Notepad '09": a year cut to two digits after an apostrophe (not the
     * "'s" of a word before it) */
    if (bare && a->plain && tlen(c, k) == 2 && k > c->b && adj(c, k - 1, k) &&
        (is_char(c, k - 1, '\'') || (tlen(c, k - 1) == 3 && memcmp(tstr(c, k - 1), "\xE2\x80\x99", 3) == 0)) &&
        !(k - 1 > c->b && adj(c, k - 2, k - 1)))
        return false;
    /* 'the 17" screen': a number with an inch mark when no quotation is
     * open before it in the sentence */
    if (bare && a->plain && in_sent(c, k + 1) && is_char(c, k + 1, '"') && adj(c, k, k + 1) && in_sent(c, k + 2) &&
        c->t[k + 2].kind == SITREP_TOK_WORD && !adj(c, k + 1, k + 2)) {
        size_t quotes = 0;
        for (size_t q = c->b; q < k; q++)
            quotes += is_char(c, q, '"');
        if (quotes % 2 == 0)
            return false;
    }
    if (nq == 0) {
        /* numbers in names and lists */
        if (has_prev && a->plain && bare) {
            const sitrep_token *pt = &c->t[p];
            if (pt->kind == SITREP_TOK_WORD && (pt->flags & SITREP_TOKF_CAP)) {
                const char *s = tstr(c, p);
                size_t n = tlen(c, p);
                bool possessive = n > 2 && (s[n - 1] == 's' || s[n - 1] == 'S') &&
                                  (s[n - 2] == '\'' || (n > 4 && (unsigned char)s[n - 2] == 0x99));
                bool opener = (pt->flags & SITREP_TOKF_SENT_START) &&
                              (is_function_word(c, p) || sr_lex_in(c->w[p].lex, SR_LEX_FIGURES_CAP_NOT_NAME));
                if (!possessive && !opener && !sr_lex_in(c->w[p].lex, SR_LEX_FIGURES_CAP_NOT_NAME))
                    return false;
            }
            if (word_is(c, p, SR_LEX_FIGURES_NAME_HEAD))
                return false;
            if (is_char(c, p, '#'))
                return false;
            if (is_char(c, p, '.') && p > c->b && word_is(c, p - 1, SR_LEX_FIGURES_NUMBER_SIGN))
                return false;
        }
        /* list numbering */
        if (a->plain && bare && (k == c->b || (c->t[k].flags & (SITREP_TOKF_SENT_START | SITREP_TOKF_PARA_START))) &&
            (is_char(c, k + 1, '.') || is_char(c, k + 1, ')')) && adj(c, k, k + 1))
            return false;
        if (a->plain && bare && has_prev && is_char(c, p, '(') && is_char(c, k + 1, ')') &&
            a->v < 100)
            return false;
        /* ages: "aged 25", and the rest of a list of them ("aged 15, 13
         * and 12") */
        if (has_prev && word_is(c, p, SR_LEX_FIGURES_AGE_WORD))
            return false;
        if (has_prev && a->plain && bare && (is_char(c, p, ',') || fw_is(c, p, SR_LEXE_FW_AND))) {
            size_t q = p;
            while (q > c->b && k - q < 10 &&
                   (c->t[q].kind == SITREP_TOK_NUMBER || is_char(c, q, ',') || fw_is(c, q, SR_LEXE_FW_AND)))
                q--;
            if (q < p && c->t[q + 1].kind == SITREP_TOK_NUMBER && word_is(c, q, SR_LEX_FIGURES_AGE_WORD))
                return false;
        }
        if (a->plain && bare && a->v <= 120 && has_prev && is_char(c, p, ',') &&
            (is_char(c, k + 1, ',') || is_char(c, k + 1, ')') || k + 1 == c->e) &&
            p > c->b && c->t[p - 1].kind == SITREP_TOK_WORD && (c->t[p - 1].flags & SITREP_TOKF_CAP))
            return false;
    }
    /* years: only with a qualifier, or before a plural noun */
    if (is_yearlike(c, a) && (q == SR_Q_EXACT || q == SR_Q_RANGE)) {
        if (!is_plural_word(c, a->next))
            return false;
        if (has_prev && (word_is(c, p, SR_LEX_FIGURES_YEAR_PREP) ||
                         (c->t[p].kind == SITREP_TOK_WORD && sr_month_number(tstr(c, p), tlen(c, p))) ||
                         is_char(c, p, ',')))
            return false;
    }
    return true;
}

/* Phone numbers: 3+ numbers joined by spaces, hyphens, dots, slashes or
 * brackets, or 2 with a leading 0 or a "+" before.  *end receives the
 * token after the chain. */
static bool phone_chain(const fctx *c, size_t i, size_t *end)
{
    size_t j = i, count = 1;
    bool lead0 = tlen(c, i) >= 2 && tstr(c, i)[0] == '0';
    for (;;) {
        size_t m = j + 1;
        while (in_sent(c, m) && c->t[m].kind == SITREP_TOK_PUNCT && tlen(c, m) == 1 &&
               strchr("-.()/", tstr(c, m)[0]))
            m++;
        if (!in_sent(c, m) || c->t[m].kind != SITREP_TOK_NUMBER || c->t[m].start - c->t[j].end > 3 ||
            memchr(tstr(c, m), ',', tlen(c, m)))
            break;
        bool only = true;
        for (uint32_t b = c->t[j].end; b < c->t[m].start && only; b++)
            only = strchr(" -.()/", c->src[b]) != NULL;
        if (!only)
            break;
        for (size_t x = j; x <= m; x += m - j)
            for (size_t y = 0; y < tlen(c, x); y++)
                only = only && tstr(c, x)[y] >= '0' && tstr(c, x)[y] <= '9';
        if (!only)
            break;
        lead0 = lead0 || (tlen(c, m) >= 2 && tstr(c, m)[0] == '0');
        count++;
        j = m;
    }
    bool plus = i > c->b && is_char(c, i - 1, '+') && adj(c, i - 1, i);
    bool paren = i > c->b && is_char(c, i - 1, '(') && adj(c, i - 1, i) && is_char(c, i + 1, ')');
    if (count >= 3 || (count == 2 && (lead0 || plus || paren))) {
        *end = j + 1;
        return true;
    }
    return false;
}

/* ---- measure ---- */

/* A quotation mark token: " ' or a curly one. */
static bool is_quote_mark(const fctx *c, size_t i)
{
    if (!in_sent(c, i) || c->t[i].kind == SITREP_TOK_WORD || c->t[i].kind == SITREP_TOK_NUMBER)
        return false;
    const unsigned char *s = (const unsigned char *)c->src + c->t[i].start;
    size_t n = c->t[i].end - c->t[i].start;
    return (n == 1 && (s[0] == '"' || s[0] == '\'')) ||
           (n == 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x98 && s[2] <= 0x9F);
}

static bool measure_after(const fctx *c, size_t k, bool singular, bool after_of_singular,
                          uint32_t *ms, uint32_t *me)
{
    bool of = false;
    if (is_word(c, k, "of")) {
        of = true;
        k++;
        if (word_is(c, k, SR_LEX_FIGURES_MEASURE_DET))
            k++;
    }
    /* scare quotes round a word: eight "senior" leaders */
    while (is_quote_mark(c, k))
        k++;
    /* "five other people" */
    if (!of && word_is(c, k, SR_LEX_FIGURES_MEASURE_SKIP) && in_sent(c, k + 1) &&
        c->t[k + 1].kind == SITREP_TOK_WORD && !is_function_word(c, k + 1))
        k++;
    size_t run = 0;
    while (run < 4 && in_sent(c, k + run) &&
           ((c->t[k + run].kind == SITREP_TOK_WORD &&
             ((c->t[k + run].flags & SITREP_TOKF_ALLCAPS) || !is_function_word(c, k + run)) &&
             !word_is(c, k + run, SR_LEX_FIGURES_TIME_UNIT)) ||
            (run > 0 && is_quote_mark(c, k + run) && in_sent(c, k + run + 1) &&
             c->t[k + run + 1].kind == SITREP_TOK_WORD)))
        run++;
    if (run == 4 && !is_quote_mark(c, k + 1) && !is_quote_mark(c, k + 2))
        run = 3;
    for (size_t r = 0; r < run; r++) {
        if (!is_plural_word(c, k + r))
            continue;
        size_t last = k + r;
        /* "police officers": a plural noun modifying the next one */
        while (last + 1 < k + run && !word_is(c, last, SR_LEX_FIGURES_PARTICIPLE) &&
               is_plural_word(c, last + 1) && !word_is(c, last + 1, SR_LEX_FIGURES_PARTICIPLE))
            last++;
        if (!word_is(c, last, SR_LEX_FIGURES_PARTICIPLE) && word_is(c, last + 1, SR_LEX_FIGURES_PARTICIPLE))
            last++;
        *ms = c->t[k].start;
        *me = c->t[last].end;
        return true;
    }
    if (run && (singular || (of && after_of_singular))) {
        size_t last = k + (run > 2 ? 2 : run) - 1;
        for (size_t r = k; r < last; r++)
            if (word_is(c, r, SR_LEX_FIGURES_PARTICIPLE))
                last = r; /* "the displaced live ..." */
        while (last > k) {
            const char *s = tstr(c, last);
            size_t n = tlen(c, last);
            bool verbish = (n > 3 && s[n - 2] == 'e' && s[n - 1] == 'd') ||
                           (n > 4 && s[n - 3] == 'i' && s[n - 2] == 'n' && s[n - 1] == 'g');
            if (!verbish)
                break;
            last--;
        }
        *ms = c->t[k].start;
        *me = c->t[last].end;
        return true;
    }
    return false;
}

/* ---- one figure ---- */

static bool try_figure(const fctx *c, size_t i, uint32_t numof_s, uint32_t numof_e,
                       sr_figure *fig, size_t *next)
{
    qphrase qp = {0, 0};
    size_t nq = match_qualifier(c, i, &qp);
    int q = nq ? qp.q : SR_Q_EXACT;
    int joiner = nq ? qp.joiner : RJ_NONE;
    val a, b;
    if (!parse_value(c, i + nq, &a))
        return false;
    if (joiner && a.vague)
        return false;
    if (!value_ok(c, &a, q, joiner ? 0 : nq))
        return false;
    /* a range */
    size_t k = a.next;
    bool range = false, en = false;
    if (!a.vague && !a.fraction) {
        size_t j = SIZE_MAX;
        if (joiner == RJ_BETWEEN && is_word(c, k, "and"))
            j = k + 1;
        else if (joiner == RJ_FROM && is_word(c, k, "to"))
            j = k + 1;
        else if (!joiner && is_dash(c, k, &en) &&
                 ((adj(c, k - 1, k) && in_sent(c, k + 1) && adj(c, k, k + 1)) ||
                  (en && !adj(c, k - 1, k) && in_sent(c, k + 1) && !adj(c, k, k + 1))))
            j = k + 1;
        else if (!joiner && (!nq || q == SR_Q_APPROX) && (is_word(c, k, "to") || is_word(c, k, "or")) &&
                 !is_word(c, k + 1, "more") && !is_word(c, k + 1, "so"))
            j = k + 1;
        if (j != SIZE_MAX && parse_value(c, j, &b) && !b.vague && !b.fraction &&
            !(is_yearlike(c, &b) && !is_yearlike(c, &a))) {
            if (a.scale == 1 && b.scale > 1 && a.v * b.scale <= b.v) {
                a.v *= b.scale;
                a.scale = b.scale;
            }
            if (!a.unit[0] && b.unit[0])
                memcpy(a.unit, b.unit, sizeof a.unit);
            if (!b.unit[0] && a.unit[0] && b.cur == false && a.cur)
                memcpy(b.unit, a.unit, sizeof b.unit);
            if (strcmp(a.unit, b.unit) == 0 && a.v < b.v)
                range = true;
        }
    }
    if (joiner && !range) {
        /* "between" or "from" without its other half */
        nq = 0;
        q = SR_Q_EXACT;
    }
    size_t end = range ? b.next : a.next;
    double low = a.v, high = range ? b.v : a.vague ? a.hi : a.v;
    if (range)
        q = SR_Q_RANGE;
    else if (a.vague && q == SR_Q_EXACT)
        q = SR_Q_APPROX;
    /* after the value */
    if (is_word(c, end, "or") && is_word(c, end + 1, "more") && q == SR_Q_EXACT) {
        q = SR_Q_AT_LEAST;
        end += 2;
    } else if (is_word(c, end, "or") && is_word(c, end + 1, "so") && q == SR_Q_EXACT) {
        q = SR_Q_APPROX;
        end += 2;
    } else if (is_char(c, end, '+') && adj(c, end - 1, end) && q == SR_Q_EXACT) {
        q = SR_Q_MORE_THAN;
        end += 1;
    }
    /* durations, spans and times are not figures */
    if (word_is(c, end, SR_LEX_FIGURES_TIME_UNIT) || word_is(c, end, SR_LEX_FIGURES_CLOCK_WORD))
        return false;
    if (is_dash(c, end, &en) && adj(c, end - 1, end) && in_sent(c, end + 1) &&
        c->t[end + 1].kind == SITREP_TOK_WORD && adj(c, end, end + 1))
        return false; /* "$10-million", "3-to-5-year" compounds */
    uint32_t ms = 0, me = 0;
    bool have = measure_after(c, end, a.one && !range, a.fraction || (a.unit[0] && !a.cur) || a.cur,
                              &ms, &me);
    if (a.one && !range && !have)
        return false;
    /* "four times faster", "ten times more": a ratio, no count of times */
    if (have && is_word(c, end, "times") && c->t[end].end == me && word_is(c, end + 1, SR_LEX_FIGURES_RATIO_AFTER))
        return false;
    if (!have && !a.unit[0] && numof_e > numof_s) {
        ms = numof_s;
        me = numof_e;
    }
    size_t first = nq ? i : a.first;
    memset(fig, 0, sizeof *fig);
    fig->start = c->t[first].start;
    fig->end = c->t[end - 1].end;
    fig->low = low;
    fig->high = high;
    fig->qualifier = (uint8_t)q;
    memcpy(fig->unit, a.unit, sizeof fig->unit);
    fig->measure_start = ms;
    fig->measure_end = me;
    *next = end;
    return true;
}


/* Can a figure start at token i?  Numbers and symbols (currencies) can;
 * punctuation only as the qualifier "~"; a word when it is hyphenated
 * ("twenty-five", "two-thirds") or one of the lower-case words of
 * figures.start (number words, qualifiers, vague plurals).  A capitalised
 * word may also be one of the words that match_qualifier and parse_value
 * read whatever their case and the lower-case list leaves out
 * (figures.cap_start: "Above", "US", "USD").  Worked out per token by
 * sr_word_info (SR_WI_FIG_START).  Testing this first keeps the matchers
 * off the ordinary words and names that make most of a text. */
static bool may_start_figure(const fctx *c, size_t i) { return c->w[i].flags & SR_WI_FIG_START; }

sitrep_status sr_find_figures(const sitrep_doc *doc, sr_buf *out)
{
    if (!doc || !out)
        return SITREP_EARG;
    size_t ntok, nsen;
    const sitrep_token *tok = sitrep_doc_tokens(doc, &ntok);
    const sitrep_sentence *sen = sitrep_doc_sentences(doc, &nsen);
    sr_buf scratch;
    sr_buf_init(&scratch, doc->mem);
    const sr_wordinfo *wi = sr_word_info_of(doc, &scratch);
    if (!wi)
        return SITREP_ENOMEM;
    for (size_t s = 0; s < nsen; s++) {
        fctx c = {doc->src, tok, wi, sen[s].first, (size_t)sen[s].first + sen[s].count};
        if (c.e > ntok)
            c.e = ntok;
        uint32_t numof_s = 0, numof_e = 0;
        for (size_t i = c.b; i < c.e;) {
            if (word_is(&c, i, SR_LEX_FIGURES_COUNT_NOUN) && is_word(&c, i + 1, "of")) {
                uint32_t ms, me;
                if (measure_after(&c, i + 2, false, false, &ms, &me)) {
                    numof_s = ms;
                    numof_e = me;
                }
            }
            size_t next;
            if (tok[i].kind == SITREP_TOK_NUMBER && phone_chain(&c, i, &next)) {
                i = next;
                continue;
            }
            sr_figure f;
            if (may_start_figure(&c, i) && try_figure(&c, i, numof_s, numof_e, &f, &next)) {
                if (!SR_VEC_PUSH(out, sr_figure, f)) {
                    sr_buf_free(&scratch);
                    return SITREP_ENOMEM;
                }
                i = next;
            } else {
                i++;
            }
        }
    }
    sr_buf_free(&scratch);
    return SITREP_OK;
}
