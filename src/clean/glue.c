/*
 * glue.c -- dictionary-backed splitting of glued words (see glue.h).
 *
 * Three shapes are repaired, each only when every part is a known word:
 *   lower|Upper     "inIraq", "StreetJournal", "ofRaqqa" (not McKenzie, YouTube:
 *                   names in data/camelcase-keep.txt and name prefixes)
 *   ACRONYM|lower   "USmaintains", "SDFcoalition" (not "CEOs", "IDPs")
 *   lower|lower     "bomberstargeting", "hasbeenincreasing": a word the
 *                   dictionary lacks that splits into 2-3 dictionary words;
 *                   the split with fewest parts, then the longest shortest
 *                   part, wins.  Capitalised words are never split this way
 *                   (unknown names are common, glued names are not).
 */
#include "glue.h"

#include "data/lexicon.h"

#include <stdbool.h>

static bool is_up(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_low(char c) { return c >= 'a' && c <= 'z'; }

static bool known(const char *s, size_t n)
{
    if (n <= 2)
        return sr_wordset_has(&sr_short_words, s, n);
    return sr_wordset_has(&sr_dict_words, s, n);
}

/* A part of a lower-case split: short parts must be function words. */
static bool part_ok(const char *s, size_t n)
{
    if (n <= 2)
        return sr_wordset_has(&sr_short_words, s, n) && !(n == 1 && s[0] == 'i');
    return sr_wordset_has(&sr_dict_words, s, n);
}

static bool name_prefix(const char *s, size_t n)
{
    static const char *const prefixes[] = {"mc", "mac", "de", "di", "da", "du", "la",
                                           "le", "van", "von", "del", "della", "o", NULL};
    for (size_t i = 0; prefixes[i]; i++) {
        const char *p = prefixes[i];
        size_t k = 0;
        while (p[k] && k < n && (s[k] | 0x20) == p[k])
            k++;
        if (p[k] == '\0' && k == n)
            return true;
    }
    return false;
}

#define SR_GLUE_MAX_LOWER 40

/* Is w[i..j), whose hash is h, a possible part? */
static bool part_hash_ok(const char *w, size_t i, size_t j, uint64_t h)
{
    size_t len = j - i;
    if (len <= 2)
        return sr_wordset_has_hash(&sr_short_words, h) && !(len == 1 && w[i] == 'i');
    return sr_wordset_has_hash(&sr_dict_words, h);
}

static uint64_t hash_range(const char *w, size_t i, size_t j)
{
    return sr_word_hash(w + i, j - i);
}

/* Splits a lower-case run into at most 3 dictionary parts.  Fewer parts
 * win; among equals, more function-word parts, then the longest shortest
 * part ("in|this" over "int|his", "troops|in" over "troop|sin").  A cut
 * that only breaks a closed compound ("nonmilitary", "mindset") is not
 * taken.  The rest of the word is looked at only behind a known first
 * part. */
static size_t split_lower(const char *w, size_t n, size_t base, size_t cuts[])
{
    if (n < 5 || n > SR_GLUE_MAX_LOWER)
        return 0; /* the caller checked the dictionary */
    size_t best_parts = 0, best_score = 0, c1 = 0, c2 = 0;
    for (size_t i = 1; i < n; i++) {
        uint64_t h0 = hash_range(w, 0, i);
        if (!part_hash_ok(w, 0, i, h0) || sr_wordset_has_hash(&sr_compound_prefixes, h0))
            continue;
        size_t f0 = sr_wordset_has_hash(&sr_function_words, h0);
        uint64_t hr = hash_range(w, i, n);
        if (part_hash_ok(w, i, n, hr) && !sr_wordset_has_hash(&sr_compound_suffixes, hr)) {
            size_t m = i < n - i ? i : n - i;
            size_t f = f0 + sr_wordset_has_hash(&sr_function_words, hr);
            size_t score = f * 64 + m;
            if ((m >= 3 || f) && (best_parts != 2 || score > best_score)) {
                best_parts = 2;
                best_score = score;
                c1 = i;
            }
        }
        if (best_parts == 2)
            continue;
        for (size_t j = i + 1; j < n; j++) {
            uint64_t h1 = hash_range(w, i, j);
            if (!part_hash_ok(w, i, j, h1) || sr_wordset_has_hash(&sr_compound_prefixes, h1))
                continue;
            uint64_t h2 = hash_range(w, j, n);
            if (!part_hash_ok(w, j, n, h2) || sr_wordset_has_hash(&sr_compound_suffixes, h2))
                continue;
            size_t m = i;
            if (j - i < m) m = j - i;
            if (n - j < m) m = n - j;
            size_t f = f0 + sr_wordset_has_hash(&sr_function_words, h1) +
                       sr_wordset_has_hash(&sr_function_words, h2);
            size_t score = f * 64 + m;
            if (m >= 2 && (best_parts == 0 || score > best_score)) {
                best_parts = 3;
                best_score = score;
                c1 = i;
                c2 = j;
            }
        }
    }
    if (best_parts == 0)
        return 0;
    cuts[0] = base + c1;
    if (best_parts == 3) {
        cuts[1] = base + c2;
        return 2;
    }
    return 1;
}

/* One hyphen-free segment. */
static size_t split_segment(const char *w, size_t n, size_t base, size_t cuts[], size_t room)
{
    if (n < 3 || room == 0 || n >= 64)
        return 0;
    /* One pass: letters only, and where the capitals are. */
    bool inner_cap = false;
    for (size_t i = 0; i < n; i++) {
        if (!is_up(w[i]) && !is_low(w[i]))
            return 0; /* digits, non-ASCII: leave alone */
        inner_cap = inner_cap || (i > 0 && is_up(w[i]));
    }
    uint64_t h = sr_word_hash(w, n);
    if (!inner_cap) {
        /* "Kurilla", "attacks": only an unknown lower-case word may be glue. */
        if (!is_low(w[0]) || n < 5 || sr_wordset_has_hash(&sr_dict_words, h))
            return 0;
        return split_lower(w, n, base, cuts);
    }
    if (sr_wordset_has_hash(&sr_camel_keep, h))
        return 0;

    /* ACRONYM|lower: an upper-case run of 2+ letters, then a lower word. */
    size_t u = 0;
    while (u < n && is_up(w[u]))
        u++;
    if (u >= 2 && u < n) {
        bool rest_lower = true;
        for (size_t i = u; i < n; i++)
            rest_lower = rest_lower && is_low(w[i]);
        if (rest_lower && n - u >= 3 && known(w + u, n - u)) {
            cuts[0] = base + u;
            return 1;
        }
        /* "ISISpropaganda" may also read as I|SIS...: only the run works. */
        return 0;
    }

    /* lower|Upper boundaries. */
    for (size_t i = 1; i + 1 < n; i++) {
        if (is_low(w[i - 1]) && is_up(w[i])) {
            const char *left = w;
            size_t ln = i;
            if (name_prefix(left, ln))
                return 0;
            bool left_lower = is_low(w[0]);
            bool ok_left = left_lower ? part_ok(left, ln) : (ln >= 4 && known(left, ln));
            if (!ok_left)
                return 0;
            size_t rn = n - i;
            /* The right part may itself be glued again ("inIraqand"). */
            size_t k = 0;
            /* "ofRaqqa", "toKirkuk": after a function word, any capitalised
             * word of three or more letters is taken as a name. */
            bool name_after_fw = left_lower && rn >= 3 &&
                                 sr_wordset_has(&sr_function_words, left, ln);
            if (!known(w + i, rn) && !name_after_fw) {
                size_t sub = split_segment(w + i, rn, base + i, cuts + 1, room - 1);
                if (sub == 0)
                    return 0;
                k = sub;
            }
            cuts[0] = base + i;
            return 1 + k;
        }
    }

    return 0;
}

size_t sr_glue_split(const char *w, size_t n, size_t cuts[SR_GLUE_MAX_CUTS])
{
    size_t count = 0, seg = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || w[i] == '-') {
            if (count < SR_GLUE_MAX_CUTS - 1)
                count += split_segment(w + seg, i - seg, seg, cuts + count,
                                       SR_GLUE_MAX_CUTS - 1 - count);
            seg = i + 1;
        }
    }
    return count;
}
