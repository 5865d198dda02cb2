/*
 * record.h -- the parts of the records as JSON (record.c).
 */
#ifndef SITREP_CORPUS_RECORD_H
#define SITREP_CORPUS_RECORD_H

#include "corpus/corpus.h"

#include <jansson.h>

/* o[key] = value, taking value; false (value released) when either is NULL. */
bool sr_json_put(json_t *o, const char *key, json_t *value);
/* Appends value to array, taking value; false when either is NULL. */
bool sr_json_push(json_t *array, json_t *value);
/* A string, or null for NULL. */
json_t *sr_json_str_or_null(const char *s);
/* A number rounded to four decimals, or null for NaN. */
json_t *sr_json_num_or_null(double v);

/* The parts of the records, shared by the corpus writer (report/corpus_json.c)
 * and the store (store/records.c), which keeps the long lists of a record
 * (mentions, sources, documents) apart and writes a record from its parts
 * and those lists: each function returns a new object (or NULL when out
 * of memory) holding the record's fields in their order.  The record is
 * the parts, with the lists between them, written as one object. */

/* A quoted span {doc, start, end, quote}. */
json_t *sr_rec_span(const char *doc, uint32_t start, uint32_t end, const char *quote, size_t quote_len);
/* entity: head (type .. kind), [aliases, documents], middle (country and
 * geo, role or parent), [mentions] */
json_t *sr_rec_entity_head(const sr_centity *e, const char *id);
json_t *sr_rec_entity_middle(const sr_centity *e);
/* claim: head (type .. attributed_to) from the shown member `x` and the
 * claim's own fields, [sources, documents], tail (outlets, status) */
json_t *sr_rec_claim_head(const sr_cclaim *x, const char *id, const char *actor, const char *attributed_to,
                          const char *from, const char *to);
json_t *sr_rec_claim_tail(uint32_t outlets, bool contested);
/* event: head (type .. injured) from the shown member, with its actors
 * (taken), [sources, documents] */
json_t *sr_rec_event_head(const sr_cevent *x, const char *id, json_t *actors);
/* A happening several reports tell has one event record per report and a
 * `happening` record merging them.  A report's event shows what `own`
 * (its first member) says itself; what it leaves unsaid (a place or date
 * only its own origin gives, a toll) the happening's shown member `rep`
 * gives: into *out. */
void sr_rec_event_own(const sr_cevent *own, const sr_cevent *rep, sr_cevent *out);
/* The id of the event of one report: V and a hash of its first member's
 * document and position (the happening takes its first member's). */
void sr_rec_event_id(const sr_cevent *x, char id[24]);
/* An event's actors: the shown member x's first, then those of
 * ev[members[0..n)] in order, each once, at most SR_REC_EVENT_ACTORS; a
 * new array, NULL for want of memory.  With names (room for
 * SR_REC_EVENT_ACTORS), the same names (the corpus's strings) and
 * *nnames their count. */
#define SR_REC_EVENT_ACTORS 16
json_t *sr_rec_event_actors(const sr_cevent *x, const sr_cevent *ev, const uint32_t *members, size_t n,
                            const char **names, size_t *nnames);
/* story: head (type, id, title), [documents], tail (first_seen, last_seen) */
json_t *sr_rec_story_head(const char *id, const char *title);
json_t *sr_rec_story_tail(const char *first_seen, const char *last_seen);
/* A conflict between claims a and b (ids, b NULL for the articles of
 * claim a disagreeing on its date) of kind "dispute" or "update" (a the
 * earlier report, b the later). */
json_t *sr_rec_conflict(const char *a, const char *b, const char *kind, const char *reason);
/* A trend of the finished corpus c. */
json_t *sr_rec_trend(const sitrep_corpus *c, const sr_ctrend *t);
/* A document's record: its own record (written when it was analysed)
 * with published_inferred and published_basis set (inferred non-NULL)
 * and story and duplicate_of set (NULL: null), appended to `out` without
 * a newline.  EFORMAT for a record this library did not write. */
sitrep_status sr_rec_document(const char *record, size_t len, const char *inferred, const char *basis,
                              const char *story, const char *dup_of, sr_buf *out);

#endif
