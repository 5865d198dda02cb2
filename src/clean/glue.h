/*
 * glue.h -- repair of words glued together by bad scraping.
 *
 * Scrapers that drop markup often lose the space between two words:
 * "inIraq", "USmaintains", "bomberstargeting", "US-SDFcoalition".  The
 * splitter finds such tokens and the byte positions where a space belongs,
 * backed by the compiled dictionary (src/data/lexicon.h), so names and
 * unknown-but-real words stay whole.
 */
#ifndef SITREP_GLUE_H
#define SITREP_GLUE_H

#include <stddef.h>

#define SR_GLUE_MAX_CUTS 4

/* Looks at the word w[0..n) (letters, maybe with inner hyphens).  Returns
 * the number of cut positions written to cuts[] (offsets into w where a
 * space belongs), 0 when the word is not glued. */
size_t sr_glue_split(const char *w, size_t n, size_t cuts[SR_GLUE_MAX_CUTS]);

#endif
