/*
 * pipeline.h -- private entry points of src/pipeline.c: analysing one
 * article (the readers' inputs, a corpus's undated articles again).
 */
#ifndef SITREP_PIPELINE_H
#define SITREP_PIPELINE_H

/* sr_doc_analyse*: the caller's sitrep_options.want passed the input by
 * (not an error; no document).  Never returned by the public API. */
#define SR_UNWANTED ((sitrep_status)64)

#include "sitrep.h"

#include <stdbool.h>

/* Like sitrep_doc_from_memory, but when `owned` is not NULL the document
 * takes ownership of it (it is freed with the document, or at once when
 * the call fails), and `checked` says sr_check_text already passed. */
sitrep_status sr_doc_analyse(const char *id, const char *bytes, size_t len, void *owned,
                             bool checked, const sitrep_doc_hints *hints,
                             const sitrep_options *opts, sitrep_doc **out);

/* sr_doc_analyse with a date the article's context gives it (its story's):
 * when the article states no date and infers none, `inferred` (YYYY-MM-DD)
 * and `basis` become its published_inferred and published_basis, and
 * relative times resolve against it.  NULL for none. */
sitrep_status sr_doc_analyse_dated(const char *id, const char *bytes, size_t len, void *owned,
                                   bool checked, const sitrep_doc_hints *hints,
                                   const sitrep_options *opts, const char *inferred,
                                   const char *basis, sitrep_doc **out);

#endif
