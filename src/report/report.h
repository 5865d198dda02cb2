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

#endif
