/*
 * truecase.c -- the case edited prose would have, for documents whose
 * case carries no information (see truecase.h).
 */
#include "analyse/truecase.h"

#include "core/dates.h"
#include "data/actors.h"
#include "data/gazetteer.h"
#include "data/lex.h"
#include "data/lexicon.h"
#include "data/namekey.h"

#include <string.h>

#define TC_MAX_SPAN 6   /* the longest phrase looked up, in tokens */
#define TC_MAX_PARTS 8  /* hyphen-joined parts of one token that are cased */
#define TC_COMMON_POP 100000 /* a town named by common words only: this many people */

/* ---- the profile ---- */

/* The end of the run of ASCII lower-case letters at src[i..end): eight
 * bytes at a time where the machine is little-endian (a word's letters
 * are tested together, the first other byte found by its bit). */
static uint32_t lower_run_end(const char *src, uint32_t i, uint32_t end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
    const uint64_t high = 0x8080808080808080ull;
    while (end - i >= 8) {
        uint64_t x;
        memcpy(&x, src + i, 8);
        uint64_t y = x & ~high;                            /* each byte < 0x80: no carries */
        uint64_t lower = (y + 0x1f1f1f1f1f1f1f1full) &     /* >= 'a' */
                         ~(y + 0x0505050505050505ull) &    /* <= 'z' */
                         ~x & high;                        /* ASCII */
        if (lower != high)
            return i + (uint32_t)(__builtin_ctzll(~lower & high) >> 3);
        i += 8;
    }
#endif
    while (i < end && (unsigned)((unsigned char)src[i] - 'a') < 26u)
        i++;
    return i;
}

int sr_case_profile(const sitrep_doc *doc)
{
    size_t words = 0, capital = 0, lower = 0;
    size_t nl = SR_VEC_COUNT(&doc->lines, sr_line);
    const char *src = doc->src;
    /* The bytes and lines still to read bound the words still to come: a
     * word takes a byte and is ended by another or by its line's end, so
     * a line of r bytes holds at most (r + 1) / 2.  Once the words read
     * so far make prose whatever the rest holds (the test at the end, with
     * every word to come neither capitalised nor lower-case), the rest is
     * not read: the answer is the one the whole text would give. */
    size_t rest_bytes = 0, rest_lines = 0;
    for (size_t li = 0; li < nl; li++) {
        const sr_line *ln = &SR_VEC_AT(&doc->lines, sr_line, li);
        if (!ln->drop) {
            rest_bytes += ln->end - ln->start;
            rest_lines++;
        }
    }
    for (size_t li = 0; li < nl; li++) {
        const sr_line *ln = &SR_VEC_AT(&doc->lines, sr_line, li);
        if (ln->drop)
            continue;
        size_t most = words + (rest_bytes + rest_lines) / 2 + 1;
        if (lower * 10 >= most && capital * 50 >= most)
            return SR_CASE_MIXED;
        rest_bytes -= ln->end - ln->start;
        rest_lines--;
        bool in_word = false, has_lower = false;
        /* ASCII letters, the bulk of the text, are classified inline and a
         * run of lower-case letters is skipped in one loop; other bytes are
         * decoded.  The line's end counts as a space. */
        for (uint32_t i = ln->start, end = ln->end; i < end;) {
            unsigned char c = (unsigned char)src[i];
            if (c < 0x80) {
                i++;
                if ((unsigned)(c - 'a') < 26u) {
                    if (!in_word) {
                        words++;
                        in_word = true;
                    }
                    has_lower = true;
                    i = lower_run_end(src, i, end);
                } else if ((unsigned)(c - 'A') < 26u) {
                    if (!in_word) {
                        words++;
                        capital++;
                        in_word = true;
                        has_lower = false;
                    }
                } else if (in_word && c != '\'' && c != '-') {
                    lower += has_lower;
                    in_word = false;
                }
                continue;
            }
            int32_t cp;
            i += (uint32_t)sr_utf8_decode(src, end, i, &cp);
            bool up = sr_cp_is_upper(cp);
            bool lo = sr_cp_is_lower(cp);
            if (up || lo) {
                if (!in_word) {
                    words++;
                    capital += up;
                    in_word = true;
                    has_lower = false;
                }
                has_lower = has_lower || lo;
            } else if (in_word && cp != 0x2019 && !sr_cp_is_letter(cp)) {
                lower += has_lower;
                in_word = false;
            }
        }
        if (in_word)
            lower += has_lower;
    }
    if (words < 4)
        return SR_CASE_MIXED;
    /* edited prose capitalises one word in eight or more, and writes
     * nearly every word with lower-case letters */
    if (lower * 10 < words)
        return SR_CASE_UPPER;
    if (capital * 50 < words)
        return SR_CASE_LOWER;
    return SR_CASE_MIXED;
}

/* ---- letters ---- */

/* Latin-1 letters (U+00C0..U+00FE but the signs at D7 and F7) are two
 * bytes, C3 80..BE: their lower and upper case differ by 0x20 in the
 * second byte. */
static void fold_lower(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            s[i] = (char)(c + 32);
        else if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1];
            if (d >= 0x80 && d <= 0x9E && d != 0x97)
                s[i + 1] = (char)(d + 0x20);
            i++;
        }
    }
}

/* Raises the letter at s[0] (the first letter of a word); returns its
 * byte length. */
