/*
 * webpage.c -- the article in a web page: its text blocks, with byte
 * offsets into the page, and its metadata.
 *
 * The page goes through libxml2's HTML parser in SAX mode, which tolerates
 * any broken markup.  At each parser event the byte position in the input
 * is read from the parser, so every run of text between two tags is known
 * as a byte range of the page itself (entities stay as written): the
 * tokens, sentences and spans of the later stages point into the page.
 *
 * Runs are gathered into blocks (paragraphs, headings, list items,
 * quotes, table cells, ...).  The block's ancestors say where it sits:
 * inside <article>, <main> or an element whose class or id says "article",
 * "story", "content" (good), or inside <nav>, <aside>, <footer>, forms,
 * comments, share bars, related links, cookie banners (boilerplate).
 * Readability's idea then picks the article's container: every paragraph
 * of enough text scores its parent (and half its grandparent) by its
 * length and commas, weighted by the class and id names; the best
 * container wins, and the blocks kept are its own and those of siblings
 * that score well, without boilerplate ancestors, with little of their
 * text in links.
 *
 * Metadata comes from <title>, Open Graph and article: meta tags, the
 * JSON-LD NewsArticle (headline, datePublished, author, publisher) and
 * <link rel="canonical">.
 */
#include "clean/webpage.h"

#include "analyse/dates.h"

#include <iconv.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_DEPTH 512

#ifdef SITREP_DEBUG_WEBPAGE
#define DEBUG_ELEMENTS 20000
static char debug_names[DEBUG_ELEMENTS][48];
#endif

typedef struct element {
    int32_t parent;     /* element index, -1 for the root */
    float score;        /* container score */
    int16_t weight;     /* class/id weight: + article-like, - boilerplate */
    uint8_t boiler;     /* boilerplate by its own tag, role or names */
    uint8_t good;       /* this element or an ancestor is article-like */
    uint8_t inline_;    /* an inline element (a, span, em, strong, ...) */
    uint8_t figure;     /* this element or an ancestor is a <figure> or <figcaption> */
    uint8_t in_boiler;  /* an ancestor is boilerplate */
    uint8_t capname;    /* class or id names a caption, credit or gallery */
    uint16_t text_kids; /* child elements holding text (saturating) */
    uint32_t text;      /* characters of text inside */
} element;

typedef struct run {
    uint32_t start, end; /* bytes of the page */
    uint8_t link;        /* inside <a> */
    uint8_t brk;         /* after a <br>: starts a line */
} run;

typedef struct block {
    int32_t element;     /* the element that holds it */
    uint32_t first_run, nruns;
    uint32_t chars, link_chars, commas, letters;
    uint8_t kind;        /* BK_* */
    uint8_t keep;
    uint8_t drop;        /* why it was left out: SITREP_DROP_* */
    uint8_t h1;          /* an <h1> */
} block;

enum { BK_TEXT = 0, BK_HEADING, BK_ITEM, BK_QUOTE, BK_CAPTION, BK_CELL };

typedef struct page {
    htmlParserCtxtPtr ctxt;
    const char *src;
    size_t len;
    size_t pos;          /* end of the last event */
    sr_buf elements;     /* element */
    sr_buf runs;         /* run */
    sr_buf blocks;       /* block */
    int32_t stack[MAX_DEPTH];
    uint8_t skip[MAX_DEPTH]; /* inside script, style, ... */
    int depth;
    int anchor;          /* depth inside <a> */
    int in_title;
    int in_ldjson;
    bool block_open;
    bool line_break;     /* a <br> since the last run */
    uint8_t block_kind;
    uint8_t h1_open;
    sr_buf title;        /* <title> text */
    sr_buf ldjson;       /* JSON-LD script text */
    char og_title[512], site_name[256], published[64], author[256], canonical[512];
    bool oom;
} page;

static size_t position(const page *p)
{
    const xmlParserInput *in = p->ctxt->input;
    if (!in || !in->cur || !in->base)
        return p->pos;
    size_t at = (size_t)in->consumed + (size_t)(in->cur - in->base);
    return at <= p->len ? at : p->len;
}

/* The position just past the tag the parser is on: a start-tag event
 * comes before the parser has stepped over the closing '>'. */
static size_t after_tag(const page *p)
{
    size_t at = position(p);
    if (at > 0 && p->src[at - 1] == '>')
        return at;
    const char *gt = at < p->len ? memchr(p->src + at, '>', p->len - at) : NULL;
    return gt ? (size_t)(gt - p->src) + 1 : at;
}

static bool name_is(const xmlChar *name, const char *const *set)
{
    for (; *set; set++)
        if (xmlStrcasecmp(name, (const xmlChar *)*set) == 0)
            return true;
    return false;
}

static const char *const void_elements[] = {"br", "hr", "img", "meta", "link", "input", "wbr",
                                            "source", "area", "base", "col", "embed", "param",
                                            "track", "keygen", NULL};

