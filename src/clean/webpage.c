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

#include "clean/htmlguard.h"
#include "core/dates.h"
#include "core/html.h"

#include <assert.h>
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
    uint8_t names;      /* NM_*: class, id, rel or itemprop name a date or an author */
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

#define CLASS_CACHE 256

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
    sr_buf cuts;         /* sr_html_cut: what the parser's copy leaves out (htmlguard.c) */
    char og_title[512], site_name[256], published[64], author[256], canonical[512], lang[36];
    int32_t best;        /* the article's container, -1 when none */
    /* class values repeat through a page ("menu-item menu-item-type-post"
     * a hundred times): their weight, cached by a hash of the value */
    struct {
        uint64_t hash;
        int16_t weight;
        uint8_t names;
    } class_cache[CLASS_CACHE];
    bool oom;
} page;

static size_t position(const page *p)
{
    const xmlParserInput *in = p->ctxt->input;
    if (!in || !in->cur || !in->base)
        return p->pos;
    /* back to the page's bytes: add what was cut before this point */
    size_t at = sr_html_page_offset(&p->cuts, (size_t)in->consumed + (size_t)(in->cur - in->base));
    if (at > p->len)
        return p->len;
    /* on a character, never inside one: after a tag name with non-ASCII
     * letters ("<W\u00f1\u00f1>") the parser can stand a byte into the
     * text's first character (fuzz_warc) */
    for (int k = 0; k < 3 && at > 0 && at < p->len && ((unsigned char)p->src[at] & 0xC0) == 0x80; k++)
        at--;
    /* never behind the last event: the page is read once, front to back,
     * but after some recovered errors the offset read off libxml2's input
     * falls back toward the page's start, and the next run would take text
     * already taken again (fuzz_warc: a page's text tokenized twice) */
    return at < p->pos ? p->pos : at;
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

/* ---- what a tag is: one lookup per element ---- */

enum { /* tag flags */
    TF_VOID = 1 << 0,   /* no end tag (br, img, meta, ...) */
    TF_SKIP = 1 << 1,   /* its text is not the page's (script, style, ...) */
    TF_BLOCK = 1 << 2,  /* starts a new block */
    TF_BOILER = 1 << 3, /* boilerplate by its tag (nav, aside, footer, ...) */
    TF_INLINE = 1 << 4, /* inline (a, span, em, ...) */
};

enum { /* tags with a rule of their own */
    T_OTHER = 0, T_A, T_ARTICLE, T_BLOCKQUOTE, T_BR, T_FIGCAPTION, T_FIGURE, T_H1, T_H2, T_H3,
    T_H4, T_H5, T_H6, T_HR, T_HTML, T_LI, T_LINK, T_MAIN, T_META, T_SCRIPT, T_TD, T_TH, T_TIME, T_TITLE,
};

typedef struct tag_info {
    const char *name; /* lower case, sorted */
    uint8_t flags, id;
} tag_info;

static const tag_info tags[] = {
    {"a", TF_INLINE, T_A}, {"abbr", TF_INLINE, 0}, {"address", TF_BLOCK, 0},
    {"area", TF_VOID, 0}, {"article", TF_BLOCK, T_ARTICLE}, {"aside", TF_BLOCK | TF_BOILER, 0},
    {"b", TF_INLINE, 0}, {"base", TF_VOID, 0}, {"bdi", TF_INLINE, 0}, {"big", TF_INLINE, 0},
    {"blockquote", TF_BLOCK, T_BLOCKQUOTE}, {"br", TF_VOID | TF_BLOCK, T_BR},
    {"button", TF_SKIP, 0}, {"caption", TF_BLOCK, 0}, {"cite", TF_INLINE, 0},
    {"code", TF_INLINE, 0}, {"col", TF_VOID, 0}, {"dd", TF_BLOCK, 0}, {"del", TF_INLINE, 0},
    {"div", TF_BLOCK, 0}, {"dl", TF_BLOCK, 0}, {"dt", TF_BLOCK, 0}, {"em", TF_INLINE, 0},
    {"embed", TF_VOID, 0}, {"figcaption", TF_BLOCK, T_FIGCAPTION}, {"figure", TF_BLOCK, T_FIGURE},
    {"font", TF_INLINE, 0}, {"footer", TF_BLOCK | TF_BOILER, 0}, {"form", TF_BLOCK | TF_BOILER, 0},
    {"h1", TF_BLOCK, T_H1}, {"h2", TF_BLOCK, T_H2}, {"h3", TF_BLOCK, T_H3}, {"h4", TF_BLOCK, T_H4},
    {"h5", TF_BLOCK, T_H5}, {"h6", TF_BLOCK, T_H6}, {"head", TF_SKIP, 0}, {"header", TF_BLOCK, 0},
    {"hr", TF_VOID | TF_BLOCK, T_HR}, {"html", 0, T_HTML}, {"i", TF_INLINE, 0}, {"iframe", TF_SKIP, 0},
    {"img", TF_VOID, 0}, {"input", TF_VOID, 0}, {"ins", TF_INLINE, 0}, {"keygen", TF_VOID, 0},
    {"label", TF_INLINE, 0}, {"li", TF_BLOCK, T_LI}, {"link", TF_VOID, T_LINK},
    {"main", TF_BLOCK, T_MAIN}, {"mark", TF_INLINE, 0}, {"menu", TF_BOILER, 0},
    {"meta", TF_VOID, T_META}, {"nav", TF_BLOCK | TF_BOILER, 0}, {"noscript", TF_SKIP, 0},
    {"object", TF_SKIP, 0}, {"ol", TF_BLOCK, 0}, {"option", TF_SKIP, 0}, {"p", TF_BLOCK, 0},
    {"param", TF_VOID, 0}, {"pre", TF_BLOCK, 0}, {"q", TF_INLINE, 0}, {"s", TF_INLINE, 0},
    {"script", TF_SKIP, T_SCRIPT}, {"section", TF_BLOCK, 0}, {"select", TF_SKIP, 0},
    {"small", TF_INLINE, 0}, {"source", TF_VOID, 0}, {"span", TF_INLINE, 0},
    {"strong", TF_INLINE, 0}, {"style", TF_SKIP, 0}, {"sub", TF_INLINE, 0}, {"sup", TF_INLINE, 0},
    {"svg", TF_SKIP, 0}, {"table", TF_BLOCK, 0}, {"td", TF_BLOCK, T_TD}, {"template", TF_SKIP, 0},
    {"textarea", TF_SKIP, 0}, {"th", TF_BLOCK, T_TH}, {"time", TF_INLINE, T_TIME},
    {"title", 0, T_TITLE}, {"tr", TF_BLOCK, 0}, {"track", TF_VOID, 0}, {"u", TF_INLINE, 0},
    {"ul", TF_BLOCK, 0}, {"wbr", TF_VOID, 0},
};

static int tag_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const tag_info *)elem)->name);
}

