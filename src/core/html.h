/*
 * html.h -- HTML text helpers (html.c) for any stage: the readers tell a
 * page from text and read it in its charset, the cleaner decodes its
 * character references, the report shows a quote without them.
 */
#ifndef SITREP_HTML_H
#define SITREP_HTML_H

#include "core/core.h"

/* Does the input start like an HTML page (after a BOM and blanks: "<" and,
 * within 4 KB, a doctype, <html>, <head>, <body>, <meta> or <title>)? */
bool sr_looks_like_html(const char *s, size_t n);

/* A page in another charset, converted to UTF-8: the charset its <meta
 * charset> or http-equiv Content-Type declares, else windows-1252 (what
 * browsers assume).  *out is new (mem), *outlen its length; it is
 * NUL-terminated. */
sitrep_status sr_html_to_utf8(const char *s, size_t n, const sitrep_mem *mem, char **out, size_t *outlen);

/* The character reference at s[i] ("&amp;", "&#8217;", "&#x2019;"): its
 * length (from '&' to ';') with *c the character it stands for (a no-break
 * space as a space), or 0 when there is none. */
size_t sr_html_reference_at(const char *s, size_t n, size_t i, uint32_t *c);

/* Writes s[0..n) of a page with its character references decoded
 * ("&amp;" "&mdash;" "&#8217;" "&#x2019;"); an unknown one stays as
 * written.  For the cleaned text only: spans quote the page's bytes. */
int sr_html_write_unescaped(const char *s, size_t n, sitrep_write_fn write, void *ctx);

/* Code point c as UTF-8 into out (room for 4); returns its length. */
size_t sr_utf8_put(uint32_t c, char *out);

#endif