static const char *const skipped[] = {"script", "style", "noscript", "template", "svg", "head",
                                      "iframe", "select", "option", "button", "textarea", "object",
                                      NULL};
static const char *const blocks_[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                                      "blockquote", "section", "article", "td", "th", "tr",
                                      "pre", "dd", "dt", "figcaption", "figure", "ul", "ol",
                                      "table", "header", "footer", "nav", "aside", "main",
                                      "form", "br", "hr", "address", "dl", "caption", NULL};
static const char *const boiler_tags[] = {"nav", "aside", "footer", "form", "menu", NULL};

/* Words of class and id names (split at "-", "_", blanks and case-folded)
 * that mark boilerplate, strongly or weakly, or the article. */
static const char *const strong_bad[] = {
    "nav", "navbar", "navigation", "menu", "footer", "sidebar", "comment", "comments", "share",
    "sharing", "social", "related", "recommended", "recommendations", "promo", "advert",
    "advertisement", "ad", "ads", "sponsor", "sponsored", "newsletter", "subscribe", "signup",
    "cookie", "cookies", "consent", "breadcrumb", "breadcrumbs", "popup", "modal", "banner",
    "trending", "popular", "outbrain", "taboola", "login", "disclaimer", "copyright",
    "pagination", "tags", "masthead", "sitemap", "teaser", "teasers", "more", "jump", "author", "bio", NULL};
static const char *const weak_bad[] = {"widget", "header", "meta", "tools", "toolbar", "hidden",
                                       "caption", "byline", "aside", "skip", "print",
                                       "rss", "extra", NULL};
static const char *const good_words[] = {"article", "story", "content", "entry", "post", "body",
                                         "main", "text", "blog", "news", "hentry", "articlebody",
                                         "prose", NULL};

static bool word_in_list(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++) {
        size_t k = strlen(list[i]);
        if (n == k && memcmp(w, list[i], n) == 0)
            return true;
    }
    return false;
}

static const char *const caption_words[] = {"caption", "credit", "credits", "gallery", "slideshow",
                                            "carousel", "lightbox", NULL};

/* The weight of a class or id value; *caption is set when a word names a
 * photo caption, credit or gallery.  Words split at non-alphanumerics and
 * at camelCase humps ("sharePopup" is "share" and "popup"). */
static int class_weight(const char *v, bool *caption)
{
    if (!v || !*v)
        return 0;
    int w = 0;
    char word[32];
    size_t n = 0;
    for (const char *q = v;; q++) {
        char ch = *q;
        bool lower = ch >= 'a' && ch <= 'z', upper = ch >= 'A' && ch <= 'Z';
        bool alnum = lower || upper || (ch >= '0' && ch <= '9');
        bool hump = upper && q > v && q[-1] >= 'a' && q[-1] <= 'z';
        if (alnum && !hump && n + 1 < sizeof word) {
            word[n++] = (char)(upper ? ch + 32 : ch);
            continue;
        }
        if (n) {
            if (word_in_list(word, n, strong_bad))
                w -= 25;
            else if (word_in_list(word, n, weak_bad))
                w -= 10;
            else if (word_in_list(word, n, good_words))
                w += 25;
            if (word_in_list(word, n, caption_words))
                *caption = true;
            n = 0;
        }
        if (hump) {
            word[n++] = (char)(ch + 32);
            continue;
        }
        if (!ch)
            break;
    }
    return w < -50 ? -50 : w > 50 ? 50 : w;
}

static void close_block(page *p)
{
    p->line_break = false;
    if (!p->block_open)
        return;
    p->block_open = false;
}

static block *current_block(page *p)
{
    size_t n = SR_VEC_COUNT(&p->blocks, block);
    return n ? &SR_VEC_AT(&p->blocks, block, n - 1) : NULL;
}

static void open_block(page *p, uint8_t kind)
{
    block b;
    memset(&b, 0, sizeof b);
    b.element = p->depth > 0 ? p->stack[p->depth - 1] : -1;
    b.first_run = (uint32_t)SR_VEC_COUNT(&p->runs, run);
    b.kind = kind;
    b.h1 = p->h1_open;
    if (!SR_VEC_PUSH(&p->blocks, block, b))
        p->oom = true;
    p->block_open = true;
}

static const char *attr(const xmlChar **atts, const char *name)
{
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (xmlStrcasecmp(atts[i], (const xmlChar *)name) == 0)
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
    return NULL;
}

static void copy_str(char *dst, size_t cap, const char *s)
{
    if (s && !dst[0])
        snprintf(dst, cap, "%s", s);
}

/* An element the browser does not show (style="display:none", the
 * hidden attribute): schema.org metadata copies, templates, modals. */