static tag_info tag_of(const xmlChar *name)
{
    char low[16];
    size_t n = 0;
    for (; name[n]; n++) {
        if (n + 1 >= sizeof low)
            return (tag_info){NULL, 0, T_OTHER};
        low[n] = (char)(name[n] >= 'A' && name[n] <= 'Z' ? name[n] + 32 : name[n]);
    }
    low[n] = '\0';
    const tag_info *t = bsearch(low, tags, sizeof tags / sizeof tags[0], sizeof tags[0], tag_cmp);
    return t ? *t : (tag_info){NULL, 0, T_OTHER};
}

/* ---- class and id names ---- */

/* Words of class and id names (split at "-", "_", blanks, camelCase and
 * case-folded) that mark boilerplate, strongly or weakly, the article,
 * or a caption, credit or gallery. */
enum { W_STRONG_BAD = 1, W_WEAK_BAD, W_GOOD, W_CAPTION, W_DATE };
enum { NM_CAPTION = 1, NM_DATE = 2, NM_AUTHOR = 4 };

typedef struct class_word {
    const char *word; /* sorted */
    uint8_t kind;
} class_word;

static const class_word class_words[] = {
    {"ad", W_STRONG_BAD}, {"ads", W_STRONG_BAD}, {"advert", W_STRONG_BAD},
    {"advertisement", W_STRONG_BAD}, {"article", W_GOOD}, {"articlebody", W_GOOD},
    {"aside", W_WEAK_BAD}, {"author", W_STRONG_BAD}, {"banner", W_STRONG_BAD},
    {"bio", W_STRONG_BAD}, {"blog", W_GOOD}, {"body", W_GOOD}, {"breadcrumb", W_STRONG_BAD},
    {"breadcrumbs", W_STRONG_BAD}, {"byline", W_WEAK_BAD}, {"caption", W_CAPTION},
    {"carousel", W_CAPTION}, {"comment", W_STRONG_BAD}, {"comments", W_STRONG_BAD},
    {"consent", W_STRONG_BAD}, {"content", W_GOOD}, {"cookie", W_STRONG_BAD},
    {"cookies", W_STRONG_BAD}, {"copyright", W_STRONG_BAD}, {"credit", W_CAPTION},
    {"credits", W_CAPTION}, {"date", W_DATE}, {"dateline", W_DATE}, {"disclaimer", W_STRONG_BAD},
    {"entry", W_GOOD}, {"extra", W_WEAK_BAD}, {"footer", W_STRONG_BAD}, {"gallery", W_CAPTION},
    {"header", W_WEAK_BAD}, {"hentry", W_GOOD}, {"hidden", W_WEAK_BAD}, {"jump", W_STRONG_BAD},
    {"lightbox", W_CAPTION}, {"login", W_STRONG_BAD}, {"main", W_GOOD}, {"masthead", W_STRONG_BAD},
    {"menu", W_STRONG_BAD}, {"meta", W_WEAK_BAD}, {"modal", W_STRONG_BAD}, {"more", W_STRONG_BAD},
    {"nav", W_STRONG_BAD}, {"navbar", W_STRONG_BAD}, {"navigation", W_STRONG_BAD}, {"news", W_GOOD},
    {"newsletter", W_STRONG_BAD}, {"outbrain", W_STRONG_BAD}, {"pagination", W_STRONG_BAD},
    {"popular", W_STRONG_BAD}, {"popup", W_STRONG_BAD}, {"post", W_GOOD}, {"posted", W_DATE},
    {"print", W_WEAK_BAD}, {"promo", W_STRONG_BAD}, {"prose", W_GOOD}, {"pubdate", W_DATE},
    {"published", W_DATE}, {"recommendations", W_STRONG_BAD}, {"recommended", W_STRONG_BAD},
    {"related", W_STRONG_BAD}, {"rss", W_WEAK_BAD}, {"share", W_STRONG_BAD},
    {"sharing", W_STRONG_BAD}, {"sidebar", W_STRONG_BAD}, {"signup", W_STRONG_BAD},
    {"sitemap", W_STRONG_BAD}, {"skip", W_WEAK_BAD}, {"slideshow", W_CAPTION},
    {"social", W_STRONG_BAD}, {"sponsor", W_STRONG_BAD}, {"sponsored", W_STRONG_BAD},
    {"story", W_GOOD}, {"subscribe", W_STRONG_BAD}, {"taboola", W_STRONG_BAD},
    {"tags", W_STRONG_BAD}, {"teaser", W_STRONG_BAD}, {"teasers", W_STRONG_BAD}, {"text", W_GOOD},
    {"time", W_DATE}, {"timestamp", W_DATE}, {"toolbar", W_WEAK_BAD}, {"tools", W_WEAK_BAD},
    {"trending", W_STRONG_BAD}, {"widget", W_WEAK_BAD},
};

