/*
 * htmlguard.c -- the copy of a page libxml2's HTML parser reads (see
 * htmlguard.h).
 *
 * Two reasons to give the parser a copy.  Speed: script and style bodies,
 * comments and long values of attributes nothing reads are most of a news
 * page's bytes, and the parser steps through them a character at a time
 * only for us to ignore them.  Safety: libxml2 2.9.14 checks each
 * attribute of a start tag against every earlier one, so a tag with n
 * attributes costs n^2 / 2 string comparisons (100,000 attributes: 12 s;
 * the 16 MB a page may hold: hours).  Attributes after the first
 * SR_HTML_MAX_ATTRS of a tag are cut.
 *
 * The cap holds only if the tags counted here are the tags the parser
 * reads.  This file therefore reads the page as libxml2 2.9.14's HTML
 * parser does, construct by construct, and where the two might part (a
 * quoted doctype identifier, a processing instruction whose target is
 * not ASCII, anything inside a comment, script or style) it cuts the
 * construct's inside, so that what the parser reads is unambiguous:
 *
 *   "<" letter    a start tag: a name of up to 100 characters of
 *                 [A-Za-z0-9:_.-]; then attributes, each a name (as
 *                 before, starting [A-Za-z_:.]), blanks, and after "=" and
 *                 blanks a value, quoted (to the same quote) or not (to a
 *                 blank or ">"); a byte that starts no name is skipped with
 *                 what follows up to a blank, ">" or "/>"; the tag ends at
 *                 ">" or "/>".  Blanks are space, tab, CR and LF only.
 *   "</"          an end tag: with a name, up to the first ">"; without
 *                 one, only the "</".
 *   "<!--"        a comment, to the first "-->" or "--!>"; its body is cut.
 *   "<!DOCTYPE"   (any case) to the first ">"; what lies between is cut
 *                 when it holds a quote (quoted identifiers may hold ">").
 *   "<?"          a processing instruction: with an ASCII target, to the
 *                 first ">"; with a target that is not ASCII, its inside
 *                 is cut; otherwise only the "<?".
 *   script, style (a start tag not closed by "/>"): raw text up to
 *                 "</script" ("</style") not followed by a name character;
 *                 the body is cut (a JSON-LD script's is kept when nothing
 *                 in it could end it early).
 *
 * Everything else is text.  The copy ends before a NUL (the parser
 * reads one as a blank in text and as the end elsewhere).  fuzz/fuzz_htmlguard.c parses the copy with libxml2 and checks
 * that no start tag reaches it with more attributes than the cap.
 */
#include "clean/htmlguard.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* libxml2's HTML_PARSER_BUFFER_SIZE: the longest name it reads at once */
#define NAME_MAX_LEN 100

typedef struct cutter {
    const char *s;
    size_t n;       /* the bytes read: the page's up to a NUL */
    size_t len;     /* the page's */
    char *copy;     /* malloc, made at the first cut */
    size_t w;       /* bytes written to the copy */
    size_t from;    /* the page's bytes from here on are not copied yet */
    size_t skipped; /* bytes cut so far */
    size_t max_attrs;
    sr_buf *cuts;
    bool oom;
} cutter;

/* Leaves s[a, b) out of the copy. */
static void cut_out(cutter *k, size_t a, size_t b)
{
    if (k->oom || b <= a || a < k->from)
        return;
    if (!k->copy && !(k->copy = malloc(k->len ? k->len : 1))) {
        k->oom = true;
        return;
    }
    memcpy(k->copy + k->w, k->s + k->from, a - k->from);
    k->w += a - k->from;
    k->skipped += b - a;
    k->from = b;
    sr_html_cut c = {(uint32_t)k->w, (uint32_t)k->skipped};
    if (!SR_VEC_PUSH(k->cuts, sr_html_cut, c))
        k->oom = true;
}

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* libxml2's IS_BLANK_CH: no form feed */
static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool name_char(char c)
{
    return is_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' || c == '.';
}

/* The length of the HTML name at s[i] as the parser reads one (at most
 * NAME_MAX_LEN characters; the rest of a longer one is read as the next
 * name), or 0 when none starts there. */
static size_t name_at(const char *s, size_t n, size_t i)
{
    if (i >= n || !(is_letter(s[i]) || s[i] == '_' || s[i] == ':' || s[i] == '.'))
        return 0;
    size_t k = i + 1;
    while (k < n && k - i < NAME_MAX_LEN && name_char(s[k]))
        k++;
    return k - i;
}

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    while (i < n && is_blank(s[i]))
        i++;
    return i;
}

static bool tag_end_at(const char *s, size_t n, size_t i)
{
    return s[i] == '>' || (s[i] == '/' && i + 1 < n && s[i + 1] == '>');
}

/* Attributes the page reader reads (names as the parser lower-cases
 * them); a long value of any other (srcset, data-*, href of a link,
 * onclick) is cut. */
