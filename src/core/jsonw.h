/*
 * jsonw.h -- JSON text of jansson values, appended to an sr_buf.
 *
 * The bytes are those of json_dump_callback with JSON_COMPACT |
 * JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(precision) (a string alone:
 * JSON_ENCODE_ANY): members in insertion order, strings in UTF-8 with only
 * '"', '\\' and control characters escaped (\b \f \n \r \t, else \u00XX),
 * reals as "%.*g" with a ".0" when they would read as integers and no '+'
 * or leading zeros in the exponent.  What it saves is jansson's cost per
 * value: a callback per token, and for every object and array a cycle
 * check that formats its address with snprintf into a hash table (our
 * records are trees, built here, with no cycle).
 */
#ifndef SITREP_CORE_JSONW_H
#define SITREP_CORE_JSONW_H

#include "core/core.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* Appends s[0..n) as a JSON string; false when it is not valid UTF-8 (as
 * jansson refuses it) or memory runs out. */
bool sr_jsonw_string(sr_buf *out, const char *s, size_t n);

/* Appends the compact JSON of v, reals with `precision` significant
 * digits (1..31; 0 is 17, as jansson); false when out of memory or a
 * string is not valid UTF-8. */
bool sr_jsonw_value(sr_buf *out, const json_t *v, int precision);

#endif