static size_t raise_letter(char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c >= 'a' && c <= 'z') {
        s[0] = (char)(c - 32);
        return 1;
    }
    if (c == 0xC3 && n >= 2) {
        unsigned char d = (unsigned char)s[1];
        if (d >= 0xA0 && d <= 0xBE && d != 0xB7)
            s[1] = (char)(d - 0x20);
        return 2;
    }
    return 1;
}

static void raise_first(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            raise_letter(s + i, n - i);
            return;
        }
        if (c >= 0x80) {
            raise_letter(s + i, n - i);
            return;
        }
    }
}

/* Raises every letter before an apostrophe ("ISIS's"). */
static void raise_all(char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i] != '\'' && (unsigned char)s[i] != 0xE2;)
        i += raise_letter(s + i, n - i);
}

sitrep_status sr_case_fold_copy(sitrep_doc *doc)
{
    char *copy = doc->decoded;
    if (copy == NULL) {
        copy = doc->mem->calloc(doc->len + 1, 1);
        if (copy == NULL)
            return SITREP_ENOMEM;
        memcpy(copy, doc->src, doc->len);
        copy[doc->len] = '\0';
        doc->decoded = copy;
        doc->src = copy;
    }
    fold_lower(copy, doc->len);
    return SITREP_OK;
}

/* ---- what the data says of a word ---- */

static bool ascii_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
            return false;
    return n > 0;
}

static bool same_letters(const char *a, size_t n, const char *b)
{
    size_t m = strlen(b);
    if (m != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (char)(y + 32);
        if (x != y)
            return false;
    }
    return true;
}

/* An alias of the knowledge base with this key; with `exact`, only one
 * spelled in capitals whose letters are s[0..n) ("ISIS", "U.S."). */
static const sr_actor_alias *kb_alias(uint64_t key, const char *s, size_t n, bool exact)
{
    if (key == 0)
        return NULL;
    for (uint32_t i = (uint32_t)key & sr_actor_alias_mask;; i = (i + 1) & sr_actor_alias_mask) {
        const sr_actor_alias *a = &sr_actor_aliases[i];
        if (a->key == 0)
            return NULL;
        if (a->key != key)
            continue;
        if (!exact)
            return a;
        if (a->exact && same_letters(s, n, a->exact))
            return a;
    }
}

/* What the gazetteer holds under a key: a mask of (1 << kind), and the
 * largest population among its towns. */
static unsigned gaz_kinds(const sr_gazetteer *g, uint64_t key, uint32_t *pop)
{
    uint32_t ids[16];
    *pop = 0;
    if (g == NULL || key == 0)
        return 0;
    size_t n = sr_gaz_lookup(g, key, ids, 16);
    unsigned mask = 0;
    for (size_t i = 0; i < n && i < 16; i++) {
        sr_place p;
        sr_gaz_place(g, ids[i], &p);
        mask |= 1u << p.kind;
        if (p.kind == SR_PLACE_CITY && p.population > *pop)
            *pop = p.population;
    }
    return mask;
}

#define KIND(k) (1u << (k))

static bool in_set(const sr_wordset *set, const char *s, size_t n)
{
    return sr_wordset_has(set, s, n);
}

/* A word that the dictionary lacks but makes from one it has: "airstrikes",
 * "jihadists", "counterterrorism" (data/lex/entities.lex
 * derivation_suffixes, data/compound-prefixes.txt). */
static bool derived_word(const char *s, size_t n)
{
    for (size_t k = 1; k <= 8 && k + 3 <= n; k++) {
        sr_lexid id = sr_lex_find(s + n - k, k);
        if (!sr_lex_in(id, SR_LEX_ENTITIES_DERIVATION_SUFFIXES))
            continue;
        size_t m = n - k;
        if (in_set(&sr_common_words, s, m))
            return true;
        /* "located" from "locate", "jihadism" from "jihad" */
        char buf[64];
        if (m + 1 < sizeof buf) {
            memcpy(buf, s, m);
            buf[m] = 'e';
            if (in_set(&sr_common_words, buf, m + 1))
                return true;
        }
    }
    for (size_t k = 2; k <= 7 && k + 3 <= n; k++)
        if (in_set(&sr_compound_prefixes, s, k) &&
            (in_set(&sr_common_words, s + k, n - k) || derived_word(s + k, n - k)))
            return true;
    return false;
}

/* ---- decisions ---- */

/* TC_SURNAME: capitalised as a surname, and so everywhere else in the
 * document ("Peter Cook said ... Cook said"). */
enum { TC_LOWER = 0, TC_CAP, TC_UPPER, TC_SURNAME };

typedef struct tc_state {
    sitrep_doc *doc;
    char *src;
    sitrep_token *tok;
    size_t n;
    const sr_gazetteer *gaz;
    uint8_t *cap;   /* per token: it was raised as (part of) a name; 2 the
                     * surname after a given name, TC_IN_PHRASE a word of a
                     * name the knowledge base or the gazetteer knows */
} tc_state;

#define TC_IN_PHRASE 3

static bool is_word(const tc_state *st, size_t i)
{
    return i < st->n && st->tok[i].kind == SITREP_TOK_WORD;
}

static sr_lexid tok_lex(const tc_state *st, size_t i)
{
    return is_word(st, i) ? sr_lex_find(st->src + st->tok[i].start,
                                        st->tok[i].end - st->tok[i].start)
                          : 0;
}

