/*
 * feed.c -- RSS and Atom feeds: each item (RSS <item>, Atom <entry>) with
 * a text (content:encoded, Atom content, description or summary) is one
 * article, its title, link and date the hints, the feed's title its
 * outlet.
 *
 * Feeds are read by a tokenizer made for them, one item at a time, not by
 * libxml2's XML parser, for what a reader of untrusted feeds needs:
 *
 *   linear     no two attributes are ever compared (libxml2 2.9.14
 *              compares each attribute of a tag with every earlier one:
 *              50,000 on one tag took 14 s), no end tag searched for
 *              deeper than FEED_DEPTH;
 *   bounded    an item is built as it is read and refused once a field
 *              outgrows the size limit; entities declared in the feed's
 *              DTD are expanded as the text is built, against a budget of
 *              the size limit for the whole feed (one 1 KB entity
 *              referenced 2M times grew to 4.1 GB before the size check);
 *              external entities are never read;
 *   tolerant   the HTML that feeds put unescaped in a description (an
 *              unclosed <br>, an undeclared &nbsp;) costs nothing: an end
 *              tag closes the innermost open element of its name and is
 *              ignored when none is open, an item starts at every <item>
 *              or <entry> and ends at its end tag or the next one, HTML's
 *              named references are known, and a "<" or "&" that starts no
 *              markup is text;
 *   loud       what is lost is said: an item larger than the limit, an
 *              entity expanded past the budget or into itself, an item the
 *              feed ends inside of, a feed that ends before its root
 *              element does.
 *
 * The text of a field is what libxml2 gives as an element's content: its
 * character data and CDATA sections, references decoded, the tags inside
 * left out; line ends are normalised to "\n" first, as XML does.  A feed
 * in another encoding than UTF-8 (its XML declaration's) is converted
 * first; UTF-16 and UTF-32 with a byte order mark were converted by the
 * reader (page.c).
 */
#include "read/read.h"

#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Elements deeper than this are not tracked (their tags are skipped). */
#define FEED_DEPTH 64
/* References inside entities deeper than this are an error. */
#define ENTITY_DEPTH 16
/* The feed's title as the outlet: longer ones are cut. */
#define OUTLET_MAX 512

/* The item fields, in the order in which they are preferred: the first
 * of a group an item has (and not empty) is the one used. */
enum {
    F_TITLE, F_LINK,
    F_PUBDATE, F_PUBLISHED, F_UPDATED, F_DATE,
    F_ENCODED, F_CONTENT, F_DESCRIPTION, F_SUMMARY,
    F_GUID, F_ID,
    F_COUNT
};
static const char *const field_names[F_COUNT] = {
    "title", "link", "pubDate", "published", "updated", "date",
    "encoded", "content", "description", "summary", "guid", "id"};

typedef struct span {
    size_t at, len;
} span;

typedef struct entity {
    span name;          /* in the feed's text */
    size_t value, vlen; /* in decl: the value, character references decoded */
    bool busy;          /* being expanded (a reference to itself is a loop) */
} entity;

struct sr_feed {
    const sitrep_mem *mem;
    const char *src;     /* the feed's text: UTF-8, line ends normalised */
    char *owned;         /* src when it is not the reader's buffer */
    size_t len, pos;
    size_t line_at, line; /* line of byte line_at (counted forward lazily) */
    /* entities */
    entity *ents;
    size_t nents, cap_ents;
    uint32_t *table;     /* open addressing: entity index + 1, 0 empty */
    size_t table_cap;
    sr_buf decl;         /* entity values */
    size_t budget;       /* bytes entities may still expand to, feed-wide */
    size_t limit;        /* bytes a field may hold */
    /* open elements, with a hash of each name (an end tag is looked for
     * among them by the hash first) */
    span stack[FEED_DEPTH];
    uint32_t stack_hash[FEED_DEPTH];
    int depth;
    bool root_open, root_closed;
    /* the item being read */
    bool in_item;
    int item_depth;      /* depth of the item element (its children are item_depth + 1) */
    size_t item_no, item_line;
    sr_buf fields[F_COUNT];
    bool field_set[F_COUNT]; /* seen (the first of each name is the one read) */
    int capture, capture_depth; /* field whose text is read, -1 none */
    bool over;           /* a field outgrew the limit */
    sitrep_status entity_error; /* ETOOBIG: the budget ran out; EFORMAT: an entity refers to itself */
    char entity_msg[160];
    char *outlet;
};

/* ---- small helpers ---- */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool name_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}

