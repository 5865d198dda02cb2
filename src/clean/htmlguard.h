/*
 * htmlguard.h -- the bytes libxml2's HTML parser is given for a page
 * (htmlguard.c): a copy with what the parser would only step over cut
 * out, and no start tag with more than SR_HTML_MAX_ATTRS attributes.
 */
#ifndef SITREP_HTMLGUARD_H
#define SITREP_HTMLGUARD_H

#include "core/core.h"

/* Attributes of one start tag the parser sees.  libxml2 2.9.14 compares
 * each attribute's name with every earlier one of its tag: one tag with a
 * million attributes took twenty minutes. */
#define SR_HTML_MAX_ATTRS 64

/* A part of the page left out of the parser's copy: from offset `at` of
 * the copy on, `skipped` bytes of the page in all were left out. */
typedef struct sr_html_cut {
    uint32_t at;
    uint32_t skipped;
} sr_html_cut;

/* The copy of the page s[0, n), valid UTF-8, the parser reads: the bodies of comments,
 * scripts and styles (JSON-LD scripts kept), quoted parts of doctypes,
 * long values of attributes the page reader does not read, and every
 * attribute of a start tag after the first `max_attrs` cut out; `cuts`
 * (sr_html_cut, in order) maps the copy's offsets back to the page's.
 * *copy is new (malloc) and *copy_len its length, or *copy is NULL when
 * nothing was cut (the page is read as it is).  SITREP_ENOMEM when memory
 * is short: the page must then not be parsed. */
sitrep_status sr_html_guard(const char *s, size_t n, size_t max_attrs, sr_buf *cuts, char **copy,
                            size_t *copy_len);

/* The page's offset of offset `at` of the copy. */
size_t sr_html_page_offset(const sr_buf *cuts, size_t at);

#endif
