/*
 * clean.c -- boilerplate removal for scraped article text.
 *
 * Exports sr_clean_lines().  The input is cut into trimmed lines; each line
 * is first judged on its own (lexicons of UI words, prompts, tail markers,
 * caption and credit patterns, byline and timestamp shapes), then three
 * structural passes look at neighbours:
 *   - the header: a "date YYYY-MM-DD" marker line, kickers and the headline
 *     before the first paragraph of prose;
 *   - teaser groups: a relative timestamp ("5h ago") ends a teaser, and the
 *     headline-like, repeated or truncated ("...") lines before it belong
 *     to that teaser;
 *   - tails: after a marker such as "Check Also", "Related" or "Comments",
 *     the teaser-like lines (or, after a comment prompt, all lines) that
 *     follow are not the article.
 * Nothing here knows any site or sentence: every rule is a shape of web
 * boilerplate, and every kept line is a byte range of the input.
 */
#include "doc.h"

#include "core/dates.h"
#include "clean/outlets.h"
#include "data/lexicon.h"

#include <string.h>

/* ---- lexicons ----
 * Whole-line phrases (UI words, prompts, related-content headings) are
 * compiled from data/ui-*.txt into hashed sets (src/data/lexicon.h).  The
 * prefix and credit lists below are matched at the start of a line or at
 * its parentheses. */



/* Prompts after which nothing is article text. */

/* Headings of related-content boxes: teaser-like lines after them go. */

/* Line prefixes that make a one-line teaser ("Read more: <headline>"). */
static const char *const teaser_prefixes[] = {
    "read more:", "read also:", "also read:", "related:", "see also:", "watch:",
    "read:", "more:", "listen:", "recommended:", NULL};

static const char *const disclaimer_prefixes[] = {
    "disclaimer", "copyright", "\xc2\xa9", "(c) ", "the views expressed",
    "the opinions expressed", "this article was originally published",
    "this story was originally published", "this article first appeared",
    "this material may not be published", "terms of use", "privacy policy",
    "all rights reserved", "editor's note:", "editor\xe2\x80\x99s note:", NULL};

static const char *const credit_prefixes[] = {
    "reporting by", "additional reporting by", "editing by", "writing by",
    "compiled by", "contributing:", "contributed to this report", NULL};

static const char *const caption_prefixes[] = {
    "file -", "file \xe2\x80\x93", "file \xe2\x80\x94", "file photo", "file:",
    "photo:", "photograph:", "photo credit", "image:", "caption:", "pictured:",
    "picture:", "in this photo", "in this image", "in this file photo",
    "this photo", "this image", "(photo", "[photo", "photo by ", NULL};

/* Credit marks inside a caption: they open with a parenthesis or a slash
 * ("(AP Photo/...", "(Photo by ... /Getty Images)", ".../AFP)"). */
static const char *const caption_credits[] = {
    "(ap photo", "(reuters/", "(afp/", "(afp photo", "(photo by", "(photo:", "(courtesy",
    "(epa", "(credit", "(image", "(getty", "/afp)", "/ afp)", "/reuters)", "/epa)", "/getty",
    "/ getty", "/afp via getty", NULL};

static const char *const meta_prefixes[] = {
    "posted", "published", "updated", "last updated", "last modified", "first published",
    "date:", "modified", NULL};

/* ---- line features ---- */

typedef struct feat {
    const char *s;      /* trimmed line */
    size_t n;
    char key[64];       /* lower-cased, trailing ":*|>" trimmed, or "" if long */
    bool terminal;      /* ends a sentence: . ! ? maybe with closing quote */
    bool ellipsis;      /* ends with ... or the ellipsis character */
    bool headline;      /* 2..30 words, no final period */
    bool prose;         /* reads as article sentences */
} feat;

static bool in_list(const char *key, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(key, list[i]) == 0)
            return true;
    return false;
}

static bool starts_any(const char *s, size_t n, const char *const *list)
{
    if (n == 0)
        return false;
    char c = (char)(s[0] | 0x20);
    for (size_t i = 0; list[i]; i++)
        if ((list[i][0] | 0x20) == c && sr_istarts(s, n, list[i]))
            return true;
    return false;
}

/* Does a credit mark (caption_credits) occur in s[0..n)?  Only the
 * parentheses and slashes of the line are looked at. */
