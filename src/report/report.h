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
 * claims, events, conflicts, trends, then the mention records.  Only
 * writes: EARG for a corpus not finished. */
sitrep_status sr_corpus_write_records(sitrep_corpus *c, unsigned flags, sitrep_write_fn write,
                                      void *ctx);
/* corpus_json.c: the estimated bytes of all the records the writer writes
 * (what a slice of them is cut by, sr_slice), without writing or sorting
 * them: sitrep_corpus_write_json_part cuts its parts by it. */
sitrep_status sr_corpus_records_bytes(const sitrep_corpus *c, size_t *total);

#endif
