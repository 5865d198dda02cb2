/*
 * webpage.h -- the article in a web page (webpage.c): its text blocks as
 * the document's lines, with byte offsets into the page, and its title,
 * date, authors, outlet and canonical URL from the page's metadata.
 */
#ifndef SITREP_WEBPAGE_H
#define SITREP_WEBPAGE_H

#include "doc.h"

#include <stdbool.h>

/* Does the input start like an HTML page (after a BOM and blanks: "<" and,
 * within 4 KB, a doctype, <html>, <head>, <body>, <meta> or <title>)? */
bool sr_looks_like_html(const char *s, size_t n);

/* A page in another charset, converted to UTF-8: the charset its <meta
 * charset> or http-equiv Content-Type declares, else windows-1252 (what
 * browsers assume).  *out is new (mem), *outlen its length; it is
 * NUL-terminated. */
sitrep_status sr_html_to_utf8(const char *s, size_t n, const sitrep_mem *mem, char **out, size_t *outlen);

/* Fills doc->lines from the page doc->src: the article's blocks kept, the
 * rest dropped as navigation; sets title, date, byline, outlet and URL
 * where the document has none. */
sitrep_status sr_webpage_lines(sitrep_doc *doc);

/* Writes s[0..n) of a page with its character references decoded
 * ("&amp;" "&mdash;" "&#8217;" "&#x2019;"); an unknown one stays as
 * written.  For the cleaned text only: spans quote the page's bytes. */
int sr_html_write_unescaped(const char *s, size_t n, sitrep_write_fn write, void *ctx);

#endif
