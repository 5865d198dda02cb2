/*
 * describe.c -- document metadata that needs the cleaned lines: the outlet
 * from a dateline ("BAGHDAD (AP) --", "Outlet Name/ ...") or the URL host,
 * and an inferred publication date when none is stated.
 *
 * Exports sr_describe().  Header lines, bylines and "Posted ..." lines were
 * read by the cleaner (clean.c) while it classified them.
 */
#include "doc.h"

#include "core/dates.h"
#include "clean/outlets.h"

#include <stdio.h>
#include <string.h>

/* "CITY (AP) --" or "CITY, Country (Reuters) -": an outlet code in
 * parentheses near the start of the first paragraph, before a dash. */
static const char *dateline_outlet(const char *s, size_t n)
{
    size_t lim = n < 100 ? n : 100;
    for (size_t i = 0; i < lim; i++) {
        if (s[i] != '(')
            continue;
        size_t j = i + 1;
        while (j < lim && s[j] != ')')
            j++;
        if (j >= lim)
            return NULL;
        const char *canon = sr_outlet_lookup(s + i + 1, j - i - 1);
        if (!canon)
            return NULL;
        /* followed by a dash of any shape */
        size_t k = j + 1;
        while (k < n && s[k] == ' ')
            k++;
        if (k < n && (s[k] == '-' || (unsigned char)s[k] == 0xE2))
            return canon;
        return NULL;
    }
    return NULL;
}

/* "Outlet Name/ The ..." at the start of the first paragraph. */
static const char *slash_outlet(sitrep_doc *doc, const char *s, size_t n)
{
    size_t lim = n < 60 ? n : 60;
    for (size_t i = 2; i < lim; i++) {
        if (s[i] == '/' && i + 1 < n && s[i + 1] == ' ') {
            const char *canon = sr_outlet_lookup(s, i);
            if (canon)
                return canon;
            if (sr_outlet_like(s, i))
                return sr_arena_strndup(&doc->arena, s, i);
            return NULL;
        }
        if (s[i] == '.' || s[i] == ',')
            return NULL;
    }
    return NULL;
}

/* Can a word starting with these two letters be a month or weekday name
 * (ja fe ma ap au ju se oc no de mo tu we th fr sa su)?  A bit per second
 * letter, a word per first letter: most capitalised words fail here. */
static bool date_word_start(const char *w)
{
#define B(c) (1u << ((c) - 'a'))
    static const uint32_t second[26] = {
        ['a' - 'a'] = B('p') | B('u'),           ['d' - 'a'] = B('e'),
        ['f' - 'a'] = B('e') | B('r'),           ['j' - 'a'] = B('a') | B('u'),
        ['m' - 'a'] = B('a') | B('o'),           ['n' - 'a'] = B('o'),
        ['o' - 'a'] = B('c'),                    ['s' - 'a'] = B('e') | B('a') | B('u'),
        ['t' - 'a'] = B('u') | B('h'),           ['w' - 'a'] = B('e')};
#undef B
    unsigned a = (unsigned)(w[0] | 0x20) - 'a', b = (unsigned)(w[1] | 0x20) - 'a';
    return a < 26 && b < 26 && (second[a] >> b & 1u);
}