static bool is_link(const char *s, size_t n)
{
    return sr_namekey_is_particle(s, n) ||
           sr_lex_in(sr_lex_find(s, n), SR_LEX_ENTITIES_NAME_LINKS);
}

/* "la", "el", "los": an article that opens a name ("La Paz", "El
 * Salvador", "Los Angeles") and is capitalised there. */
static bool is_name_article(const char *s, size_t n)
{
    return sr_lex_in(sr_lex_find(s, n), SR_LEX_ENTITIES_NAME_ARTICLES);
}

/* Splits token i at its hyphens into parts (offsets into src). */
static size_t token_parts(const tc_state *st, size_t i, uint32_t *ps, uint32_t *pe)
{
    uint32_t a = st->tok[i].start, e = st->tok[i].end;
    size_t np = 0;
    for (uint32_t j = a; j <= e && np < TC_MAX_PARTS; j++) {
        if (j == e || st->src[j] == '-') {
            if (j > a) {
                ps[np] = a;
                pe[np] = j;
                np++;
            }
            a = j + 1;
        }
    }
    return np;
}

/* Is an ambiguous acronym at token i (part `part` of `np`) a name here? */
static bool acronym_context(const tc_state *st, size_t i, size_t part, size_t np)
{
    if (np > 1)
        return part == 0; /* "us-led", "is-held" */
    /* "the us", "the is": an article before a pronoun or a verb is
     * ungrammatical, before a noun ("the site") it is not */
    const char *s = st->src + st->tok[i].start;
    size_t n = st->tok[i].end - st->tok[i].start;
    bool closed = in_set(&sr_function_words, s, n) || in_set(&sr_short_words, s, n);
    if (closed && i > 0 && is_word(st, i - 1) &&
        sr_lex_in(tok_lex(st, i - 1), SR_LEX_ENTITIES_ARTICLES))
        return true;
    return i + 1 < st->n && sr_lex_in(tok_lex(st, i + 1), SR_LEX_ENTITIES_ACRONYM_AFTER);
}

static bool title_key(uint64_t key, bool *lower);

/* A word the dictionary lacks with an ending names do not have
 * ("interoperability", "radicalisation"; data/lex/entities.lex). */
static bool common_ending(const char *s, size_t n)
{
    for (size_t k = 3; k <= 8 && k + 2 <= n; k++)
        if (sr_lex_in(sr_lex_find(s + n - k, k), SR_LEX_ENTITIES_COMMON_ENDINGS))
            return true;
    return false;
}

/* Does token i (its first part) follow a given name raised as a name
 * ("john smith", "peter cook")? */
static bool after_given_name(const tc_state *st, size_t i, size_t part)
{
    /* not a given name that ends a known name: "el salvador yesterday",
     * "san salvador" are no "Salvador Allende" */
    if (!(part == 0 && i > 0 && is_word(st, i - 1) && st->cap[i - 1] && st->cap[i - 1] != TC_IN_PHRASE &&
          !(st->tok[i].flags & SITREP_TOKF_SENT_START) &&
          in_set(&sr_given_names, st->src + st->tok[i - 1].start,
                 st->tok[i - 1].end - st->tok[i - 1].start)))
        return false;
    /* the given name opens the name: after a title or another name, a
     * sentence start or punctuation, not after "the" ("the Asad regime") */
    size_t g = i - 1;
    if (g == 0 || (st->tok[g].flags & SITREP_TOKF_SENT_START) || !is_word(st, g - 1) ||
        st->cap[g - 1])
        return true;
    const char *w = st->src + st->tok[g - 1].start;
    size_t wn = st->tok[g - 1].end - st->tok[g - 1].start;
    bool lower;
    return (title_key(sr_namekey_of(w, wn), &lower)) ||
           sr_lex_in(sr_lex_find(w, wn), SR_LEX_FRAME_SPEECH);
}

/* Is token i, s[0..n), a given name that is also an acronym of the
 * knowledge base ("ana", "sana", "isa") before a word no dictionary has
 * in lower case, a surname ("ana mora", "isa ahmed")?  Before a common
 * word it stays the acronym ("ana troops", "sana reported"). */
static bool given_before_surname(const tc_state *st, size_t i, const char *s, size_t n)
{
    if (!in_set(&sr_given_names, s, n) || i + 1 >= st->n || !is_word(st, i + 1) ||
        (st->tok[i + 1].flags & SITREP_TOKF_SENT_START))
        return false;
    const char *w = st->src + st->tok[i + 1].start;
    size_t wn = st->tok[i + 1].end - st->tok[i + 1].start;
    return ascii_word(w, wn) && wn >= 2 && !in_set(&sr_common_words, w, wn) &&
           !kb_alias(sr_namekey_of(w, wn), w, wn, false);
}

