/*
 * store.h -- the private side of sitrep_store (store.c): what the report
 * reads.  The store keeps articles and records; it does not render them
 * (report/output.c does, reading the records through this iterator).
 */
#ifndef SITREP_STORE_H
#define SITREP_STORE_H

#include "core/core.h"

/* The stored records in order (the output contract's), one at a time. */
typedef struct sr_record_iter sr_record_iter;

sitrep_status sr_store_records(sitrep_store *s, sr_record_iter **out);
/* The next record's JSON, borrowed until the next call: SITREP_OK, or
 * SITREP_DONE after the last, or EIO (sitrep_store_message says why). */
sitrep_status sr_record_next(sr_record_iter *it, const char **json, size_t *len);
void sr_record_iter_free(sr_record_iter *it);

/* Sets what sitrep_store_message says. */
void sr_store_set_message(sitrep_store *s, const char *msg);
const sitrep_mem *sr_store_mem(const sitrep_store *s);

#endif
