/*
 * html.c -- HTML to plain text through libxml2's HTML parser (see read.h).
 */
#include "read/read.h"

#include "core/core.h"
#include "clean/htmlguard.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

static bool skipped_element(const xmlChar *name)
{
    static const char *const skip[] = {"head", "script", "style", "nav", "header", "footer", "aside",
                                       "form", "noscript", "iframe", "svg", "button",
                                       "select", "template", NULL};
    for (size_t i = 0; skip[i]; i++)
        if (xmlStrcasecmp(name, (const xmlChar *)skip[i]) == 0)
            return true;
    return false;
}

static bool block_element(const xmlChar *name)
{
    static const char *const block[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6",
                                        "li", "blockquote", "section", "article", "br",
                                        "tr", "figcaption", "title", "pre", "dd", "dt", NULL};
    for (size_t i = 0; block[i]; i++)
        if (xmlStrcasecmp(name, (const xmlChar *)block[i]) == 0)
            return true;
    return false;
}

static bool walk(xmlNode *node, sr_buf *out, int depth)
{
    if (depth > 256)
        return true; /* pathological nesting: the rest is not article text */
    for (xmlNode *n = node; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            if (skipped_element(n->name))
                continue;
            bool block = block_element(n->name);
            if (block && out->len && out->data[out->len - 1] != '\n' && !sr_buf_putc(out, '\n'))
                return false;
            if (!walk(n->children, out, depth + 1))
                return false;
            if (block && out->len && out->data[out->len - 1] != '\n' && !sr_buf_putc(out, '\n'))
                return false;
        } else if (n->type == XML_TEXT_NODE && n->content) {
            const char *t = (const char *)n->content;
            size_t len = strlen(t);
            for (size_t i = 0; i < len; i++) {
                char c = t[i];
                if (c == '\n' || c == '\r' || c == '\t')
                    c = ' ';
                if (c == ' ' && (out->len == 0 || out->data[out->len - 1] == ' ' ||
                                 out->data[out->len - 1] == '\n'))
                    continue;
                if (!sr_buf_putc(out, c))
                    return false;
            }
        }
    }
    return true;
}

sitrep_status sr_html_to_text(const char *html, size_t len, const sitrep_mem *mem, char **out,
                              size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    if (len > INT32_MAX)
        return SITREP_ETOOBIG;
    /* the parser reads the guard's copy: no tag with more attributes than
     * it checks in linear time, nothing it would only step over */
    sr_buf cuts;
    sr_buf_init(&cuts, mem);
    char *copy = NULL;
    size_t copy_len = 0;
    sitrep_status st = sr_html_guard(html, len, SR_HTML_MAX_ATTRS, &cuts, &copy, &copy_len);
    sr_buf_free(&cuts);
    if (st != SITREP_OK)
        return st;
    htmlDocPtr d = htmlReadMemory(copy ? copy : html, (int)(copy ? copy_len : len), NULL, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    free(copy);
    if (!d)
        return SITREP_EFORMAT;
    sr_buf b;
    sr_buf_init(&b, mem);
    bool ok = walk(xmlDocGetRootElement(d), &b, 0);
    xmlFreeDoc(d);
    if (!ok || !sr_buf_putc(&b, '\n')) {
        sr_buf_free(&b);
        return SITREP_ENOMEM;
    }
    /* blank line between blocks, as the text reader expects paragraphs */
    sr_buf p;
    sr_buf_init(&p, mem);
    for (size_t i = 0; i < b.len; i++) {
        if (!sr_buf_putc(&p, b.data[i]) || (b.data[i] == '\n' && !sr_buf_putc(&p, '\n'))) {
            sr_buf_free(&b);
            sr_buf_free(&p);
            return SITREP_ENOMEM;
        }
    }
    sr_buf_free(&b);
    *out = p.data;
    *out_len = p.len;
    return SITREP_OK;
}
