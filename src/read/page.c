/*
 * page.c -- a web page's bytes as the readers hand them on: UTF-8 text.  A
 * page in another charset is converted (core/html.c finds its declared
 * charset); spans then count bytes of the converted page.
 */
#include "read/read.h"

#include "core/html.h"

sitrep_status sr_page_text(const sitrep_mem *mem, char **bytes, size_t *len, size_t *where)
{
    sitrep_status st = sr_check_text(*bytes, *len, where);
    if (st == SITREP_EUTF8 && sr_looks_like_html(*bytes, *len)) {
        /* its <meta charset>, else windows-1252: the converted page
         * becomes the document's bytes */
        char *utf8;
        size_t n;
        if (sr_html_to_utf8(*bytes, *len, mem, &utf8, &n) == SITREP_OK) {
            mem->free(*bytes);
            *bytes = utf8;
            *len = n;
            st = sr_check_text(*bytes, *len, where);
        }
    }
    return st;
}