static bool name_char(unsigned char c)
{
    return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

static size_t name_len(const char *s, size_t n, size_t i)
{
    if (i >= n || !name_start((unsigned char)s[i]))
        return 0;
    size_t k = i + 1;
    while (k < n && name_char((unsigned char)s[k]))
        k++;
    return k - i;
}

/* The local name of s[at, at + len): after the last ':'. */
static span local_name(const char *s, span name)
{
    for (size_t k = name.len; k-- > 0;)
        if (s[name.at + k] == ':')
            return (span){name.at + k + 1, name.len - k - 1};
    return name;
}

static bool span_is(const char *s, span a, const char *w)
{
    return strlen(w) == a.len && memcmp(s + a.at, w, a.len) == 0;
}

static bool span_eq(const char *s, span a, span b)
{
    return a.len == b.len && memcmp(s + a.at, s + b.at, a.len) == 0;
}

/* The first occurrence of the two or three bytes `w` at or after i, or n. */
static size_t find(const char *s, size_t n, size_t i, const char *w)
{
    size_t wl = strlen(w);
    while (i + wl <= n) {
        const char *p = memchr(s + i, w[0], n - i - wl + 1);
        if (!p)
            return n;
        i = (size_t)(p - s);
        if (memcmp(s + i, w, wl) == 0)
            return i;
        i++;
    }
    return n;
}

/* The end of a markup declaration ("<!...>") starting before i: just
 * past its ">", quoted strings stepped over; n when it does not end. */
static size_t decl_end(const char *s, size_t n, size_t i)
{
    while (i < n) {
        char c = s[i];
        if (c == '>')
            return i + 1;
        if (c == '"' || c == '\'') {
            const char *q = memchr(s + i + 1, c, n - i - 1);
            if (!q)
                return n;
            i = (size_t)(q - s) + 1;
            continue;
        }
        i++;
    }
    return n;
}

static size_t line_of(struct sr_feed *f, size_t at)
{
    if (at < f->line_at) {
        f->line_at = 0;
        f->line = 1;
    }
    for (const char *p = f->src + f->line_at, *e = f->src + at; (p = memchr(p, '\n', (size_t)(e - p))); p++)
        f->line++;
    f->line_at = at;
    return f->line;
}

static void put_utf8(sr_buf *b, uint32_t c, bool *oom)
{
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    if (!sr_buf_put(b, u, n))
        *oom = true;
}

/* ---- entities ---- */

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static entity *entity_find(struct sr_feed *f, const char *name, size_t n)
{
    if (!f->table_cap)
        return NULL;
    for (size_t k = hash_bytes(name, n) & (f->table_cap - 1);; k = (k + 1) & (f->table_cap - 1)) {
        uint32_t e = f->table[k];
        if (!e)
            return NULL;
        entity *x = &f->ents[e - 1];
        if (x->name.len == n && memcmp(f->src + x->name.at, name, n) == 0)
            return x;
    }
}

static void entity_table_put(struct sr_feed *f, uint32_t index)
{
    const entity *x = &f->ents[index];
    size_t k = hash_bytes(f->src + x->name.at, x->name.len) & (f->table_cap - 1);
    while (f->table[k])
        k = (k + 1) & (f->table_cap - 1);
    f->table[k] = index + 1;
}

/* The numeric character reference at s[i] ("&#...;"): its length, with
 * *c its character (U+FFFD for one XML has no place for), or 0. */
static size_t char_ref(const char *s, size_t n, size_t i, uint32_t *c)
{
    if (i + 3 >= n || s[i] != '&' || s[i + 1] != '#')
        return 0;
    bool hex = s[i + 2] == 'x';
    size_t k = i + 2 + hex;
    uint64_t v = 0;
    size_t digits = 0;
    for (; k < n && digits < 12; k++, digits++) {
        char d = s[k];
        int x = d >= '0' && d <= '9' ? d - '0'
                : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
        if (x < 0)
            break;
        v = v * (hex ? 16 : 10) + (uint64_t)x;
    }
    if (!digits || k >= n || s[k] != ';')
        return 0;
    bool ok = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
              (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
    *c = ok ? (uint32_t)v : 0xFFFD;
    return k + 1 - i;
}

/* Reads the DOCTYPE's internal subset from i (just past "["): the
 * internal general entities, their values with character references
 * decoded (XML's rule).  Parameter entities and external ones are not
 * read.  Returns where the subset ends (past "]"), or n. */
static size_t read_subset(struct sr_feed *f, size_t i, bool *oom)
{
    const char *s = f->src;
    size_t n = f->len;
    while (i < n && !*oom) {
        while (i < n && is_blank(s[i]))
            i++;
        if (i >= n)
            break;
        if (s[i] == ']')
            return i + 1;
        if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            size_t e = find(s, n, i + 4, "-->");
            i = e < n ? e + 3 : n;
            continue;
        }
        if (n - i >= 2 && memcmp(s + i, "<?", 2) == 0) {
            size_t e = find(s, n, i + 2, "?>");
            i = e < n ? e + 2 : n;
            continue;
        }
        if (n - i < 9 || memcmp(s + i, "<!ENTITY", 8) != 0 || !is_blank(s[i + 8])) {
            i = s[i] == '<' ? decl_end(s, n, i + 1) : i + 1;
            continue;
        }
        size_t k = i + 8;
        while (k < n && is_blank(s[k]))
            k++;
        bool parameter = k < n && s[k] == '%';
        if (parameter)
            for (k++; k < n && is_blank(s[k]); k++)
                ;
        span name = {k, name_len(s, n, k)};
        k += name.len;
        while (k < n && is_blank(s[k]))
            k++;
        size_t end = decl_end(s, n, k);
        if (!name.len || parameter || k >= n || (s[k] != '"' && s[k] != '\'')) {
            i = end; /* external, parameter or malformed: not expanded */
            continue;
        }
        const char *q = memchr(s + k + 1, s[k], n - k - 1);
        span value = {k + 1, (q ? (size_t)(q - s) : n) - (k + 1)};
        i = end;
        /* the first declaration binds; the five XML's own are fixed */
        static const char *const predefined[] = {"lt", "gt", "amp", "apos", "quot", NULL};
        bool fixed = false;
        for (size_t p = 0; predefined[p]; p++)
            fixed |= span_is(s, name, predefined[p]);
        if (fixed || entity_find(f, s + name.at, name.len))
            continue;
        if (f->nents == f->cap_ents) {
            size_t nc = f->cap_ents ? f->cap_ents * 2 : 16;
            entity *ne = f->mem->realloc(f->ents, nc * sizeof *ne);
            if (!ne) {
                *oom = true;
                break;
            }
            f->ents = ne;
            f->cap_ents = nc;
        }
        if ((f->nents + 1) * 2 > f->table_cap) {
            size_t nc = f->table_cap ? f->table_cap * 2 : 64;
            uint32_t *nt = f->mem->calloc(nc, sizeof *nt);
            if (!nt) {
                *oom = true;
                break;
            }
            f->mem->free(f->table);
            f->table = nt;
            f->table_cap = nc;
            for (size_t e = 0; e < f->nents; e++)
                entity_table_put(f, (uint32_t)e);
        }
        entity *x = &f->ents[f->nents];
        x->name = name;
        x->value = f->decl.len;
        x->busy = false;
        for (size_t p = value.at; p < value.at + value.len && !*oom;) {
            uint32_t c;
            size_t rl = s[p] == '&' ? char_ref(s, value.at + value.len, p, &c) : 0;
            if (rl) {
                put_utf8(&f->decl, c, oom);
                p += rl;
            } else if (!sr_buf_putc(&f->decl, s[p++])) {
                *oom = true;
            }
        }
        x->vlen = f->decl.len - x->value;
        entity_table_put(f, (uint32_t)f->nents);
        f->nents++;
    }
    return n;
}

/* ---- text ---- */

static bool field_put(struct sr_feed *f, sr_buf *b, const char *p, size_t n, bool *oom)
{
    if (b->len + n > f->limit) {
        f->over = true;
        return false;
    }
    if (!sr_buf_put(b, p, n))
        *oom = true;
    return !*oom;
}

static void put_text(struct sr_feed *f, sr_buf *b, const char *s, size_t n, int depth, bool *oom);

/* Appends the expansion of the reference "&name;" (s[i] is '&'); returns
 * its length, or 0 when it is none (the '&' is then text). */
static size_t put_reference(struct sr_feed *f, sr_buf *b, const char *s, size_t n, size_t i, int depth,
                            bool *oom)
{
    uint32_t c;
    size_t rl = char_ref(s, n, i, &c);
    if (rl) {
        if (b->len + 4 > f->limit)
            f->over = true;
        else
            put_utf8(b, c, oom);
        return rl;
    }
    size_t nl = name_len(s, n, i + 1);
    if (!nl || i + 1 + nl >= n || s[i + 1 + nl] != ';')
        return 0;
    const char *name = s + i + 1;
    static const struct {
        const char *name;
        char c;
    } predefined[] = {{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"apos", '\''}, {"quot", '"'}};
    for (size_t k = 0; k < sizeof predefined / sizeof predefined[0]; k++)
        if (strlen(predefined[k].name) == nl && memcmp(name, predefined[k].name, nl) == 0) {
            field_put(f, b, &predefined[k].c, 1, oom);
            return nl + 2;
        }
    entity *x = entity_find(f, name, nl);
    if (x) {
        /* every expansion costs the budget its bytes and one for itself */
        if (f->entity_error)
            return nl + 2;
        int shown = (int)(nl < 64 ? nl : 64);
        if (x->busy || depth >= ENTITY_DEPTH) {
            f->entity_error = SITREP_EFORMAT;
            snprintf(f->entity_msg, sizeof f->entity_msg, "entity &%.*s; refers to itself or nests too deep", shown,
                     name);
            return nl + 2;
        }
        if (f->budget < x->vlen + 1) {
            f->entity_error = SITREP_ETOOBIG;
            snprintf(f->entity_msg, sizeof f->entity_msg,
                     "entities expand past the feed's %zu-byte limit (&%.*s;)", f->limit, shown, name);
            return nl + 2;
        }
        f->budget -= x->vlen + 1;
        x->busy = true;
        put_text(f, b, f->decl.data + x->value, x->vlen, depth + 1, oom);
        x->busy = false;
        return nl + 2;
    }
    /* HTML's named references, which feeds use without declaring them */
    char key[40];
    if (nl < sizeof key) {
        memcpy(key, name, nl);
        key[nl] = '\0';
        const htmlEntityDesc *h = htmlEntityLookup((const xmlChar *)key);
        if (h) {
            if (b->len + 4 > f->limit)
                f->over = true;
            else
                put_utf8(b, h->value, oom);
            return nl + 2;
        }
    }
    return 0; /* unknown: kept as written */
}

/* Appends character data s[0, n) with its references decoded; inside an
 * entity's value (depth > 0) tags are left out. */
static void put_text(struct sr_feed *f, sr_buf *b, const char *s, size_t n, int depth, bool *oom)
{
    size_t i = 0;
    while (i < n && !*oom && !f->over) {
        size_t run = i;
        while (run < n && s[run] != '&' && (depth == 0 || s[run] != '<'))
            run++;
        if (run > i && !field_put(f, b, s + i, run - i, oom))
            return;
        i = run;
        if (i >= n)
            break;
        if (s[i] == '<') {
            const char *gt = memchr(s + i, '>', n - i);
            i = gt ? (size_t)(gt - s) + 1 : n;
            continue;
        }
        size_t rl = put_reference(f, b, s, n, i, depth, oom);
        if (rl) {
            i += rl;
        } else {
            field_put(f, b, "&", 1, oom);
            i++;
        }
    }
}

/* ---- tokens ---- */

typedef enum { T_EOF, T_TEXT, T_CDATA, T_START, T_END } tok_kind;

typedef struct token {
    tok_kind kind;
    span text;     /* T_TEXT, T_CDATA: the bytes; T_START: the attributes */
    span name;     /* T_START, T_END */
    bool empty;    /* T_START: "/>" */
    size_t at;     /* where the token starts */
} token;

/* The start tag's end from k (after its name): just past ">" or "/>";
 * quoted values stepped over, and a "<" outside one (or inside one that
 * does not end before it) ends the tag there, as no attribute holds one. */
static size_t tag_end(const char *s, size_t n, size_t k, bool *empty, size_t *attrs_end)
{
    *empty = false;
    while (k < n) {
        char c = s[k];
        if (c == '>') {
            *attrs_end = k;
            return k + 1;
        }
        if (c == '/' && k + 1 < n && s[k + 1] == '>') {
            *empty = true;
            *attrs_end = k;
            return k + 2;
        }
        if (c == '<') {
            *attrs_end = k;
            return k;
        }
        if (c == '"' || c == '\'') {
            const char *q = memchr(s + k + 1, c, n - k - 1);
            const char *lt = memchr(s + k + 1, '<', (q ? (size_t)(q - s) : n) - k - 1);
            if (lt || !q) {
                *attrs_end = lt ? (size_t)(lt - s) : n;
                return *attrs_end;
            }
            k = (size_t)(q - s) + 1;
            continue;
        }
        k++;
    }
    *attrs_end = n;
    return n;
}

static token next_token(struct sr_feed *f)
{
    const char *s = f->src;
    size_t n = f->len;
    for (;;) {
        size_t i = f->pos;
        token t = {T_EOF, {i, 0}, {0, 0}, false, i};
        if (i >= n)
            return t;
        if (s[i] != '<') {
            const char *lt = memchr(s + i, '<', n - i);
            size_t e = lt ? (size_t)(lt - s) : n;
            f->pos = e;
            t.kind = T_TEXT;
            t.text = (span){i, e - i};
            return t;
        }
        if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            size_t e = find(s, n, i + 4, "-->");
            f->pos = e < n ? e + 3 : n;
            continue;
        }
        if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
            size_t e = find(s, n, i + 9, "]]>");
            f->pos = e < n ? e + 3 : n;
            t.kind = T_CDATA;
            t.text = (span){i + 9, e - (i + 9)};
            return t;
        }
        if (n - i >= 2 && s[i + 1] == '!') {
            f->pos = decl_end(s, n, i + 2);
            continue;
        }
        if (n - i >= 2 && s[i + 1] == '?') {
            size_t e = find(s, n, i + 2, "?>");
            f->pos = e < n ? e + 2 : n;
            continue;
        }
        if (n - i >= 2 && s[i + 1] == '/') {
            size_t nl = name_len(s, n, i + 2);
            if (nl) {
                const char *gt = memchr(s + i + 2 + nl, '>', n - i - 2 - nl);
                /* a "<" before the ">": the end tag was cut short there */
                const char *lt = memchr(s + i + 2 + nl, '<', (gt ? (size_t)(gt - s) : n) - i - 2 - nl);
                f->pos = lt ? (size_t)(lt - s) : gt ? (size_t)(gt - s) + 1 : n;
                t.kind = T_END;
                t.name = (span){i + 2, nl};
                return t;
            }
        } else {
            size_t nl = name_len(s, n, i + 1);
            if (nl) {
                size_t attrs_end;
                f->pos = tag_end(s, n, i + 1 + nl, &t.empty, &attrs_end);
                t.kind = T_START;
                t.name = (span){i + 1, nl};
                t.text = (span){i + 1 + nl, attrs_end - (i + 1 + nl)};
                return t;
            }
        }
        /* a "<" that starts no markup is text */
        const char *lt = n - i > 1 ? memchr(s + i + 1, '<', n - i - 1) : NULL;
        size_t e = lt ? (size_t)(lt - s) : n;
        f->pos = e;
        t.kind = T_TEXT;
        t.text = (span){i, e - i};
        return t;
    }
}