static bool hidden(const xmlChar **atts)
{
    if (attr(atts, "hidden"))
        return true;
    const char *style = attr(atts, "style");
    if (!style)
        return false;
    for (const char *q = style; (q = strstr(q, "display")) != NULL; q += 7) {
        const char *v = q + 7;
        while (*v == ' ' || *v == ':')
            v++;
        if (strncasecmp(v, "none", 4) == 0)
            return true;
    }
    return false;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    page *p = ctx;
    if (p->oom)
        return;
    bool skip_here = p->depth > 0 && p->skip[p->depth - 1];
    if (xmlStrcasecmp(name, (const xmlChar *)"meta") == 0) {
        const char *prop = attr(atts, "property");
        if (!prop)
            prop = attr(atts, "name");
        if (!prop)
            prop = attr(atts, "itemprop");
        const char *content = attr(atts, "content");
        if (prop && content) {
            if (!strcmp(prop, "og:title") || !strcmp(prop, "twitter:title"))
                copy_str(p->og_title, sizeof p->og_title, content);
            else if (!strcmp(prop, "og:site_name") || !strcmp(prop, "application-name"))
                copy_str(p->site_name, sizeof p->site_name, content);
            else if (!strcmp(prop, "article:published_time") || !strcmp(prop, "datePublished") ||
                     !strcmp(prop, "pubdate") || !strcmp(prop, "date") ||
                     !strcmp(prop, "publish-date") || !strcmp(prop, "sailthru.date") ||
                     !strcmp(prop, "parsely-pub-date") || !strcmp(prop, "dc.date"))
                copy_str(p->published, sizeof p->published, content);
            else if (!strcmp(prop, "author") || !strcmp(prop, "article:author") ||
                     !strcmp(prop, "parsely-author") || !strcmp(prop, "sailthru.author"))
                copy_str(p->author, sizeof p->author, content);
        }
    } else if (xmlStrcasecmp(name, (const xmlChar *)"link") == 0) {
        const char *rel = attr(atts, "rel"), *href = attr(atts, "href");
        if (rel && href && xmlStrcasecmp((const xmlChar *)rel, (const xmlChar *)"canonical") == 0)
            copy_str(p->canonical, sizeof p->canonical, href);
    } else if (xmlStrcasecmp(name, (const xmlChar *)"time") == 0) {
        const char *dt = attr(atts, "datetime");
        if (dt && !p->published[0] && !skip_here)
            copy_str(p->published, sizeof p->published, dt);
    }
    if (xmlStrcasecmp(name, (const xmlChar *)"title") == 0)
        p->in_title++;
    if (xmlStrcasecmp(name, (const xmlChar *)"script") == 0) {
        const char *type = attr(atts, "type");
        if (type && strstr(type, "ld+json"))
            p->in_ldjson++;
    }
    /* void elements take no place on the stack (their end event is ignored) */
    if (name_is(name, void_elements)) {
        /* <br> breaks the line, not the paragraph (its link density and
         * score are the paragraph's); two in a row or <hr> end it */
        if (!skip_here && xmlStrcasecmp(name, (const xmlChar *)"br") == 0) {
            if (p->line_break)
                close_block(p);
            else if (p->block_open)
                p->line_break = true;
        } else if (!skip_here && xmlStrcasecmp(name, (const xmlChar *)"hr") == 0)
            close_block(p);
        p->pos = after_tag(p);
        return;
    }
    if (p->depth >= MAX_DEPTH) {
        p->pos = after_tag(p);
        return;
    }
    element e = {p->depth > 0 ? p->stack[p->depth - 1] : -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    e.inline_ = (uint8_t)name_is(name, (const char *const[]){"a", "span", "em", "strong", "b", "i",
                                                             "u", "font", "small", "big", "sub", "sup",
                                                             "abbr", "cite", "code", "mark", "q", "s",
                                                             "time", "label", "ins", "del", "bdi", NULL});
    const element *parent = e.parent >= 0 ? &SR_VEC_AT(&p->elements, element, e.parent) : NULL;
    bool caption = false;
    int w = class_weight(attr(atts, "class"), &caption) + class_weight(attr(atts, "id"), &caption);
    const char *itemprop = attr(atts, "itemprop");
    if (itemprop && strstr(itemprop, "articleBody"))
        w += 50;
    const char *role = attr(atts, "role");
    if (role && (!strcmp(role, "navigation") || !strcmp(role, "complementary") ||
                 !strcmp(role, "contentinfo") || !strcmp(role, "banner")))
        w -= 50;
    if (xmlStrcasecmp(name, (const xmlChar *)"article") == 0 || xmlStrcasecmp(name, (const xmlChar *)"main") == 0)
        w += 25;
    e.weight = (int16_t)w;
    /* boilerplate by its own tag, role or names (not inherited: a page
     * wrapper with an unlucky class name holds the article too) */
    e.boiler = (uint8_t)(w <= -25 || name_is(name, boiler_tags));
    e.good = (uint8_t)((parent && parent->good) || w >= 25);
    e.in_boiler = (uint8_t)(parent && (parent->in_boiler || parent->boiler));
    e.capname = (uint8_t)caption;
    e.figure = (uint8_t)((parent && parent->figure) ||
                         name_is(name, (const char *const[]){"figure", "figcaption", NULL}));
    int32_t idx = (int32_t)SR_VEC_COUNT(&p->elements, element);
#ifdef SITREP_DEBUG_WEBPAGE
    if (idx < DEBUG_ELEMENTS) {
        const char *cl = attr(atts, "class"), *id = attr(atts, "id");
        snprintf(debug_names[idx], sizeof debug_names[idx], "%s.%s#%s", (const char *)name, cl ? cl : "", id ? id : "");
    }
#endif
    if (!SR_VEC_PUSH(&p->elements, element, e)) {
        p->oom = true;
        return;
    }
    p->stack[p->depth] = idx;
    p->skip[p->depth] = (uint8_t)(skip_here || name_is(name, skipped) || hidden(atts));
    p->depth++;
    if (xmlStrcasecmp(name, (const xmlChar *)"a") == 0)
        p->anchor++;
    if (!p->skip[p->depth - 1] && name_is(name, blocks_)) {
        close_block(p);
        uint8_t kind = BK_TEXT;
        if ((name[0] | 0x20) == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2])
            kind = BK_HEADING;
        else if (xmlStrcasecmp(name, (const xmlChar *)"li") == 0)
            kind = BK_ITEM;
        else if (xmlStrcasecmp(name, (const xmlChar *)"blockquote") == 0)
            kind = BK_QUOTE;
        else if (xmlStrcasecmp(name, (const xmlChar *)"figcaption") == 0)
            kind = BK_CAPTION;
        else if (xmlStrcasecmp(name, (const xmlChar *)"td") == 0 || xmlStrcasecmp(name, (const xmlChar *)"th") == 0)
            kind = BK_CELL;
        p->h1_open = (uint8_t)(kind == BK_HEADING && name[1] == '1');
        p->block_kind = kind;
    }
    p->pos = after_tag(p);
}

