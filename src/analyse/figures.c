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
static bool is_word(const fctx *c, size_t i, const char *w)
{
    return in_sent(c, i) && c->t[i].kind == SITREP_TOK_WORD &&
           (tstr(c, i)[0] | 0x20) == (w[0] | 0x20) && sr_ieq(tstr(c, i), tlen(c, i), w);
}

static bool word_in(const fctx *c, size_t i, const char *const *list)
{
    return in_sent(c, i) && c->t[i].kind == SITREP_TOK_WORD &&
           sr_ieq_index(tstr(c, i), tlen(c, i), list) >= 0;
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

static bool is_function_word(const fctx *c, size_t i)
{
    return sr_wordset_has(&sr_function_words, tstr(c, i), tlen(c, i));
}

/* ---- word lists ---- */

static const char *const time_units[] = {
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months", "year",
    "years", "yr", "yrs", "decade", "decades", "century", "centuries", "night", "nights",
    "ago", NULL};
static const char *const clock_words[] = {"a.m.", "p.m.", "a.m", "p.m", "am", "pm", "gmt", "utc",
                                          "o'clock", "GMT", "local", NULL};
static const char *const name_heads[] = {
    "article", "articles", "resolution", "route", "highway", "road", "flight", "number", "no",
    "nos", "tower", "camp", "gate", "block", "sector", "zone", "building", "room", "phase",
    "level", "grade", "class", "category", "chapter", "section", "paragraph", "clause", "page",
    "item", "line", "bus", "street", "platform", "unit", "brigade", "battalion", "division",
    "regiment", "squadron", "kilometre", "kilometer", "checkpoint", "lot", "district", "ward",
    "episode", "season", "vol", "volume", "version", "model", "type", "channel", NULL};
static const char *const year_preps[] = {
    "in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "early",
    "late", "mid", "the", "to", "and", "between", "through", "throughout", "for", "year",
    "fiscal", "summer", "winter", "spring", "autumn", "fall", NULL};
static const char *const one_not_after[] = {"no", "any", "every", "each", "the", "this", "that",
                                            "which", "some", NULL};
static const char *const one_not_before[] = {
    "another", "day", "time", "point", "way", "side", "thing", "hand", "night", "morning",
    "evening", "afternoon", "more", "after", "by", "other", "last", "such", "way", NULL};
static const char *const cap_not_name[] = {
    "just", "nearly", "almost", "roughly", "around", "another", "all", "exactly", "precisely",
    "still", "only", "some", "those", "these", "another", "about", "over", "under", "up", "and",
    "but", "of", "the", "at", "in", "on", "for", "by", "with", "to", "from", "than", "since",
    NULL};
static const char *const participles[] = {"killed", "wounded", "injured", "dead", "displaced",
                                          "detained", "arrested", "captured", "missing",
                                          "abducted", "kidnapped", "evacuated", NULL};
static const char *const irregular_plurals[] = {
    "people", "men", "women", "children", "police", "personnel", "staff", "dead", "killed",
    "wounded", "injured", "aircraft", "cattle", "livestock", "sheep", "militia", "crew",
    "youth", "clergy", "infantry", "data", NULL};
static const char *const not_plural[] = {"was", "has", "his", "its", "this", "yes", "does",
                                         "thus", "says", "goes", "whereas", "as", "is", "us",
                                         "plus", "news", "lies", "sees", "makes", NULL};

static bool in_list(const char *s, size_t n, const char *const *list)
{
    return sr_ieq_index(s, n, list) >= 0;
}

/* ---- qualifiers ---- */

enum { RJ_NONE, RJ_BETWEEN, RJ_FROM };

typedef struct qphrase {
    const char *words[3];
    uint8_t q;
    uint8_t joiner; /* RJ_*: the qualifier needs a range */
} qphrase;

static const qphrase qualifiers[] = {
    {{"approximately"}, SR_Q_APPROX, 0}, {{"about"}, SR_Q_APPROX, 0},
    {{"around"}, SR_Q_APPROX, 0}, {{"some"}, SR_Q_APPROX, 0},
    {{"roughly"}, SR_Q_APPROX, 0}, {{"nearly"}, SR_Q_APPROX, 0},
    {{"almost"}, SR_Q_APPROX, 0}, {{"close", "to"}, SR_Q_APPROX, 0},
    {{"an", "estimated"}, SR_Q_APPROX, 0}, {{"estimated"}, SR_Q_APPROX, 0},
    {{"circa"}, SR_Q_APPROX, 0}, {{"approx"}, SR_Q_APPROX, 0},
    {{"~"}, SR_Q_APPROX, 0},
    {{"more", "than"}, SR_Q_MORE_THAN, 0}, {{"over"}, SR_Q_MORE_THAN, 0},
    {{"above"}, SR_Q_MORE_THAN, 0}, {{"upwards", "of"}, SR_Q_MORE_THAN, 0},
    {{"in", "excess", "of"}, SR_Q_MORE_THAN, 0}, {{"just", "over"}, SR_Q_MORE_THAN, 0},
    {{"well", "over"}, SR_Q_MORE_THAN, 0}, {{"just", "more", "than"}, SR_Q_MORE_THAN, 0},
    {{"at", "least"}, SR_Q_AT_LEAST, 0}, {{"no", "fewer", "than"}, SR_Q_AT_LEAST, 0},
    {{"no", "less", "than"}, SR_Q_AT_LEAST, 0}, {{"not", "less", "than"}, SR_Q_AT_LEAST, 0},
    {{"a", "minimum", "of"}, SR_Q_AT_LEAST, 0},
    {{"fewer", "than"}, SR_Q_FEWER_THAN, 0}, {{"less", "than"}, SR_Q_FEWER_THAN, 0},
    {{"under"}, SR_Q_FEWER_THAN, 0}, {{"below"}, SR_Q_FEWER_THAN, 0},
    {{"just", "under"}, SR_Q_FEWER_THAN, 0},
    {{"up", "to"}, SR_Q_UP_TO, 0}, {{"as", "many", "as"}, SR_Q_UP_TO, 0},
    {{"as", "much", "as"}, SR_Q_UP_TO, 0}, {{"at", "most"}, SR_Q_UP_TO, 0},
    {{"no", "more", "than"}, SR_Q_UP_TO, 0}, {{"a", "maximum", "of"}, SR_Q_UP_TO, 0},
    {{"between"}, SR_Q_RANGE, RJ_BETWEEN}, {{"from"}, SR_Q_RANGE, RJ_FROM},
};

/* The longest qualifier starting at token i; returns its length in tokens.
 * Every qualifier starts with a word or "~", so numbers, symbols and other
 * punctuation are passed over, and so are the phrases whose first byte
 * differs from the token's (as sr_ieq_index does). */
static size_t match_qualifier(const fctx *c, size_t i, const qphrase **out)
{
    if (!in_sent(c, i))
        return 0;
    const char *s = tstr(c, i);
    if (c->t[i].kind != SITREP_TOK_WORD && !(tlen(c, i) == 1 && s[0] == '~'))
        return 0;
    unsigned char f = (unsigned char)s[0] | 0x20;
    size_t best = 0;
    for (size_t k = 0; k < sizeof qualifiers / sizeof qualifiers[0]; k++) {
        const qphrase *q = &qualifiers[k];
        if (((unsigned char)q->words[0][0] | 0x20) != f)
            continue;
        size_t n = 0;
        while (n < 3 && q->words[n]) {
            size_t j = i + n;
            if (!in_sent(c, j) || !sr_ieq(tstr(c, j), tlen(c, j), q->words[n]))
                break;
            n++;
        }
        if ((n == 3 || !q->words[n]) && n > best) {
            best = n;
            *out = q;
        }
    }
    return best;
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
    static const char *const f[] = {"half", "halves", "third", "thirds", "quarter", "quarters",
                                    "fifth", "fifths", "tenth", "tenths", NULL};
    static const int d[] = {2, 2, 3, 3, 4, 4, 5, 5, 10, 10};
    int k = sr_ieq_index(s, n, f);
    return k >= 0 ? d[k] : 0;
}

static double scale_word(const fctx *c, size_t i, bool allow_hundred)
{
    if (!in_sent(c, i) || c->t[i].kind != SITREP_TOK_WORD)
        return 0;
    const char *s = tstr(c, i);
    size_t n = tlen(c, i);
    if (allow_hundred && sr_ieq(s, n, "hundred"))
        return 100;
    if (sr_ieq(s, n, "thousand"))
        return 1e3;
    if (sr_ieq(s, n, "million") || sr_ieq(s, n, "mn"))
        return 1e6;
    if (sr_ieq(s, n, "billion") || sr_ieq(s, n, "bn"))
        return 1e9;
    if (sr_ieq(s, n, "trillion") || sr_ieq(s, n, "tn"))
        return 1e12;
    return 0;
}

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
    if (sr_ieq(suf, sn, "m") || sr_ieq(suf, sn, "mn"))
        out->scale = 1e6;
    else if (sr_ieq(suf, sn, "bn") || sr_ieq(suf, sn, "b"))
        out->scale = 1e9;
    else if (sr_ieq(suf, sn, "k"))
        out->scale = 1e3;
    else if (sr_ieq(suf, sn, "tn"))
        out->scale = 1e12;
    else if (sr_ieq(suf, sn, "km"))
        set_unit(out, "km");
    else if (sr_ieq(suf, sn, "kg"))
        set_unit(out, "kg");
    else
        return false; /* 1st, 1990s, 5h, 3pm, 10am */
    out->v *= out->scale;
    return true;
}