/* The case of one part of token i, s[0..n). */
static int decide_part(tc_state *st, size_t i, size_t part, size_t np, const char *s, size_t n,
                       const char **exact)
{
    *exact = NULL;
    if (n == 1)
        return np == 1 && s[0] == 'i' ? TC_UPPER : TC_LOWER;
    /* "country's", "don't": the word before its apostrophe, unless the
     * whole is a name ("da'esh") */
    for (size_t k = 1; k < n; k++)
        if (s[k] == '\'' || (s[k] == '\xE2' && k + 2 < n && s[k + 1] == '\x80' && s[k + 2] == '\x99')) {
            if (kb_alias(sr_namekey_of(s, n), s, n, false))
                return TC_CAP;
            if (k == 1)
                return TC_LOWER; /* "o'clock", "d'ivoire" */
            n = k;
            break;
        }
    if (is_link(s, n))
        return TC_LOWER;
    bool ascii = ascii_word(s, n);
    bool low = ascii && in_set(&sr_common_words, s, n);
    uint64_t key = sr_namekey_of(s, n);
    const sr_actor_alias *ex = kb_alias(key, s, n, true);
    if (ex && np == 1 && !low && given_before_surname(st, i, s, n))
        return TC_CAP; /* "ana mora": the given name, not the Afghan army's ANA */
    if (ex) {
        if (!low || acronym_context(st, i, part, np)) {
            *exact = ex->exact;
            return TC_UPPER;
        }
        return TC_LOWER;
    }
    if (!ascii)
        return low ? TC_LOWER : TC_CAP; /* "zürich", "bāb" */
    bool dict = in_set(&sr_dict_words, s, n);
    bool proper = in_set(&sr_proper_words, s, n), caps = in_set(&sr_allcaps_words, s, n);
    if (!dict) {
        uint32_t pop;
        if (in_set(&sr_given_names, s, n) || kb_alias(key, s, n, false) ||
            gaz_kinds(st->gaz, key, &pop))
            return TC_CAP;
        if (derived_word(s, n) || common_ending(s, n))
            return TC_LOWER;
        bool vowel = false;
        for (size_t k = 0; k < n; k++)
            vowel = vowel || strchr("aeiouyAEIOUY", s[k]) != NULL;
        return n <= 3 || !vowel ? TC_UPPER : TC_CAP;
    }
    if (!low)
        return caps && !proper ? TC_UPPER : proper || caps ? TC_CAP : TC_LOWER;
    if (!(proper || caps))
        return after_given_name(st, i, part) && !in_set(&sr_function_words, s, n) &&
                       !sr_lex_in(sr_lex_find(s, n), SR_LEX_FRAME_SPEECH)
                   ? TC_SURNAME
                   : TC_LOWER;
    /* an acronym that is also a common word: "the us embassy", "let us go" */
    if (caps)
        return acronym_context(st, i, part, np) ? TC_UPPER : TC_LOWER;
    /* both a common word and a name: "turkey", "china", "may", "smith" */
    uint32_t pop;
    unsigned kinds = gaz_kinds(st->gaz, key, &pop);
    if (kinds & (KIND(SR_PLACE_COUNTRY) | KIND(SR_PLACE_DEMONYM)))
        return TC_CAP;
    if (sr_month_number(s, n) && np == 1 &&
        ((i + 1 < st->n && st->tok[i + 1].kind == SITREP_TOK_NUMBER) ||
         (i > 0 && st->tok[i - 1].kind == SITREP_TOK_NUMBER)))
        return TC_CAP;
    return after_given_name(st, i, part) ? TC_SURNAME : TC_LOWER;
}

static void write_part(tc_state *st, uint32_t a, uint32_t e, int c, const char *exact)
{
    size_t m = exact ? strlen(exact) : 0;
    if (exact && m <= e - a && (m == e - a || st->src[a + m] == '\'' ||
                                (unsigned char)st->src[a + m] == 0xE2))
        memcpy(st->src + a, exact, m);
    else if (c == TC_UPPER)
        raise_all(st->src + a, e - a);
    else if (c == TC_CAP || c == TC_SURNAME)
        raise_first(st->src + a, e - a);
}

/* ---- phrases ---- */

/* Is the words' phrase [i, j) one the knowledge base or the gazetteer
 * names, in a form that makes its words a name? */
static bool phrase_is_name(const tc_state *st, size_t i, size_t j, uint64_t key, bool all_common)
{
    const char *s = st->src + st->tok[i].start;
    size_t n = st->tok[j - 1].end - st->tok[i].start;
    if (kb_alias(key, s, n, false))
        return true;
    uint32_t pop;
    unsigned kinds = gaz_kinds(st->gaz, key, &pop);
    if (!kinds)
        return false;
    if (!all_common)
        return true;
    /* "united states", "middle east", "long beach"; not "old town",
     * "north west" */
    return (kinds & (KIND(SR_PLACE_COUNTRY) | KIND(SR_PLACE_FACILITY))) ||
           ((kinds & KIND(SR_PLACE_CITY)) && pop >= TC_COMMON_POP);
}

/* Is token j a closed-class word or a word of one or two letters?  Keys
 * join words without a space: "to go" is the key of Togo, "us a" of USA. */
static bool closed_only(const tc_state *st, size_t j)
{
    const char *s = st->src + st->tok[j].start;
    size_t n = st->tok[j].end - st->tok[j].start;
    return n <= 2 || in_set(&sr_function_words, s, n);
}

/* The longest phrase of 2..TC_MAX_SPAN word tokens from token i that
 * names something; its end, or i. */