sitrep_status sr_describe(sitrep_doc *doc)
{
    size_t n = SR_VEC_COUNT(&doc->lines, sr_line);
    const sr_line *L = (const sr_line *)(const void *)doc->lines.data;

    if (!doc->outlet) {
        for (size_t i = 0; i < n; i++) {
            if (L[i].drop || !(L[i].flags & SR_LINE_PROSE))
                continue;
            const char *s = doc->src + L[i].start;
            size_t len = L[i].end - L[i].start;
            const char *o = dateline_outlet(s, len);
            if (!o)
                o = slash_outlet(doc, s, len);
            if (o)
                doc->outlet = sr_arena_strndup(&doc->arena, o, strlen(o));
            break; /* only the first paragraph carries a dateline */
        }
    }
    if (!doc->outlet && doc->url) {
        const char *o = sr_outlet_from_url(doc->url);
        if (o)
            doc->outlet = sr_arena_strndup(&doc->arena, o, strlen(o));
    }

    if (!doc->published) {
        /* The latest full date the text mentions: an article is written on
         * or after every day it reports.  Dates start at a number or a
         * capitalised month or weekday name, so only such tokens are tried. */
        sr_date best = {0, 0, 0};
        uint32_t best_at = 0, best_end = 0;
        size_t nt;
        const sitrep_token *t = sitrep_doc_tokens(doc, &nt);
        for (size_t i = 0; i < nt; i++) {
            /* the token's flags first: most words are lower case, and their
             * bytes need not be read at all */
            if (t[i].kind == SITREP_TOK_WORD ? !(t[i].flags & SITREP_TOKF_CAP)
                                             : t[i].kind != SITREP_TOK_NUMBER)
                continue;
            const char *w = doc->src + t[i].start;
            size_t wn = t[i].end - t[i].start;
            if (t[i].kind == SITREP_TOK_WORD) {
                if (wn < 3 || !(w[0] >= 'A' && w[0] <= 'Z') || !date_word_start(w) ||
                    !(sr_month_number(w, wn) || sr_weekday_name(w, wn)))
                    continue;
            } else if (t[i].kind == SITREP_TOK_NUMBER) {
                /* a day ("17", "17th") or an ISO year ("2024-07-17") */
                bool day = wn <= 4 && !(wn >= 3 && w[2] >= '0' && w[2] <= '9');
                bool iso = wn == 4 && t[i].end < doc->len &&
                           (doc->src[t[i].end] == '-' || doc->src[t[i].end] == '/');
                if (!day && !iso)
                    continue;
                /* a day starts a date only before a month name ("17 July",
                 * "17th of July") or a numeric separator ("17/07/2024"):
                 * most numbers in news count things */
                if (day && !iso) {
                    char after = t[i].end < doc->len ? doc->src[t[i].end] : ' ';
                    bool numeric = after == '/' || after == '.' || after == '-';
                    size_t j = i + 1;
                    if (j < nt && t[j].kind == SITREP_TOK_WORD && t[j].end - t[j].start == 2 &&
                        memcmp(doc->src + t[j].start, "of", 2) == 0)
                        j++;
                    bool month = j < nt && t[j].kind == SITREP_TOK_WORD &&
                                 sr_month_number(doc->src + t[j].start, t[j].end - t[j].start);
                    if (!numeric && !month)
                        continue;
                }
            } else {
                continue;
            }
            size_t lim = doc->len - t[i].start;
            if (lim > 64)
                lim = 64;
            sr_date d;
            size_t used;
            if (sr_date_at(doc->src + t[i].start, lim, &d, &used) && d.day &&
                sr_date_cmp(&d, &best) > 0) {
                best = d;
                best_at = t[i].start;
                best_end = (uint32_t)(t[i].start + used);
            }
        }
        /* a header line opening with a date ("4 March 2026, updated
         * 08:15 GMT", "MARCH 4, 2026"): the article's own
         * dateline, dropped from the text the tokens cover */
        for (size_t i = 0; i < n && L[i].drop == SITREP_DROP_HEADER; i++) {
            const char *s = doc->src + L[i].start;
            size_t len = L[i].end - L[i].start;
            sr_date d;
            size_t used;
            if (len && ((s[0] >= '0' && s[0] <= '9') || (len >= 3 && date_word_start(s))) &&
                sr_date_at(s, len < 64 ? len : 64, &d, &used) && d.day && sr_date_cmp(&d, &best) > 0) {
                best = d;
                best_at = L[i].start;
                best_end = (uint32_t)(L[i].start + used);
            }
        }
        if (best.year) {
            char iso[11];
            sr_date_iso(&best, iso);
            doc->published_inferred = sr_arena_strndup(&doc->arena, iso, 10);
            char basis[200];
            int k = snprintf(basis, sizeof basis, "latest date mentioned in the text (bytes %u-%u)",
                             best_at, best_end);
            doc->published_basis = sr_arena_strndup(&doc->arena, basis, (size_t)k);
        }
    }
    return SITREP_OK;
}
