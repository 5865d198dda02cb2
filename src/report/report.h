/*
 * report.h -- what the JSON writers of src/report share.
 */
#ifndef SITREP_REPORT_H
#define SITREP_REPORT_H

#include "core/core.h"

#include <jansson.h>

/* Writes the record `o` as one compact line of JSON and a newline, in one
 * call of `write` (a record is written whole or not at all); numbers with
 * 8 significant digits.  Does not take `o`'s reference. */
sitrep_status sr_json_emit(json_t *o, const sitrep_mem *mem, sitrep_write_fn write, void *ctx);

/* corpus_json.c: the records of a finished corpus (sitrep_corpus_finish),
 * in the order of the output contract: documents, stories, entities,
 * claims, events, conflicts, trends, then the mention records (the
 * sections SR_SEC_*); those of c->slice only when set, whose sections
 * must be ready (sr_corpus_section_bytes).  Only writes: EARG for a
 * corpus not finished. */
sitrep_status sr_corpus_write_records(sitrep_corpus *c, unsigned flags, sitrep_write_fn write,
                                      void *ctx);
/* corpus_json.c: the estimated bytes of the records of section `sec`
 * (SR_SEC_*) the writer writes, what a range of them is cut by (sr_slice),
 * without writing or sorting them.  The section's records must be ready:
 * the stories stage run for documents, stories and mention records, the
 * corroboration for claims, events, conflicts and trends. */
sitrep_status sr_corpus_section_bytes(sitrep_corpus *c, unsigned sec, size_t *total);

#endif