static size_t phrase_at(const tc_state *st, size_t i)
{
    if (!is_word(st, i))
        return i;
    const char *s0 = st->src + st->tok[i].start;
    size_t n0 = st->tok[i].end - st->tok[i].start;
    if ((is_link(s0, n0) && !is_name_article(s0, n0)) ||
        sr_lex_in(sr_lex_find(s0, n0), SR_LEX_ENTITIES_ARTICLES))
        return i;
    sr_namekey k;
    sr_namekey_init(&k);
    bool all_common = true, substance = false;
    size_t best = i;
    for (size_t j = i; j < st->n && j < i + TC_MAX_SPAN; j++) {
        if (!is_word(st, j) || (j > i && (st->tok[j].flags & SITREP_TOKF_SENT_START)))
            break;
        uint32_t ps[TC_MAX_PARTS], pe[TC_MAX_PARTS];
        size_t np = token_parts(st, j, ps, pe);
        bool link_last = false;
        for (size_t p = 0; p < np; p++) {
            const char *s = st->src + ps[p];
            size_t n = pe[p] - ps[p];
            sr_namekey_add(&k, s, n);
            link_last = is_link(s, n) && !(j == i && p == 0);
            /* "eastern region", "old town": words that have a common
             * reading each */
            if (!link_last && !in_set(&sr_common_words, s, n))
                all_common = false;
        }
        if (!closed_only(st, j))
            substance = true;
        if (j == i || link_last || !substance)
            continue;
        if (phrase_is_name(st, i, j + 1, sr_namekey_value(&k), all_common))
            best = j + 1;
    }
    return best;
}

/* ---- titles ---- */

/* Is the key a title ("President", "Gen."; *lower: a role noun written in
 * lower case, "spokesman")? */
static bool title_key(uint64_t key, bool *lower)
{
    for (uint32_t s = (uint32_t)key & sr_title_mask; key && sr_titles[s].key;
         s = (s + 1) & sr_title_mask)
        if (sr_titles[s].key == key && sr_titles[s].text) {
            *lower = sr_titles[s].lower;
            return true;
        }
    return false;
}

/* "president Obama", "gen. Votel": raises a title written before the name
 * starting at token i. */
static void raise_title(tc_state *st, size_t i)
{
    size_t w[4], nw = 0;
    size_t j = i;
    while (j > 0 && nw < sr_title_max_units && nw < 4) {
        size_t p = j - 1;
        if (st->tok[p].kind == SITREP_TOK_PUNCT && st->src[st->tok[p].start] == '.' && p > 0 &&
            is_word(st, p - 1) && st->tok[p - 1].end == st->tok[p].start)
            p--;
        if (!is_word(st, p) || st->cap[p])
            break;
        w[nw++] = p;
        j = p;
        if (st->tok[p].flags & SITREP_TOKF_SENT_START)
            break;
    }
    for (size_t len = nw; len >= 1; len--) {
        sr_namekey k;
        sr_namekey_init(&k);
        for (size_t q = len; q-- > 0;)
            sr_namekey_add(&k, st->src + st->tok[w[q]].start, st->tok[w[q]].end - st->tok[w[q]].start);
        bool lower;
        if (title_key(sr_namekey_value(&k), &lower) && !lower) {
            for (size_t q = 0; q < len; q++) {
                const char *s = st->src + st->tok[w[q]].start;
                size_t n = st->tok[w[q]].end - st->tok[w[q]].start;
                if (!is_link(s, n))
                    raise_first(st->src + st->tok[w[q]].start, n);
            }
            return;
        }
    }
}

/* Raises token k as a word of a name: each hyphen-joined part but the
 * links ("al-Burhan", "Tehrik-e-Taliban"). */
static void raise_name_token(tc_state *st, size_t k)
{
    uint32_t ps[TC_MAX_PARTS], pe[TC_MAX_PARTS];
    size_t np = token_parts(st, k, ps, pe);
    for (size_t p = 0; p < np; p++)
        if (np == 1 || !is_link(st->src + ps[p], pe[p] - ps[p]))
            raise_first(st->src + ps[p], pe[p] - ps[p]);
}

/* ---- what the document says ---- */

/* "world monuments fund (wmf)": a word in brackets whose letters are the
 * initials of the words before it defines them as a name. */
static void defined_acronyms(tc_state *st)
{
    for (size_t i = 1; i + 2 < st->n; i++) {
        if (!(st->tok[i].kind == SITREP_TOK_PUNCT && st->src[st->tok[i].start] == '(' &&
              is_word(st, i + 1) && st->tok[i + 2].kind == SITREP_TOK_PUNCT &&
              st->src[st->tok[i + 2].start] == ')'))
            continue;
        char *a = st->src + st->tok[i + 1].start;
        size_t an = st->tok[i + 1].end - st->tok[i + 1].start;
        if (an < 2 || an > 8 || !ascii_word(a, an))
            continue;
        size_t words[8], nw = 0;
        size_t j = i;
        while (j > 0 && nw < an) {
            j--;
            if (!is_word(st, j))
                break;
            const char *w = st->src + st->tok[j].start;
            size_t wn = st->tok[j].end - st->tok[j].start;
            if (is_link(w, wn))
                continue;
            if ((w[0] | 0x20) != (a[an - 1 - nw] | 0x20))
                break;
            words[nw++] = j;
        }
        if (nw != an)
            continue;
        for (size_t k = 0; k < nw; k++) {
            raise_first(st->src + st->tok[words[k]].start,
                        st->tok[words[k]].end - st->tok[words[k]].start);
            st->cap[words[k]] = 1;
        }
        raise_all(a, an);
        st->cap[i + 1] = 1;
    }
}

