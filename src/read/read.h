/*
 * read.h -- private helpers of the readers.
 */
#ifndef SITREP_READ_H
#define SITREP_READ_H

#include "sitrep.h"

/* Turns an HTML page into plain text, one block element per line, with
 * script, style, navigation, header, footer, aside and form content left
 * out.  *out is a new NUL-terminated buffer from `mem`, *out_len its
 * length.  (A first, simple extractor: the main-text extraction with
 * offsets into the page belongs to the HTML reader.) */
sitrep_status sr_html_to_text(const char *html, size_t len, const sitrep_mem *mem, char **out,
                              size_t *out_len);

#endif