/* The value of attribute `want` in a start tag's attributes, decoded into
 * b; false when the tag has none. */
static bool attribute(struct sr_feed *f, span attrs, const char *want, sr_buf *b, bool *oom)
{
    const char *s = f->src;
    size_t n = attrs.at + attrs.len;
    for (size_t k = attrs.at; k < n;) {
        while (k < n && (is_blank(s[k]) || s[k] == '/'))
            k++;
        span name = {k, name_len(s, n, k)};
        if (!name.len) {
            k++;
            continue;
        }
        k += name.len;
        while (k < n && is_blank(s[k]))
            k++;
        if (k >= n || s[k] != '=')
            continue;
        for (k++; k < n && is_blank(s[k]); k++)
            ;
        span v;
        if (k < n && (s[k] == '"' || s[k] == '\'')) {
            const char *q = memchr(s + k + 1, s[k], n - k - 1);
            v = (span){k + 1, (q ? (size_t)(q - s) : n) - (k + 1)};
            k = q ? (size_t)(q - s) + 1 : n;
        } else {
            v.at = k;
            while (k < n && !is_blank(s[k]))
                k++;
            v.len = k - v.at;
        }
        if (span_is(s, local_name(s, name), want)) {
            put_text(f, b, s + v.at, v.len, 0, oom);
            for (size_t i = 0; i < b->len; i++)
                if (b->data[i] == '\n' || b->data[i] == '\t')
                    b->data[i] = ' '; /* attribute values' blanks are spaces */
            return true;
        }
    }
    return false;
}