static bool attribute_read(const char *name, size_t n, bool link_tag)
{
    static const char *const read[] = {"class", "id", "itemprop", "role", "style", "hidden", "rel",
                                       "content", "property", "name", "datetime", "type", "lang",
                                       "http-equiv", "charset", NULL};
    for (size_t i = 0; read[i]; i++)
        if (strlen(read[i]) == n && strncasecmp(name, read[i], n) == 0)
            return true;
    return link_tag && n == 4 && strncasecmp(name, "href", 4) == 0; /* <link rel=canonical href> */
}

/* Does s[0, n) contain w (lower case), in any case? */
static bool contains_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(s + i, w, k) == 0)
            return true;
    return false;
}

typedef struct start_tag {
    size_t end;        /* just past its ">" or "/>" (n when it does not end) */
    int raw;           /* 6: a script, 5: a style whose raw text follows; else 0 */
    bool ld_json;      /* a JSON-LD script */
} start_tag;

/* The start tag at s[i] ("<" and a letter). */
static start_tag read_start_tag(cutter *k, size_t i)
{
    const char *s = k->s;
    size_t n = k->n;
    size_t name = i + 1, name_len = name_at(s, n, name);
    size_t at = skip_blanks(s, n, name + name_len);
    bool link_tag = name_len == 4 && strncasecmp(s + name, "link", 4) == 0;
    size_t count = 0, cap_at = n;
    while (at < n && !tag_end_at(s, n, at)) {
        size_t an = name_at(s, n, at);
        if (an == 0) {
            /* a byte that starts no name: skipped up to a blank or the end */
            while (at < n && !is_blank(s[at]) && !tag_end_at(s, n, at))
                at++;
        } else {
            if (++count == k->max_attrs + 1)
                cap_at = at;
            size_t aname = at;
            at = skip_blanks(s, n, at + an);
            if (at < n && s[at] == '=') {
                at = skip_blanks(s, n, at + 1);
                size_t v0, v1;
                bool quoted = at < n && (s[at] == '"' || s[at] == '\'');
                if (quoted) {
                    const char *q = memchr(s + at + 1, s[at], n - at - 1);
                    v0 = at + 1;
                    v1 = q ? (size_t)(q - s) : n;
                    at = q ? v1 + 1 : n;
                } else {
                    v0 = at;
                    while (at < n && !is_blank(s[at]) && s[at] != '>')
                        at++;
                    v1 = at;
                }
                /* an unquoted value keeps its first byte: "href= class=x"
                 * would give href the next attribute as its value */
                if (count <= k->max_attrs && v1 - v0 >= 48 && !attribute_read(s + aname, an, link_tag))
                    cut_out(k, quoted ? v0 : v0 + 1, v1);
            }
        }
        at = skip_blanks(s, n, at);
    }
    if (cap_at < at)
        cut_out(k, cap_at, at);
    start_tag t = {n, 0, false};
    if (at >= n)
        return t;
    bool empty = s[at] == '/';
    t.end = at + (empty ? 2 : 1);
    if (!empty && name_len == 6 && strncasecmp(s + name, "script", 6) == 0)
        t.raw = 6;
    else if (!empty && name_len == 5 && strncasecmp(s + name, "style", 5) == 0)
        t.raw = 5;
    t.ld_json = t.raw == 6 && contains_ci(s + i, t.end - i, "ld+json");
    return t;
}

/* Where the raw text of a script (raw 6) or style (5) starting at `body`
 * ends: at "</script" or "</style", any case, not followed by a name
 * character; n when it does not end.  *early: a "</script" ("</style")
 * followed by more of a name comes before (the parser stops there and
 * reads an end tag). */
static size_t raw_end(const char *s, size_t n, size_t body, int raw, bool *early)
{
    const char *close = raw == 6 ? "</script" : "</style";
    size_t cl = (size_t)raw + 2;
    *early = false;
    for (size_t at = body; at < n;) {
        const char *lt = memchr(s + at, '<', n - at);
        if (!lt)
            return n;
        at = (size_t)(lt - s);
        if (n - at >= cl && strncasecmp(s + at, close, cl) == 0) {
            if (at + cl >= n || !name_char(s[at + cl]))
                return at;
            *early = true;
        }
        at++;
    }
    return n;
}

static bool doctype_at(const char *s, size_t n, size_t i)
{
    return n - i >= 9 && s[i] == '<' && s[i + 1] == '!' && strncasecmp(s + i + 2, "DOCTYPE", 7) == 0;
}

static bool comment_at(const char *s, size_t n, size_t i)
{
    return n - i >= 4 && s[i] == '<' && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-';
}

static bool pi_at(const char *s, size_t n, size_t i)
{
    return n - i >= 2 && s[i] == '<' && s[i + 1] == '?';
}

/* A doctype: to the first ">"; what lies between is cut when it holds a
 * quote (quoted identifiers may hold ">"). */
static size_t read_doctype(cutter *k, size_t i)
{
    const char *s = k->s;
    size_t n = k->n;
    const char *gt = memchr(s + i + 9, '>', n - i - 9);
    size_t end = gt ? (size_t)(gt - s) : n;
    if (memchr(s + i + 9, '"', end - i - 9) || memchr(s + i + 9, '\'', end - i - 9))
        cut_out(k, i + 9, end);
    return gt ? end + 1 : n;
}