/* A unit written after the value; returns the tokens it takes. */
static size_t post_unit(const fctx *c, size_t j, val *v)
{
    if (is_char(c, j, '%')) {
        set_unit(v, "percent");
        return 1;
    }
    if (is_word(c, j, "percent") || is_word(c, j, "pct")) {
        set_unit(v, "percent");
        return 1;
    }
    if (is_word(c, j, "per") && is_word(c, j + 1, "cent")) {
        set_unit(v, "percent");
        return 2;
    }
    if (!v->unit[0]) {
        size_t us = (is_word(c, j, "US") || is_word(c, j, "U.S.")) && is_word(c, j + 1, "dollars");
        if (is_word(c, j + us, "dollars")) {
            set_unit(v, "usd");
            return us + 1;
        }
        if (is_word(c, j, "euros")) {
            set_unit(v, "eur");
            return 1;
        }
        if (is_word(c, j, "pounds")) {
            set_unit(v, "gbp");
            return 1 + is_word(c, j + 1, "sterling");
        }
    }
    static const char *const km[] = {"km", "kilometres", "kilometers", "kilometre", "kilometer",
                                      NULL};
    static const char *const mi[] = {"miles", "mile", NULL};
    static const char *const me[] = {"metres", "meters", "metre", "meter", NULL};
    static const char *const kg[] = {"kg", "kilograms", "kilos", "kilogrammes", NULL};
    static const char *const tn[] = {"tonnes", "tons", "tonne", "ton", NULL};
    if (v->unit[0])
        return 0;
    if ((is_word(c, j, "square") || is_word(c, j, "sq")) && word_in(c, j + 1, km)) {
        set_unit(v, "km2");
        return 2;
    }
    if ((is_word(c, j, "square") || is_word(c, j, "sq")) && word_in(c, j + 1, mi)) {
        set_unit(v, "sq_miles");
        return 2;
    }
    const char *u = word_in(c, j, km)   ? "km"
                    : word_in(c, j, mi) ? "miles"
                    : word_in(c, j, me) ? "m"
                    : word_in(c, j, kg) ? "kg"
                    : word_in(c, j, tn) ? "t"
                                        : NULL;
    if (!u)
        return 0;
    set_unit(v, u);
    return 1;
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
    if ((is_word(c, j, "US") || is_word(c, j, "U.S.")) && is_char(c, j + 1, '$') &&
        adj(c, j, j + 1)) {
        set_unit(out, "usd");
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
    } else if ((c->t[j].flags & SITREP_TOKF_ALLCAPS) &&
               (is_word(c, j, "USD") || is_word(c, j, "EUR") || is_word(c, j, "GBP")) &&
               in_sent(c, j + 1) && c->t[j + 1].kind == SITREP_TOK_NUMBER) {
        set_unit(out, tstr(c, j)[0] == 'U' ? "usd" : tstr(c, j)[0] == 'E' ? "eur" : "gbp");
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
    } else if (out->cur || t->kind != SITREP_TOK_WORD) {
        return false;
    } else {
        const char *s = tstr(c, j);
        size_t n = tlen(c, j);
        int wn, den;
        out->spelled = true;
        if (sr_ieq(s, n, "a") || sr_ieq(s, n, "an")) {
            double sc = scale_word(c, j + 1, true);
            if (is_word(c, j + 1, "dozen"))
                sc = 12;
            if (sc > 0) {
                out->v = sc;
                out->scale = sc >= 1000 ? sc : 1;
                j += 2;
            } else if (in_sent(c, j + 1) &&
                       (den = fraction_word(tstr(c, j + 1), tlen(c, j + 1))) > 0 &&
                       is_word(c, j + 2, "of")) {
                out->v = 1.0 / den;
                out->fraction = true;
                j += 2;
            } else {
                return false;
            }
        } else if (sr_ieq(s, n, "half")) {
            static const char *const before_half[] = {"first", "second", "other", "latter",
                                                      "last", "the", "one", "and", NULL};
            static const char *const after_half[] = {"of", "the", "its", "their", "his",
                                                     "her", "our", "all", NULL};
            if (j > c->b && word_in(c, j - 1, before_half))
                return false;
            double sc = scale_word(c, j + 2, false);
            if (is_word(c, j + 2, "dozen"))
                sc = 12;
            if ((is_word(c, j + 1, "a") || is_word(c, j + 1, "an")) && sc > 0) {
                out->v = 0.5 * sc;
                out->scale = sc >= 1000 ? sc : 1;
                j += 3;
            } else if (word_in(c, j + 1, after_half)) {
                out->v = 0.5;
                out->fraction = true;
                j++;
            } else {
                return false;
            }
        } else if (sr_ieq(s, n, "dozens") || sr_ieq(s, n, "hundreds") ||
                   sr_ieq(s, n, "thousands") || sr_ieq(s, n, "millions") ||
                   (sr_ieq(s, n, "scores") && is_word(c, j + 1, "of")) ||
                   (sr_ieq(s, n, "tens") && is_word(c, j + 1, "of") &&
                    (is_word(c, j + 2, "thousands") || is_word(c, j + 2, "millions")))) {
            out->vague = true;
            if (sr_ieq(s, n, "tens")) {
                bool th = is_word(c, j + 2, "thousands");
                out->v = th ? 20000 : 20e6;
                out->hi = th ? 99999 : 99999999;
                j += 3;
            } else if (sr_ieq(s, n, "hundreds") && is_word(c, j + 1, "of") &&
                       (is_word(c, j + 2, "thousands") || is_word(c, j + 2, "millions"))) {
                bool th = is_word(c, j + 2, "thousands");
                out->v = th ? 200000 : 200e6;
                out->hi = th ? 999999 : 999999999;
                j += 3;
            } else {
                switch ((s[0] | 0x20)) {
                case 'd': out->v = 24, out->hi = 99; break;
                case 's': out->v = 40, out->hi = 99; break;
                case 'h': out->v = 200, out->hi = 999; break;
                case 't': out->v = 2000, out->hi = 9999; break;
                default: out->v = 2e6, out->hi = 9999999; break;
                }
                j++;
            }
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
            if (wn <= 9 && in_sent(c, j) && !is_word(c, j, "half") &&
                (den = fraction_word(tstr(c, j), tlen(c, j))) > 0 && (wn == 1 || tstr(c, j)[tlen(c, j) - 1] == 's')) {
                out->v = (double)wn / den;
                out->fraction = true;
                j++;
            } else {
                out->one = wn == 1;
                if (is_word(c, j, "hundred")) {
                    out->v *= 100;
                    j++;
                    out->one = false;
                }
                if (is_word(c, j, "dozen")) {
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
    if (in_list(s, n, irregular_plurals))
        return true;
    /* policemen, fishermen, gunmen (not "specimen") */
    if (n > 5 && memcmp(s + n - 3, "men", 3) == 0 && !(c->t[i].flags & SITREP_TOKF_ALLCAPS) &&
        s[n - 4] != 'i')
        return true;
    if (n < 3 || (c->t[i].flags & SITREP_TOKF_ALLCAPS) || s[n - 1] != 's')
        return false;
    char p = s[n - 2];
    if (p == 's' || p == 'u' || p == 'i' || p == '\'' || !((p | 0x20) >= 'a' && (p | 0x20) <= 'z'))
        return false;
    return !in_list(s, n, not_plural);
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
            if (has_prev && !nq && word_in(c, p, one_not_after))
                return false;
            if (!in_sent(c, a->next) || c->t[a->next].kind != SITREP_TOK_WORD ||
                is_function_word(c, a->next) || word_in(c, a->next, one_not_before))
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
    /* times of day and ratios: 10:30, 3/4 */
    if ((is_char(c, k + 1, ':') || is_char(c, k + 1, '/')) && adj(c, k, k + 1))
        return false;
    if (k > c->b && (is_char(c, k - 1, ':') || is_char(c, k - 1, '/')) && adj(c, k - 1, k))
        return false;
    if (word_in(c, a->next, clock_words) || (bare && is_word(c, k + 1, "local")))
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
                              (is_function_word(c, p) || in_list(s, n, cap_not_name));
                if (!possessive && !opener && !in_list(s, n, cap_not_name))
                    return false;
            }
            if (word_in(c, p, name_heads))
                return false;
            if (is_char(c, p, '#'))
                return false;
            if (is_char(c, p, '.') && p > c->b && (is_word(c, p - 1, "No") || is_word(c, p - 1, "Nos")))
                return false;
        }
        /* list numbering */
        if (a->plain && bare && (k == c->b || (c->t[k].flags & (SITREP_TOKF_SENT_START | SITREP_TOKF_PARA_START))) &&
            (is_char(c, k + 1, '.') || is_char(c, k + 1, ')')) && adj(c, k, k + 1))
            return false;
        if (a->plain && bare && has_prev && is_char(c, p, '(') && is_char(c, k + 1, ')') &&
            a->v < 100)
            return false;
        /* ages */
        static const char *const age_words[] = {"aged", "age", "ages", NULL};
        if (has_prev && word_in(c, p, age_words))
            return false;
        if (a->plain && bare && a->v <= 120 && has_prev && is_char(c, p, ',') &&
            (is_char(c, k + 1, ',') || is_char(c, k + 1, ')') || k + 1 == c->e) &&
            p > c->b && c->t[p - 1].kind == SITREP_TOK_WORD && (c->t[p - 1].flags & SITREP_TOKF_CAP))
            return false;
    }
    /* years: only with a qualifier, or before a plural noun */
    if (is_yearlike(c, a) && (q == SR_Q_EXACT || q == SR_Q_RANGE)) {
        if (!is_plural_word(c, a->next))
            return false;
        if (has_prev && (word_in(c, p, year_preps) ||
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
    static const char *const dets[] = {"the", "its", "their", "his", "her", "our", "those",
                                       "these", "all", NULL};
    bool of = false;
    if (is_word(c, k, "of")) {
        of = true;
        k++;
        if (word_in(c, k, dets))
            k++;
    }
    /* scare quotes round a word: eight "senior" leaders */
    while (is_quote_mark(c, k))
        k++;
    size_t run = 0;
    while (run < 4 && in_sent(c, k + run) &&
           ((c->t[k + run].kind == SITREP_TOK_WORD &&
             ((c->t[k + run].flags & SITREP_TOKF_ALLCAPS) || !is_function_word(c, k + run)) &&
             !word_in(c, k + run, time_units)) ||
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
        while (last + 1 < k + run && !word_in(c, last, participles) &&
               is_plural_word(c, last + 1) && !word_in(c, last + 1, participles))
            last++;
        if (!word_in(c, last, participles) && word_in(c, last + 1, participles))
            last++;
        *ms = c->t[k].start;
        *me = c->t[last].end;
        return true;
    }
    if (run && (singular || (of && after_of_singular))) {
        size_t last = k + (run > 2 ? 2 : run) - 1;
        for (size_t r = k; r < last; r++)
            if (word_in(c, r, participles))
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
    const qphrase *qp = NULL;
    size_t nq = match_qualifier(c, i, &qp);
    int q = nq ? qp->q : SR_Q_EXACT;
    int joiner = nq ? qp->joiner : RJ_NONE;
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
    if (word_in(c, end, time_units) || word_in(c, end, clock_words))
        return false;
    if (is_dash(c, end, &en) && adj(c, end - 1, end) && in_sent(c, end + 1) &&
        c->t[end + 1].kind == SITREP_TOK_WORD && adj(c, end, end + 1))
        return false; /* "$10-million", "3-to-5-year" compounds */
    uint32_t ms = 0, me = 0;
    bool have = measure_after(c, end, a.one && !range, a.fraction || (a.unit[0] && !a.cur) || a.cur,
                              &ms, &me);
    if (a.one && !range && !have)
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
 * sr_figure_words (number words, qualifiers, vague plurals).  A capitalised
 * word may also be one of the words that match_qualifier and parse_value
 * read whatever their case and the lower-case list leaves out
 * (sr_figure_cap_words: "Above", "US", "USD").  Worked out per token by
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
            if (is_word(&c, i, "number") && is_word(&c, i + 1, "of")) {
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

const char *sr_qualifier_name(int q)
{
    switch (q) {
    case SR_Q_EXACT: return "exact";
    case SR_Q_APPROX: return "approximately";
    case SR_Q_MORE_THAN: return "more_than";
    case SR_Q_AT_LEAST: return "at_least";
    case SR_Q_FEWER_THAN: return "fewer_than";
    case SR_Q_UP_TO: return "up_to";
    case SR_Q_RANGE: return "range";
    default: return "unknown";
    }
}