/* ---- elements ---- */

static void push(struct sr_feed *f, span name)
{
    if (f->depth < FEED_DEPTH) {
        f->stack[f->depth] = name;
        f->stack_hash[f->depth] = (uint32_t)hash_bytes(f->src + name.at, name.len);
    }
    f->depth++;
}

/* The depth of the innermost open element named `name`, or -1. */
static int open_element(const struct sr_feed *f, span name)
{
    int top = f->depth < FEED_DEPTH ? f->depth : FEED_DEPTH;
    uint32_t h = (uint32_t)hash_bytes(f->src + name.at, name.len);
    for (int d = top; d-- > 0;)
        if (f->stack_hash[d] == h && span_eq(f->src, f->stack[d], name))
            return d;
    return -1;
}

static void reset_item(struct sr_feed *f)
{
    for (int k = 0; k < F_COUNT; k++) {
        sr_buf_clear(&f->fields[k]);
        f->field_set[k] = false;
    }
    f->in_item = false;
    f->capture = -1;
    f->over = false;
    f->entity_error = SITREP_OK;
}

static int field_of(const char *s, span local)
{
    for (int k = 0; k < F_COUNT; k++)
        if (span_is(s, local, field_names[k]))
            return k;
    return -1;
}

typedef enum { STEP_MORE, STEP_ITEM, STEP_EOF } step_result;