static bool has_credit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *p = memchr(s + i, '(', n - i);
        const char *q = memchr(s + i, '/', n - i);
        if (!p || (q && q < p))
            p = q;
        if (!p)
            return false;
        i = (size_t)(p - s);
        for (size_t k = 0; caption_credits[k]; k++)
            if (caption_credits[k][0] == *p && sr_istarts(p, n - i, caption_credits[k]))
                return true;
    }
    return false;
}

/* "All rights reserved" anywhere in the line: found by its 'v's. */
static bool has_rights_notice(const char *s, size_t n)
{
    for (const char *v = s, *e = s + n; (v = memchr(v, 'v', (size_t)(e - v))) != NULL; v++)
        if (v - s >= 16 && sr_istarts(v - 16, (size_t)(e - v) + 16, "all rights reserved"))
            return true;
    return false;
}

/* Strips closing quotes/brackets at the end; returns the new length. */
static size_t strip_closers(const char *s, size_t n)
{
    for (;;) {
        if (n >= 1 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')' || s[n - 1] == ']')) {
            n--;
            continue;
        }
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99)) {
            n -= 3; /* closing curly quotes */
            continue;
        }
        return n;
    }
}

static void features(const sr_line *ln, const char *src, feat *f)
{
    f->s = src + ln->start;
    f->n = ln->end - ln->start;
    size_t n = f->n;
    /* key: lower case, trailing decoration removed, only for short lines */
    f->key[0] = '\0';
    if (n < sizeof f->key) {
        size_t k = n;
        while (k && (f->s[k - 1] == ':' || f->s[k - 1] == '*' || f->s[k - 1] == '|' ||
                     f->s[k - 1] == '>' || f->s[k - 1] == ' '))
            k--;
        for (size_t i = 0; i < k; i++) {
            char c = f->s[i];
            f->key[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        f->key[k] = '\0';
    }
    size_t e = strip_closers(f->s, n);
    f->ellipsis = (e >= 3 && memcmp(f->s + e - 3, "...", 3) == 0) ||
                  (e >= 3 && memcmp(f->s + e - 3, "\xe2\x80\xa6", 3) == 0);
    char last = e ? f->s[e - 1] : 0;
    f->terminal = !f->ellipsis && (last == '.' || last == '!' || last == '?');
    f->headline = ln->words >= 2 && ln->words <= 30 && !(f->terminal && last == '.') && !f->ellipsis;
    f->prose = !f->ellipsis && ((f->terminal && ln->words >= 8) || ln->words >= 25);
}

/* Does the line open with a dateline that runs on into the body ("SAN
 * SALVADOR, 3 JAN 90 -- [TEXT] THE ...", "KYIV (AP) -- Russian ...")?  A
 * place in capitals, then a comma or a parenthesis, then within a few
 * words a dash with text after it: the article's first paragraph, not a
 * headline, even when the whole text is in capitals. */
static bool opens_dateline(const feat *f)
{
    size_t n = f->n, p = 0;
    bool lower = true; /* a text in lower case: its place is too */
    for (size_t k = 0; k < n && lower; k++)
        lower = !(f->s[k] >= 'A' && f->s[k] <= 'Z');
    while (p < n && p < 40 && ((f->s[p] >= 'A' && f->s[p] <= 'Z') || (lower && f->s[p] >= 'a' && f->s[p] <= 'z') ||
                               f->s[p] == ' ' || f->s[p] == '.' ||
                               f->s[p] == '-' || f->s[p] == '\'' || (unsigned char)f->s[p] >= 0x80))
        p++;
    if (p < 3 || p >= n || (f->s[p] != ',' && f->s[p] != '('))
        return false;
    for (size_t k = p + 1; k + 2 < n && k < p + 60; k++) {
        bool dash = (f->s[k] == '-' && f->s[k + 1] == '-') ||
                    (f->s[k] == ' ' && f->s[k + 1] == '-' && f->s[k + 2] == ' ') ||
                    ((unsigned char)f->s[k] == 0xE2 && (unsigned char)f->s[k + 1] == 0x80 &&
                     ((unsigned char)f->s[k + 2] == 0x94 || (unsigned char)f->s[k + 2] == 0x93));
        if (dash)
            return n > k + 12; /* text after it */
    }
    return false;
}

/* Is the line's short key (see features) one of the set's phrases? */
static bool key_in(const feat *f, const sr_wordset *set)
{
    return f->key[0] && sr_wordset_has(set, f->key, strlen(f->key));
}

/* "5h ago", "3 hours ago", "12 min ago", "just now", "yesterday". */
static bool is_relative_stamp(const feat *f)
{
    if (strcmp(f->key, "just now") == 0 || strcmp(f->key, "yesterday") == 0)
        return true;
    const char *k = f->key;
    size_t i = 0;
    while (k[i] >= '0' && k[i] <= '9')
        i++;
    if (i == 0 || i > 3)
        return false;
    while (k[i] == ' ')
        i++;
    size_t u = i;
    while (k[i] >= 'a' && k[i] <= 'z')
        i++;
    static const char *const units[] = {"s", "sec", "secs", "second", "seconds", "m", "min",
                                        "mins", "minute", "minutes", "h", "hr", "hrs", "hour",
                                        "hours", "d", "day", "days", "w", "wk", "week",
                                        "weeks", "mo", "month", "months", NULL};
    char unit[16];
    if (i - u == 0 || i - u >= sizeof unit)
        return false;
    memcpy(unit, k + u, i - u);
    unit[i - u] = '\0';
    if (!in_list(unit, units))
        return false;
    while (k[i] == ' ')
        i++;
    return strcmp(k + i, "ago") == 0;
}

/* "... [Iraqi Counter-Terrorism Service]": a short bracketed credit at the
 * end of a line that is not itself a sentence. */
static bool has_bracket_credit(const feat *f)
{
    if (f->n < 4 || f->s[f->n - 1] != ']')
        return false;
    size_t i = f->n - 1;
    size_t words = 1;
    while (i > 0 && f->s[i - 1] != '[') {
        if (f->s[i - 1] == ' ')
            words++;
        i--;
    }
    if (i == 0 || words > 8)
        return false;
    char c = f->s[i];
    return c >= 'A' && c <= 'Z';
}

/* Is the word at s (n bytes) capitalised, or a name particle? */
static bool name_word(const char *s, size_t n)
{
    static const char *const particles[] = {"al", "el", "bin", "ibn", "abu", "de", "da",
                                            "van", "von", "der", "la", "le", "du", "di",
                                            "del", "dos", "bint", NULL};
    if (n == 0)
        return false;
    if (s[0] >= 'A' && s[0] <= 'Z')
        return true;
    if ((unsigned char)s[0] >= 0xC3) /* accented capital: let utf8proc decide */ {
        int32_t cp;
        sr_utf8_decode(s, n, 0, &cp);
        return sr_cp_is_upper(cp);
    }
    size_t w = 0;
    while (w < n && s[w] != '-')
        w++;
    for (size_t i = 0; particles[i]; i++)
        if (sr_ieq(s, w, particles[i]))
            return true;
    return false;
}

/* Does s[0..n) read as a person's name: 2-5 name words? */
static bool looks_like_name(const char *s, size_t n)
{
    size_t words = 0, i = 0;
    bool any_cap = false;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i == b)
            break;
        if (!name_word(s + b, i - b))
            return false;
        if (s[b] >= 'A' && s[b] <= 'Z')
            any_cap = true;
        /* A name word has no digits and ends with a letter or a period. */
        for (size_t k = b; k < i; k++)
            if (s[k] >= '0' && s[k] <= '9')
                return false;
        words++;
    }
    return any_cap && words >= 2 && words <= 5;
}