/* Is token j a single letter followed by a period (an initial)? */
static bool initial_at(const tc_state *st, size_t j)
{
    return is_word(st, j) && st->tok[j].end - st->tok[j].start == 1 && j + 1 < st->n &&
           st->tok[j + 1].kind == SITREP_TOK_PUNCT && st->src[st->tok[j + 1].start] == '.' &&
           st->tok[j + 1].start == st->tok[j].end;
}

/* "john j. Thomas", "gary j. Volesky", "bill Clinton": a given name that
 * is also a common word, and initials, before a name. */
static void given_before_surnames(tc_state *st)
{
    for (size_t i = st->n; i-- > 1;) {
        if (!st->cap[i])
            continue;
        size_t j = i;
        /* initials: "j." */
        while (j >= 2 && initial_at(st, j - 2) && !st->cap[j - 2]) {
            raise_first(st->src + st->tok[j - 2].start, 1);
            st->cap[j - 2] = 1;
            j -= 2;
        }
        if (j == 0 || st->cap[j - 1] || !is_word(st, j - 1) ||
            (st->tok[j].flags & SITREP_TOKF_SENT_START))
            continue;
        char *w = st->src + st->tok[j - 1].start;
        size_t wn = st->tok[j - 1].end - st->tok[j - 1].start;
        if (in_set(&sr_function_words, w, wn) || is_link(w, wn) || !ascii_word(w, wn))
            continue;
        if (in_set(&sr_given_names, w, wn) || in_set(&sr_proper_words, w, wn)) {
            raise_first(w, wn);
            st->cap[j - 1] = 1;
        }
    }
}

/* Can token k be a word of a person's name after a title?  1 when its
 * usual case says name (a proper noun, a given name, an unknown word, a
 * common word that is also a name), 2 when it is only a common word (a
 * surname such as "cook" may be), 0 when it cannot. */
static int name_word(const tc_state *st, size_t k)
{
    if (!is_word(st, k) || (st->tok[k].flags & SITREP_TOKF_SENT_START))
        return 0;
    const char *w = st->src + st->tok[k].start;
    size_t wn = st->tok[k].end - st->tok[k].start;
    if (st->cap[k])
        return 1;
    sr_lexid id = sr_lex_find(w, wn);
    if (in_set(&sr_function_words, w, wn) || sr_lex_in(id, SR_LEX_ENTITIES_NAME_LINKS) ||
        sr_lex_in(id, SR_LEX_FRAME_SPEECH))
        return 0;
    if (!ascii_word(w, wn))
        return strchr(w, '-') ? 1 : 0; /* "al-jubeir" */
    bool title;
    if (title_key(sr_namekey_of(w, wn), &title))
        return 0;
    if (!in_set(&sr_common_words, w, wn) || in_set(&sr_proper_words, w, wn) ||
        in_set(&sr_given_names, w, wn))
        return 1;
    return 2;
}

/* Does token k read as a given name: in the list of given names, or a
 * proper noun that is also a common word ("peter", "john", "bill")? */
static bool given_like(const tc_state *st, size_t k)
{
    const char *w = st->src + st->tok[k].start;
    size_t wn = st->tok[k].end - st->tok[k].start;
    return is_word(st, k) && (in_set(&sr_given_names, w, wn) ||
                              (in_set(&sr_proper_words, w, wn) && in_set(&sr_common_words, w, wn)));
}

/* "press secretary peter cook told", "col. john j. thomas": the words
 * after a title, up to a function word or a verb of speech, are a name. */
static void names_after_titles(tc_state *st)
{
    for (size_t t0 = 0; t0 < st->n; t0++) {
        if (!is_word(st, t0))
            continue;
        sr_namekey k;
        sr_namekey_init(&k);
        size_t end = 0; /* one past the longest title from t0 */
        bool role = false;
        for (size_t j = t0, units = 0; j < st->n && units < sr_title_max_units; j++) {
            if (!is_word(st, j)) {
                /* "col.", "gen.": an abbreviation's period */
                if (j > t0 && st->src[st->tok[j].start] == '.' && st->tok[j].start == st->tok[j - 1].end) {
                    if (end == j)
                        end = j + 1;
                    continue;
                }
                break;
            }
            if (!sr_namekey_add(&k, st->src + st->tok[j].start, st->tok[j].end - st->tok[j].start))
                break; /* "ash", "al": a particle adds nothing to the key */
            units++;
            bool lower;
            if (title_key(sr_namekey_value(&k), &lower)) {
                end = j + 1;
                role = lower;
            }
        }
        if (end == 0 || end >= st->n)
            continue;
        /* the name: up to four words, initials among them; a word that is
         * only a common one is a given name before a name ("ash carter")
         * or a surname after a given name ("peter cook"), nothing else */
        size_t q = end, last = end, words = 0;
        int prev = 0;
        while (q < st->n && q < end + 6 && words < 4) {
            if (initial_at(st, q)) {
                q += 2;
                continue;
            }
            int c = name_word(st, q);
            if (c == 0)
                break;
            if (c == 2) {
                bool given_next = words == 0 && name_word(st, q + 1) == 1;
                bool surname = words == 1 && prev == 1 && given_like(st, q - 1);
                if (!given_next && !surname)
                    break;
            }
            prev = c;
            words++;
            last = ++q;
            if (c == 2 && words == 2)
                break;
        }
        if (last == end)
            continue;
        for (size_t r = end; r < last; r++) {
            if (!is_word(st, r) || st->cap[r])
                continue;
            raise_name_token(st, r);
            st->cap[r] = r + 1 == last ? 2 : 1;
        }
        if (!role)
            for (size_t r = t0; r < end; r++)
                if (is_word(st, r) && !is_link(st->src + st->tok[r].start,
                                               st->tok[r].end - st->tok[r].start))
                    raise_first(st->src + st->tok[r].start, st->tok[r].end - st->tok[r].start);
        t0 = last - 1;
    }
}