static void on_end(void *ctx, const xmlChar *name)
{
    page *p = ctx;
    if (p->oom)
        return;
    if (xmlStrcasecmp(name, (const xmlChar *)"title") == 0 && p->in_title)
        p->in_title--;
    if (xmlStrcasecmp(name, (const xmlChar *)"script") == 0 && p->in_ldjson)
        p->in_ldjson--;
    if (name_is(name, void_elements)) {
        p->pos = after_tag(p);
        return;
    }
    if (p->depth > 0) {
        if (xmlStrcasecmp(name, (const xmlChar *)"a") == 0 && p->anchor)
            p->anchor--;
        bool was_skipped = p->skip[p->depth - 1];
        p->depth--;
        if (!was_skipped && name_is(name, blocks_))
            close_block(p);
    }
    p->pos = after_tag(p);
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
            return false;
    return true;
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
    page *p = ctx;
    if (p->oom)
        return;
    size_t end = position(p), start = p->pos;
    p->pos = end;
    if (p->in_title) {
        if (!sr_buf_put(&p->title, (const char *)ch, (size_t)len))
            p->oom = true;
        return;
    }
    if (p->in_ldjson) {
        if (!sr_buf_put(&p->ldjson, (const char *)ch, (size_t)len) || !sr_buf_putc(&p->ldjson, '\0'))
            p->oom = true;
        else
            p->ldjson.len--; /* keep it NUL-terminated, the NUL not counted */
        return;
    }
    if (p->depth > 0 && p->skip[p->depth - 1])
        return;
    if (end <= start || end > p->len || blank(p->src + start, end - start))
        return;
    /* the run's own bytes: text up to the next '<' (the parser may stand
     * past a tag it has already seen) */
    const char *lt = memchr(p->src + start, '<', end - start);
    if (lt)
        end = (size_t)(lt - p->src);
    while (start < end && strchr(" \t\r\n\f", p->src[start]))
        start++;
    while (end > start && strchr(" \t\r\n\f", p->src[end - 1]))
        end--;
    if (end <= start)
        return;
    if (!p->block_open)
        open_block(p, p->block_kind);
    if (p->oom)
        return;
    run r = {(uint32_t)start, (uint32_t)end, (uint8_t)(p->anchor > 0), (uint8_t)p->line_break};
    p->line_break = false;
    if (!SR_VEC_PUSH(&p->runs, run, r)) {
        p->oom = true;
        return;
    }
    block *b = current_block(p);
    b->nruns++;
    uint32_t chars = 0, commas = 0, letters = 0;
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)p->src[i];
        chars += (c & 0xC0) != 0x80 && c != ' ';
        commas += c == ',';
        letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0;
    }
    b->chars += chars;
    b->commas += commas;
    b->letters += letters;
    if (r.link)
        b->link_chars += chars;
}