/* Reads one token; returns STEP_ITEM when an item has just ended (its
 * fields are in f->fields), STEP_EOF at the end of the feed. */
static step_result step(struct sr_feed *f, bool *oom)
{
    token t = next_token(f);
    const char *s = f->src;
    switch (t.kind) {
    case T_EOF:
        return STEP_EOF;
    case T_TEXT:
    case T_CDATA:
        if (f->in_item && f->capture >= 0) {
            sr_buf *b = &f->fields[f->capture];
            if (t.kind == T_CDATA)
                field_put(f, b, s + t.text.at, t.text.len, oom);
            else
                put_text(f, b, s + t.text.at, t.text.len, 0, oom);
        }
        return STEP_MORE;
    case T_START: {
        span local = local_name(s, t.name);
        bool item = span_is(s, local, "item") || span_is(s, local, "entry");
        if (item && f->in_item) {
            /* items do not nest: this one ends the last */
            f->pos = t.at;
            f->depth = f->item_depth;
            return STEP_ITEM;
        }
        if (!f->root_open && !f->root_closed)
            f->root_open = true;
        if (item && f->depth < FEED_DEPTH) {
            reset_item(f);
            f->in_item = true;
            f->item_depth = f->depth;
            f->item_no++;
            f->item_line = line_of(f, t.at);
        } else if (f->in_item && f->capture < 0 && f->depth == f->item_depth + 1) {
            int k = field_of(s, local);
            if (k >= 0 && !f->field_set[k]) {
                f->field_set[k] = true;
                /* Atom's <link href="..."/> */
                if (k == F_LINK && attribute(f, t.text, "href", &f->fields[k], oom))
                    k = -1;
                if (k >= 0 && !t.empty) {
                    f->capture = k;
                    f->capture_depth = f->depth + 1;
                }
            }
        }
        if (t.empty) {
            if (f->depth == 0)
                f->root_open = false, f->root_closed = true;
            return item ? STEP_ITEM : STEP_MORE; /* <item/>: nothing in it */
        }
        push(f, t.name);
        return STEP_MORE;
    }
    case T_END: {
        int d = open_element(f, t.name);
        if (d < 0)
            return STEP_MORE; /* nothing of that name is open */
        f->depth = d;
        if (f->capture >= 0 && f->depth < f->capture_depth)
            f->capture = -1;
        if (d == 0) {
            f->root_open = false;
            f->root_closed = true;
        }
        if (f->in_item && f->depth <= f->item_depth)
            return STEP_ITEM;
        return STEP_MORE;
    }
    }
    return STEP_MORE;
}