/* Splits "A, B and C" into names; the first segment that reads as an outlet
 * (or a known outlet) sets the document's outlet.  Returns names found. */
static size_t parse_names(sitrep_doc *doc, const char *s, size_t n, bool outlet_ok)
{
    size_t found = 0, i = 0;
    while (i < n) {
        /* next separator: ',', ';', '|', '/', " and ", " And ", " & " */
        size_t b = i, e = i, next = n;
        for (size_t k = i; k < n; k++) {
            if (s[k] == ',' || s[k] == ';' || s[k] == '|' || s[k] == '/') {
                e = k;
                next = k + 1;
                goto seg;
            }
            if (k + 5 <= n && s[k] == ' ' && sr_istarts(s + k, n - k, " and ")) {
                e = k;
                next = k + 5;
                goto seg;
            }
            if (k + 3 <= n && s[k] == ' ' && s[k + 1] == '&' && s[k + 2] == ' ') {
                e = k;
                next = k + 3;
                goto seg;
            }
        }
        e = n;
    seg: {
        const char *p = s + b;
        size_t len = e - b;
        sr_trim(&p, &len);
        const char *canon = outlet_ok ? sr_outlet_lookup(p, len) : NULL;
        if (canon != NULL || (outlet_ok && sr_outlet_like(p, len))) {
            if (!doc->outlet)
                doc->outlet = canon ? sr_arena_strndup(&doc->arena, canon, strlen(canon))
                                    : sr_arena_strndup(&doc->arena, p, len);
        } else if (len && looks_like_name(p, len)) {
            sr_doc_add_byline(doc, p, len);
            found++;
        }
        i = next;
    }
    }
    return found;
}