static void on_other(void *ctx, const xmlChar *value)
{
    (void)value;
    page *p = ctx;
    p->pos = after_tag(p);
}

/* ---- choosing the article ---- */

static void score_containers(page *p)
{
    size_t nb = SR_VEC_COUNT(&p->blocks, block);
    element *el = (element *)(void *)p->elements.data;
    for (size_t i = 0; i < nb; i++) {
        const block *b = &SR_VEC_AT(&p->blocks, block, i);
        if (b->element < 0 || b->chars < 25 || b->kind == BK_HEADING)
            continue;
        if (b->link_chars * 2 > b->chars)
            continue;
        float s = 1.0f + (float)b->commas + (float)(b->chars / 100 < 3 ? b->chars / 100 : 3);
        /* list items are a list of teasers as often as part of the
         * article: one whose text is partly a link does not score, the
         * others score half */
        if (b->kind == BK_ITEM) {
            if (b->link_chars * 5 > b->chars)
                continue;
            s *= 0.5f;
        }
        int32_t e = b->element;
        while (e >= 0 && el[e].inline_ && el[e].parent >= 0) /* "<p><span>text" scores the <p>'s parent */
            e = el[e].parent;
        /* the paragraph scores its parent in full and the next ancestors a
         * half, a third and a quarter: an article split into wrapped
         * columns adds up in the element that holds them all */
        int32_t a = el[e].parent >= 0 ? el[e].parent : e;
        for (int level = 1; a >= 0 && level <= 4; level++, a = el[a].parent)
            el[a].score += s / (float)level;
    }
}

static bool inside(const element *el, int32_t e, int32_t container)
{
    for (int guard = 0; e >= 0 && guard < MAX_DEPTH; guard++, e = el[e].parent)
        if (e == container)
            return true;
    return false;
}

#define ALTERNATIVES 8
#define MIN_ALTERNATIVES 1