/* ---- the feed ---- */

void sr_feed_free(sitrep_reader *r)
{
    struct sr_feed *f = r->feed;
    if (!f)
        return;
    const sitrep_mem *mem = f->mem;
    mem->free(f->owned);
    mem->free(f->ents);
    mem->free(f->table);
    sr_buf_free(&f->decl);
    for (int k = 0; k < F_COUNT; k++)
        sr_buf_free(&f->fields[k]);
    mem->free(f->outlet);
    mem->free(f);
    r->feed = NULL;
}

/* The encoding an XML declaration names, or "" (UTF-8). */
static void declared_encoding(const char *s, size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    if (n < 5 || memcmp(s, "<?xml", 5) != 0)
        return;
    size_t end = find(s, n, 5, "?>");
    for (size_t i = 5; i + 8 < end; i++) {
        if (memcmp(s + i, "encoding", 8) != 0)
            continue;
        size_t k = i + 8;
        while (k < end && (is_blank(s[k]) || s[k] == '='))
            k++;
        if (k < end && (s[k] == '"' || s[k] == '\''))
            k++;
        size_t m = 0;
        while (k < end && m + 1 < cap && s[k] != '"' && s[k] != '\'' && !is_blank(s[k]))
            out[m++] = s[k++];
        out[m] = '\0';
        return;
    }
}

/* The feed's text in UTF-8: a feed in another encoding (its XML
 * declaration's) converted, bytes it does not have replaced. */
static sitrep_status to_utf8(struct sr_feed *f, char *buf, size_t len)
{
    char enc[40];
    declared_encoding(buf, len, enc, sizeof enc);
    if (!enc[0] || strcasecmp(enc, "utf-8") == 0 || strcasecmp(enc, "utf8") == 0 ||
        strcasecmp(enc, "us-ascii") == 0 || strncasecmp(enc, "utf-16", 6) == 0 ||
        strncasecmp(enc, "utf-32", 6) == 0) {
        f->src = buf; /* UTF-16 and UTF-32 were converted from their BOM */
        f->len = len;
        return SITREP_OK;
    }
    char *out;
    size_t n;
    sitrep_status st = sr_utf8_from_charset(enc, buf, len, f->mem, &out, &n);
    if (st != SITREP_OK)
        return st;
    f->owned = out;
    f->src = out;
    f->len = n;
    return SITREP_OK;
}

/* "\r\n" and a lone "\r" become "\n", as an XML parser reads them. */
static size_t normalise_lines(char *s, size_t n)
{
    char *cr = memchr(s, '\r', n);
    if (!cr)
        return n;
    size_t w = (size_t)(cr - s);
    for (size_t i = w; i < n; i++) {
        if (s[i] == '\r') {
            s[w++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else {
            s[w++] = s[i];
        }
    }
    return w;
}

/* The prolog: the XML declaration, comments, processing instructions and
 * the DOCTYPE (its internal subset's entities read).  f->pos is left at
 * the root element. */
static void read_prolog(struct sr_feed *f, bool *oom)
{
    const char *s = f->src;
    size_t n = f->len;
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && !*oom) {
        while (i < n && is_blank(s[i]))
            i++;
        if (n - i >= 2 && s[i] == '<' && s[i + 1] == '?') {
            size_t e = find(s, n, i + 2, "?>");
            i = e < n ? e + 2 : n;
        } else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            size_t e = find(s, n, i + 4, "-->");
            i = e < n ? e + 3 : n;
        } else if (n - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0) {
            /* to "[" or ">", quoted identifiers stepped over */
            size_t k = i + 9;
            while (k < n && s[k] != '[' && s[k] != '>') {
                if (s[k] == '"' || s[k] == '\'') {
                    const char *q = memchr(s + k + 1, s[k], n - k - 1);
                    k = q ? (size_t)(q - s) + 1 : n;
                } else {
                    k++;
                }
            }
            if (k < n && s[k] == '[')
                k = read_subset(f, k + 1, oom);
            const char *gt = k < n ? memchr(s + k, '>', n - k) : NULL;
            i = gt ? (size_t)(gt - s) + 1 : n;
        } else {
            break;
        }
    }
    f->pos = i;
}

/* The feed's title, its items' outlet: the <title> of the RSS channel, or
 * of the root (Atom's feed), read in a first pass that stops there. */