/* Is token i the function word fw (frame.lex: function_word)? */
static bool tok_fw(const tc_state *st, size_t i, int32_t fw)
{
    return sr_lex_fw[tok_lex(st, i)] == fw; /* frame.function_word (data/lex.h) */
}

/* "the foreign secretary said", "the iraqi prime minister", "the minister
 * for the middle east": after "the" (and up to two words raised already,
 * "iraqi"), the title of an office (a title of person-titles.txt holding a
 * word of office_heads, two words or more, or one with "for" or "of" and
 * a name after it) names the office's holder, as "the Foreign Secretary"
 * does in edited prose (entities.c: office_holder).  A bare "the
 * minister" or "the president" stays lower case: edited prose writes it
 * so as often as not. */
static void office_titles(tc_state *st)
{
    for (size_t i = 0; i + 1 < st->n; i++) {
        if (!tok_fw(st, i, SR_LEXE_FW_THE))
            continue;
        size_t t = i + 1;
        while (t < st->n && t < i + 3 && st->cap[t] && is_word(st, t))
            t++;
        if (t >= st->n || !is_word(st, t) || st->cap[t])
            continue;
        sr_namekey k;
        sr_namekey_init(&k);
        size_t end = 0, units = 0, best_units = 0;
        bool office = false, best_office = false;
        for (size_t j = t; j < st->n && units < sr_title_max_units && is_word(st, j) && !st->cap[j]; j++) {
            const char *w = st->src + st->tok[j].start;
            size_t n = st->tok[j].end - st->tok[j].start;
            if (!sr_namekey_add(&k, w, n))
                break;
            units++;
            office = office || sr_lex_in(sr_lex_find(w, n), SR_LEX_ENTITIES_OFFICE_HEADS);
            bool lower;
            if (title_key(sr_namekey_value(&k), &lower) && !lower) {
                end = j + 1;
                best_units = units;
                best_office = office;
            }
        }
        if (end == 0 || !best_office)
            continue;
        if (best_units < 2) {
            /* "minister for the middle east", "governor of kirkuk" */
            size_t q = end;
            if (!(tok_fw(st, q, SR_LEXE_FW_FOR) || tok_fw(st, q, SR_LEXE_FW_OF)))
                continue;
            q++;
            if (tok_fw(st, q, SR_LEXE_FW_THE))
                q++;
            if (q >= st->n || !st->cap[q])
                continue;
        }
        for (size_t r = t; r < end; r++)
            if (!is_link(st->src + st->tok[r].start, st->tok[r].end - st->tok[r].start)) {
                raise_first(st->src + st->tok[r].start, st->tok[r].end - st->tok[r].start);
                st->cap[r] = 1;
            }
        i = end - 1;
    }
}

/* "the 3rd battalion", "407th air expeditionary group", "5th fleet": an
 * ordinal in digits and the words after it up to a formation's head
 * (entities.lex: unit_heads; four words at most, no closed-class word
 * among them) are a unit's name, as entities.c reads "3rd Battalion". */
static void ordinal_units(tc_state *st)
{
    for (size_t i = 0; i + 1 < st->n; i++) {
        if (!sr_ordinal_digits(st->src + st->tok[i].start, st->tok[i].end - st->tok[i].start))
            continue;
        size_t last = 0;
        for (size_t j = i + 1; j < st->n && j < i + 5 && is_word(st, j); j++) {
            const char *s = st->src + st->tok[j].start;
            size_t m = st->tok[j].end - st->tok[j].start;
            if ((st->tok[j].flags & SITREP_TOKF_SENT_START) || in_set(&sr_function_words, s, m))
                break;
            if (sr_lex_in(sr_lex_find(s, m), SR_LEX_ENTITIES_UNIT_HEADS))
                last = j + 1;
        }
        for (size_t r = i + 1; r < last; r++) {
            raise_name_token(st, r);
            st->cap[r] = 1;
        }
        if (last)
            i = last - 1;
    }
}

/* A surname raised after a given name is raised wherever the document
 * names the person again ("Peter Cook said ... Cook said"). */
static void surnames_everywhere(tc_state *st)
{
    uint64_t names[32];
    size_t nn = 0;
    for (size_t i = 0; i < st->n && nn < 32; i++)
        if (st->cap[i] == 2)
            names[nn++] = sr_word_hash(st->src + st->tok[i].start, st->tok[i].end - st->tok[i].start);
    if (nn == 0)
        return;
    for (size_t i = 0; i < st->n; i++) {
        if (st->cap[i] || !is_word(st, i))
            continue;
        uint64_t h = sr_word_hash(st->src + st->tok[i].start, st->tok[i].end - st->tok[i].start);
        for (size_t k = 0; k < nn; k++)
            if (names[k] == h) {
                raise_name_token(st, i);
                st->cap[i] = 1;
                break;
            }
    }
}

/* ---- the pass ---- */