static void choose(page *p)
{
    size_t ne = SR_VEC_COUNT(&p->elements, element), nb = SR_VEC_COUNT(&p->blocks, block);
    element *el = (element *)(void *)p->elements.data;
    int32_t best = -1;
    float bests = 0;
    for (size_t i = 0; i < ne; i++) {
        if (el[i].boiler)
            continue;
        float s = el[i].score * (1.0f + el[i].weight / 100.0f);
        /* inside comments or a sidebar: only when nothing else holds
         * text (a page wrapper with an unlucky name holds everything) */
        if (el[i].in_boiler)
            s *= 0.3f;
        if (s > bests) {
            bests = s;
            best = (int32_t)i;
        }
    }
    /* an article in several sections: when other candidates score nearly
     * as well and sit with the best inside one ancestor, that ancestor
     * is the article (Readability's rule) */
    if (best >= 0) {
        int32_t alt[ALTERNATIVES];
        int nalt = 0;
        for (size_t i = 0; i < ne && nalt < ALTERNATIVES; i++) {
            if ((int32_t)i == best || el[i].boiler || el[i].in_boiler)
                continue;
            float s = el[i].score * (1.0f + el[i].weight / 100.0f);
            if (s >= bests * 0.75f && !inside(el, best, (int32_t)i) && !inside(el, (int32_t)i, best))
                alt[nalt++] = (int32_t)i;
        }
        if (nalt >= MIN_ALTERNATIVES) {
            for (int32_t a = el[best].parent; a >= 0 && el[a].parent >= 0; a = el[a].parent) {
                int n = 0;
                for (int k = 0; k < nalt; k++)
                    n += inside(el, alt[k], a);
                if (n >= MIN_ALTERNATIVES) {
                    if (!el[a].boiler)
                        best = a;
                    break;
                }
            }
        }
    }
    /* the only child of its parent that holds text: the parent is the
     * article's box, and the parent's siblings may hold the rest */
    for (size_t i = 0; i < nb; i++) {
        const block *b = &SR_VEC_AT(&p->blocks, block, i);
        if (b->element >= 0)
            el[b->element].text += b->chars;
    }
    for (size_t i = ne; i-- > 0;) /* a child comes after its parent */
        if (el[i].parent >= 0 && el[i].text) {
            el[el[i].parent].text += el[i].text;
            if (el[el[i].parent].text_kids < UINT16_MAX)
                el[el[i].parent].text_kids++;
        }
    while (best >= 0 && el[best].parent >= 0 && el[el[best].parent].text_kids == 1 &&
           el[el[best].parent].parent >= 0 && !el[el[best].parent].boiler)
        best = el[best].parent;
#ifdef SITREP_DEBUG_WEBPAGE
    if (getenv("SITREP_DEBUG_WEB"))
        fprintf(stderr, "best el%d score %.1f weight %d\n", best, best >= 0 ? el[best].score : 0,
                best >= 0 ? el[best].weight : 0);
#endif
    /* siblings of the best that score well join it (an article split in
     * two divs) */
    for (size_t i = 0; i < nb; i++) {
        block *b = &SR_VEC_AT(&p->blocks, block, i);
        if (b->element < 0)
            continue;
        /* boilerplate between the block and the article's container (or
         * within six levels when nothing scored) */
        bool boiler = false, capname = false;
        int32_t e = b->element;
        int32_t stop = best >= 0 && el[best].parent >= 0 ? el[best].parent : best;
        for (int up = 0; e >= 0 && e != stop && up < (best >= 0 ? MAX_DEPTH : 6); up++, e = el[e].parent) {
            boiler |= el[e].boiler;
            capname |= el[e].capname && e != best; /* a caption or gallery within the article */
        }
        if (boiler)
            continue;
        bool in = best >= 0 && inside(el, b->element, best);
        if (!in && best >= 0 && el[best].parent >= 0) {
            int32_t sib = b->element;
            while (sib >= 0 && el[sib].parent != el[best].parent)
                sib = el[sib].parent;
            float ss = sib >= 0 ? el[sib].score * (1.0f + el[sib].weight / 100.0f) : 0;
            in = sib >= 0 && sib != best && (ss >= bests * 0.2f || ss >= 10.0f);
        }
        if (best < 0)
            in = b->chars >= 80; /* nothing scored: long blocks */
        else if (el[best].parent < 0)
            in = true; /* a fragment (a feed item): its blocks are the article */
        if (!in)
            continue;
        /* mostly links: navigation; inside a container named as the
         * article, a paragraph may link half its words */
        bool links = el[b->element].good && best >= 0 && el[best].good && inside(el, b->element, best)
                         ? b->link_chars * 5 > b->chars * 3 + 10
                         : b->link_chars * 3 > b->chars * 1 + 10;
        /* a table in the article keeps its short cells (names, figures) */
        bool cell = b->kind == BK_CELL && best >= 0 && inside(el, b->element, best);
        bool tiny = b->chars < 15 && b->kind != BK_HEADING && !cell;
        /* a time stamp or a count on its own ("19.11.2019, 08:57") */
        bool stamp = b->chars < 40 && b->letters * 2 < b->chars && !cell;
        /* photo captions and credits, and the headline (the page's title) */
        bool caption = b->kind == BK_CAPTION || el[b->element].figure || capname;
        bool headline = b->kind == BK_HEADING && b->h1;
        b->keep = (uint8_t)(!links && !tiny && !stamp && !caption && !headline);
        /* the article's captions and headline are still read (places in
         * a caption, the headline's date), as the plain-text cleaner does */
        b->drop = (uint8_t)(caption && !links ? SITREP_DROP_CAPTION
                            : headline       ? SITREP_DROP_HEADER
                                             : SITREP_DROP_NAVIGATION);
    }
}

/* ---- metadata ---- */

static const char *ld_string(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_array(v) && json_array_size(v))
        return ld_string(json_array_get(v, 0));
    if (json_is_object(v))
        return json_string_value(json_object_get(v, "name"));
    return NULL;
}

static void ld_article(page *p, json_t *o)
{
    if (json_is_array(o)) {
        size_t i;
        json_t *v;
        json_array_foreach(o, i, v) ld_article(p, v);
        return;
    }
    if (!json_is_object(o))
        return;
    json_t *graph = json_object_get(o, "@graph");
    if (graph)
        ld_article(p, graph);
    const char *type = ld_string(json_object_get(o, "@type"));
    if (!type || !strstr(type, "Article")) {
        if (!type || (strcmp(type, "NewsArticle") && strcmp(type, "ReportageNewsArticle") &&
                      strcmp(type, "BlogPosting") && strcmp(type, "WebPage")))
            return;
    }
    copy_str(p->og_title, sizeof p->og_title, ld_string(json_object_get(o, "headline")));
    copy_str(p->published, sizeof p->published, ld_string(json_object_get(o, "datePublished")));
    copy_str(p->author, sizeof p->author, ld_string(json_object_get(o, "author")));
    copy_str(p->site_name, sizeof p->site_name, ld_string(json_object_get(o, "publisher")));
}