/* The first letters of class_words: most class words are none of them. */
static const char class_firsts[] = "abcdefghjlmnoprstw";

static int word_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const class_word *)elem)->word);
}

static int word_kind(const char *w)
{
    if (!strchr(class_firsts, w[0]))
        return 0;
    const class_word *c = bsearch(w, class_words, sizeof class_words / sizeof class_words[0],
                                  sizeof class_words[0], word_cmp);
    return c ? c->kind : 0;
}

static int class_weight(const char *v, unsigned *names)
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
            word[n] = '\0';
            switch (word_kind(word)) {
            case W_STRONG_BAD: w -= 25; break;
            case W_WEAK_BAD: w -= 10; break;
            case W_GOOD: w += 25; break;
            case W_CAPTION: *names |= NM_CAPTION; break;
            case W_DATE: *names |= NM_DATE; break;
            default: break;
            }
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
        if ((atts[i][0] | 0x20) == name[0] && xmlStrcasecmp(atts[i], (const xmlChar *)name) == 0)
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
    return NULL;
}

static void copy_str(char *dst, size_t cap, const char *s)
{
    if (s && !dst[0])
        sr_utf8_copy(dst, cap, s, strlen(s));
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

/* <meta> names and properties that give the publication date or author */
static const char *const date_names[] = {
    "article:published_time", "article:published", "og:published_time", "og:article:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "date_published",
    "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "cxenseparse:recs:publishtime", "article.published", "published_time",
    "release_date", "originalpublicationdate", NULL};
static const char *const author_names[] = {"author", "article:author", "parsely-author", "sailthru.author",
                                           "dc.creator", "byl", "og:article:author", NULL};

/* class_weight of a class value, through the page's cache. */
static int cached_class_weight(page *p, const char *v, unsigned *names)
{
    if (!v || !*v)
        return 0;
    uint64_t h = 1469598103934665603ULL; /* FNV-1a, with the length mixed in */
    size_t n = 0;
    for (; v[n]; n++)
        h = (h ^ (unsigned char)v[n]) * 1099511628211ULL;
    h ^= (uint64_t)n << 48;
    h |= 1; /* never 0: 0 marks an empty slot */
    size_t k = (size_t)(h >> 32) % CLASS_CACHE;
    if (p->class_cache[k].hash == h) {
        *names |= p->class_cache[k].names;
        return p->class_cache[k].weight;
    }
    unsigned got = 0;
    int w = class_weight(v, &got);
    p->class_cache[k].hash = h;
    p->class_cache[k].weight = (int16_t)w;
    p->class_cache[k].names = (uint8_t)got;
    *names |= got;
    return w;
}

static bool one_of(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (strcasecmp(s, *set) == 0)
            return true;
    return false;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    page *p = ctx;
    if (p->oom)
        return;
#ifndef NDEBUG
    /* the guard's copy holds no tag with more (htmlguard.c) */
    size_t natts = 0;
    while (atts && atts[natts * 2])
        natts++;
    assert(natts <= SR_HTML_MAX_ATTRS);
#endif
    bool skip_here = p->depth > 0 && p->skip[p->depth - 1];
    tag_info tag = tag_of(name);
    if (tag.id == T_HTML) {
        copy_str(p->lang, sizeof p->lang, attr(atts, "lang"));
    } else if (tag.id == T_META) {
        const char *equiv = attr(atts, "http-equiv");
        if (equiv && strcasecmp(equiv, "content-language") == 0)
            copy_str(p->lang, sizeof p->lang, attr(atts, "content"));
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
            else if (!strcmp(prop, "og:locale"))
                copy_str(p->lang, sizeof p->lang, content);
            else if (one_of(prop, date_names))
                copy_str(p->published, sizeof p->published, content);
            else if (one_of(prop, author_names) && !strstr(content, "://"))
                copy_str(p->author, sizeof p->author, content);
        }
    } else if (tag.id == T_LINK) {
        const char *rel = attr(atts, "rel"), *href = attr(atts, "href");
        if (rel && href && xmlStrcasecmp((const xmlChar *)rel, (const xmlChar *)"canonical") == 0)
            copy_str(p->canonical, sizeof p->canonical, href);
    } else if (tag.id == T_TIME) {
        const char *dt = attr(atts, "datetime");
        if (dt && !p->published[0] && !skip_here)
            copy_str(p->published, sizeof p->published, dt);
    }
    if (tag.id == T_TITLE)
        p->in_title++;
    if (tag.id == T_SCRIPT) {
        const char *type = attr(atts, "type");
        if (type && strstr(type, "ld+json"))
            p->in_ldjson++;
    }
    /* void elements take no place on the stack (their end event is ignored) */
    if (tag.flags & TF_VOID) {
        /* <br> breaks the line, not the paragraph (its link density and
         * score are the paragraph's); two in a row or <hr> end it */
        if (!skip_here && tag.id == T_BR) {
            if (p->line_break)
                close_block(p);
            else if (p->block_open)
                p->line_break = true;
        } else if (!skip_here && tag.id == T_HR)
            close_block(p);
        p->pos = after_tag(p);
        return;
    }
    if (p->depth >= MAX_DEPTH) {
        p->pos = after_tag(p);
        return;
    }
    element e = {p->depth > 0 ? p->stack[p->depth - 1] : -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    e.inline_ = (uint8_t)((tag.flags & TF_INLINE) != 0);
    const element *parent = e.parent >= 0 ? &SR_VEC_AT(&p->elements, element, e.parent) : NULL;
    unsigned names = 0;
    const char *cls = attr(atts, "class"), *idv = attr(atts, "id");
    int w = cached_class_weight(p, cls, &names) + class_weight(idv, &names);
    if ((cls && (strstr(cls, "author") || strstr(cls, "byline"))) || (idv && strstr(idv, "author")))
        names |= NM_AUTHOR;
    const char *itemprop = attr(atts, "itemprop"), *rel = attr(atts, "rel");
    if (itemprop && strstr(itemprop, "articleBody"))
        w += 50;
    if ((itemprop && strstr(itemprop, "author")) || (rel && !strcmp(rel, "author")))
        names |= NM_AUTHOR;
    /* a date in an attribute: <span itemprop="datePublished" content=...>,
     * <time datetime=... pubdate> */
    if (itemprop && !strcmp(itemprop, "datePublished") && !skip_here) {
        const char *v = attr(atts, "content");
        if (!v)
            v = attr(atts, "datetime");
        if (v)
            copy_str(p->published, sizeof p->published, v);
        else
            names |= NM_DATE;
    }
    const char *role = attr(atts, "role");
    if (role && (!strcmp(role, "navigation") || !strcmp(role, "complementary") ||
                 !strcmp(role, "contentinfo") || !strcmp(role, "banner")))
        w -= 50;
    if (tag.id == T_ARTICLE || tag.id == T_MAIN)
        w += 25;
    e.weight = (int16_t)w;
    /* boilerplate by its own tag, role or names (not inherited: a page
     * wrapper with an unlucky class name holds the article too) */
    e.boiler = (uint8_t)(w <= -25 || (tag.flags & TF_BOILER));
    e.good = (uint8_t)((parent && parent->good) || w >= 25);
    e.in_boiler = (uint8_t)(parent && (parent->in_boiler || parent->boiler));
    e.capname = (uint8_t)((names & NM_CAPTION) != 0);
    e.names = (uint8_t)names;
    e.figure = (uint8_t)((parent && parent->figure) || tag.id == T_FIGURE || tag.id == T_FIGCAPTION);
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
    p->skip[p->depth] = (uint8_t)(skip_here || (tag.flags & TF_SKIP) || hidden(atts));
    p->depth++;
    if (tag.id == T_A)
        p->anchor++;
    if (!p->skip[p->depth - 1] && (tag.flags & TF_BLOCK)) {
        close_block(p);
        uint8_t kind = BK_TEXT;
        if (tag.id >= T_H1 && tag.id <= T_H6)
            kind = BK_HEADING;
        else if (tag.id == T_LI)
            kind = BK_ITEM;
        else if (tag.id == T_BLOCKQUOTE)
            kind = BK_QUOTE;
        else if (tag.id == T_FIGCAPTION)
            kind = BK_CAPTION;
        else if (tag.id == T_TD || tag.id == T_TH)
            kind = BK_CELL;
        p->h1_open = (uint8_t)(tag.id == T_H1);
        p->block_kind = kind;
    }
    p->pos = after_tag(p);
}

static void on_end(void *ctx, const xmlChar *name)
{
    page *p = ctx;
    if (p->oom)
        return;
    tag_info tag = tag_of(name);
    if (tag.id == T_TITLE && p->in_title)
        p->in_title--;
    if (tag.id == T_SCRIPT && p->in_ldjson) {
        /* each script ends with a NUL of its own (the parts of one
         * script were kept NUL-terminated without counting it) */
        p->in_ldjson--;
        if (!sr_buf_putc(&p->ldjson, '\0'))
            p->oom = true;
    }
    if (tag.flags & TF_VOID) {
        p->pos = after_tag(p);
        return;
    }
    if (p->depth > 0) {
        if (tag.id == T_A && p->anchor)
            p->anchor--;
        bool was_skipped = p->skip[p->depth - 1];
        p->depth--;
        if (!was_skipped && (tag.flags & TF_BLOCK))
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
    block *b = current_block(p);
    size_t nr = SR_VEC_COUNT(&p->runs, run);
    run *last = b->nruns && nr ? &SR_VEC_AT(&p->runs, run, nr - 1) : NULL;
    if (last && !r.brk && last->link == r.link && last->end <= r.start &&
        blank(p->src + last->end, r.start - last->end)) {
        /* the parser reports text around a character reference ("army",
         * "&#8217;", "s") as pieces: with nothing but blanks between,
         * they are one run, so one word stays one word */
        last->end = r.end;
    } else {
        p->line_break = false;
        if (!SR_VEC_PUSH(&p->runs, run, r)) {
            p->oom = true;
            return;
        }
        b->nruns++;
    }
    p->line_break = false;
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
    p->best = best;
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
    copy_str(p->lang, sizeof p->lang, ld_string(json_object_get(o, "inLanguage")));
}

/* The text of a block, its runs joined by a space, in out[0..cap). */
static size_t block_text(const page *p, const block *b, char *out, size_t cap)
{
    size_t n = 0;
    for (uint32_t k = 0; k < b->nruns && n + 1 < cap; k++) {
        const run *r = &SR_VEC_AT(&p->runs, run, b->first_run + k);
        if (n && n + 1 < cap)
            out[n++] = ' ';
        for (uint32_t c = r->start; c < r->end && n + 1 < cap; c++)
            out[n++] = p->src[c] == '\n' || p->src[c] == '\t' ? ' ' : p->src[c];
    }
    out[n] = '\0';
    return n;
}

/* Does an element within `levels` above the block carry a name flag? */
static bool block_named(const page *p, const block *b, unsigned flag, int levels)
{
    const element *el = (const element *)(const void *)p->elements.data;
    int32_t e = b->element;
    for (int up = 0; e >= 0 && up < levels; up++, e = el[e].parent)
        if (el[e].names & flag)
            return true;
    return false;
}

/* Is the block in the part of the page around the article (the
 * container's parent), where its date line and byline stand? */
static bool near_article(const page *p, const block *b)
{
    const element *el = (const element *)(const void *)p->elements.data;
    if (p->best < 0)
        return true;
    int32_t top = el[p->best].parent >= 0 ? el[p->best].parent : p->best;
    return inside(el, b->element, top);
}

/* A date the page shows rather than declares: in the URL
 * (/2019/11/19/), else in a short date line near the article. */
static void visible_date(page *p, const char *url)
{
    for (const char *q = url; q && *q; q++) {
        int y, m, d, used = 0;
        if (*q == '/' && sscanf(q, "/%4d/%2d/%2d/%n", &y, &m, &d, &used) == 3 && used == 12 && y >= 1990 &&
            y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= sr_days_in_month(y, m)) {
            snprintf(p->published, sizeof p->published, "%04d-%02d-%02d", y, m, d);
            return;
        }
    }
    size_t nb = SR_VEC_COUNT(&p->blocks, block);
    for (size_t i = 0; i < nb; i++) {
        const block *b = &SR_VEC_AT(&p->blocks, block, i);
        if (b->element < 0 || b->chars > 120 || !block_named(p, b, NM_DATE, 4) || !near_article(p, b))
            continue;
        char text[256];
        size_t n = block_text(p, b, text, sizeof text);
        sr_date d;
        size_t at, used;
        if (sr_date_find(text, n, &d, &at, &used) && d.day) {
            sr_date_iso(&d, p->published);
            return;
        }
    }
}

/* Where a byline's name ends: at "|", ",", ";", "(", a line end, a
 * middle dot or a bullet.  The two marks are matched as whole UTF-8
 * sequences: a byte of them can be a continuation byte of another letter
 * ("\xCB\xB7" ends in the middle dot's second byte), and a name cut
 * there would end inside a character. */
static size_t byline_end(const char *t)
{
    size_t n = 0;
    for (; t[n]; n++) {
        if (strchr("|,;(\n", t[n]) || strncmp(t + n, "\xC2\xB7", 2) == 0 ||
            strncmp(t + n, "\xE2\x80\xA2", 3) == 0)
            break;
    }
    return n;
}

/* The bytes of white space (of any kind: a no-break space too) at the
 * start of t[0..n), or at its end when `back`. */
static size_t name_space(const char *t, size_t n, bool back)
{
    size_t i = back ? n : 0;
    while (back ? i > 0 : i < n) {
        int32_t cp = 0;
        size_t at = back ? sr_utf8_prev(t, i) : i;
        size_t len = sr_utf8_decode(t, n, at, &cp);
        if (!sr_cp_is_space(cp))
            break;
        i = back ? at : i + len;
    }
    return back ? n - i : i;
}

/* A byline the page shows: a short block named "author" or "byline"
 * near the article, "By " and what follows the name left out. */
static void visible_author(page *p)
{
    size_t nb = SR_VEC_COUNT(&p->blocks, block);
    for (size_t i = 0; i < nb; i++) {
        const block *b = &SR_VEC_AT(&p->blocks, block, i);
        if (b->element < 0 || b->chars < 4 || b->chars > 80 || b->kind == BK_HEADING ||
            !block_named(p, b, NM_AUTHOR, 3) || !near_article(p, b))
            continue;
        char text[256];
        size_t n = block_text(p, b, text, sizeof text);
        const char *t = text;
        static const char *const by[] = {"By ", "by ", "BY ", "Von ", "Por ", "Par ", "Written by ", "Posted by ", NULL};
        /* each word of by[] followed by white space of any kind */
        for (size_t k = 0; by[k]; k++) {
            size_t w = strlen(by[k]) - 1;
            size_t sp = strncmp(t, by[k], w) == 0 ? name_space(t + w, strlen(t + w), false) : 0;
            if (sp) {
                t += w + sp;
                break;
            }
        }
        t += name_space(t, strlen(t), false);
        n = byline_end(t);
        /* a one-word label before a colon ("Text: A. Name") is not the name */
        const char *colon = memchr(t, ':', n);
        if (colon && !memchr(t, ' ', (size_t)(colon - t))) {
            n -= (size_t)(colon + 1 - t);
            t = colon + 1;
            size_t sp = name_space(t, n, false);
            t += sp;
            n -= sp;
        }
        n -= name_space(t, n, true);
        /* a name: two to five words, a capital first (of any script), no digits */
        size_t words = n ? 1 : 0;
        bool digits = false;
        for (size_t k = 0; k < n; k++) {
            words += t[k] == ' ';
            digits |= t[k] >= '0' && t[k] <= '9';
        }
        int32_t first = 0;
        if (n)
            sr_utf8_decode(t, n, 0, &first);
        if (words >= 2 && words <= 5 && !digits && sr_cp_is_upper(first) && n < sizeof p->author) {
            memcpy(p->author, t, n);
            p->author[n] = '\0';
            return;
        }
    }
}

static void metadata(page *p, sitrep_doc *doc)
{
    /* JSON-LD scripts were gathered one after the other, each NUL-ended */
    for (size_t at = 0; at < p->ldjson.len;) {
        const char *s = p->ldjson.data + at;
        size_t n = strlen(s);
        json_error_t err;
        json_t *o = json_loadb(s, n, 0, &err);
#ifdef SITREP_DEBUG_WEBPAGE
        if (getenv("SITREP_DEBUG_WEB"))
            fprintf(stderr, "ld+json %zu bytes: %s\n", n, o ? "parsed" : err.text);
#endif
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
            sr_utf8_copy(buf, sizeof buf, p->title.data, p->title.len);
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
    if (!doc->language && p->lang[0]) {
        /* "en_US" (og:locale) is written "en-US"; anything but a
         * language tag is not taken */
        size_t n = strlen(p->lang);
        bool tag = n >= 2 && n <= 35;
        for (size_t k = 0; k < n && tag; k++) {
            char ch = p->lang[k];
            if (ch == '_')
                p->lang[k] = '-';
            else if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-'))
                tag = false;
        }
        if (tag)
            doc->language = sr_arena_strndup(&doc->arena, p->lang, n);
    }
    if (!doc->url && p->canonical[0])
        doc->url = sr_arena_strndup(&doc->arena, p->canonical, strlen(p->canonical));
    if (!doc->published && !p->published[0])
        visible_date(p, doc->url ? doc->url : p->canonical);
    if (!p->author[0] && doc->nbyline == 0)
        visible_author(p);
    if (!doc->published && p->published[0]) {
        sr_date d;
        size_t at, used;
        if (sr_date_find(p->published, strlen(p->published), &d, &at, &used) && d.day) {
            char iso[11];
            sr_date_iso(&d, iso);
            doc->published = sr_arena_strndup(&doc->arena, iso, 10);
        }
    }
    if (p->author[0] && doc->nbyline == 0) {
        const char *a = p->author;
        if (strncasecmp(a, "by ", 3) == 0)
            a += 3;
        while (*a == ' ' || *a == '\n' || *a == '\t')
            a++;
        size_t n = strlen(a);
        while (n && (a[n - 1] == ' ' || a[n - 1] == '\n' || a[n - 1] == '\t'))
            n--;
        if (n)
            sr_doc_add_byline(doc, a, n);
    }
}

#ifndef NDEBUG
/* The lookup tables are searched by bisection: kept sorted (debug builds,
 * as the sanitizer test run uses, check it). */
static void check_tables(void)
{
    for (size_t i = 1; i < sizeof tags / sizeof tags[0]; i++)
        assert(strcmp(tags[i - 1].name, tags[i].name) < 0);
    for (size_t i = 1; i < sizeof class_words / sizeof class_words[0]; i++)
        assert(strcmp(class_words[i - 1].word, class_words[i].word) < 0);
    for (size_t i = 0; i < sizeof class_words / sizeof class_words[0]; i++)
        assert(strchr(class_firsts, class_words[i].word[0]));
}
#endif


/* A page whose text holds character references is read through a copy
 * with them decoded, so that "army&#8217;s" is one word to the tokenizer
 * and the analysis: the lines are moved onto the copy, and doc->decode_map
 * takes every offset of the copy back to the page's bytes (spans are
 * written against those).  A reference never decodes to more bytes than
 * it takes, so the copy is never longer than the page.  Markup between
 * the lines is copied as it is. */
static sitrep_status decode_references(sitrep_doc *doc)
{
    size_t n = SR_VEC_COUNT(&doc->lines, sr_line);
    sr_line *L = (sr_line *)(void *)doc->lines.data;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (i && L[i].start < L[i - 1].end)
            return SITREP_OK; /* lines out of order: read the page as it is */
        any |= memchr(doc->src + L[i].start, '&', L[i].end - L[i].start) != NULL;
    }
    if (!any)
        return SITREP_OK;
    const char *in = doc->src;
    char *out = doc->mem->calloc(1, doc->len + 1);
    if (!out)
        return SITREP_ENOMEM;
    size_t w = 0, r = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(out + w, in + r, L[i].start - r);
        w += L[i].start - r;
        uint32_t start = (uint32_t)w;
        for (r = L[i].start; r < L[i].end;) {
            uint32_t c;
            size_t rl = sr_html_reference_at(in, L[i].end, r, &c);
            if (!rl) {
                out[w++] = in[r++];
                continue;
            }
            w += sr_utf8_put(c, out + w);
            r += rl;
            sr_decode_step step = {(uint32_t)w, (int32_t)((int64_t)r - (int64_t)w)};
            if (!SR_VEC_PUSH(&doc->decode_map, sr_decode_step, step)) {
                doc->mem->free(out);
                doc->decode_map.len = 0;
                return SITREP_ENOMEM;
            }
        }
        L[i].start = start;
        L[i].end = (uint32_t)w;
    }
    if (!doc->decode_map.len) {
        /* an '&' but no reference: nothing changed (the lines' offsets
         * are the page's still), the page is read as it is */
        doc->mem->free(out);
        return SITREP_OK;
    }
    memcpy(out + w, in + r, doc->len - r);
    w += doc->len - r;
    doc->decoded = out;
    doc->src = out;
    doc->len = w;
    return SITREP_OK;
}

sitrep_status sr_webpage_lines(sitrep_doc *doc)
{
#ifndef NDEBUG
    check_tables();
#endif
    page p;
    memset(&p, 0, sizeof p);
    p.best = -1;
    doc->html = true;
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
    sr_buf_init(&p.cuts, doc->mem);
    size_t cut_len = 0;
    char *cut_copy = NULL;
    sitrep_status st = sr_html_guard(doc->src, doc->len, SR_HTML_MAX_ATTRS, &p.cuts, &cut_copy, &cut_len);
    const char *parse = cut_copy ? cut_copy : doc->src;
    size_t parse_len = cut_copy ? cut_len : doc->len;
    p.ctxt = st == SITREP_OK ? htmlCreateMemoryParserCtxt(parse, (int)(parse_len < INT32_MAX ? parse_len : INT32_MAX))
                             : NULL;
    if (st != SITREP_OK) {
        /* not parsed: without the guard's copy a tag may hold any number
         * of attributes */
    } else if (!p.ctxt || !p.ctxt->sax) {
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
                /* page chrome is dropped without a listing: all links,
                 * or a word or two (menus, buttons, counters) */
                bool chrome = !b->keep && b->drop == SITREP_DROP_NAVIGATION && b->chars - b->link_chars < 20;
                ln.flags = (uint8_t)((k && !r->brk ? SR_LINE_INLINE : 0) | (chrome ? SR_LINE_UNLISTED : 0) | (b->kind == BK_HEADING ? SR_LINE_HEADING : 0) |
                                     SR_LINE_PROSE);
                if (!SR_VEC_PUSH(&doc->lines, sr_line, ln))
                    st = SITREP_ENOMEM;
            }
        }
    }
    if (st == SITREP_OK)
        st = decode_references(doc);
    sr_buf_free(&p.elements);
    sr_buf_free(&p.runs);
    sr_buf_free(&p.blocks);
    sr_buf_free(&p.title);
    sr_buf_free(&p.ldjson);
    sr_buf_free(&p.cuts);
    free(cut_copy);
    return st;
}