static uint16_t case_flags_of(const char *s, size_t n)
{
    size_t letters = 0, upper = 0;
    bool first = false, seen = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool up = (c >= 'A' && c <= 'Z') || (c == 0xC3 && i + 1 < n &&
                                             (unsigned char)s[i + 1] >= 0x80 &&
                                             (unsigned char)s[i + 1] <= 0x9E);
        bool lo = (c >= 'a' && c <= 'z') || (c == 0xC3 && i + 1 < n &&
                                             (unsigned char)s[i + 1] >= 0x9F);
        if (c == 0xC3)
            i++;
        if (!up && !lo)
            continue;
        if (!seen)
            first = up, seen = true;
        letters++;
        upper += up;
    }
    uint16_t f = 0;
    if (first)
        f |= SITREP_TOKF_CAP;
    if (letters >= 2 && upper == letters)
        f |= SITREP_TOKF_ALLCAPS;
    return f;
}

sitrep_status sr_truecase(sitrep_doc *doc, sitrep_token *tok, size_t n)
{
    if (n == 0)
        return SITREP_OK;
    tc_state st = {doc, doc->decoded, tok, n, sr_gazetteer_get(), NULL};
    if (st.src == NULL || st.src != doc->src)
        return SITREP_OK; /* not a case-folded copy: nothing to write */
    st.cap = doc->mem->calloc(n, 1);
    if (st.cap == NULL)
        return SITREP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!is_word(&st, i))
            continue;
        size_t j = phrase_at(&st, i);
        if (j > i) {
            /* a known name: its words capitalised, its links not */
            for (size_t t = i; t < j; t++) {
                uint32_t ps[TC_MAX_PARTS], pe[TC_MAX_PARTS];
                size_t np = token_parts(&st, t, ps, pe);
                for (size_t p = 0; p < np; p++) {
                    const char *s = st.src + ps[p];
                    size_t m = pe[p] - ps[p];
                    if (is_link(s, m) && !(t == i && p == 0 && np == 1 && is_name_article(s, m)))
                        continue;
                    const sr_actor_alias *ex = kb_alias(sr_namekey_of(s, m), s, m, true);
                    write_part(&st, ps[p], pe[p],
                               ex || (in_set(&sr_allcaps_words, s, m) &&
                                      !in_set(&sr_common_words, s, m) &&
                                      !in_set(&sr_proper_words, s, m))
                                   ? TC_UPPER
                                   : TC_CAP,
                               ex ? ex->exact : NULL);
                }
                st.cap[t] = TC_IN_PHRASE;
            }
            i = j - 1;
            continue;
        }
        uint32_t ps[TC_MAX_PARTS], pe[TC_MAX_PARTS];
        size_t np = token_parts(&st, i, ps, pe);
        /* "u.s.", "u.n.": an initialism in dots */
        const char *s = st.src + tok[i].start;
        size_t m = tok[i].end - tok[i].start;
        if (m >= 3 && s[1] == '.' && np == 1) {
            uint64_t key = sr_namekey_of(s, m);
            const sr_actor_alias *ex = kb_alias(key, s, m, true);
            uint32_t pop;
            /* "u.s.", "u.n.", "u.n.h.c.r.", not "a.i." or "a.m." */
            if (ex || kb_alias(key, s, m, false) || gaz_kinds(st.gaz, key, &pop) ||
                (m >= 6 && !in_set(&sr_abbreviations, s, m))) {
                write_part(&st, tok[i].start, tok[i].end, TC_UPPER, ex ? ex->exact : NULL);
                st.cap[i] = 1;
            }
            continue;
        }
        for (size_t p = 0; p < np; p++) {
            const char *exact;
            const char *w = st.src + ps[p];
            size_t wn = pe[p] - ps[p];
            if (p > 0 && is_link(w, wn))
                continue;
            int c = decide_part(&st, i, p, np, w, wn, &exact);
            if (c != TC_LOWER) {
                write_part(&st, ps[p], pe[p], c, exact);
                if (p == 0)
                    st.cap[i] = c == TC_SURNAME ? 2 : 1;
            }
        }
    }
    defined_acronyms(&st);
    names_after_titles(&st);
    office_titles(&st);
    ordinal_units(&st);
    given_before_surnames(&st);
    surnames_everywhere(&st);
    /* titles before names, then the first word of each sentence */
    for (size_t i = 0; i < n; i++)
        if (st.cap[i] && (i == 0 || !st.cap[i - 1]))
            raise_title(&st, i);
    for (size_t i = 0; i < n; i++) {
        if (!(tok[i].flags & (SITREP_TOKF_SENT_START | SITREP_TOKF_PARA_START)))
            continue;
        size_t j = i;
        while (j < n && j < i + 3 && tok[j].kind == SITREP_TOK_PUNCT)
            j++;
        if (is_word(&st, j))
            raise_first(st.src + tok[j].start, tok[j].end - tok[j].start);
    }
    for (size_t i = 0; i < n; i++)
        if (tok[i].kind == SITREP_TOK_WORD)
            tok[i].flags = (uint16_t)((tok[i].flags & ~(SITREP_TOKF_CAP | SITREP_TOKF_ALLCAPS)) |
                                      case_flags_of(st.src + tok[i].start,
                                                    tok[i].end - tok[i].start));
    doc->mem->free(st.cap);
    return SITREP_OK;
}