/* "By A and B, The Associated Press" / "By A |" */
static bool parse_byline(sitrep_doc *doc, const feat *f)
{
    if (f->n < 6 || !sr_istarts(f->s, f->n, "by ") || f->n > 200)
        return false;
    const char *p = f->s + 3;
    size_t n = f->n - 3;
    sr_trim(&p, &n);
    if (n == 0 || !(p[0] >= 'A' && p[0] <= 'Z'))
        return false;
    /* The first segment must be a name, or the line is a sentence ("By
     * Tuesday, the army had ..."). */
    size_t first = 0;
    while (first < n && p[first] != ',' && p[first] != '|' && p[first] != ';' &&
           !(p[first] == ' ' && sr_istarts(p + first, n - first, " and ")))
        first++;
    const char *q = p;
    size_t qn = first;
    sr_trim(&q, &qn);
    if (!looks_like_name(q, qn) && !sr_outlet_lookup(q, qn))
        return false;
    parse_names(doc, p, n, true);
    return true;
}

/* A line that repeats the byline at the end: "A and B, The Associated Press". */
static bool is_byline_repeat(sitrep_doc *doc, const feat *f)
{
    if (doc->nbyline == 0 || f->terminal || f->n > 200)
        return false;
    size_t blen = strlen(doc->byline[0]);
    if (f->n < blen || memcmp(f->s, doc->byline[0], blen) != 0)
        return false;
    return f->n == blen || f->s[blen] == ',' || f->s[blen] == ' ';
}

/* "Posted July 17, 2024 3:14 am." and friends; sets the date once. */
static bool parse_meta_date(sitrep_doc *doc, const feat *f)
{
    if (f->n > 120 || !starts_any(f->s, f->n, meta_prefixes))
        return false;
    sr_date d;
    size_t at, used;
    if (!sr_date_find(f->s, f->n, &d, &at, &used) || at > 24 || d.day == 0)
        return false;
    if (!doc->published && (sr_istarts(f->s, f->n, "posted") ||
                            sr_istarts(f->s, f->n, "published") ||
                            sr_istarts(f->s, f->n, "first published") ||
                            sr_istarts(f->s, f->n, "date:"))) {
        char iso[11];
        sr_date_iso(&d, iso);
        doc->published = sr_arena_strndup(&doc->arena, iso, 10);
    }
    return true;
}

/* Judges one line on its own.  Returns a drop reason or 0. */
static int classify(sitrep_doc *doc, const feat *f)
{
    if (f->key[0]) {
        if (key_in(f, &sr_ui_navigation))
            return SITREP_DROP_NAVIGATION;
        if (key_in(f, &sr_ui_prompts))
            return SITREP_DROP_PROMPT;
        if (key_in(f, &sr_ui_related))
            return SITREP_DROP_TAIL;
    }
    if (is_relative_stamp(f))
        return SITREP_DROP_TEASER;
    if (starts_any(f->s, f->n, teaser_prefixes) && !f->prose)
        return SITREP_DROP_TEASER;
    if (starts_any(f->s, f->n, disclaimer_prefixes) ||
        (f->n < 300 && has_rights_notice(f->s, f->n)))
        return SITREP_DROP_DISCLAIMER;
    if (starts_any(f->s, f->n, credit_prefixes))
        return SITREP_DROP_BYLINE;
    if (parse_meta_date(doc, f))
        return SITREP_DROP_BYLINE;
    if (parse_byline(doc, f))
        return SITREP_DROP_BYLINE;
    if (is_byline_repeat(doc, f))
        return SITREP_DROP_BYLINE;
    /* Captions are short: a credit inside a long paragraph is a quote. */
    if (starts_any(f->s, f->n, caption_prefixes) || has_bracket_credit(f) ||
        (f->n < 600 && has_credit(f->s, f->n)))
        return SITREP_DROP_CAPTION;
    /* Navigation strips: "Home | World | Middle East", "Home » World" */
    if (!f->prose) {
        size_t bars = 0;
        for (const char *p = f->s, *e = f->s + f->n; (p = memchr(p, '|', (size_t)(e - p)));
             p++)
            bars++;
        for (const char *p = f->s, *e = f->s + f->n; (p = memchr(p, 0xBB, (size_t)(e - p)));
             p++)
            bars += p > f->s && (unsigned char)p[-1] == 0xC2;
        if (bars >= 2)
            return SITREP_DROP_NAVIGATION;
    }
    return 0;
}

