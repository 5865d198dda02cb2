/*
 * feed.c -- RSS and Atom feeds: each item with a text (content:encoded,
 * Atom content, description or summary) is one article, its title, link
 * and date the hints, the feed's title its outlet.
 */
#include "read/read.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>

static char *node_text(const sitrep_mem *mem, xmlNode *n)
{
    xmlChar *t = xmlNodeGetContent(n);
    char *s = t ? sr_read_dup(mem, (const char *)t) : NULL;
    xmlFree(t);
    return s;
}

static xmlNode *child(xmlNode *parent, const char *name)
{
    for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, (const xmlChar *)name) == 0)
            return c;
    return NULL;
}

void sr_feed_free(sitrep_reader *r)
{
    r->mem->free(r->feed_outlet);
    r->feed_outlet = NULL;
    for (size_t i = 0; i < r->nitems; i++) {
        sr_feed_item *it = &r->items[i];
        r->mem->free(it->id);
        r->mem->free(it->title);
        r->mem->free(it->link);
        r->mem->free(it->date);
        r->mem->free(it->content);
    }
    r->mem->free(r->items);
    r->items = NULL;
    r->nitems = r->nextitem = 0;
}

/* Collects the items (RSS <item>, Atom <entry>) under `n`. */
static bool collect_items(sitrep_reader *r, xmlNode *n, size_t *cap, int depth)
{
    for (; n && depth < 8; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        bool item = xmlStrcmp(n->name, (const xmlChar *)"item") == 0 ||
                    xmlStrcmp(n->name, (const xmlChar *)"entry") == 0;
        if (!item) {
            if (!collect_items(r, n->children, cap, depth + 1))
                return false;
            continue;
        }
        if (r->nitems == *cap) {
            size_t nc = *cap ? *cap * 2 : 16;
            sr_feed_item *ni = r->mem->realloc(r->items, nc * sizeof *ni);
            if (!ni)
                return false;
            r->items = ni;
            *cap = nc;
        }
        sr_feed_item it = {0};
        xmlNode *c;
        it.title = (c = child(n, "title")) ? node_text(r->mem, c) : NULL;
        if ((c = child(n, "link"))) {
            xmlChar *href = xmlGetProp(c, (const xmlChar *)"href"); /* Atom */
            it.link = href ? sr_read_dup(r->mem, (const char *)href) : node_text(r->mem, c);
            xmlFree(href);
        }
        if (!(c = child(n, "pubDate")) && !(c = child(n, "published")) && !(c = child(n, "updated")) &&
            !(c = child(n, "date")))
            c = NULL;
        it.date = c ? node_text(r->mem, c) : NULL;
        /* the fullest text: content:encoded, Atom content, description, summary */
        if (!(c = child(n, "encoded")) && !(c = child(n, "content")) && !(c = child(n, "description")))
            c = child(n, "summary");
        it.content = c ? node_text(r->mem, c) : NULL;
        xmlNode *g = child(n, "guid");
        if (!g)
            g = child(n, "id");
        it.id = g ? node_text(r->mem, g) : NULL;
        r->items[r->nitems++] = it;
    }
    return true;
}

/* Reads the whole feed and parses it into items. */
sitrep_status sr_feed_open(sitrep_reader *r)
{
    while (r->len <= r->opts.max_input_bytes && sr_read_fill(r))
        ;
    if (r->nomem)
        return sr_read_fail(r, SITREP_ENOMEM, r->path, 0, NULL);
    if (r->len > r->opts.max_input_bytes)
        return sr_read_fail(r, SITREP_ETOOBIG, r->path, 0, NULL);
    xmlDoc *x = xmlReadMemory(r->buf, (int)r->len, NULL, NULL,
                              XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                  XML_PARSE_NOCDATA);
    if (!x)
        return sr_read_fail(r, SITREP_EFORMAT, r->path, 0, "not a readable RSS or Atom feed");
    size_t cap = 0;
    xmlNode *root = xmlDocGetRootElement(x);
    /* the feed's title (RSS channel, Atom feed) is its items' outlet,
     * without a suffix such as ": latest" or " - World news" */
    xmlNode *t = child(root && xmlStrcmp(root->name, (const xmlChar *)"rss") == 0 ? child(root, "channel") : root, "title");
    r->feed_outlet = t ? node_text(r->mem, t) : NULL;
    if (r->feed_outlet) {
        static const char *const seps[] = {": ", " - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
        for (size_t k = 0; seps[k]; k++) {
            char *q = strstr(r->feed_outlet, seps[k]);
            if (q && q > r->feed_outlet)
                *q = '\0';
        }
        if (!*r->feed_outlet) {
            r->mem->free(r->feed_outlet);
            r->feed_outlet = NULL;
        }
    }
    bool ok = collect_items(r, root, &cap, 0);
    xmlFreeDoc(x);
    r->pos = r->len;
    if (!ok)
        return sr_read_fail(r, SITREP_ENOMEM, r->path, 0, NULL);
    return SITREP_OK;
}

/* The next item of the open feed as a document: its content (HTML or
 * text), with the item's title, link and date as hints. */
sitrep_status sr_feed_next(sitrep_reader *r, sr_input *in)
{
    while (r->nextitem < r->nitems) {
        size_t k = r->nextitem++;
        sr_feed_item *it = &r->items[k];
        char detail[160];
        snprintf(detail, sizeof detail, "item %zu", k + 1);
        if (!it->content || !*it->content)
            continue; /* a headline without text: nothing to analyse */
        size_t n = strlen(it->content);
        char *bytes = r->mem->calloc(1, n + 1);
        if (!bytes)
            return sr_read_fail(r, SITREP_ENOMEM, r->path, 0, detail);
        memcpy(bytes, it->content, n);
        char *id = r->idbuf;
        if (it->id && *it->id) {
            sr_read_utf8_sanitize(it->id, id, 256);
        } else {
            char base[200];
            sr_read_file_id(r->path, base, sizeof base);
            snprintf(id, 256, "%s-%zu", base, k + 1);
        }
        snprintf(r->detail, sizeof r->detail, "%s", detail);
        in->id = id;
        in->bytes = bytes;
        in->len = n;
        in->hints = (sitrep_doc_hints){it->link, it->title, it->date, r->feed_outlet};
        in->path = r->path;
        in->detail = r->detail;
        return SITREP_OK;
    }
    sr_feed_free(r);
    return SITREP_DONE;
}

/* An RSS or Atom feed: its root (after an XML declaration, comments and
 * processing instructions) is <rss>, <feed> or <rdf:RDF>, and no <html>. */
bool sr_feed_sniff(const char *s, size_t n)
{
    size_t lim = n < 2048 ? n : 2048;
    if (sr_read_find_bytes(s, lim, "<html") || sr_read_find_bytes(s, lim, "<HTML"))
        return false;
    return sr_read_find_bytes(s, lim, "<rss") || sr_read_find_bytes(s, lim, "<feed") || sr_read_find_bytes(s, lim, "<rdf:RDF");
}

