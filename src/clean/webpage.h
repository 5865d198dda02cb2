/*
 * webpage.h -- the article in a web page (webpage.c): its text blocks as
 * the document's lines, with byte offsets into the page, and its title,
 * date, authors, outlet and canonical URL from the page's metadata.
 */
#ifndef SITREP_WEBPAGE_H
#define SITREP_WEBPAGE_H

#include "doc.h"

#include <stdbool.h>

/* Fills doc->lines from the page doc->src: the article's blocks kept, the
 * rest dropped as navigation; sets title, date, byline, outlet and URL
 * where the document has none. */
sitrep_status sr_webpage_lines(sitrep_doc *doc);

#endif