/* ---- header ---- */

/* " date 2025-03-02 2025-03-02 09:41:17 - Source: Kabul Ledger" or
 * " date 2025-03-02 Headline of the article". */
static bool parse_date_marker(sitrep_doc *doc, const feat *f)
{
    if (!sr_istarts(f->s, f->n, "date "))
        return false;
    const char *p = f->s + 5;
    size_t n = f->n - 5;
    sr_trim(&p, &n);
    sr_date d;
    size_t used;
    if (!sr_date_at(p, n, &d, &used) || d.day == 0)
        return false;
    char iso[11];
    sr_date_iso(&d, iso);
    doc->published = sr_arena_strndup(&doc->arena, iso, 10);
    p += used;
    n -= used;
    sr_trim(&p, &n);
    /* a repeated timestamp: 2024-08-13 02:20:04 */
    if (sr_date_at(p, n, &d, &used)) {
        p += used;
        n -= used;
        while (n && ((*p >= '0' && *p <= '9') || *p == ':' || *p == ' ' || *p == 'T' ||
                     *p == 'Z'))
            p++, n--;
    }
    sr_trim(&p, &n);
    if (n && (*p == '-' || *p == '|')) {
        p++;
        n--;
        sr_trim(&p, &n);
    }
    if (sr_istarts(p, n, "source:")) {
        p += 7;
        n -= 7;
        sr_trim(&p, &n);
        if (n && !doc->outlet)
            doc->outlet = sr_arena_strndup(&doc->arena, p, n);
    } else if (n && !doc->title) {
        doc->title = sr_arena_strndup(&doc->arena, p, n);
    }
    return true;
}

/* Removes a " | Section" or " | Site" suffix from a headline; a suffix that
 * names a known outlet becomes the outlet. */
static void set_title(sitrep_doc *doc, const char *s, size_t n)
{
    for (size_t i = n; i-- > 2;) {
        if (s[i] == '|' && s[i - 1] == ' ') {
            const char *suf = s + i + 1;
            size_t sn = n - i - 1;
            sr_trim(&suf, &sn);
            const char *canon = sr_outlet_lookup(suf, sn);
            if (canon && !doc->outlet)
                doc->outlet = sr_arena_strndup(&doc->arena, canon, strlen(canon));
            n = i - 1;
        }
    }
    const char *p = s;
    sr_trim(&p, &n);
    doc->title = sr_arena_strndup(&doc->arena, p, n);
}

/* ---- passes ---- */

/* Words of a trimmed line, counted up to SR_MANY_WORDS by hopping from
 * space to space (a line with tabs is counted byte by byte). */
static size_t count_words(const char *p, size_t n)
{
    size_t words = 1;
    const char *q = p, *e = p + n;
    if (memchr(p, '\t', n)) {
        bool in = false;
        words = 0;
        for (size_t k = 0; k < n && words < SR_MANY_WORDS; k++) {
            bool sp = p[k] == ' ' || p[k] == '\t';
            words += !sp && !in;
            in = !sp;
        }
        return words;
    }
    while (words < SR_MANY_WORDS && (q = memchr(q, ' ', (size_t)(e - q))) != NULL) {
        q++;
        if (q < e && *q != ' ')
            words++;
    }
    return words;
}