/* A comment: to the first "-->" or "--!>"; its body is cut. */
static size_t read_comment(cutter *k, size_t i)
{
    const char *s = k->s;
    size_t n = k->n;
    for (size_t e = i + 4; e + 3 <= n; e++) {
        if (s[e] != '-' || s[e + 1] != '-')
            continue;
        if (s[e + 2] == '>' || (s[e + 2] == '!' && e + 4 <= n && s[e + 3] == '>')) {
            cut_out(k, i + 4, e);
            return e + (s[e + 2] == '>' ? 3 : 4);
        }
    }
    cut_out(k, i + 4, n);
    return n;
}

/* A processing instruction: with an ASCII target, to the first ">"; with a
 * target that is not ASCII, its inside is cut ("<?>": no target the parser
 * could read); without a target only the "<?". */
static size_t read_pi(cutter *k, size_t i)
{
    const char *s = k->s;
    size_t n = k->n;
    unsigned char t = i + 2 < n ? (unsigned char)s[i + 2] : 0;
    const char *gt = i + 2 < n ? memchr(s + i + 2, '>', n - i - 2) : NULL;
    if (t >= 0x80) {
        size_t end = gt ? (size_t)(gt - s) : n;
        cut_out(k, i + 2, end);
        return end;
    }
    if (is_letter((char)t) || t == '_' || t == ':')
        return gt ? (size_t)(gt - s) + 1 : n;
    return i + 2;
}

/* An element: its start tag, and a script's or style's raw text. */
static size_t read_element(cutter *k, size_t i)
{
    const char *s = k->s;
    size_t n = k->n;
    start_tag t = read_start_tag(k, i);
    i = t.end;
    if (!t.raw || i >= n)
        return i;
    bool early;
    size_t end = raw_end(s, n, i, t.raw, &early);
    /* a JSON-LD script is read for the page's metadata: kept when the
     * parser reads it whole as raw text */
    bool keep = t.ld_json && !early && end > i && s[i] != '<';
    if (!keep)
        cut_out(k, i, end);
    return end;
}

sitrep_status sr_html_guard(const char *s, size_t n, size_t max_attrs, sr_buf *cuts, char **copy,
                            size_t *copy_len)
{
    *copy = NULL;
    *copy_len = 0;
    cuts->len = 0;
    /* A NUL is text to the parser in some places and the end of the page
     * in others: the copy ends before the first one. */
    const char *nul = memchr(s, '\0', n);
    size_t page_len = n;
    if (nul)
        n = (size_t)(nul - s);
    cutter k = {s, n, page_len, NULL, 0, 0, 0, max_attrs, cuts, false};
    size_t i = 0;
    /* a byte order mark: some ways into the parser skip it, some read it
     * as text (and a doctype after it as one inside the document) */
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        cut_out(&k, 0, 3);
        i = 3;
    }
    /* The prolog: blanks, comments and processing instructions, and one
     * doctype among them. */
    for (bool doctype = false; i < n && !k.oom;) {
        i = skip_blanks(s, n, i);
        if (comment_at(s, n, i))
            i = read_comment(&k, i);
        else if (pi_at(s, n, i))
            i = read_pi(&k, i);
        else if (!doctype && doctype_at(s, n, i)) {
            i = read_doctype(&k, i);
            doctype = true;
        } else
            break;
    }
    /* The document. */
    while (i < n && !k.oom) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (n - i < 2) {
            i++;
        } else if (s[i + 1] == '/') {
            size_t name = name_at(s, n, i + 2);
            if (!name) {
                i += 2; /* "</" without a name: the rest is text */
                continue;
            }
            const char *gt = memchr(s + i + 2 + name, '>', n - i - 2 - name);
            i = gt ? (size_t)(gt - s) + 1 : n;
        } else if (doctype_at(s, n, i)) {
            i = read_doctype(&k, i);
            /* the parser reads what follows a doctype inside the document
             * without looking for an end tag or another doctype: their
             * "<" is text */
            if (i + 1 < n && s[i] == '<' && (s[i + 1] == '/' || doctype_at(s, n, i)))
                i++;
        } else if (comment_at(s, n, i)) {
            i = read_comment(&k, i);
        } else if (pi_at(s, n, i)) {
            i = read_pi(&k, i);
        } else if (is_letter(s[i + 1])) {
            i = read_element(&k, i);
        } else {
            i++; /* "<" as text */
        }
    }
    if (nul)
        cut_out(&k, n, page_len);
    if (k.oom) {
        free(k.copy);
        cuts->len = 0;
        return SITREP_ENOMEM;
    }
    if (!k.copy)
        return SITREP_OK;
    memcpy(k.copy + k.w, s + k.from, page_len - k.from);
    *copy = k.copy;
    *copy_len = k.w + (page_len - k.from);
    return SITREP_OK;
}

size_t sr_html_page_offset(const sr_buf *cuts, size_t at)
{
    size_t lo = 0, hi = SR_VEC_COUNT(cuts, sr_html_cut);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (SR_VEC_AT(cuts, sr_html_cut, mid).at <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? at + SR_VEC_AT(cuts, sr_html_cut, lo - 1).skipped : at;
}