static void metadata(page *p, sitrep_doc *doc)
{
    /* JSON-LD scripts were gathered one after the other, each NUL-ended */
    for (size_t at = 0; at < p->ldjson.len;) {
        const char *s = p->ldjson.data + at;
        size_t n = strlen(s);
        json_error_t err;
        json_t *o = json_loadb(s, n, 0, &err);
        if (o) {
            ld_article(p, o);
            json_decref(o);
        }
        at += n + 1;
    }
    if (!doc->title) {
        const char *t = p->og_title[0] ? p->og_title : NULL;
        char buf[512];
        if (!t && p->title.len) {
            /* "<title>Headline - Site</title>": the site suffix goes */
            snprintf(buf, sizeof buf, "%.*s", (int)p->title.len, p->title.data);
            static const char *const seps[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", NULL};
            char *cut = NULL;
            for (size_t k = 0; seps[k]; k++) {
                for (char *q = strstr(buf, seps[k]); q; q = strstr(q + 1, seps[k]))
                    if (!cut || q > cut)
                        cut = q;
            }
            if (cut && cut - buf >= 15 && strlen(cut) < 48)
                *cut = '\0';
            t = buf;
        }
        if (t) {
            size_t n = strlen(t);
            while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
                n--;
            while (n && (*t == ' ' || *t == '\n')) {
                t++;
                n--;
            }
            if (n)
                doc->title = sr_arena_strndup(&doc->arena, t, n);
        }
    }
    if (!doc->outlet && p->site_name[0])
        doc->outlet = sr_arena_strndup(&doc->arena, p->site_name, strlen(p->site_name));
    if (!doc->url && p->canonical[0])
        doc->url = sr_arena_strndup(&doc->arena, p->canonical, strlen(p->canonical));
    if (!doc->published && p->published[0]) {
        sr_date d;
        size_t at, used;
        if (sr_date_find(p->published, strlen(p->published), &d, &at, &used) && d.day) {
            char iso[11];
            sr_date_iso(&d, iso);
            doc->published = sr_arena_strndup(&doc->arena, iso, 10);
        }
    }
    if (p->author[0] && doc->nbyline == 0)
        sr_doc_add_byline(doc, p->author, strlen(p->author));
}

bool sr_looks_like_html(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
        i = 3;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    if (i >= n || s[i] != '<')
        return false;
    /* a fragment (a feed item's content) opening with a block or inline tag */
    static const char *const openers[] = {"<p>", "<p ", "<div", "<article", "<section", "<h1", "<h2",
                                          "<h3", "<h4", "<figure", "<ul", "<ol", "<blockquote",
                                          "<table", "<img", "<span", "<strong", "<em>", "<br", NULL};
    for (size_t k = 0; openers[k]; k++) {
        size_t ol = strlen(openers[k]);
        if (n - i >= ol && strncasecmp(s + i, openers[k], ol) == 0)
            return true;
    }
    size_t lim = n - i < 4096 ? n - i : 4096;
    static const char *const marks[] = {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", NULL};
    for (size_t k = 0; marks[k]; k++) {
        size_t ml = strlen(marks[k]);
        for (size_t j = i; j + ml <= i + lim; j++)
            if (strncasecmp(s + j, marks[k], ml) == 0)
                return true;
    }
    return false;
}

sitrep_status sr_webpage_lines(sitrep_doc *doc)
{
    page p;
    memset(&p, 0, sizeof p);
    p.src = doc->src;
    p.len = doc->len;
    sr_buf_init(&p.elements, doc->mem);
    sr_buf_init(&p.runs, doc->mem);
    sr_buf_init(&p.blocks, doc->mem);
    sr_buf_init(&p.title, doc->mem);
    sr_buf_init(&p.ldjson, doc->mem);
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_chars;
    sax.cdataBlock = on_chars;
    sax.ignorableWhitespace = on_chars;
    sax.comment = on_other;
    /* a memory parser reads the page in place: its cursor is an offset
     * into the page at every event */
    p.ctxt = htmlCreateMemoryParserCtxt(doc->src, (int)(doc->len < INT32_MAX ? doc->len : INT32_MAX));
    sitrep_status st = SITREP_OK;
    if (!p.ctxt || !p.ctxt->sax) {
        st = SITREP_ENOMEM;
    } else {
        memcpy(p.ctxt->sax, &sax, sizeof sax);
        p.ctxt->userData = &p;
        /* the page is UTF-8 by now: a <meta charset> must not switch the
         * parser to another (its cursor would leave the page's bytes) */
        htmlCtxtUseOptions(p.ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                       HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC);
        xmlSwitchEncoding(p.ctxt, XML_CHAR_ENCODING_UTF8);
        htmlParseDocument(p.ctxt);
        if (p.oom)
            st = SITREP_ENOMEM;
    }
    if (p.ctxt) {
        p.ctxt->userData = NULL;
        htmlFreeParserCtxt(p.ctxt);
        p.ctxt = NULL;
    }
    if (st == SITREP_OK) {
        score_containers(&p);
        choose(&p);
#ifdef SITREP_DEBUG_WEBPAGE /* -DSITREP_DEBUG_WEBPAGE: the blocks and what was kept, on stderr */
        if (getenv("SITREP_DEBUG_WEB")) {
            size_t nb = SR_VEC_COUNT(&p.blocks, block);
            fprintf(stderr, "elements %zu runs %zu blocks %zu\n", SR_VEC_COUNT(&p.elements, element),
                    SR_VEC_COUNT(&p.runs, run), nb);
            element *el = (element *)(void *)p.elements.data;
            for (size_t i = 0; i < nb && i < 4000; i++) {
                const block *b = &SR_VEC_AT(&p.blocks, block, i);
                fprintf(stderr, "B%zu %c chars %u link %u |", i, b->keep ? '+' : '-', b->chars, b->link_chars);
                int32_t e = b->element;
                for (int up = 0; e >= 0 && up < 8; up++, e = el[e].parent)
                    fprintf(stderr, " el%d:%s(%.0f,%d%s)", e, e < DEBUG_ELEMENTS ? debug_names[e] : "?", el[e].score,
                            el[e].weight, el[e].boiler ? ",B" : "");
                fprintf(stderr, " |");
                for (uint32_t k = 0; k < b->nruns; k++) {
                    const run *r = &SR_VEC_AT(&p.runs, run, b->first_run + k);
                    fputc(' ', stderr);
                    for (uint32_t c = r->start; c < r->end; c++)
                        fputc((unsigned char)p.src[c] < 32 ? ' ' : p.src[c], stderr);
                }
                fputc('\n', stderr);
            }
        }
#endif
        metadata(&p, doc);
        /* the kept blocks become the lines: a block a paragraph, its runs
         * joined (SR_LINE_INLINE) */
        size_t nb = SR_VEC_COUNT(&p.blocks, block);
        uint32_t para = 0;
        for (size_t i = 0; i < nb && st == SITREP_OK; i++) {
            const block *b = &SR_VEC_AT(&p.blocks, block, i);
            para++;
            for (uint32_t k = 0; k < b->nruns; k++) {
                const run *r = &SR_VEC_AT(&p.runs, run, b->first_run + k);
                sr_line ln;
                memset(&ln, 0, sizeof ln);
                ln.start = r->start;
                ln.end = r->end;
                ln.para = para;
                ln.words = SR_MANY_WORDS;
                ln.drop = b->keep ? 0 : b->drop ? b->drop : SITREP_DROP_NAVIGATION;
                ln.flags = (uint8_t)((k && !r->brk ? SR_LINE_INLINE : 0) | (b->kind == BK_HEADING ? SR_LINE_HEADING : 0) |
                                     SR_LINE_PROSE);
                if (!SR_VEC_PUSH(&doc->lines, sr_line, ln))
                    st = SITREP_ENOMEM;
            }
        }
    }
    sr_buf_free(&p.elements);
    sr_buf_free(&p.runs);
    sr_buf_free(&p.blocks);
    sr_buf_free(&p.title);
    sr_buf_free(&p.ldjson);
    return st;
}

/* ---- charsets ---- */

static void declared_charset(const char *s, size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    size_t lim = n < 8192 ? n : 8192;
    for (size_t i = 0; i + 8 < lim; i++) {
        if (strncasecmp(s + i, "charset", 7) != 0)
            continue;
        size_t k = i + 7;
        while (k < lim && (s[k] == ' ' || s[k] == '='))
            k++;
        while (k < lim && (s[k] == '"' || s[k] == '\''))
            k++;
        size_t m = 0;
        while (k < lim && m + 1 < cap &&
               ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9') ||
                s[k] == '-' || s[k] == '_'))
            out[m++] = s[k++];
        out[m] = '\0';
        if (m)
            return;
    }
}

sitrep_status sr_html_to_utf8(const char *s, size_t n, const sitrep_mem *mem, char **out, size_t *outlen)
{
    char cs[40];
    declared_charset(s, n, cs, sizeof cs);
    /* a page that declares UTF-8 yet is not: its bytes are windows-1252 */
    if (!cs[0] || strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "utf8") == 0 ||
        strcasecmp(cs, "iso-8859-1") == 0 || strcasecmp(cs, "latin1") == 0 ||
        strcasecmp(cs, "us-ascii") == 0)
        snprintf(cs, sizeof cs, "WINDOWS-1252");
    iconv_t cd = iconv_open("UTF-8", cs);
    if (cd == (iconv_t)-1)
        cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == (iconv_t)-1)
        return SITREP_EUTF8;
    size_t cap = n * 3 + 16;
    char *buf = mem->calloc(1, cap);
    if (!buf) {
        iconv_close(cd);
        return SITREP_ENOMEM;
    }
    char *in = (char *)s, *o = buf;
    size_t inleft = n, outleft = cap - 1;
    while (inleft > 0) {
        if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1)
            break;
        /* a byte the charset does not have: a replacement character */
        if (outleft < 4)
            break;
        memcpy(o, "\xEF\xBF\xBD", 3);
        o += 3;
        outleft -= 3;
        in++;
        inleft--;
    }
    iconv_close(cd);
    *o = '\0';
    *out = buf;
    *outlen = (size_t)(o - buf);
    return SITREP_OK;
}