static size_t split_lines(sitrep_doc *doc)
{
    const char *src = doc->src;
    size_t len = doc->len;
    uint32_t para = 0;
    bool blank_run = false;
    size_t i = 0;
    /* Skip a UTF-8 byte order mark. */
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len) {
        const char *nl = memchr(src + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - src) : len;
        const char *p = src + i;
        size_t n = end - i;
        sr_trim(&p, &n);
        if (n == 0) {
            if (!blank_run)
                para++;
            blank_run = true;
        } else {
            blank_run = false;
            sr_line ln = {(uint32_t)(p - src), (uint32_t)(p - src + n), para, 0, 0, 0};
            /* Words, counted up to SR_MANY_WORDS: the rules only ask
             * whether a line is short, headline-sized or a paragraph. */
            ln.words = (uint16_t)count_words(p, n);
            if (!SR_VEC_PUSH(&doc->lines, sr_line, ln))
                return (size_t)-1;
        }
        i = end + 1;
    }
    return SR_VEC_COUNT(&doc->lines, sr_line);
}

/* Is line i the first line of a hard-wrapped paragraph rather than a
 * headline ("Witnesses said the mayor had received threats before the
 * journalist Maria Elena Duarte" / "and her driver were stopped ...")?
 * It is longer than a headline (12 words or more), written as prose, and
 * the next line, with no blank line between, starts in lower case.  A
 * short line over a lower-case one stays a headline: "Ferry capsizes in
 * delta storm" over "by our correspondent, updated 9:10 GMT". */
static bool wrapped_on(const char *src, const sr_line *L, size_t n, size_t i)
{
    if (i + 1 >= n || L[i].words < 12 || L[i + 1].para != L[i].para || L[i + 1].start >= L[i + 1].end)
        return false;
    int32_t cp;
    sr_utf8_decode(src, L[i + 1].end, L[i + 1].start, &cp);
    if (!sr_cp_is_lower(cp))
        return false;
    /* and it is written as prose, not in title case ("Rebels Seize Two
     * Border Towns As Talks In The Capital Stall For A Third Week"): fewer
     * than half its words start with a capital */
    unsigned words = 0, caps = 0;
    for (uint32_t k = L[i].start; k < L[i].end; k++)
        if (k == L[i].start || src[k - 1] == ' ') {
            unsigned char ch = (unsigned char)src[k];
            words += ch != ' ';
            caps += ch >= 'A' && ch <= 'Z';
        }
    return 2 * caps < words;
}