static void read_outlet(struct sr_feed *f, bool *oom)
{
    size_t start = f->pos;
    const char *s = f->src;
    int want_depth = -1, title_depth = -1;
    bool rss = false, capture = false;
    sr_buf b;
    sr_buf_init(&b, f->mem);
    size_t saved_limit = f->limit;
    f->limit = OUTLET_MAX * 4;
    for (bool done = false; !done && !*oom;) {
        token t = next_token(f);
        switch (t.kind) {
        case T_EOF:
            done = true;
            break;
        case T_TEXT:
        case T_CDATA:
            if (capture) {
                if (t.kind == T_CDATA)
                    field_put(f, &b, s + t.text.at, t.text.len, oom);
                else
                    put_text(f, &b, s + t.text.at, t.text.len, 0, oom);
            }
            break;
        case T_START: {
            span local = local_name(s, t.name);
            if (f->depth == 0) {
                rss = span_is(s, local, "rss");
                want_depth = rss ? -1 : 1;
            } else if (rss && f->depth == 1 && want_depth < 0 && span_is(s, local, "channel")) {
                want_depth = 2;
            } else if (f->depth == want_depth && span_is(s, local, "title") && title_depth < 0) {
                if (t.empty) {
                    done = true;
                    break;
                }
                capture = true;
                title_depth = f->depth;
            }
            if (!t.empty)
                push(f, t.name);
            break;
        }
        case T_END: {
            int d = open_element(f, t.name);
            if (d >= 0)
                f->depth = d;
            if (capture && f->depth <= title_depth)
                done = true;
            if (f->depth == 0)
                done = true;
            break;
        }
        }
    }
    f->limit = saved_limit;
    if (capture && !f->over && !*oom && b.len) {
        /* without a suffix such as ": latest" or " - World news" */
        char *t = f->mem->calloc(1, b.len + 1);
        if (t) {
            memcpy(t, b.data, b.len);
            static const char *const seps[] = {": ", " - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
            for (size_t k = 0; seps[k]; k++) {
                char *q = strstr(t, seps[k]);
                if (q && q > t)
                    *q = '\0';
            }
            if (*t && strlen(t) < OUTLET_MAX) {
                f->outlet = t;
            } else {
                if (*t) {
                    size_t cut = sr_utf8_copy(t, OUTLET_MAX, t, strlen(t));
                    t[cut] = '\0';
                    f->outlet = t;
                } else {
                    f->mem->free(t);
                }
            }
        } else {
            *oom = true;
        }
    }
    sr_buf_free(&b);
    /* the second pass starts where the first did, with the budget whole */
    f->pos = start;
    f->depth = 0;
    f->over = false;
    f->entity_error = SITREP_OK;
    f->budget = f->limit;
    for (size_t e = 0; e < f->nents; e++)
        f->ents[e].busy = false;
}

/* Reads the whole feed into memory and prepares its items (they are read
 * one at a time by sr_feed_next). */
sitrep_status sr_feed_open(sitrep_reader *r)
{
    while (r->len <= r->opts.max_input_bytes && sr_read_fill(r))
        ;
    if (r->nomem)
        return sr_read_fail(r, SITREP_ENOMEM, r->path, 0, NULL);
    if (r->len > r->opts.max_input_bytes) {
        char detail[96];
        snprintf(detail, sizeof detail, "larger than the %zu-byte limit per feed", r->opts.max_input_bytes);
        return sr_read_fail(r, SITREP_ETOOBIG, r->path, 0, detail);
    }
    struct sr_feed *f = r->mem->calloc(1, sizeof *f);
    if (!f)
        return sr_read_fail(r, SITREP_ENOMEM, r->path, 0, NULL);
    r->feed = f;
    f->mem = r->mem;
    sr_buf_init(&f->decl, f->mem);
    for (int k = 0; k < F_COUNT; k++)
        sr_buf_init(&f->fields[k], f->mem);
    f->limit = r->opts.max_input_bytes;
    f->budget = f->limit;
    f->capture = -1;
    f->line = 1;
    sitrep_status st = to_utf8(f, r->buf, r->len);
    if (st != SITREP_OK) {
        sr_feed_free(r);
        return sr_read_fail(r, st, r->path, 0, st == SITREP_EFORMAT ? "its declared encoding is unknown" : NULL);
    }
    f->len = normalise_lines(f->owned ? f->owned : r->buf, f->len);
    r->pos = r->len;
    bool oom = false;
    read_prolog(f, &oom);
    if (!oom)
        read_outlet(f, &oom);
    if (oom) {
        sr_feed_free(r);
        return sr_read_fail(r, SITREP_ENOMEM, r->path, 0, NULL);
    }
    return SITREP_OK;
}

/* The item's first non-empty field of the group [from, to], or NULL. */
static const char *pick(struct sr_feed *f, int from, int to, size_t *len)
{
    for (int k = from; k <= to; k++) {
        sr_buf *b = &f->fields[k];
        const char *p = b->data;
        size_t n = b->len;
        if (p)
            sr_trim(&p, &n);
        if (n) {
            if (!sr_buf_putc(b, '\0'))
                return NULL;
            b->len--;
            *len = b->len;
            return b->data;
        }
    }
    return NULL;
}

/* The next item of the open feed as a document: its content (HTML or
 * text), with the item's title, link and date as hints. */
sitrep_status sr_feed_next(sitrep_reader *r, sr_input *in)
{
    struct sr_feed *f = r->feed;
    if (!f)
        return SITREP_DONE;
    bool oom = false;
    for (;;) {
        if (!f->in_item)
            reset_item(f);
        step_result sr = STEP_MORE;
        while (sr == STEP_MORE && !oom)
            sr = step(f, &oom);
        if (oom) {
            sr_feed_free(r);
            return sr_read_fail(r, SITREP_ENOMEM, r->path, 0, NULL);
        }
        char detail[200];
        if (sr == STEP_EOF) {
            if (f->in_item) {
                size_t no = f->item_no, line = f->item_line;
                reset_item(f);
                f->root_open = false; /* said once */
                snprintf(detail, sizeof detail, "item %zu: the feed ends inside it (cut short?)", no);
                return sr_read_fail(r, SITREP_EFORMAT, r->path, line, detail);
            }
            if (f->root_open) {
                f->root_open = false;
                return sr_read_fail(r, SITREP_EFORMAT, r->path, line_of(f, f->len),
                                    "the feed ends before its root element does (cut short?)");
            }
            sr_feed_free(r);
            return SITREP_DONE;
        }
        /* an item has ended */
        f->in_item = false;
        f->capture = -1;
        size_t no = f->item_no, line = f->item_line;
        if (f->entity_error != SITREP_OK) {
            snprintf(detail, sizeof detail, "item %zu: %s", no, f->entity_msg);
            return sr_read_fail(r, f->entity_error, r->path, line, detail);
        }
        if (f->over) {
            snprintf(detail, sizeof detail, "item %zu: larger than the %zu-byte limit per article", no, f->limit);
            return sr_read_fail(r, SITREP_ETOOBIG, r->path, line, detail);
        }
        size_t n = 0, tl = 0;
        const char *content = pick(f, F_ENCODED, F_SUMMARY, &n);
        if (!content)
            continue; /* a headline without text: nothing to analyse */
        char *bytes = r->mem->calloc(1, n + 1);
        if (!bytes)
            return sr_read_fail(r, SITREP_ENOMEM, r->path, line, NULL);
        memcpy(bytes, content, n);
        const char *id = pick(f, F_GUID, F_ID, &tl);
        if (id) {
            sr_read_utf8_sanitize(id, r->idbuf, 256);
        } else {
            char base[200];
            sr_read_file_id(r->path, base, sizeof base);
            snprintf(r->idbuf, 256, "%s-%zu", base, no);
        }
        snprintf(r->detail, sizeof r->detail, "item %zu", no);
        in->id = r->idbuf;
        in->bytes = bytes;
        in->len = n;
        in->hints = (sitrep_doc_hints){pick(f, F_LINK, F_LINK, &tl), pick(f, F_TITLE, F_TITLE, &tl),
                                       pick(f, F_PUBDATE, F_DATE, &tl), f->outlet};
        in->path = r->path;
        in->line = line;
        in->detail = r->detail;
        return SITREP_OK;
    }
}

/* ---- telling a feed ---- */

typedef enum { SNIFF_FEED, SNIFF_NOT, SNIFF_MORE } sniff_result;

/* Steps over the prolog from *i: FEED when the root element is <rss>,
 * <feed> or <rdf:RDF>, NOT when it is another or something else comes,
 * MORE when the buffer ends first (*i is then where to go on). */
static sniff_result sniff_prolog(const char *s, size_t n, size_t *i, bool eof)
{
    size_t k = *i;
    for (;;) {
        while (k < n && is_blank(s[k]))
            k++;
        *i = k;
        if (k + 9 >= n && !eof)
            return SNIFF_MORE;
        if (k + 2 > n)
            return SNIFF_NOT;
        if (s[k] != '<')
            return SNIFF_NOT;
        if (s[k + 1] == '?') {
            size_t e = find(s, n, k + 2, "?>");
            if (e >= n)
                return SNIFF_MORE;
            k = e + 2;
        } else if (n - k >= 4 && memcmp(s + k, "<!--", 4) == 0) {
            size_t e = find(s, n, k + 4, "-->");
            if (e >= n)
                return SNIFF_MORE;
            k = e + 3;
        } else if (n - k >= 9 && memcmp(s + k, "<!DOCTYPE", 9) == 0) {
            /* to its ">", an internal subset's "]" and quotes stepped over */
            size_t e = k + 9;
            bool subset = false;
            while (e < n && (subset || s[e] != '>')) {
                if (s[e] == '"' || s[e] == '\'') {
                    const char *q = memchr(s + e + 1, s[e], n - e - 1);
                    e = q ? (size_t)(q - s) : n;
                } else if (s[e] == '[') {
                    subset = true;
                } else if (s[e] == ']') {
                    subset = false;
                } else if (subset && n - e >= 4 && memcmp(s + e, "<!--", 4) == 0) {
                    e = find(s, n, e + 4, "-->");
                }
                if (e < n)
                    e++;
            }
            if (e >= n)
                return SNIFF_MORE;
            k = e + 1;
        } else {
            size_t nl = name_len(s, n, k + 1);
            if (!nl)
                return SNIFF_NOT;
            if (k + 1 + nl >= n && !eof)
                return SNIFF_MORE;
            span local = local_name(s, (span){k + 1, nl});
            return span_is(s, local, "rss") || span_is(s, local, "feed") || span_is(s, local, "RDF") ? SNIFF_FEED
                                                                                                     : SNIFF_NOT;
        }
    }
}

bool sr_feed_sniff(sitrep_reader *r, size_t i)
{
    for (;;) {
        sniff_result res = sniff_prolog(r->buf, r->len, &i, r->eof);
        if (res != SNIFF_MORE)
            return res == SNIFF_FEED;
        if (r->len > r->opts.max_input_bytes || !sr_read_fill(r))
            return sniff_prolog(r->buf, r->len, &i, true) == SNIFF_FEED;
    }
}