sitrep_status sr_clean_lines(sitrep_doc *doc)
{
    size_t n = split_lines(doc);
    if (n == (size_t)-1)
        return SITREP_ENOMEM;
    if (n == 0)
        return SITREP_EEMPTY;
    sr_line *L = (sr_line *)(void *)doc->lines.data;
    feat f;

    /* 1. Each line on its own. */
    size_t first_prose = n;
    for (size_t i = 0; i < n; i++) {
        features(&L[i], doc->src, &f);
        if (i == 0 && parse_date_marker(doc, &f)) {
            L[i].drop = SITREP_DROP_HEADER;
            continue;
        }
        if (sr_istarts(f.s, f.n, "source:") && first_prose == n && f.n < 80) {
            const char *p = f.s + 7;
            size_t k = f.n - 7;
            sr_trim(&p, &k);
            if (!doc->outlet && k)
                doc->outlet = sr_arena_strndup(&doc->arena, p, k);
            L[i].drop = SITREP_DROP_HEADER;
            continue;
        }
        L[i].drop = (uint8_t)classify(doc, &f);
        if (f.prose)
            L[i].flags |= SR_LINE_PROSE;
        if (f.headline)
            L[i].flags |= SR_LINE_HEADLIKE;
        if (f.ellipsis)
            L[i].flags |= SR_LINE_ELLIPSIS;
        if (!L[i].drop && f.prose && first_prose == n)
            first_prose = i;
    }

    /* 2. Lines repeated back to back: an image's alt text and caption, or
     * a teaser headline printed twice. */
    for (size_t i = 0; i + 1 < n; i++) {
        size_t a = L[i].end - L[i].start, b = L[i + 1].end - L[i + 1].start;
        if (a != b || memcmp(doc->src + L[i].start, doc->src + L[i + 1].start, a) != 0)
            continue;
        features(&L[i], doc->src, &f);
        uint8_t why = L[i].drop;
        if (!why)
            why = (has_bracket_credit(&f) || (L[i].flags & SR_LINE_PROSE)) ? SITREP_DROP_CAPTION
                                                                           : SITREP_DROP_TEASER;
        L[i].drop = L[i + 1].drop = why;
    }
    /* The first prose line may have been a repeated caption. */
    first_prose = n;
    for (size_t i = 0; i < n && first_prose == n; i++)
        if (!L[i].drop && (L[i].flags & SR_LINE_PROSE))
            first_prose = i;

    /* 3. Header: kickers and the headline before the first prose. */
    size_t title_at = n;
    if (!doc->title) {
        for (size_t i = 0; i < first_prose; i++) {
            if (L[i].drop)
                continue;
            features(&L[i], doc->src, &f);
            /* a dateline opens the body: no headline after it */
            if (opens_dateline(&f))
                break;
            /* a paragraph's wrapped first line opens the body too */
            if (wrapped_on(doc->src, L, n, i))
                break;
            if (f.headline && L[i].words >= 3) {
                set_title(doc, f.s, f.n);
                L[i].drop = SITREP_DROP_HEADER;
                title_at = i;
                break;
            }
        }
    } else {
        /* The title came from a header or a record field: the same
         * headline printed in the text (maybe with a " | Site" suffix)
         * is header, and short lines above it are kickers. */
        size_t tn = strlen(doc->title);
        title_at = 0;
        for (size_t i = 0; i < first_prose; i++) {
            size_t n_i = L[i].end - L[i].start;
            const char *s_i = doc->src + L[i].start;
            if (L[i].drop || n_i < tn || memcmp(s_i, doc->title, tn) != 0)
                continue;
            if (n_i == tn || (n_i > tn + 2 && s_i[tn] == ' ' && (s_i[tn + 1] == '|' || s_i[tn + 1] == '-'))) {
                L[i].drop = SITREP_DROP_HEADER;
                title_at = i;
                break;
            }
        }
    }
    /* Kickers only exist above a headline. */
    for (size_t i = 0; title_at < n && i < title_at && i < first_prose; i++)
        if (!L[i].drop && L[i].words <= 3)
            L[i].drop = SITREP_DROP_SECTION;

    /* 4. Teaser groups end at a relative timestamp. */
    for (size_t i = 0; i < n; i++) {
        if (L[i].drop != SITREP_DROP_TEASER)
            continue;
        features(&L[i], doc->src, &f);
        if (!is_relative_stamp(&f))
            continue;
        for (size_t j = i; j-- > 0;) {
            if (L[j].drop == SITREP_DROP_TEASER)
                continue;
            if (L[j].drop || !(L[j].flags & (SR_LINE_ELLIPSIS | SR_LINE_HEADLIKE)))
                break;
            L[j].drop = SITREP_DROP_TEASER;
        }
    }

    /* 5. Tails: after a related-content heading, teaser-like lines go;
     * after a comment prompt, everything goes. */
    for (size_t i = 0; i < n; i++) {
        if (i <= first_prose || first_prose == n ||
            (L[i].drop != SITREP_DROP_PROMPT && L[i].drop != SITREP_DROP_TAIL))
            continue;
        features(&L[i], doc->src, &f);
        bool prompt = L[i].drop == SITREP_DROP_PROMPT && f.key[0] &&
                      key_in(&f, &sr_ui_prompts_tail);
        bool tail = L[i].drop == SITREP_DROP_TAIL;
        if (!prompt && !tail)
            continue;
        size_t j = i + 1;
        for (; j < n; j++) {
            if (L[j].drop && L[j].drop != SITREP_DROP_TEASER)
                continue;
            bool strong = (L[j].flags & SR_LINE_PROSE) && L[j].words >= 25;
            if (tail && strong)
                break;
            L[j].drop = prompt ? SITREP_DROP_PROMPT : SITREP_DROP_TAIL;
        }
        i = j;
    }

    /* 6. Mid-body headline-like lines are kept as headings. */
    for (size_t i = 0; i < n; i++)
        if (!L[i].drop && (L[i].flags & SR_LINE_HEADLIKE) && !(L[i].flags & SR_LINE_PROSE))
            L[i].flags |= SR_LINE_HEADING;
    return SITREP_OK;
}
